// 稳岗返还 under the national ceilings, 山西 (顶格, exclusions, 划型, 派遣),
// 青海 (6%, 社会团体 30%, exclusions) and the 兵团 draft.
#include <catch2/catch.hpp>

#include "support.h"

using namespace uie_test;

static json request(const std::string& region, const std::string& date, json facts) {
  return {{"region", region}, {"date", date}, {"program", "stabilization_refund"}, {"facts", std::move(facts)}};
}

static json sme(int headcount, int layoffs, const char* paid = "56789.12") {
  return {{"unit_type", "enterprise"}, {"size", "sme"}, {"contribution_months", 24},
          {"insured_headcount", headcount}, {"layoffs", layoffs}, {"contributions_paid", paid}};
}

TEST_CASE("山西 pays 60% to an SME whose layoff rate is within 5.5%", "[refund]") {
  json r = estimate(request("140000", "2024-07-15", sme(80, 4)));
  CHECK(r["eligible"] == true);
  CHECK(r["amount_fen"] == 3407347);
  CHECK(r["amount_yuan"] == "34073.47");
  CHECK(r["rate"] == "60%");
  CHECK(r["amount_is_cap"] == false);
  CHECK(condition(r, "layoff_rate")["text"] == "上年度裁员率 5.00%（4÷80），不高于 5.5%");
  CHECK(condition(r, "layoff_rate")["cite"]["doc_no"] == "人社部发〔2024〕40号");
}

TEST_CASE("a layoff rate of exactly 5.5% passes, one more layoff fails with the exact limit", "[refund]") {
  CHECK(estimate(request("140000", "2024-07-15", sme(200, 11)))["eligible"] == true);
  json r = estimate(request("140000", "2024-07-15", sme(200, 12)));
  CHECK(r["eligible"] == false);
  CHECK(r["amount_fen"] == 0);
  CHECK(r["amount_yuan"] == "0.00");
  REQUIRE(r["whatif"].size() == 1);
  CHECK(r["whatif"][0]["fact"] == "layoffs");
  CHECK(r["whatif"][0]["max"] == 11);
  CHECK(r["whatif"][0]["text"] == "上年度裁员不超过 11 人（裁员率不高于 5.5%）即可满足");
  CHECK(r["missing"].empty());
}

TEST_CASE("units of 30 or fewer are held to 20%", "[refund]") {
  CHECK(estimate(request("140000", "2024-07-15", sme(30, 6)))["eligible"] == true);
  json r = estimate(request("140000", "2024-07-15", sme(30, 7)));
  CHECK(r["eligible"] == false);
  CHECK(r["whatif"][0]["max"] == 6);
  CHECK(estimate(request("140000", "2024-07-15", sme(31, 2)))["eligible"] == false);  // 6.45% > 5.5%
}

TEST_CASE("fewer than 12 months of contributions fails with how many are missing", "[refund]") {
  json f = sme(80, 0);
  f["contribution_months"] = 9;
  json r = estimate(request("140000", "2024-07-15", f));
  CHECK(r["eligible"] == false);
  CHECK(condition(r, "contribution_months")["passed"] == false);
  CHECK(r["whatif"][0]["min"] == 12);
  CHECK(r["whatif"][0]["text"] == "再足额缴费 3 个月（累计满 12 个月）即可满足");
  f["contribution_months"] = 12;
  CHECK(estimate(request("140000", "2024-07-15", f))["eligible"] == true);
}

TEST_CASE("山西 refuses dishonest, deregistered and abnormal enterprises", "[refund]") {
  for (const char* flag : {"seriously_dishonest", "license_revoked", "abnormal_operations"}) {
    json f = sme(80, 0);
    f[flag] = true;
    json r = estimate(request("140000", "2024-07-15", f));
    INFO(flag);
    CHECK(r["eligible"] == false);
    CHECK(condition(r, flag)["passed"] == false);
    CHECK(condition(r, flag)["cite"]["doc_no"] == "晋人社厅发〔2024〕28号");
  }
}

TEST_CASE("山西 presumes the size from the average headcount when it is not given, and shows both amounts", "[refund]") {
  // 晋人社厅发〔2024〕28号 二: statistics, then registration data, and only then ≥300 contributors = large.
  json f = sme(500, 0, "10000");
  f.erase("size");
  f["avg_insured_headcount"] = 300;
  json r = estimate(request("140000", "2024-07-15", f));
  CHECK(r["size_used"] == "large");
  CHECK(r["size_source"] == "derived");
  CHECK(r["amount_fen"].is_null());
  CHECK(r["candidates"] == json{{"large", 300000}, {"sme", 600000}});
  f["avg_insured_headcount"] = 299;
  r = estimate(request("140000", "2024-07-15", f));
  CHECK(r["size_used"] == "sme");
  CHECK(r["candidates"] == json{{"large", 300000}, {"sme", 600000}});
  f["size"] = "large";  // a size given (the office's 划型) decides
  r = estimate(request("140000", "2024-07-15", f));
  CHECK(r["amount_fen"] == 300000);
  CHECK(r["size_source"] == "fact");
}

TEST_CASE("an unknown size gives both candidate amounts and no single amount", "[refund]") {
  json f = sme(80, 0, "10000");
  f.erase("size");
  json r = estimate(request("140000", "2024-07-15", f));
  CHECK(r["eligible"] == true);
  CHECK(r["amount_fen"].is_null());
  CHECK(r["candidates"] == json{{"large", 300000}, {"sme", 600000}});
  CHECK(r["optional_missing"][0] == "size");
}

TEST_CASE("山西 leaves dispatched-to-public-institution contributions out and passes the rest on", "[refund]") {
  json f = sme(80, 0, "10000");
  f["labor_dispatch"] = true;
  f["public_dispatch_contributions"] = "2000";
  f["dispatched_contributions"] = "3000";
  json r = estimate(request("140000", "2024-07-15", f));
  CHECK(r["base_fen"] == 800000);
  CHECK(r["amount_fen"] == 480000);
  CHECK(r["pass_on_fen"] == 180000);
}

TEST_CASE("the national pack alone gives the ceiling, flagged as such", "[refund]") {
  json r = estimate(request("110000", "2024-07-15", sme(80, 4)));
  CHECK(r["policy"]["id"] == "cn-2024-40");
  CHECK(r["amount_fen"] == 3407347);
  CHECK(r["amount_is_cap"] == true);
}

TEST_CASE("other kinds of unit: SME size at the SME rate, large or unknown both readings, and 青海 puts social groups at 30%", "[refund]") {
  json f = sme(80, 0, "10000");
  f["unit_type"] = "social_group";
  CHECK(estimate(request("140000", "2024-07-15", f))["amount_fen"] == 600000);
  f["size"] = "large";
  json both = estimate(request("140000", "2024-07-15", f));
  CHECK(both["amount_fen"].is_null());
  CHECK(both["candidates"] == json{{"large", 300000}, {"sme", 600000}});
  f.erase("size");
  CHECK(estimate(request("140000", "2024-07-15", f))["candidates"] == json{{"large", 300000}, {"sme", 600000}});
  f["size"] = "large";
  f.erase("contribution_months");
  CHECK(estimate(request("630000", "2021-07-15", f))["amount_fen"] == 300000);
  f["unit_type"] = "law_firm";
  CHECK(estimate(request("630000", "2021-07-15", f))["amount_fen"] == 600000);
}

TEST_CASE("青海 2021 uses 6%, needs no contribution months, and lists its exclusions", "[refund]") {
  json f = sme(100, 6, "8000");
  f.erase("contribution_months");
  json r = estimate(request("630000", "2021-10-08", f));
  CHECK(r["eligible"] == true);
  CHECK(condition(r, "contribution_months").is_null());
  CHECK(r["amount_fen"] == 480000);
  f["layoffs"] = 7;
  CHECK(estimate(request("630000", "2021-10-08", f))["eligible"] == false);
  f["layoffs"] = 0;
  f["zombie"] = true;
  CHECK(estimate(request("630000", "2021-10-08", f))["eligible"] == false);
}

TEST_CASE("the 兵团 draft requires deferred contributions to be paid up", "[refund]") {
  json f = sme(80, 0, "10000");
  f["deferred_unpaid"] = true;
  json r = estimate(request("660000", "2024-07-15", f));
  CHECK(r["eligible"] == false);
  CHECK(r["whatif"][0]["fact"] == "deferred_unpaid");
  f["deferred_unpaid"] = false;
  r = estimate(request("660000", "2024-07-15", f));
  CHECK(r["amount_fen"] == 600000);
  CHECK(r["amount_is_cap"] == false);
}

TEST_CASE("missing facts are listed in asking order and make eligibility unknown", "[refund]") {
  json r = estimate(request("140000", "2024-07-15", json{{"unit_type", "enterprise"}}));
  CHECK(r["eligible"].is_null());
  CHECK(r["amount_fen"].is_null());
  CHECK(r["missing"] == json::array({"insured_headcount", "layoffs", "contribution_months", "contributions_paid"}));
  json failed = estimate(request("140000", "2024-07-15", json{{"unit_type", "enterprise"}, {"contribution_months", 3}}));
  CHECK(failed["eligible"] == false);  // already decided: nothing more to ask
  CHECK(failed["missing"].empty());
}

TEST_CASE("half a fen rounds up, once", "[refund]") {
  json f = sme(80, 0, "0.05");
  f["size"] = "large";
  CHECK(estimate(request("140000", "2024-07-15", f))["amount_fen"] == 2);  // 1.5 fen
  f["contributions_paid"] = "0.15";
  CHECK(estimate(request("140000", "2024-07-15", f))["amount_fen"] == 5);  // 4.5 fen
}

TEST_CASE("dispatch amounts are asked only after the unit says it is a dispatch unit", "[refund]") {
  json f = sme(80, 0, "10000");
  json r = estimate(request("140000", "2024-07-15", f));
  auto asks = [](const json& resp, const char* id) {
    for (const auto& x : resp["optional_missing"]) {
      if (x == id) return true;
    }
    return false;
  };
  CHECK(asks(r, "labor_dispatch"));
  CHECK_FALSE(asks(r, "dispatched_contributions"));
  f["labor_dispatch"] = true;
  r = estimate(request("140000", "2024-07-15", f));
  CHECK(asks(r, "public_dispatch_contributions"));
  CHECK(asks(r, "dispatched_contributions"));
}

TEST_CASE("a fact the policy does not use is named in a note, not silently dropped", "[refund]") {
  json f = sme(80, 0, "10000");
  f["zombie"] = true;  // 山西 lists no 僵尸企业 exclusion
  json r = estimate(request("140000", "2024-07-15", f));
  CHECK(r["eligible"] == true);
  bool noted = false;
  for (const auto& n : r["notes"]) noted = noted || n.get<std::string>().find("本政策不考虑") != std::string::npos;
  CHECK(noted);
}
