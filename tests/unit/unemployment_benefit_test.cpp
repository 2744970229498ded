#include <catch2/catch.hpp>

#include "eval/duration.h"
#include "support.h"

using namespace uie_test;

static json request(const std::string& region, json facts, const std::string& date = "2024-07-15") {
  return {{"region", region}, {"date", date}, {"program", "unemployment_benefit"}, {"facts", std::move(facts)}};
}

TEST_CASE("the longest entitlement follows the law's bands exactly at each edge", "[benefit]") {
  auto months = [](int c) { return estimate(request("000000", {{"contribution_months", c}, {"involuntary", true}}))["max_months"]; };
  CHECK(months(11) == 0);
  CHECK(months(12) == 12);
  CHECK(months(59) == 12);
  CHECK(months(60) == 18);
  CHECK(months(119) == 18);
  CHECK(months(120) == 24);
  CHECK(months(400) == 24);
}

TEST_CASE("a year of contributions and an involuntary end make a person eligible", "[benefit]") {
  json r = estimate(request("000000", {{"contribution_months", 24}, {"involuntary", true}}));
  CHECK(r["eligible"] == true);
  CHECK(r["max_months"] == 12);
  CHECK(r["amount_fen"].is_null());  // the monthly standard is local
  CHECK(r["total_months"] == 12);
  json short_ = estimate(request("000000", {{"contribution_months", 9}, {"involuntary", true}}));
  CHECK(short_["eligible"] == false);
  // Contributions after the job loss do not count for this spell: the what-if says what would.
  CHECK(short_["whatif"][0]["text"] == "失业以后才缴的费不计入这一次；重新就业、累计缴费满 12 个月（还差 3 个月）以后再失业的，可以申领");
  CHECK(estimate(request("000000", {{"contribution_months", 24}, {"involuntary", false}}))["eligible"] == false);
}

TEST_CASE("re-employment, a pension or a used-up entitlement stop the benefit", "[benefit]") {
  CHECK(estimate(request("000000", {{"contribution_months", 24}, {"involuntary", true}, {"reemployed", true}}))["eligible"] == false);
  CHECK(estimate(request("000000", {{"contribution_months", 24}, {"involuntary", true}, {"receiving_pension", true}}))["eligible"] == false);
  json r = estimate(request("000000", {{"contribution_months", 70}, {"involuntary", true}, {"benefit_months_used", 5}}));
  CHECK(r["remaining_months"] == 13);
  // Used up: the extension to retirement may still give months, so the age is asked before any "no".
  json used_up = estimate(request("000000", {{"contribution_months", 70}, {"involuntary", true}, {"benefit_months_used", 18}}));
  CHECK(used_up["eligible"].is_null());
  CHECK(used_up["missing"] == json::array({"birth_month", "retirement_group"}));
  CHECK(estimate(request("000000", {{"contribution_months", 70}, {"involuntary", true}, {"benefit_months_used", 18},
                                    {"birth_month", "1980-03"}, {"retirement_group", "male"}}))["eligible"] == false);
  // Before 2019-12 no rule extended the benefit: a plain no.
  CHECK(estimate(request("000000", {{"contribution_months", 70}, {"involuntary", true}, {"benefit_months_used", 18}}, "2019-11-30"))["eligible"] == false);
}

TEST_CASE("山东 continues the benefit to retirement when less than a year remains", "[benefit]") {
  json r = estimate(request("370000", {{"contribution_months", 24}, {"involuntary", true}, {"months_to_retirement", 20}}, "2023-06-01"));
  CHECK(r["policy"]["id"] == "sd-2020-10");
  CHECK(r["remaining_months"] == 12);
  CHECK(r["extension_months"] == 8);
  CHECK(r["total_months"] == 20);
  json far = estimate(request("371500", {{"contribution_months", 24}, {"involuntary", true}, {"months_to_retirement", 24}}));
  CHECK(far["extension_months"] == 0);  // 12 months left at the end: not "less than a year"
  json past = estimate(request("370000", {{"contribution_months", 24}, {"involuntary", true}, {"months_to_retirement", -3}}));
  CHECK(past["eligible"] == true);
  CHECK(past["extension_months"] == 0);
  json nat = estimate(request("000000", {{"contribution_months", 24}, {"involuntary", true}, {"months_to_retirement", 20}}));
  CHECK(nat["extension_months"] == 8);  // nationally too since 2019-12 (人社部发〔2020〕40号 二)
}

TEST_CASE("a province's schedule grows by a month per step and stays under the national ceiling", "[benefit]") {
  // 《广东省失业保险条例》 第十七条 as bands with steps (eval/duration.cpp band_months).
  std::vector<uie::Band> gd = {{12, 1, 12, 0}, {48, 4, 6, 24}};
  CHECK(uie::band_months(gd, 11) == 0);
  CHECK(uie::band_months(gd, 12) == 1);
  CHECK(uie::band_months(gd, 47) == 3);
  CHECK(uie::band_months(gd, 48) == 4);
  CHECK(uie::band_months(gd, 59) == 5);
  CHECK(uie::band_months(gd, 60) == 6);
  CHECK(uie::band_months(gd, 168) == 24);
  CHECK(uie::band_months(gd, 1200) == 24);
  // In a response: 130 months in 广州 → 4 + ⌊82 ÷ 6⌋ = 17, not the national 24, and not a ceiling.
  json r = estimate(request("440100", {{"contribution_months", 130}, {"involuntary", true}}, "2025-07-01"));
  CHECK(r["max_months"] == 17);
  CHECK(r["max_months_is_cap"] == false);
  json n = estimate(request("110000", {{"contribution_months", 130}, {"involuntary", true}}, "2025-07-01"));
  CHECK(n["max_months"] == 24);
  CHECK(n["max_months_is_cap"] == true);
}

TEST_CASE("the monthly amount is the standard once eligible, and the total its product with the months", "[benefit]") {
  json r = estimate(request("140300", {{"contribution_months", 60}, {"separation_reason", "dismissed"}}, "2025-07-01"));
  CHECK(r["amount_fen"] == 193500);
  CHECK(r["total_fen"] == r["amount_fen"].get<long long>() * r["total_months"].get<long long>());
  json undecided = estimate(request("140300", {{"contribution_months", 60}}, "2025-07-01"));
  CHECK(undecided["amount_fen"].is_null());
  CHECK(undecided["monthly_standard_fen"] == 193500);  // the standard is known whatever the verdict
  CHECK(undecided["total_fen"].is_null());
  CHECK(undecided["missing"] == json::array({"separation_reason"}));
}
