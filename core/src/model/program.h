// Programs and their facts (rules/programs.json), and the regions
// (rules/regions.json), as the engine holds them after loading.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace uie {

enum class FactType { kEnum, kCount, kInteger, kMoney, kBool, kDate, kString, kLevelList, kMonth };

const char* fact_type_name(FactType t);

// One allowed value of an enum fact (a string) or of an integer fact with a
// closed list (`level`: an integer).
struct Option {
  bool is_number = false;
  std::string text;          // enum value
  std::int64_t number = 0;   // integer value
  std::string label, label_en;
};

struct FactDef {
  std::string id;
  std::string id_json;  // "…": the id as a JSON string (rendered when the rules load)
  int index = 0;  // position in the program's asking order; facts are stored by it
  FactType type = FactType::kBool;
  bool required = false;
  std::string label, label_en, unit, unit_en, help, help_en;
  std::vector<Option> options;
  std::optional<std::int64_t> min, max;  // counts and integers; string length for strings

  // The option whose value is this enum text / integer, or null.
  const Option* option(std::string_view text) const;
  const Option* option(std::int64_t number) const;
};

// A rule that makes two facts contradict each other (inconsistent_facts).
struct ConsistencyRule {
  enum class Kind { kNotGreater, kSumNotGreater, kRequiresTrue, kNotAfterRequestDate, kTrueRequiresAtLeast, kNotBefore };
  Kind kind = Kind::kNotGreater;
  int fact = -1;                 // the fact the error points at
  std::vector<int> facts;        // kSumNotGreater
  int other = -1;                // kNotGreater, kNotBefore: than; kRequiresTrue: flag; kTrueRequiresAtLeast: other
  std::int64_t min = 0;
  std::string message;           // template with {fact} {than} {sum} {other} {date}
  std::string message_en;
};

struct ProgramDef {
  std::string id, title, title_en, audience;
  int index = 0;
  std::vector<FactDef> facts;  // in asking order
  std::vector<int> facts_by_id;  // fact indices sorted by id (the order requests are checked in)
  std::vector<ConsistencyRule> consistency;

  const FactDef* fact(std::string_view fact_id) const;
};

struct RegionInfo {
  std::string code, name, name_en;
  std::vector<RegionInfo> prefectures;
  // Codes that fall back to this province-level region rather than to the
  // one their first two digits name, by prefix: 6590xx (石河子 and the other
  // 兵团 师市, coded under 新疆) → 660000.
  std::vector<std::string> covers;
};

}  // namespace uie
