// Reading rule-pack JSON into typed values, reporting every problem as a
// LoadIssue (file, JSON Pointer, stable code, plain Chinese) instead of
// throwing. Packs are trusted more than requests, but an analyst edits them
// by hand: every key is checked, and a misspelt one is never ignored.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/date.h"
#include "pack/raw.h"
#include "uie/engine.h"

namespace uie {

using json = nlohmann::json;

// Stable codes of rule-data problems (rules/README.md lists them).
namespace issue {
constexpr const char* kJson = "invalid_json";              // the file is not JSON
constexpr const char* kFormat = "unsupported_format";      // "format" is not 1, "kind" unknown
constexpr const char* kFiles = "rule_set_files";           // not exactly one programs / regions / messages file
constexpr const char* kUnknownKey = "unknown_key";         // a key the format does not have
constexpr const char* kMissing = "missing";                // a required key is absent
constexpr const char* kType = "wrong_type";                // a value of the wrong JSON type
constexpr const char* kDate = "invalid_date";              // not a real YYYY-MM-DD
constexpr const char* kValue = "invalid_value";            // a malformed rate, amount, code, …
constexpr const char* kCite = "missing_citation";          // no cite, or a cite without clause / quote
constexpr const char* kUnknownProgram = "unknown_program";
constexpr const char* kUnknownFact = "unknown_fact";       // a fact the program does not have
constexpr const char* kFactType = "fact_type";             // a fact used where its type does not fit
constexpr const char* kUnknownParam = "unknown_param";     // a parameter the policy does not define
constexpr const char* kParamType = "param_type";           // a parameter of the wrong type
constexpr const char* kUnknownKind = "unknown_kind";       // condition, amount, derivation or rule kind
constexpr const char* kPlaceholder = "unknown_placeholder";  // {name} a sentence may not use
constexpr const char* kDuplicate = "duplicate_id";
constexpr const char* kDuplicateLabel = "duplicate_label";  // two conditions of a policy with one name
constexpr const char* kExtends = "invalid_extends";        // extends a missing pack, or in a cycle
constexpr const char* kForward = "invalid_forward";        // a forward that changes rules
constexpr const char* kOverlap = "overlapping_policies";   // two unrelated policies in force on one day
constexpr const char* kOrder = "out_of_order";             // dates or bands not ascending
constexpr const char* kConflict = "inconsistent_rule";     // parts of a rule that contradict each other
}  // namespace issue

// Collects the issues of one file.
struct Reporter {
  const std::string* file = nullptr;
  std::vector<LoadIssue>* issues = nullptr;
  bool bad = false;
  void issue(const char* code, const std::string& pointer, const std::string& message) {
    issues->push_back(LoadIssue{*file, pointer, message, code, {}});
    bad = true;
  }
  Origin at(const std::string& pointer) const { return Origin{file, pointer}; }
};

std::string ptr(const std::string& base, const std::string& key);
std::string ptr(const std::string& base, std::size_t index);

// Refuses keys not in `allowed` ("comment" and "$schema" are always allowed).
void check_keys(const json& j, std::initializer_list<const char*> allowed, const std::string& at, Reporter& r);
void check_keys(const json& j, const std::vector<const char*>& allowed, const std::string& at, Reporter& r);
bool need_object(const json& j, const std::string& at, Reporter& r);
std::string get_string(const json& j, const char* key, const std::string& at, Reporter& r, bool required = true);
bool get_bool(const json& j, const char* key, const std::string& at, Reporter& r, bool fallback);
std::optional<Date> get_date(const json& j, const char* key, const std::string& at, Reporter& r, bool required);
std::optional<std::int64_t> get_int(const json& j, const char* key, const std::string& at, Reporter& r);
std::vector<std::string> get_string_list(const json& j, const char* key, const std::string& at, Reporter& r);
RawCite read_cite(const json& j, const std::string& at, Reporter& r, const std::string& doc_no);
// The element's "cite", required.
RawCite need_cite(const json& j, const std::string& at, Reporter& r, const std::string& doc_no);
bool is_region_code(const std::string& s);

}  // namespace uie
