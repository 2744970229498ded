// The questions and catalog entry points that front ends build forms from.
#include <catch2/catch.hpp>

#include "support.h"

using namespace uie_test;

TEST_CASE("questions list only the facts the policy uses, in asking order", "[questions]") {
  json q = questions({{"region", "630000"}, {"date", "2021-10-08"}, {"program", "stabilization_refund"}, {"facts", {{"unit_type", "enterprise"}}}});
  REQUIRE(q["ok"] == true);
  std::vector<std::string> facts;
  for (const auto& x : q["questions"]) facts.push_back(x["fact"]);
  CHECK(facts == std::vector<std::string>{"unit_type", "size", "insured_headcount", "layoffs", "contributions_paid",
                                          "seriously_dishonest", "zombie", "against_industry_policy"});
  CHECK(q["questions"][0]["answered"] == true);
  CHECK(q["questions"][0]["options"].size() == 7);
  CHECK(q["questions"][2]["unit"] == "人");
  CHECK(q["questions"][2]["min"] == 1);
  CHECK(q["questions"][3]["cite"]["doc_no"] == "青人社厅发〔2021〕50号");
  // help_en beside help (rules/programs.json); null where the fact has no help at all.
  CHECK(q["questions"][0]["help"] == "按参保登记的单位性质选择。");
  CHECK(q["questions"][0]["help_en"] == "Choose the kind of unit it was registered as for social insurance.");
  CHECK(q["questions"][7]["help"].is_null());
  CHECK(q["questions"][7]["help_en"].is_null());
}

TEST_CASE("questions fall back to the latest policy when none is in force", "[questions]") {
  json q = questions({{"region", "140000"}, {"program", "skill_subsidy"}}, "2026-11-22");
  REQUIRE(q["ok"] == true);
  CHECK(q["in_force"] == false);
  CHECK(q["policy"]["id"] == "sx-2025-13");
}

TEST_CASE("the catalog lists programs, regions with prefectures, and every policy", "[catalog]") {
  json c = json::parse(engine().catalog());
  CHECK(c["programs"].size() == 6);
  CHECK(c["regions"][0]["code"] == "000000");
  bool yangquan = false;
  for (const auto& r : c["regions"]) {
    for (const auto& p : r["children"]) yangquan = yangquan || p["code"] == "140300";
  }
  CHECK(yangquan);
  CHECK(c["policies"].size() == 20);
}
