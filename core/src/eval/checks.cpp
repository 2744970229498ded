#include "eval/checks.h"

#include "eval/derive.h"
#include "eval/duration.h"
#include "eval/evaluate.h"

namespace uie {
namespace {

bool fail(RequestError& err, const ProgramDef& p, int fact, std::string message) {
  err = RequestError{"inconsistent_facts", "/facts/" + p.facts[static_cast<std::size_t>(fact)].id, std::move(message)};
  return false;
}

// The months to retirement: given, or computed by the policy's exact derivation.
std::optional<std::int64_t> months_to_retirement(const Policy& p, const Request& req, const Date& as_of) {
  int f = p.duration.months_to_retirement;
  if (const FactValue* v = req.facts.get(f)) return v->number;
  const Derivation* d = derivation_of(p, f);
  if (!d || !d->exact) return std::nullopt;
  return derived_value(p, *d, as_of, req.date, req.facts);
}

}  // namespace

bool check_policy_facts(const RuleSet& rules, const Policy& p, const Request& req, bool en, RequestError& err) {
  const Messages& m = rules.messages;
  const ProgramDef& prog = *p.program;
  Date as_of = policy_date(req.date, p);
  // A given value of what the law computes (or defines) must be what it computes.
  for (const auto& d : p.derivations) {
    const FactValue* given = req.facts.get(d.fact);
    bool defined = d.exact || d.kind == Derivation::Kind::kByOption;
    if (!defined || !given) continue;
    auto derived = derived_value(p, d, as_of, req.date, req.facts);
    if (!derived || *derived == given->number) continue;
    if (d.kind == Derivation::Kind::kByOption) {
      const FactDef& from = prog.facts[static_cast<std::size_t>(d.from)];
      const Option& option = from.options[static_cast<std::size_t>(req.facts.get(d.from)->number)];
      const FactDef& fact = prog.facts[static_cast<std::size_t>(d.fact)];
      return fail(err, prog, d.fact, m.text(Msg::kOptionDiffers, en, {en ? from.label_en : from.label, en ? option.label_en : option.label,
                                                                     en ? fact.label_en : fact.label, m.text(*derived ? Msg::kYes : Msg::kNo, en)}));
    }
    return fail(err, prog, d.fact, m.text(Msg::kRetirementDiffers, en, {std::to_string(*derived), std::to_string(given->number)}));
  }
  // Months drawn beyond the entitlement (社会保险法 第四十六条) happen only in
  // the extension to retirement age, and only if at the end of the
  // entitlement retirement was fewer than `within` months away.
  const Duration& d = p.duration;
  const FactValue* months = req.facts.get(d.contribution_months);
  const FactValue* used = req.facts.get(d.months_used);
  if (!d.bands || !months || !used) return true;
  std::int64_t max = longest_months(d, as_of, months->number).months;
  if (max <= 0 || used->number <= max) return true;
  std::string u = std::to_string(used->number), mx = std::to_string(max);
  if (!d.extension_within) return fail(err, prog, d.months_used, m.text(Msg::kMonthsUsedAboveMax, en, {u, mx}));
  auto to_retire = months_to_retirement(p, req, as_of);
  if (!to_retire) return true;  // undecided: the answer asks for the birth month
  std::int64_t gap = *to_retire + (used->number - max);
  std::int64_t within = d.extension_within->at(as_of).value.count;
  if (gap > 0 && gap < within) return true;
  return fail(err, prog, d.months_used,
              m.text(Msg::kMonthsUsedNotExtended, en, {u, mx, std::to_string(gap), std::to_string(within - 1)}));
}

}  // namespace uie
