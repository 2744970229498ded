// Parameters of a program section: values keyed by effective date, each with
// its citation, read by the parameter's declared type; and the values that
// depend on a fact ("when").
#include "pack/read_section.h"

namespace uie {
namespace {

std::optional<ParamType> param_type(const std::string& s) {
  static const std::pair<const char*, ParamType> types[] = {
      {"count", ParamType::kCount}, {"rate", ParamType::kRate}, {"money", ParamType::kMoney},
      {"bands", ParamType::kBands}, {"date", ParamType::kDate}, {"retirement_schedule", ParamType::kRetirement}};
  for (const auto& t : types) {
    if (s == t.first) return t.second;
  }
  return std::nullopt;
}

// "1965-01" as year*12 + month-1.
std::optional<int> parse_month(const std::string& s) {
  auto d = Date::parse(s + "-01");
  if (!d || s.size() != 7) return std::nullopt;
  return d->year * 12 + d->month - 1;
}

void read_bands(const json& val, const std::string& vp, ParamScalar& out, Reporter& r) {
  if (!val.is_array() || val.empty()) {
    r.issue(issue::kType, vp, "期限表应为非空数组");
    return;
  }
  for (std::size_t b = 0; b < val.size(); ++b) {
    const json& bj = val[b];
    std::string bat = ptr(vp, b);
    if (!need_object(bj, bat, r)) continue;
    check_keys(bj, {"from_months", "months", "step_months", "max_months"}, bat, r);
    Band band{get_int(bj, "from_months", bat, r).value_or(-1), get_int(bj, "months", bat, r).value_or(-1),
              bj.contains("step_months") ? get_int(bj, "step_months", bat, r).value_or(-1) : 0,
              bj.contains("max_months") ? get_int(bj, "max_months", bat, r).value_or(-1) : 0};
    if (band.from_months < 0 || band.months < 0) r.issue(issue::kValue, bat, "from_months 和 months 都应为不小于 0 的整数");
    if (band.step_months < 0 || band.max_months < 0) r.issue(issue::kValue, bat, "step_months 和 max_months 应为正整数");
    if (band.max_months > 0 && band.max_months < band.months) r.issue(issue::kConflict, bat, "max_months 不能小于 months");
    if (!out.bands.empty() && band.from_months <= out.bands.back().from_months) {
      r.issue(issue::kOrder, bat, "期限表应按 from_months 从小到大排列");
    }
    out.bands.push_back(band);
  }
}

void read_retirement(const json& val, const std::string& vp, ParamScalar& out, Reporter& r) {
  if (!val.is_array() || val.empty()) {
    r.issue(issue::kType, vp, "退休年龄表应为非空数组");
    return;
  }
  for (std::size_t g = 0; g < val.size(); ++g) {
    const json& gj = val[g];
    std::string gat = ptr(vp, g);
    if (!need_object(gj, gat, r)) continue;
    check_keys(gj, {"group", "base_age_months", "delay_from", "months_per_step", "max_delay_months"}, gat, r);
    RetirementRule rule;
    rule.group = get_string(gj, "group", gat, r);
    rule.base_months = get_int(gj, "base_age_months", gat, r).value_or(-1);
    rule.months_per_step = get_int(gj, "months_per_step", gat, r).value_or(0);
    rule.max_delay = get_int(gj, "max_delay_months", gat, r).value_or(-1);
    std::string from = get_string(gj, "delay_from", gat, r);
    auto m = parse_month(from);
    if (!from.empty() && !m) r.issue(issue::kDate, ptr(gat, "delay_from"), "应为 YYYY-MM 月份");
    rule.delay_from = m.value_or(0);
    if (rule.base_months <= 0 || rule.months_per_step <= 0 || rule.max_delay < 0) {
      r.issue(issue::kValue, gat, "base_age_months、months_per_step 应为正整数，max_delay_months 不小于 0");
    }
    out.retirement.push_back(std::move(rule));
  }
}

}  // namespace

bool read_scalar(ParamType type, const json& val, const std::string& vp, ParamScalar& out, Reporter& r) {
  std::size_t before = r.issues->size();
  switch (type) {
    case ParamType::kCount:
      if (!val.is_number_integer()) r.issue(issue::kType, vp, "应为整数");
      else out.count = val.get<std::int64_t>();
      break;
    case ParamType::kRate: {
      auto rate = val.is_string() ? Rate::parse(val.get<std::string>()) : std::nullopt;
      if (!rate) r.issue(issue::kValue, vp, "比例应写成百分数字符串，如 \"5.5%\"");
      else out.rate = *rate;
      break;
    }
    case ParamType::kMoney:
      if (!val.is_string() || parse_yuan(val.get<std::string>(), out.money) != MoneyError::kNone) {
        r.issue(issue::kValue, vp, "金额应写成元的十进制字符串，如 \"1000\"");
      }
      break;
    case ParamType::kDate: {
      auto d = val.is_string() ? Date::parse(val.get<std::string>()) : std::nullopt;
      if (!d) r.issue(issue::kDate, vp, "应为 YYYY-MM-DD 日期");
      else out.date = *d;
      break;
    }
    case ParamType::kBands: read_bands(val, vp, out, r); break;
    case ParamType::kRetirement: read_retirement(val, vp, out, r); break;
  }
  return r.issues->size() == before;
}

RawCase read_case(const json& cj, const std::string& at, ParamType type, Reporter& r, const std::string& doc_no) {
  RawCase c;
  c.at = r.at(at);
  check_keys(cj, {"fact", "equals", "value", "cite", "whatif", "whatif_en", "where_adopted"}, at, r);
  c.where_adopted = get_bool(cj, "where_adopted", at, r, false);
  c.fact = get_string(cj, "fact", at, r);
  if (auto e = cj.find("equals"); e == cj.end()) {
    r.issue(issue::kMissing, ptr(at, "equals"), "缺少 equals（事实等于什么值时适用）");
  } else if (e->is_boolean()) {
    c.equals.kind = RawScalar::Kind::kBool;
    c.equals.flag = e->get<bool>();
  } else if (e->is_string()) {
    c.equals.kind = RawScalar::Kind::kString;
    c.equals.text = e->get<std::string>();
  } else {
    r.issue(issue::kType, ptr(at, "equals"), "equals 应为 true/false 或选项值");
  }
  c.equals.pointer = ptr(at, "equals");
  if (auto v = cj.find("value"); v == cj.end()) r.issue(issue::kMissing, ptr(at, "value"), "缺少 value");
  else read_scalar(type, *v, ptr(at, "value"), c.value, r);
  if (cj.contains("cite")) c.cite = read_cite(cj["cite"], ptr(at, "cite"), r, doc_no);
  c.whatif = get_string(cj, "whatif", at, r, false);
  c.whatif_en = get_string(cj, "whatif_en", at, r, false);
  return c;
}

void read_params(const json& pj, const std::string& at, Reporter& r, const std::string& doc_no,
                 std::vector<RawParam>& out) {
  if (!pj.is_object()) {
    r.issue(issue::kType, at, "params 应为对象");
    return;
  }
  for (auto it = pj.begin(); it != pj.end(); ++it) {
    std::string pat = ptr(at, it.key());
    const json& j = *it;
    if (!need_object(j, pat, r)) continue;
    check_keys(j, {"type", "cap", "values"}, pat, r);
    RawParam p;
    p.id = it.key();
    p.at = r.at(pat);
    std::string type = get_string(j, "type", pat, r);
    auto t = param_type(type);
    if (!t) {
      if (!type.empty()) r.issue(issue::kUnknownKind, ptr(pat, "type"), "未知的参数类型“" + type + "”");
      continue;
    }
    p.type = *t;
    p.cap = get_bool(j, "cap", pat, r, false);
    auto vit = j.find("values");
    if (vit == j.end() || !vit->is_array() || vit->empty()) {
      r.issue(issue::kMissing, ptr(pat, "values"), "参数至少要有一个按生效日期给出的值");
      continue;
    }
    for (std::size_t i = 0; i < vit->size(); ++i) {
      const json& vj = (*vit)[i];
      std::string vat = ptr(ptr(pat, "values"), i);
      if (!need_object(vj, vat, r)) continue;
      check_keys(vj, {"from", "value", "cite", "when"}, vat, r);
      RawParamValue v;
      v.at = r.at(vat);
      if (auto from = get_date(vj, "from", vat, r, true)) v.from = *from;
      v.cite = need_cite(vj, vat, r, doc_no);
      auto val = vj.find("value");
      if (val == vj.end()) {
        r.issue(issue::kMissing, ptr(vat, "value"), "缺少 value");
        continue;
      }
      read_scalar(p.type, *val, ptr(vat, "value"), v.value, r);
      if (auto w = vj.find("when"); w != vj.end()) {
        if (!w->is_array()) r.issue(issue::kType, ptr(vat, "when"), "when 应为数组");
        else {
          for (std::size_t k = 0; k < w->size(); ++k) {
            std::string wat = ptr(ptr(vat, "when"), k);
            if (need_object((*w)[k], wat, r)) v.when.push_back(read_case((*w)[k], wat, p.type, r, doc_no));
          }
        }
      }
      if (!p.values.empty() && !(p.values.back().from < v.from)) {
        r.issue(issue::kOrder, ptr(vat, "from"), "生效日期应从早到晚排列且不重复");
      }
      p.values.push_back(std::move(v));
    }
    out.push_back(std::move(p));
  }
}

}  // namespace uie
