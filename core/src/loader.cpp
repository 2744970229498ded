#include "loader.h"

#include <algorithm>
#include <set>

namespace uie {
namespace {

// Packs are trusted more than requests, but a policy analyst edits them by
// hand: generous limits, and every problem named by file and pointer.
constexpr std::size_t kMaxPackBytes = 4 * 1024 * 1024;
constexpr int kMaxPackDepth = 32;

// Collects issues for one file.
struct Reporter {
  std::string file;
  std::vector<LoadIssue>* issues;
  bool bad = false;
  void issue(const std::string& pointer, const std::string& message) {
    issues->push_back(LoadIssue{file, pointer, message});
    bad = true;
  }
};

std::string ptr(const std::string& base, const std::string& key) { return base + "/" + pointer_token(key); }
std::string ptr(const std::string& base, std::size_t index) { return base + "/" + std::to_string(index); }

// Rejects keys not in `allowed`: a misspelt key in a rule file must not be
// silently ignored any more than in a request.
void check_keys(const json& j, std::initializer_list<const char*> allowed, const std::string& at, Reporter& r) {
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (it.key() == "$file" || it.key() == "$at") continue;  // origin annotations, see annotate()
    bool known = false;
    for (const char* a : allowed) known = known || it.key() == a;
    if (!known) r.issue(ptr(at, it.key()), "未知的键“" + it.key() + "”");
  }
}

bool need_object(const json& j, const std::string& at, Reporter& r) {
  if (!j.is_object()) r.issue(at, "应为对象");
  return j.is_object();
}

std::string get_string(const json& j, const char* key, const std::string& at, Reporter& r, bool required = true) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) {
    if (required) r.issue(ptr(at, key), std::string("缺少“") + key + "”");
    return "";
  }
  if (!it->is_string() || it->get_ref<const std::string&>().empty()) {
    r.issue(ptr(at, key), std::string("“") + key + "”应为非空字符串");
    return "";
  }
  return it->get<std::string>();
}

bool get_bool(const json& j, const char* key, const std::string& at, Reporter& r, bool fallback) {
  auto it = j.find(key);
  if (it == j.end()) return fallback;
  if (!it->is_boolean()) {
    r.issue(ptr(at, key), std::string("“") + key + "”应为 true 或 false");
    return fallback;
  }
  return it->get<bool>();
}

std::optional<Date> get_date(const json& j, const char* key, const std::string& at, Reporter& r, bool required) {
  std::string s = get_string(j, key, at, r, required);
  if (s.empty()) return std::nullopt;
  auto d = Date::parse(s);
  if (!d) r.issue(ptr(at, key), "日期“" + s + "”不是有效的 YYYY-MM-DD 日期");
  return d;
}

std::optional<std::int64_t> get_int(const json& j, const char* key, const std::string& at, Reporter& r) {
  auto it = j.find(key);
  if (it == j.end()) return std::nullopt;
  if (!it->is_number_integer()) {
    r.issue(ptr(at, key), std::string("“") + key + "”应为整数");
    return std::nullopt;
  }
  return it->get<std::int64_t>();
}

std::vector<std::string> get_string_list(const json& j, const char* key, const std::string& at, Reporter& r) {
  std::vector<std::string> out;
  auto it = j.find(key);
  if (it == j.end()) return out;
  if (!it->is_array()) {
    r.issue(ptr(at, key), std::string("“") + key + "”应为字符串数组");
    return out;
  }
  for (std::size_t i = 0; i < it->size(); ++i) {
    const json& v = (*it)[i];
    if (!v.is_string()) r.issue(ptr(ptr(at, key), i), "应为字符串");
    else out.push_back(v.get<std::string>());
  }
  return out;
}

Cite read_cite(const json& j, const std::string& at, Reporter& r) {
  Cite c;
  if (!need_object(j, at, r)) return c;
  check_keys(j, {"doc_no", "clause", "quote", "basis"}, at, r);
  c.doc_no = get_string(j, "doc_no", at, r);
  c.clause = get_string(j, "clause", at, r);
  c.quote = get_string(j, "quote", at, r);
  c.basis = get_string(j, "basis", at, r, false);
  return c;
}

Cite need_cite(const json& j, const std::string& at, Reporter& r) {
  auto it = j.find("cite");
  if (it == j.end()) {
    r.issue(ptr(at, "cite"), "缺少出处（cite：文号、条款、原文）");
    return {};
  }
  return read_cite(*it, ptr(at, "cite"), r);
}

// ---------------------------------------------------------------- programs

std::optional<FactType> fact_type(const std::string& s) {
  if (s == "enum") return FactType::kEnum;
  if (s == "count") return FactType::kCount;
  if (s == "integer") return FactType::kInteger;
  if (s == "money") return FactType::kMoney;
  if (s == "bool") return FactType::kBool;
  if (s == "date") return FactType::kDate;
  if (s == "string") return FactType::kString;
  if (s == "level_list") return FactType::kLevelList;
  return std::nullopt;
}

void load_programs(const json& doc, Reporter& r, RuleSet& rs) {
  check_keys(doc, {"kind", "format", "comment", "programs"}, "", r);
  auto it = doc.find("programs");
  if (it == doc.end() || !it->is_array()) {
    r.issue("/programs", "应为数组");
    return;
  }
  for (std::size_t i = 0; i < it->size(); ++i) {
    const json& pj = (*it)[i];
    std::string at = ptr("/programs", i);
    if (!need_object(pj, at, r)) continue;
    check_keys(pj, {"id", "title", "title_en", "audience", "facts", "consistency", "comment"}, at, r);
    ProgramDef p;
    p.id = get_string(pj, "id", at, r);
    p.title = get_string(pj, "title", at, r);
    p.title_en = get_string(pj, "title_en", at, r);
    p.audience = get_string(pj, "audience", at, r);
    if (rs.program(p.id)) r.issue(ptr(at, "id"), "项目“" + p.id + "”重复定义");
    auto fit = pj.find("facts");
    if (fit == pj.end() || !fit->is_array()) {
      r.issue(ptr(at, "facts"), "应为数组");
      continue;
    }
    for (std::size_t k = 0; k < fit->size(); ++k) {
      const json& fj = (*fit)[k];
      std::string fat = ptr(ptr(at, "facts"), k);
      if (!need_object(fj, fat, r)) continue;
      check_keys(fj, {"id", "type", "required", "label", "label_en", "unit", "help", "options", "min", "max"}, fat, r);
      FactDef f;
      f.id = get_string(fj, "id", fat, r);
      std::string type = get_string(fj, "type", fat, r);
      if (auto t = fact_type(type)) f.type = *t;
      else if (!type.empty()) r.issue(ptr(fat, "type"), "未知的事实类型“" + type + "”");
      f.required = get_bool(fj, "required", fat, r, false);
      f.label = get_string(fj, "label", fat, r);
      f.label_en = get_string(fj, "label_en", fat, r);
      f.unit = get_string(fj, "unit", fat, r, false);
      f.help = get_string(fj, "help", fat, r, false);
      f.min = get_int(fj, "min", fat, r);
      f.max = get_int(fj, "max", fat, r);
      if (auto oit = fj.find("options"); oit != fj.end()) {
        if (!oit->is_array()) r.issue(ptr(fat, "options"), "应为数组");
        else {
          for (std::size_t o = 0; o < oit->size(); ++o) {
            const json& oj = (*oit)[o];
            std::string oat = ptr(ptr(fat, "options"), o);
            if (!need_object(oj, oat, r)) continue;
            check_keys(oj, {"value", "label", "label_en"}, oat, r);
            Option opt;
            auto v = oj.find("value");
            if (v == oj.end() || !(v->is_string() || v->is_number_integer())) r.issue(ptr(oat, "value"), "应为字符串或整数");
            else opt.value = *v;
            opt.label = get_string(oj, "label", oat, r);
            opt.label_en = get_string(oj, "label_en", oat, r);
            f.options.push_back(std::move(opt));
          }
        }
      }
      if (f.type == FactType::kEnum && f.options.empty()) r.issue(fat, "枚举事实必须列出 options");
      for (const auto& o : f.options) {
        bool fits = f.type == FactType::kEnum ? o.value.is_string() : o.value.is_number_integer();
        if (!fits || (f.type != FactType::kEnum && f.type != FactType::kInteger && f.type != FactType::kCount)) {
          r.issue(ptr(fat, "options"), "选项的值应与事实类型一致（enum 用字符串，integer/count 用整数）");
          break;
        }
      }
      if (p.fact(f.id)) r.issue(ptr(fat, "id"), "事实“" + f.id + "”重复定义");
      p.facts.push_back(std::move(f));
    }
    if (auto cit = pj.find("consistency"); cit != pj.end()) {
      if (!cit->is_array()) r.issue(ptr(at, "consistency"), "应为数组");
      else {
        for (std::size_t k = 0; k < cit->size(); ++k) {
          const json& cj = (*cit)[k];
          std::string cat = ptr(ptr(at, "consistency"), k);
          if (!need_object(cj, cat, r)) continue;
          check_keys(cj, {"kind", "fact", "facts", "than", "flag", "other", "min", "message"}, cat, r);
          ConsistencyRule c;
          std::string kind = get_string(cj, "kind", cat, r);
          c.message = get_string(cj, "message", cat, r);
          c.facts = get_string_list(cj, "facts", cat, r);
          c.min = get_int(cj, "min", cat, r).value_or(0);
          std::vector<std::string> refs;
          if (kind == "not_greater") {
            c.kind = ConsistencyRule::Kind::kNotGreater;
            c.fact = get_string(cj, "fact", cat, r);
            c.other = get_string(cj, "than", cat, r);
            refs = {c.fact, c.other};
          } else if (kind == "sum_not_greater") {
            c.kind = ConsistencyRule::Kind::kSumNotGreater;
            c.other = get_string(cj, "than", cat, r);
            c.fact = c.facts.empty() ? "" : c.facts.back();
            refs = c.facts;
            refs.push_back(c.other);
          } else if (kind == "requires_true") {
            c.kind = ConsistencyRule::Kind::kRequiresTrue;
            c.fact = get_string(cj, "fact", cat, r);
            c.other = get_string(cj, "flag", cat, r);
            refs = {c.fact, c.other};
          } else if (kind == "not_after_request_date") {
            c.kind = ConsistencyRule::Kind::kNotAfterRequestDate;
            c.fact = get_string(cj, "fact", cat, r);
            refs = {c.fact};
          } else if (kind == "true_requires_at_least") {
            c.kind = ConsistencyRule::Kind::kTrueRequiresAtLeast;
            c.fact = get_string(cj, "fact", cat, r);
            c.other = get_string(cj, "other", cat, r);
            refs = {c.fact, c.other};
          } else {
            r.issue(ptr(cat, "kind"), "未知的一致性规则“" + kind + "”");
          }
          for (const auto& ref : refs) {
            if (!ref.empty() && !p.fact(ref)) r.issue(cat, "一致性规则引用了未定义的事实“" + ref + "”");
          }
          p.consistency.push_back(std::move(c));
        }
      }
    }
    rs.programs.push_back(std::move(p));
  }
}

void load_regions(const json& doc, Reporter& r, RuleSet& rs) {
  check_keys(doc, {"kind", "format", "comment", "regions"}, "", r);
  auto it = doc.find("regions");
  if (it == doc.end() || !it->is_array()) {
    r.issue("/regions", "应为数组");
    return;
  }
  auto read_one = [&](const json& j, const std::string& at, RegionInfo& out) {
    if (!need_object(j, at, r)) return false;
    check_keys(j, {"code", "name", "name_en", "prefectures"}, at, r);
    out.code = get_string(j, "code", at, r);
    out.name = get_string(j, "name", at, r);
    out.name_en = get_string(j, "name_en", at, r);
    bool six = out.code.size() == 6 && std::all_of(out.code.begin(), out.code.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!six) r.issue(ptr(at, "code"), "地区代码应为六位数字");
    return six;
  };
  for (std::size_t i = 0; i < it->size(); ++i) {
    std::string at = ptr("/regions", i);
    RegionInfo info;
    if (!read_one((*it)[i], at, info)) continue;
    if (auto pit = (*it)[i].find("prefectures"); pit != (*it)[i].end()) {
      if (!pit->is_array()) r.issue(ptr(at, "prefectures"), "应为数组");
      else {
        for (std::size_t k = 0; k < pit->size(); ++k) {
          RegionInfo pref;
          if (read_one((*pit)[k], ptr(ptr(at, "prefectures"), k), pref)) info.prefectures.push_back(std::move(pref));
        }
      }
    }
    rs.regions.push_back(std::move(info));
  }
}

// ---------------------------------------------------------------- policies

struct RawPack {
  std::unique_ptr<Document> doc;
  json programs;           // program id -> own section (doc_no filled into every cite)
  std::string extends;
  bool forwards = false;
  Reporter* reporter = nullptr;
  std::map<std::string, Policy*> compiled;  // program id -> policy
  bool visiting = false, done = false;
};

// Every cite without its own doc_no is the pack's: filled in once, here, so
// that merged sections remember which document set each rule.
void fill_doc_no(json& j, const std::string& doc_no) {
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      const std::string& k = it.key();
      bool is_cite = k.size() >= 4 && k.compare(k.size() - 4, 4, "cite") == 0;  // cite, validity_cite, …
      if (is_cite && it->is_object() && !it->contains("doc_no")) (*it)["doc_no"] = doc_no;
      fill_doc_no(*it, doc_no);
    }
  } else if (j.is_array()) {
    for (auto& v : j) fill_doc_no(v, doc_no);
  }
}

// Marks each rule element with the file and pointer it was written at, so a
// problem found after inheritance is still reported where an author can fix it.
void annotate(json& programs, const std::string& file) {
  if (!programs.is_object()) return;
  auto mark = [&](json& j, const std::string& at) {
    if (!j.is_object()) return;
    j["$file"] = file;
    j["$at"] = at;
  };
  for (auto p = programs.begin(); p != programs.end(); ++p) {
    if (!p->is_object()) continue;
    std::string at = ptr("/programs", p.key());
    for (const char* list : {"conditions", "notes"}) {
      if (auto it = p->find(list); it != p->end() && it->is_array()) {
        for (std::size_t i = 0; i < it->size(); ++i) mark((*it)[i], ptr(ptr(at, list), i));
      }
    }
    if (auto it = p->find("params"); it != p->end() && it->is_object()) {
      for (auto q = it->begin(); q != it->end(); ++q) mark(*q, ptr(ptr(at, "params"), q.key()));
    }
    for (const char* one : {"amount", "duration"}) {
      if (auto it = p->find(one); it != p->end()) mark(*it, ptr(at, one));
    }
  }
}

using Origins = std::map<std::string, Reporter*>;

// The reporter and pointer for an element: where it was written, if known.
Reporter& origin(const json& j, const Origins* origins, Reporter& fallback, std::string& at) {
  if (!origins || !j.is_object()) return fallback;
  auto file = j.find("$file"), where = j.find("$at");
  if (file == j.end() || where == j.end() || !file->is_string() || !where->is_string()) return fallback;
  auto it = origins->find(file->get<std::string>());
  if (it == origins->end()) return fallback;
  at = where->get<std::string>();
  return *it->second;
}

// Child section over parent section: params and conditions by id, amount and
// duration key by key, notes appended, validity replaced when given.
json merge_section(const json& parent, const json& child) {
  json out = parent;
  for (auto it = child.begin(); it != child.end(); ++it) {
    const std::string& k = it.key();
    if (k == "params") {
      if (!out.contains("params")) out["params"] = json::object();
      for (auto p = it->begin(); p != it->end(); ++p) out["params"][p.key()] = *p;
    } else if (k == "conditions") {
      if (!out.contains("conditions")) out["conditions"] = json::array();
      for (const auto& c : *it) {
        bool replaced = false;
        for (auto& existing : out["conditions"]) {
          if (existing.is_object() && c.is_object() && existing.contains("id") && c.contains("id") &&
              existing["id"] == c["id"]) {
            existing = c;
            replaced = true;
          }
        }
        if (!replaced) out["conditions"].push_back(c);
      }
    } else if (k == "amount" || k == "duration") {
      if (!out.contains(k) || !out[k].is_object() || !it->is_object() ||
          (it->contains("kind") && (!out[k].contains("kind") || out[k]["kind"] != (*it)["kind"]))) {
        out[k] = *it;  // a different kind of amount replaces the whole rule
      } else {
        for (auto p = it->begin(); p != it->end(); ++p) out[k][p.key()] = *p;
      }
    } else if (k == "notes") {
      // A note with the id of an inherited note replaces it; others are added.
      if (!out.contains("notes")) out["notes"] = json::array();
      for (const auto& n : *it) {
        bool replaced = false;
        for (auto& existing : out["notes"]) {
          if (n.is_object() && existing.is_object() && n.contains("id") && existing.contains("id") && n["id"] == existing["id"]) {
            existing = n;
            replaced = true;
          }
        }
        if (!replaced) out["notes"].push_back(n);
      }
    } else if (k != "comment") {
      out[k] = *it;
    }
  }
  return out;
}

std::optional<ParamType> param_type(const std::string& s) {
  if (s == "count") return ParamType::kCount;
  if (s == "rate") return ParamType::kRate;
  if (s == "money") return ParamType::kMoney;
  if (s == "bands") return ParamType::kBands;
  if (s == "date") return ParamType::kCount;  // stored as a date ordinal in `count`
  return std::nullopt;
}

void compile_params(const json& pj, const std::string& at, Reporter& section_reporter, Policy& pol,
                    const Origins* origins) {
  if (!pj.is_object()) {
    section_reporter.issue(at, "params 应为对象");
    return;
  }
  for (auto it = pj.begin(); it != pj.end(); ++it) {
    std::string pat = ptr(at, it.key());
    const json& j = *it;
    Reporter& r = origin(j, origins, section_reporter, pat);
    if (!need_object(j, pat, r)) continue;
    check_keys(j, {"type", "cap", "values", "comment"}, pat, r);
    Param p;
    p.id = it.key();
    std::string type = get_string(j, "type", pat, r);
    auto t = param_type(type);
    if (!t) {
      if (!type.empty()) r.issue(ptr(pat, "type"), "未知的参数类型“" + type + "”");
      continue;
    }
    p.type = *t;
    bool is_date = type == "date";
    p.cap = get_bool(j, "cap", pat, r, false);
    auto vit = j.find("values");
    if (vit == j.end() || !vit->is_array() || vit->empty()) {
      r.issue(ptr(pat, "values"), "参数至少要有一个按生效日期给出的值");
      continue;
    }
    for (std::size_t i = 0; i < vit->size(); ++i) {
      const json& vj = (*vit)[i];
      std::string vat = ptr(ptr(pat, "values"), i);
      if (!need_object(vj, vat, r)) continue;
      check_keys(vj, {"from", "value", "cite", "comment"}, vat, r);
      ParamValue v;
      auto from = get_date(vj, "from", vat, r, true);
      if (from) v.from = *from;
      v.cite = need_cite(vj, vat, r);
      auto val = vj.find("value");
      if (val == vj.end()) {
        r.issue(ptr(vat, "value"), "缺少 value");
        continue;
      }
      std::string vp = ptr(vat, "value");
      if (is_date) {
        auto d = val->is_string() ? Date::parse(val->get<std::string>()) : std::nullopt;
        if (!d) r.issue(vp, "应为 YYYY-MM-DD 日期");
        else v.count = d->ordinal();
      } else if (p.type == ParamType::kCount) {
        if (!val->is_number_integer()) r.issue(vp, "应为整数");
        else v.count = val->get<std::int64_t>();
      } else if (p.type == ParamType::kRate) {
        auto rate = val->is_string() ? Rate::parse(val->get<std::string>()) : std::nullopt;
        if (!rate) r.issue(vp, "比例应写成百分数字符串，如 \"5.5%\"");
        else v.rate = *rate;
      } else if (p.type == ParamType::kMoney) {
        Fen fen = 0;
        if (!val->is_string() || parse_yuan(val->get<std::string>(), fen) != MoneyError::kNone) {
          r.issue(vp, "金额应写成元的十进制字符串，如 \"1000\"");
        }
        v.money = fen;
      } else {
        if (!val->is_array() || val->empty()) {
          r.issue(vp, "期限表应为非空数组");
        } else {
          for (std::size_t b = 0; b < val->size(); ++b) {
            const json& bj = (*val)[b];
            std::string bat = ptr(vp, b);
            if (!need_object(bj, bat, r)) continue;
            check_keys(bj, {"from_months", "months"}, bat, r);
            Band band{get_int(bj, "from_months", bat, r).value_or(-1), get_int(bj, "months", bat, r).value_or(-1)};
            if (band.from_months < 0 || band.months < 0) r.issue(bat, "from_months 和 months 都应为不小于 0 的整数");
            if (!v.bands.empty() && band.from_months <= v.bands.back().from_months) {
              r.issue(bat, "期限表应按 from_months 从小到大排列");
            }
            v.bands.push_back(band);
          }
        }
      }
      if (!p.values.empty() && !(p.values.back().from < v.from)) r.issue(ptr(vat, "from"), "生效日期应从早到晚排列且不重复");
      p.values.push_back(std::move(v));
    }
    pol.params[p.id] = std::move(p);
  }
}

std::optional<Condition::Kind> condition_kind(const std::string& s) {
  using K = Condition::Kind;
  static const std::pair<const char*, K> kinds[] = {
      {"one_of", K::kOneOf},           {"at_least", K::kAtLeast},
      {"below", K::kBelow},            {"ratio_at_most", K::kRatioAtMost},
      {"is_false", K::kIsFalse},       {"is_true", K::kIsTrue},
      {"date_on_or_after", K::kDateOnOrAfter}, {"level_not_claimed", K::kLevelNotClaimed},
      {"any_of", K::kAnyOf},           {"all_of", K::kAllOf},
      {"entitlement_left", K::kEntitlementLeft}};
  for (const auto& k : kinds) {
    if (s == k.first) return k.second;
  }
  return std::nullopt;
}

Texts read_texts(const json& j, const char* key, const std::string& at, Reporter& r, bool required) {
  Texts t;
  auto it = j.find(key);
  if (it == j.end()) {
    if (required) r.issue(ptr(at, key), "缺少说明文字（pass / fail）");
    return t;
  }
  std::string tat = ptr(at, key);
  if (!need_object(*it, tat, r)) return t;
  check_keys(*it, {"pass", "fail", "unknown"}, tat, r);
  t.pass = get_string(*it, "pass", tat, r);
  t.fail = get_string(*it, "fail", tat, r);
  t.unknown = get_string(*it, "unknown", tat, r, false);
  return t;
}

struct CompileContext {
  const ProgramDef* program;
  Reporter* r;
  Policy* pol;
  const Origins* origins;
  // Reports into the file an element came from while it is being compiled.
  struct Scope {
    CompileContext& cx;
    Reporter* saved;
    Scope(CompileContext& c, const json& j, std::string& at) : cx(c), saved(c.r) { cx.r = &origin(j, cx.origins, *cx.r, at); }
    ~Scope() { cx.r = saved; }
  };
  // A reference to a fact the program does not have, or to a parameter of the
  // wrong type, is an error in the data, reported where the reference stands.
  void fact(const std::string& id, const std::string& at) {
    if (id.empty()) return;
    if (!program->fact(id)) r->issue(at, "引用了项目“" + program->id + "”中没有的事实“" + id + "”");
    else if (std::find(pol->used_facts.begin(), pol->used_facts.end(), id) == pol->used_facts.end()) {
      pol->used_facts.push_back(id);
    }
  }
  void param(const std::string& id, ParamType type, const std::string& at) {
    if (id.empty()) return;
    const Param* p = pol->param(id);
    if (!p) r->issue(at, "引用了未定义的参数“" + id + "”");
    else if (p->type != type) r->issue(at, "参数“" + id + "”的类型不对");
  }
};

Condition compile_condition(const json& cj, std::string at, CompileContext& cx, bool nested) {
  CompileContext::Scope scope(cx, cj, at);
  Reporter& r = *cx.r;
  Condition c;
  if (!need_object(cj, at, r)) return c;
  check_keys(cj, {"id", "kind", "fact", "numerator", "denominator", "min", "max", "values", "list", "mode",
                  "small_unit", "of", "label", "text", "whatif", "cite", "comment"},
             at, r);
  c.id = get_string(cj, "id", at, r, !nested);
  std::string kind = get_string(cj, "kind", at, r);
  auto k = condition_kind(kind);
  if (!k) {
    if (!kind.empty()) r.issue(ptr(at, "kind"), "未知的条件类型“" + kind + "”");
    return c;
  }
  c.kind = *k;
  c.label = get_string(cj, "label", at, r, nested);
  c.whatif = get_string(cj, "whatif", at, r, false);
  if (!nested) c.cite = need_cite(cj, at, r);
  using K = Condition::Kind;
  bool composite = c.kind == K::kAnyOf || c.kind == K::kAllOf;
  c.text = read_texts(cj, "text", at, r, !composite || !nested);
  switch (c.kind) {
    case K::kOneOf: {
      c.fact = get_string(cj, "fact", at, r);
      cx.fact(c.fact, ptr(at, "fact"));
      auto v = cj.find("values");
      if (v == cj.end() || !v->is_array() || v->empty()) r.issue(ptr(at, "values"), "应为非空数组");
      else c.values.assign(v->begin(), v->end());
      break;
    }
    case K::kAtLeast:
    case K::kDateOnOrAfter:
    case K::kBelow: {
      // A fact against one threshold parameter (dates are stored as day ordinals).
      const char* bound = c.kind == K::kBelow ? "max" : "min";
      c.fact = get_string(cj, "fact", at, r);
      c.param = get_string(cj, bound, at, r);
      cx.fact(c.fact, ptr(at, "fact"));
      cx.param(c.param, ParamType::kCount, ptr(at, bound));
      break;
    }
    case K::kRatioAtMost: {
      c.fact = get_string(cj, "numerator", at, r);
      c.fact2 = get_string(cj, "denominator", at, r);
      c.param = get_string(cj, "max", at, r);
      cx.fact(c.fact2, ptr(at, "denominator"));
      cx.fact(c.fact, ptr(at, "numerator"));
      cx.param(c.param, ParamType::kRate, ptr(at, "max"));
      if (auto s = cj.find("small_unit"); s != cj.end()) {
        std::string sat = ptr(at, "small_unit");
        if (need_object(*s, sat, r)) {
          check_keys(*s, {"headcount_at_most", "max", "text"}, sat, r);
          c.small_headcount_param = get_string(*s, "headcount_at_most", sat, r);
          c.small_max_param = get_string(*s, "max", sat, r);
          c.small_text = read_texts(*s, "text", sat, r, true);
          cx.param(c.small_headcount_param, ParamType::kCount, ptr(sat, "headcount_at_most"));
          cx.param(c.small_max_param, ParamType::kRate, ptr(sat, "max"));
        }
      }
      break;
    }
    case K::kIsFalse:
    case K::kIsTrue:
      c.fact = get_string(cj, "fact", at, r);
      cx.fact(c.fact, ptr(at, "fact"));
      break;
    case K::kLevelNotClaimed:
      c.fact = get_string(cj, "fact", at, r);
      c.fact2 = get_string(cj, "list", at, r);
      c.mode = get_string(cj, "mode", at, r);
      if (c.mode != "same" && c.mode != "higher") r.issue(ptr(at, "mode"), "mode 应为 same 或 higher");
      cx.fact(c.fact, ptr(at, "fact"));
      cx.fact(c.fact2, ptr(at, "list"));
      break;
    case K::kAnyOf:
    case K::kAllOf: {
      auto of = cj.find("of");
      if (of == cj.end() || !of->is_array() || of->size() < 2) {
        r.issue(ptr(at, "of"), "应为至少两个条件的数组");
        break;
      }
      for (std::size_t i = 0; i < of->size(); ++i) c.of.push_back(compile_condition((*of)[i], ptr(ptr(at, "of"), i), cx, true));
      break;
    }
    case K::kEntitlementLeft:
      cx.fact("contribution_months", at);
      cx.fact("benefit_months_used", at);
      if (cx.pol->duration.bands_param.empty()) r.issue(at, "entitlement_left 需要 duration.bands");
      break;
  }
  return c;
}

void compile_amount(const json& aj, std::string at, CompileContext& cx) {
  CompileContext::Scope scope(cx, aj, at);
  Reporter& r = *cx.r;
  AmountRule& a = cx.pol->amount;
  if (!need_object(aj, at, r)) return;
  check_keys(aj, {"kind", "base", "exclude", "pass_on", "rate_by_unit_type", "rate_by_size", "derive_size", "fact",
                  "table", "total", "unit", "individual", "text", "cite", "comment"},
             at, r);
  std::string kind = get_string(aj, "kind", at, r);
  a.text = get_string(aj, "text", at, r, false);
  a.cite = need_cite(aj, at, r);
  auto string_map = [&](const char* key, std::map<std::string, std::string>& out) {
    auto it = aj.find(key);
    if (it == aj.end()) return;
    if (!it->is_object()) {
      r.issue(ptr(at, key), "应为对象");
      return;
    }
    for (auto e = it->begin(); e != it->end(); ++e) {
      if (!e->is_string()) r.issue(ptr(ptr(at, key), e.key()), "应为参数名");
      else out[e.key()] = e->get<std::string>();
    }
  };
  if (kind == "percent_of_base") {
    a.kind = AmountRule::Kind::kPercentOfBase;
    a.base = get_string(aj, "base", at, r);
    cx.fact(a.base, ptr(at, "base"));
    a.exclude = get_string_list(aj, "exclude", at, r);
    for (const auto& e : a.exclude) cx.fact(e, ptr(at, "exclude"));
    a.pass_on = get_string(aj, "pass_on", at, r, false);
    cx.fact(a.pass_on, ptr(at, "pass_on"));
    string_map("rate_by_unit_type", a.rate_by_unit_type);
    string_map("rate_by_size", a.rate_by_size);
    for (const auto& [unit, p] : a.rate_by_unit_type) {
      if (p != "by_size") cx.param(p, ParamType::kRate, ptr(ptr(at, "rate_by_unit_type"), unit));
    }
    for (const auto& [size, p] : a.rate_by_size) cx.param(p, ParamType::kRate, ptr(ptr(at, "rate_by_size"), size));
    if (a.rate_by_size.size() != 2 || !a.rate_by_size.count("large") || !a.rate_by_size.count("sme")) {
      r.issue(ptr(at, "rate_by_size"), "应给出 large 和 sme 两档比例");
    }
    const FactDef* unit_type = cx.program->fact("unit_type");
    if (unit_type) {
      cx.fact("unit_type", at);
      for (const auto& o : unit_type->options) {
        if (o.value.is_string() && !a.rate_by_unit_type.count(o.value.get<std::string>())) {
          r.issue(ptr(at, "rate_by_unit_type"), "缺少单位类型“" + o.value.get<std::string>() + "”的返还比例");
        }
      }
    }
    cx.fact("size", at);
    if (auto d = aj.find("derive_size"); d != aj.end() && !d->is_null()) {
      std::string dat = ptr(at, "derive_size");
      if (need_object(*d, dat, r)) {
        check_keys(*d, {"fact", "large_at_least", "cite"}, dat, r);
        a.derive_size_fact = get_string(*d, "fact", dat, r);
        a.derive_size_param = get_string(*d, "large_at_least", dat, r);
        a.derive_size_cite = need_cite(*d, dat, r);
        cx.fact(a.derive_size_fact, ptr(dat, "fact"));
        cx.param(a.derive_size_param, ParamType::kCount, ptr(dat, "large_at_least"));
      }
    }
  } else if (kind == "table") {
    a.kind = AmountRule::Kind::kTable;
    a.table_fact = get_string(aj, "fact", at, r);
    cx.fact(a.table_fact, ptr(at, "fact"));
    auto t = aj.find("table");
    if (t == aj.end() || !t->is_object() || t->empty()) r.issue(ptr(at, "table"), "应为非空对象");
    else {
      for (auto e = t->begin(); e != t->end(); ++e) {
        std::string eat = ptr(ptr(at, "table"), e.key());
        auto key = e.key();
        bool digits = !key.empty() && key.size() < 10 &&
                      std::all_of(key.begin(), key.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
        if (!digits || !e->is_string()) {
          r.issue(eat, "表的键应为整数、值应为参数名");
          continue;
        }
        a.table[std::stoll(key)] = e->get<std::string>();
        cx.param(e->get<std::string>(), ParamType::kMoney, eat);
      }
    }
  } else if (kind == "contribution_split") {
    a.kind = AmountRule::Kind::kContributionSplit;
    a.base = get_string(aj, "base", at, r);
    cx.fact(a.base, ptr(at, "base"));
    a.total_param = get_string(aj, "total", at, r);
    a.unit_param = get_string(aj, "unit", at, r, false);
    a.individual_param = get_string(aj, "individual", at, r, false);
    cx.param(a.total_param, ParamType::kRate, ptr(at, "total"));
    cx.param(a.unit_param, ParamType::kRate, ptr(at, "unit"));
    cx.param(a.individual_param, ParamType::kRate, ptr(at, "individual"));
    if (a.unit_param.empty() != a.individual_param.empty()) r.issue(at, "单位费率和个人费率应同时给出");
  } else if (kind == "local") {
    a.kind = AmountRule::Kind::kLocal;
    if (a.text.empty()) r.issue(ptr(at, "text"), "缺少说明：标准由哪个文件规定");
  } else if (!kind.empty()) {
    r.issue(ptr(at, "kind"), "未知的金额规则“" + kind + "”");
  }
}

void compile_section(const json& s, const std::string& at, CompileContext& cx) {
  Reporter& r = *cx.r;
  Policy& pol = *cx.pol;
  check_keys(s, {"valid_from", "valid_to", "validity_cite", "params", "conditions", "amount", "duration", "notes", "comment"},
             at, r);
  if (auto d = get_date(s, "valid_from", at, r, true)) pol.valid_from = *d;
  if (s.contains("valid_to") && !s["valid_to"].is_null()) pol.valid_to = get_date(s, "valid_to", at, r, true);
  if (pol.valid_to && *pol.valid_to < pol.valid_from) r.issue(ptr(at, "valid_to"), "失效日期早于生效日期");
  if (auto v = s.find("validity_cite"); v != s.end()) pol.validity_cite = read_cite(*v, ptr(at, "validity_cite"), r);
  else r.issue(ptr(at, "validity_cite"), "缺少有效期的出处");
  if (auto d = s.find("duration"); d != s.end()) {
    std::string dat = ptr(at, "duration");
    if (need_object(*d, dat, r)) {
      check_keys(*d, {"bands", "extension_within", "extension_cite"}, dat, r);
      pol.duration.bands_param = get_string(*d, "bands", dat, r);
      cx.param(pol.duration.bands_param, ParamType::kBands, ptr(dat, "bands"));
      pol.duration.extension_within_param = get_string(*d, "extension_within", dat, r, false);
      if (!pol.duration.extension_within_param.empty()) {
        cx.param(pol.duration.extension_within_param, ParamType::kCount, ptr(dat, "extension_within"));
        cx.fact("months_to_retirement", dat);
        if (auto c = d->find("extension_cite"); c != d->end()) pol.duration.extension_cite = read_cite(*c, ptr(dat, "extension_cite"), r);
        else r.issue(ptr(dat, "extension_cite"), "缺少出处");
      }
    }
  }
  if (auto c = s.find("conditions"); c != s.end()) {
    if (!c->is_array()) r.issue(ptr(at, "conditions"), "应为数组");
    else {
      std::set<std::string> ids;
      for (std::size_t i = 0; i < c->size(); ++i) {
        pol.conditions.push_back(compile_condition((*c)[i], ptr(ptr(at, "conditions"), i), cx, false));
        if (!ids.insert(pol.conditions.back().id).second) r.issue(ptr(ptr(at, "conditions"), i), "条件 id 重复");
      }
    }
  }
  if (auto a = s.find("amount"); a != s.end()) compile_amount(*a, ptr(at, "amount"), cx);
  else r.issue(ptr(at, "amount"), "缺少金额规则（没有金额时写 kind: local 并说明由哪个文件规定）");
  if (auto n = s.find("notes"); n != s.end()) {
    if (!n->is_array()) r.issue(ptr(at, "notes"), "应为数组");
    else {
      for (std::size_t i = 0; i < n->size(); ++i) {
        std::string nat = ptr(ptr(at, "notes"), i);
        Reporter& nr = origin((*n)[i], cx.origins, r, nat);
        if (!need_object((*n)[i], nat, nr)) continue;
        check_keys((*n)[i], {"id", "text", "cite"}, nat, nr);
        pol.notes.push_back(Note{get_string((*n)[i], "text", nat, nr), need_cite((*n)[i], nat, nr)});
      }
    }
  }
  // A fact that only counts when a yes/no flag is set (派遣 amounts need
  // labor_dispatch) brings its flag along, so the flag is asked first.
  for (const auto& rule : cx.program->consistency) {
    if (rule.kind == ConsistencyRule::Kind::kRequiresTrue &&
        std::find(pol.used_facts.begin(), pol.used_facts.end(), rule.fact) != pol.used_facts.end()) {
      cx.fact(rule.other, at);
    }
  }
  // Ask the facts in the program's order, not the order rules mention them.
  std::vector<std::string> ordered;
  for (const auto& f : cx.program->facts) {
    if (std::find(pol.used_facts.begin(), pol.used_facts.end(), f.id) != pol.used_facts.end()) ordered.push_back(f.id);
  }
  pol.used_facts = std::move(ordered);
}

bool is_region_code(const std::string& s) {
  return s.size() == 6 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void read_policy_pack(json& doc, Reporter& r, RawPack& raw) {
  check_keys(doc, {"kind", "format", "id", "doc_no", "title", "issuer", "issued", "region", "draft", "source",
                   "extends", "forwards", "comment", "programs"},
             "", r);
  auto d = std::make_unique<Document>();
  d->file = r.file;
  d->id = get_string(doc, "id", "", r);
  d->doc_no = get_string(doc, "doc_no", "", r);
  d->title = get_string(doc, "title", "", r);
  d->issuer = get_string(doc, "issuer", "", r);
  d->source = get_string(doc, "source", "", r);
  d->region = get_string(doc, "region", "", r);
  d->issued = get_date(doc, "issued", "", r, false);  // a draft may carry no date yet
  d->draft = get_bool(doc, "draft", "", r, false);
  if (!d->region.empty() && !is_region_code(d->region)) r.issue("/region", "地区代码应为六位数字");
  raw.extends = get_string(doc, "extends", "", r, false);
  raw.forwards = get_bool(doc, "forwards", "", r, false);
  if (raw.forwards && raw.extends.empty()) r.issue("/forwards", "转发文件必须用 extends 指明所转发的文件");
  auto p = doc.find("programs");
  if (p == doc.end()) {
    if (!raw.forwards) r.issue("/programs", "缺少 programs");
    raw.programs = json::object();
  } else if (!p->is_object()) {
    r.issue("/programs", "应为对象");
    raw.programs = json::object();
  } else {
    raw.programs = *p;
  }
  fill_doc_no(raw.programs, d->doc_no);
  annotate(raw.programs, r.file);
  raw.doc = std::move(d);
}

class PolicyCompiler {
 public:
  PolicyCompiler(RuleSet& rs, std::map<std::string, RawPack>& packs) : rs_(rs), packs_(packs) {
    for (auto& [id, pack] : packs_) origins_[pack.reporter->file] = pack.reporter;
  }

  void compile(RawPack& pack) {
    if (pack.done) return;
    Reporter& r = *pack.reporter;
    if (pack.visiting) {
      r.issue("/extends", "extends 形成了循环");
      return;
    }
    pack.visiting = true;
    RawPack* parent = nullptr;
    if (!pack.extends.empty()) {
      auto it = packs_.find(pack.extends);
      if (it == packs_.end()) r.issue("/extends", "找不到被引用的文件“" + pack.extends + "”");
      else {
        parent = &it->second;
        compile(*parent);
      }
    }
    std::vector<std::string> names;
    for (auto it = pack.programs.begin(); it != pack.programs.end(); ++it) names.push_back(it.key());
    if (pack.forwards && parent) {
      for (const auto& [name, pol] : parent->compiled) {
        if (!pack.programs.contains(name)) names.push_back(name);
      }
    }
    for (const auto& name : names) {
      std::string at = ptr("/programs", name);
      const ProgramDef* program = rs_.program(name);
      if (!program) {
        r.issue(at, "未知的项目“" + name + "”");
        continue;
      }
      json own = pack.programs.contains(name) ? pack.programs[name] : json::object();
      if (!own.is_object()) {
        r.issue(at, "应为对象");
        continue;
      }
      const Policy* base = nullptr;
      if (parent) {
        auto pit = parent->compiled.find(name);
        if (pit != parent->compiled.end()) base = pit->second;
      }
      json merged;
      if (base) {
        if (pack.forwards) {
          check_keys(own, {"notes", "comment"}, at, r);  // a forward adds nothing but notes
        }
        merged = merge_section(raw_sections_[base], own);
      } else {
        if (parent && pack.forwards) r.issue(at, "被转发的文件没有这个项目");
        merged = own;
      }
      auto pol = std::make_unique<Policy>();
      pol->doc = pack.doc.get();
      pol->program = name;
      pol->parent = base;
      if (base) pol->chain = base->chain;
      pol->chain.push_back(pack.doc.get());
      CompileContext cx{program, &r, pol.get(), &origins_};
      // Params first: conditions and amounts refer to them.
      if (auto ps = merged.find("params"); ps != merged.end()) compile_params(*ps, ptr(at, "params"), r, *pol, &origins_);
      json without_params = merged;
      without_params.erase("params");
      compile_section(without_params, at, cx);
      for (const auto& [id, p] : pol->params) {
        pol->param_set_by[id] = p.values.empty() ? pack.doc->doc_no : p.values.back().cite.doc_no;
      }
      raw_sections_[pol.get()] = merged;
      pack.compiled[name] = pol.get();
      rs_.policies.push_back(std::move(pol));
    }
    pack.visiting = false;
    pack.done = true;
  }

 private:
  RuleSet& rs_;
  std::map<std::string, RawPack>& packs_;
  std::map<const Policy*, json> raw_sections_;
  Origins origins_;
};

}  // namespace

const ParamValue& Param::at(const Date& d) const {
  const ParamValue* best = &values.front();
  for (const auto& v : values) {
    if (v.from <= d) best = &v;
  }
  return *best;
}

std::unique_ptr<RuleSet> load_rules(const std::vector<PackText>& texts, std::vector<LoadIssue>& issues) {
  auto rs = std::make_unique<RuleSet>();
  std::vector<Reporter> reporters;
  reporters.reserve(texts.size());
  std::vector<std::pair<json, Reporter*>> policy_docs;
  std::vector<std::pair<json, Reporter*>> programs_docs, regions_docs;
  for (const auto& t : texts) {
    reporters.push_back(Reporter{t.name, &issues});
    Reporter& r = reporters.back();
    JsonDocument doc;
    JsonReadError err;
    if (!read_json(t.text, kMaxPackBytes, kMaxPackDepth, doc, err)) {
      r.issue(err.path, err.message);
      continue;
    }
    if (!doc.value.is_object()) {
      r.issue("", "规则文件应为 JSON 对象");
      continue;
    }
    std::string kind = get_string(doc.value, "kind", "", r);
    auto format = doc.value.find("format");
    if (format == doc.value.end() || *format != 1) r.issue("/format", "format 应为 1（本引擎只认这一版格式）");
    if (kind == "programs") programs_docs.emplace_back(std::move(doc.value), &r);
    else if (kind == "regions") regions_docs.emplace_back(std::move(doc.value), &r);
    else if (kind == "policy") policy_docs.emplace_back(std::move(doc.value), &r);
    else if (!kind.empty()) r.issue("/kind", "未知的文件类型“" + kind + "”（应为 programs、regions 或 policy）");
  }
  if (programs_docs.size() != 1) issues.push_back({"", "", "规则中应有且只有一个 programs 文件"});
  if (regions_docs.size() != 1) issues.push_back({"", "", "规则中应有且只有一个 regions 文件"});
  for (auto& [doc, r] : programs_docs) load_programs(doc, *r, *rs);
  for (auto& [doc, r] : regions_docs) load_regions(doc, *r, *rs);

  std::map<std::string, RawPack> packs;
  for (auto& [doc, r] : policy_docs) {
    RawPack raw;
    raw.reporter = r;
    read_policy_pack(doc, *r, raw);
    std::string id = raw.doc->id;
    if (id.empty()) continue;
    if (packs.count(id)) {
      r->issue("/id", "文件 id“" + id + "”与 " + packs[id].doc->file + " 重复");
      continue;
    }
    packs.emplace(id, std::move(raw));
  }
  PolicyCompiler compiler(*rs, packs);
  for (auto& [id, pack] : packs) compiler.compile(pack);
  for (auto& [id, pack] : packs) rs->documents.push_back(std::move(pack.doc));

  // Two policies for the same place and program may not both be in force on
  // one day, unless one refines the other (then the refinement is chosen).
  const auto& ps = rs->policies;
  for (std::size_t i = 0; i < ps.size(); ++i) {
    for (std::size_t k = i + 1; k < ps.size(); ++k) {
      const Policy& a = *ps[i];
      const Policy& b = *ps[k];
      if (a.program != b.program || a.doc->region != b.doc->region) continue;
      if (a.extends(&b) || b.extends(&a)) continue;
      bool a_before_b = a.valid_to && *a.valid_to < b.valid_from;
      bool b_before_a = b.valid_to && *b.valid_to < a.valid_from;
      if (!a_before_b && !b_before_a) {
        issues.push_back({b.doc->file, ptr("/programs", b.program),
                          "有效期与 " + a.doc->file + " 的同一项目重叠：同一地区同一天只能有一个政策"});
      }
    }
  }
  // An element inherited by several packs is checked with each: report it once.
  std::vector<LoadIssue> unique;
  for (auto& i : issues) {
    bool seen = std::any_of(unique.begin(), unique.end(), [&](const LoadIssue& u) {
      return u.file == i.file && u.pointer == i.pointer && u.message == i.message;
    });
    if (!seen) unique.push_back(std::move(i));
  }
  issues = std::move(unique);
  if (!issues.empty()) return nullptr;
  return rs;
}

}  // namespace uie
