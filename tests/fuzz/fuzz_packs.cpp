// libFuzzer harness: a rule pack through the loader. The first input byte
// chooses which embedded pack the rest replaces (or, past the last, is added
// as one more), so the other packs stay valid and the mutated one meets the
// whole loader: programs, regions, policy documents and their references. When
// the rules still load, requests of every program are evaluated under them.
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::string problem = uie_fuzz::check_packs(input);
  if (!problem.empty()) {
    std::fprintf(stderr, "fuzz_packs: %s\n", problem.c_str());
    std::abort();
  }
  return 0;
}
