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

// A failed threshold that a value left to the province (a where_adopted case)
// would pass: undecided. With the case's yes/no fact unanswered, it is asked;
// answered yes, the province's choice decides and the office is named
// (人社部发〔2025〕18号 二: 急需紧缺职业证书 may get 2 more claims a year).
template <typename Passes>
void open_by_adoption(EvalContext& cx, const Param* p, CondOutcome& o, Passes&& passes) {
  if (!p || o.passed != Tri::kFalse) return;
  for (const auto& k : cx.dated(p).when) {
    if (!k.where_adopted || !passes(k.value)) continue;
    const FactValue* f = cx.value(k.fact);
    if (f && (f->number != 0) != k.equals_bool) continue;
    o.passed = Tri::kNull;
    if (!f) {
      o.needs |= std::uint64_t{1} << k.fact;
    } else {
      o.open = true;
      o.suffix = Msg::kLeftToProvince;
      o.suffix_arg = k.value.count;
      o.param_case = &k;
    }
    return;
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
