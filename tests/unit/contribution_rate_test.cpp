#include <catch2/catch.hpp>

#include "support.h"

using namespace uie_test;

static json rate(const std::string& region, const char* base, const std::string& date = "2025-06-01") {
  return estimate({{"region", region}, {"date", date}, {"program", "contribution_rate"}, {"facts", {{"wage_base", base}}}});
}

TEST_CASE("山西 splits 1% as 0.7% for the unit and 0.3% for the employee", "[rate]") {
  json r = rate("140000", "8000");
  CHECK(r["eligible"] == true);
  CHECK(r["unit_fen"] == 5600);
  CHECK(r["individual_fen"] == 2400);
  CHECK(r["amount_fen"] == 8000);
  CHECK(r["unit_rate"] == "0.7%");
  CHECK(r["total_rate"] == "1%");
}

TEST_CASE("each share is rounded on its own, half up", "[rate]") {
  json r = rate("140000", "1.50");  // 1.05 fen and 0.45 fen
  CHECK(r["unit_fen"] == 1);
  CHECK(r["individual_fen"] == 0);
  CHECK(r["amount_fen"] == 1);
}

TEST_CASE("兵团 splits 0.5% + 0.5%, and nationally only the total is set", "[rate]") {
  json b = rate("660000", "8000");
  CHECK(b["unit_fen"] == 4000);
  CHECK(b["individual_fen"] == 4000);
  json n = rate("110000", "8000");
  CHECK(n["unit_fen"].is_null());
  CHECK(n["individual_fen"].is_null());
  CHECK(n["amount_fen"] == 8000);
}

TEST_CASE("the reduced rate runs through 2025 only", "[rate]") {
  CHECK(rate("140000", "8000", "2025-12-31")["ok"] == true);
  CHECK(rate("140000", "8000", "2026-01-01")["error"]["code"] == "no_policy_in_force");
  CHECK(rate("140000", "8000", "2024-06-01")["error"]["code"] == "no_policy_in_force");
}
