// English answers: the packs' text_en where they have it, and never an English
// sentence that belongs to another Chinese one.
#include <catch2/catch.hpp>

#include "support.h"

using namespace uie_test;

namespace {

uie::Options english(const std::string& today) {
  uie::Options o;
  o.today = today;
  o.english = true;
  return o;
}

bool has_note(const json& r, const std::string& text) {
  for (const auto& n : r["notes"]) {
    if (n.get<std::string>().find(text) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("an English answer uses the packs' English sentences", "[english]") {
  json req = {{"region", "140000"}, {"date", "2024-07-15"}, {"program", "stabilization_refund"},
              {"facts", {{"unit_type", "enterprise"}, {"size", "sme"}, {"contribution_months", 24}, {"insured_headcount", 80},
                         {"layoffs", 4}, {"contributions_paid", 56789.12}}}};
  json r = json::parse(engine().estimate(req.dump(), english("2026-11-22")));
  REQUIRE(r["ok"] == true);
  CHECK(condition(r, "layoff_rate")["text"] == "Last year's layoff rate 5.00% (4÷80), not above 5.5%");
  CHECK(has_note(r, "The refund may be spent on keeping jobs"));
  // The Chinese answer is the contract's, untouched.
  CHECK(condition(estimate(req), "layoff_rate")["text"] == "上年度裁员率 5.00%（4÷80），不高于 5.5%");
}

TEST_CASE("a refining pack's amount sentence without English does not take its parent's English", "[english]") {
  // Guangdong's local amount sentence replaces 29号's; a pack that gives only
  // the Chinese must show that Chinese, not the parent's unrelated English.
  const char* pack = R"({"kind": "policy", "format": 1, "id": "test-local-zh", "doc_no": "测试〔2021〕1号",
    "title": "测试", "issuer": "测试", "issued": "2021-07-01", "region": "440000", "source": "test", "extends": "gd-2021-28",
    "programs": {"skill_subsidy": {"amount": {"kind": "local", "text": "只有中文的金额说明",
      "cite": {"clause": "一", "quote": "测试"}}}}})";
  auto packs = uie::embedded_packs();
  packs.push_back({"tests/unit/english_test.cpp", pack});
  auto loaded = uie::Engine::load(packs);
  for (const auto& i : loaded.issues) UNSCOPED_INFO(i.file << " " << i.pointer << " " << i.message);
  REQUIRE(loaded.ok());
  json req = {{"region", "440000"}, {"date", "2021-10-08"}, {"program", "skill_subsidy"}, {"policy", "test-local-zh"},
              {"facts", {{"worker_status", "employed"}, {"insured_months", 24}, {"certificate", "skill_level"}, {"level", 4}}}};
  json r = json::parse(loaded.engine->estimate(req.dump(), english("2021-10-08")));
  REQUIRE(r["ok"] == true);
  CHECK(has_note(r, "只有中文的金额说明"));
  CHECK_FALSE(has_note(r, "粤人社规〔2020〕6号"));
}

TEST_CASE("an English error lists the programs with the English separator", "[english]") {
  json r = json::parse(engine().estimate(R"({"region":"140000","program":"stabilisation_refund","facts":{}})", english("2026-11-22")));
  REQUIRE(r["ok"] == false);
  std::string m = r["error"]["message"];
  CHECK(m.find("stabilization_refund, skill_subsidy") != std::string::npos);
  CHECK(m.find("、") == std::string::npos);
}
