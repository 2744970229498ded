#include "model/regions.h"

namespace uie {

std::string province_of(const RuleSet& rules, std::string_view code) {
  for (const auto& r : rules.regions) {
    for (const auto& prefix : r.covers) {
      if (code.compare(0, prefix.size(), prefix) == 0) return r.code;
    }
  }
  return std::string(code.substr(0, 2)) + "0000";
}

bool known_region(const RuleSet& rules, std::string_view code) {
  if (code == "000000") return true;
  std::string province = province_of(rules, code);
  for (const auto& r : rules.regions) {
    if (r.code == province) return true;
  }
  return false;
}

}  // namespace uie
