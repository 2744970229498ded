// Choosing the policy for a region, program and date (contract §5).
#pragma once

#include <string>
#include <vector>

#include "model/ruleset.h"

namespace uie {

// The jurisdictions a region code falls back through, most specific first:
// 630102 → 630102, 630100, 630000, 000000; a code a region `covers`
// falls back to that region (659001 → 659001, 659000, 660000, 000000).
std::vector<std::string> jurisdictions(const RuleSet& rules, const std::string& region);

struct Selection {
  const Policy* policy = nullptr;  // in force on the date, most specific first
  const Policy* latest = nullptr;  // the one nearest in time for the region, in force or not
};

Selection select_policy(const RuleSet& rules, const std::string& region, const ProgramDef& program, const Date& date);

// The same, remembering the last few answers: a batch asks the same region,
// program and date over and over.
Selection select_policy_cached(const RuleSet& rules, const std::string& region, const ProgramDef& program,
                               const Date& date);

// Whether any policy for the region's jurisdictions and the program is in
// force on some day of `year` (else a no-policy answer says that no document
// of that year is encoded).
bool any_in_force_during(const RuleSet& rules, const std::string& region, const ProgramDef& program, int year);

// A policy named outright ("policy": id), or null: of a document compiled in
// versions, the one in force on `date`, else the one nearest to it.
const Policy* find_policy(const RuleSet& rules, const std::string& id, const ProgramDef& program, const Date& date);

}  // namespace uie
