// The public entry points: each one total, turning every outcome into JSON.
#include "uie/engine.h"

#include "evaluate.h"
#include "loader.h"
#include "request.h"
#include "select.h"

namespace uie {

struct Engine::Impl {
  std::unique_ptr<RuleSet> rules;
  Limits limits;
};

namespace {

std::string dump(const ojson& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

ojson error_json(const std::string& code, const std::string& path, const std::string& message) {
  return ojson{{"ok", false}, {"error", ojson{{"code", code}, {"path", path}, {"message", message}}}};
}

std::string validity_zh(const Policy& p) {
  return p.valid_from.zh() + "至" + (p.valid_to ? p.valid_to->zh() : "长期");
}

// The policy a request is evaluated under, or the error that stops it.
// `allow_latest` (for questions) falls back to the latest policy instead of
// refusing when none is in force.
const Policy* choose(const RuleSet& rules, const Request& req, bool allow_latest, ojson& error) {
  if (!req.policy_id.empty()) {
    const Policy* p = find_policy(rules, req.policy_id, req.program->id);
    if (!p) {
      error = error_json("unknown_policy", "/policy",
                         "没有 id 为“" + req.policy_id + "”且涉及“" + req.program->title + "”的政策");
    }
    return p;
  }
  Selection s = select_policy(rules, req.region, req.program->id, req.date);
  if (s.policy) return s.policy;
  if (allow_latest && s.latest) return s.latest;
  std::string message = req.date.zh() + "，地区 " + req.region + " 没有正在施行的“" + req.program->title + "”政策";
  if (s.latest) {
    message += "。最近的一份是 " + s.latest->doc->doc_no + "（有效期 " + validity_zh(*s.latest) +
               "），可以在请求中加上 \"policy\": \"" + s.latest->doc->id + "\" 按它测算";
  }
  error = error_json("no_policy_in_force", req.date_given ? "/date" : "", message);
  if (s.latest) error["error"]["latest"] = policy_json(*s.latest);
  return nullptr;
}

Date parse_today(std::string_view today) {
  auto d = Date::parse(today);
  return d ? *d : Date::today();
}

}  // namespace

Engine::Engine(std::unique_ptr<const Impl> impl) : impl_(std::move(impl)) {}
Engine::~Engine() = default;

const char* Engine::version() noexcept { return "0.1.0"; }

LoadResult Engine::load(const std::vector<PackText>& packs, Limits limits) {
  LoadResult result;
  auto rules = load_rules(packs, result.issues);
  if (!rules) return result;
  auto impl = std::make_unique<Impl>();
  impl->rules = std::move(rules);
  impl->limits = limits;
  result.engine = std::make_shared<const Engine>(std::move(impl));
  return result;
}

std::string Engine::estimate(std::string_view request) const noexcept { return estimate(request, ""); }

namespace {

// Reads a request and chooses its policy; on failure returns the error
// response and leaves `policy` null.
std::string prepare(const Engine::Impl& impl, std::string_view text, std::string_view today, bool allow_latest,
                    Request& req, const Policy*& policy) {
  RequestError err;
  if (!read_request(*impl.rules, text, impl.limits, parse_today(today), req, err)) {
    return dump(error_json(err.code, err.path, err.message));
  }
  ojson error;
  policy = choose(*impl.rules, req, allow_latest, error);
  return policy ? "" : dump(error);
}

}  // namespace

std::string Engine::estimate(std::string_view request, std::string_view today) const noexcept {
  Request req;
  const Policy* policy = nullptr;
  std::string error = prepare(*impl_, request, today, false, req, policy);
  return policy ? dump(evaluate(req, *policy)) : error;
}

std::string Engine::questions(std::string_view request, std::string_view today) const noexcept {
  Request req;
  const Policy* policy = nullptr;
  std::string error = prepare(*impl_, request, today, true, req, policy);
  if (!policy) return error;
  auto cites = fact_citations(*policy);
  ojson qs = ojson::array();
  for (const auto& id : policy->used_facts) {
    const FactDef& f = *req.program->fact(id);
    static const char* types[] = {"enum", "count", "integer", "money", "bool", "date", "string", "level_list"};
    ojson options = ojson::array();
    for (const auto& o : f.options) options.push_back(ojson{{"value", o.value}, {"label", o.label}, {"label_en", o.label_en}});
    ojson q{{"fact", f.id},
            {"type", types[static_cast<int>(f.type)]},
            {"required", f.required},
            {"answered", req.fact(id) != nullptr},
            {"label", f.label},
            {"label_en", f.label_en},
            {"unit", f.unit.empty() ? ojson(nullptr) : ojson(f.unit)},
            {"help", f.help.empty() ? ojson(nullptr) : ojson(f.help)},
            {"cite", cites.count(id) ? cite_json(cites[id]) : ojson(nullptr)},
            {"options", options},
            {"min", f.min ? ojson(*f.min) : ojson(nullptr)},
            {"max", f.max ? ojson(*f.max) : ojson(nullptr)}};
    qs.push_back(q);
  }
  ojson pj = policy_json(*policy);
  bool in_force = policy->in_force(req.date);
  pj["in_force"] = in_force;
  return dump(ojson{{"ok", true}, {"program", req.program->id}, {"policy", pj}, {"in_force", in_force}, {"questions", qs}});
}

std::string Engine::questions(std::string_view request) const noexcept { return questions(request, ""); }

std::string Engine::catalog() const noexcept {
  const RuleSet& rules = *impl_->rules;
  ojson programs = ojson::array();
  for (const auto& p : rules.programs) {
    programs.push_back(ojson{{"id", p.id}, {"title", p.title}, {"title_en", p.title_en}, {"audience", p.audience}});
  }
  ojson regions = ojson::array();
  for (const auto& r : rules.regions) {
    ojson children = ojson::array();
    for (const auto& c : r.prefectures) children.push_back(ojson{{"code", c.code}, {"name", c.name}, {"name_en", c.name_en}});
    regions.push_back(ojson{{"code", r.code}, {"name", r.name}, {"name_en", r.name_en}, {"children", children}});
  }
  ojson policies = ojson::array();
  for (const auto& d : rules.documents) {
    ojson entry;
    ojson covered = ojson::array();
    for (const auto& p : rules.policies) {
      if (p->doc != d.get()) continue;
      if (entry.is_null()) {
        entry = policy_json(*p);
        entry.erase("valid_from");
        entry.erase("valid_to");
      }
      covered.push_back(ojson{{"program", p->program},
                              {"valid_from", p->valid_from.str()},
                              {"valid_to", p->valid_to ? ojson(p->valid_to->str()) : ojson(nullptr)}});
    }
    if (entry.is_null()) continue;
    entry["programs"] = covered;
    policies.push_back(entry);
  }
  return dump(ojson{{"ok", true}, {"engine_version", version()}, {"programs", programs}, {"regions", regions}, {"policies", policies}});
}

}  // namespace uie
