// The compiled rule set: what the loader builds from the packs and the
// evaluator reads. Typed throughout; no JSON lookups at evaluation time.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "date.h"
#include "exact.h"
#include "json_reader.h"

namespace uie {

// Where a rule comes from: document number, clause, and the words themselves.
// `basis` says when a value comes from research beyond the seed documents.
struct Cite {
  std::string doc_no;
  std::string clause;
  std::string quote;
  std::string basis;
};

// ---- Programs and their facts (rules/programs.json) ----

enum class FactType { kEnum, kCount, kInteger, kMoney, kBool, kDate, kString, kLevelList };

struct Option {
  json value;  // a string, or an integer for `level`
  std::string label;
  std::string label_en;
};

struct FactDef {
  std::string id;
  FactType type = FactType::kBool;
  bool required = false;
  std::string label, label_en, unit, help;
  std::vector<Option> options;
  std::optional<std::int64_t> min, max;  // counts and integers; string length for strings
};

struct ConsistencyRule {
  enum class Kind { kNotGreater, kSumNotGreater, kRequiresTrue, kNotAfterRequestDate, kTrueRequiresAtLeast };
  Kind kind = Kind::kNotGreater;
  std::string fact;                // the fact the error points at
  std::vector<std::string> facts;  // kSumNotGreater
  std::string other;               // kNotGreater: than; kRequiresTrue: flag; kTrueRequiresAtLeast: other
  std::int64_t min = 0;
  std::string message;             // template with {fact} {than} {sum} {other} {date}
};

struct ProgramDef {
  std::string id, title, title_en, audience;
  std::vector<FactDef> facts;  // in asking order
  std::vector<ConsistencyRule> consistency;
  const FactDef* fact(const std::string& fact_id) const {
    for (const auto& f : facts) {
      if (f.id == fact_id) return &f;
    }
    return nullptr;
  }
};

// ---- Parameters: date-keyed values with their citation ----

struct Band {
  std::int64_t from_months = 0;  // contribution months at or above this
  std::int64_t months = 0;       // longest entitlement
};

enum class ParamType { kCount, kRate, kMoney, kBands };

struct ParamValue {
  Date from;
  std::int64_t count = 0;
  Rate rate;
  Fen money = 0;
  std::vector<Band> bands;
  Cite cite;
};

struct Param {
  std::string id;
  ParamType type = ParamType::kCount;
  bool cap = false;            // the document gives a ceiling (不超过), not the figure
  std::vector<ParamValue> values;  // ascending `from`
  const ParamValue& at(const Date& d) const;  // latest value from on or before d (else the first)
};

// ---- Conditions ----

struct Texts {
  std::string pass, fail, unknown;
};

struct Condition {
  enum class Kind { kOneOf, kAtLeast, kBelow, kRatioAtMost, kIsFalse, kIsTrue, kDateOnOrAfter,
                    kLevelNotClaimed, kAnyOf, kAllOf, kEntitlementLeft };
  std::string id;
  Kind kind = Kind::kIsFalse;
  std::string fact;         // the fact tested (numerator for ratios; level for kLevelNotClaimed)
  std::string fact2;        // denominator; the level list
  std::string param;        // min / max / threshold parameter
  std::vector<json> values;  // kOneOf
  std::string mode;         // kLevelNotClaimed: "same" or "higher"
  std::string small_headcount_param, small_max_param;  // kRatioAtMost: small units' own threshold
  Texts small_text;
  std::vector<Condition> of;  // kAnyOf / kAllOf
  std::string label;        // short name for sub-conditions and summaries
  Texts text;
  std::string whatif;       // template; empty when no change can pass it
  Cite cite;
};

// ---- Amounts ----

struct AmountRule {
  enum class Kind { kNone, kPercentOfBase, kTable, kContributionSplit, kLocal };
  Kind kind = Kind::kNone;
  // kPercentOfBase (稳岗返还)
  std::string base;
  std::vector<std::string> exclude;  // parts of the base not refunded
  std::string pass_on;               // part of the refund passed on to user units
  std::map<std::string, std::string> rate_by_unit_type;  // unit_type -> param id, or "by_size"
  std::map<std::string, std::string> rate_by_size;       // large/sme -> param id
  std::string derive_size_fact, derive_size_param;       // size from a headcount when not given
  Cite derive_size_cite;
  // kTable
  std::string table_fact;
  std::map<std::int64_t, std::string> table;  // fact value -> money param id
  // kContributionSplit
  std::string total_param, unit_param, individual_param;
  // kLocal (and notes for any kind)
  std::string text;
  Cite cite;
};

struct Duration {
  std::string bands_param;            // empty when the program has no duration
  std::string extension_within_param;  // months before retirement that trigger the extension
  Cite extension_cite;
};

struct Note {
  std::string text;
  Cite cite;
};

// ---- Policies ----

struct Document {
  std::string id, doc_no, title, issuer, region, source, file;
  std::optional<Date> issued;
  bool draft = false;
};

// One program under one document, with everything it inherits resolved.
struct Policy {
  const Document* doc = nullptr;
  std::string program;
  Date valid_from;
  std::optional<Date> valid_to;
  Cite validity_cite;
  std::vector<const Document*> chain;  // most general first, ending with doc
  const Policy* parent = nullptr;      // the policy this one extends or forwards
  std::map<std::string, Param> params;
  std::map<std::string, std::string> param_set_by;  // param id -> doc_no
  std::vector<Condition> conditions;
  AmountRule amount;
  Duration duration;
  std::vector<Note> notes;
  std::vector<std::string> used_facts;  // in the program's asking order

  bool in_force(const Date& d) const { return valid_from <= d && (!valid_to || d <= *valid_to); }
  bool extends(const Policy* other) const {
    for (const Policy* p = parent; p; p = p->parent) {
      if (p == other) return true;
    }
    return false;
  }
  const Param* param(const std::string& param_id) const {
    auto it = params.find(param_id);
    return it == params.end() ? nullptr : &it->second;
  }
};

struct RegionInfo {
  std::string code, name, name_en;
  std::vector<RegionInfo> prefectures;
};

struct RuleSet {
  std::vector<ProgramDef> programs;
  std::vector<RegionInfo> regions;
  std::vector<std::unique_ptr<Document>> documents;
  std::vector<std::unique_ptr<Policy>> policies;

  const ProgramDef* program(const std::string& program_id) const {
    for (const auto& p : programs) {
      if (p.id == program_id) return &p;
    }
    return nullptr;
  }
};

}  // namespace uie
