// Every condition kind, by name. A new kind: a file in this folder and a line here.
#include "kinds/kind.h"

namespace uie {

extern const KindOps kOneOf, kAtLeast, kBelow, kRatioAtMost, kIsFalse, kIsTrue, kDateOnOrAfter, kLevelNotClaimed,
    kAnyOf, kAllOf, kEntitlementLeft, kReadings;

const std::vector<const KindOps*>& all_kinds() {
  static const std::vector<const KindOps*> kinds = {&kOneOf,         &kAtLeast,         &kBelow, &kRatioAtMost,
                                                    &kIsFalse,       &kIsTrue,          &kDateOnOrAfter,
                                                    &kLevelNotClaimed, &kAnyOf,         &kAllOf, &kEntitlementLeft,
                                                    &kReadings};
  return kinds;
}

const KindOps* find_kind(std::string_view name) {
  for (const KindOps* k : all_kinds()) {
    if (name == k->name) return k;
  }
  return nullptr;
}

}  // namespace uie
