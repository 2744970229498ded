#include "eval/duration.h"

#include <algorithm>

namespace uie {

std::int64_t band_months(const std::vector<Band>& bands, std::int64_t months) {
  std::int64_t out = 0;
  for (const auto& b : bands) {
    if (months >= b.from_months) out = b.months;
  }
  return out;
}

namespace {

// Months still payable beyond the entitlement: up to the legal retirement age,
// when fewer months than the policy's limit remain from the entitlement's end
// to retirement (山东 （六）; 人社部发〔2020〕40号). Also for someone whose
// entitlement has just run out.
std::int64_t extension_months(const EvalContext& cx, const Duration& d, std::int64_t remaining) {
  if (!d.extension_within) return 0;
  const FactValue* to_retire = cx.value(d.months_to_retirement);
  if (!to_retire) return 0;
  std::int64_t gap = to_retire->number - remaining;  // months to retirement when the entitlement ends
  return gap > 0 && gap < cx.at(d.extension_within).count ? gap : 0;
}

std::int64_t used_months(const EvalContext& cx, const Duration& d) {
  const FactValue* used = cx.value(d.months_used);
  return used ? used->number : 0;
}

}  // namespace

Entitlement entitlement(const EvalContext& cx, const Duration& d) {
  Entitlement e;
  e.max = band_months(cx.at(d.bands).bands, cx.value(d.contribution_months)->number);
  e.used = used_months(cx, d);
  e.remaining = std::max<std::int64_t>(0, e.max - e.used);
  e.extension = e.max > 0 ? extension_months(cx, d, e.remaining) : 0;
  return e;
}

void evaluate_duration(EvalContext& cx, bool eligible) {
  const Duration& d = cx.policy().duration;
  DurationResult& out = cx.result().duration;
  if (!d.bands) return;
  out.shown = true;
  const FactValue* months = cx.value(d.contribution_months);
  if (!months) return;
  std::int64_t max = band_months(cx.at(d.bands).bands, months->number);
  out.max_months = max;
  if (!eligible) return;
  std::int64_t remaining = std::max<std::int64_t>(0, max - used_months(cx, d));
  std::int64_t extension = extension_months(cx, d, remaining);
  out.remaining = remaining;
  if (d.extension_within) {
    out.extension = extension;
    out.extension_within = cx.at(d.extension_within).count;
  }
  out.total = remaining + extension;
}

}  // namespace uie
