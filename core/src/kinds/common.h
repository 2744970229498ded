// Helpers shared by the condition kinds.
#pragma once

#include "eval/context.h"
#include "kinds/kind.h"
#include "pack/resolve.h"

namespace uie {

// For a failed threshold whose parameter depends on a fact: the cases that
// would make it pass ("证书属于急需紧缺职业（工种）的，每年最多 3 次"), as what-ifs.
template <typename Passes>
void case_whatifs(EvalContext& cx, const Condition& c, const Param* p, const ParamCase* applied, int outcome,
                  Passes&& passes) {
  if (!p) return;
  for (const auto& k : cx.dated(p).when) {
    if (&k == applied || k.whatif.empty() || !passes(k.value)) continue;
    WhatIf w;
    w.cond = &c;
    w.outcome = outcome;
    w.fact = k.fact;
    w.param_case = &k;
    cx.whatif(w);
  }
}

// "上年度裁员不超过 27 人即可满足": the rule's own what-if, with the bound that passes.
inline void bound_whatif(EvalContext& cx, const Condition& c, int outcome, int fact, WhatIf::Bound bound, std::int64_t value) {
  if (c.whatif.empty()) return;
  WhatIf w;
  w.cond = &c;
  w.outcome = outcome;
  w.fact = fact;
  w.bound = bound;
  w.value = value;
  cx.whatif(w);
}

// The index of the outcome being filled (it is the last one added).
inline int outcome_index(EvalContext& cx, const CondOutcome& o) {
  return static_cast<int>(&o - cx.result().outcomes.data());
}

}  // namespace uie
