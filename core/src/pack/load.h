// Loading: pack texts in, one immutable compiled rule set out, or the issues
// that stop it (a half-loaded rule set would give wrong answers silently).
#pragma once

#include <memory>
#include <vector>

#include "model/ruleset.h"
#include "uie/engine.h"

namespace uie {

// 16 hex digits that change when any pack's text does (RuleSet::rules_hash).
std::string rules_fingerprint(const std::vector<PackText>& texts);

std::unique_ptr<RuleSet> load_rules(const std::vector<PackText>& texts, std::vector<LoadIssue>& issues);

// Rule-set checks across policies (checks.cpp): two unrelated policies for the
// same place and program in force on one day.
void check_overlaps(const RuleSet& rs, std::vector<LoadIssue>& issues);
// An element inherited by several packs is checked with each: each issue once.
void dedupe(std::vector<LoadIssue>& issues);


}  // namespace uie
