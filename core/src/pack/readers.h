// The readers of each kind of rule file: JSON (already parsed) into typed
// structures, every problem reported with its file, pointer and code.
#pragma once

#include "model/situation.h"
#include "model/ruleset.h"
#include "pack/pack_json.h"
#include "pack/raw.h"

namespace uie {

constexpr int kMaxFactsPerProgram = kMaxFacts;

// rules/programs.json
void read_programs(const json& doc, Reporter& r, RuleSet& rs);
// rules/regions.json
void read_regions(const json& doc, Reporter& r, RuleSet& rs);
// rules/messages.json: every message of message_defs(), with only its own placeholders.
void read_messages(const json& doc, Reporter& r, Messages& out);
// A policy pack (read after programs.json: a section names its program).
void read_policy_pack(const json& doc, Reporter& r, const RuleSet& rs, RawPack& out);

}  // namespace uie
