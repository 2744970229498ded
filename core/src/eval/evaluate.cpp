#include "eval/evaluate.h"

#include <algorithm>

#include "eval/amount.h"
#include "eval/context.h"
#include "eval/derive.h"
#include "kinds/kind.h"

namespace uie {
namespace {

// The required facts an undecided condition still needs: the ones its
// undecided parts read. A condition already decided needs nothing more.
void needed(const Result& r, const CondOutcome& o, const EvalContext& cx, std::vector<int>& out) {
  if (o.passed != Tri::kNull || !o.cond) return;
  if (o.cond->kind && o.cond->kind->composite) {
    for (int k = 0; k < o.sub_count; ++k) needed(r, r.outcomes[static_cast<std::size_t>(o.first_sub + k)], cx, out);
    return;
  }
  for (int f : o.cond->reads) {
    if (f >= 0 && !cx.value(f) && cx.required(f)) out.push_back(asked_for(cx.policy(), cx.facts(), f));
  }
  for (int f = 0; o.needs && f < kMaxFacts; ++f) {
    if ((o.needs >> f) & 1u) out.push_back(f);
  }
}

// Whether `fact` is read only as a case of the enterprise size rates (in any
// of their dated values).
bool moves_size_rates_only(const Policy& p, int fact) {
  bool in_case = false;
  for (const Param* rate : {p.amount.rate_large, p.amount.rate_sme}) {
    if (!rate) continue;
    for (const auto& v : rate->values) {
      for (const auto& k : v.when) in_case = in_case || k.fact == fact;
    }
  }
  if (!in_case) return false;
  for (const auto& c : p.conditions) {
    if (std::find(c.reads.begin(), c.reads.end(), fact) != c.reads.end()) return false;
  }
  return true;
}

// Whether such a fact moves a rate on the policy's date (国办发〔2025〕25号
// from 2025-07-09 only).
bool moves_rates_now(const Policy& p, const EvalContext& cx, int fact) {
  for (const Param* rate : {p.amount.rate_large, p.amount.rate_sme}) {
    if (!rate) continue;
    for (const auto& k : cx.dated(rate).when) {
      if (k.fact == fact) return true;
    }
  }
  return false;
}

// An optional fact worth offering: not gated off by a yes/no fact that is
// not set (派遣 amounts without labor_dispatch), not an input of a fact given
// outright (the birth month once the months to retirement are given), and not
// a size that cannot matter (a unit type with its own rate, or a size already given).
bool worth_asking(const Policy& p, const EvalContext& cx, const Policy::OptionalFact& o) {
  // The person's own monthly standard, only where the rules hold none.
  if (o.fact == p.amount.own_fact) return !encoded_monthly_standard(cx);
  if (o.gate >= 0) {
    const FactValue* g = cx.given(o.gate);
    if (!g || !g->number) return false;
  }
  for (const auto& d : p.derivations) {
    bool decides = d.exact || d.kind == Derivation::Kind::kByOption;
    if (decides && (d.from == o.fact || d.from2 == o.fact) && cx.given(d.fact)) return false;
  }
  const AmountRule& a = p.amount;
  const FactValue* unit = cx.given(a.unit_type_fact);
  // A fact that only moves the enterprise rates (国办发〔2025〕25号 相关企业) is
  // not asked of a unit those rates do not apply to.
  if (a.kind == AmountRule::Kind::kPercentOfBase && moves_size_rates_only(p, o.fact)) {
    if (!moves_rates_now(p, cx, o.fact)) return false;
    bool own_rate = unit && a.rate_by_unit_type[static_cast<std::size_t>(unit->number)] != nullptr;
    if (own_rate || (unit && a.reads_both(static_cast<int>(unit->number)))) return false;
  }
  if (o.size == Policy::OptionalFact::Size::kNone) return true;
  bool own_rate = unit && a.rate_by_unit_type[static_cast<std::size_t>(unit->number)] != nullptr;
  // The headcount a size is derived from is for enterprises only (晋人社厅发〔2024〕28号 二).
  bool not_enterprise = unit && a.reads_both(static_cast<int>(unit->number));
  if (o.size == Policy::OptionalFact::Size::kSizeSource && not_enterprise) return false;
  return !(own_rate || (o.size == Policy::OptionalFact::Size::kSizeSource && cx.given(a.size_fact)));
}

// Where a condition is read two ways, the answer under each reading: as the
// whole evaluation would be with that reading's outcome in its place.
void readings(const Policy& p, Result& r) {
  for (std::size_t i = 0; i < p.conditions.size(); ++i) {
    const CondOutcome& o = r.outcomes[i];
    if (!o.cond || !o.cond->kind || std::string_view(o.cond->kind->name) != "readings") continue;
    bool other_false = false, other_null = !r.missing.empty();
    for (std::size_t k = 0; k < p.conditions.size(); ++k) {
      if (k == i) continue;
      other_false = other_false || r.outcomes[k].passed == Tri::kFalse;
      other_null = other_null || r.outcomes[k].passed == Tri::kNull;
    }
    r.readings_of = &o;
    for (int s = 0; s < o.sub_count; ++s) {
      const CondOutcome& sub = r.outcomes[static_cast<std::size_t>(o.first_sub + s)];
      Tri e = other_false || sub.passed == Tri::kFalse ? Tri::kFalse
              : other_null || sub.passed == Tri::kNull ? Tri::kNull
                                                       : Tri::kTrue;
      r.readings.push_back(ReadingResult{&sub, e});
    }
    return;  // one such condition a policy
  }
}

}  // namespace

Date policy_date(const Date& d, const Policy& p) {
  if (d < p.valid_from) return p.valid_from;
  if (p.valid_to && *p.valid_to < d) return *p.valid_to;
  return d;
}

void evaluate(const Policy& p, Request& req, Result& r) {
  r.reset(&p);
  r.in_force = p.in_force(req.date);
  Date as_of = policy_date(req.date, p);
  apply_derivations(p, as_of, req.date, req.facts);
  EvalContext cx(p, req.facts, as_of, req.date, r, req.adopt_fact);
  if (r.outcomes.size() < p.condition_count) r.outcomes.resize(p.condition_count);
  int first = cx.allocate(p.conditions.size());
  bool any_false = false, any_null = false;
  for (std::size_t i = 0; i < p.conditions.size(); ++i) {
    cx.evaluate_into(p.conditions[i], first + static_cast<int>(i));
    Tri t = r.outcomes[i].passed;
    any_false = any_false || t == Tri::kFalse;
    any_null = any_null || t == Tri::kNull;
  }
  // What is missing: the facts undecided conditions still need, and the
  // required facts the amount needs; in asking order.
  for (std::size_t i = 0; i < p.conditions.size(); ++i) needed(r, r.outcomes[i], cx, r.missing);
  for (int f : p.amount.reads) {
    if (f >= 0 && !cx.value(f) && cx.required(f)) r.missing.push_back(f);
  }
  std::sort(r.missing.begin(), r.missing.end());
  r.missing.erase(std::unique(r.missing.begin(), r.missing.end()), r.missing.end());
  for (const auto& o : p.optional_facts) {
    bool missing = std::find(r.missing.begin(), r.missing.end(), o.fact) != r.missing.end();
    if (!cx.given(o.fact) && !missing && worth_asking(p, cx, o)) r.optional_missing.push_back(o.fact);
  }
  r.eligible = any_false ? Tri::kFalse : (any_null || !r.missing.empty()) ? Tri::kNull : Tri::kTrue;
  readings(p, r);
  evaluate_amount(cx, r.eligible);
  if (r.eligible == Tri::kFalse) {
    r.missing.clear();
    r.optional_missing.clear();
  }
}

}  // namespace uie
