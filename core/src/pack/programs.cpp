// rules/programs.json: the programs, their facts in asking order, and the
// consistency rules between facts.
#include "pack/readers.h"

#include <algorithm>

namespace uie {
namespace {

std::optional<FactType> fact_type(const std::string& s) {
  static const std::pair<const char*, FactType> types[] = {
      {"enum", FactType::kEnum}, {"count", FactType::kCount},   {"integer", FactType::kInteger},
      {"money", FactType::kMoney}, {"bool", FactType::kBool},  {"date", FactType::kDate},
      {"string", FactType::kString}, {"level_list", FactType::kLevelList}, {"month", FactType::kMonth}};
  for (const auto& t : types) {
    if (s == t.first) return t.second;
  }
  return std::nullopt;
}

void read_options(const json& fj, const std::string& fat, FactDef& f, Reporter& r) {
  auto oit = fj.find("options");
  if (oit == fj.end()) return;
  if (!oit->is_array()) {
    r.issue(issue::kType, ptr(fat, "options"), "应为数组");
    return;
  }
  for (std::size_t o = 0; o < oit->size(); ++o) {
    const json& oj = (*oit)[o];
    std::string oat = ptr(ptr(fat, "options"), o);
    if (!need_object(oj, oat, r)) continue;
    check_keys(oj, {"value", "label", "label_en"}, oat, r);
    Option opt;
    auto v = oj.find("value");
    if (v == oj.end() || !(v->is_string() || v->is_number_integer())) {
      r.issue(issue::kType, ptr(oat, "value"), "应为字符串或整数");
    } else if (v->is_string()) {
      opt.text = v->get<std::string>();
    } else {
      opt.is_number = true;
      opt.number = v->get<std::int64_t>();
    }
    opt.label = get_string(oj, "label", oat, r);
    opt.label_en = get_string(oj, "label_en", oat, r);
    f.options.push_back(std::move(opt));
  }
  bool fits_type = f.type == FactType::kEnum || f.type == FactType::kInteger || f.type == FactType::kCount;
  for (const auto& o : f.options) {
    bool fits = f.type == FactType::kEnum ? !o.is_number : o.is_number;
    if (!fits || !fits_type) {
      r.issue(issue::kType, ptr(fat, "options"), "选项的值应与事实类型一致（enum 用字符串，integer/count 用整数）");
      break;
    }
  }
  if (f.type == FactType::kEnum && f.options.size() > 64) r.issue(issue::kValue, ptr(fat, "options"), "枚举最多 64 个选项");
}

FactDef read_fact(const json& fj, const std::string& fat, Reporter& r) {
  check_keys(fj, {"id", "type", "required", "label", "label_en", "unit", "unit_en", "help", "help_en", "options", "min", "max"},
             fat, r);
  FactDef f;
  f.id = get_string(fj, "id", fat, r);
  std::string type = get_string(fj, "type", fat, r);
  if (auto t = fact_type(type)) f.type = *t;
  else if (!type.empty()) r.issue(issue::kUnknownKind, ptr(fat, "type"), "未知的事实类型“" + type + "”");
  f.required = get_bool(fj, "required", fat, r, false);
  f.label = get_string(fj, "label", fat, r);
  f.label_en = get_string(fj, "label_en", fat, r);
  f.unit = get_string(fj, "unit", fat, r, false);
  f.unit_en = get_string(fj, "unit_en", fat, r, false);
  f.help = get_string(fj, "help", fat, r, false);
  f.help_en = get_string(fj, "help_en", fat, r, false);
  f.min = get_int(fj, "min", fat, r);
  f.max = get_int(fj, "max", fat, r);
  read_options(fj, fat, f, r);
  if (f.type == FactType::kEnum && f.options.empty()) r.issue(issue::kMissing, fat, "枚举事实必须列出 options");
  return f;
}

void read_consistency(const json& cj, const std::string& cat, ProgramDef& p, Reporter& r) {
  check_keys(cj, {"kind", "fact", "facts", "than", "flag", "other", "min", "message", "message_en"}, cat, r);
  ConsistencyRule c;
  std::string kind = get_string(cj, "kind", cat, r);
  c.message = get_string(cj, "message", cat, r);
  c.message_en = get_string(cj, "message_en", cat, r, false);
  c.min = get_int(cj, "min", cat, r).value_or(0);
  auto index = [&](const std::string& id) -> int {
    if (id.empty()) return -1;
    const FactDef* f = p.fact(id);
    if (!f) r.issue(issue::kUnknownFact, cat, "一致性规则引用了未定义的事实“" + id + "”");
    return f ? f->index : -1;
  };
  using K = ConsistencyRule::Kind;
  if (kind == "not_greater") {
    c.kind = K::kNotGreater;
    c.fact = index(get_string(cj, "fact", cat, r));
    c.other = index(get_string(cj, "than", cat, r));
  } else if (kind == "sum_not_greater") {
    c.kind = K::kSumNotGreater;
    for (const auto& f : get_string_list(cj, "facts", cat, r)) c.facts.push_back(index(f));
    c.other = index(get_string(cj, "than", cat, r));
    c.fact = c.facts.empty() ? -1 : c.facts.back();
  } else if (kind == "requires_true") {
    c.kind = K::kRequiresTrue;
    c.fact = index(get_string(cj, "fact", cat, r));
    c.other = index(get_string(cj, "flag", cat, r));
  } else if (kind == "not_after_request_date") {
    c.kind = K::kNotAfterRequestDate;
    c.fact = index(get_string(cj, "fact", cat, r));
  } else if (kind == "not_before") {
    c.kind = K::kNotBefore;
    c.fact = index(get_string(cj, "fact", cat, r));
    c.other = index(get_string(cj, "than", cat, r));
    for (int f : {c.fact, c.other}) {
      if (f >= 0 && p.facts[static_cast<std::size_t>(f)].type != FactType::kDate) r.issue(issue::kFactType, cat, "not_before 只比较日期事实");
    }
  } else if (kind == "true_requires_at_least") {
    c.kind = K::kTrueRequiresAtLeast;
    c.fact = index(get_string(cj, "fact", cat, r));
    c.other = index(get_string(cj, "other", cat, r));
  } else if (!kind.empty()) {
    r.issue(issue::kUnknownKind, ptr(cat, "kind"), "未知的一致性规则“" + kind + "”");
  }
  p.consistency.push_back(std::move(c));
}

}  // namespace

void read_programs(const json& doc, Reporter& r, RuleSet& rs) {
  check_keys(doc, {"kind", "format", "programs"}, "", r);
  auto it = doc.find("programs");
  if (it == doc.end() || !it->is_array()) {
    r.issue(issue::kType, "/programs", "应为数组");
    return;
  }
  for (std::size_t i = 0; i < it->size(); ++i) {
    const json& pj = (*it)[i];
    std::string at = ptr("/programs", i);
    if (!need_object(pj, at, r)) continue;
    check_keys(pj, {"id", "title", "title_en", "audience", "facts", "consistency"}, at, r);
    ProgramDef p;
    p.id = get_string(pj, "id", at, r);
    p.title = get_string(pj, "title", at, r);
    p.title_en = get_string(pj, "title_en", at, r);
    p.audience = get_string(pj, "audience", at, r);
    p.index = static_cast<int>(rs.programs.size());
    if (rs.program(p.id)) r.issue(issue::kDuplicate, ptr(at, "id"), "项目“" + p.id + "”重复定义");
    auto fit = pj.find("facts");
    if (fit == pj.end() || !fit->is_array()) {
      r.issue(issue::kType, ptr(at, "facts"), "应为数组");
      continue;
    }
    for (std::size_t k = 0; k < fit->size(); ++k) {
      std::string fat = ptr(ptr(at, "facts"), k);
      if (!need_object((*fit)[k], fat, r)) continue;
      FactDef f = read_fact((*fit)[k], fat, r);
      if (p.fact(f.id)) r.issue(issue::kDuplicate, ptr(fat, "id"), "事实“" + f.id + "”重复定义");
      f.index = static_cast<int>(p.facts.size());
      p.facts.push_back(std::move(f));
    }
    if (p.facts.size() > static_cast<std::size_t>(kMaxFactsPerProgram)) {
      r.issue(issue::kValue, ptr(at, "facts"), "一个项目最多 " + std::to_string(kMaxFactsPerProgram) + " 个事实");
      p.facts.resize(static_cast<std::size_t>(kMaxFactsPerProgram));
    }
    for (const auto& f : p.facts) p.facts_by_id.push_back(f.index);
    std::sort(p.facts_by_id.begin(), p.facts_by_id.end(),
              [&](int a, int b) { return p.facts[static_cast<std::size_t>(a)].id < p.facts[static_cast<std::size_t>(b)].id; });
    if (auto cit = pj.find("consistency"); cit != pj.end()) {
      if (!cit->is_array()) r.issue(issue::kType, ptr(at, "consistency"), "应为数组");
      else {
        for (std::size_t k = 0; k < cit->size(); ++k) {
          std::string cat = ptr(ptr(at, "consistency"), k);
          if (need_object((*cit)[k], cat, r)) read_consistency((*cit)[k], cat, p, r);
        }
      }
    }
    rs.programs.push_back(std::move(p));
  }
}

void read_regions(const json& doc, Reporter& r, RuleSet& rs) {
  check_keys(doc, {"kind", "format", "regions"}, "", r);
  auto it = doc.find("regions");
  if (it == doc.end() || !it->is_array()) {
    r.issue(issue::kType, "/regions", "应为数组");
    return;
  }
  auto read_one = [&](const json& j, const std::string& at, RegionInfo& out) {
    if (!need_object(j, at, r)) return false;
    check_keys(j, {"code", "name", "name_en", "prefectures", "covers"}, at, r);
    out.code = get_string(j, "code", at, r);
    out.name = get_string(j, "name", at, r);
    out.name_en = get_string(j, "name_en", at, r);
    bool six = is_region_code(out.code);
    if (!six) r.issue(issue::kValue, ptr(at, "code"), "地区代码应为六位数字");
    return six;
  };
  for (std::size_t i = 0; i < it->size(); ++i) {
    std::string at = ptr("/regions", i);
    RegionInfo info;
    if (!read_one((*it)[i], at, info)) continue;
    if ((*it)[i].contains("covers")) {
      for (const auto& prefix : get_string_list((*it)[i], "covers", at, r)) {
        bool digits = prefix.size() >= 3 && prefix.size() <= 5 &&
                      prefix.find_first_not_of("0123456789") == std::string::npos;
        if (!digits) r.issue(issue::kValue, ptr(at, "covers"), "应为 3–5 位数字的代码前缀，如 \"6590\"");
        else info.covers.push_back(prefix);
      }
    }
    if (auto pit = (*it)[i].find("prefectures"); pit != (*it)[i].end()) {
      if (!pit->is_array()) r.issue(issue::kType, ptr(at, "prefectures"), "应为数组");
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

}  // namespace uie
