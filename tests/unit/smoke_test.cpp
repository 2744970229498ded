#include <catch2/catch.hpp>
#include "uie/engine.h"
TEST_CASE("the embedded packs load", "[load]") {
  auto r = uie::Engine::load(uie::embedded_packs());
  for (auto& i : r.issues) FAIL_CHECK(i.file << " " << i.pointer << ": " << i.message);
  REQUIRE(r.ok());
}
