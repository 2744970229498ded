// The small lookups of the compiled model.
#include <algorithm>

#include "model/policy.h"
#include "model/program.h"

namespace uie {

const char* fact_type_name(FactType t) {
  static const char* names[] = {"enum", "count", "integer", "money", "bool", "date", "string", "level_list", "month"};
  return names[static_cast<int>(t)];
}

const char* param_type_name(ParamType t) {
  static const char* names[] = {"count", "rate", "money", "bands", "date", "retirement_schedule"};
  return names[static_cast<int>(t)];
}

const Option* FactDef::option(std::string_view text) const {
  for (const auto& o : options) {
    if (!o.is_number && o.text == text) return &o;
  }
  return nullptr;
}

const Option* FactDef::option(std::int64_t number) const {
  for (const auto& o : options) {
    if (o.is_number && o.number == number) return &o;
  }
  return nullptr;
}

const FactDef* ProgramDef::fact(std::string_view fact_id) const {
  for (const auto& f : facts) {
    if (f.id == fact_id) return &f;
  }
  return nullptr;
}

const ParamValue& Param::at(const Date& d) const {
  const ParamValue* best = &values.front();
  for (const auto& v : values) {
    if (v.from <= d) best = &v;
  }
  return *best;
}

const Param* Policy::param(std::string_view id) const {
  for (const auto& p : params) {
    if (p->id == id) return p.get();
  }
  return nullptr;
}

bool Policy::uses(int fact) const { return std::find(used_facts.begin(), used_facts.end(), fact) != used_facts.end(); }

bool Policy::asks(int fact) const {
  for (const auto& d : derivations) {
    if (d.exact && d.fact == fact) return false;
  }
  return uses(fact);
}

}  // namespace uie
