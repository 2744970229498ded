// Which policy a request is evaluated under (contract §5), as a value: the
// policy, or the error and the latest policy to offer. The entry points
// render it once; nothing reads a rendered error back.
#pragma once

#include "model/ruleset.h"
#include "model/situation.h"

namespace uie {

struct Choice {
  const Policy* policy = nullptr;  // null: `error` says why
  RequestError error;
  const Policy* latest = nullptr;  // with no_policy_in_force: the policy nearest in time, to offer
};

// The policy named outright, or the one in force for the region and date;
// `allow_latest` (questions) takes the latest instead of refusing when none
// is in force. The policy's own checks of the facts (eval/checks.h) are made.
Choice choose_policy(const RuleSet& rules, const Request& req, bool allow_latest, bool english);

}  // namespace uie
