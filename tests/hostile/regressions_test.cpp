// Every input a fuzzer ever crashed on (tests/fuzz/regressions/<harness>/)
// stays fixed: each is checked exactly as its harness checks it
// (tests/fuzz/fuzz_checks.h), here in the ordinary and the sanitizer builds.
#include <catch2/catch.hpp>

#include <filesystem>

#include "../fuzz/fuzz_checks.h"
#include "engine_fixture.h"
#include "run_cli.h"

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> inputs_of(const char* harness) {
  std::vector<fs::path> out;
  const fs::path dir = fs::path(UIE_SOURCE_DIR) / "tests/fuzz/regressions" / harness;
  if (fs::is_directory(dir)) {
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.is_regular_file() && entry.path().filename() != "README.md") out.push_back(entry.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("fuzz regressions: requests (fuzz_estimate)", "[fuzz-regression]") {
  auto e = uie_test::engine();
  REQUIRE(e);
  for (const auto& path : inputs_of("estimate")) {
    INFO(path.filename().string());
    CHECK(uie_fuzz::check_estimate(*e, uie_test::read_file(path.string())) == "");
  }
}

TEST_CASE("fuzz regressions: rule packs (fuzz_packs)", "[fuzz-regression]") {
  for (const auto& path : inputs_of("packs")) {
    INFO(path.filename().string());
    CHECK(uie_fuzz::check_packs(uie_test::read_file(path.string())) == "");
  }
}

TEST_CASE("fuzz regressions: batch streams (fuzz_jsonl), on the CLI binary", "[fuzz-regression]") {
  auto e = uie_test::engine();
  REQUIRE(e);
  uie_test::TempDir dir;
  for (const auto& path : inputs_of("jsonl")) {
    INFO(path.filename().string());
    auto run = uie_test::run_cli({UIE_CLI, "--jsonl", "--today", std::string(uie_fuzz::kToday)}, path.string(), dir.file("out"));
    CHECK(run.exit_status == 0);
    CHECK(uie_fuzz::check_batch(*e, uie_test::read_file(path.string()), uie_test::read_file(dir.file("out"))) == "");
  }
}
