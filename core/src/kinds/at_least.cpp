// at_least: a count at or above a threshold ("足额缴纳失业保险费12个月以上").
#include "kinds/common.h"

namespace uie {
namespace {

enum Slot { kValue, kMin, kNeed };

void resolve(const RawCondition& raw, Condition& c, Resolver& r) {
  c.fact = r.fact(raw, "fact", {FactType::kCount, FactType::kInteger});
  c.param = r.param(raw, "min", ParamType::kCount);
  c.reads = {c.fact};
}

void eval(const Condition& c, EvalContext& cx, CondOutcome& o) {
  std::optional<std::int64_t> v = cx.number(c.fact, o.defaulted);
  if (!v || !c.param) return;
  std::int64_t min = cx.at(c.param, &o.param_case).count;
  o.passed = tri(*v >= min);
  if (o.defaulted) o.suffix = Msg::kCountDefaulted;
  o.n[kValue] = *v;
  o.n[kMin] = min;
  o.n[kNeed] = min - *v;
  if (o.passed == Tri::kTrue) return;
  int index = outcome_index(cx, o);
  bound_whatif(cx, c, index, c.fact, WhatIf::Bound::kMin, min);
  case_whatifs(cx, c, c.param, o.param_case, index, [&](const ParamScalar& s) { return *v >= s.count; });
  open_by_adoption(cx, c.param, o, [&](const ParamScalar& s) { return *v >= s.count; });
}

void slot(const Condition&, const CondOutcome& o, int slot, Sink& sink, const RenderContext&) { sink.number(o.n[slot]); }

void whatif_slot(const WhatIf&, const CondOutcome& o, int slot, Sink& sink, const RenderContext&) {
  sink.number(slot == 0 ? o.n[kNeed] : o.n[kMin]);
}

}  // namespace

extern const KindOps kAtLeast{"at_least", false, {"fact", "min"}, {"value", "min", "need"}, {"need", "min"},
                              resolve, eval, slot, whatif_slot};

}  // namespace uie
