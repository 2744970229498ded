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

// How many days `date` lies outside a policy's validity (0 inside it).
long distance(const Date& date, const Policy* p) {
  if (date < p->valid_from) return p->valid_from.days() - date.days();
  if (p->valid_to && *p->valid_to < date) return date.days() - p->valid_to->days();
  return 0;
}

// Whether `p` is a better "latest" than `best` for someone asking on `date`:
// the policy nearest in time (one that just ended, or one that starts soon);
// on a tie the more specific place (levels are visited most specific first),
// then the refinement.
bool later_for(const Date& date, const Policy* p, const Policy* best, bool same_level) {
  if (!best) return true;
  long dp = distance(date, p), db = distance(date, best);
  if (dp != db) return dp < db;
  return same_level && more_refined(p, best);
}

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
      if (later_for(date, p.get(), s.latest, s.latest && s.latest->doc->region == levels[level])) s.latest = p.get();
    }
    if (s.policy) break;
  }
  return s;
}

const Policy* find_policy(const RuleSet& rules, const std::string& id, const std::string& program) {
  for (const auto& p : rules.policies) {
    if (p->doc->id == id && p->program == program) return p.get();
  }
  return nullptr;
}

}  // namespace uie
