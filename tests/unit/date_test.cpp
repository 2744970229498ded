#include <catch2/catch.hpp>

#include "base/date.h"

using uie::Date;

TEST_CASE("only real calendar days in YYYY-MM-DD are dates", "[date]") {
  CHECK(Date::parse("2024-02-29"));
  CHECK_FALSE(Date::parse("2023-02-29"));
  CHECK_FALSE(Date::parse("2024-02-30"));
  CHECK_FALSE(Date::parse("2100-02-29"));  // not a leap year
  CHECK(Date::parse("2000-02-29"));
  CHECK_FALSE(Date::parse("2024-13-01"));
  CHECK_FALSE(Date::parse("2024-00-10"));
  CHECK_FALSE(Date::parse("2024-04-31"));
  CHECK_FALSE(Date::parse("2024-4-1"));
  CHECK_FALSE(Date::parse("2024/04/01"));
  CHECK_FALSE(Date::parse("20240401"));
  CHECK_FALSE(Date::parse("2024-04-01T00:00"));
  CHECK_FALSE(Date::parse(""));
  CHECK_FALSE(Date::parse("1899-12-31"));
}

TEST_CASE("dates order by day and print both ways", "[date]") {
  Date a = *Date::parse("2024-12-31"), b = *Date::parse("2025-01-01");
  CHECK(a < b);
  CHECK(a <= a);
  CHECK(a.str() == "2024-12-31");
  CHECK(b.zh() == "2025年1月1日");
}

TEST_CASE("today is a real date", "[date]") {
  Date t = Date::today();
  CHECK(Date::parse(t.str()));
}

TEST_CASE("a day count turns back into the same calendar day", "[date]") {
  for (const char* s : {"1900-01-01", "1970-01-01", "2000-02-29", "2024-02-29", "2024-12-31", "2025-01-01", "2199-12-31"}) {
    Date d = *Date::parse(s);
    CHECK(Date::from_days(d.days()) == d);
  }
  CHECK(Date::parse("2024-02-28")->next().str() == "2024-02-29");
  CHECK(Date::parse("2023-02-28")->next().str() == "2023-03-01");
  CHECK(Date::parse("2025-01-01")->prev().str() == "2024-12-31");
}
