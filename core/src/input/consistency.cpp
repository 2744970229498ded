// The program's consistency rules: facts that cannot both be true
// (inconsistent_facts, pointing at the fact the rule names).
#include "input/request.h"

namespace uie {
namespace {

std::string fill(std::string t, const std::string& key, const std::string& value) {
  std::string pat = "{" + key + "}";
  for (std::size_t at = t.find(pat); at != std::string::npos; at = t.find(pat, at + value.size())) t.replace(at, pat.size(), value);
  return t;
}

bool fail(RequestError& err, const ProgramDef& p, int fact, std::string message) {
  err = RequestError{"inconsistent_facts", fact >= 0 ? "/facts/" + p.facts[static_cast<std::size_t>(fact)].id : "", std::move(message)};
  return false;
}

}  // namespace

bool check_consistency(const RuleSet&, const ProgramDef& p, const Request& req, bool en, RequestError& err) {
  for (const auto& rule : p.consistency) {
    const FactValue* a = req.facts.get(rule.fact);
    const std::string& message = en && !rule.message_en.empty() ? rule.message_en : rule.message;
    using K = ConsistencyRule::Kind;
    switch (rule.kind) {
      case K::kNotGreater: {
        const FactValue* b = req.facts.get(rule.other);
        if (a && b && a->number > b->number) {
          return fail(err, p, rule.fact, fill(fill(message, "fact", std::to_string(a->number)), "than", std::to_string(b->number)));
        }
        break;
      }
      case K::kSumNotGreater: {
        const FactValue* b = req.facts.get(rule.other);
        Fen sum = 0;
        int last = -1;
        for (int f : rule.facts) {
          if (const FactValue* v = req.facts.get(f)) {
            sum += v->number;
            last = f;
          }
        }
        if (b && last >= 0 && sum > b->number) {
          return fail(err, p, last,
                      fill(fill(message, "sum", yuan_str(sum)), "than", yuan_str(b->number)));
        }
        break;
      }
      case K::kRequiresTrue: {
        // An amount counts when it is not 0; a date whenever it is given.
        const FactValue* flag = req.facts.get(rule.other);
        bool set = a && (p.facts[static_cast<std::size_t>(rule.fact)].type == FactType::kDate || a->number != 0);
        if (set && !(flag && flag->number != 0)) return fail(err, p, rule.fact, message);
        break;
      }
      case K::kNotBefore: {
        const FactValue* b = req.facts.get(rule.other);
        if (a && b && a->date < b->date) return fail(err, p, rule.fact, fill(fill(message, "fact", a->date.str()), "than", b->date.str()));
        break;
      }
      case K::kNotAfterRequestDate: {
        if (!a) break;
        // A month fact ("YYYY-MM") is after the date when it is a later month.
        bool month = p.facts[static_cast<std::size_t>(rule.fact)].type == FactType::kMonth;
        bool after = month ? a->number > req.date.year * 12 + req.date.month - 1 : req.date < a->date;
        if (after) return fail(err, p, rule.fact, fill(fill(message, "fact", month ? a->text : a->date.str()), "date", req.date.str()));
        break;
      }
      case K::kTrueRequiresAtLeast: {
        const FactValue* b = req.facts.get(rule.other);
        if (a && a->number != 0 && b && b->number < rule.min) return fail(err, p, rule.fact, fill(message, "other", std::to_string(b->number)));
        break;
      }
    }
  }
  return true;
}

}  // namespace uie
