// A reform (测算方案): an office's what-if on one policy — new values for some
// of its parameters (rates, thresholds, the small-unit rule, the uplift for
// every unit or for the units a column marks) — as a small JSON document
// (rules/schema/reform.schema.json; rules/README.md, "Reforms"). It is
// applied to a copy of the rule set, never to the rules an engine answers
// with, so the law's answers cannot change by a reform.
//
// Limits (docs/limits.md): 64 KiB of text, nesting 8, 64 parameters, 16
// cases per parameter, an id of 64 characters, a title of 200. Everything
// past them, and every unknown key, parameter, fact or impossible value, is
// an issue pointing at it, in Chinese and English.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/ruleset.h"

namespace uie {

struct ReformIssue {
  std::string pointer, code, message, message_en;
};

constexpr std::size_t kReformMaxBytes = 64 * 1024;
constexpr int kReformMaxDepth = 8;
constexpr std::size_t kReformMaxParams = 64;
constexpr std::size_t kReformMaxCases = 16;
constexpr std::size_t kReformMaxIdChars = 64;
constexpr std::size_t kReformMaxTitleChars = 200;

// What a reform is, once read.
struct ReformInfo {
  std::string id, title, base, program;
};

// One parameter's new value: the plain value and the cases on a fact.
struct ReformCase {
  int fact = -1;
  bool is_bool = true, equals_bool = true;
  int equals_option = -1;
  ParamScalar value;
};

struct ReformValue {
  std::string id;
  ParamScalar value;
  std::vector<ReformCase> cases;
  std::string shown;  // the value as the note shows it
};

// A reform read and checked against the rules, not yet applied.
struct ReformSpec {
  ReformInfo info;
  std::string title_en;  // the title in English notes (the title where none is given)
  std::vector<ReformValue> values;
};

// Reads the reform against `rules` (the rules in force, never changed):
// null, with the issues, on any problem — before anything is copied, so a
// refused reform costs only its reading.
std::unique_ptr<const ReformSpec> read_reform(const RuleSet& rules, std::string_view text, std::vector<ReformIssue>& issues);

// Changes `rules`, a copy of the rules it was read against (its JSON not yet
// rendered; fact indices and parameter ids are the same there): in every
// version of the named policy, each parameter the reform sets takes its value
// on every date, cited to the reform, and the policy gains a note saying
// which values are the reform's.
void apply_reform(RuleSet& rules, const ReformSpec& spec);

// After the copy is rendered: each reformed policy's response object names
// the reform ("reform": {"id", "title"}), so no answer under it passes for the law's.
void mark_reformed(RuleSet& rules, const ReformInfo& info);

}  // namespace uie
