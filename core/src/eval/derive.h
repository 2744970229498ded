// Derived facts (derive.cpp).
#pragma once

#include <optional>

#include "model/situation.h"
#include "model/policy.h"

namespace uie {

// Fills in every fact the policy derives: those the request left out, and
// those an exact derivation computes (a given value was checked equal);
// `as_of` picks the parameters' values, `today` is the request's date.
void apply_derivations(const Policy& policy, const Date& as_of, const Date& today, FactSet& facts);

// The value derivation `d` gives from `facts`, or nullopt when an input is missing.
std::optional<std::int64_t> derived_value(const Policy& policy, const Derivation& d, const Date& as_of, const Date& today,
                                          const FactSet& facts);

// The question to put for a missing fact: the plain question whose answer
// decides it, where a by_option derivation has one still unanswered
// ("how did the job end" before "非因本人意愿中断就业"); else the fact itself.
int asked_for(const Policy& policy, const FactSet& facts, int fact);

// The derivation that computes `fact`, or null.
const Derivation* derivation_of(const Policy& policy, int fact);

// A month as year*12 + month-1 (the form month facts are held in).
std::int64_t month_index(const Date& d);

}  // namespace uie
