#include "select.h"

namespace uie {

std::vector<std::string> jurisdictions(const std::string& region) {
  std::vector<std::string> out;
  auto add = [&](const std::string& code) {
    if (out.empty() || out.back() != code) out.push_back(code);
  };
  if (region != "000000") {
    add(region);
    add(region.substr(0, 4) + "00");
    add(region.substr(0, 2) + "0000");
  }
  add("000000");
  return out;
}

namespace {

// Among policies of one place that refine one another, the refinement wins.
bool more_refined(const Policy* a, const Policy* b) { return a->chain.size() > b->chain.size(); }

}  // namespace

Selection select_policy(const RuleSet& rules, const std::string& region, const std::string& program, const Date& date) {
  Selection s;
  auto levels = jurisdictions(region);
  for (std::size_t level = 0; level < levels.size(); ++level) {
    for (const auto& p : rules.policies) {
      if (p->program != program || p->doc->region != levels[level]) continue;
      if (!s.policy && p->in_force(date)) s.policy = p.get();
      else if (s.policy && s.policy->doc->region == levels[level] && p->in_force(date) && more_refined(p.get(), s.policy)) {
        s.policy = p.get();
      }
      // latest: the latest start; on a tie the more specific place, then the refinement
      if (!s.latest || s.latest->valid_from < p->valid_from ||
          (s.latest->valid_from == p->valid_from && s.latest->doc->region == levels[level] && more_refined(p.get(), s.latest))) {
        s.latest = p.get();
      }
    }
    if (s.policy) break;
  }
  if (s.policy) return s;
  return s;
}

const Policy* find_policy(const RuleSet& rules, const std::string& id, const std::string& program) {
  for (const auto& p : rules.policies) {
    if (p->doc->id == id && p->program == program) return p.get();
  }
  return nullptr;
}

}  // namespace uie
