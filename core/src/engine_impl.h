// What the engine's entry points share (engine.cpp, input/csv_screen.cpp).
#pragma once

#include <memory>
#include <string>

#include "eval/result.h"
#include "input/request.h"
#include "model/ruleset.h"
#include "uie/engine.h"

namespace uie {

struct Engine::Impl {
  std::unique_ptr<RuleSet> rules;
  Limits limits;
};

// Scratch space one thread reuses from request to request: once warm, an
// answer allocates nothing but what its text needs.
struct Scratch {
  JsonTree tree;
  Request request;
  Result result;
};
Scratch& scratch();

// The policy a request is evaluated under, with the facts checked against its
// rules (eval/checks.h), or null with the error written to `out`.
// `allow_latest` (questions) falls back to the latest policy instead of
// refusing when none is in force.
const Policy* choose_policy(const RuleSet& rules, const Request& req, bool allow_latest, bool english, std::string& out);

Date parse_today(std::string_view today);

}  // namespace uie
