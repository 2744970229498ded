// The amount and duration of a decided request (amount.cpp, duration.cpp).
#pragma once

#include "eval/context.h"

namespace uie {

// Fills the amount fields of the result. `eligible` decides whether an amount
// is computed (true), shown as 0 (false) or left open (undecided).
void evaluate_amount(EvalContext& cx, Tri eligible);

// 失业保险金: the monthly standard the rules hold for the policy's date (null
// when they hold none), with the values it comes from.
std::optional<Fen> encoded_monthly_standard(const EvalContext& cx, const ParamValue** standard = nullptr,
                                            const ParamValue** rate = nullptr, const ParamValue** wage = nullptr);

}  // namespace uie
