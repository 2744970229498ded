// Embind registration for the estimator: the glue between JavaScript and
// uie::Engine, and nothing else. No rule logic lives here: every answer comes
// from the core, as the same JSON text the native CLI prints.
//
// Built with -fno-exceptions -DJSON_NOEXCEPTION (MVP wasm, WeChat-safe), so
// nothing here may throw; the core's entry points are total. If the instance
// ever traps anyway, the JS facade (js/estimator-api.js) drops it and starts a
// fresh one from the compiled module.
#include <emscripten/bind.h>

#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "uie/engine.h"

namespace {

// The rule packs are compiled into the module; they are loaded once, on the
// first call, and kept for the life of the instance.
const uie::LoadResult& loaded() {
  static const uie::LoadResult result = uie::Engine::load(uie::embedded_packs());
  return result;
}

// Only reachable when the embedded packs did not load, which the facade
// checks (loadIssues) before it hands the module to anyone.
std::string notLoaded() {
  return R"({"ok":false,"error":{"code":"internal_error","path":"","message":"规则包未能加载，无法计算"}})";
}

// `today` is the default date for a request without one, as YYYY-MM-DD; ""
// means the clock's today (the native CLI's --today).
std::string estimate(const std::string& request, const std::string& today) {
  const auto& r = loaded();
  return r.engine ? r.engine->estimate(request, today) : notLoaded();
}

std::string questions(const std::string& request, const std::string& today) {
  const auto& r = loaded();
  return r.engine ? r.engine->questions(request, today) : notLoaded();
}

std::string catalog() {
  const auto& r = loaded();
  return r.engine ? r.engine->catalog() : notLoaded();
}

std::string version() { return uie::Engine::version(); }

// The rule-pack problems found at load time, as a JSON array of
// {file, pointer, message}; "[]" when the packs loaded.
std::string loadIssues() {
  auto issues = nlohmann::json::array();
  for (const auto& issue : loaded().issues) {
    issues.push_back({{"file", issue.file}, {"pointer", issue.pointer}, {"message", issue.message}});
  }
  return issues.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Test seam for the facade's recovery path: 1 = abort() (what a failed
// nlohmann check does under JSON_NOEXCEPTION), 2 = a wasm trap (unreachable).
// Any other value does nothing. Not for application code.
void selfTestFault(int kind) {
  if (kind == 1) std::abort();
  if (kind == 2) __builtin_trap();
}

}  // namespace

EMSCRIPTEN_BINDINGS(uie) {
  emscripten::function("estimate", &estimate);
  emscripten::function("questions", &questions);
  emscripten::function("catalog", &catalog);
  emscripten::function("version", &version);
  emscripten::function("loadIssues", &loadIssues);
  emscripten::function("_selfTestFault", &selfTestFault);
}
