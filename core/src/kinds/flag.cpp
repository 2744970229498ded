// is_false / is_true: a yes/no fact ("严重失信企业…不能享受", "非因本人意愿中断就业").
// An optional one left out counts as no.
#include "kinds/common.h"

namespace uie {
namespace {

void resolve(const RawCondition& raw, Condition& c, Resolver& r) {
  c.fact = r.fact(raw, "fact", {FactType::kBool});
  c.reads = {c.fact};
}

void eval_flag(const Condition& c, EvalContext& cx, CondOutcome& o, bool want) {
  std::optional<bool> f = cx.flag(c.fact, o.defaulted);
  if (!f) return;
  o.passed = tri(*f == want);
  if (o.defaulted) o.suffix = Msg::kFlagDefaulted;
  if (o.passed == Tri::kFalse) bound_whatif(cx, c, outcome_index(cx, o), c.fact, WhatIf::Bound::kNone, 0);
}

void eval_false(const Condition& c, EvalContext& cx, CondOutcome& o) { eval_flag(c, cx, o, false); }
void eval_true(const Condition& c, EvalContext& cx, CondOutcome& o) { eval_flag(c, cx, o, true); }

void slot(const Condition&, const CondOutcome&, int, Sink&, const RenderContext&) {}

}  // namespace

extern const KindOps kIsFalse{"is_false", false, {"fact"}, {}, {}, resolve, eval_false, slot, nullptr};
extern const KindOps kIsTrue{"is_true", false, {"fact"}, {}, {}, resolve, eval_true, slot, nullptr};

}  // namespace uie
