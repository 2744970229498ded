#include "evaluate.h"

#include <algorithm>
#include <functional>

namespace uie {
namespace {

std::string fill(std::string t, const std::vector<std::pair<std::string, std::string>>& values) {
  for (const auto& [key, value] : values) {
    std::string pat = "{" + key + "}";
    for (std::size_t at = t.find(pat); at != std::string::npos; at = t.find(pat, at + value.size())) {
      t.replace(at, pat.size(), value);
    }
  }
  return t;
}

std::string cite_tag(const Cite& c) { return "（" + c.doc_no + " " + c.clause + "）"; }

std::string date_str(const std::optional<Date>& d) { return d ? d->str() : ""; }

struct Outcome {
  std::optional<bool> passed;
  std::string text;
  std::vector<ojson> whatif;
};

class Evaluator {
 public:
  Evaluator(const Request& req, const Policy& pol)
      : req_(req), pol_(pol), prog_(*req.program), as_of_(clamp(req.date, pol)) {}

  ojson run();

 private:
  static Date clamp(const Date& d, const Policy& p) {
    if (d < p.valid_from) return p.valid_from;
    if (p.valid_to && *p.valid_to < d) return *p.valid_to;
    return d;
  }

  const FactValue* fact(const std::string& id) const { return req_.fact(id); }
  const FactDef& def(const std::string& id) const { return *prog_.fact(id); }
  std::string label(const std::string& id) const { return "「" + def(id).label + "」"; }
  std::string show(const std::string& id) const { return fact_display(def(id), *fact(id)); }

  const ParamValue& value(const std::string& param) const { return pol_.param(param)->at(as_of_); }
  std::int64_t count(const std::string& param) const { return value(param).count; }
  const Rate& rate(const std::string& param) const { return value(param).rate; }

  Outcome unknown(const Condition& c, std::vector<std::string> facts) {
    std::string labels;
    for (const auto& f : facts) {
      if (!fact(f)) labels += (labels.empty() ? "" : "、") + label(f);
    }
    Outcome o;
    o.text = c.text.unknown.empty() ? "还需要填写：" + labels : fill(c.text.unknown, {{"facts", labels}});
    return o;
  }

  Outcome decided(bool passed, const Texts& t, const std::vector<std::pair<std::string, std::string>>& values) {
    Outcome o;
    o.passed = passed;
    o.text = fill(passed ? t.pass : t.fail, values);
    return o;
  }

  // An optional count left out counts as none at all (0).
  std::optional<std::int64_t> number(const std::string& id) const {
    if (const FactValue* v = fact(id)) return v->number;
    if (def(id).required) return std::nullopt;
    return 0;
  }

  // An optional yes/no fact left out counts as "no" (contract §4.1).
  std::optional<bool> flag(const std::string& id) {
    if (const FactValue* v = fact(id)) return v->flag;
    if (def(id).required) return std::nullopt;
    if (std::find(defaulted_.begin(), defaulted_.end(), id) == defaulted_.end()) defaulted_.push_back(id);
    return false;
  }

  Outcome eval(const Condition& c);
  Outcome eval_ratio(const Condition& c);
  Outcome eval_entitlement(const Condition& c);
  void amount(ojson& r, bool eligible_true, bool eligible_null);
  void refund_amount(ojson& r, bool compute);
  void duration(ojson& r, bool eligible_true);
  std::int64_t band_months(std::int64_t contribution_months) const;
  std::int64_t extension_months(std::int64_t remaining) const;

  const Request& req_;
  const Policy& pol_;
  const ProgramDef& prog_;
  Date as_of_;
  std::vector<std::string> defaulted_;
  std::vector<std::string> notes_;
};

Outcome Evaluator::eval(const Condition& c) {
  using K = Condition::Kind;
  switch (c.kind) {
    case K::kOneOf: {
      const FactValue* v = fact(c.fact);
      if (!v) return unknown(c, {c.fact});
      json as_json = def(c.fact).type == FactType::kEnum ? json(v->text) : json(v->number);
      bool in = std::find(c.values.begin(), c.values.end(), as_json) != c.values.end();
      return decided(in, c.text, {{"value", show(c.fact)}});
    }
    case K::kAtLeast: {
      std::optional<std::int64_t> v = number(c.fact);
      if (!v) return unknown(c, {c.fact});
      std::int64_t min = count(c.param);
      Outcome o = decided(*v >= min, c.text,
                          {{"value", std::to_string(*v)}, {"min", std::to_string(min)}, {"need", std::to_string(min - *v)}});
      if (!fact(c.fact)) o.text += "（未填写，按 0 计算）";
      if (!*o.passed && !c.whatif.empty()) {
        o.whatif.push_back(ojson{{"condition", c.id}, {"fact", c.fact}, {"min", min},
                                 {"text", fill(c.whatif, {{"need", std::to_string(min - *v)}, {"min", std::to_string(min)}})}});
      }
      return o;
    }
    case K::kBelow: {
      std::optional<std::int64_t> v = number(c.fact);
      if (!v) return unknown(c, {c.fact});
      std::int64_t max = count(c.param);
      Outcome o = decided(*v < max, c.text, {{"value", std::to_string(*v)}, {"max", std::to_string(max)}});
      if (!fact(c.fact)) o.text += "（未填写，按 0 计算）";
      return o;
    }
    case K::kDateOnOrAfter: {
      const FactValue* v = fact(c.fact);
      if (!v) return unknown(c, {c.fact});
      std::int64_t min = count(c.param);
      Date d{static_cast<int>(min / 10000), static_cast<int>(min / 100 % 100), static_cast<int>(min % 100)};
      return decided(v->date.ordinal() >= min, c.text, {{"value", v->date.zh()}, {"min", d.zh()}});
    }
    case K::kRatioAtMost: return eval_ratio(c);
    case K::kIsFalse:
    case K::kIsTrue: {
      std::optional<bool> f = flag(c.fact);
      if (!f) return unknown(c, {c.fact});
      bool passed = c.kind == K::kIsFalse ? !*f : *f;
      Outcome o = decided(passed, c.text, {});
      if (!fact(c.fact)) o.text += "（未填写，按“否”计算）";
      if (!passed && !c.whatif.empty()) {
        o.whatif.push_back(ojson{{"condition", c.id}, {"fact", c.fact}, {"text", c.whatif}});
      }
      return o;
    }
    case K::kLevelNotClaimed: {
      const FactValue* level = fact(c.fact);
      if (!level) return unknown(c, {c.fact});
      const FactValue* list = fact(c.fact2);
      bool clash = false;
      if (list) {
        for (auto l : list->levels) clash = clash || (c.mode == "same" ? l == level->number : l < level->number);
      }
      return decided(!clash, c.text, {{"value", show(c.fact)}, {"levels", list ? show(c.fact2) : "无"}});
    }
    case K::kAnyOf:
    case K::kAllOf: {
      bool any = c.kind == K::kAnyOf;
      std::vector<Outcome> subs;
      for (const auto& s : c.of) subs.push_back(eval(s));
      bool some_true = false, some_false = false, some_null = false;
      for (const auto& s : subs) {
        some_true = some_true || s.passed == true;
        some_false = some_false || s.passed == false;
        some_null = some_null || !s.passed;
      }
      std::optional<bool> passed;
      if (any ? some_true : some_false) passed = any;
      else if (!some_null) passed = !any;
      std::string detail;
      for (const auto& s : subs) {
        // name the branch that decided it, or every branch when none did
        if (!passed || s.passed == passed || (!any && !*passed && s.passed == false)) {
          detail += (detail.empty() ? "" : "；") + s.text;
          if (passed && any == *passed) break;
        }
      }
      Outcome o;
      o.passed = passed;
      if (passed) o.text = fill(*passed ? c.text.pass : c.text.fail, {{"detail", detail}});
      else o.text = c.text.unknown.empty() ? detail : fill(c.text.unknown, {{"detail", detail}});
      for (auto& s : subs) {
        for (auto& w : s.whatif) o.whatif.push_back(std::move(w));
      }
      return o;
    }
    case K::kEntitlementLeft: return eval_entitlement(c);
  }
  return {};
}

Outcome Evaluator::eval_ratio(const Condition& c) {
  const FactValue* num = fact(c.fact);
  const FactValue* den = fact(c.fact2);
  if (!num || !den) return unknown(c, {c.fact2, c.fact});
  bool small = !c.small_headcount_param.empty() && den->number <= count(c.small_headcount_param);
  const Rate& max = rate(small ? c.small_max_param : c.param);
  bool passed = ratio_at_most(num->number, den->number, max);
  std::int64_t limit = max_numerator(den->number, max);
  Outcome o = decided(passed, small ? c.small_text : c.text,
                      {{"ratio", percent_str(num->number, den->number)},
                       {"numerator", std::to_string(num->number)},
                       {"denominator", std::to_string(den->number)},
                       {"max", max.text},
                       {"limit", std::to_string(limit)},
                       {"headcount", small ? std::to_string(count(c.small_headcount_param)) : ""}});
  if (!passed && !c.whatif.empty()) {
    o.whatif.push_back(ojson{{"condition", c.id}, {"fact", c.fact}, {"max", limit},
                             {"text", fill(c.whatif, {{"limit", std::to_string(limit)}, {"max", max.text}})}});
  }
  return o;
}

std::int64_t Evaluator::band_months(std::int64_t months) const {
  std::int64_t out = 0;
  for (const auto& b : value(pol_.duration.bands_param).bands) {
    if (months >= b.from_months) out = b.months;
  }
  return out;
}

// Months still payable: what is left of the entitlement, plus the extension
// to retirement age where the policy has that rule (山东 (六)), which also
// applies to someone whose entitlement has just run out.
std::int64_t Evaluator::extension_months(std::int64_t remaining) const {
  if (pol_.duration.extension_within_param.empty()) return 0;
  const FactValue* to_retire = fact("months_to_retirement");
  if (!to_retire) return 0;
  std::int64_t gap = to_retire->number - remaining;  // months to retirement when the entitlement ends
  return gap > 0 && gap < count(pol_.duration.extension_within_param) ? gap : 0;
}

Outcome Evaluator::eval_entitlement(const Condition& c) {
  const FactValue* months = fact("contribution_months");
  if (!months) return unknown(c, {"contribution_months"});
  std::int64_t max = band_months(months->number);
  const FactValue* used = fact("benefit_months_used");
  std::int64_t u = used ? used->number : 0;
  std::int64_t remaining = std::max<std::int64_t>(0, max - u);
  std::int64_t extension = max > 0 ? extension_months(remaining) : 0;
  Outcome o = decided(remaining + extension > 0, c.text,
                      {{"max", std::to_string(max)}, {"used", std::to_string(u)}, {"left", std::to_string(remaining + extension)}});
  if (extension > 0) o.text += "（含延长至法定退休年龄的 " + std::to_string(extension) + " 个月）";
  return o;
}

void Evaluator::refund_amount(ojson& r, bool compute) {
  const AmountRule& a = pol_.amount;
  const FactValue* base_v = fact(a.base);
  const FactValue* unit_v = fact("unit_type");
  Fen base = base_v ? base_v->money : 0;
  for (const auto& e : a.exclude) {
    if (const FactValue* v = fact(e)) base -= v->money;
  }
  r["base_fen"] = base_v ? ojson(base) : ojson(nullptr);
  r["rate"] = nullptr;
  r["size_used"] = nullptr;
  r["size_source"] = nullptr;
  if (!unit_v) return;
  auto rit = a.rate_by_unit_type.find(unit_v->text);
  if (rit == a.rate_by_unit_type.end()) return;
  std::string param = rit->second;
  if (param == "by_size") {
    std::string size;
    if (const FactValue* s = fact("size")) {
      size = s->text;
      r["size_source"] = "fact";
    } else if (!a.derive_size_fact.empty() && fact(a.derive_size_fact)) {
      std::int64_t heads = fact(a.derive_size_fact)->number;
      std::int64_t large_at = count(a.derive_size_param);
      size = heads >= large_at ? "large" : "sme";
      r["size_source"] = "derived";
      notes_.push_back("未填写企业规模，按" + label(a.derive_size_fact) + " " + std::to_string(heads) + " 人（" +
                       std::to_string(large_at) + " 人及以上按大型企业）认定为" + (size == "large" ? "大型企业" : "中小微企业") +
                       cite_tag(a.derive_size_cite));
    }
    if (size.empty()) {
      // Both candidates, since the policy cannot tell the size (contract §4.1).
      if (compute && base_v) {
        Fen large = apply_rate(base, rate(a.rate_by_size.at("large")));
        Fen sme = apply_rate(base, rate(a.rate_by_size.at("sme")));
        r["candidates"] = ojson{{"large", large}, {"sme", sme}};
        notes_.push_back("未填写企业规模，本政策下也无法据已填信息推定：按大型企业可返还 " + yuan_str(large) + " 元（" +
                         rate(a.rate_by_size.at("large")).text + "），按中小微企业可返还 " + yuan_str(sme) + " 元（" +
                         rate(a.rate_by_size.at("sme")).text + "）。企业划型以经办机构认定为准。");
      }
      return;
    }
    r["size_used"] = size;
    param = a.rate_by_size.at(size);
  }
  const Param& p = *pol_.param(param);
  const Rate& rt = rate(param);
  r["rate"] = rt.text;
  if (p.cap) {
    r["amount_is_cap"] = true;
    notes_.push_back("返还比例 " + rt.text + " 是 " + pol_.param_set_by.at(param) +
                     " 规定的上限（不超过），实际比例由省级政策确定，金额为可能的最高额。");
  }
  if (!compute || !base_v) return;
  Fen amount = apply_rate(base, rt);
  r["amount_fen"] = amount;
  r["amount_yuan"] = yuan_str(amount);
  if (!a.pass_on.empty()) {
    if (const FactValue* v = fact(a.pass_on); v && v->money > 0) {
      Fen pass = apply_rate(v->money, rt);
      r["pass_on_fen"] = pass;
      notes_.push_back("其中 " + yuan_str(pass) + " 元对应派遣到其他用工单位的劳动者，须全额拨付给实际用工单位" + cite_tag(a.cite));
    }
  }
  for (const auto& e : a.exclude) {
    if (const FactValue* v = fact(e); v && v->money > 0) {
      notes_.push_back(label(e) + " " + yuan_str(v->money) + " 元不计入返还基数" + cite_tag(a.cite));
    }
  }
}

void Evaluator::duration(ojson& r, bool eligible_true) {
  const FactValue* months = fact("contribution_months");
  r["max_months"] = months ? ojson(band_months(months->number)) : ojson(nullptr);
  r["remaining_months"] = nullptr;
  r["extension_months"] = nullptr;
  r["total_months"] = nullptr;
  if (!months || !eligible_true) return;
  std::int64_t max = band_months(months->number);
  const FactValue* used = fact("benefit_months_used");
  std::int64_t remaining = std::max<std::int64_t>(0, max - (used ? used->number : 0));
  r["remaining_months"] = remaining;
  std::int64_t extension = extension_months(remaining);
  if (extension > 0) {
    notes_.push_back("领取期满时距法定退休年龄不足 " + std::to_string(count(pol_.duration.extension_within_param)) +
                     " 个月，可继续领取至法定退休年龄，共延长 " + std::to_string(extension) + " 个月" +
                     cite_tag(pol_.duration.extension_cite));
  }
  if (!pol_.duration.extension_within_param.empty()) r["extension_months"] = extension;
  r["total_months"] = remaining + extension;
}

void Evaluator::amount(ojson& r, bool eligible_true, bool eligible_null) {
  const AmountRule& a = pol_.amount;
  using K = AmountRule::Kind;
  r["amount_fen"] = eligible_true || eligible_null ? ojson(nullptr) : ojson(0);
  r["amount_yuan"] = eligible_true || eligible_null ? ojson(nullptr) : ojson("0.00");
  switch (a.kind) {
    case K::kPercentOfBase:
      refund_amount(r, eligible_true);
      break;
    case K::kTable: {
      const FactValue* v = fact(a.table_fact);
      auto it = v ? a.table.find(v->number) : a.table.end();
      if (it != a.table.end()) {
        const Param& p = *pol_.param(it->second);
        if (p.cap) {
          r["amount_is_cap"] = true;
          notes_.push_back("补贴标准 " + yuan_zh(value(it->second).money) + " 是 " + pol_.param_set_by.at(it->second) +
                           " 规定的上限（不超过），实际标准由省级政策确定。");
        }
        if (eligible_true) {
          r["amount_fen"] = value(it->second).money;
          r["amount_yuan"] = yuan_str(value(it->second).money);
        }
      }
      break;
    }
    case K::kContributionSplit: {
      const FactValue* base = fact(a.base);
      r["total_rate"] = rate(a.total_param).text;
      r["unit_rate"] = a.unit_param.empty() ? ojson(nullptr) : ojson(rate(a.unit_param).text);
      r["individual_rate"] = a.individual_param.empty() ? ojson(nullptr) : ojson(rate(a.individual_param).text);
      r["unit_fen"] = nullptr;
      r["individual_fen"] = nullptr;
      if (!base || !eligible_true) break;
      Fen total = 0;
      if (a.unit_param.empty()) {
        total = apply_rate(base->money, rate(a.total_param));
        notes_.push_back("单位和个人各自的费率由各省确定，这里只按总费率 " + rate(a.total_param).text + " 计算合计" + cite_tag(a.cite));
      } else {
        Fen unit = apply_rate(base->money, rate(a.unit_param));
        Fen individual = apply_rate(base->money, rate(a.individual_param));
        r["unit_fen"] = unit;
        r["individual_fen"] = individual;
        total = unit + individual;
      }
      r["amount_fen"] = total;
      r["amount_yuan"] = yuan_str(total);
      break;
    }
    case K::kLocal:
      if (eligible_true) {
        r["amount_fen"] = nullptr;
        r["amount_yuan"] = nullptr;
      }
      if (!eligible_true && !eligible_null) break;
      notes_.push_back(a.text + cite_tag(a.cite));
      break;
    case K::kNone:
      break;
  }
  if (!pol_.duration.bands_param.empty()) duration(r, eligible_true);
}

ojson Evaluator::run() {
  ojson conditions = ojson::array();
  ojson whatif = ojson::array();
  bool any_false = false, any_null = false;
  for (const auto& c : pol_.conditions) {
    Outcome o = eval(c);
    any_false = any_false || o.passed == false;
    any_null = any_null || !o.passed;
    conditions.push_back(ojson{{"id", c.id},
                               {"passed", o.passed ? ojson(*o.passed) : ojson(nullptr)},
                               {"text", o.text},
                               {"cite", cite_json(c.cite)}});
    for (auto& w : o.whatif) whatif.push_back(std::move(w));
  }
  // Facts still needed, in asking order; a flag fact that gates another is
  // asked before it, and the gated one only when the flag is yes.
  ojson missing = ojson::array(), optional_missing = ojson::array();
  bool required_missing = false;
  for (const auto& id : pol_.used_facts) {
    if (fact(id)) continue;
    const FactDef& d = def(id);
    if (d.required) {
      required_missing = true;
      missing.push_back(id);
      continue;
    }
    bool gated_off = false;
    for (const auto& rule : prog_.consistency) {
      if (rule.kind == ConsistencyRule::Kind::kRequiresTrue && rule.fact == id) {
        const FactValue* g = fact(rule.other);
        gated_off = !g || !g->flag;
      }
    }
    bool irrelevant_size = false;
    if ((id == "size" || id == pol_.amount.derive_size_fact) && pol_.amount.kind == AmountRule::Kind::kPercentOfBase) {
      const FactValue* unit = fact("unit_type");
      auto it = unit ? pol_.amount.rate_by_unit_type.find(unit->text) : pol_.amount.rate_by_unit_type.end();
      irrelevant_size = (unit && it != pol_.amount.rate_by_unit_type.end() && it->second != "by_size") ||
                        (id != "size" && fact("size"));
    }
    if (!gated_off && !irrelevant_size) optional_missing.push_back(id);
  }
  bool eligible_false = any_false;
  bool eligible_null = !eligible_false && (any_null || required_missing);
  bool eligible_true = !eligible_false && !eligible_null;

  ojson r;
  r["ok"] = true;
  r["program"] = prog_.id;
  ojson pj = policy_json(pol_);
  bool in_force = pol_.in_force(req_.date);
  pj["in_force"] = in_force;
  r["policy"] = pj;
  r["eligible"] = eligible_true ? ojson(true) : eligible_false ? ojson(false) : ojson(nullptr);
  r["amount_fen"] = nullptr;
  r["amount_yuan"] = nullptr;
  amount(r, eligible_true, eligible_null);
  if (!r.contains("amount_is_cap")) r["amount_is_cap"] = false;

  if (eligible_false) {
    missing = ojson::array();
    optional_missing = ojson::array();
  }
  r["conditions"] = conditions;
  r["missing"] = missing;
  r["optional_missing"] = optional_missing;
  r["whatif"] = whatif;

  ojson notes = ojson::array();
  if (pol_.doc->draft) {
    notes.push_back("“" + pol_.doc->doc_no + "”是征求意见稿，不是已正式施行的政策，结果只能作参考。");
  }
  if (!in_force) {
    notes.push_back("所选政策的有效期是 " + pol_.valid_from.zh() + " 至 " + (pol_.valid_to ? pol_.valid_to->zh() : "长期") +
                    "，测算日期 " + req_.date.zh() + " 不在其中；以下按该政策的规定测算，仅供参考。");
  }
  if (pol_.doc->region != "000000" && req_.region.compare(0, 2, pol_.doc->region, 0, 2) != 0) {
    notes.push_back("所选政策适用于地区 " + pol_.doc->region + "，与所填地区 " + req_.region + " 不同。");
  }
  for (auto& n : notes_) notes.push_back(std::move(n));
  std::string unused;
  for (const auto& [id, v] : req_.facts) {
    if (std::find(pol_.used_facts.begin(), pol_.used_facts.end(), id) == pol_.used_facts.end()) {
      unused += (unused.empty() ? "" : "、") + label(id);
    }
  }
  if (!unused.empty()) notes.push_back("本政策不考虑以下已填写的情况：" + unused + "。");
  if (!defaulted_.empty()) {
    std::string list;
    for (const auto& id : defaulted_) list += (list.empty() ? "" : "、") + label(id);
    notes.push_back("以下情况没有填写，已按“否”计算：" + list + "。如有其中情况，结果会不同。");
  }
  for (const auto& n : pol_.notes) notes.push_back(n.text + cite_tag(n.cite));
  notes.push_back("测算结果仅供参考，以当地经办机构核定为准。");
  r["notes"] = notes;
  return r;
}

}  // namespace

ojson cite_json(const Cite& c) {
  ojson j{{"doc_no", c.doc_no}, {"clause", c.clause}, {"quote", c.quote}};
  if (!c.basis.empty()) j["basis"] = c.basis;
  return j;
}

ojson policy_json(const Policy& p) {
  ojson chain = ojson::array();
  for (const Document* d : p.chain) chain.push_back(d->doc_no);
  return ojson{{"id", p.doc->id},
               {"doc_no", p.doc->doc_no},
               {"title", p.doc->title},
               {"issuer", p.doc->issuer},
               {"region", p.doc->region},
               {"valid_from", p.valid_from.str()},
               {"valid_to", p.valid_to ? ojson(date_str(p.valid_to)) : ojson(nullptr)},
               {"draft", p.doc->draft},
               {"chain", chain}};
}

std::map<std::string, Cite> fact_citations(const Policy& p) {
  std::map<std::string, Cite> out;
  std::function<void(const Condition&, const Cite&)> walk = [&](const Condition& c, const Cite& cite) {
    for (const auto& f : {c.fact, c.fact2}) {
      if (!f.empty() && !out.count(f)) out[f] = cite;
    }
    for (const auto& s : c.of) walk(s, cite);
  };
  for (const auto& c : p.conditions) walk(c, c.cite);
  if (p.conditions.size() && p.duration.bands_param.size()) {
    for (const auto& c : p.conditions) {
      if (c.kind == Condition::Kind::kEntitlementLeft && !out.count("benefit_months_used")) out["benefit_months_used"] = c.cite;
    }
  }
  for (const auto& f : p.used_facts) {
    if (out.count(f)) continue;
    if (f == "months_to_retirement") out[f] = p.duration.extension_cite;
    else if (f == p.amount.derive_size_fact) out[f] = p.amount.derive_size_cite;
    else out[f] = p.amount.cite;
  }
  return out;
}

ojson evaluate(const Request& req, const Policy& policy) { return Evaluator(req, policy).run(); }

}  // namespace uie
