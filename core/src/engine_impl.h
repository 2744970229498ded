// What the engine's entry points share (engine.cpp, batch/session.cpp).
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


Date parse_today(std::string_view today);

}  // namespace uie
