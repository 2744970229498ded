// The amount of a decided request, by the policy's amount rule.
#include "eval/amount.h"

#include "eval/derive.h"
#include "eval/duration.h"

namespace uie {
namespace {

// 稳岗返还: a rate of the contributions paid, the rate by the unit type and,
// for enterprises, by size (given, derived, or both candidates shown).
void refund(EvalContext& cx, bool compute) {
  const AmountRule& a = cx.policy().amount;
  Result& r = cx.result();
  RefundAmount& out = r.refund;
  const FactValue* base_v = cx.value(a.base);
  Fen base = base_v ? base_v->number : 0;
  for (int e : a.exclude) {
    if (const FactValue* v = cx.value(e)) base -= v->number;
  }
  if (base_v) out.base = base;
  const FactValue* unit = cx.value(a.unit_type_fact);
  if (!unit) return;
  out.has_unit = true;
  out.unit_option = static_cast<int>(unit->number);
  const Param* param = a.rate_by_unit_type[static_cast<std::size_t>(unit->number)];
  // 参照实施 without more (docs/contract-notes.md, "Two readings"): the rates
  // as written, without a case for enterprises (国办发〔2025〕25号 names 相关企业);
  // the size as given, never derived (划型 is for enterprises).
  bool both = a.reads_both(out.unit_option);
  auto rate_of = [&](const Param* p) -> const Rate& { return both ? cx.dated(p).value.rate : cx.at(p).rate; };
  if (!param) {  // by size
    const FactValue* size = both ? cx.given(a.size_fact) : cx.value(a.size_fact);
    if (both && size && size->number == a.size_large_option) {
      out.size_source = RefundAmount::SizeSource::kFact;
      out.size_option = static_cast<int>(size->number);
      size = nullptr;  // the SME reading and the by-size reading differ: both shown
    }
    if (size && !size->derived) {
      out.size_source = RefundAmount::SizeSource::kFact;
    } else if (size) {
      out.size_source = RefundAmount::SizeSource::kDerived;
      out.size_derivation = derivation_of(cx.policy(), a.size_fact);
      out.derived_from = cx.value(out.size_derivation->from)->number;
      out.derived_min = cx.at(out.size_derivation->param).count;
    }
    // A size from the last of the ways the rules name (晋 28号 二: statistics,
    // then registration data, then the headcount) is a presumption: both
    // amounts are shown, the presumed size named.
    bool presumed = size && size->derived && out.size_derivation && out.size_derivation->last_resort;
    if (!size || presumed) {
      // Both candidates, since the policy cannot tell the size (contract §4.1).
      if (presumed) out.size_option = static_cast<int>(size->number);
      out.presumed = presumed;
      if (compute && base_v) {
        out.candidates = true;
        out.readings = both;
        out.large_rate = &rate_of(a.rate_large);
        out.sme_rate = &rate_of(a.rate_sme);
        out.large = apply_rate(base, *out.large_rate);
        out.sme = apply_rate(base, *out.sme_rate);
        // Under a national ceiling (不超过) both amounts are ceilings.
        r.amount_is_cap = (!both && (a.rate_large->cap || a.rate_sme->cap)) || (both && a.rate_sme->cap);
      }
      return;
    }
    out.size_option = static_cast<int>(size->number);
    param = size->number == a.size_large_option ? a.rate_large : a.rate_sme;
  }
  out.rate_param = param;
  out.rate = both ? &rate_of(param) : &cx.at(param, &out.rate_case).rate;
  if (param->cap) {
    r.amount_is_cap = true;
    r.cap_param = param;
  }
  if (!compute || !base_v) return;
  out.computed = true;
  r.amount = apply_rate(base, *out.rate);
  if (const FactValue* v = cx.value(a.pass_on); v && v->number > 0) out.pass_on = apply_rate(v->number, *out.rate);
}

void table(EvalContext& cx, bool eligible) {
  const AmountRule& a = cx.policy().amount;
  Result& r = cx.result();
  const FactValue* v = cx.value(a.table_fact);
  if (!v) return;
  for (const auto& [key, param] : a.table) {
    if (key != v->number || !param) continue;
    r.table_value = cx.at(param).money;
    if (param->cap) {
      r.amount_is_cap = true;
      r.cap_param = param;
    }
    if (eligible) r.amount = r.table_value;
  }
}

void split(EvalContext& cx, bool eligible) {
  const AmountRule& a = cx.policy().amount;
  Result& r = cx.result();
  SplitAmount& out = r.split;
  out.total = &cx.at(a.total).rate;
  if (a.unit) out.unit = &cx.at(a.unit).rate;
  if (a.individual) out.individual = &cx.at(a.individual).rate;
  const FactValue* base = cx.value(a.base);
  if (!base || !eligible) return;
  if (!a.unit) {
    r.amount = apply_rate(base->number, *out.total);
    r.split_total_only = true;
    return;
  }
  out.unit_fen = apply_rate(base->number, *out.unit);
  out.individual_fen = apply_rate(base->number, *out.individual);
  r.amount = *out.unit_fen + *out.individual_fen;
}

}  // namespace

std::optional<Fen> encoded_monthly_standard(const EvalContext& cx, const ParamValue** standard, const ParamValue** rate,
                                            const ParamValue** wage) {
  const AmountRule& a = cx.policy().amount;
  if (a.standard) {
    if (standard) *standard = &cx.dated(a.standard);
    return cx.dated(a.standard).value.money;
  }
  if (!a.standard_rate || !a.minimum_wage) return std::nullopt;
  const ParamValue& r = cx.dated(a.standard_rate);
  const ParamValue& w = cx.dated(a.minimum_wage);
  if (rate) *rate = &r;
  if (wage) *wage = &w;
  return apply_rate(w.value.money, r.value.rate, a.whole_yuan ? 100 : 1);
}

namespace {

// 失业保险金: the person's own figure, else the standard the rules hold; the
// monthly amount once eligible, and the total once the months are known.
void monthly(EvalContext& cx, Tri eligible) {
  const AmountRule& a = cx.policy().amount;
  Result& r = cx.result();
  MonthlyAmount& m = r.monthly;
  std::optional<Fen> encoded = encoded_monthly_standard(cx, &m.standard_value, &m.rate_value, &m.wage_value);
  if (const FactValue* own = cx.value(a.own_fact)) {
    m.standard = own->number;
    m.source = MonthlyAmount::Source::kFact;
    m.encoded = encoded;
  } else if (encoded) {
    m.standard = encoded;
    m.source = m.standard_value ? MonthlyAmount::Source::kStandard : MonthlyAmount::Source::kMinimumWage;
  }
  r.local_note = !m.standard && eligible != Tri::kFalse;
  if (eligible == Tri::kTrue && m.standard) r.amount = m.standard;
}

void monthly_total(EvalContext& cx, Tri eligible) {
  Result& r = cx.result();
  if (eligible == Tri::kFalse) r.monthly.total = 0;
  else if (eligible == Tri::kTrue && r.monthly.standard && r.duration.total) r.monthly.total = *r.monthly.standard * *r.duration.total;
}

}  // namespace

void evaluate_amount(EvalContext& cx, Tri eligible) {
  Result& r = cx.result();
  bool yes = eligible == Tri::kTrue;
  if (eligible == Tri::kFalse) r.amount = 0;
  switch (cx.policy().amount.kind) {
    case AmountRule::Kind::kPercentOfBase: refund(cx, yes); break;
    case AmountRule::Kind::kTable: table(cx, yes); break;
    case AmountRule::Kind::kContributionSplit: split(cx, yes); break;
    case AmountRule::Kind::kLocal: r.local_note = eligible != Tri::kFalse; break;
    case AmountRule::Kind::kMonthly: monthly(cx, eligible); break;
    case AmountRule::Kind::kNone: break;
  }
  evaluate_duration(cx, yes);
  if (cx.policy().amount.kind == AmountRule::Kind::kMonthly) monthly_total(cx, eligible);
}

}  // namespace uie
