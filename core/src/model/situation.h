// The situation a request describes, typed: where, when, which program and
// policy, and the facts, addressed by the program's fact index. Filled by the
// readers (input/: JSON requests, CSV and spreadsheet rows), read by the
// evaluator and the renderers — which therefore need nothing from input/.
// A refusal is an error value with the contract's code, a JSON Pointer and a
// message in plain words.
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "base/date.h"

namespace uie {

struct ProgramDef;

constexpr int kMaxFacts = 48;

struct FactValue {
  bool present = false;
  bool derived = false;     // computed by the policy, not given
  std::int64_t number = 0;  // count, integer, money (fen), bool (0/1), date ordinal, enum option index
  std::uint8_t levels = 0;  // level_list: bit n set for level n (1–5)
  std::uint8_t level_count = 0;      // level_list: the levels as given, in order
  std::uint8_t level_list[5] = {0, 0, 0, 0, 0};
  Date date;                // date facts
  std::string text;         // string facts (and enum values as written)
};

struct FactSet {
  std::array<FactValue, kMaxFacts> values;

  const FactValue* get(int index) const {
    if (index < 0 || index >= kMaxFacts) return nullptr;
    return values[static_cast<std::size_t>(index)].present ? &values[static_cast<std::size_t>(index)] : nullptr;
  }
  FactValue& slot(int index) { return values[static_cast<std::size_t>(index)]; }
  // Forgets the first `n` facts (a program's); the rest are never set.
  void clear(int n = kMaxFacts) {
    for (int i = 0; i < n && i < kMaxFacts; ++i) {
      FactValue& v = values[static_cast<std::size_t>(i)];
      v.present = false;
      v.derived = false;
      v.levels = 0;
      v.level_count = 0;
      if (!v.text.empty()) v.text.clear();
    }
  }
};

struct RequestError {
  std::string code;
  std::string path;
  std::string message;
};

struct Request {
  std::string region;
  Date date;
  bool date_given = false;
  const ProgramDef* program = nullptr;
  std::string policy_id;  // empty: choose by region and date
  FactSet facts;
  // Not read from a request: a comparison's variant (compare/compare.cpp)
  // "as if the region adopted" the values that depend on this yes/no fact
  // which the rules leave to it (国办发〔2025〕25号's 相关企业 uplift): its
  // where_adopted cases apply, and a parameter without cases takes those of
  // the document it extends. -1: the rules as they stand.
  int adopt_fact = -1;
};

}  // namespace uie
