// date_on_or_after: a date not before a date parameter
// ("保障范围为2021年1月1日之后新发生的参保失业人员").
#include "kinds/common.h"

namespace uie {
namespace {

enum Slot { kValue, kMin };

void resolve(const RawCondition& raw, Condition& c, Resolver& r) {
  c.fact = r.fact(raw, "fact", {FactType::kDate});
  c.param = r.param(raw, "min", ParamType::kDate);
  c.reads = {c.fact};
}

void eval(const Condition& c, EvalContext& cx, CondOutcome& o) {
  const FactValue* v = cx.value(c.fact);
  if (!v || !c.param) return;
  const Date& min = cx.at(c.param, &o.param_case).date;
  o.passed = tri(!(v->date < min));
  o.n[kMin] = min.ordinal();
}

void slot(const Condition& c, const CondOutcome& o, int slot, Sink& sink, const RenderContext& cx) {
  if (slot == kValue) {
    cx.date(cx.value(c.fact)->date, sink);
  } else {
    auto m = o.n[kMin];
    cx.date(Date{static_cast<int>(m / 10000), static_cast<int>(m / 100 % 100), static_cast<int>(m % 100)}, sink);
  }
}

}  // namespace

extern const KindOps kDateOnOrAfter{"date_on_or_after", false, {"fact", "min"}, {"value", "min"}, {}, resolve, eval, slot,
                                    nullptr};

}  // namespace uie
