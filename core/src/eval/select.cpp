#include "eval/select.h"

#include <algorithm>

#include "model/regions.h"

namespace uie {

namespace {

// The fallback chain into `levels` (at most 4), without allocating more than the codes.
std::size_t fallback(const RuleSet& rules, const std::string& region, std::string (&levels)[4]) {
  std::size_t n = 0;
  auto add = [&](std::string code) {
    if (n == 0 || levels[n - 1] != code) levels[n++] = std::move(code);
  };
  if (region != "000000") {
    add(region);
    add(region.substr(0, 4) + "00");
    add(province_of(rules, region));
  }
  add("000000");
  return n;
}

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

bool same_level(const std::string& region, const std::string& level) {
  return region == level;
}

}  // namespace

std::vector<std::string> jurisdictions(const RuleSet& rules, const std::string& region) {
  std::string levels[4];
  std::size_t n = fallback(rules, region, levels);
  return std::vector<std::string>(levels, levels + n);
}

Selection select_policy(const RuleSet& rules, const std::string& region, const ProgramDef& program, const Date& date) {
  Selection s;
  std::string levels[4];
  std::size_t n = fallback(rules, region, levels);  // region, its prefecture, its province, national
  for (std::size_t level = 0; level < n; ++level) {
    for (const auto& p : rules.policies) {
      if (p->program != &program || p->doc->region != levels[level]) continue;
      if (!s.policy && p->in_force(date)) s.policy = p.get();
      else if (s.policy && same_level(s.policy->doc->region, levels[level]) && p->in_force(date) && more_refined(p.get(), s.policy)) {
        s.policy = p.get();
      }
      if (later_for(date, p.get(), s.latest, s.latest && same_level(s.latest->doc->region, levels[level]))) s.latest = p.get();
    }
    if (s.policy) break;
  }
  return s;
}

Selection select_policy_cached(const RuleSet& rules, const std::string& region, const ProgramDef& program,
                               const Date& date) {
  struct Entry {
    std::uint64_t rules = 0;  // RuleSet::serial: an address may be reused by a later rule set
    const ProgramDef* program = nullptr;
    std::string region;
    int date = 0;
    Selection selection;
  };
  thread_local Entry cache[4];
  thread_local unsigned next = 0;
  for (const Entry& e : cache) {
    if (e.rules == rules.serial && e.program == &program && e.date == date.ordinal() && e.region == region) return e.selection;
  }
  Entry& e = cache[next++ % 4];
  e = Entry{rules.serial, &program, region, date.ordinal(), select_policy(rules, region, program, date)};
  return e.selection;
}

bool any_in_force_during(const RuleSet& rules, const std::string& region, const ProgramDef& program, int year) {
  Date first{year, 1, 1}, last{year, 12, 31};
  std::vector<std::string> levels = jurisdictions(rules, region);
  for (const auto& p : rules.policies) {
    if (p->program != &program || std::find(levels.begin(), levels.end(), p->doc->region) == levels.end()) continue;
    if (p->valid_from <= last && (!p->valid_to || first <= *p->valid_to)) return true;
  }
  return false;
}

const Policy* find_policy(const RuleSet& rules, const std::string& id, const ProgramDef& program, const Date& date) {
  const Policy* best = nullptr;
  for (const auto& p : rules.policies) {
    if (p->doc->id != id || p->program != &program) continue;
    if (!best || distance(date, p.get()) < distance(date, best)) best = p.get();
  }
  return best;
}

}  // namespace uie
