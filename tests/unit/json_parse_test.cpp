// The request parser gives nlohmann/json's verdicts: on every input, the same
// accept / refuse, the same code, pointer and byte position, and the same
// values. Checked on hand-picked edge cases and on random mutations of real
// requests (a fixed seed, so a failure is reproducible).
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "base/json_out.h"
#include "input/json_reader.h"
#include "support.h"

using namespace uie;

namespace {

// Both readers on one text; returns what differs, or "".
std::string compare(const std::string& text) {
  JsonTree tree;
  JsonReadError a, b;
  nlohmann::json dom;
  bool ok_tree = tree.parse(text, 65536, 16, a);
  bool ok_dom = read_json_dom(text, 65536, 16, dom, b);
  if (ok_tree != ok_dom) return std::string("accept differs: tree ") + (ok_tree ? "yes" : "no");
  if (!ok_tree) {
    if (a.code != b.code || a.path != b.path || a.arg != b.arg || a.message != b.message) {
      return "refusal differs: " + a.code + " " + a.path + " " + a.arg + " vs " + b.code + " " + b.path + " " + b.arg;
    }
    return "";
  }
  std::string printed = tree.dump(tree.root());
  std::string expected = dom.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return printed == expected ? "" : "value differs: " + printed + " vs " + expected;
}

const char* kSeeds[] = {
    R"({"region":"140000","date":"2024-07-15","program":"stabilization_refund","facts":{"unit_type":"enterprise","size":"sme","contribution_months":24,"insured_headcount":80,"layoffs":4,"contributions_paid":56789.12}})",
    R"({"region":"660000","date":"2024-04-20","program":"skill_subsidy","facts":{"worker_status":"employed","insured_months":18,"certificate":"skill_level","level":5,"occupation":"电工","previous_levels_same_occupation":[4,3]}})",
    R"([1, -0, 0.5e-3, 1E+2, "a\"b\\c\/\u00e9\ud83d\ude00", true, false, null, {"x": [{}]}, 18446744073709551615, 18446744073709551616, -9223372036854775809])",
};

}  // namespace

TEST_CASE("the request parser agrees with nlohmann on edge cases", "[json]") {
  const std::vector<std::string> cases = {
      "", " ", "\xEF\xBB\xBF{}", "\xEF\xBB", "\xEF\xBB\x00", "\xEF{}", "{", "}", "[", "]", "[1,]", "[,1]", "{\"a\"}",
      "{\"a\":}", "{\"a\" 1}", "{1:2}", "{\"a\":1,}", "{\"a\":1 \"b\":2}", "tru", "truex", "nul", "falsey", "01", "-",
      "-a", "1.", "1.e3", "1e", "1e+", "1e+a", "1e400", "-1e400", "\"\\u12\"", "\"\\uD800\"", "\"\\uD800\\u0041\"",
      "\"\\uDC00\"", "\"\\uD800\\uDC00\"", "\"\\x\"", "\"a\nb\"", "\"\x7f\"", "\"\xC0\xAF\"", "\"\xE0\x80\xAF\"",
      "\"\xED\xA0\x80\"", "\"\xF4\x90\x80\x80\"", "\"\xF0\x9F\x98\x80\"", "\"\xe4\xb8\xad\"", "\"abc", "[1 2]",
      "{\"a\":1}}", "{\"a\":{\"a\":1},\"a\":2}", "{\"a\":[1,{\"b\":1,\"b\":2}]}", "[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]",
      "[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]", "1 2", "\t\r\n 3 \n", "123456789012345678901234567890", "-0", "-0.0",
      "1E5", "0.1e-400", "[\"\\u0000\"]", "/*c*/{}", "{'a':1}", "[1,2,3", "{\"a\":1,\"b\":[true,false,null]}",
  };
  for (const auto& c : cases) {
    INFO(c);
    CHECK(compare(c) == "");
  }
}

TEST_CASE("the request parser agrees with nlohmann on 200 000 random mutations of requests", "[json]") {
  std::mt19937 rng(20261201);
  const char junk[] = "{}[]:,\"\\ -0123456789.eE+tfnu\x01\x7f\x80\xbf\xc2\xe4\xed\xef\xf0\xf4\xff";
  int failures = 0;
  for (int i = 0; i < 200000 && failures < 5; ++i) {
    std::string t = kSeeds[rng() % 3];
    int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits && !t.empty(); ++e) {
      std::size_t at = rng() % (t.size() + 1);
      switch (rng() % 5) {
        case 0: if (at < t.size()) t.erase(at, 1 + rng() % 3); break;
        case 1: t.insert(at, 1, junk[rng() % (sizeof junk - 1)]); break;
        case 2: if (at < t.size()) t[at] = junk[rng() % (sizeof junk - 1)]; break;
        case 3: t.resize(at); break;  // truncated
        case 4: if (at < t.size()) t.insert(at, t.substr(at, rng() % 12)); break;  // a repeated piece
      }
    }
    std::string d = compare(t);
    if (!d.empty()) {
      ++failures;
      FAIL_CHECK(d << " on " << t);
    }
  }
}

TEST_CASE("strings are escaped as nlohmann dumps them, broken UTF-8 included", "[json]") {
  std::mt19937 rng(99);
  const std::string pieces[] = {"a", "\"", "\\", "\n", "\x01", "\x1f", "\x7f", "中", "\xe4\xb8", "\xe4", "\xb8", "\xc0\xaf",
                                "\xed\xa0\x80", "\xf0\x9f\x98\x80", "\xf0\x9f", "\xf4\x90\x80\x80", "\xff", "\xc2\xa0", "…", " "};
  for (int i = 0; i < 50000; ++i) {
    std::string s;
    int n = static_cast<int>(rng() % 12);
    for (int k = 0; k < n; ++k) s += pieces[rng() % (sizeof pieces / sizeof pieces[0])];
    std::string ours;
    append_json_string(ours, s);
    std::string theirs = nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (ours != theirs) FAIL("escaping differs for " << nlohmann::json(s).dump(-1, ' ', true, nlohmann::json::error_handler_t::replace));
  }
}
