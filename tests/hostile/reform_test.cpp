// The hostile corpus of reforms (tests/malformed/reforms.jsonl; the format is
// tests/malformed/README.md's, "path" being the issue's JSON Pointer) through
// Engine::reform: each case refused with exactly its code and pointer as the
// first issue, or accepted; every outcome held to what fuzz_reform holds it
// to (tests/fuzz/reform_checks.h). The committed fuzz_reform findings too.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <set>

#include "../fuzz/reform_checks.h"
#include "corpus.h"
#include "engine_fixture.h"
#include "run_cli.h"

using nlohmann::json;

namespace {

const std::vector<uie_test::Case>& reform_cases() {
  static std::string error;
  static const std::vector<uie_test::Case> loaded =
      uie_test::load_cases(std::string(UIE_SOURCE_DIR) + "/tests/malformed/reforms.jsonl", error);
  INFO(error);
  REQUIRE(error.empty());
  return loaded;
}

}  // namespace

TEST_CASE("reforms: the hostile corpus covers every kind of bad reform", "[reform-corpus]") {
  std::set<std::string> names;
  std::map<std::string, int> per_category;
  for (const auto& c : reform_cases()) {
    INFO(c.name);
    CHECK(names.insert(c.name).second);
    ++per_category[c.category];
  }
  for (const char* category : {"too_large", "too_deep", "not_json", "wrong_types", "unknown_names", "values", "duplicate_keys",
                               "nul_bytes", "limits", "unsupported", "accepted"}) {
    INFO(category);
    CHECK(per_category[category] > 0);
  }
  CHECK(reform_cases().size() >= 80);
}

TEST_CASE("reforms: each hostile reform is refused with its code and pointer, each good one accepted", "[reform-corpus]") {
  auto e = uie_test::engine();
  REQUIRE(e);
  for (const auto& c : reform_cases()) {
    INFO(c.name);
    uie::LoadResult r = e->reform(c.bytes);
    if (c.expect.value("ok", false)) {
      std::string first = r.issues.empty() ? "" : r.issues[0].pointer + " [" + r.issues[0].code + "] " + r.issues[0].message;
      INFO(first);
      CHECK(r.ok());
    } else {
      REQUIRE(!r.ok());
      REQUIRE(!r.issues.empty());
      CHECK(r.issues[0].code == c.expect["code"].get<std::string>());
      CHECK(r.issues[0].pointer == c.expect["path"].get<std::string>());
      for (const auto& issue : r.issues) {
        CHECK(issue.file == "reform");
        CHECK(!issue.message.empty());
        CHECK(!issue.message_en.empty());
      }
    }
    CHECK(uie_fuzz::check_reform(*e, c.bytes) == "");
  }
}

TEST_CASE("reforms: a refusal says what is wrong, not a bare number", "[reform-corpus]") {
  auto e = uie_test::engine();
  REQUIRE(e);
  std::map<std::string, std::pair<std::string, std::string>> said = {
      {"depth_over_limit", {"嵌套超过 8 层", "nested more than 8 levels deep"}},
      {"nul_raw_in_title", {"空字符 NUL", "is a NUL character"}},
      {"dup_param", {"\"refund_rate_sme\" 出现了两次", "\"refund_rate_sme\" appears twice"}},
      {"not_json", {"个字节附近有错误", "an error near byte"}},
      {"size_over_limit", {"超过 64 KB", "larger than 64 KB"}},
      {"params_65", {"最多改 64 个参数", "at most 64 parameters"}},
      {"cases_17", {"最多 16 种情形", "at most 16 cases"}},
      {"rate_over_100", {"0% 到 100%", "from 0% to 100%"}},
      {"bands_param", {"只能改数量、比例和金额", "changes only counts, rates and amounts"}},
  };
  std::size_t seen = 0;
  for (const auto& c : reform_cases()) {
    auto it = said.find(c.name);
    if (it == said.end()) continue;
    ++seen;
    INFO(c.name);
    uie::LoadResult r = e->reform(c.bytes);
    REQUIRE(!r.issues.empty());
    INFO(r.issues[0].message + " / " + r.issues[0].message_en);
    CHECK(r.issues[0].message.find(it->second.first) != std::string::npos);
    CHECK(r.issues[0].message_en.find(it->second.second) != std::string::npos);
  }
  CHECK(seen == said.size());
}

TEST_CASE("reforms: the examples of rules/reforms/ are accepted and name themselves", "[reform-corpus]") {
  auto e = uie_test::engine();
  REQUIRE(e);
  std::size_t examples = 0;
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(UIE_SOURCE_DIR) / "rules/reforms")) {
    if (entry.path().extension() != ".json") continue;
    ++examples;
    INFO(entry.path().filename().string());
    std::string text = uie_test::read_file(entry.path().string());
    uie::LoadResult r = e->reform(text);
    std::string first = r.issues.empty() ? "" : r.issues[0].pointer + " [" + r.issues[0].code + "] " + r.issues[0].message;
    INFO(first);
    REQUIRE(r.ok());
    CHECK(uie_fuzz::check_reform(*e, text) == "");
  }
  CHECK(examples >= 3);
}

TEST_CASE("fuzz regressions: reforms (fuzz_reform)", "[fuzz-regression]") {
  auto e = uie_test::engine();
  REQUIRE(e);
  const std::filesystem::path dir = std::filesystem::path(UIE_SOURCE_DIR) / "tests/fuzz/regressions/reform";
  if (!std::filesystem::is_directory(dir)) return;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().filename() == "README.md") continue;
    INFO(entry.path().filename().string());
    CHECK(uie_fuzz::check_reform(*e, uie_test::read_file(entry.path().string())) == "");
  }
}
