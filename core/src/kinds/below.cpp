// below: a count under a limit ("每人每年享受补贴次数最多不超过三次": fewer than 3 so far).
#include "kinds/common.h"

namespace uie {
namespace {

enum Slot { kValue, kMax };

void resolve(const RawCondition& raw, Condition& c, Resolver& r) {
  c.fact = r.fact(raw, "fact", {FactType::kCount, FactType::kInteger});
  c.param = r.param(raw, "max", ParamType::kCount);
  c.reads = {c.fact};
}

void eval(const Condition& c, EvalContext& cx, CondOutcome& o) {
  std::optional<std::int64_t> v = cx.number(c.fact, o.defaulted);
  if (!v || !c.param) return;
  std::int64_t max = cx.at(c.param, &o.param_case).count;
  o.passed = tri(*v < max);
  if (o.defaulted) o.suffix = Msg::kCountDefaulted;
  o.n[kValue] = *v;
  o.n[kMax] = max;
  if (o.passed == Tri::kFalse) {
    case_whatifs(cx, c, c.param, o.param_case, outcome_index(cx, o), [&](const ParamScalar& s) { return *v < s.count; });
  }
  open_by_adoption(cx, c.param, o, [&](const ParamScalar& s) { return *v < s.count; });
}

void slot(const Condition&, const CondOutcome& o, int slot, Sink& sink, const RenderContext&) { sink.number(o.n[slot]); }

}  // namespace

extern const KindOps kBelow{"below", false, {"fact", "max"}, {"value", "max"}, {}, resolve, eval, slot, nullptr};

}  // namespace uie
