// libFuzzer harness: one request (any bytes) through the whole evaluate path,
// estimate(), questions() and compare(), under the embedded rule packs. A crash, a
// sanitizer report, a throw (built with -fno-exceptions: every throw site is
// an abort), or a response that breaks the contract (fuzz_checks.h) is a finding.
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "fuzz_checks.h"

namespace {

const uie::Engine& engine() {
  static const uie::LoadResult loaded = uie::Engine::load(uie::embedded_packs());
  if (!loaded.ok()) {
    std::fprintf(stderr, "fuzz_estimate: the embedded rule packs do not load\n");
    std::abort();
  }
  return *loaded.engine;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  uie_fuzz::json catalog = uie_fuzz::json::parse(engine().catalog(), nullptr, false);
  if (catalog.is_discarded()) std::abort();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::string problem = uie_fuzz::check_estimate(engine(), input);
  if (!problem.empty()) {
    std::fprintf(stderr, "fuzz_estimate: %s\n", problem.c_str());
    std::abort();
  }
  return 0;
}
