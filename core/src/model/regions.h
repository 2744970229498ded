// Region codes against rules/regions.json: the one owner of which codes are
// known and which province-level region a code falls back to.
#pragma once

#include <string>
#include <string_view>

#include "model/ruleset.h"

namespace uie {

// The province-level region a six-digit code falls back to: the one that
// `covers` it (6590xx → 660000), or the one its first two digits name.
std::string province_of(const RuleSet& rules, std::string_view code);

// Whether a six-digit code belongs to a region of rules/regions.json;
// 000000 (national rules only) always does.
bool known_region(const RuleSet& rules, std::string_view code);

}  // namespace uie
