// A policy pack as written, read into typed structures that remember where
// each element stands (file and JSON Pointer), before inheritance. Names of
// facts and parameters are still names here; resolve.cpp checks and binds
// them once a program's section has been merged with what it inherits.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "model/policy.h"

namespace uie {

// Where an element was written, so that a problem found after inheritance is
// reported where an author can fix it.
struct Origin {
  const std::string* file = nullptr;
  std::string pointer;
};

struct RawCite {
  std::string doc_no, clause, quote, basis;
};

struct RawTexts {
  std::string pass, fail, unknown;
  bool given = false;
};

// A value as written in a pack: a string or an integer (or a boolean).
struct RawScalar {
  enum class Kind { kNone, kString, kInteger, kBool, kArray } kind = Kind::kNone;
  std::string text;
  std::int64_t number = 0;
  bool flag = false;
  std::string pointer;  // where it stands, for errors
};

// "when this fact equals …, the value is …" (checked against the fact's type
// once the program is known).
struct RawCase {
  std::string fact;
  RawScalar equals;
  ParamScalar value;
  std::optional<RawCite> cite;
  std::string whatif, whatif_en;
  bool where_adopted = false;
  Origin at;
};

struct RawParamValue {
  Date from;
  ParamScalar value;  // read by the parameter's type
  RawCite cite;
  std::vector<RawCase> when;
  Origin at;
};

struct RawParam {
  std::string id;
  ParamType type = ParamType::kCount;
  bool cap = false;
  std::vector<RawParamValue> values;
  Origin at;
};

struct RawCondition {
  std::string id, kind, label, label_en;
  // Kind-specific fields by the key they were written under.
  std::map<std::string, std::string> names;     // fact / numerator / list / min / max / mode …
  std::vector<RawScalar> values;                // one_of
  bool has_small_unit = false;
  std::string small_headcount, small_max;
  RawTexts small_text, small_text_en;
  RawTexts text, text_en;
  std::string whatif, whatif_en;
  std::optional<RawCite> cite;
  std::vector<RawCondition> of;
  Origin at;
};

// The amount rule as written; every field optional, because a refining pack
// restates only what it changes (fields merge one by one).
struct RawAmount {
  std::optional<std::string> kind, base, pass_on, fact, total, unit, individual, text, text_en;
  std::optional<std::string> standard, rate, minimum_wage;  // kind monthly
  std::optional<bool> whole_yuan;
  std::optional<std::vector<std::string>> exclude;
  std::optional<std::map<std::string, std::string>> rate_by_unit_type, rate_by_size, table;
  struct DeriveSize {
    std::string fact, large_at_least;
    bool last_resort = false;
    RawCite cite;
    Origin at;
  };
  std::optional<std::optional<DeriveSize>> derive_size;  // present-but-null switches it off
  std::optional<RawCite> cite;
  std::optional<RawCite> exclude_cite, pass_on_cite;  // the clauses of those parts, when not the rate's
  Origin at;
};

struct RawDuration {
  std::optional<std::string> bands, schedule, extension_within, months_to_retirement;
  std::optional<RawCite> extension_cite;
  Origin at;
};

struct RawDerivation {
  std::string id, fact, kind, from, from2, param, then_value, else_value;
  std::vector<std::pair<std::string, RawScalar>> values;  // by_option: option value -> true / false
  bool exact = false;
  RawCite cite;
  Origin at;
};

struct RawNote {
  std::string id, text, text_en;
  RawCite cite;
  Origin at;
};

// One program's section of a pack.
struct RawSection {
  std::optional<Date> valid_from;
  std::optional<std::optional<Date>> valid_to;  // given as null: open-ended
  std::optional<RawCite> validity_cite;
  std::vector<RawParam> params;  // in the order written
  std::vector<RawDerivation> derive;
  std::vector<RawCondition> conditions;
  std::optional<RawAmount> amount;
  std::optional<RawDuration> duration;
  std::vector<RawNote> notes;
  bool has_conditions = false;
  Origin at;
};

struct RawPack {
  std::unique_ptr<Document> doc;
  std::string extends;
  // Inherit from whichever refinement of `extends` (in its region) is in force,
  // period by period: a provincial rule over "the national rules of the day".
  bool extends_in_force = false;
  bool forwards = false;
  std::map<std::string, RawSection> programs;  // by program id
  std::map<std::string, Origin> program_at;    // where each program's section starts
  const std::string* file = nullptr;
};

}  // namespace uie
