// A request (contract §1) read and checked into typed facts. Every refusal is
// an error value with the contract's code, a JSON Pointer and a Chinese message.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model.h"

namespace uie {

struct RequestError {
  std::string code;
  std::string path;
  std::string message;
};

struct FactValue {
  FactType type = FactType::kBool;
  std::int64_t number = 0;  // counts, integers
  Fen money = 0;
  bool flag = false;
  Date date;
  std::string text;
  std::vector<std::int64_t> levels;
};

struct Request {
  std::string region;
  Date date;
  bool date_given = false;
  const ProgramDef* program = nullptr;
  std::string policy_id;  // empty: choose by region and date
  std::map<std::string, FactValue> facts;

  const FactValue* fact(const std::string& id) const {
    auto it = facts.find(id);
    return it == facts.end() ? nullptr : &it->second;
  }
};

struct Limits;

// Reads and checks a request; `today` is the default date. Checks everything
// that does not depend on the policy: shape, region, date, program, each
// fact's type and bounds, and the program's consistency rules.
bool read_request(const RuleSet& rules, std::string_view text, const Limits& limits, const Date& today,
                  Request& out, RequestError& err);

// "上年度裁员人数" etc.; the display of a fact's value in sentences.
std::string fact_display(const FactDef& def, const FactValue& v);

}  // namespace uie
