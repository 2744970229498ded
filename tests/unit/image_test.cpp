// The rule-set image: an engine read from the image the native build writes
// answers every request with the same bytes as the engine loaded from the
// packs (the WebAssembly module runs on the image). And a damaged or foreign
// image is refused with an issue, never read half.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "support.h"

using namespace uie_test;
namespace fs = std::filesystem;

namespace {

const uie::Engine& from_image() {
  static const auto loaded = uie::Engine::load_image(engine().image());
  return *loaded.engine;
}

// Every request of the scenario vectors and the malformed corpus, as text.
std::vector<std::string> requests() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(fs::path(UIE_SOURCE_DIR) / "tests" / "scenarios")) {
    if (e.path().extension() != ".json") continue;
    json doc = json::parse(read_file(e.path().string()));
    for (const auto& s : doc["scenarios"]) out.push_back(s["request"].dump());
  }
  std::ifstream corpus(fs::path(UIE_SOURCE_DIR) / "tests" / "malformed" / "cases.jsonl");
  for (std::string line; std::getline(corpus, line);) {
    if (line.empty()) continue;
    json c = json::parse(line);
    if (c.contains("text")) out.push_back(c["text"].get<std::string>());  // (cases given as base64 are left out)
  }
  return out;
}

}  // namespace

TEST_CASE("an engine read from the image answers exactly as the one loaded from the packs", "[image]") {
  REQUIRE(uie::Engine::load_image(engine().image()).ok());
  auto all = requests();
  REQUIRE(all.size() > 800);
  std::size_t differ = 0;
  for (const auto& r : all) {
    for (const char* today : {"2024-07-15", "2026-12-01"}) {
      if (engine().estimate(r, today) != from_image().estimate(r, today)) ++differ;
      if (engine().questions(r, today) != from_image().questions(r, today)) ++differ;
      uie::Options o;
      o.today = today;
      o.english = true;
      if (engine().estimate(r, o) != from_image().estimate(r, o)) ++differ;
    }
  }
  CHECK(differ == 0);
  CHECK(engine().catalog() == from_image().catalog());
  CHECK(engine().image() == from_image().image());
}

TEST_CASE("a damaged or foreign image is refused with an issue", "[image]") {
  std::string image = engine().image();
  CHECK_FALSE(uie::Engine::load_image("").ok());
  CHECK_FALSE(uie::Engine::load_image("{\"kind\":\"policy\"}").ok());
  CHECK_FALSE(uie::Engine::load_image(image.substr(0, image.size() / 2)).ok());
  CHECK_FALSE(uie::Engine::load_image(image + "x").ok());
  auto r = uie::Engine::load_image(image.substr(0, 40));
  REQUIRE_FALSE(r.ok());
  CHECK(r.issues.at(0).code == "invalid_image");
  // Every truncation is refused, none crashes.
  for (std::size_t n = 0; n < image.size(); n += 997) CHECK_FALSE(uie::Engine::load_image(image.substr(0, n)).ok());
}
