// Why the engine reads requests with its own parser (core/src/input/json_parse.cpp)
// and not nlohmann/json's: the time per request of each way to read the same
// JSONL lines, best of five passes (docs/engine.md, "The request parser").
//   build/native/bench/native/bench_parsers FILE.jsonl
// Prints one line per parser: ns per request and the ratio to the own parser.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "input/json_reader.h"

namespace {

// nlohmann's SAX parser with nothing built: the floor of reading with it.
struct CountingSax : nlohmann::json_sax<nlohmann::json> {
  std::size_t n = 0;
  bool null() override { return ++n; }
  bool boolean(bool) override { return ++n; }
  bool number_integer(number_integer_t) override { return ++n; }
  bool number_unsigned(number_unsigned_t) override { return ++n; }
  bool number_float(number_float_t, const string_t&) override { return ++n; }
  bool string(string_t&) override { return ++n; }
  bool binary(binary_t&) override { return ++n; }
  bool start_object(std::size_t) override { return ++n; }
  bool key(string_t&) override { return ++n; }
  bool end_object() override { return ++n; }
  bool start_array(std::size_t) override { return ++n; }
  bool end_array() override { return ++n; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }
};

double best_ns(const std::vector<std::string>& lines, const std::function<bool(const std::string&)>& read) {
  double best = 1e300;
  for (int pass = 0; pass < 5; ++pass) {
    std::size_t ok = 0;
    auto t0 = std::chrono::steady_clock::now();
    for (const auto& l : lines) ok += read(l);
    auto t1 = std::chrono::steady_clock::now();
    if (ok != lines.size()) {
      std::fprintf(stderr, "a line was refused: %zu of %zu read\n", ok, lines.size());
      std::exit(1);
    }
    best = std::min(best, std::chrono::duration<double, std::nano>(t1 - t0).count() / static_cast<double>(lines.size()));
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: bench_parsers FILE.jsonl\n");
    return 2;
  }
  std::ifstream in(argv[1]);
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);) {
    if (!l.empty()) lines.push_back(l);
  }
  if (lines.empty()) {
    std::fprintf(stderr, "no lines in %s\n", argv[1]);
    return 2;
  }
  const std::size_t kBytes = 65536;
  const int kDepth = 16;
  uie::JsonTree tree;
  uie::JsonReadError err;
  struct Row {
    const char* name;
    double ns;
  };
  std::vector<Row> rows = {
      {"own parser (JsonTree, the engine's)", best_ns(lines, [&](const std::string& l) { return tree.parse(l, kBytes, kDepth, err); })},
      {"nlohmann SAX, nothing built", best_ns(lines, [&](const std::string& l) {
         CountingSax sax;
         return nlohmann::json::sax_parse(l, &sax, nlohmann::json::input_format_t::json, true) && sax.n > 0;
       })},
      {"nlohmann DOM with the request checks (read_json_dom)", best_ns(lines, [&](const std::string& l) {
         nlohmann::json j;
         return uie::read_json_dom(l, kBytes, kDepth, j, err);
       })},
      {"nlohmann json::parse", best_ns(lines, [&](const std::string& l) {
         nlohmann::json j = nlohmann::json::parse(l, nullptr, false);
         return !j.is_discarded();
       })},
  };
  std::printf("reading %zu requests (%s), best of 5 passes:\n", lines.size(), argv[1]);
  for (const Row& r : rows) std::printf("  %-54s %8.0f ns  %5.2fx\n", r.name, r.ns, r.ns / rows[0].ns);
  return 0;
}
