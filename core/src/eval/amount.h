// The amount and duration of a decided request (amount.cpp, duration.cpp).
#pragma once

#include "eval/context.h"

namespace uie {

// Fills the amount fields of the result. `eligible` decides whether an amount
// is computed (true), shown as 0 (false) or left open (undecided).
void evaluate_amount(EvalContext& cx, Tri eligible);

}  // namespace uie
