// The public entry points: each one total, each outcome rendered once.
#include "uie/engine.h"

#include "engine_impl.h"
#include "eval/choose.h"
#include "eval/evaluate.h"
#include "eval/select.h"
#include "image/image.h"
#include "base/cold.h"
#include "compare/compare.h"
#include "batch/session.h"
#include "pack/load.h"
#include "render/static_json.h"
#include "reform/reform.h"
#include "render/render.h"

namespace uie {

Scratch& scratch() {
  thread_local Scratch s;
  return s;
}

Date parse_today(std::string_view today) {
  auto d = Date::parse(today);
  return d ? *d : Date::today();
}

namespace {

// The policy a request is evaluated under, or null with its error rendered.
const Policy* choose_and_render(const RuleSet& rules, const Request& req, bool allow_latest, bool en, std::string& out) {
  Choice c = choose_policy(rules, req, allow_latest, en);
  if (!c.policy) render_error(out, c.error.code, c.error.path, c.error.message, c.latest);
  return c.policy;
}

// Reads a request and chooses its policy; on failure the error is written.
const Policy* prepare(const Engine::Impl& impl, std::string_view text, const Options& o, bool allow_latest, Scratch& s,
                      std::string& out) {
  RequestError err;
  if (!read_request(*impl.rules, text, impl.limits, parse_today(o.today), o.english, s.tree, s.request, err)) {
    render_error(out, err.code, err.path, err.message);
    return nullptr;
  }
  return choose_and_render(*impl.rules, s.request, allow_latest, o.english, out);
}

}  // namespace

Engine::Engine(std::unique_ptr<const Impl> impl) : impl_(std::move(impl)) {}
Engine::~Engine() = default;

const char* Engine::version() noexcept { return "0.1.0"; }

LoadResult Engine::load(const std::vector<PackText>& packs, Limits limits) {
  LoadResult result;
  auto rules = load_rules(packs, result.issues);
  if (!rules) return result;
  render_static_json(*rules, version());
  auto impl = std::make_unique<Impl>();
  impl->rules = std::move(rules);
  impl->limits = limits;
  result.engine = std::make_shared<const Engine>(std::move(impl));
  return result;
}

std::string Engine::image() const { return write_image(*impl_->rules); }

UIE_COLD_BEGIN  // once, at start-up: compiled for size in the wasm build
LoadResult Engine::load_image(std::string_view bytes, Limits limits) {
  LoadResult result;
  std::string error;
  auto rules = read_image(bytes, error);
  if (!rules) {
    result.issues.push_back({"(image)", "", "规则镜像无法读取：" + error, "invalid_image", "The rule image cannot be read: " + error});
    return result;
  }
  auto impl = std::make_unique<Impl>();
  impl->rules = std::move(rules);
  impl->limits = limits;
  result.engine = std::make_shared<const Engine>(std::move(impl));
  return result;
}
UIE_COLD_END

UIE_COLD_BEGIN  // once per what-if
namespace {

// The reform read against the rules in force; only then copied and applied.
template <typename Copy>
LoadResult reformed(const Engine::Impl& impl, std::string_view text, Copy copy) {
  LoadResult result;
  std::vector<ReformIssue> issues;
  auto spec = read_reform(*impl.rules, text, issues);
  if (!spec) {
    for (auto& i : issues) result.issues.push_back({"reform", std::move(i.pointer), std::move(i.message), std::move(i.code), std::move(i.message_en)});
    return result;
  }
  std::unique_ptr<RuleSet> rules = copy();
  if (!rules) {
    result.issues.push_back({"reform", "", "规则无法复制，无法应用测算方案", "internal_error", "The rules could not be copied to apply the reform"});
    return result;
  }
  apply_reform(*rules, *spec);
  render_static_json(*rules, Engine::version());
  mark_reformed(*rules, spec->info);
  auto made = std::make_unique<Engine::Impl>();
  made->rules = std::move(rules);
  made->limits = impl.limits;
  result.engine = std::make_shared<const Engine>(std::move(made));
  return result;
}

}  // namespace

LoadResult Engine::reform(std::string_view text) const {
  return reformed(*impl_, text, [&] { return copy_rules(*impl_->rules); });
}

LoadResult Engine::reform(std::string_view text, std::string_view image) const {
  return reformed(*impl_, text, [&] {
    std::string error;
    return read_image(image, error, false);
  });
}
UIE_COLD_END

std::string Engine::parameters(std::string_view request, const Options& o) const noexcept {
  std::string out;
  Scratch& s = scratch();
  const Policy* policy = prepare(*impl_, request, o, true, s, out);
  if (policy) render_parameters(out, *policy, policy_date(s.request.date, *policy));
  return out;
}

void Engine::estimate_into(std::string& out, std::string_view request, const Options& o) const noexcept {
  Scratch& s = scratch();
  const Policy* policy = prepare(*impl_, request, o, false, s, out);
  if (!policy) return;
  evaluate(*policy, s.request, s.result);
  render_answer(out, *impl_->rules, s.request, s.result, o.english);
}

std::string Engine::estimate(std::string_view request, const Options& o) const noexcept {
  std::string out;
  estimate_into(out, request, o);
  return out;
}

std::string Engine::estimate(std::string_view request, std::string_view today) const noexcept {
  Options o;
  o.today = today;
  return estimate(request, o);
}

std::string Engine::compare(std::string_view request, const Options& o) const noexcept {
  std::string out;
  Scratch& s = scratch();
  const Policy* policy = prepare(*impl_, request, o, true, s, out);
  if (policy) render_comparison(out, *impl_->rules, s.request, *policy, o.english);
  return out;
}

std::string Engine::questions(std::string_view request, const Options& o) const noexcept {
  std::string out;
  Scratch& s = scratch();
  const Policy* policy = prepare(*impl_, request, o, true, s, out);
  if (policy) render_questions(out, s.request, *policy);
  return out;
}

std::string Engine::questions(std::string_view request, std::string_view today) const noexcept {
  Options o;
  o.today = today;
  return questions(request, o);
}

void Engine::screen_into(std::string& out, std::string_view request, const Options& o) const noexcept {
  Scratch& s = scratch();
  const Policy* policy = prepare(*impl_, request, o, false, s, out);
  if (policy) {
    evaluate(*policy, s.request, s.result);
    render_screen_line(out, s.request, s.result);
  }
  out += '\n';
}

std::string Engine::screen(std::string_view jsonl, const Options& o) const noexcept {
  std::string out;
  SessionImpl session(*this, BatchInput::kJsonl, BatchOutput::kLines, o, {});
  session.feed(jsonl, out);
  session.finish(out);
  return out;
}

std::string Engine::screen_csv(std::string_view csv, const ScreenDefaults& defaults, const Options& o,
                               BatchOutput output) const noexcept {
  std::string out;
  SessionImpl session(*this, BatchInput::kCsv, output, o, defaults);
  session.feed(csv, out);
  session.finish(out);
  return out;
}

const std::string& Engine::catalog() const noexcept { return impl_->rules->catalog_json; }

}  // namespace uie
