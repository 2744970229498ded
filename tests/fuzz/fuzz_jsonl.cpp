// libFuzzer harness: a --jsonl batch stream through the CLI's own batch loop
// (cli/batch.cpp, the code `estimate --jsonl` runs). Its output must hold one
// response per line, in order, each the engine's answer to that line alone
// (fuzz_checks.h). The packs are loaded once; fuzz_packs fuzzes loading.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "batch.h"
#include "fuzz_checks.h"

namespace {

const uie::Engine& engine() {
  static const uie::LoadResult loaded = uie::Engine::load(uie::embedded_packs());
  if (!loaded.ok()) std::abort();
  return *loaded.engine;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  engine();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  std::istringstream in(input);
  std::ostringstream out;
  uie::Options options;
  options.today = "2024-07-15";
  uie_cli::run_batch(engine(), in, out, options);
  std::string problem = uie_fuzz::check_batch(engine(), input, out.str());
  if (!problem.empty()) {
    std::fprintf(stderr, "fuzz_jsonl: %s\n", problem.c_str());
    std::abort();
  }
  return 0;
}
