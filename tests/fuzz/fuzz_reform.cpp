// libFuzzer harness: any bytes as a reform (测算方案) through Engine::reform,
// on the embedded rules. A refusal must be issues, each with its pointer and
// both languages; an accepted reform must answer requests well-formedly and
// name itself only under the policy it changes; the engine it came from must
// answer exactly as before (reform_checks.h).
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "reform_checks.h"

namespace {

const uie::Engine& engine() {
  static const uie::LoadResult loaded = uie::Engine::load(uie::embedded_packs());
  if (!loaded.ok()) {
    std::fprintf(stderr, "fuzz_reform: the embedded rule packs do not load\n");
    std::abort();
  }
  return *loaded.engine;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  uie_fuzz::base_answers(engine());
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::string problem = uie_fuzz::check_reform(engine(), input);
  if (!problem.empty()) {
    std::fprintf(stderr, "fuzz_reform: %s\n", problem.c_str());
    std::abort();
  }
  return 0;
}
