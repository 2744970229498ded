// Calendar days as the policy documents use them: no time of day, no zone.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace uie {

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  // "YYYY-MM-DD", a real calendar day between 1900 and 2199; nothing else.
  static std::optional<Date> parse(std::string_view text);
  // The device's local calendar day: the person's "today".
  static Date today();

  int ordinal() const { return year * 10000 + month * 100 + day; }
  // Days since 1970-01-01, for distances between dates.
  long days() const;
  // The day `n` days since 1970-01-01 (the inverse of days()).
  static Date from_days(long n);
  Date next() const { return from_days(days() + 1); }
  Date prev() const { return from_days(days() - 1); }
  std::string str() const;
  // "2024年12月31日", for sentences shown to people.
  std::string zh() const;

  friend bool operator<(const Date& a, const Date& b) { return a.ordinal() < b.ordinal(); }
  friend bool operator<=(const Date& a, const Date& b) { return a.ordinal() <= b.ordinal(); }
  friend bool operator>(const Date& a, const Date& b) { return a.ordinal() > b.ordinal(); }
  friend bool operator==(const Date& a, const Date& b) { return a.ordinal() == b.ordinal(); }
  friend bool operator!=(const Date& a, const Date& b) { return a.ordinal() != b.ordinal(); }
};

}  // namespace uie
