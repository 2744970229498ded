// uie-rules-image: writes the compiled rule set as an image, for the
// WebAssembly build to embed (it has no pack loader of its own).
//
//   uie-rules-image OUT [--pack FILE]...
//
// The packs are the built-in ones (rules/), loaded and checked in full; a
// pack with any issue stops it with status 2, as `estimate` does.
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "uie/engine.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: uie-rules-image OUT [--pack FILE]...\n");
    return 2;
  }
  std::vector<uie::PackText> packs = uie::embedded_packs();
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--pack" && i + 1 < argc) {
      std::ifstream f(argv[++i], std::ios::binary);
      std::ostringstream text;
      text << f.rdbuf();
      packs.push_back({argv[i], text.str()});
    } else {
      std::fprintf(stderr, "uie-rules-image: unknown argument %s\n", a.c_str());
      return 2;
    }
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
