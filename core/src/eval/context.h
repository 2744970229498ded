// What a condition kind sees while it decides (EvalContext) and while its
// sentence is written (RenderContext).
#pragma once

#include <optional>

#include "model/situation.h"
#include "eval/result.h"
#include "model/messages.h"
#include "model/policy.h"

namespace uie {

// The cases on yes/no fact `fact` (any, if -1) of the nearest document
// `policy` extends that gives parameter `id` such cases on `as_of`: what the
// region would take by adopting them where its own document restates the
// value without them (晋人社厅发〔2025〕13号 and 国办发〔2025〕25号's uplift).
const std::vector<ParamCase>* inherited_cases(const Policy& policy, const std::string& id, const Date& as_of, int fact);

class EvalContext {
 public:
  // `as_of`: the date the parameters are read on; `today`: the request's date.
  EvalContext(const Policy& policy, const FactSet& facts, const Date& as_of, const Date& today, Result& result,
              int adopt_fact = -1)
      : policy_(policy), program_(*policy.program), facts_(facts), as_of_(as_of), today_(today), result_(result),
        adopt_fact_(adopt_fact) {}

  const Policy& policy() const { return policy_; }
  const ProgramDef& program() const { return program_; }
  const Date& as_of() const { return as_of_; }
  const Date& today() const { return today_; }
  const FactSet& facts() const { return facts_; }
  Result& result() { return result_; }

  // A fact given in the request, or derived by the policy (null when neither).
  const FactValue* value(int fact) const { return facts_.get(fact); }
  // Only a fact the request gave.
  const FactValue* given(int fact) const {
    const FactValue* v = facts_.get(fact);
    return v && !v->derived ? v : nullptr;
  }
  bool required(int fact) const { return program_.facts[static_cast<std::size_t>(fact)].required; }

  // A count: an optional one left out counts as none (0) and sets `defaulted`;
  // a required one left out is undecided (nullopt).
  std::optional<std::int64_t> number(int fact, bool& defaulted) const;
  // A yes/no fact: an optional one left out counts as no (contract §4.1) and
  // is remembered for the note that says so.
  std::optional<bool> flag(int fact, bool& defaulted);

  // A parameter's value on the policy's date, with any fact-dependent case
  // applied; `which` tells which case (null for the plain value).
  const ParamScalar& at(const Param* p, const ParamCase** which = nullptr) const;
  const ParamValue& dated(const Param* p) const { return p->at(as_of_); }

  // Room for `n` outcomes (reserved for the whole policy, so no reference to
  // an outcome moves); returns the first one's index.
  int allocate(std::size_t n);
  // Evaluates a condition into the outcome at `index`.
  void evaluate_into(const Condition& c, int index);
  void whatif(const WhatIf& w) { result_.whatifs.push_back(w); }

 private:
  const Policy& policy_;
  const ProgramDef& program_;
  const FactSet& facts_;
  Date as_of_, today_;
  Result& result_;
  int adopt_fact_;  // Request::adopt_fact
};

class RenderContext {
 public:
  RenderContext(const Messages& messages, bool english, const Policy& policy, const FactSet& facts,
                const Result& result)
      : messages_(messages), english_(english), policy_(policy), program_(*policy.program), facts_(facts),
        result_(result) {}

  const Messages& messages() const { return messages_; }
  bool english() const { return english_; }
  const Policy& policy() const { return policy_; }
  const ProgramDef& program() const { return program_; }
  const FactValue* value(int fact) const { return facts_.get(fact); }
  const Result& result() const { return result_; }

  // 「上年末单位参保人数」
  void quoted_label(int fact, Sink& sink) const;
  // The fact's value as a sentence shows it (an enum's label, 5.68万元, 2021年1月1日, 3级、4级).
  void display(int fact, Sink& sink) const;
  void money(Fen fen, Sink& sink) const;
  void date(const Date& d, Sink& sink) const;
  // The sentence of an evaluated condition (with any suffix the engine adds).
  void condition_text(const CondOutcome& o, Sink& sink) const;

 private:
  const Messages& messages_;
  bool english_;
  const Policy& policy_;
  const ProgramDef& program_;
  const FactSet& facts_;
  const Result& result_;
};

}  // namespace uie
