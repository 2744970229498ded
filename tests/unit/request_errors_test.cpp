// Bad requests get a structured error pointing at the bad value, in Chinese.
#include <catch2/catch.hpp>

#include "support.h"

using namespace uie_test;

static json base() {
  return {{"region", "140000"}, {"date", "2024-07-15"}, {"program", "stabilization_refund"},
          {"facts", {{"unit_type", "enterprise"}, {"size", "sme"}, {"contribution_months", 24}, {"insured_headcount", 80},
                     {"layoffs", 4}, {"contributions_paid", 56789.12}}}};
}

static void expect_error(const json& r, const std::string& code, const std::string& path) {
  INFO(r.dump());
  REQUIRE(r["ok"] == false);
  CHECK(r["error"]["code"] == code);
  CHECK(r["error"]["path"] == path);
  CHECK_FALSE(r["error"]["message"].get<std::string>().empty());
}

TEST_CASE("the contract's own error example", "[errors]") {
  json req = base();
  req["facts"]["layoffs"] = -3;
  json r = estimate(req);
  expect_error(r, "invalid_fact", "/facts/layoffs");
  CHECK(r["error"]["message"].get<std::string>().find("-3") != std::string::npos);
}

TEST_CASE("request-level mistakes point at the member", "[errors]") {
  expect_error(estimate_text("not json"), "invalid_json", "");
  expect_error(estimate_text("[1,2]"), "invalid_request", "");
  json r = base();
  r["regoin"] = "140000";
  expect_error(estimate(r), "invalid_request", "/regoin");
  r = base();
  r.erase("region");
  expect_error(estimate(r), "invalid_request", "/region");
  for (json bad : {json("1400"), json("14000a"), json(140000), json("1400001")}) {
    r = base();
    r["region"] = bad;
    expect_error(estimate(r), "invalid_request", "/region");
  }
  r = base();
  r["region"] = "990000";
  expect_error(estimate(r), "unknown_region", "/region");
  r["region"] = "160000";
  expect_error(estimate(r), "unknown_region", "/region");
  r = base();
  r["date"] = "2024-02-30";
  expect_error(estimate(r), "invalid_request", "/date");
  r["date"] = 20240215;
  expect_error(estimate(r), "invalid_request", "/date");
  r = base();
  r["program"] = "refund";
  expect_error(estimate(r), "unknown_program", "/program");
  r.erase("program");
  expect_error(estimate(r), "invalid_request", "/program");
  r = base();
  r["facts"] = json::array();
  expect_error(estimate(r), "invalid_request", "/facts");
  r = base();
  r["policy"] = 3;
  expect_error(estimate(r), "invalid_request", "/policy");
}

TEST_CASE("fact mistakes point at the fact", "[errors]") {
  struct Case {
    const char* fact;
    json value;
    const char* code;
  };
  std::vector<Case> cases = {
      {"layoffs", "three", "invalid_fact"},       {"layoffs", 2.5, "invalid_fact"},
      {"layoffs", true, "invalid_fact"},          {"layoffs", nullptr, "invalid_fact"},
      {"insured_headcount", 0, "invalid_fact"},   {"insured_headcount", 20000000, "invalid_fact"},
      {"contributions_paid", "12.345", "invalid_fact"}, {"contributions_paid", -1, "invalid_fact"},
      {"contributions_paid", "abc", "invalid_fact"},    {"contributions_paid", json::array(), "invalid_fact"},
      {"unit_type", "company", "invalid_fact"},   {"size", "small", "invalid_fact"},
      {"zombie", "no", "invalid_fact"},           {"zombie", 0, "invalid_fact"},
      {"Layoffs", 1, "unknown_fact"},             {"layoffs ", 1, "unknown_fact"},
      {"level", 3, "unknown_fact"},
  };
  for (const auto& c : cases) {
    json r = base();
    r["facts"][c.fact] = c.value;
    INFO(c.fact << " = " << c.value.dump());
    expect_error(estimate(r), c.code, std::string("/facts/") + c.fact);
  }
}

TEST_CASE("a look-alike fact name gets a suggestion", "[errors]") {
  json r = base();
  r["facts"]["Layoffs"] = 1;
  CHECK(estimate(r)["error"]["message"].get<std::string>().find("layoffs") != std::string::npos);
}

TEST_CASE("contradicting facts are inconsistent_facts at the later one", "[errors]") {
  json r = base();
  r["facts"]["layoffs"] = 81;
  expect_error(estimate(r), "inconsistent_facts", "/facts/layoffs");
  r = base();
  r["facts"]["labor_dispatch"] = true;
  r["facts"]["public_dispatch_contributions"] = 50000;
  r["facts"]["dispatched_contributions"] = 10000;
  expect_error(estimate(r), "inconsistent_facts", "/facts/dispatched_contributions");
  r = base();
  r["facts"]["dispatched_contributions"] = 100;
  expect_error(estimate(r), "inconsistent_facts", "/facts/dispatched_contributions");
}

TEST_CASE("money with more than two places is refused even as a JSON number", "[errors]") {
  expect_error(estimate_text(R"({"region":"140000","date":"2024-07-15","program":"contribution_rate","facts":{"wage_base":8000.125}})"),
               "invalid_fact", "/facts/wage_base");
  json ok = estimate_text(R"({"region":"140000","date":"2025-07-15","program":"contribution_rate","facts":{"wage_base":8000.10}})");
  CHECK(ok["amount_fen"] == 8000);
}

TEST_CASE("the engine serves the next request after any error", "[errors]") {
  for (int i = 0; i < 200; ++i) estimate_text(std::string(static_cast<std::size_t>(i % 40), '{'));
  CHECK(estimate(base())["amount_fen"] == 3407347);
}
