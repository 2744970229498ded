#include "eval/context.h"

#include <algorithm>

#include "eval/derive.h"
#include "kinds/kind.h"

namespace uie {

std::optional<std::int64_t> EvalContext::number(int fact, bool& defaulted) const {
  if (fact < 0) return std::nullopt;
  if (const FactValue* v = value(fact)) return v->number;
  if (required(fact)) return std::nullopt;
  defaulted = true;
  return 0;
}

std::optional<bool> EvalContext::flag(int fact, bool& defaulted) {
  if (fact < 0) return std::nullopt;
  if (const FactValue* v = value(fact)) return v->number != 0;
  if (required(fact)) return std::nullopt;
  defaulted = true;
  auto& list = result_.defaulted;
  if (std::find(list.begin(), list.end(), fact) == list.end()) list.push_back(fact);
  return false;
}

const std::vector<ParamCase>* inherited_cases(const Policy& policy, const std::string& id, const Date& as_of, int fact) {
  for (const Policy* up = policy.parent; up; up = up->parent) {
    const Param* q = up->param(id);
    if (!q) continue;
    const ParamValue& v = q->at(as_of);
    for (const auto& c : v.when) {
      if (c.is_bool && (fact < 0 || c.fact == fact)) return &v.when;
    }
  }
  return nullptr;
}

const ParamScalar& EvalContext::at(const Param* p, const ParamCase** which) const {
  const ParamValue& v = p->at(as_of_);
  if (which) *which = nullptr;
  const std::vector<ParamCase>* cases = &v.when;
  if (adopt_fact_ >= 0 && cases->empty()) {
    if (const auto* up = inherited_cases(policy_, p->id, as_of_, adopt_fact_)) cases = up;
  }
  for (const auto& c : *cases) {
    // The province's choice (see kinds/common.h open_by_adoption), unless a
    // comparison asks what adopting it would give.
    if (c.where_adopted && c.fact != adopt_fact_) continue;
    if (cases != &v.when && c.fact != adopt_fact_) continue;
    const FactValue* f = value(c.fact);
    // A yes/no fact left out is no (and the answer says so); an enum left out
    // matches no case.
    if (c.is_bool && !f && !required(c.fact)) {
      auto& list = result_.defaulted;
      if (std::find(list.begin(), list.end(), c.fact) == list.end()) list.push_back(c.fact);
    }
    bool match = c.is_bool ? (f ? f->number != 0 : false) == c.equals_bool : f && f->number == c.equals_option;
    if (match) {
      if (which) *which = &c;
      return c.value;
    }
  }
  return v.value;
}

int EvalContext::allocate(std::size_t n) {
  auto first = static_cast<int>(result_.used_outcomes);
  result_.used_outcomes += n;
  if (result_.outcomes.size() < result_.used_outcomes) result_.outcomes.resize(result_.used_outcomes);
  return first;
}

void EvalContext::evaluate_into(const Condition& c, int index) {
  CondOutcome& o = result_.outcomes[static_cast<std::size_t>(index)];
  o = CondOutcome{};
  o.cond = &c;
  if (c.kind) c.kind->eval(c, *this, o);
}

// ---------------------------------------------------------------- rendering

void RenderContext::quoted_label(int fact, Sink& sink) const {
  const FactDef& f = program_.facts[static_cast<std::size_t>(fact)];
  messages_.render(Msg::kQuotedFact, english_, sink, {english_ ? f.label_en : f.label});
}

void RenderContext::money(Fen fen, Sink& sink) const {
  if (!english_) {
    sink.safe(yuan_zh(fen));
    return;
  }
  messages_.render(Msg::kYuan, true, sink, {yuan_str(fen)});
}

void RenderContext::date(const Date& d, Sink& sink) const {
  if (!english_) {
    sink.safe(d.zh());
    return;
  }
  messages_.render(Msg::kDate, true, sink,
                   {std::to_string(d.year), std::to_string(d.month), std::to_string(d.day), d.str()});
}

void RenderContext::display(int fact, Sink& sink) const {
  const FactDef& f = program_.facts[static_cast<std::size_t>(fact)];
  const FactValue* v = facts_.get(fact);
  if (!v) return;
  auto label = [&](const Option& o) { sink.text(english_ ? o.label_en : o.label); };
  switch (f.type) {
    case FactType::kBool: messages_.render(v->number ? Msg::kYes : Msg::kNo, english_, sink); return;
    case FactType::kEnum: label(f.options[static_cast<std::size_t>(v->number)]); return;
    case FactType::kCount:
    case FactType::kInteger:
      if (const Option* o = f.option(v->number)) label(*o);
      else sink.number(v->number);
      return;
    case FactType::kMoney: money(v->number, sink); return;
    case FactType::kDate: date(v->date, sink); return;
    case FactType::kMonth: sink.text(v->text); return;
    case FactType::kString: sink.text(v->text); return;
    case FactType::kLevelList:
      if (v->level_count == 0) {
        messages_.render(Msg::kNone, english_, sink);
        return;
      }
      for (int i = 0; i < v->level_count; ++i) {
        if (i) messages_.render(Msg::kListSeparator, english_, sink);
        messages_.render(Msg::kLevel, english_, sink, {std::to_string(v->level_list[i])});
      }
      return;
  }
}

void RenderContext::condition_text(const CondOutcome& o, Sink& sink) const {
  const Condition& c = *o.cond;
  if (!c.kind) return;
  auto slot = [&](Sink& s, int i) { c.kind->slot(c, o, i, s, *this); };
  if (o.passed == Tri::kNull && o.open) {
    c.fail.in(english_).render(sink, slot);
    messages_.render(o.suffix, english_, sink, {std::to_string(o.suffix_arg)});
    return;
  }
  if (o.passed == Tri::kNull) {
    if (c.kind->composite) {
      // The parts' sentences, inside the rule's own "unknown" sentence if it has one.
      if (c.unknown.empty()) slot(sink, 0);
      else c.unknown.in(english_).render(sink, slot);
      return;
    }
    // What is still needed, named: the facts it reads that are missing, or
    // the optional ones it waits for.
    auto facts = [&](Sink& s, int) {
      bool first = true;
      auto name = [&](int f) {
        if (f < 0 || facts_.get(f)) return;
        f = asked_for(policy_, facts_, f);
        if (!first) messages_.render(Msg::kListSeparator, english_, s);
        first = false;
        quoted_label(f, s);
      };
      if (o.needs) {
        for (int f = 0; f < kMaxFacts; ++f) {
          if ((o.needs >> f) & 1u) name(f);
        }
      } else {
        for (int f : c.reads) name(f);
      }
    };
    if (c.unknown.empty()) {
      std::string list;
      Sink ls(list, false);
      facts(ls, 0);
      messages_.render(Msg::kMissingFacts, english_, sink, {list});
    } else {
      c.unknown.in(english_).render(sink, facts);
    }
    return;
  }
  bool pass = o.passed == Tri::kTrue;
  const Text2& t = o.alt ? (pass ? c.pass2 : c.fail2) : (pass ? c.pass : c.fail);
  t.in(english_).render(sink, slot);
  if (o.suffix != Msg::kCount_) messages_.render(o.suffix, english_, sink, {std::to_string(o.suffix_arg)});
}

}  // namespace uie
