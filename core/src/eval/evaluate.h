// Evaluating a checked request under one policy, into a typed Result: every
// condition's verdict with the numbers it used, what is still missing, the
// amount and duration. Rendering is separate (render/).
#pragma once

#include "eval/result.h"
#include "model/situation.h"

namespace uie {

// `req.facts` gains the values the policy derives (marked as derived).
void evaluate(const Policy& policy, Request& req, Result& result);

// The date a policy's parameters are read on: the request's, kept within the
// policy's validity (a policy named outright is read as it stood).
Date policy_date(const Date& d, const Policy& p);

}  // namespace uie
