// The duration of 失业保险金: the longest entitlement for the contribution time,
// what is left after the months drawn, and the extension to the legal
// retirement age where the policy grants it. Shared by the entitlement_left
// condition and the response's duration fields.
#pragma once

#include "eval/context.h"

namespace uie {

// The longest entitlement for a contribution time: the national bands, or
// the province's own schedule where a pack gives one (never above the bands).
struct Longest {
  std::int64_t months = 0;
  std::int64_t ceiling = 0;         // by the bands alone
  const ParamValue* schedule = nullptr;  // the province's schedule that set `months`, if any
  bool cap = false;                 // `months` is a ceiling (最长), not the period granted
};

Longest longest_months(const Duration& d, const Date& as_of, std::int64_t contribution_months);

struct Entitlement {
  std::int64_t max = 0;        // months, by the contribution-time bands
  std::int64_t used = 0;       // months already drawn
  std::int64_t remaining = 0;  // max - used, not below 0
  std::int64_t extension = 0;  // months continued to retirement age (0 when none)
  // Drawn to the end or beyond with the months to retirement unknown, where
  // the policy extends to retirement: undecided until they are given.
  bool needs_retirement = false;
};

// Needs the contribution months (given); the rest may be absent.
Entitlement entitlement(const EvalContext& cx, const Duration& d);

// The facts still needed to know the months to retirement (the birth month
// and group where the policy derives them), one bit per fact index.
std::uint64_t retirement_inputs_missing(const EvalContext& cx, const Duration& d);

// The longest entitlement for `contribution_months` under one table of bands.
std::int64_t band_months(const std::vector<Band>& bands, std::int64_t contribution_months);

// Fills result.duration (the response's max_months … total_months fields).
void evaluate_duration(EvalContext& cx, bool eligible);

}  // namespace uie
