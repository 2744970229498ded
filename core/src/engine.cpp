// The public entry points: each one total, each outcome rendered once.
#include "uie/engine.h"

#include "engine_impl.h"
#include "eval/checks.h"
#include "eval/evaluate.h"
#include "eval/select.h"
#include "image/image.h"
#include "input/csv_screen.h"
#include "pack/load.h"
#include "render/static_json.h"
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

std::string date_text(const Messages& m, const Date& d, bool en) {
  return en ? m.text(Msg::kDate, true, {std::to_string(d.year), std::to_string(d.month), std::to_string(d.day), d.str()})
            : d.zh();
}

}  // namespace

namespace {

// The policy, once its rules have checked the facts (eval/checks.h).
const Policy* checked(const RuleSet& rules, const Policy* p, const Request& req, bool en, std::string& out) {
  RequestError err;
  if (p && !check_policy_facts(rules, *p, req, en, err)) {
    render_error(out, err.code, err.path, err.message);
    return nullptr;
  }
  return p;
}

}  // namespace

const Policy* choose_policy(const RuleSet& rules, const Request& req, bool allow_latest, bool en, std::string& out) {
  const Messages& m = rules.messages;
  const std::string& program = en ? req.program->title_en : req.program->title;
  if (!req.policy_id.empty()) {
    const Policy* p = find_policy(rules, req.policy_id, *req.program, req.date);
    if (!p) render_error(out, "unknown_policy", "/policy", m.text(Msg::kUnknownPolicy, en, {req.policy_id, program}));
    return checked(rules, p, req, en, out);
  }
  Selection s = select_policy_cached(rules, req.region, *req.program, req.date);
  if (s.policy) return checked(rules, s.policy, req, en, out);
  if (allow_latest && s.latest) return checked(rules, s.latest, req, en, out);
  std::string message = m.text(Msg::kNoPolicy, en, {date_text(m, req.date, en), req.region, program});
  if (!any_in_force_during(rules, req.region, *req.program, req.date.year)) {
    message += m.text(Msg::kNoPolicyYear, en, {std::to_string(req.date.year), program});
  }
  if (s.latest) {
    const Policy& l = *s.latest;
    std::string to = l.doc_to ? date_text(m, *l.doc_to, en) : m.text(Msg::kOpenEnded, en);
    message += m.text(Msg::kNoPolicyLatest, en, {l.doc->doc_no, m.text(Msg::kValidity, en, {date_text(m, l.doc_from, en), to}), l.doc->id});
  }
  render_error(out, "no_policy_in_force", req.date_given ? "/date" : "", message, s.latest);
  return nullptr;
}

namespace {

// Reads a request and chooses its policy; on failure the error is written.
const Policy* prepare(const Engine::Impl& impl, std::string_view text, const Options& o, bool allow_latest, Scratch& s,
                      std::string& out) {
  RequestError err;
  if (!read_request(*impl.rules, text, impl.limits, parse_today(o.today), o.english, s.tree, s.request, err)) {
    render_error(out, err.code, err.path, err.message);
    return nullptr;
  }
  return choose_policy(*impl.rules, s.request, allow_latest, o.english, out);
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

LoadResult Engine::load_image(std::string_view bytes, Limits limits) {
  LoadResult result;
  std::string error;
  auto rules = read_image(bytes, error);
  if (!rules) {
    result.issues.push_back({"(image)", "", "规则镜像无法读取：" + error, "invalid_image"});
    return result;
  }
  auto impl = std::make_unique<Impl>();
  impl->rules = std::move(rules);
  impl->limits = limits;
  result.engine = std::make_shared<const Engine>(std::move(impl));
  return result;
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
  for_each_line(jsonl, impl_->limits.max_request_bytes, [&](std::string_view line, bool too_long) {
    if (too_long) {
      // The engine's own size error, from a stand-in of the same size class,
      // so the message is the one every front end gives.
      screen_into(out, std::string(impl_->limits.max_request_bytes + 1, ' '), o);
    } else {
      screen_into(out, line, o);
    }
  });
  return out;
}

std::string Engine::screen_csv(std::string_view csv, const ScreenDefaults& defaults, const Options& o,
                               CsvOutput output) const noexcept {
  std::string out;
  CsvScreen session(*this, defaults, o, output);
  session.feed(csv, out);
  session.finish(out);
  return out;
}

const std::string& Engine::catalog() const noexcept { return impl_->rules->catalog_json; }

}  // namespace uie
