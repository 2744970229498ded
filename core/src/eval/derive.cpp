// Derived facts: what a policy computes when the request does not give it —
// the enterprise size from the average contributing headcount (晋人社厅发〔2024〕28号
// 二), the months to the legal retirement age from the birth month (全国人大常委会
// 2024-09-13 决定 and its 办法 第一条). A presumption yields to a given value; an
// exact derivation is checked against one (eval/checks.cpp). Either way a
// derived value is marked so.
#include "eval/derive.h"

#include <algorithm>

namespace uie {
namespace {

// The month a group retires in, as year*12 + month-1, for a birth month.
std::optional<std::int64_t> retirement_month(const std::vector<RetirementRule>& rules, const std::string& group,
                                             std::int64_t birth) {
  for (const auto& r : rules) {
    if (r.group != group) continue;
    std::int64_t delay = 0;
    if (birth >= r.delay_from) delay = std::min(r.max_delay, (birth - r.delay_from) / r.months_per_step + 1);
    return birth + r.base_months + delay;
  }
  return std::nullopt;
}

}  // namespace

std::int64_t month_index(const Date& d) { return d.year * 12 + d.month - 1; }

std::optional<std::int64_t> derived_value(const Policy& policy, const Derivation& d, const Date& as_of, const Date& today,
                                          const FactSet& facts) {
  const FactValue* from = facts.get(d.from);
  if (!from || (!d.param && d.kind != Derivation::Kind::kByOption)) return std::nullopt;
  switch (d.kind) {
    case Derivation::Kind::kAtLeast:
      return from->number >= d.param->at(as_of).value.count ? d.then_option : d.else_option;
    case Derivation::Kind::kByOption: {
      std::size_t o = static_cast<std::size_t>(from->number);
      if (o >= d.option_values.size() || d.option_values[o] < 0) return std::nullopt;
      return d.option_values[o];
    }
    case Derivation::Kind::kRetirementAge: {
      const FactValue* group = facts.get(d.from2);
      if (!group) return std::nullopt;
      const FactDef& g = policy.program->facts[static_cast<std::size_t>(d.from2)];
      auto month = retirement_month(d.param->at(as_of).value.retirement,
                                    g.options[static_cast<std::size_t>(group->number)].text, from->number);
      if (!month) return std::nullopt;
      return *month - month_index(today);
    }
  }
  return std::nullopt;
}

void apply_derivations(const Policy& policy, const Date& as_of, const Date& today, FactSet& facts) {
  for (const auto& d : policy.derivations) {
    if (d.fact < 0) continue;
    const FactValue* given = facts.get(d.fact);
    if (given && !d.exact) continue;  // a presumption: the given value wins
    auto v = derived_value(policy, d, as_of, today, facts);
    if (!v) continue;
    FactValue& out = facts.slot(d.fact);
    out.number = *v;
    out.present = true;
    out.derived = true;
  }
}

int asked_for(const Policy& policy, const FactSet& facts, int fact) {
  for (const auto& d : policy.derivations) {
    if (d.kind == Derivation::Kind::kByOption && d.fact == fact && !facts.get(d.from)) return d.from;
  }
  return fact;
}

const Derivation* derivation_of(const Policy& policy, int fact) {
  for (const auto& d : policy.derivations) {
    if (d.fact == fact) return &d;
  }
  return nullptr;
}

}  // namespace uie
