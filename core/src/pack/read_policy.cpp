// A policy pack: the document's metadata and each program's section, read
// into typed raw structures (names unresolved, every element's origin kept).
#include "kinds/kind.h"
#include "pack/read_section.h"

namespace uie {
namespace {

RawTexts read_texts(const json& j, const char* key, const std::string& at, Reporter& r, bool required) {
  RawTexts t;
  auto it = j.find(key);
  if (it == j.end()) {
    if (required) r.issue(issue::kMissing, ptr(at, key), "缺少说明文字（pass / fail）");
    return t;
  }
  std::string tat = ptr(at, key);
  if (!need_object(*it, tat, r)) return t;
  check_keys(*it, {"pass", "fail", "unknown"}, tat, r);
  t.given = true;
  t.pass = get_string(*it, "pass", tat, r);
  t.fail = get_string(*it, "fail", tat, r);
  t.unknown = get_string(*it, "unknown", tat, r, false);
  return t;
}

RawScalar scalar(const json& v, const std::string& at) {
  RawScalar s;
  s.pointer = at;
  if (v.is_string()) {
    s.kind = RawScalar::Kind::kString;
    s.text = v.get<std::string>();
  } else if (v.is_number_integer()) {
    s.kind = RawScalar::Kind::kInteger;
    s.number = v.get<std::int64_t>();
  } else if (v.is_boolean()) {
    s.kind = RawScalar::Kind::kBool;
    s.flag = v.get<bool>();
  }
  return s;
}

RawNote read_note(const json& nj, const std::string& at, Reporter& r, const std::string& doc_no) {
  RawNote n;
  n.at = r.at(at);
  if (!need_object(nj, at, r)) return n;
  check_keys(nj, {"id", "text", "text_en", "cite"}, at, r);
  n.id = get_string(nj, "id", at, r, false);
  n.text = get_string(nj, "text", at, r);
  n.text_en = get_string(nj, "text_en", at, r, false);
  n.cite = need_cite(nj, at, r, doc_no);
  return n;
}

RawDerivation read_derivation(const json& dj, const std::string& at, Reporter& r, const std::string& doc_no) {
  RawDerivation d;
  d.at = r.at(at);
  if (!need_object(dj, at, r)) return d;
  check_keys(dj, {"id", "fact", "kind", "from", "min", "then", "else", "birth", "group", "schedule", "values", "exact", "cite"},
             at, r);
  d.id = get_string(dj, "id", at, r);
  d.exact = get_bool(dj, "exact", at, r, false);
  d.fact = get_string(dj, "fact", at, r);
  d.kind = get_string(dj, "kind", at, r);
  if (d.kind == "at_least") {
    d.from = get_string(dj, "from", at, r);
    d.param = get_string(dj, "min", at, r);
    d.then_value = get_string(dj, "then", at, r);
    d.else_value = get_string(dj, "else", at, r);
  } else if (d.kind == "retirement_age") {
    d.from = get_string(dj, "birth", at, r);
    d.from2 = get_string(dj, "group", at, r);
    d.param = get_string(dj, "schedule", at, r);
  } else if (d.kind == "by_option") {
    d.from = get_string(dj, "from", at, r);
    auto v = dj.find("values");
    if (v == dj.end() || !v->is_object() || v->empty()) r.issue(issue::kType, ptr(at, "values"), "应为非空对象：选项值 → true / false");
    else {
      for (auto e = v->begin(); e != v->end(); ++e) {
        if (!e->is_boolean()) r.issue(issue::kType, ptr(ptr(at, "values"), e.key()), "应为 true 或 false");
        else d.values.emplace_back(e.key(), scalar(*e, ptr(ptr(at, "values"), e.key())));
      }
    }
  } else if (!d.kind.empty()) {
    r.issue(issue::kUnknownKind, ptr(at, "kind"), "未知的推定规则“" + d.kind + "”（应为 at_least、retirement_age 或 by_option）");
  }
  d.cite = need_cite(dj, at, r, doc_no);
  return d;
}

RawDuration read_duration(const json& dj, const std::string& at, Reporter& r, const std::string& doc_no) {
  RawDuration d;
  d.at = r.at(at);
  if (!need_object(dj, at, r)) return d;
  check_keys(dj, {"bands", "schedule", "extension_within", "extension_cite", "months_to_retirement"}, at, r);
  if (dj.contains("bands")) d.bands = get_string(dj, "bands", at, r);
  if (dj.contains("schedule")) d.schedule = get_string(dj, "schedule", at, r);
  if (dj.contains("extension_within")) d.extension_within = get_string(dj, "extension_within", at, r);
  if (dj.contains("months_to_retirement")) d.months_to_retirement = get_string(dj, "months_to_retirement", at, r);
  if (auto c = dj.find("extension_cite"); c != dj.end()) d.extension_cite = read_cite(*c, ptr(at, "extension_cite"), r, doc_no);
  return d;
}

}  // namespace

RawCondition read_condition(const json& cj, const std::string& at, Reporter& r, const std::string& doc_no,
                            bool nested) {
  RawCondition c;
  c.at = r.at(at);
  if (!need_object(cj, at, r)) return c;
  c.kind = get_string(cj, "kind", at, r);
  const KindOps* kind = find_kind(c.kind);
  if (!kind) {
    if (!c.kind.empty()) r.issue(issue::kUnknownKind, ptr(at, "kind"), "未知的条件类型“" + c.kind + "”");
    return c;
  }
  std::vector<const char*> keys = {"id", "kind", "label", "label_en", "text", "text_en", "whatif", "whatif_en", "cite"};
  keys.insert(keys.end(), kind->keys.begin(), kind->keys.end());
  check_keys(cj, keys, at, r);
  c.id = get_string(cj, "id", at, r, !nested);
  c.label = get_string(cj, "label", at, r, nested);
  c.label_en = get_string(cj, "label_en", at, r, false);
  c.whatif = get_string(cj, "whatif", at, r, false);
  c.whatif_en = get_string(cj, "whatif_en", at, r, false);
  if (!nested) c.cite = need_cite(cj, at, r, doc_no);
  else if (cj.contains("cite")) c.cite = read_cite(cj["cite"], ptr(at, "cite"), r, doc_no);
  bool composite = cj.contains("of") || c.kind == "any_of" || c.kind == "all_of";
  c.text = read_texts(cj, "text", at, r, !composite || !nested);
  c.text_en = read_texts(cj, "text_en", at, r, false);
  for (const char* key : kind->keys) {
    std::string k = key;
    if (k == "values" || k == "small_unit" || k == "of") continue;
    if (cj.contains(k)) c.names[k] = get_string(cj, key, at, r);
  }
  if (auto v = cj.find("values"); v != cj.end()) {
    if (!v->is_array() || v->empty()) r.issue(issue::kType, ptr(at, "values"), "应为非空数组");
    else {
      for (std::size_t i = 0; i < v->size(); ++i) c.values.push_back(scalar((*v)[i], ptr(ptr(at, "values"), i)));
    }
  }
  if (auto s = cj.find("small_unit"); s != cj.end()) {
    std::string sat = ptr(at, "small_unit");
    if (need_object(*s, sat, r)) {
      check_keys(*s, {"headcount_at_most", "max", "text", "text_en"}, sat, r);
      c.has_small_unit = true;
      c.small_headcount = get_string(*s, "headcount_at_most", sat, r);
      c.small_max = get_string(*s, "max", sat, r);
      c.small_text = read_texts(*s, "text", sat, r, true);
      c.small_text_en = read_texts(*s, "text_en", sat, r, false);
    }
  }
  if (auto of = cj.find("of"); of != cj.end()) {
    if (!of->is_array() || of->size() < 2) r.issue(issue::kType, ptr(at, "of"), "应为至少两个条件的数组");
    else {
      for (std::size_t i = 0; i < of->size(); ++i) {
        c.of.push_back(read_condition((*of)[i], ptr(ptr(at, "of"), i), r, doc_no, true));
      }
    }
  }
  return c;
}

RawAmount read_amount(const json& aj, const std::string& at, Reporter& r, const std::string& doc_no) {
  RawAmount a;
  a.at = r.at(at);
  if (!need_object(aj, at, r)) return a;
  check_keys(aj, {"kind", "base", "exclude", "pass_on", "rate_by_unit_type", "rate_by_size", "derive_size", "fact",
                  "table", "total", "unit", "individual", "standard", "rate", "minimum_wage", "whole_yuan", "text", "text_en", "cite",
                  "exclude_cite", "pass_on_cite"},
             at, r);
  auto str = [&](const char* key, std::optional<std::string>& out) {
    if (aj.contains(key)) out = get_string(aj, key, at, r, false);
  };
  str("kind", a.kind);
  str("base", a.base);
  str("pass_on", a.pass_on);
  str("fact", a.fact);
  str("total", a.total);
  str("unit", a.unit);
  str("individual", a.individual);
  str("standard", a.standard);
  str("rate", a.rate);
  str("minimum_wage", a.minimum_wage);
  if (aj.contains("whole_yuan")) a.whole_yuan = get_bool(aj, "whole_yuan", at, r, false);
  str("text", a.text);
  str("text_en", a.text_en);
  if (aj.contains("exclude")) a.exclude = get_string_list(aj, "exclude", at, r);
  auto string_map = [&](const char* key, std::optional<std::map<std::string, std::string>>& out) {
    auto it = aj.find(key);
    if (it == aj.end()) return;
    out.emplace();
    if (!it->is_object()) {
      r.issue(issue::kType, ptr(at, key), "应为对象");
      return;
    }
    for (auto e = it->begin(); e != it->end(); ++e) {
      if (!e->is_string()) r.issue(issue::kType, ptr(ptr(at, key), e.key()), "应为参数名");
      else (*out)[e.key()] = e->get<std::string>();
    }
  };
  string_map("rate_by_unit_type", a.rate_by_unit_type);
  string_map("rate_by_size", a.rate_by_size);
  string_map("table", a.table);
  if (auto d = aj.find("derive_size"); d != aj.end()) {
    a.derive_size.emplace();
    std::string dat = ptr(at, "derive_size");
    if (!d->is_null() && need_object(*d, dat, r)) {
      check_keys(*d, {"fact", "large_at_least", "last_resort", "cite"}, dat, r);
      RawAmount::DeriveSize ds;
      ds.last_resort = get_bool(*d, "last_resort", dat, r, false);
      ds.fact = get_string(*d, "fact", dat, r);
      ds.large_at_least = get_string(*d, "large_at_least", dat, r);
      ds.cite = need_cite(*d, dat, r, doc_no);
      ds.at = r.at(dat);
      *a.derive_size = std::move(ds);
    }
  }
  if (aj.contains("cite")) a.cite = read_cite(aj["cite"], ptr(at, "cite"), r, doc_no);
  if (aj.contains("exclude_cite")) a.exclude_cite = read_cite(aj["exclude_cite"], ptr(at, "exclude_cite"), r, doc_no);
  if (aj.contains("pass_on_cite")) a.pass_on_cite = read_cite(aj["pass_on_cite"], ptr(at, "pass_on_cite"), r, doc_no);
  return a;
}

RawSection read_section(const json& s, const std::string& at, Reporter& r, const std::string& doc_no) {
  RawSection sec;
  sec.at = r.at(at);
  if (!need_object(s, at, r)) return sec;
  check_keys(s, {"valid_from", "valid_to", "validity_cite", "params", "derive", "conditions", "amount", "duration", "notes"},
             at, r);
  if (s.contains("valid_from")) sec.valid_from = get_date(s, "valid_from", at, r, true);
  if (auto v = s.find("valid_to"); v != s.end()) {
    sec.valid_to.emplace();
    if (!v->is_null()) *sec.valid_to = get_date(s, "valid_to", at, r, true);
  }
  if (auto v = s.find("validity_cite"); v != s.end()) sec.validity_cite = read_cite(*v, ptr(at, "validity_cite"), r, doc_no);
  if (auto p = s.find("params"); p != s.end()) read_params(*p, ptr(at, "params"), r, doc_no, sec.params);
  if (auto d = s.find("derive"); d != s.end()) {
    if (!d->is_array()) r.issue(issue::kType, ptr(at, "derive"), "应为数组");
    else {
      for (std::size_t i = 0; i < d->size(); ++i) sec.derive.push_back(read_derivation((*d)[i], ptr(ptr(at, "derive"), i), r, doc_no));
    }
  }
  if (auto c = s.find("conditions"); c != s.end()) {
    sec.has_conditions = true;
    if (!c->is_array()) r.issue(issue::kType, ptr(at, "conditions"), "应为数组");
    else {
      for (std::size_t i = 0; i < c->size(); ++i) {
        sec.conditions.push_back(read_condition((*c)[i], ptr(ptr(at, "conditions"), i), r, doc_no, false));
      }
    }
  }
  if (auto a = s.find("amount"); a != s.end()) sec.amount = read_amount(*a, ptr(at, "amount"), r, doc_no);
  if (auto d = s.find("duration"); d != s.end()) sec.duration = read_duration(*d, ptr(at, "duration"), r, doc_no);
  if (auto n = s.find("notes"); n != s.end()) {
    if (!n->is_array()) r.issue(issue::kType, ptr(at, "notes"), "应为数组");
    else {
      for (std::size_t i = 0; i < n->size(); ++i) sec.notes.push_back(read_note((*n)[i], ptr(ptr(at, "notes"), i), r, doc_no));
    }
  }
  return sec;
}

void read_policy_pack(const json& doc, Reporter& r, const RuleSet& rs, RawPack& raw) {
  check_keys(doc, {"kind", "format", "id", "doc_no", "title", "issuer", "issued", "region", "draft", "source", "extends",
                   "extends_in_force", "forwards", "programs"},
             "", r);
  auto d = std::make_unique<Document>();
  d->file = *r.file;
  d->id = get_string(doc, "id", "", r);
  d->doc_no = get_string(doc, "doc_no", "", r);
  d->title = get_string(doc, "title", "", r);
  d->issuer = get_string(doc, "issuer", "", r);
  d->source = get_string(doc, "source", "", r);
  d->region = get_string(doc, "region", "", r);
  d->issued = get_date(doc, "issued", "", r, false);  // a draft may carry no date yet
  d->draft = get_bool(doc, "draft", "", r, false);
  if (!d->region.empty() && !is_region_code(d->region)) r.issue(issue::kValue, "/region", "地区代码应为六位数字");
  raw.file = r.file;
  raw.extends = get_string(doc, "extends", "", r, false);
  raw.extends_in_force = get_bool(doc, "extends_in_force", "", r, false);
  raw.forwards = get_bool(doc, "forwards", "", r, false);
  if (raw.extends_in_force && raw.extends.empty()) r.issue(issue::kExtends, "/extends_in_force", "extends_in_force 需要用 extends 指明所依据的文件");
  if (raw.extends_in_force && raw.forwards) r.issue(issue::kForward, "/extends_in_force", "转发文件不能用 extends_in_force");
  if (raw.forwards && raw.extends.empty()) r.issue(issue::kForward, "/forwards", "转发文件必须用 extends 指明所转发的文件");
  auto p = doc.find("programs");
  if (p == doc.end()) {
    if (!raw.forwards) r.issue(issue::kMissing, "/programs", "缺少 programs");
  } else if (!p->is_object()) {
    r.issue(issue::kType, "/programs", "应为对象");
  } else {
    for (auto it = p->begin(); it != p->end(); ++it) {
      std::string at = ptr("/programs", it.key());
      if (!rs.program(it.key())) {
        r.issue(issue::kUnknownProgram, at, "未知的项目“" + it.key() + "”");
        continue;
      }
      if (raw.forwards && it->is_object()) check_keys(*it, {"notes"}, at, r);  // a forward adds nothing but notes
      raw.program_at[it.key()] = r.at(at);
      raw.programs[it.key()] = read_section(*it, at, r, d->doc_no);
    }
  }
  raw.doc = std::move(d);
}

}  // namespace uie
