// Compiling one condition (and its sub-conditions): the common parts — id,
// sentences, what-if, citation — here; the kind's own fields by its KindOps.
#pragma once

#include "pack/resolve.h"

namespace uie {

Condition compile_condition(const RawCondition& raw, Resolver& r, bool nested);

}  // namespace uie
