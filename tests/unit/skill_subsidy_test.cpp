#include <catch2/catch.hpp>

#include "support.h"

using namespace uie_test;

static json request(const std::string& region, const std::string& date, json facts) {
  return {{"region", region}, {"date", date}, {"program", "skill_subsidy"}, {"facts", std::move(facts)}};
}

static json worker(int level, const char* status = "employed", int months = 18) {
  return {{"worker_status", status}, {"insured_months", months}, {"certificate", "skill_level"}, {"level", level}};
}

TEST_CASE("levels 5, 4 and 3 get 1000, 1500 and 2000 yuan in 山西", "[skill]") {
  CHECK(estimate(request("140000", "2024-04-20", worker(5)))["amount_fen"] == 100000);
  CHECK(estimate(request("140000", "2024-04-20", worker(4)))["amount_fen"] == 150000);
  CHECK(estimate(request("140000", "2024-04-20", worker(3)))["amount_fen"] == 200000);
  CHECK(estimate(request("140000", "2024-04-20", worker(3)))["amount_is_cap"] == false);
}

TEST_CASE("technicians and senior technicians are outside the subsidy", "[skill]") {
  for (int level : {2, 1}) {
    json r = estimate(request("140000", "2024-04-20", worker(level)));
    CHECK(r["eligible"] == false);
    CHECK(condition(r, "level")["passed"] == false);
    CHECK(r["amount_fen"] == 0);
  }
}

TEST_CASE("people drawing unemployment benefit qualify in 2024 but not in 2021", "[skill]") {
  CHECK(estimate(request("140000", "2024-04-20", worker(4, "unemployed_receiving_benefit")))["eligible"] == true);
  CHECK(estimate(request("140000", "2024-04-20", worker(4, "other")))["eligible"] == false);
  json q = estimate(request("630000", "2021-06-01", worker(4, "unemployed_receiving_benefit")));
  CHECK(q["eligible"] == false);
  CHECK(condition(q, "worker_status")["passed"] == false);
}

TEST_CASE("12 months insured is enough, and 11 is one short", "[skill]") {
  CHECK(estimate(request("140000", "2024-04-20", worker(5, "employed", 12)))["eligible"] == true);
  json r = estimate(request("140000", "2024-04-20", worker(5, "employed", 11)));
  CHECK(r["eligible"] == false);
  CHECK(r["whatif"][0] == json{{"condition", "insured_months"}, {"fact", "insured_months"}, {"min", 12}, {"text", "再参保 1 个月（累计满 12 个月）即可满足"}});
}

TEST_CASE("special-ability and other certificates are not covered", "[skill]") {
  json f = worker(5);
  f["certificate"] = "special_ability";
  CHECK(estimate(request("140000", "2024-04-20", f))["eligible"] == false);
}

TEST_CASE("three claims a year, once per level, never down a level, never twice with training", "[skill]") {
  json f = worker(4);
  f["claims_this_year"] = 2;
  CHECK(estimate(request("140000", "2024-04-20", f))["eligible"] == true);
  f["claims_this_year"] = 3;
  CHECK(estimate(request("140000", "2024-04-20", f))["eligible"] == false);
  f = worker(4);
  f["previous_levels_same_occupation"] = {5};
  CHECK(estimate(request("140000", "2024-04-20", f))["eligible"] == true);  // moving up is fine
  f["previous_levels_same_occupation"] = {4};
  CHECK(condition(estimate(request("140000", "2024-04-20", f)), "same_level_claimed")["passed"] == false);
  f["previous_levels_same_occupation"] = {3};
  CHECK(condition(estimate(request("140000", "2024-04-20", f)), "higher_level_claimed")["passed"] == false);
  f = worker(4);
  f["training_subsidy_received"] = true;
  CHECK(estimate(request("140000", "2024-04-20", f))["eligible"] == false);
}

TEST_CASE("the national standard is a ceiling, and 2021 standards are local", "[skill]") {
  json n = estimate(request("110000", "2024-04-20", worker(3)));
  CHECK(n["amount_fen"] == 200000);
  CHECK(n["amount_is_cap"] == true);
  json gd = estimate(request("440000", "2021-09-01", worker(3)));
  CHECK(gd["eligible"] == true);
  CHECK(gd["amount_fen"].is_null());
  bool named = false;
  for (const auto& note : gd["notes"]) named = named || note.get<std::string>().find("粤人社规〔2020〕6号") != std::string::npos;
  CHECK(named);
}

TEST_CASE("the 兵团 draft pays the standard exactly and is flagged", "[skill]") {
  json r = estimate(request("660000", "2024-04-20", worker(5)));
  CHECK(r["amount_fen"] == 100000);
  CHECK(r["policy"]["draft"] == true);
}
