// uie-rules-image: writes the compiled rule set as an image, for the
// WebAssembly build to embed (it has no pack loader of its own).
//
//   uie-rules-image OUT [RULES_DIR]
//
// The packs are every *.json under RULES_DIR but its schema/ and reforms/
// folders (the JSON Schemas editors check packs with, and the example
// what-ifs of estimate --reform; read now, so the image follows the files,
// not the packs this tool was built with), or the built-in ones;
// loaded and checked in full: a pack with any issue stops it with status 2,
// as `estimate` does.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "uie/engine.h"

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::fprintf(stderr, "usage: uie-rules-image OUT [RULES_DIR]\n");
    return 2;
  }
  std::vector<uie::PackText> packs;
  if (argc == 2) {
    packs = uie::embedded_packs();
  } else {
    namespace fs = std::filesystem;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(argv[2], ec), end; !ec && it != end; it.increment(ec)) {
      if (it.depth() == 0 && (it->path().filename() == "schema" || it->path().filename() == "reforms") && it->is_directory(ec)) {
        it.disable_recursion_pending();
        continue;
      }
      if (it->path().extension() != ".json") continue;
      std::ifstream f(it->path(), std::ios::binary);
      std::ostringstream text;
      text << f.rdbuf();
      packs.push_back({"rules/" + fs::relative(it->path(), argv[2]).generic_string(), text.str()});
    }
    if (ec || packs.empty()) {
      std::fprintf(stderr, "uie-rules-image: cannot read the packs under %s\n", argv[2]);
      return 2;
    }
    // The order the build embeds them in (sorted paths), so the image is the same.
    std::sort(packs.begin(), packs.end(), [](const uie::PackText& a, const uie::PackText& b) { return a.name < b.name; });
  }
  uie::LoadResult loaded = uie::Engine::load(packs);
  if (!loaded.ok()) {
    for (const auto& issue : loaded.issues) {
      std::fprintf(stderr, "uie-rules-image: %s %s: %s [%s]\n", issue.file.c_str(), issue.pointer.c_str(),
                   issue.message.c_str(), issue.code.c_str());
    }
    return 2;
  }
  std::string image = loaded.engine->image();
  std::string tmp = std::string(argv[1]) + ".tmp";
  std::ofstream out(tmp, std::ios::binary);
  out.write(image.data(), static_cast<std::streamsize>(image.size()));
  out.close();
  if (!out || std::rename(tmp.c_str(), argv[1]) != 0) {
    std::fprintf(stderr, "uie-rules-image: cannot write %s\n", argv[1]);
    return 2;
  }
  return 0;
}
