// Facts that contradict each other only under the rules of the chosen policy
// (inconsistent_facts), checked once the policy is known: a value given for a
// fact an exact derivation computes otherwise (months to the legal retirement
// age from the birth month), and months of benefit drawn beyond the longest
// entitlement where no extension to retirement age can explain them
// (docs/contract-notes.md, "Months to retirement"). Shared by every entry point through
// choose_policy.
#pragma once

#include "model/ruleset.h"
#include "model/situation.h"

namespace uie {

bool check_policy_facts(const RuleSet& rules, const Policy& p, const Request& req, bool english, RequestError& err);

}  // namespace uie
