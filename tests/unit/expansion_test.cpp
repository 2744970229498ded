// 2021 coverage expansion: 失业补助金 and 失业农民工临时生活补助.
#include <catch2/catch.hpp>

#include "support.h"

using namespace uie_test;

static json subsidy(json facts, const std::string& region = "630000") {
  return {{"region", region}, {"date", "2021-09-01"}, {"program", "unemployment_subsidy"}, {"facts", std::move(facts)}};
}

TEST_CASE("失业补助金 goes to those whose benefit ran out or who never qualified", "[expansion]") {
  json expired = estimate(subsidy({{"unemployed_since", "2021-02-01"}, {"contribution_months", 40}, {"involuntary", true}, {"benefit_expired", true}}));
  CHECK(expired["eligible"] == true);
  CHECK(expired["amount_fen"].is_null());
  json short_ = estimate(subsidy({{"unemployed_since", "2021-02-01"}, {"contribution_months", 8}, {"involuntary", true}}));
  CHECK(short_["eligible"] == true);
  json quit = estimate(subsidy({{"unemployed_since", "2021-02-01"}, {"contribution_months", 40}, {"involuntary", false}}));
  CHECK(quit["eligible"] == true);
  json qualifies = estimate(subsidy({{"unemployed_since", "2021-02-01"}, {"contribution_months", 40}, {"involuntary", true}}));
  CHECK(qualifies["eligible"] == false);  // should claim 失业保险金 instead
  CHECK(condition(qualifies, "target_group")["passed"] == false);
}

TEST_CASE("only unemployment from 2021-01-01 on is covered", "[expansion]") {
  json facts = {{"unemployed_since", "2021-01-01"}, {"contribution_months", 8}, {"involuntary", true}};
  CHECK(estimate(subsidy(facts))["eligible"] == true);
  facts["unemployed_since"] = "2020-12-31";
  CHECK(estimate(subsidy(facts))["eligible"] == false);
}

TEST_CASE("contradictions in the expansion facts are refused", "[expansion]") {
  json future = estimate(subsidy({{"unemployed_since", "2021-10-01"}, {"contribution_months", 8}, {"involuntary", true}}));
  CHECK(future["error"]["code"] == "inconsistent_facts");
  CHECK(future["error"]["path"] == "/facts/unemployed_since");
  json odd = estimate(subsidy({{"unemployed_since", "2021-02-01"}, {"contribution_months", 8}, {"involuntary", true}, {"benefit_expired", true}}));
  CHECK(odd["error"]["code"] == "inconsistent_facts");
}

TEST_CASE("临时生活补助 is for migrant workers insured less than a year", "[expansion]") {
  auto req = [](json facts, const std::string& region = "630000") {
    return json{{"region", region}, {"date", "2021-09-01"}, {"program", "migrant_worker_allowance"}, {"facts", std::move(facts)}};
  };
  json facts = {{"migrant_worker", true}, {"insured_months", 11}, {"unemployed_since", "2021-03-01"}};
  CHECK(estimate(req(facts))["eligible"] == true);
  CHECK(estimate(req(facts))["policy"]["id"] == "qh-2021-50");
  facts["insured_months"] = 12;
  CHECK(estimate(req(facts))["eligible"] == false);
  facts["insured_months"] = 0;
  CHECK(estimate(req(facts))["eligible"] == false);
  facts["insured_months"] = 5;
  facts["migrant_worker"] = false;
  CHECK(estimate(req(facts))["eligible"] == false);
  facts["migrant_worker"] = true;
  CHECK(estimate(req(facts, "440000"))["policy"]["id"] == "gd-2021-28");  // 29号's rule, with a note that 广东's notice does not quote it
}
