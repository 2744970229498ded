// The same facts under every policy of a program the region has had, and
// the variants the latest one allows (Engine::compare; docs/contract-notes.md
// "compare"). One request read once, each column a whole answer rendered by
// the estimate's own renderer, so a column equals `estimate` with that
// column's "policy" and "date".
#pragma once

#include <string>

#include "model/ruleset.h"
#include "model/situation.h"

namespace uie {

// At most this many columns: the policies a region has had for one program
// (a handful) and two or three variants of the latest.
constexpr std::size_t kMaxCompareColumns = 16;

// `req` read and checked; `current` the policy its estimate is evaluated under
// (in force on its date, or the latest one where none is).
void render_comparison(std::string& out, const RuleSet& rules, const Request& req, const Policy& current, bool english);

}  // namespace uie
