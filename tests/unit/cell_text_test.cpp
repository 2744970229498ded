// A CSV or XLSX cell reads typed text as the single page does: every case of
// tests/vectors/answers.json through read_fact_cell, against the value the
// vectors give read the plain way (tests/js/answers-parity.test.mjs holds the
// page to the same cases).
#include <catch2/catch.hpp>

#include "engine_impl.h"
#include "input/request.h"
#include "support.h"

using namespace uie_test;

namespace {

const uie::FactDef* fact(const uie::RuleSet& rules, const std::string& program, const std::string& id) {
  for (const auto& p : rules.programs) {
    if (p.id != program) continue;
    for (const auto& f : p.facts) {
      if (f.id == id) return &f;
    }
  }
  return nullptr;
}

// The vectors' value as the plain cell it stands for: "12000", "60", "true", "4;3".
std::string plain_cell(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_array()) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ";") + std::to_string(x.get<int>());
    return s;
  }
  return v.dump();
}

}  // namespace

TEST_CASE("a cell reads typed text as the single page does (tests/vectors/answers.json)", "[cells]") {
  const uie::RuleSet& rules = *engine().impl().rules;
  json vectors = json::parse(read_file(std::string(UIE_SOURCE_DIR) + "/tests/vectors/answers.json"));
  REQUIRE(vectors["cases"].size() >= 80);
  for (const auto& c : vectors["cases"]) {
    std::string text = c["text"];
    INFO(c["program"].get<std::string>() << " / " << c["fact"].get<std::string>() << " " << json(text).dump());
    const uie::FactDef* def = fact(rules, c["program"], c["fact"]);
    REQUIRE(def);
    uie::FactValue got;
    uie::RequestError err;
    bool ok = uie::read_fact_cell(rules, *def, text, false, got, err);
    const json& value = c.contains("cell_value") ? c["cell_value"] : c["value"];
    if (value.is_null()) {
      CHECK_FALSE(ok);
      CHECK(err.path == "/facts/" + def->id);
      continue;
    }
    REQUIRE(ok);
    uie::FactValue want;
    REQUIRE(uie::read_fact_cell(rules, *def, plain_cell(value), false, want, err));
    CHECK(got.number == want.number);
    CHECK(got.levels == want.levels);
    CHECK(got.text == want.text);
    CHECK(got.date.ordinal() == want.date.ordinal());
  }
}

TEST_CASE("a typed cell refused after reading says what it was read as", "[cells]") {
  const uie::RuleSet& rules = *engine().impl().rules;
  const uie::FactDef* paid = fact(rules, "stabilization_refund", "contributions_paid");
  REQUIRE(paid);
  uie::FactValue v;
  uie::RequestError err;
  // "-5元" is a negative amount, not an unreadable one; "1.234元" has a third decimal.
  REQUIRE_FALSE(uie::read_fact_cell(rules, *paid, "-5元", false, v, err));
  CHECK(err.message.find("负") != std::string::npos);
  REQUIRE_FALSE(uie::read_fact_cell(rules, *paid, "1.234元", false, v, err));
  CHECK(err.message.find("两位小数") != std::string::npos);
}

TEST_CASE("a cell that is not well-formed UTF-8 is never read as a number or a word", "[cells]") {
  // Found in review: an overlong "1" (C0 B1) read as 1, a broken sequence
  // swallowed the digits after it ("1" E4 "8G" read as 1万).
  const uie::RuleSet& rules = *engine().impl().rules;
  const uie::FactDef* flag = fact(rules, "stabilization_refund", "seriously_dishonest");
  const uie::FactDef* paid = fact(rules, "stabilization_refund", "contributions_paid");
  REQUIRE((flag && paid));
  uie::FactValue v;
  uie::RequestError err;
  CHECK_FALSE(uie::read_fact_cell(rules, *flag, "\xC0\xB1", false, v, err));
  CHECK_FALSE(uie::read_fact_cell(rules, *paid, "1\xE4\x38\x47", false, v, err));
  CHECK_FALSE(uie::read_fact_cell(rules, *paid, "\xED\xA0\x80", false, v, err));  // a surrogate
  CHECK_FALSE(uie::read_fact_cell(rules, *paid, "1\xF4\x90\x80\x80", false, v, err));  // past U+10FFFF
}

TEST_CASE("a cell of the longest length with runs of spaces is read in one pass", "[cells]") {
  // Found in review: each space rescanned the run ahead of it (64 KiB took seconds).
  const uie::RuleSet& rules = *engine().impl().rules;
  const uie::FactDef* months = fact(rules, "stabilization_refund", "contribution_months");
  REQUIRE(months);
  uie::FactValue v;
  uie::RequestError err;
  CHECK_FALSE(uie::read_fact_cell(rules, *months, "1" + std::string(65000, ' ') + "x", false, v, err));
  REQUIRE(uie::read_fact_cell(rules, *months, "2" + std::string(65000, ' ') + "years", false, v, err));
  CHECK(v.number == 24);
}
