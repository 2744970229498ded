// Compiles rule packs (text) into a RuleSet, reporting every problem in the
// data with the file and JSON Pointer it sits at. Rule-data problems are kept
// apart from request errors: a bad pack never reaches evaluation.
#pragma once

#include <memory>
#include <vector>

#include "model.h"
#include "uie/engine.h"

namespace uie {

std::unique_ptr<RuleSet> load_rules(const std::vector<PackText>& packs, std::vector<LoadIssue>& issues);

}  // namespace uie
