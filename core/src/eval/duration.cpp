#include "eval/duration.h"

#include <algorithm>

#include "eval/derive.h"

namespace uie {

std::int64_t band_months(const std::vector<Band>& bands, std::int64_t months) {
  const Band* band = nullptr;
  for (const auto& b : bands) {
    if (months >= b.from_months) band = &b;
  }
  if (!band) return 0;
  std::int64_t out = band->months;
  if (band->step_months > 0) out += (months - band->from_months) / band->step_months;
  if (band->max_months > 0) out = std::min(out, band->max_months);
  return out;
}

Longest longest_months(const Duration& d, const Date& as_of, std::int64_t contribution_months) {
  Longest out;
  out.ceiling = band_months(d.bands->at(as_of).value.bands, contribution_months);
  out.months = out.ceiling;
  out.cap = d.bands->cap;
  if (d.schedule && out.ceiling > 0) {
    out.schedule = &d.schedule->at(as_of);
    out.months = std::min(out.ceiling, band_months(out.schedule->value.bands, contribution_months));
    out.cap = false;
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

// The entitlement drawn to the end (or beyond, which happens only in the
// extension: checks.cpp refuses the other cases) where the policy extends to
// retirement: whether months remain cannot be judged without the months to
// retirement, so they are asked before any "no".
bool needs_retirement(const EvalContext& cx, const Duration& d, std::int64_t max) {
  return max > 0 && d.extension_within && used_months(cx, d) >= max && !cx.value(d.months_to_retirement);
}

}  // namespace

Entitlement entitlement(const EvalContext& cx, const Duration& d) {
  Entitlement e;
  e.max = longest_months(d, cx.as_of(), cx.value(d.contribution_months)->number).months;
  e.used = used_months(cx, d);
  e.remaining = std::max<std::int64_t>(0, e.max - e.used);
  e.extension = e.max > 0 ? extension_months(cx, d, e.remaining) : 0;
  e.needs_retirement = needs_retirement(cx, d, e.max);
  return e;
}

std::uint64_t retirement_inputs_missing(const EvalContext& cx, const Duration& d) {
  std::uint64_t bits = 0;
  auto need = [&](int f) {
    if (f >= 0 && !cx.value(f)) bits |= std::uint64_t{1} << f;
  };
  const Derivation* derive = derivation_of(cx.policy(), d.months_to_retirement);
  if (derive && derive->exact) {
    need(derive->from);
    need(derive->from2);
  } else {
    need(d.months_to_retirement);
  }
  return bits;
}

namespace {

// The months to retirement as the response shows them, with the retirement
// month and age when they were computed from the birth month.
void retirement(EvalContext& cx, const Duration& d, DurationResult& out) {
  if (!d.extension_within || d.months_to_retirement < 0) return;
  out.retirement_shown = true;
  const FactValue* v = cx.value(d.months_to_retirement);
  if (!v) return;
  out.to_retirement = v->number;
  const Derivation* derive = derivation_of(cx.policy(), d.months_to_retirement);
  if (!v->derived || !derive) return;
  out.derived = true;
  out.retirement_month = month_index(cx.today()) + v->number;
  out.retirement_age = out.retirement_month - cx.value(derive->from)->number;
  out.schedule_cite = cx.dated(derive->param).cite;
}

}  // namespace

void evaluate_duration(EvalContext& cx, bool eligible) {
  const Duration& d = cx.policy().duration;
  DurationResult& out = cx.result().duration;
  if (!d.bands) return;
  out.shown = true;
  retirement(cx, d, out);
  const FactValue* months = cx.value(d.contribution_months);
  if (!months) return;
  Longest longest = longest_months(d, cx.as_of(), months->number);
  std::int64_t max = longest.months;
  out.max_months = max;
  out.ceiling_months = longest.ceiling;
  out.is_cap = longest.cap;
  out.schedule = longest.schedule;
  out.bands = &d.bands->at(cx.as_of());
  out.needs_retirement = needs_retirement(cx, d, max);
  out.used_up = used_months(cx, d) == max;
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
