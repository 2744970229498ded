// Derived facts (derive.cpp).
#pragma once

#include "eval/facts.h"
#include "model/policy.h"

namespace uie {

// Fills in every fact the policy derives and the request left out; `as_of`
// picks the parameters' values, `today` is the request's date.
void apply_derivations(const Policy& policy, const Date& as_of, const Date& today, FactSet& facts);

// The derivation that computes `fact`, or null.
const Derivation* derivation_of(const Policy& policy, int fact);

}  // namespace uie
