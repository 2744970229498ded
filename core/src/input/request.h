// Reading a request (contract §1) into the typed situation of
// model/situation.h, with every check that does not depend on the policy.
#pragma once

#include <string>
#include <string_view>

#include "input/json_reader.h"
#include "model/ruleset.h"
#include "model/situation.h"

namespace uie {

struct Limits;

// Reads a request and checks everything that does not depend on the policy:
// shape, region, date, program, each fact's type and bounds, and the
// program's consistency rules. `tree` is scratch space reused between calls.
bool read_request(const RuleSet& rules, std::string_view text, const Limits& limits, const Date& today, bool english,
                  JsonTree& tree, Request& out, RequestError& err);

// One fact from a JSON value (shared with tests); `path` is where it stands.
bool read_fact_json(const RuleSet& rules, const FactDef& def, const JsonTree& tree, const JsonTree::Node& v,
                    bool english, FactValue& out, RequestError& err);

// One spreadsheet or CSV cell as a fact (`text` is the cell, trimmed); false
// with `err` set when it cannot be one. Accepts what spreadsheets write: 是/否
// and TRUE/FALSE, "56,789.12", an option's label as well as its value,
// 2024/06/01 (input/fact_cell.cpp).
bool read_fact_cell(const RuleSet& rules, const FactDef& def, std::string_view text, bool english, FactValue& out,
                    RequestError& err);

// The program's consistency rules over the facts read.
bool check_consistency(const RuleSet& rules, const ProgramDef& p, const Request& req, bool english, RequestError& err);

// The message for an unknown fact name, with the fact probably meant.
std::string unknown_fact_message(const RuleSet& rules, const ProgramDef& p, std::string_view key, bool english);

// A region code: six digits (else invalid_request) of a region of
// rules/regions.json (else unknown_region); `shown` is the value as the
// request wrote it, for the message.
bool check_region_code(const RuleSet& rules, const std::string& code, std::string_view shown, bool english,
                       RequestError& err);

// "“上年末单位参保人数”（insured_headcount）": a fact named in an error.
std::string fact_name(const RuleSet& rules, const FactDef& def, bool english);

}  // namespace uie
