#include "pack/resolve.h"

#include <algorithm>
#include <functional>

#include "base/json_out.h"
#include "kinds/kind.h"
#include "pack/conditions.h"
#include "render/static_json.h"

namespace uie {

// ---------------------------------------------------------------- Resolver

Reporter& Resolver::reporter(const Origin& at) { return *reporters_.at(at.file); }

void Resolver::issue(const Origin& at, const char* code, const std::string& suffix, const std::string& message) {
  reporter(at).issue(code, at.pointer + suffix, message);
}

void Resolver::use(int fact) {
  if (fact < 0) return;
  auto& used = policy_.used_facts;
  if (std::find(used.begin(), used.end(), fact) == used.end()) used.push_back(fact);
}

int Resolver::fact(const std::string& name, const Origin& at, const std::string& suffix,
                   std::initializer_list<FactType> types) {
  if (name.empty()) return -1;
  const FactDef* f = program_.fact(name);
  if (!f) {
    issue(at, issue::kUnknownFact, suffix, "引用了项目“" + program_.id + "”中没有的事实“" + name + "”");
    return -1;
  }
  if (types.size() && std::find(types.begin(), types.end(), f->type) == types.end()) {
    std::string allowed;
    for (FactType t : types) allowed += (allowed.empty() ? "" : " 或 ") + std::string(fact_type_name(t));
    issue(at, issue::kFactType, suffix,
          "事实“" + name + "”是 " + fact_type_name(f->type) + " 类型，这里需要 " + allowed + " 类型");
    return -1;
  }
  use(f->index);
  return f->index;
}

std::string Resolver::name(const RawCondition& c, const char* key) {
  auto it = c.names.find(key);
  return it == c.names.end() ? "" : it->second;
}

int Resolver::fact(const RawCondition& c, const char* key, std::initializer_list<FactType> types) {
  std::string n = name(c, key);
  if (n.empty()) {
    issue(c.at, issue::kMissing, std::string("/") + key, std::string("缺少“") + key + "”");
    return -1;
  }
  return fact(n, c.at, std::string("/") + key, types);
}

const Param* Resolver::param(const std::string& id, const Origin& at, const std::string& suffix, ParamType type) {
  if (id.empty()) return nullptr;
  const Param* p = policy_.param(id);
  if (!p) {
    issue(at, issue::kUnknownParam, suffix, "引用了未定义的参数“" + id + "”");
    return nullptr;
  }
  if (p->type != type) {
    issue(at, issue::kParamType, suffix,
          "参数“" + id + "”的类型不对：这里需要 " + param_type_name(type) + "，它是 " + param_type_name(p->type));
    return nullptr;
  }
  return p;
}

const Param* Resolver::param(const RawCondition& c, const char* key, ParamType type) {
  std::string n = name(c, key);
  if (n.empty()) {
    issue(c.at, issue::kMissing, std::string("/") + key, std::string("缺少“") + key + "”");
    return nullptr;
  }
  return param(n, c.at, std::string("/") + key, type);
}

const Cite* Resolver::cite(const RawCite& raw) {
  for (const auto& c : cites_) {
    if (c.doc_no == raw.doc_no && c.clause == raw.clause && c.quote == raw.quote && c.basis == raw.basis) return &c;
  }
  Cite c{raw.doc_no, raw.clause, raw.quote, raw.basis, "", ""};
  finish_cite(c);
  cites_.push_back(std::move(c));
  return &cites_.back();
}

std::shared_ptr<const Note> Resolver::note(const std::string& zh, const std::string& en) {
  auto key = std::make_pair(zh + '\n' + en, static_cast<const void*>(nullptr));
  if (auto it = notes_.find(key); it != notes_.end()) return it->second;
  auto n = std::make_shared<Note>(Note{zh, en, "", ""});
  finish_note(*n);
  notes_.emplace(std::move(key), n);
  return n;
}

Template Resolver::sentence(const std::string& text, const std::vector<std::string_view>& slots, const Origin& at,
                            const std::string& suffix) {
  auto key = std::make_pair(text, static_cast<const void*>(&slots));
  if (auto it = sentences_.find(key); it != sentences_.end()) return it->second;
  bool clean = true;
  Template t = Template::parse(text, slots, [&](std::string_view name) {
    clean = false;
    issue(at, issue::kPlaceholder, suffix, "这句话不能用占位符 {" + std::string(name) + "}");
  });
  if (clean) sentences_.emplace(std::move(key), t);  // a faulty one is parsed (and reported) wherever it stands
  return t;
}

// ---------------------------------------------------------------- sections

namespace {

ParamCase resolve_case(const RawCase& raw, Resolver& r) {
  ParamCase c;
  c.value = raw.value;
  c.fact = r.fact(raw.fact, raw.at, "/fact", {FactType::kBool, FactType::kEnum});
  if (c.fact >= 0) {
    const FactDef& f = r.program().facts[static_cast<std::size_t>(c.fact)];
    c.is_bool = f.type == FactType::kBool;
    if (c.is_bool != (raw.equals.kind == RawScalar::Kind::kBool)) {
      r.issue(raw.at, issue::kValue, "/equals", "equals 与事实“" + f.id + "”的类型不一致");
    } else if (c.is_bool) {
      c.equals_bool = raw.equals.flag;
    } else {
      for (std::size_t o = 0; o < f.options.size(); ++o) {
        if (f.options[o].text == raw.equals.text) c.equals_option = static_cast<int>(o);
      }
      if (c.equals_option < 0) r.issue(raw.at, issue::kValue, "/equals", "“" + raw.equals.text + "”不是事实“" + f.id + "”的选项");
    }
  }
  if (raw.cite) c.cite = r.cite(*raw.cite);
  c.where_adopted = raw.where_adopted;
  if (c.where_adopted && !c.is_bool) r.issue(raw.at, issue::kValue, "/where_adopted", "where_adopted 只用于 yes/no 事实的情形");
  static const std::vector<std::string_view> value = {"value"};
  if (!raw.whatif.empty()) c.whatif.zh = r.sentence(raw.whatif, value, raw.at, "/whatif");
  if (!raw.whatif_en.empty()) c.whatif.en = r.sentence(raw.whatif_en, value, raw.at, "/whatif_en");
  return c;
}

void resolve_params(const RawSection& s, Resolver& r) {
  Policy& pol = r.policy();
  for (const auto& raw : s.params) {
    auto p = std::make_unique<Param>();
    p->id = raw.id;
    p->type = raw.type;
    p->cap = raw.cap;
    for (const auto& rv : raw.values) {
      ParamValue v;
      v.from = rv.from;
      v.value = rv.value;
      v.cite = r.cite(rv.cite);
      p->values.push_back(std::move(v));
    }
    p->set_by = p->values.empty() ? pol.doc->doc_no : p->values.back().cite->doc_no;
    pol.params.push_back(std::move(p));
  }
  // Cases name facts: bound once every parameter exists.
  for (std::size_t i = 0; i < s.params.size(); ++i) {
    for (std::size_t k = 0; k < s.params[i].values.size(); ++k) {
      for (const auto& rc : s.params[i].values[k].when) {
        pol.params[i]->values[k].when.push_back(resolve_case(rc, r));
      }
    }
  }
}

// A derivation applies where its fact is used by a rule of the policy (the
// months to retirement, by the extension); elsewhere its inputs would only be
// asked for nothing. So this runs after the rules are resolved.
void resolve_derivations(const RawSection& s, Resolver& r) {
  Policy& pol = r.policy();
  for (const auto& raw : s.derive) {
    const FactDef* target = r.program().fact(raw.fact);
    if (target && !pol.uses(target->index)) continue;
    Derivation d;
    d.id = raw.id;
    d.exact = raw.exact;
    d.cite = r.cite(raw.cite);
    if (raw.kind == "at_least") {
      d.kind = Derivation::Kind::kAtLeast;
      d.fact = r.fact(raw.fact, raw.at, "/fact", {FactType::kEnum});
      d.from = r.fact(raw.from, raw.at, "/from", {FactType::kCount, FactType::kInteger});
      d.param = r.param(raw.param, raw.at, "/min", ParamType::kCount);
      if (d.fact >= 0) {
        const FactDef& f = r.program().facts[static_cast<std::size_t>(d.fact)];
        for (std::size_t o = 0; o < f.options.size(); ++o) {
          if (f.options[o].text == raw.then_value) d.then_option = static_cast<int>(o);
          if (f.options[o].text == raw.else_value) d.else_option = static_cast<int>(o);
        }
        if (d.then_option < 0 || d.else_option < 0) r.issue(raw.at, issue::kValue, "", "then / else 应为事实“" + f.id + "”的选项");
      }
    } else if (raw.kind == "by_option") {
      d.kind = Derivation::Kind::kByOption;
      d.fact = r.fact(raw.fact, raw.at, "/fact", {FactType::kBool});
      d.from = r.fact(raw.from, raw.at, "/from", {FactType::kEnum});
      if (d.from >= 0) {
        const FactDef& f = r.program().facts[static_cast<std::size_t>(d.from)];
        d.option_values.assign(f.options.size(), -1);
        for (const auto& [value, flag] : raw.values) {
          int o = -1;
          for (std::size_t k = 0; k < f.options.size(); ++k) {
            if (f.options[k].text == value) o = static_cast<int>(k);
          }
          if (o < 0) r.issue(raw.at, issue::kValue, "/values/" + value, "“" + value + "”不是事实“" + f.id + "”的选项");
          else d.option_values[static_cast<std::size_t>(o)] = flag.flag ? 1 : 0;
        }
      }
    } else if (raw.kind == "retirement_age") {
      d.kind = Derivation::Kind::kRetirementAge;
      d.fact = r.fact(raw.fact, raw.at, "/fact", {FactType::kInteger});
      d.from = r.fact(raw.from, raw.at, "/birth", {FactType::kMonth});
      d.from2 = r.fact(raw.from2, raw.at, "/group", {FactType::kEnum});
      d.param = r.param(raw.param, raw.at, "/schedule", ParamType::kRetirement);
    } else {
      continue;
    }
    pol.derivations.push_back(std::move(d));
  }
}

void resolve_validity(const RawSection& s, Resolver& r) {
  Policy& pol = r.policy();
  if (!s.valid_from) r.issue(s.at, issue::kMissing, "/valid_from", "缺少“valid_from”");
  else pol.valid_from = *s.valid_from;
  if (s.valid_to && *s.valid_to) pol.valid_to = **s.valid_to;
  if (pol.valid_to && *pol.valid_to < pol.valid_from) r.issue(s.at, issue::kConflict, "/valid_to", "失效日期早于生效日期");
  if (!s.validity_cite) r.issue(s.at, issue::kCite, "/validity_cite", "缺少有效期的出处");
}

void resolve_notes(const RawSection& s, Resolver& r) {
  for (const auto& raw : s.notes) {
    const Cite* c = r.cite(raw.cite);
    r.policy().notes.push_back(r.note(raw.text + c->tag, (raw.text_en.empty() ? raw.text : raw.text_en) + c->tag));
  }
}

// For each fact the policy asks, the citation shown beside the question: that
// of the first condition that reads it, else of the rule that uses it (the
// part of the amount it is, a derivation, the extension); a yes/no flag that
// a fact needs (labor_dispatch for the dispatch parts) takes that fact's.
void fact_cites(Resolver& r) {
  Policy& pol = r.policy();
  pol.fact_cites.assign(r.program().facts.size(), nullptr);
  auto set = [&](int f, const Cite* c) {
    if (f >= 0 && !pol.fact_cites[static_cast<std::size_t>(f)]) pol.fact_cites[static_cast<std::size_t>(f)] = c;
  };
  std::function<void(const Condition&, const Cite*)> walk = [&](const Condition& c, const Cite* cite) {
    set(c.fact, cite);
    set(c.fact2, cite);
    for (const auto& s : c.of) walk(s, cite);
  };
  for (const auto& c : pol.conditions) walk(c, c.cite);
  if (!pol.conditions.empty() && pol.duration.bands) {
    for (const auto& c : pol.conditions) {
      // A condition whose kind is missing or unknown has been reported (unknown_kind) and has none.
      if (c.kind && std::string(c.kind->name) == "entitlement_left") set(pol.duration.months_used, c.cite);
    }
  }
  const AmountRule& a = pol.amount;
  for (int f : pol.used_facts) {
    if (f == pol.duration.months_to_retirement && pol.duration.extension_cite) set(f, pol.duration.extension_cite);
    for (const auto& d : pol.derivations) {
      if (f == d.from || f == d.from2) set(f, d.cite);
    }
    for (int e : a.exclude) {
      if (f == e) set(f, a.exclude_cite);
    }
    if (f == a.pass_on) set(f, a.pass_on_cite);
  }
  for (const auto& rule : r.program().consistency) {
    if (rule.kind == ConsistencyRule::Kind::kRequiresTrue && rule.fact >= 0 && pol.uses(rule.fact)) {
      set(rule.other, pol.fact_cites[static_cast<std::size_t>(rule.fact)]);
    }
  }
  for (int f : pol.used_facts) set(f, a.cite);
}

void optional_facts(Resolver& r) {
  Policy& pol = r.policy();
  const AmountRule& a = pol.amount;
  for (int f : pol.used_facts) {
    if (r.program().facts[static_cast<std::size_t>(f)].required || !pol.asks(f)) continue;
    Policy::OptionalFact o;
    o.fact = f;
    for (const auto& rule : r.program().consistency) {
      if (rule.kind == ConsistencyRule::Kind::kRequiresTrue && rule.fact == f) o.gate = rule.other;
    }
    if (a.kind == AmountRule::Kind::kPercentOfBase) {
      if (f == a.size_fact) o.size = Policy::OptionalFact::Size::kSize;
      for (const auto& d : pol.derivations) {
        if (d.fact == a.size_fact && f == d.from) o.size = Policy::OptionalFact::Size::kSizeSource;
      }
    }
    pol.optional_facts.push_back(o);
  }
}

}  // namespace

void resolve_section(const RawSection& s, Resolver& r) {
  Policy& pol = r.policy();
  resolve_params(s, r);
  resolve_validity(s, r);
  if (s.duration) resolve_duration(*s.duration, r);
  for (std::size_t i = 0; i < s.conditions.size(); ++i) {
    pol.conditions.push_back(compile_condition(s.conditions[i], r, false));
    const Condition& c = pol.conditions.back();
    // Each condition has a name of its own: a batch counts the units that
    // fail it under that name (批量筛查's bars and filter).
    if (c.kind && c.label.empty()) {
      r.issue(s.conditions[i].at, issue::kMissing, "/label", "条件没有名称：它不只读一个事实，请写 label（批量筛查按名称统计未通过的单位）");
    }
    for (std::size_t k = 0; k < i; ++k) {
      if (!s.conditions[i].id.empty() && s.conditions[k].id == s.conditions[i].id) {
        r.issue(s.conditions[i].at, issue::kDuplicate, "", "条件 id 重复");
      } else if (!c.label.empty() && pol.conditions[k].label == c.label) {
        r.issue(s.conditions[i].at, issue::kDuplicateLabel, "/label",
                "条件名称“" + c.label + "”与条件 " + pol.conditions[k].id + " 相同：请写各自的 label（批量筛查按名称统计未通过的单位）");
      }
    }
  }
  if (s.amount) resolve_amount(*s.amount, r);
  else r.issue(s.at, issue::kMissing, "/amount", "缺少金额规则（没有金额时写 kind: local 并说明由哪个文件规定）");
  resolve_derivations(s, r);
  resolve_notes(s, r);
  // A fact that only counts when a yes/no flag is set (派遣 amounts need
  // labor_dispatch) brings its flag along, so the flag is asked first.
  for (const auto& rule : r.program().consistency) {
    if (rule.kind == ConsistencyRule::Kind::kRequiresTrue && pol.uses(rule.fact)) r.use(rule.other);
  }
  std::function<std::size_t(const Condition&)> count = [&](const Condition& c) {
    std::size_t n = 1;
    for (const auto& sub : c.of) n += count(sub);
    return n;
  };
  for (const auto& c : pol.conditions) pol.condition_count += count(c);
  // Ask the facts in the program's order, not the order rules mention them.
  std::sort(pol.used_facts.begin(), pol.used_facts.end());
  optional_facts(r);
  fact_cites(r);
}

}  // namespace uie
