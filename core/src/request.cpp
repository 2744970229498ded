#include "request.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "uie/engine.h"

namespace uie {
namespace {

bool fail(RequestError& err, std::string code, std::string path, std::string message) {
  err = RequestError{std::move(code), std::move(path), std::move(message)};
  return false;
}

// Province-level prefixes of GB/T 2260, plus 66 for 兵团 (contract §1).
bool known_province(const std::string& code) {
  static const char* prefixes[] = {"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34",
                                   "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52",
                                   "53", "54", "61", "62", "63", "64", "65", "66", "71", "81", "82"};
  for (const char* p : prefixes) {
    if (code.compare(0, 2, p) == 0) return true;
  }
  return false;
}

std::string lower_trim(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (!std::isspace(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
  if (a.size() > 64 || b.size() > 64) return 99;
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

// A fact name the program does not know: say which one was probably meant.
std::string unknown_fact_message(const ProgramDef& p, const std::string& key) {
  std::string shown = key.size() > 60 ? key.substr(0, 60) + "…" : key;
  std::string msg = "项目“" + p.title + "”没有名为“" + shown + "”的事实";
  const FactDef* best = nullptr;
  std::size_t best_d = 3;
  for (const auto& f : p.facts) {
    std::size_t d = lower_trim(key) == f.id ? 0 : edit_distance(key, f.id);
    if (d < best_d) {
      best_d = d;
      best = &f;
    }
  }
  if (best) msg += "，是不是“" + best->id + "”（" + best->label + "）？";
  else msg += "（拼写必须完全一致）";
  return msg;
}

std::string shown_value(const json& v) {
  std::string s = v.dump(-1, ' ', false, json::error_handler_t::replace);
  if (s.size() > 40) s = s.substr(0, 40) + "…";
  return s;
}

std::string name_of(const FactDef& f) { return "“" + f.label + "”（" + f.id + "）"; }

// A JSON number that is a whole number: an integer, or a float with no
// fraction (3.0). Fractions and magnitudes past int64 are refused.
bool whole_number(const json& v, std::int64_t& out) {
  if (v.is_number_integer()) {
    if (v.is_number_unsigned() && v.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) return false;
    out = v.get<std::int64_t>();
    return true;
  }
  if (v.is_number_float()) {
    double d = v.get<double>();
    if (!std::isfinite(d) || std::floor(d) != d || std::fabs(d) > 9e15) return false;
    out = static_cast<std::int64_t>(d);
    return true;
  }
  return false;
}

bool read_fact(const FactDef& def, const json& v, const std::string& path, const JsonDocument& doc, FactValue& out,
               RequestError& err) {
  out.type = def.type;
  std::string name = name_of(def);
  switch (def.type) {
    case FactType::kBool:
      if (!v.is_boolean()) return fail(err, "invalid_fact", path, name + "应为 true 或 false，收到的是 " + shown_value(v));
      out.flag = v.get<bool>();
      return true;
    case FactType::kEnum: {
      std::string allowed;
      for (const auto& o : def.options) {
        if (v.is_string() && o.value == v) return out.text = v.get<std::string>(), true;
        allowed += (allowed.empty() ? "" : "、") + o.value.get<std::string>() + "（" + o.label + "）";
      }
      return fail(err, "invalid_fact", path, name + "应为以下之一：" + allowed + "；收到的是 " + shown_value(v));
    }
    case FactType::kCount:
    case FactType::kInteger: {
      std::int64_t n = 0;
      std::int64_t lo = def.min.value_or(def.type == FactType::kCount ? 0 : INT64_MIN);
      std::int64_t hi = def.max.value_or(INT64_MAX);
      std::string range = def.type == FactType::kCount && lo == 0 ? "不小于 0 的整数" : "整数";
      if (!whole_number(v, n)) return fail(err, "invalid_fact", path, name + "必须是" + range + "，收到的是 " + shown_value(v));
      if (n < lo || n > hi) {
        return fail(err, "invalid_fact", path,
                    name + "必须在 " + std::to_string(lo) + " 到 " + std::to_string(hi) + " 之间，收到的是 " + std::to_string(n));
      }
      if (!def.options.empty()) {
        bool listed = std::any_of(def.options.begin(), def.options.end(), [&](const Option& o) { return o.value == n; });
        if (!listed) return fail(err, "invalid_fact", path, name + "不是可选的值：" + std::to_string(n));
      }
      out.number = n;
      return true;
    }
    case FactType::kMoney: {
      std::string text;
      if (v.is_string()) text = v.get<std::string>();
      else if (v.is_number_integer()) text = shown_value(v);
      else if (v.is_number_float()) {
        auto it = doc.number_text.find(path);
        text = it != doc.number_text.end() ? it->second : shown_value(v);
      } else {
        return fail(err, "invalid_fact", path, name + "应为金额（元），写成数字或数字字符串，收到的是 " + shown_value(v));
      }
      switch (parse_yuan(text, out.money)) {
        case MoneyError::kNone: return true;
        case MoneyError::kNotANumber: return fail(err, "invalid_fact", path, name + "不是有效的金额：" + shown_value(v));
        case MoneyError::kNegative: return fail(err, "invalid_fact", path, name + "不能是负数：" + shown_value(v));
        case MoneyError::kTooManyDecimals:
          return fail(err, "invalid_fact", path, name + "最多两位小数（精确到分），收到的是 " + shown_value(v));
        case MoneyError::kTooLarge: return fail(err, "invalid_fact", path, name + "超过了 1 万亿元的上限：" + shown_value(v));
      }
      return false;
    }
    case FactType::kDate: {
      auto d = v.is_string() ? Date::parse(v.get<std::string>()) : std::nullopt;
      if (!d) return fail(err, "invalid_fact", path, name + "应为真实存在的日期 YYYY-MM-DD，收到的是 " + shown_value(v));
      out.date = *d;
      return true;
    }
    case FactType::kString: {
      if (!v.is_string()) return fail(err, "invalid_fact", path, name + "应为文字，收到的是 " + shown_value(v));
      const std::string& s = v.get_ref<const std::string&>();
      std::int64_t chars = 0;
      for (char c : s) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;  // UTF-8 code points
      if (chars > def.max.value_or(100)) {
        return fail(err, "invalid_fact", path, name + "最多 " + std::to_string(def.max.value_or(100)) + " 个字，收到 " + std::to_string(chars) + " 个");
      }
      out.text = s;
      return true;
    }
    case FactType::kLevelList: {
      if (!v.is_array() || v.size() > 5) return fail(err, "invalid_fact", path, name + "应为最多 5 个等级（1–5 的整数）的数组");
      for (std::size_t i = 0; i < v.size(); ++i) {
        std::int64_t n = 0;
        if (!whole_number(v[i], n) || n < 1 || n > 5) {
          return fail(err, "invalid_fact", path + "/" + std::to_string(i), name + "中的等级应为 1–5 的整数，收到的是 " + shown_value(v[i]));
        }
        out.levels.push_back(n);
      }
      return true;
    }
  }
  return false;
}

std::string fill(std::string t, const std::string& key, const std::string& value) {
  std::string pat = "{" + key + "}";
  for (std::size_t at = t.find(pat); at != std::string::npos; at = t.find(pat, at + value.size())) t.replace(at, pat.size(), value);
  return t;
}

bool check_consistency(const ProgramDef& p, Request& req, RequestError& err) {
  for (const auto& rule : p.consistency) {
    const FactDef* def = p.fact(rule.fact);
    const FactValue* a = req.fact(rule.fact);
    std::string path = "/facts/" + rule.fact;
    using K = ConsistencyRule::Kind;
    switch (rule.kind) {
      case K::kNotGreater: {
        const FactValue* b = req.fact(rule.other);
        if (a && b && a->number > b->number) {
          std::string m = fill(fill(rule.message, "fact", std::to_string(a->number)), "than", std::to_string(b->number));
          return fail(err, "inconsistent_facts", path, m);
        }
        break;
      }
      case K::kSumNotGreater: {
        const FactValue* b = req.fact(rule.other);
        Fen sum = 0;
        std::string last;
        for (const auto& f : rule.facts) {
          if (const FactValue* v = req.fact(f)) {
            sum += v->money;
            last = f;
          }
        }
        if (b && !last.empty() && sum > b->money) {
          std::string m = fill(fill(rule.message, "sum", yuan_str(sum)), "than", yuan_str(b->money));
          return fail(err, "inconsistent_facts", "/facts/" + last, m);
        }
        break;
      }
      case K::kRequiresTrue: {
        const FactValue* flag = req.fact(rule.other);
        bool nonzero = a && (a->money != 0 || a->number != 0);
        if (nonzero && !(flag && flag->flag)) return fail(err, "inconsistent_facts", path, rule.message);
        break;
      }
      case K::kNotAfterRequestDate:
        if (a && req.date < a->date) {
          return fail(err, "inconsistent_facts", path, fill(fill(rule.message, "fact", a->date.str()), "date", req.date.str()));
        }
        break;
      case K::kTrueRequiresAtLeast: {
        const FactValue* b = req.fact(rule.other);
        if (a && a->flag && b && b->number < rule.min) {
          return fail(err, "inconsistent_facts", path, fill(rule.message, "other", std::to_string(b->number)));
        }
        break;
      }
    }
    (void)def;
  }
  return true;
}

}  // namespace

bool read_request(const RuleSet& rules, std::string_view text, const Limits& limits, const Date& today, Request& out,
                  RequestError& err) {
  JsonDocument doc;
  JsonReadError jerr;
  if (!read_json(text, limits.max_request_bytes, limits.max_depth, doc, jerr)) {
    return fail(err, jerr.code, jerr.path, jerr.message);
  }
  const json& j = doc.value;
  if (!j.is_object()) return fail(err, "invalid_request", "", "请求应为 JSON 对象，例如 {\"region\":\"140000\",\"program\":\"…\",\"facts\":{…}}");
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string& k = it.key();
    if (k != "region" && k != "date" && k != "program" && k != "facts" && k != "policy") {
      std::string shown = k.size() > 60 ? k.substr(0, 60) + "…" : k;
      return fail(err, "invalid_request", "/" + pointer_token(k),
                  "请求里没有“" + shown + "”这一项（只能有 region、date、program、facts、policy）");
    }
  }
  auto region = j.find("region");
  if (region == j.end()) return fail(err, "invalid_request", "/region", "缺少地区代码 region（六位数字字符串，如 \"140000\"）");
  if (!region->is_string()) return fail(err, "invalid_request", "/region", "地区代码 region 应为六位数字的字符串，如 \"140000\"，收到的是 " + shown_value(*region));
  out.region = region->get<std::string>();
  bool six = out.region.size() == 6 && std::all_of(out.region.begin(), out.region.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!six) return fail(err, "invalid_request", "/region", "地区代码 region 应为六位数字，收到的是 " + shown_value(*region));
  if (out.region != "000000" && !known_province(out.region)) {
    return fail(err, "unknown_region", "/region", "没有以“" + out.region.substr(0, 2) + "”开头的省级行政区划代码：" + out.region);
  }
  out.date = today;
  if (auto d = j.find("date"); d != j.end()) {
    auto parsed = d->is_string() ? Date::parse(d->get<std::string>()) : std::nullopt;
    if (!parsed) return fail(err, "invalid_request", "/date", "日期 date 应为真实存在的日期 YYYY-MM-DD，收到的是 " + shown_value(*d));
    out.date = *parsed;
    out.date_given = true;
  }
  auto program = j.find("program");
  if (program == j.end()) return fail(err, "invalid_request", "/program", "缺少项目 program");
  if (!program->is_string()) return fail(err, "invalid_request", "/program", "项目 program 应为字符串，收到的是 " + shown_value(*program));
  out.program = rules.program(program->get<std::string>());
  if (!out.program) {
    std::string known;
    for (const auto& p : rules.programs) known += (known.empty() ? "" : "、") + p.id;
    return fail(err, "unknown_program", "/program", "没有这个项目：" + shown_value(*program) + "（可选：" + known + "）");
  }
  if (auto p = j.find("policy"); p != j.end()) {
    if (!p->is_string() || p->get_ref<const std::string&>().empty()) return fail(err, "invalid_request", "/policy", "政策 policy 应为政策 id 字符串，收到的是 " + shown_value(*p));
    out.policy_id = p->get<std::string>();
  }
  auto facts = j.find("facts");
  if (facts != j.end() && !facts->is_object()) return fail(err, "invalid_request", "/facts", "facts 应为对象，收到的是 " + shown_value(*facts));
  if (facts != j.end()) {
    for (auto it = facts->begin(); it != facts->end(); ++it) {
      std::string path = "/facts/" + pointer_token(it.key());
      const FactDef* def = out.program->fact(it.key());
      if (!def) return fail(err, "unknown_fact", path, unknown_fact_message(*out.program, it.key()));
      FactValue v;
      if (!read_fact(*def, *it, path, doc, v, err)) return false;
      out.facts[it.key()] = std::move(v);
    }
  }
  return check_consistency(*out.program, out, err);
}

std::string fact_display(const FactDef& def, const FactValue& v) {
  switch (def.type) {
    case FactType::kBool: return v.flag ? "是" : "否";
    case FactType::kEnum:
      for (const auto& o : def.options) {
        if (o.value == v.text) return o.label;
      }
      return v.text;
    case FactType::kCount:
    case FactType::kInteger:
      for (const auto& o : def.options) {
        if (o.value == v.number) return o.label;
      }
      return std::to_string(v.number);
    case FactType::kMoney: return yuan_zh(v.money);
    case FactType::kDate: return v.date.zh();
    case FactType::kString: return v.text;
    case FactType::kLevelList: {
      std::string s;
      for (auto l : v.levels) s += (s.empty() ? "" : "、") + std::to_string(l) + "级";
      return s.empty() ? "无" : s;
    }
  }
  return "";
}

}  // namespace uie
