// entitlement_left: months of 失业保险金 still payable — the longest entitlement
// for the contribution time (条例第十七条 / 社会保险法第四十六条), less the months
// drawn, plus any extension to the legal retirement age the policy grants.
#include "eval/duration.h"
#include "kinds/common.h"

namespace uie {
namespace {

enum Slot { kMax, kUsed, kLeft };

void resolve(const RawCondition& raw, Condition& c, Resolver& r) {
  const Duration& d = r.policy().duration;
  if (!d.bands) r.issue(raw.at, issue::kMissing, "", "entitlement_left 需要 duration.bands");
  c.fact = -1;
  int months = r.fact("contribution_months", raw.at, "", {FactType::kCount});
  r.fact("benefit_months_used", raw.at, "", {FactType::kCount});
  c.reads = {months};
}

void eval(const Condition& c, EvalContext& cx, CondOutcome& o) {
  const Duration& d = cx.policy().duration;
  if (!d.bands || !cx.value(d.contribution_months)) return;
  Entitlement e = entitlement(cx, d);
  o.n[kMax] = e.max;
  o.n[kUsed] = e.used;
  o.n[kLeft] = e.remaining + e.extension;
  if (e.needs_retirement) {  // drawn beyond `max`: possible only in the extension
    o.needs = retirement_inputs_missing(cx, d);
    return;
  }
  o.passed = tri(e.remaining + e.extension > 0);
  if (e.extension > 0) {
    o.suffix = Msg::kEntitlementExtended;
    o.suffix_arg = e.extension;
  }
  (void)c;
}

void slot(const Condition&, const CondOutcome& o, int slot, Sink& sink, const RenderContext&) { sink.number(o.n[slot]); }

}  // namespace

extern const KindOps kEntitlementLeft{"entitlement_left", false, {}, {"max", "used", "left"}, {}, resolve, eval, slot, nullptr};

}  // namespace uie
