// The full answer (contract §2): the verdict, the amount with the fields of
// its kind, every condition with its sentence and citation, what is missing,
// the what-ifs and the notes. Written in the order the contract's responses
// have always had, straight into one buffer.
#include "eval/context.h"
#include "kinds/kind.h"
#include "render/render.h"

namespace uie {
namespace {

void tri(JsonOut& o, Tri t) {
  if (t == Tri::kNull) o.null();
  else o.boolean(t == Tri::kTrue);
}

void fen(JsonOut& o, const std::optional<Fen>& v) {
  if (v) o.num(*v);
  else o.null();
}

// year*12 + month-1 as "YYYY-MM".
std::string month_text(std::int64_t m) {
  std::string year = std::to_string(m / 12), month = std::to_string(m % 12 + 1);
  return year + (month.size() == 1 ? "-0" : "-") + month;
}

void rate(JsonOut& o, const Rate* r) {
  if (r) o.str(r->text);
  else o.null();
}

void fact_ids(JsonOut& o, const ProgramDef& p, const std::vector<int>& facts) {
  o.raw("[");
  for (std::size_t i = 0; i < facts.size(); ++i) {
    if (i) o.raw(",");
    o.raw(p.facts[static_cast<std::size_t>(facts[i])].id_json);
  }
  o.raw("]");
}

// The fields of the amount rule's kind, after amount_fen / amount_yuan.
void amount_fields(JsonOut& o, const Policy& p, const Result& r) {
  const AmountRule& a = p.amount;
  bool cap_written = false;
  switch (a.kind) {
    case AmountRule::Kind::kPercentOfBase: {
      const RefundAmount& f = r.refund;
      o.next("base_fen");
      fen(o, f.base);
      o.next("rate");
      rate(o, f.rate);
      o.next("size_used");
      if (f.size_option >= 0) o.str(p.program->facts[static_cast<std::size_t>(a.size_fact)].options[static_cast<std::size_t>(f.size_option)].text);
      else o.null();
      o.next("size_source");
      if (f.size_source == RefundAmount::SizeSource::kFact) o.str("fact");
      else if (f.size_source == RefundAmount::SizeSource::kDerived) o.str("derived");
      else o.null();
      if (f.candidates) o.next("candidates").raw("{").key("large").num(f.large).next("sme").num(f.sme).raw("}");
      if (r.amount_is_cap) {
        o.next("amount_is_cap").boolean(true);
        cap_written = true;
      }
      if (f.pass_on) o.next("pass_on_fen").num(*f.pass_on);
      break;
    }
    case AmountRule::Kind::kTable:
      if (r.amount_is_cap) {
        o.next("amount_is_cap").boolean(true);
        cap_written = true;
      }
      break;
    case AmountRule::Kind::kContributionSplit: {
      const SplitAmount& s = r.split;
      o.next("total_rate");
      rate(o, s.total);
      o.next("unit_rate");
      rate(o, s.unit);
      o.next("individual_rate");
      rate(o, s.individual);
      o.next("unit_fen");
      fen(o, s.unit_fen);
      o.next("individual_fen");
      fen(o, s.individual_fen);
      break;
    }
    case AmountRule::Kind::kMonthly: {
      const MonthlyAmount& m = r.monthly;
      o.next("monthly_standard_fen");
      fen(o, m.standard);
      o.next("monthly_standard_source");
      switch (m.source) {
        case MonthlyAmount::Source::kStandard: o.str("standard"); break;
        case MonthlyAmount::Source::kMinimumWage: o.str("minimum_wage"); break;
        case MonthlyAmount::Source::kFact: o.str("fact"); break;
        case MonthlyAmount::Source::kNone: o.null(); break;
      }
      o.next("minimum_wage_fen");
      if (m.wage_value) o.num(m.wage_value->value.money);
      else o.null();
      o.next("standard_rate");
      rate(o, m.rate_value ? &m.rate_value->value.rate : nullptr);
      break;
    }
    case AmountRule::Kind::kLocal:
    case AmountRule::Kind::kNone: break;
  }
  const DurationResult& d = r.duration;
  if (d.shown) {
    o.next("max_months");
    fen(o, d.max_months);
    o.next("max_months_is_cap").boolean(d.is_cap);
    o.next("remaining_months");
    fen(o, d.remaining);
    o.next("extension_months");
    fen(o, d.extension);
    o.next("total_months");
    fen(o, d.total);
  }
  if (a.kind == AmountRule::Kind::kMonthly) {
    o.next("total_fen");
    fen(o, r.monthly.total);
    o.next("total_yuan");
    if (r.monthly.total) o.raw("\"").raw(yuan_str(*r.monthly.total)).raw("\"");
    else o.null();
  }
  if (d.retirement_shown) {
    o.next("months_to_retirement");
    fen(o, d.to_retirement);
    o.next("months_to_retirement_source");
    if (!d.to_retirement) o.null();
    else o.str(d.derived ? "derived" : "fact");
    o.next("retirement_month");
    if (d.derived) o.raw("\"").raw(month_text(d.retirement_month)).raw("\"");
    else o.null();
  }
  if (!cap_written) o.next("amount_is_cap").boolean(r.amount_is_cap);
}

class JsonNotes : public NoteWriter {
 public:
  explicit JsonNotes(std::string& out) : out_(out), sink_(out, true) {}
  Sink& begin() override {
    out_ += first_ ? "\"" : ",\"";
    first_ = false;
    return sink_;
  }
  void end() override { out_ += '"'; }

 private:
  std::string& out_;
  Sink sink_;
  bool first_ = true;
};

}  // namespace

void render_whatif_text(const RuleSet& rules, const Request& req, const Result& r, const WhatIf& w, bool en, Sink& sink) {
  RenderContext cx(rules.messages, en, *r.policy, req.facts, r);
  const CondOutcome& o = r.outcomes[static_cast<std::size_t>(w.outcome)];
  if (w.param_case) {
    const ParamCase& k = *w.param_case;
    k.whatif.in(en).render(sink, [&](Sink& s, int) {
      switch (w.cond->param->type) {
        case ParamType::kRate: s.text(k.value.rate.text); break;
        case ParamType::kMoney: cx.money(k.value.money, s); break;
        default: s.number(k.value.count); break;
      }
    });
    return;
  }
  w.cond->whatif.in(en).render(sink, [&](Sink& s, int slot) {
    if (w.cond->kind->whatif_slot) w.cond->kind->whatif_slot(w, o, slot, s, cx);
  });
}

void render_answer(std::string& out, const RuleSet& rules, const Request& req, const Result& r, bool en) {
  const Policy& p = *r.policy;
  const ProgramDef& prog = *p.program;
  JsonOut o(out);
  o.raw("{").key("ok").boolean(true).next("program").str(prog.id);
  o.next("policy").raw(p.json_open).next("in_force").boolean(r.in_force).raw("}");
  o.next("eligible");
  tri(o, r.eligible);
  o.next("amount_fen");
  fen(o, r.amount);
  o.next("amount_yuan");
  if (r.amount) o.raw("\"").raw(yuan_str(*r.amount)).raw("\"");
  else o.null();
  amount_fields(o, p, r);

  RenderContext cx(rules.messages, en, p, req.facts, r);
  Sink text(out, true);
  o.next("conditions").raw("[");
  for (std::size_t i = 0; i < p.conditions.size(); ++i) {
    const CondOutcome& c = r.outcomes[i];
    if (i) o.raw(",");
    o.raw(c.cond->head_json);
    tri(o, c.passed);
    o.next("text").raw("\"");
    cx.condition_text(c, text);
    o.raw("\"").raw(c.cond->tail_json);
  }
  o.raw("]");
  if (!r.readings.empty()) {
    o.next("readings").raw("[");
    for (std::size_t i = 0; i < r.readings.size(); ++i) {
      const ReadingResult& x = r.readings[i];
      if (i) o.raw(",");
      const Condition& c = *x.outcome->cond;
      o.raw("{").key("reading").str(c.id).next("label").str(en && !c.label_en.empty() ? c.label_en : c.label).next("eligible");
      tri(o, x.eligible);
      o.next("text").raw("\"");
      cx.condition_text(*x.outcome, text);
      o.raw("\"}");
    }
    o.raw("]");
  }
  o.next("missing");
  fact_ids(o, prog, r.missing);
  o.next("optional_missing");
  fact_ids(o, prog, r.optional_missing);
  o.next("whatif").raw("[");
  for (std::size_t i = 0; i < r.whatifs.size(); ++i) {
    const WhatIf& w = r.whatifs[i];
    if (i) o.raw(",");
    o.raw("{").key("condition").str(w.cond->id).next("fact").str(prog.facts[static_cast<std::size_t>(w.fact)].id);
    if (w.bound == WhatIf::Bound::kMin) o.next("min").num(w.value);
    if (w.bound == WhatIf::Bound::kMax) o.next("max").num(w.value);
    o.next("text").raw("\"");
    render_whatif_text(rules, req, r, w, en, text);
    o.raw("\"}");
  }
  o.raw("]").next("notes").raw("[");
  JsonNotes notes(out);
  render_notes(rules, req, r, en, notes);
  o.raw("]}");
}

void render_screen_line(std::string& out, const Request&, const Result& r) {
  const Policy& p = *r.policy;
  static const char* kEligible[] = {"{\"eligible\":null,\"amount_fen\":", "{\"eligible\":false,\"amount_fen\":",
                                    "{\"eligible\":true,\"amount_fen\":"};
  out += kEligible[static_cast<int>(r.eligible) + 1];
  if (r.amount) append_int(out, *r.amount);
  else out += "null";
  // The two amounts of a unit whose size decides the rate and is not known:
  // a batch counts them as undecided, not as nothing.
  if (p.amount.kind == AmountRule::Kind::kPercentOfBase && r.refund.candidates) {
    out += ",\"candidates\":{\"large\":";
    append_int(out, r.refund.large);
    out += ",\"sme\":";
    append_int(out, r.refund.sme);
    out += '}';
  }
  out += ",\"failed\":[";
  bool first = true;
  for (std::size_t i = 0; i < p.conditions.size(); ++i) {
    if (r.outcomes[i].passed != Tri::kFalse) continue;
    if (!first) out += ',';
    first = false;
    out += p.conditions[i].id_json;
  }
  out += "],\"missing\":[";
  for (std::size_t i = 0; i < r.missing.size(); ++i) {
    if (i) out += ',';
    out += p.program->facts[static_cast<std::size_t>(r.missing[i])].id_json;
  }
  out += "]}";
}

void render_error(std::string& out, std::string_view code, std::string_view path, std::string_view message,
                  const Policy* latest) {
  JsonOut o(out);
  o.raw("{").key("ok").boolean(false).next("error").raw("{").key("code").str(code).next("path").str(path);
  o.next("message").str(message);
  if (latest) o.next("latest").raw(latest->json_open).raw("}");
  o.raw("}}");
}

}  // namespace uie
