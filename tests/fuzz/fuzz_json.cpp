// libFuzzer harness: the request parser (JsonTree, core/src/input/json_*)
// against nlohmann/json on any bytes (json_oracle.h says what is compared).
// tests/unit/json_parse_test.cpp holds the two together on seeded random
// mutations; this lets coverage find the texts where they could part.
#include <cstdint>
#include <cstdio>

#include "json_oracle.h"
#include "shown.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static uie::JsonTree tree;  // reused, as read_request reuses its tree
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string problem = uie_fuzz::check_json(tree, text);
  if (!problem.empty()) {
    std::fprintf(stderr, "fuzz_json: %s\ninput (%zu bytes): \"%s\"\n", problem.c_str(), size, uie_fuzz::shown(text).c_str());
    __builtin_trap();
  }
  return 0;
}
