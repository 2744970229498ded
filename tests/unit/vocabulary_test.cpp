// The open rule vocabulary, proved on data only: a parameter whose value
// depends on a fact (tests/packs/test-urgent-2025.json states the 2025 skill
// rule "每人每年1次，急需紧缺职业(工种)证书增加2次" with no line of C++), with
// the what-if that case gives; and the size derivation, a derived fact.
#include <catch2/catch.hpp>

#include "support.h"

using namespace uie_test;

namespace {

const uie::Engine& with_test_pack() {
  static const auto loaded = [] {
    auto packs = uie::embedded_packs();
    packs.push_back({"tests/packs/test-urgent-2025.json", read_file(std::string(UIE_SOURCE_DIR) + "/tests/packs/test-urgent-2025.json")});
    return uie::Engine::load(packs);
  }();
  if (!loaded.ok()) {
    for (const auto& i : loaded.issues) UNSCOPED_INFO(i.file << " " << i.pointer << " " << i.message);
  }
  REQUIRE(loaded.ok());
  return *loaded.engine;
}

json skill(const json& extra) {
  json facts = {{"worker_status", "employed"}, {"insured_months", 24}, {"certificate", "skill_level"}, {"level", 4}};
  for (auto it = extra.begin(); it != extra.end(); ++it) facts[it.key()] = it.value();
  return {{"region", "650000"}, {"date", "2025-06-01"}, {"program", "skill_subsidy"}, {"facts", facts}};
}

json ask(const json& request) { return json::parse(with_test_pack().estimate(request.dump(), "2025-06-01")); }

}  // namespace

TEST_CASE("a yearly limit of 1, or 3 for an urgent occupation, is stated in data", "[vocabulary]") {
  json plain = ask(skill({{"claims_this_year", 1}}));
  REQUIRE(plain["ok"] == true);
  CHECK(plain["policy"]["id"] == "test-urgent-2025");
  CHECK(condition(plain, "claims_this_year")["passed"] == false);
  CHECK(condition(plain, "claims_this_year")["text"] == "今年已领 1 次，已到每年 1 次");
  CHECK(plain["eligible"] == false);

  json urgent = ask(skill({{"claims_this_year", 1}, {"urgent_occupation", true}}));
  CHECK(condition(urgent, "claims_this_year")["passed"] == true);
  CHECK(condition(urgent, "claims_this_year")["text"] == "今年已领 1 次，未到每年 3 次");
  CHECK(urgent["eligible"] == true);

  json used_up = ask(skill({{"claims_this_year", 3}, {"urgent_occupation", true}}));
  CHECK(condition(used_up, "claims_this_year")["passed"] == false);
  CHECK(used_up["whatif"].empty());  // no case gives more

  // The national rule alone leaves the 2 extra claims to the province (where_adopted): undecided, not a yes.
  auto national = [](json facts) {
    return json::parse(engine().estimate(json{{"region", "000000"}, {"date", "2025-06-01"}, {"program", "skill_subsidy"},
                                              {"facts", skill(std::move(facts))["facts"]}}.dump()));
  };
  json open = national({{"claims_this_year", 1}, {"urgent_occupation", true}});
  CHECK(condition(open, "claims_this_year")["passed"].is_null());
  CHECK(open["eligible"].is_null());
  CHECK(open["missing"].empty());
  CHECK(condition(open, "claims_this_year")["text"].get<std::string>().find("要问当地经办机构") != std::string::npos);
  CHECK(national({{"claims_this_year", 1}, {"urgent_occupation", false}})["eligible"] == false);
  CHECK(national({{"claims_this_year", 1}})["missing"] == json::array({"urgent_occupation"}));
}

TEST_CASE("the what-if of a failed limit names the fact whose case would pass", "[vocabulary]") {
  json r = ask(skill({{"claims_this_year", 1}}));
  REQUIRE(r["whatif"].size() == 1);
  CHECK(r["whatif"][0] == json{{"condition", "claims_this_year"}, {"fact", "urgent_occupation"},
                               {"text", "证书属于急需紧缺职业（工种）目录的，每年最多 3 次"}});
  // Left out, the fact counts as no, and the answer says so.
  bool said = false;
  for (const auto& n : r["notes"]) said = said || n.get<std::string>().find("「证书是否属于本省急需紧缺职业（工种）目录」") != std::string::npos;
  CHECK(said);
  // It is asked, with the citation of the case.
  json q = json::parse(with_test_pack().questions(skill(json::object()).dump(), "2025-06-01"));
  bool asked = false;
  for (const auto& x : q["questions"]) asked = asked || x["fact"] == "urgent_occupation";
  CHECK(asked);
  // In English where the data has it.
  uie::Options en;
  en.today = "2025-06-01";
  en.english = true;
  json e = json::parse(with_test_pack().estimate(skill({{"claims_this_year", 1}}).dump(), en));
  CHECK(e["whatif"][0]["text"] == "With a certificate of an urgent occupation, up to 3 a year");
}

TEST_CASE("the size is a derived fact: given wins, derived is marked and explained", "[vocabulary]") {
  json base = {{"region", "140000"}, {"date", "2024-07-15"}, {"program", "stabilization_refund"},
               {"facts", {{"unit_type", "enterprise"}, {"contribution_months", 24}, {"insured_headcount", 400}, {"layoffs", 4},
                          {"contributions_paid", 10000}, {"avg_insured_headcount", 320}}}};
  json derived = estimate(base);
  CHECK(derived["size_used"] == "large");
  CHECK(derived["size_source"] == "derived");
  // A last-resort presumption (晋 28号 二): both amounts, the presumed size named.
  CHECK(derived["amount_fen"].is_null());
  CHECK(derived["candidates"] == json{{"large", 300000}, {"sme", 600000}});
  base["facts"]["size"] = "sme";
  json given = estimate(base);
  CHECK(given["size_source"] == "fact");
  CHECK(given["amount_fen"] == 600000);
  base["facts"].erase("size");
  base["facts"]["avg_insured_headcount"] = 299;
  CHECK(estimate(base)["size_used"] == "sme");
}
