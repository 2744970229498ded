// Inheritance on the typed form (see inherit.cpp for the rules).
#pragma once

#include "pack/raw.h"

namespace uie {

// `child` (a refining pack's section) over `parent` (the section it inherits).
RawSection inherit(const RawSection& parent, const RawSection& child);

}  // namespace uie
