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

uie::Options options(const std::string& today, const std::string& lang) {
  uie::Options o;
  o.today = today;
  o.english = lang == "en";
  return o;
}

// `today` is the default date for a request without one, as YYYY-MM-DD; ""
// means the clock's today (the native CLI's --today). `lang` "en" asks for
// the sentences in English where the rule data has them.
std::string estimateIn(const std::string& request, const std::string& today, const std::string& lang) {
  const auto& r = loaded();
  return r.engine ? r.engine->estimate(request, options(today, lang)) : notLoaded();
}

std::string estimate(const std::string& request, const std::string& today) { return estimateIn(request, today, "zh"); }

std::string questionsIn(const std::string& request, const std::string& today, const std::string& lang) {
  const auto& r = loaded();
  return r.engine ? r.engine->questions(request, options(today, lang)) : notLoaded();
}

std::string questions(const std::string& request, const std::string& today) { return questionsIn(request, today, "zh"); }

// A batch in one call: one request per line in, one compact line per line out.
// `input` may come from JS as a string or as the bytes of a file.
std::string screen(const std::string& input, const std::string& today) {
  const auto& r = loaded();
  return r.engine ? r.engine->screen(input, options(today, "zh")) : notLoaded() + "\n";
}

// A CSV batch; `defaults` is {"region","date","program","policy"} (each optional).
std::string screenCsv(const std::string& input, const std::string& defaults, const std::string& today) {
  const auto& r = loaded();
  if (!r.engine) return notLoaded() + "\n";
  uie::ScreenDefaults d;
  auto j = nlohmann::json::parse(defaults, nullptr, false);
  if (j.is_object()) {
    auto field = [&](const char* k, std::string& out) {
      auto it = j.find(k);
      if (it != j.end() && it->is_string()) out = it->get<std::string>();
    };
    field("region", d.region);
    field("date", d.date);
    field("program", d.program);
    field("policy", d.policy);
  }
  return r.engine->screen_csv(input, d, options(today, "zh"));
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
    issues.push_back({{"file", issue.file}, {"pointer", issue.pointer}, {"message", issue.message}, {"code", issue.code}});
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
  emscripten::function("estimate", &estimateIn);
  emscripten::function("questions", &questions);
  emscripten::function("questions", &questionsIn);
  emscripten::function("screen", &screen);
  emscripten::function("screenCsv", &screenCsv);
  emscripten::function("catalog", &catalog);
  emscripten::function("version", &version);
  emscripten::function("loadIssues", &loadIssues);
  emscripten::function("_selfTestFault", &selfTestFault);
}
