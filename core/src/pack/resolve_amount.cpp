// Resolving the amount rule and the duration of a policy.
#include <algorithm>

#include "pack/resolve.h"

namespace uie {
namespace {

int option_index(const FactDef& f, const std::string& value) {
  for (std::size_t o = 0; o < f.options.size(); ++o) {
    if (f.options[o].text == value) return static_cast<int>(o);
  }
  return -1;
}

void percent_of_base(const RawAmount& a, Resolver& r, AmountRule& out) {
  const Origin& at = a.at;
  if (!a.base) r.issue(at, issue::kMissing, "/base", "缺少“base”");
  out.base = r.fact(a.base.value_or(""), at, "/base", {FactType::kMoney});
  for (const auto& e : a.exclude.value_or(std::vector<std::string>{})) {
    out.exclude.push_back(r.fact(e, at, "/exclude", {FactType::kMoney}));
  }
  out.pass_on = r.fact(a.pass_on.value_or(""), at, "/pass_on", {FactType::kMoney});
  const auto by_unit = a.rate_by_unit_type.value_or(std::map<std::string, std::string>{});
  const auto by_size = a.rate_by_size.value_or(std::map<std::string, std::string>{});
  if (by_size.size() != 2 || !by_size.count("large") || !by_size.count("sme")) {
    r.issue(at, issue::kMissing, "/rate_by_size", "应给出 large 和 sme 两档比例");
  } else {
    out.rate_large = r.param(by_size.at("large"), at, "/rate_by_size/large", ParamType::kRate);
    out.rate_sme = r.param(by_size.at("sme"), at, "/rate_by_size/sme", ParamType::kRate);
  }
  out.unit_type_fact = r.fact("unit_type", at, "", {FactType::kEnum});
  out.size_fact = r.fact("size", at, "", {FactType::kEnum});
  if (out.size_fact >= 0) {
    const FactDef& size = r.program().facts[static_cast<std::size_t>(out.size_fact)];
    out.size_large_option = option_index(size, "large");
    out.size_sme_option = option_index(size, "sme");
    if (out.size_large_option < 0 || out.size_sme_option < 0) r.issue(at, issue::kValue, "", "事实 size 应有 large 和 sme 两个选项");
  }
  for (const auto& [unit, p] : by_unit) {
    if (p != "by_size" && p != "sme_or_by_size") r.param(p, at, "/rate_by_unit_type/" + unit, ParamType::kRate);
  }
  if (out.unit_type_fact >= 0) {
    const FactDef& unit_type = r.program().facts[static_cast<std::size_t>(out.unit_type_fact)];
    for (const auto& o : unit_type.options) {
      auto it = by_unit.find(o.text);
      if (it == by_unit.end()) {
        r.issue(at, issue::kMissing, "/rate_by_unit_type", "缺少单位类型“" + o.text + "”的返还比例");
        out.rate_by_unit_type.push_back(nullptr);
      } else {
        bool sized = it->second == "by_size" || it->second == "sme_or_by_size";
        out.rate_by_unit_type.push_back(sized ? nullptr : r.policy().param(it->second));
      }
    }
    // 参照实施 read two ways (docs/contract-notes.md): kept only where some unit is.
    for (const auto& o : unit_type.options) {
      auto it = by_unit.find(o.text);
      out.both_readings.push_back(it != by_unit.end() && it->second == "sme_or_by_size");
    }
    if (std::find(out.both_readings.begin(), out.both_readings.end(), 1) == out.both_readings.end()) out.both_readings.clear();
  }
  // The size derived from a headcount where the policy says how (a derived
  // fact, written in the older form inside the amount).
  if (a.derive_size && *a.derive_size) {
    const RawAmount::DeriveSize& ds = **a.derive_size;
    Derivation d;
    d.id = "derive_size";
    d.kind = Derivation::Kind::kAtLeast;
    d.fact = out.size_fact;
    d.from = r.fact(ds.fact, ds.at, "/fact", {FactType::kCount, FactType::kInteger});
    d.param = r.param(ds.large_at_least, ds.at, "/large_at_least", ParamType::kCount);
    d.then_option = out.size_large_option;
    d.else_option = out.size_sme_option;
    d.cite = r.cite(ds.cite);
    d.last_resort = ds.last_resort;
    r.policy().derivations.push_back(std::move(d));
  }
  out.reads = {out.base};
}

void table(const RawAmount& a, Resolver& r, AmountRule& out) {
  out.table_fact = r.fact(a.fact.value_or(""), a.at, "/fact", {FactType::kInteger, FactType::kCount, FactType::kEnum});
  if (!a.fact) r.issue(a.at, issue::kMissing, "/fact", "缺少“fact”");
  if (!a.table || a.table->empty()) {
    r.issue(a.at, issue::kMissing, "/table", "应为非空对象");
    return;
  }
  for (const auto& [key, param] : *a.table) {
    bool digits = !key.empty() && key.size() < 10 &&
                  std::all_of(key.begin(), key.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    if (!digits) {
      r.issue(a.at, issue::kValue, "/table/" + key, "表的键应为整数、值应为参数名");
      continue;
    }
    out.table.emplace_back(std::stoll(key), r.param(param, a.at, "/table/" + key, ParamType::kMoney));
  }
}

void contribution_split(const RawAmount& a, Resolver& r, AmountRule& out) {
  out.base = r.fact(a.base.value_or(""), a.at, "/base", {FactType::kMoney});
  if (!a.base) r.issue(a.at, issue::kMissing, "/base", "缺少“base”");
  if (!a.total) r.issue(a.at, issue::kMissing, "/total", "缺少“total”");
  out.total = r.param(a.total.value_or(""), a.at, "/total", ParamType::kRate);
  out.unit = r.param(a.unit.value_or(""), a.at, "/unit", ParamType::kRate);
  out.individual = r.param(a.individual.value_or(""), a.at, "/individual", ParamType::kRate);
  if (a.unit.value_or("").empty() != a.individual.value_or("").empty()) {
    r.issue(a.at, issue::kConflict, "", "单位费率和个人费率应同时给出");
  }
  out.reads = {out.base};
}

// 失业保险金: a monthly standard, by the date; each part optional, since a
// province may give the rate and leave the minimum wage to its cities.
void monthly(const RawAmount& a, Resolver& r, AmountRule& out) {
  out.standard = r.param(a.standard.value_or(""), a.at, "/standard", ParamType::kMoney);
  out.standard_rate = r.param(a.rate.value_or(""), a.at, "/rate", ParamType::kRate);
  out.minimum_wage = r.param(a.minimum_wage.value_or(""), a.at, "/minimum_wage", ParamType::kMoney);
  if (out.minimum_wage && !out.standard_rate) r.issue(a.at, issue::kConflict, "/minimum_wage", "有最低工资标准（minimum_wage）时还要有比例（rate）");
  if (out.standard && out.standard_rate) r.issue(a.at, issue::kConflict, "/standard", "standard 与 rate 只能给一个");
  out.whole_yuan = a.whole_yuan.value_or(false);
  out.own_fact = r.fact(a.fact.value_or(""), a.at, "/fact", {FactType::kMoney});
  if (out.text.empty()) r.issue(a.at, issue::kMissing, "/text", "缺少说明：标准由谁、按什么确定（不知道标准时显示）");
}

}  // namespace

void resolve_amount(const RawAmount& a, Resolver& r) {
  AmountRule& out = r.policy().amount;
  out.text = a.text.value_or("");
  out.text_en = a.text_en.value_or("");
  if (!a.cite) r.issue(a.at, issue::kCite, "/cite", "缺少出处（cite：文号、条款、原文）");
  else out.cite = r.cite(*a.cite);
  out.exclude_cite = a.exclude_cite ? r.cite(*a.exclude_cite) : out.cite;
  out.pass_on_cite = a.pass_on_cite ? r.cite(*a.pass_on_cite) : out.cite;
  std::string kind = a.kind.value_or("");
  if (kind.empty()) r.issue(a.at, issue::kMissing, "/kind", "缺少“kind”");
  if (kind == "percent_of_base") {
    out.kind = AmountRule::Kind::kPercentOfBase;
    percent_of_base(a, r, out);
  } else if (kind == "table") {
    out.kind = AmountRule::Kind::kTable;
    table(a, r, out);
  } else if (kind == "contribution_split") {
    out.kind = AmountRule::Kind::kContributionSplit;
    contribution_split(a, r, out);
  } else if (kind == "monthly") {
    out.kind = AmountRule::Kind::kMonthly;
    monthly(a, r, out);
  } else if (kind == "local") {
    out.kind = AmountRule::Kind::kLocal;
    if (out.text.empty()) r.issue(a.at, issue::kMissing, "/text", "缺少说明：标准由哪个文件规定");
  } else if (!kind.empty()) {
    r.issue(a.at, issue::kUnknownKind, "/kind", "未知的金额规则“" + kind + "”");
  }
}

void resolve_duration(const RawDuration& d, Resolver& r) {
  Duration& out = r.policy().duration;
  const ProgramDef& p = r.program();
  if (!d.bands) r.issue(d.at, issue::kMissing, "/bands", "缺少“bands”");
  out.bands = r.param(d.bands.value_or(""), d.at, "/bands", ParamType::kBands);
  if (!d.schedule.value_or("").empty()) out.schedule = r.param(*d.schedule, d.at, "/schedule", ParamType::kBands);
  if (const FactDef* f = p.fact("contribution_months")) out.contribution_months = f->index;
  if (const FactDef* f = p.fact("benefit_months_used")) out.months_used = f->index;
  if (!d.extension_within.value_or("").empty()) {
    out.extension_within = r.param(*d.extension_within, d.at, "/extension_within", ParamType::kCount);
    out.months_to_retirement = r.fact(d.months_to_retirement.value_or("months_to_retirement"), d.at, "",
                                      {FactType::kInteger});
    if (!d.extension_cite) r.issue(d.at, issue::kCite, "/extension_cite", "缺少出处");
    else out.extension_cite = r.cite(*d.extension_cite);
  }
}

}  // namespace uie
