#include "compare/compare.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "base/cold.h"
#include "base/json_out.h"
#include "eval/choose.h"
#include "eval/context.h"
#include "eval/evaluate.h"
#include "eval/select.h"
#include "render/render.h"

namespace uie {
UIE_COLD_BEGIN  // once per comparison opened: compiled for size in the wasm build
namespace {

// A column: a document's policy on a date, perhaps with one fact changed.
struct Column {
  const Policy* policy = nullptr;  // any version of the document: choose_policy picks the one for `as_of`
  Date as_of;
  enum class Variant { kNone, kSize, kUplift } variant = Variant::kNone;
  int fact = -1, option = -1;      // kSize: the size option; kUplift: the yes/no fact set to yes
  bool if_adopted = false;         // kUplift: only if the region adopts it (Request::adopt_fact)
  const Cite* cite = nullptr;      // kUplift: the clause that allows it
};

// A document the rules chose for the region, and the days they chose it on:
// from the first such day to the day before the next document's first.
struct Had {
  const Policy* policy = nullptr;
  Date first;
  std::optional<Date> last;  // none: chosen to this day (or open-ended)
};

// The documents the rules chose for the region on some day: each policy's
// first day and the day after its last are tried (a province's document may
// end before the national one it interrupted does). Oldest first.
std::vector<Had> policies_had(const RuleSet& rules, const Request& req, const Policy& current) {
  std::vector<Had> had;
  auto try_on = [&](const Date& d) {
    Selection s = select_policy(rules, req.region, *req.program, d);
    if (!s.policy) return;
    auto it = std::find_if(had.begin(), had.end(), [&](const Had& h) { return h.policy->doc == s.policy->doc; });
    if (it == had.end()) had.push_back({s.policy, d, std::nullopt});
    else if (d < it->first) it->first = d;
  };
  for (const auto& p : rules.policies) {
    if (p->program != req.program) continue;
    try_on(p->valid_from);
    if (p->valid_to) try_on(p->valid_to->next());
  }
  if (std::none_of(had.begin(), had.end(), [&](const Had& h) { return h.policy->doc == current.doc; })) {
    had.push_back({&current, current.doc_from, std::nullopt});
  }
  // A handful of documents: an insertion sort (stable), smaller in the module than std::stable_sort.
  for (std::size_t i = 1; i < had.size(); ++i) {
    for (std::size_t k = i; k > 0 && had[k].first < had[k - 1].first; --k) std::swap(had[k], had[k - 1]);
  }
  for (std::size_t i = 0; i < had.size(); ++i) {
    const Policy& p = *had[i].policy;
    std::optional<Date> end = p.doc_to;
    if (i + 1 < had.size()) {
      Date before_next = had[i + 1].first.prev();
      if (!end || before_next < *end) end = before_next;
    }
    had[i].last = end;
  }
  return had;
}

bool real_day(const Date& d) { return Date::parse(d.str()).has_value(); }

// The date a document's column is answered on: the date asked where the
// rules chose the document then, else the same day of the month in the
// nearest year they did ("the same facts, a year earlier"), kept within it.
Date column_date(const Date& asked, const Had& h) {
  if (h.first <= asked && (!h.last || asked <= *h.last)) return asked;
  int year = std::max(asked.year, h.first.year);
  if (h.last) year = std::min(year, h.last->year);
  Date d{year, asked.month, asked.day};
  while (d.day > 28 && !real_day(d)) --d.day;  // 29 February in another year
  if (d < h.first) d = h.first;
  if (h.last && *h.last < d) d = *h.last;
  return d;
}

// The yes/no fact that raises the policy's enterprise rates on the date
// (国办发〔2025〕25号 一（二）: 相关企业), and whether the rules leave it to
// the region: a where_adopted case, or cases of the document it extends that
// its own restated rate leaves out. False where there is none.
bool uplift_of(const Policy& p, const Date& as_of, Column& c) {
  for (const Param* rate : {p.amount.rate_sme, p.amount.rate_large}) {
    if (!rate) continue;
    const ParamValue& v = rate->at(as_of);
    for (const auto& k : v.when) {
      if (!k.is_bool || !k.equals_bool) continue;
      c.fact = k.fact;
      c.if_adopted = k.where_adopted;
      c.cite = k.cite;
      return true;
    }
    if (!v.when.empty()) continue;
    if (const auto* up = inherited_cases(p, rate->id, as_of, -1)) {
      for (const auto& k : *up) {
        if (!k.is_bool || !k.equals_bool) continue;
        c.fact = k.fact;
        c.if_adopted = true;
        c.cite = k.cite;
        return true;
      }
    }
  }
  return false;
}

// Whether two answers come to the same: the verdict and every amount.
bool same_outcome(const Result& a, const Result& b) {
  return a.eligible == b.eligible && a.amount == b.amount && a.refund.candidates == b.refund.candidates &&
         a.refund.large == b.refund.large && a.refund.sme == b.refund.sme;
}

class Comparison {
 public:
  Comparison(const RuleSet& rules, const Request& req, bool en, std::string& out)
      : rules_(rules), req_(req), en_(en), out_(out) {}

  // Evaluates one column into `r`; false (with the error rendered as its
  // answer) where the facts do not hold under that policy.
  bool evaluate_column(const Column& c, Request& col, Result& r, std::string& answer) {
    // The request, field by field: a whole-struct copy of its 48 facts is
    // unrolled into kilobytes of module code.
    col.region = req_.region;
    col.program = req_.program;
    for (int f = 0; f < kMaxFacts; ++f) col.facts.slot(f) = req_.facts.values[static_cast<std::size_t>(f)];
    col.adopt_fact = -1;
    col.date = c.as_of;
    col.date_given = true;
    col.policy_id = c.policy->doc->id;
    if (c.variant == Column::Variant::kSize || c.variant == Column::Variant::kUplift) {
      FactValue& v = col.facts.slot(c.fact);
      v = FactValue{};
      v.present = true;
      if (c.variant == Column::Variant::kSize) {
        const FactDef& def = req_.program->facts[static_cast<std::size_t>(c.fact)];
        v.number = c.option;
        v.text = def.options[static_cast<std::size_t>(c.option)].text;
      } else {
        v.number = 1;
        if (c.if_adopted) col.adopt_fact = c.fact;
      }
    }
    Choice chosen = choose_policy(rules_, col, true, en_);
    if (!chosen.policy) {
      render_error(answer, chosen.error.code, chosen.error.path, chosen.error.message, chosen.latest);
      return false;
    }
    evaluate(*chosen.policy, col, r);
    render_answer(answer, rules_, col, r, en_);
    return true;
  }

  void write(const Column& c, const std::string& answer) {
    JsonOut o(out_);
    if (written_++) o.raw(",");
    o.raw("{").key("policy").str(c.policy->doc->id).next("as_of").str(c.as_of.str()).next("variant");
    if (c.variant == Column::Variant::kNone) {
      o.null();
    } else {
      const FactDef& def = req_.program->facts[static_cast<std::size_t>(c.fact)];
      o.raw("{").key("kind").str(c.variant == Column::Variant::kSize ? "size" : "uplift").next("fact").str(def.id).next("value");
      if (c.variant == Column::Variant::kSize) o.str(def.options[static_cast<std::size_t>(c.option)].text);
      else o.boolean(true);
      if (c.variant == Column::Variant::kUplift) {
        o.next("if_adopted").boolean(c.if_adopted).next("cite").raw(c.cite ? c.cite->json : "null");
      }
      o.raw("}");
    }
    o.next("answer").raw(answer).raw("}");
  }

  std::size_t written() const { return written_; }

 private:
  const RuleSet& rules_;
  const Request& req_;
  bool en_;
  std::string& out_;
  std::size_t written_ = 0;
};

}  // namespace

void render_comparison(std::string& out, const RuleSet& rules, const Request& req, const Policy& current, bool english) {
  JsonOut o(out);
  o.raw("{").key("ok").boolean(true).next("program").str(req.program->id).next("region").str(req.region)
      .next("date").str(req.date.str()).next("columns").raw("[");
  Comparison cmp(rules, req, english, out);
  Request col;
  Result results[2];
  Result* r = &results[0];
  Result* base = &results[1];
  std::string answer;
  std::size_t current_index = 0;
  std::vector<Had> had = policies_had(rules, req, current);
  // Room for the variants: the oldest documents give way, never the current one.
  while (had.size() + 3 > kMaxCompareColumns && had.front().policy->doc != current.doc) had.erase(had.begin());
  for (const Had& h : had) {
    if (cmp.written() + 3 > kMaxCompareColumns) break;
    const Policy* p = h.policy;
    Column c;
    c.policy = p;
    c.as_of = column_date(req.date, h);
    answer.clear();
    bool ok = cmp.evaluate_column(c, col, *r, answer);
    bool is_current = p->doc == current.doc;
    if (is_current) current_index = cmp.written();
    cmp.write(c, answer);
    if (!is_current || !ok) continue;
    // The variants the current policy allows: each size where the size is
    // unsure, and the enterprise uplift where the rates have one.
    std::swap(base, r);  // the pointers: `base` is the current column's answer
    const AmountRule& a = base->policy->amount;
    if (base->refund.candidates && !base->refund.readings && a.size_fact >= 0) {
      for (int option : {a.size_sme_option, a.size_large_option}) {
        Column v = c;
        v.variant = Column::Variant::kSize;
        v.fact = a.size_fact;
        v.option = option;
        answer.clear();
        if (cmp.evaluate_column(v, col, *r, answer)) cmp.write(v, answer);
      }
    }
    Column v = c;
    v.variant = Column::Variant::kUplift;
    if (uplift_of(*base->policy, c.as_of, v)) {
      const FactValue* given = req.facts.get(v.fact);
      bool already = given && given->number && !v.if_adopted;
      answer.clear();
      if (!already && cmp.evaluate_column(v, col, *r, answer) && !same_outcome(*base, *r)) cmp.write(v, answer);
    }
  }
  o.raw("]").next("current").num(static_cast<std::int64_t>(current_index)).raw("}");
}

UIE_COLD_END
}  // namespace uie
