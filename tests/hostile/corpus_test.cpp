// The malformed-input corpus (tests/malformed/cases.jsonl) through the engine:
// each case gets exactly its expected error code and path (or its expected
// success), and every response is a well-formed answer (check_response.h).
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "check_response.h"
#include "corpus.h"
#include "engine_fixture.h"

using nlohmann::json;

namespace {

const std::vector<uie_test::Case>& cases() {
  static std::string error;
  static const std::vector<uie_test::Case> loaded = uie_test::load_cases(uie_test::corpus_path(), error);
  INFO(error);
  REQUIRE(error.empty());
  return loaded;
}

// "" when `response` is what `c` expects, else the difference.
std::string compare(const uie_test::Case& c, const std::string& response) {
  json r = json::parse(response, nullptr, false);
  if (r.is_discarded()) return "not JSON";
  const json& e = c.expect;
  if (e.contains("code")) {
    const json* error = uie_check::member(r, "error");
    if (!error || !error->is_object()) return "expected an error, got ok";
    json got_code = error->value("code", json()), got_path = error->value("path", json());
    if (got_code != e["code"] || got_path != e["path"])
      return "expected " + e["code"].dump() + " at " + e["path"].dump() + ", got " + got_code.dump() + " at " +
             got_path.dump();
    return "";
  }
  if (r.value("ok", false) != true) return "expected ok, got " + r.value("error", json()).dump();
  for (auto it = e.begin(); it != e.end(); ++it) {
    if (!r.contains(it.key()) || r[it.key()] != it.value())
      return "expected " + it.key() + " = " + it.value().dump() + ", got " + r.value(it.key(), json()).dump();
  }
  return "";
}

}  // namespace

TEST_CASE("the corpus file is well-formed and covers every kind of hostile input of issue 4", "[corpus]") {
  std::set<std::string> names;
  std::map<std::string, int> per_category;
  for (const auto& c : cases()) {
    INFO(c.name);
    CHECK(names.insert(c.name).second);  // names are unique: a failure must name one case
    ++per_category[c.category];
  }
  for (const char* category :
       {"not_json", "truncated", "bom", "duplicate_keys", "wrong_types", "nan_infinity", "big_numbers",
        "negative_zero", "fractions", "money_decimals", "long_strings", "utf8", "deep_nesting", "fact_names",
        "dates", "regions", "contradictions", "limits"}) {
    INFO(category);
    CHECK(per_category[category] > 0);
  }
  CHECK(per_category.size() == 18);  // a new category is added to the list above and to the README
}

TEST_CASE("the corpus decoders", "[corpus]") {
  std::string out, error;
  CHECK(uie_test::base64_decode("7aCA", out));
  CHECK(out == "\xed\xa0\x80");
  CHECK_FALSE(uie_test::base64_decode("7aC", out));
  CHECK(uie_test::expand_gen(json::parse(R"({"parts":[["[",3],["]",3]]})"), out, error));
  CHECK(out == "[[[]]]");
  CHECK(uie_test::expand_gen(json::parse(R"({"parts":[["{}",1],[" ","fill"]],"total":6})"), out, error));
  CHECK(out == "{}    ");
  CHECK_FALSE(uie_test::expand_gen(json::parse(R"({"parts":[["ab","fill"]],"total":5})"), out, error));
}

TEST_CASE("every malformed-corpus case gets its expected code and path", "[corpus]") {
  auto e = uie_test::engine();
  REQUIRE(e);
  for (const auto& c : cases()) {
    INFO("case " << c.name << " (" << c.category << ", " << c.bytes.size() << " bytes)");
    const std::string response = e->estimate(c.bytes);
    INFO("response " << response.substr(0, 400));
    CHECK(uie_check::check_response(c.bytes, response) == "");
    CHECK(compare(c, response) == "");
  }
}

TEST_CASE("questions() refuses the unparsable corpus cases the same way", "[corpus]") {
  auto e = uie_test::engine();
  REQUIRE(e);
  for (const auto& c : cases()) {
    const std::string response = e->questions(c.bytes);
    INFO("case " << c.name << "; response " << response.substr(0, 400));
    json r = json::parse(response, nullptr, false);
    REQUIRE_FALSE(r.is_discarded());
    CHECK(r.contains("ok"));
    // Errors of the request's text and shape are the same for both entry points.
    if (c.expect.contains("code") && (c.expect["code"] == "invalid_json" || c.expect["path"] == "")) {
      CHECK(uie_check::error_is(r, c.expect["code"].get<std::string>().c_str(), c.expect["path"].get<std::string>().c_str()));
    }
  }
}

TEST_CASE("10 000 hostile requests in a row leave the engine serving right answers", "[corpus]") {
  auto e = uie_test::engine();
  REQUIRE(e);
  const auto& all = cases();
  std::size_t wrong = 0;
  for (int i = 0; i < 10000; ++i) {
    const auto& c = all[static_cast<std::size_t>(i) % all.size()];
    if (compare(c, e->estimate(c.bytes)) != "") ++wrong;
  }
  CHECK(wrong == 0);  // the same answers as one at a time: nothing carried over
  json r = json::parse(e->estimate(uie_test::kGoodRequest));
  CHECK(r["ok"] == true);
  CHECK(r["eligible"] == true);
  CHECK(r["amount_fen"] == uie_test::kGoodAmountFen);
}
