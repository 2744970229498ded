// What evaluating one request under one policy found, as typed values:
// each condition's verdict and the numbers it used, the amount and duration,
// what is missing, and which notes apply. No text: the renderers turn this
// into the contract's JSON, a screening line or a CSV row.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "base/exact.h"
#include "model/messages.h"
#include "model/policy.h"

namespace uie {

// true / false / undecided
enum class Tri : std::int8_t { kNull = -1, kFalse = 0, kTrue = 1 };

inline Tri tri(bool b) { return b ? Tri::kTrue : Tri::kFalse; }

struct CondOutcome {
  const Condition* cond = nullptr;
  Tri passed = Tri::kNull;
  bool alt = false;        // the kind's second set of sentences (small units)
  bool defaulted = false;  // an optional fact left out was taken as 0 / no
  std::int64_t n[6] = {0, 0, 0, 0, 0, 0};  // the numbers the sentence shows (kind-specific)
  const Rate* rate = nullptr;              // a rate the sentence shows
  const ParamCase* param_case = nullptr;   // the fact-dependent value that applied
  int first_sub = -1, sub_count = 0;       // any_of / all_of: their sub-outcomes
  std::uint64_t needs = 0;                 // undecided for want of these optional facts (bit per fact index)
  Msg suffix = Msg::kCount_;               // an explanation added to the sentence (none: kCount_)
  std::int64_t suffix_arg = 0;
  // Undecided because the rule leaves it to another office (a where_adopted
  // case): shown as the failing sentence with `suffix`, and nothing to ask.
  bool open = false;
};

// A change that would make a failed condition pass, read off the rule.
struct WhatIf {
  const Condition* cond = nullptr;
  int outcome = -1;  // index into Result::outcomes
  int fact = -1;
  enum class Bound { kNone, kMin, kMax } bound = Bound::kNone;
  std::int64_t value = 0;
  const ParamCase* param_case = nullptr;  // "if this fact were …, the limit would be …"
};

struct RefundAmount {
  bool has_unit = false;           // the unit type is known (else nothing below is shown)
  bool computed = false;           // the amount was computed (eligible, base known)
  std::optional<Fen> base;         // contributions counted
  const Rate* rate = nullptr;
  const Param* rate_param = nullptr;
  const ParamCase* rate_case = nullptr;  // the fact-dependent value that set the rate (国办发〔2025〕25号 相关企业)
  int size_option = -1;            // the size used
  enum class SizeSource { kNone, kFact, kDerived } size_source = SizeSource::kNone;
  const Derivation* size_derivation = nullptr;
  std::int64_t derived_from = 0;   // the headcount the size was derived from
  std::int64_t derived_min = 0;
  bool candidates = false;         // size unknown (or only presumed): both amounts shown
  bool presumed = false;           // the size was derived by a last-resort rule: candidates, the derived one named
  bool readings = false;           // a 参照实施 unit read two ways: the candidates are the readings'
  int unit_option = -1;
  Fen large = 0, sme = 0;
  const Rate* large_rate = nullptr;
  const Rate* sme_rate = nullptr;
  std::optional<Fen> pass_on;
};

struct SplitAmount {
  const Rate* total = nullptr;
  const Rate* unit = nullptr;
  const Rate* individual = nullptr;
  std::optional<Fen> unit_fen, individual_fen;
};

// 失业保险金: the monthly standard on the date, where it comes from, and the
// total over the months the answer gives.
struct MonthlyAmount {
  std::optional<Fen> standard;  // the standard used (null: unknown for this place and date)
  enum class Source { kNone, kStandard, kMinimumWage, kFact } source = Source::kNone;
  const ParamValue* standard_value = nullptr;  // kStandard: the published figure and its citation
  const ParamValue* rate_value = nullptr;      // kMinimumWage: the rate …
  const ParamValue* wage_value = nullptr;      // … and the minimum wage
  std::optional<Fen> encoded;   // kFact: the standard the rules hold, where they hold one
  std::optional<Fen> total;     // standard × total months, when both are known and eligible
};

struct DurationResult {
  bool shown = false;
  std::optional<std::int64_t> max_months, remaining, extension, total;
  std::int64_t ceiling_months = 0;          // the national longest, where a province's schedule set max_months
  bool is_cap = false;                      // max_months is a ceiling (最长), not the period granted
  const ParamValue* schedule = nullptr;     // the province's schedule that set max_months
  const ParamValue* bands = nullptr;        // the national bands' value on the date (for its citation)
  bool used_up = false;                     // drawn exactly to the end (needs_retirement's message differs)
  std::int64_t extension_within = 0;
  // The months to the legal retirement age the extension is judged by.
  bool retirement_shown = false;               // the policy has the extension
  std::optional<std::int64_t> to_retirement;   // given or derived
  bool derived = false;                        // computed from the birth month
  std::int64_t retirement_month = 0;           // derived: year*12 + month-1
  std::int64_t retirement_age = 0;             // derived: months
  const Cite* schedule_cite = nullptr;         // derived: the schedule's clause
  // Months drawn beyond the entitlement with the months to retirement unknown
  // (docs/contract-notes.md, "benefit_months_used above the entitlement"): undecided until they are given.
  bool needs_retirement = false;
};

// The answer under one reading of a condition the documents let be read two
// ways (kinds/readings.cpp).
struct ReadingResult {
  const CondOutcome* outcome = nullptr;  // the reading's sub-outcome (its condition has the id and label)
  Tri eligible = Tri::kNull;
};

struct Result {
  const Policy* policy = nullptr;
  bool in_force = true;
  Tri eligible = Tri::kNull;
  std::vector<CondOutcome> outcomes;  // one per top-level condition, then the sub-outcomes
  std::size_t used_outcomes = 0;      // how many of them this request filled (the vector only grows)
  std::vector<WhatIf> whatifs;
  std::vector<int> missing, optional_missing;
  std::vector<int> defaulted;         // optional yes/no facts taken as no, in the order used
  std::vector<ReadingResult> readings;  // where a condition is read two ways: the answer under each
  const CondOutcome* readings_of = nullptr;
  // The amount, by kind.
  std::optional<Fen> amount;
  bool amount_is_cap = false;
  const Param* cap_param = nullptr;   // the ceiling that made it a cap
  RefundAmount refund;
  SplitAmount split;
  MonthlyAmount monthly;
  std::int64_t table_value = 0;       // the table entry's amount (fen), when shown
  bool split_total_only = false;      // a contribution split with only the total rate
  bool local_note = false;            // the amount is set locally: the note names the document
  DurationResult duration;

  void reset(const Policy* p) {
    policy = p;
    in_force = true;
    eligible = Tri::kNull;
    used_outcomes = 0;
    whatifs.clear();
    missing.clear();
    optional_missing.clear();
    defaulted.clear();
    readings.clear();
    readings_of = nullptr;
    amount.reset();
    amount_is_cap = false;
    cap_param = nullptr;
    refund = RefundAmount{};
    split = SplitAmount{};
    monthly = MonthlyAmount{};
    table_value = 0;
    split_total_only = false;
    local_note = false;
    duration = DurationResult{};
  }
};

}  // namespace uie
