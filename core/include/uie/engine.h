// The estimator's public C++ API: load rule packs once, then answer requests.
//
// The engine speaks the JSON contract of shared/spec/estimate-api.md. Every
// entry point is total: it never throws and never aborts on bad input; a bad
// request becomes an error response, a bad rule pack becomes a LoadIssue.
// The core knows nothing about files, processes or JavaScript: callers hand
// it pack texts and request texts.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace uie {

// One rule pack as text, with the name it is reported under (usually a path
// such as "rules/shanxi/sx-2024-28.json").
struct PackText {
  std::string name;
  std::string text;
};

// A problem in rule data (not in a request): which file, where in it (a JSON
// Pointer), and what is wrong, in plain Chinese.
struct LoadIssue {
  std::string file;
  std::string pointer;
  std::string message;
};

class Engine;

// The result of compiling rule packs. `engine` is null when any issue was
// found: a half-loaded rule set would give wrong answers silently.
struct LoadResult {
  std::shared_ptr<const Engine> engine;
  std::vector<LoadIssue> issues;
  bool ok() const { return engine != nullptr; }
};

// Limits on one request. Anything past them is refused with a clear error
// rather than slowing the engine down.
struct Limits {
  std::size_t max_request_bytes = 64 * 1024;
  int max_depth = 16;
};

class Engine {
 public:
  // Validates and compiles the packs. `programs` and `regions` packs are
  // recognised by their "kind"; every other pack is a policy document.
  static LoadResult load(const std::vector<PackText>& packs, Limits limits = {});

  // One request (contract §1) in, one response (contract §2) out, as JSON text.
  std::string estimate(std::string_view request) const noexcept;
  // The same, with "today" (the default date) given as YYYY-MM-DD instead of
  // read from the clock: for tests and reproducible batch runs.
  std::string estimate(std::string_view request, std::string_view today) const noexcept;

  // The questions to ask for a request's program under the policy it would be
  // evaluated with (same request shape; facts optional): each fact with type,
  // Chinese label, unit, help text, citation, allowed values and bounds, and
  // whether it is already answered.
  std::string questions(std::string_view request) const noexcept;
  std::string questions(std::string_view request, std::string_view today) const noexcept;

  // What the loaded rules cover: programs, regions (province → prefecture)
  // and every policy with its validity, as JSON text.
  std::string catalog() const noexcept;

  static const char* version() noexcept;

  struct Impl;
  explicit Engine(std::unique_ptr<const Impl> impl);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

 private:
  std::unique_ptr<const Impl> impl_;
};

// The packs under rules/, embedded into the binary at build time.
const std::vector<PackText>& embedded_packs();

}  // namespace uie
