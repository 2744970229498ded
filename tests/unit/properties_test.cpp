// Properties over many generated requests: what must hold whatever the numbers.
#include <catch2/catch.hpp>

#include <random>

#include "support.h"

using namespace uie_test;

namespace {

// Every refund policy, reached by region and date.
const std::vector<std::pair<std::string, std::string>> kRefundPolicies = {
    {"000000", "2024-07-01"}, {"140000", "2024-07-01"}, {"140300", "2024-07-01"}, {"660000", "2024-07-01"},
    {"000000", "2021-07-01"}, {"630000", "2021-07-01"}, {"630100", "2021-07-01"}, {"440000", "2021-07-01"},
    {"440100", "2021-07-01"}};

json refund(const std::pair<std::string, std::string>& where, json facts) {
  return {{"region", where.first}, {"date", where.second}, {"program", "stabilization_refund"}, {"facts", std::move(facts)}};
}

}  // namespace

TEST_CASE("more layoffs never turn a no into a yes", "[property]") {
  std::mt19937 rng(20241122);
  for (const auto& where : kRefundPolicies) {
    for (int trial = 0; trial < 12; ++trial) {
      int headcount = std::uniform_int_distribution<int>(1, 400)(rng);
      bool was_eligible = true;
      for (int layoffs = 0; layoffs <= headcount; layoffs += 1 + headcount / 40) {
        json r = estimate(refund(where, {{"unit_type", "enterprise"}, {"size", "sme"}, {"contribution_months", 24},
                                         {"insured_headcount", headcount}, {"layoffs", layoffs}, {"contributions_paid", 1000}}));
        REQUIRE(r["ok"] == true);
        bool eligible = r["eligible"] == true;
        INFO(where.first << " " << where.second << " headcount " << headcount << " layoffs " << layoffs);
        CHECK_FALSE((eligible && !was_eligible));
        was_eligible = eligible;
      }
    }
  }
}

TEST_CASE("the refund never falls as contributions rise", "[property]") {
  std::mt19937 rng(7);
  for (const auto& where : kRefundPolicies) {
    for (const char* size : {"large", "sme"}) {
      long long previous = -1;
      long long paid_fen = 0;
      for (int step = 0; step < 60; ++step) {
        paid_fen += std::uniform_int_distribution<long long>(0, 5'000'000)(rng);
        char paid[32];
        std::snprintf(paid, sizeof paid, "%lld.%02lld", paid_fen / 100, paid_fen % 100);
        json r = estimate(refund(where, {{"unit_type", "enterprise"}, {"size", size}, {"contribution_months", 24},
                                         {"insured_headcount", 100}, {"layoffs", 1}, {"contributions_paid", paid}}));
        REQUIRE(r["amount_fen"].is_number_integer());
        long long amount = r["amount_fen"];
        INFO(where.first << " " << size << " paid " << paid);
        CHECK(amount >= previous);
        previous = amount;
      }
    }
  }
}

TEST_CASE("adding an optional yes/no fact as false never changes a result", "[property]") {
  struct Program {
    json request;
    std::vector<std::string> flags;
  };
  std::vector<Program> programs = {
      {refund({"140000", "2024-07-01"}, {{"unit_type", "enterprise"}, {"size", "sme"}, {"contribution_months", 24},
                                         {"insured_headcount", 80}, {"layoffs", 4}, {"contributions_paid", "56789.12"}}),
       {"seriously_dishonest", "license_revoked", "abnormal_operations", "zombie", "against_industry_policy",
        "deferred_unpaid", "labor_dispatch"}},
      {refund({"630000", "2021-07-01"}, {{"unit_type", "enterprise"}, {"size", "large"}, {"insured_headcount", 80},
                                         {"layoffs", 4}, {"contributions_paid", "800"}}),
       {"seriously_dishonest", "zombie", "against_industry_policy"}},
      {refund({"660000", "2024-07-01"}, {{"unit_type", "enterprise"}, {"size", "sme"}, {"contribution_months", 24},
                                         {"insured_headcount", 80}, {"layoffs", 40}, {"contributions_paid", "800"}}),
       {"deferred_unpaid", "zombie"}},
      {{{"region", "140000"}, {"date", "2024-07-01"}, {"program", "skill_subsidy"},
        {"facts", {{"worker_status", "employed"}, {"insured_months", 18}, {"certificate", "skill_level"}, {"level", 4}}}},
       {"training_subsidy_received"}},
      {{{"region", "370000"}, {"date", "2024-07-01"}, {"program", "unemployment_benefit"},
        {"facts", {{"contribution_months", 30}, {"involuntary", true}}}},
       {"reemployed", "receiving_pension"}},
      {{{"region", "630000"}, {"date", "2021-07-01"}, {"program", "unemployment_subsidy"},
        {"facts", {{"unemployed_since", "2021-03-01"}, {"contribution_months", 30}, {"involuntary", true}}}},
       {"reemployed", "benefit_expired"}},
  };
  for (const auto& p : programs) {
    json before = estimate(p.request);
    REQUIRE(before["ok"] == true);
    for (const auto& flag : p.flags) {
      json req = p.request;
      req["facts"][flag] = false;
      json after = estimate(req);
      INFO(p.request.dump() << " + " << flag << "=false");
      REQUIRE(after["ok"] == true);
      CHECK(after["eligible"] == before["eligible"]);
      CHECK(after["amount_fen"] == before["amount_fen"]);
      CHECK(after["max_months"] == before["max_months"]);
      CHECK(after["conditions"].size() == before["conditions"].size());
      for (std::size_t i = 0; i < before["conditions"].size(); ++i) {
        CHECK(after["conditions"][i]["passed"] == before["conditions"][i]["passed"]);
      }
    }
  }
}
