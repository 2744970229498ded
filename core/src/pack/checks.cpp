// Checks of the rule set as a whole, once every policy is compiled.
#include <algorithm>

#include "pack/load.h"
#include "pack/pack_json.h"

namespace uie {

void check_overlaps(const RuleSet& rs, std::vector<LoadIssue>& issues) {
  // Two policies for the same place and program may not both be in force on
  // one day, unless one refines the other (then the refinement is chosen).
  const auto& ps = rs.policies;
  for (std::size_t i = 0; i < ps.size(); ++i) {
    for (std::size_t k = i + 1; k < ps.size(); ++k) {
      const Policy& a = *ps[i];
      const Policy& b = *ps[k];
      if (a.program != b.program || a.doc->region != b.doc->region || a.doc == b.doc) continue;
      if (a.extends(&b) || b.extends(&a)) continue;
      bool a_before_b = a.valid_to && *a.valid_to < b.valid_from;
      bool b_before_a = b.valid_to && *b.valid_to < a.valid_from;
      if (!a_before_b && !b_before_a) {
        issues.push_back({b.doc->file, ptr("/programs", b.program->id),
                          "有效期与 " + a.doc->file + " 的同一项目重叠：同一地区同一天只能有一个政策", issue::kOverlap, {}});
      }
    }
  }
}

void dedupe(std::vector<LoadIssue>& issues) {
  std::vector<LoadIssue> unique;
  for (auto& i : issues) {
    bool seen = std::any_of(unique.begin(), unique.end(), [&](const LoadIssue& u) {
      return u.file == i.file && u.pointer == i.pointer && u.message == i.message;
    });
    if (!seen) unique.push_back(std::move(i));
  }
  issues = std::move(unique);
}

}  // namespace uie
