// ratio_at_most: numerator ÷ denominator not above a rate, compared exactly
// ("裁员率不高于…控制目标"); a unit at or under a headcount has its own rate
// and sentences ("30人（含）以下的参保企业裁员率不高于参保职工总数20%").
#include "kinds/common.h"

namespace uie {
namespace {

enum Slot { kRatio, kNumerator, kDenominator, kMax, kLimit, kHeadcount };
enum Number { nNumerator, nDenominator, nLimit, nHeadcount };

void resolve(const RawCondition& raw, Condition& c, Resolver& r) {
  // The denominator first: it is asked first, and named first when missing.
  c.fact2 = r.fact(raw, "denominator", {FactType::kCount, FactType::kInteger});
  c.fact = r.fact(raw, "numerator", {FactType::kCount, FactType::kInteger});
  c.param = r.param(raw, "max", ParamType::kRate);
  if (raw.has_small_unit) {
    Origin at{raw.at.file, raw.at.pointer + "/small_unit"};
    c.param2 = r.param(raw.small_headcount, at, "/headcount_at_most", ParamType::kCount);
    c.param3 = r.param(raw.small_max, at, "/max", ParamType::kRate);
  }
  c.reads = {c.fact2, c.fact};
}

void eval(const Condition& c, EvalContext& cx, CondOutcome& o) {
  const FactValue* num = cx.value(c.fact);
  const FactValue* den = cx.value(c.fact2);
  if (!num || !den || !c.param) return;
  bool small = c.param2 && c.param3 && den->number <= cx.at(c.param2).count;
  const ParamCase* which = nullptr;
  const Rate& max = cx.at(small ? c.param3 : c.param, &which).rate;
  o.param_case = which;
  o.alt = small;
  o.rate = &max;
  o.passed = tri(ratio_at_most(num->number, den->number, max));
  o.n[nNumerator] = num->number;
  o.n[nDenominator] = den->number;
  o.n[nLimit] = max_numerator(den->number, max);
  o.n[nHeadcount] = small ? cx.at(c.param2).count : 0;
  if (o.passed == Tri::kTrue) return;
  int index = outcome_index(cx, o);
  bound_whatif(cx, c, index, c.fact, WhatIf::Bound::kMax, o.n[nLimit]);
  case_whatifs(cx, c, small ? c.param3 : c.param, which, index,
               [&](const ParamScalar& s) { return ratio_at_most(num->number, den->number, s.rate); });
}

void slot(const Condition&, const CondOutcome& o, int slot, Sink& sink, const RenderContext&) {
  switch (slot) {
    case kRatio:
      sink.safe(o.rate ? percent_str(o.n[nNumerator], o.n[nDenominator], *o.rate) : percent_str(o.n[nNumerator], o.n[nDenominator]));
      return;
    case kNumerator: sink.number(o.n[nNumerator]); return;
    case kDenominator: sink.number(o.n[nDenominator]); return;
    case kMax: sink.text(o.rate->text); return;
    case kLimit: sink.number(o.n[nLimit]); return;
    case kHeadcount:
      if (o.alt) sink.number(o.n[nHeadcount]);
      return;
  }
}

void whatif_slot(const WhatIf&, const CondOutcome& o, int slot, Sink& sink, const RenderContext&) {
  if (slot == 0) sink.number(o.n[nLimit]);
  else sink.text(o.rate->text);
}

}  // namespace

extern const KindOps kRatioAtMost{"ratio_at_most", false, {"numerator", "denominator", "max", "small_unit"},
                                  {"ratio", "numerator", "denominator", "max", "limit", "headcount"}, {"limit", "max"},
                                  resolve, eval, slot, whatif_slot};

}  // namespace uie
