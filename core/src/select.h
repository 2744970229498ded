// Choosing the policy for a region, program and date (contract §5).
#pragma once

#include <string>
#include <vector>

#include "model.h"

namespace uie {

// The jurisdictions a region code falls back through, most specific first:
// 630102 → 630102, 630100, 630000, 000000.
std::vector<std::string> jurisdictions(const std::string& region);

struct Selection {
  const Policy* policy = nullptr;  // in force on the date, most specific first
  const Policy* latest = nullptr;  // the most recent one for the region, in force or not
};

Selection select_policy(const RuleSet& rules, const std::string& region, const std::string& program, const Date& date);

// A policy named outright ("policy": id), or null.
const Policy* find_policy(const RuleSet& rules, const std::string& id, const std::string& program);

}  // namespace uie
