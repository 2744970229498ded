// The questions and catalog entry points that front ends build forms from.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

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

TEST_CASE("questions cite each part of the amount to its own clause", "[questions]") {
  // 晋人社厅发〔2024〕28号: the base and rates in 二, the dispatch parts in 五 (rules/README.md: exclude_cite, pass_on_cite).
  json q = questions({{"region", "140000"}, {"date", "2024-07-15"}, {"program", "stabilization_refund"}});
  REQUIRE(q["ok"] == true);
  std::map<std::string, std::string> cited;
  for (const auto& x : q["questions"]) cited[x["fact"]] = x["cite"]["doc_no"].get<std::string>() + " " + x["cite"]["clause"].get<std::string>();
  const std::string national = "人社部发〔2024〕40号 二", er = "晋人社厅发〔2024〕28号 二", wu = "晋人社厅发〔2024〕28号 五";
  for (const char* f : {"unit_type", "insured_headcount", "layoffs", "contribution_months"}) CHECK(cited[f] == national);
  for (const char* f : {"size", "contributions_paid", "seriously_dishonest", "license_revoked", "abnormal_operations"}) CHECK(cited[f] == er);
  CHECK(cited["avg_insured_headcount"] == "晋人社厅发〔2024〕28号 二 关于企业划型");
  for (const char* f : {"labor_dispatch", "public_dispatch_contributions", "dispatched_contributions"}) CHECK(cited[f] == wu);
  // 2025: the rates in 一, the passed-on part in 四.
  json q25 = questions({{"region", "140000"}, {"date", "2025-07-01"}, {"program", "stabilization_refund"}});
  for (const auto& x : q25["questions"]) cited[x["fact"]] = x["cite"]["clause"];
  CHECK(cited["contributions_paid"] == "一");
  CHECK(cited["dispatched_contributions"] == "四");
  CHECK(cited["labor_dispatch"] == "四");
}

TEST_CASE("questions name every condition once, for counting units by it", "[questions]") {
  // 严重失信, 吊销 and 经营异常 share one clause (晋 28号 二) but not one name; the ratio
  // and the level checks have names of their own.
  json q = questions({{"region", "140000"}, {"date", "2024-07-15"}, {"program", "stabilization_refund"}});
  REQUIRE(q["ok"] == true);
  std::map<std::string, std::string> label;
  std::set<std::string> names;
  for (const auto& c : q["conditions"]) {
    label[c["id"]] = c["label"];
    names.insert(c["label"].get<std::string>());
    CHECK(c["cite"]["doc_no"].is_string());
  }
  CHECK(names.size() == q["conditions"].size());
  CHECK(label["seriously_dishonest"] != label["license_revoked"]);
  CHECK(label["layoff_rate"] == "裁员率");
  json fact_label;
  for (const auto& x : q["questions"]) {
    if (x["fact"] == "license_revoked") fact_label = x["label"];
  }
  CHECK(label["license_revoked"] == fact_label);  // a condition on one fact is named by it
  json skill = questions({{"region", "000000"}, {"date", "2025-07-01"}, {"program", "skill_subsidy"}});
  std::set<std::string> skill_names;
  for (const auto& c : skill["conditions"]) skill_names.insert(c["label"].get<std::string>());
  CHECK(skill_names.size() == skill["conditions"].size());
  CHECK(skill_names.count("同级证书已领过补贴") == 1);
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
  // One entry per policy document under rules/ (a document compiled in versions is listed once).
  std::size_t documents = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(std::filesystem::path(UIE_SOURCE_DIR) / "rules")) {
    if (e.path().extension() != ".json" || e.path().parent_path().filename() == "schema") continue;
    std::ifstream in(e.path());
    documents += json::parse(in)["kind"] == "policy";
  }
  CHECK(documents > 30);
  CHECK(c["policies"].size() == documents);
  std::set<std::string> ids;
  for (const auto& p : c["policies"]) ids.insert(p["id"].get<std::string>());
  CHECK(ids.size() == documents);
}
