// One fact of a JSON request, checked against its definition: the type, the
// bounds, the allowed values. Money is read from the digits as written.
#include <cmath>

#include "input/request.h"

namespace uie {
namespace {

using Node = JsonTree::Node;
using T = JsonTree::Type;

// The error at the fact (its JSON Pointer built only now: errors are rare).
bool fail(RequestError& err, const char* code, const FactDef& def, std::string message, const std::string& suffix = "") {
  err = RequestError{code, "/facts/" + pointer_token(def.id) + suffix, std::move(message)};
  return false;
}

std::string shown(const JsonTree& tree, const Node& v) { return tree.shown(v); }

// A JSON number that is a whole number: an integer, or a float with no
// fraction (3.0). Fractions and magnitudes past int64 are refused.
bool whole_number(const Node& v, std::int64_t& out) {
  if (v.type == T::kInteger) {
    out = v.integer;
    return true;
  }
  if (v.type == T::kFloat) {
    double d = v.real;
    if (!std::isfinite(d) || std::floor(d) != d || std::fabs(d) > 9e15) return false;
    out = static_cast<std::int64_t>(d);
    return true;
  }
  return false;
}

bool read_count(const RuleSet& rules, const FactDef& def, const JsonTree& tree, const Node& v, bool en, FactValue& out, RequestError& err) {
  const Messages& m = rules.messages;
  std::int64_t n = 0;
  std::int64_t lo = def.min.value_or(def.type == FactType::kCount ? 0 : INT64_MIN);
  std::int64_t hi = def.max.value_or(INT64_MAX);
  if (!whole_number(v, n)) {
    Msg which = def.type == FactType::kCount && lo == 0 ? Msg::kNotCount : Msg::kNotInteger;
    return fail(err, "invalid_fact", def, m.text(which, en, {fact_name(rules, def, en), shown(tree, v)}));
  }
  if (n < lo || n > hi) {
    return fail(err, "invalid_fact", def,
                m.text(Msg::kOutOfRange, en, {fact_name(rules, def, en), std::to_string(lo), std::to_string(hi), std::to_string(n)}));
  }
  if (!def.options.empty() && !def.option(n)) {
    return fail(err, "invalid_fact", def, m.text(Msg::kNotAnOption, en, {fact_name(rules, def, en), std::to_string(n)}));
  }
  out.number = n;
  return true;
}

bool read_money(const RuleSet& rules, const FactDef& def, const JsonTree& tree, const Node& v, bool en, FactValue& out, RequestError& err) {
  const Messages& m = rules.messages;
  std::string text;
  if (v.type == T::kString) text = std::string(tree.text(v));
  else if (v.type == T::kInteger || v.type == T::kUnsigned) text = shown(tree, v);
  else if (v.type == T::kFloat) text = std::string(tree.text(v));
  else return fail(err, "invalid_fact", def, m.text(Msg::kNotMoney, en, {fact_name(rules, def, en), shown(tree, v)}));
  Msg which = Msg::kMoneyNaN;
  switch (parse_yuan(text, out.number)) {
    case MoneyError::kNone: return true;
    case MoneyError::kNotANumber: which = Msg::kMoneyNaN; break;
    case MoneyError::kNegative: which = Msg::kMoneyNegative; break;
    case MoneyError::kTooManyDecimals: which = Msg::kMoneyDecimals; break;
    case MoneyError::kTooLarge: which = Msg::kMoneyTooLarge; break;
  }
  return fail(err, "invalid_fact", def, m.text(which, en, {fact_name(rules, def, en), shown(tree, v)}));
}

bool read_levels(const RuleSet& rules, const FactDef& def, const JsonTree& tree, const Node& v,
                 bool en, FactValue& out, RequestError& err) {
  const Messages& m = rules.messages;
  if (v.type != T::kArray || v.size > 5) {
    return fail(err, "invalid_fact", def, m.text(Msg::kNotLevelList, en, {fact_name(rules, def, en)}));
  }
  std::size_t i = 0;
  for (std::int32_t c = v.first; c >= 0; c = tree.node(c).next, ++i) {
    std::int64_t n = 0;
    if (!whole_number(tree.node(c), n) || n < 1 || n > 5) {
      return fail(err, "invalid_fact", def, m.text(Msg::kNotLevel, en, {fact_name(rules, def, en), shown(tree, tree.node(c))}),
                  "/" + std::to_string(i));
    }
    out.level_list[out.level_count++] = static_cast<std::uint8_t>(n);
    out.levels = static_cast<std::uint8_t>(out.levels | (1u << n));
  }
  return true;
}

}  // namespace

std::string fact_name(const RuleSet& rules, const FactDef& def, bool english) {
  return rules.messages.text(Msg::kFactName, english, {english ? def.label_en : def.label, def.id});
}

bool read_fact_json(const RuleSet& rules, const FactDef& def, const JsonTree& tree, const Node& v,
                    bool en, FactValue& out, RequestError& err) {
  const Messages& m = rules.messages;
  out.present = true;
  switch (def.type) {
    case FactType::kBool:
      if (v.type != T::kBool) return fail(err, "invalid_fact", def, m.text(Msg::kNotBool, en, {fact_name(rules, def, en), shown(tree, v)}));
      out.number = v.flag ? 1 : 0;
      return true;
    case FactType::kEnum: {
      if (v.type == T::kString) {
        if (const Option* o = def.option(tree.text(v))) {
          out.number = o - def.options.data();
          return true;
        }
      }
      std::string allowed;
      for (const auto& o : def.options) {
        if (!allowed.empty()) allowed += m.text(Msg::kListSeparator, en);
        allowed += m.text(Msg::kOptionShown, en, {o.text, en ? o.label_en : o.label});
      }
      return fail(err, "invalid_fact", def, m.text(Msg::kNotOneOf, en, {fact_name(rules, def, en), allowed, shown(tree, v)}));
    }
    case FactType::kCount:
    case FactType::kInteger: return read_count(rules, def, tree, v, en, out, err);
    case FactType::kMoney: return read_money(rules, def, tree, v, en, out, err);
    case FactType::kDate: {
      auto d = v.type == T::kString ? Date::parse(tree.text(v)) : std::nullopt;
      if (!d) return fail(err, "invalid_fact", def, m.text(Msg::kNotDate, en, {fact_name(rules, def, en), shown(tree, v)}));
      out.date = *d;
      out.number = d->ordinal();
      return true;
    }
    case FactType::kMonth: {
      auto d = v.type == T::kString && tree.text(v).size() == 7 ? Date::parse(std::string(tree.text(v)) + "-01") : std::nullopt;
      if (!d) return fail(err, "invalid_fact", def, m.text(Msg::kNotMonth, en, {fact_name(rules, def, en), shown(tree, v)}));
      out.number = d->year * 12 + d->month - 1;
      out.text = std::string(tree.text(v));
      return true;
    }
    case FactType::kString: {
      if (v.type != T::kString) return fail(err, "invalid_fact", def, m.text(Msg::kNotText, en, {fact_name(rules, def, en), shown(tree, v)}));
      std::string_view s = tree.text(v);
      std::int64_t chars = 0;
      for (char c : s) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;  // UTF-8 code points
      std::int64_t max = def.max.value_or(100);
      if (chars > max) {
        return fail(err, "invalid_fact", def,
                    m.text(Msg::kTextTooLong, en, {fact_name(rules, def, en), std::to_string(max), std::to_string(chars)}));
      }
      out.text = std::string(s);
      return true;
    }
    case FactType::kLevelList: return read_levels(rules, def, tree, v, en, out, err);
  }
  return false;
}

}  // namespace uie
