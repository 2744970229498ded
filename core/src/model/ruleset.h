// Everything the packs compile into, owned in one place and never changed
// after loading: programs, regions, documents, policies, messages, and the
// catalog, which is the same for every caller and so rendered once.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "model/messages.h"
#include "model/policy.h"
#include "model/program.h"

namespace uie {

struct RuleSet {
  std::uint64_t serial = 0;  // unique per rule set loaded in this process (caches key on it)
  std::vector<ProgramDef> programs;
  std::vector<RegionInfo> regions;
  std::vector<std::unique_ptr<Document>> documents;  // in the order of their ids
  std::vector<std::unique_ptr<Policy>> policies;     // each after the one it extends
  std::deque<Cite> cites;                            // pointed at by the rules; never moves
  Messages messages;
  std::string catalog_json;
  // A short fingerprint of the rule data (16 hex digits, pack/load.cpp
  // rules_fingerprint): a receipt records it, so a later build can say that
  // the rules changed since. Carried in the image, so every host agrees.
  std::string rules_hash;
  std::string unknown_program_list;     // "a、b、c", for the unknown_program message
  std::string unknown_program_list_en;  // "a, b, c": the same with the English list separator

  const ProgramDef* program(std::string_view id) const {
    for (const auto& p : programs) {
      if (p.id == id) return &p;
    }
    return nullptr;
  }
};

}  // namespace uie
