#include "eval/choose.h"

#include "eval/checks.h"
#include "eval/select.h"

namespace uie {
namespace {

std::string date_text(const Messages& m, const Date& d, bool en) {
  return en ? m.text(Msg::kDate, true, {std::to_string(d.year), std::to_string(d.month), std::to_string(d.day), d.str()})
            : d.zh();
}

// The policy, once its rules have checked the facts.
Choice checked(const RuleSet& rules, const Policy* p, const Request& req, bool en) {
  Choice c;
  if (p && !check_policy_facts(rules, *p, req, en, c.error)) return c;
  c.policy = p;
  return c;
}

Choice refused(std::string code, std::string path, std::string message, const Policy* latest = nullptr) {
  Choice c;
  c.error = RequestError{std::move(code), std::move(path), std::move(message)};
  c.latest = latest;
  return c;
}

}  // namespace

Choice choose_policy(const RuleSet& rules, const Request& req, bool allow_latest, bool en) {
  const Messages& m = rules.messages;
  const std::string& program = en ? req.program->title_en : req.program->title;
  if (!req.policy_id.empty()) {
    const Policy* p = find_policy(rules, req.policy_id, *req.program, req.date);
    if (!p) return refused("unknown_policy", "/policy", m.text(Msg::kUnknownPolicy, en, {req.policy_id, program}));
    return checked(rules, p, req, en);
  }
  Selection s = select_policy_cached(rules, req.region, *req.program, req.date);
  if (s.policy) return checked(rules, s.policy, req, en);
  if (allow_latest && s.latest) return checked(rules, s.latest, req, en);
  std::string message = m.text(Msg::kNoPolicy, en, {date_text(m, req.date, en), req.region, program});
  if (!any_in_force_during(rules, req.region, *req.program, req.date.year)) {
    message += m.text(Msg::kNoPolicyYear, en, {std::to_string(req.date.year), program});
  }
  if (s.latest) {
    const Policy& l = *s.latest;
    std::string to = l.doc_to ? date_text(m, *l.doc_to, en) : m.text(Msg::kOpenEnded, en);
    message += m.text(Msg::kNoPolicyLatest, en, {l.doc->doc_no, m.text(Msg::kValidity, en, {date_text(m, l.doc_from, en), to}), l.doc->id});
  }
  return refused("no_policy_in_force", req.date_given ? "/date" : "", std::move(message), s.latest);
}

}  // namespace uie
