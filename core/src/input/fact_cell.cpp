// One CSV cell as a fact: the same checks as a JSON value, reading what
// spreadsheets write, and what a person types as the single page reads it
// (input/cell_text.h). The errors are the JSON path's, the cell shown quoted.
#include <algorithm>
#include <cctype>

#include "base/json_out.h"
#include "input/cell_text.h"
#include "input/request.h"

namespace uie {
namespace {

bool fail(RequestError& err, const FactDef& def, std::string message) {
  err = RequestError{"invalid_fact", "/facts/" + pointer_token(def.id), std::move(message)};
  return false;
}

std::string shown(std::string_view cell) {
  std::string s;
  append_json_string(s, cell);
  if (s.size() > 40) s = s.substr(0, 40) + "…";
  return s;
}

// The same word but for ASCII case ("TRUE" as Excel writes it).
bool is(std::string_view s, std::string_view word) {
  if (s.size() != word.size()) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i] >= 'A' && s[i] <= 'Z' ? static_cast<char>(s[i] - 'A' + 'a') : s[i];
    if (c != word[i]) return false;
  }
  return true;
}

std::optional<bool> boolean(std::string_view s) {
  if (is(s, "true") || s == "1" || is(s, "yes") || is(s, "y") || s == "是") return true;
  if (is(s, "false") || s == "0" || is(s, "no") || is(s, "n") || s == "否") return false;
  return std::nullopt;
}

// "12", "12.0" (a spreadsheet's number), "-3".
std::optional<std::int64_t> whole(std::string_view s) {
  std::size_t i = 0;
  bool neg = !s.empty() && s[0] == '-';
  if (neg || (!s.empty() && s[0] == '+')) ++i;
  if (i >= s.size()) return std::nullopt;
  std::int64_t v = 0;
  if (s[i] < '0' || s[i] > '9') return std::nullopt;  // ".", "-.": no number ("12." is 12)
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
    if (v > 900'000'000'000'000'000 / 10) return std::nullopt;
    v = v * 10 + (s[i] - '0');
  }
  if (i < s.size() && s[i] == '.') {
    for (++i; i < s.size() && s[i] == '0'; ++i) {
    }
  }
  if (i != s.size()) return std::nullopt;
  return neg ? -v : v;
}

// "56,789.12" → "56789.12": thousands separators as spreadsheets show them.
std::string without_thousands(std::string_view s) {
  std::size_t dot = s.find('.');
  std::string_view integer = s.substr(0, dot);
  if (integer.find(',') == std::string_view::npos) return std::string(s);
  std::string digits;
  std::size_t group = 0;
  bool ok = true;
  for (std::size_t i = integer.size(); i-- > 0;) {
    char c = integer[i];
    if (c == ',') {
      ok = ok && group == 3;
      group = 0;
      continue;
    }
    ++group;
    digits.insert(digits.begin(), c);
  }
  if (!ok) return std::string(s);
  return digits + std::string(dot == std::string_view::npos ? "" : s.substr(dot));
}

std::optional<Date> date(std::string_view s) {
  std::string t(s);
  std::replace(t.begin(), t.end(), '/', '-');
  return Date::parse(t);
}

// The program a fact belongs to (a level list reads its program's levels).
const ProgramDef* program_of(const RuleSet& rules, const FactDef& def) {
  for (const ProgramDef& p : rules.programs) {
    if (!p.facts.empty() && &def >= p.facts.data() && &def < p.facts.data() + p.facts.size()) return &p;
  }
  return nullptr;
}

// The cell as spreadsheets write it: "12", "12.0", "56,789.12", "true", "是",
// an option's value or label, "2024-07-01" or "2024/07/01", "1965-08".
bool read_strict(const RuleSet& rules, const FactDef& def, std::string_view cell, bool en, FactValue& out,
                 RequestError& err) {
  const Messages& m = rules.messages;
  out.present = true;
  auto name = [&] { return fact_name(rules, def, en); };
  switch (def.type) {
    case FactType::kBool: {
      auto b = boolean(cell);
      if (!b) return fail(err, def, m.text(Msg::kNotBool, en, {name(), shown(cell)}));
      out.number = *b;
      return true;
    }
    case FactType::kEnum: {
      for (std::size_t i = 0; i < def.options.size(); ++i) {
        const Option& o = def.options[i];
        if (cell == o.text || cell == o.label || cell == o.label_en) {
          out.number = static_cast<std::int64_t>(i);
          return true;
        }
      }
      std::string allowed;
      for (const auto& o : def.options) {
        if (!allowed.empty()) allowed += m.text(Msg::kListSeparator, en);
        allowed += m.text(Msg::kOptionShown, en, {o.text, en ? o.label_en : o.label});
      }
      return fail(err, def, m.text(Msg::kNotOneOf, en, {name(), allowed, shown(cell)}));
    }
    case FactType::kCount:
    case FactType::kInteger: {
      std::int64_t lo = def.min.value_or(def.type == FactType::kCount ? 0 : INT64_MIN);
      std::int64_t hi = def.max.value_or(INT64_MAX);
      std::optional<std::int64_t> n = whole(cell);
      if (!n && !def.options.empty()) {
        for (const auto& o : def.options) {
          if (o.is_number && (cell == o.label || cell == o.label_en)) n = o.number;
        }
      }
      if (!n) {
        Msg which = def.type == FactType::kCount && lo == 0 ? Msg::kNotCount : Msg::kNotInteger;
        return fail(err, def, m.text(which, en, {name(), shown(cell)}));
      }
      if (*n < lo || *n > hi) {
        return fail(err, def, m.text(Msg::kOutOfRange, en, {name(), std::to_string(lo), std::to_string(hi), std::to_string(*n)}));
      }
      if (!def.options.empty() && !def.option(*n)) return fail(err, def, m.text(Msg::kNotAnOption, en, {name(), std::to_string(*n)}));
      out.number = *n;
      return true;
    }
    case FactType::kMoney: {
      Msg which = Msg::kMoneyNaN;
      switch (parse_yuan(without_thousands(cell), out.number)) {
        case MoneyError::kNone: return true;
        case MoneyError::kNotANumber: which = Msg::kMoneyNaN; break;
        case MoneyError::kNegative: which = Msg::kMoneyNegative; break;
        case MoneyError::kTooManyDecimals: which = Msg::kMoneyDecimals; break;
        case MoneyError::kTooLarge: which = Msg::kMoneyTooLarge; break;
      }
      return fail(err, def, m.text(which, en, {name(), shown(cell)}));
    }
    case FactType::kDate: {
      auto d = date(cell);
      if (!d) return fail(err, def, m.text(Msg::kNotDate, en, {name(), shown(cell)}));
      out.date = *d;
      out.number = d->ordinal();
      return true;
    }
    case FactType::kMonth: {
      auto d = cell.size() == 7 ? date(std::string(cell) + "-01") : std::nullopt;
      if (!d) return fail(err, def, m.text(Msg::kNotMonth, en, {name(), shown(cell)}));
      out.number = d->year * 12 + d->month - 1;
      out.text = std::string(cell.substr(0, 4)) + "-" + std::string(cell.substr(5, 2));
      return true;
    }
    case FactType::kString: {
      std::int64_t chars = 0;
      for (char c : cell) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      std::int64_t max = def.max.value_or(100);
      if (chars > max) return fail(err, def, m.text(Msg::kTextTooLong, en, {name(), std::to_string(max), std::to_string(chars)}));
      out.text = std::string(cell);
      return true;
    }
    case FactType::kLevelList: {
      // "3;4", "3、4", "3 4", "3|4" (a comma would split the CSV cell unless quoted, so it is accepted too).
      std::size_t i = 0;
      while (i < cell.size()) {
        std::size_t j = i;
        while (j < cell.size() && cell[j] >= '0' && cell[j] <= '9') ++j;
        if (j == i) {
          std::string_view rest = cell.substr(i);
          std::size_t skip = rest.rfind("、", 0) == 0 ? 3 : (rest[0] == ';' || rest[0] == ',' || rest[0] == ' ' || rest[0] == '|') ? 1 : 0;
          if (!skip) return fail(err, def, m.text(Msg::kNotLevelList, en, {name()}));
          i += skip;
          continue;
        }
        auto n = whole(cell.substr(i, j - i));
        if (!n || *n < 1 || *n > 5 || out.level_count >= 5) return fail(err, def, m.text(Msg::kNotLevelList, en, {name()}));
        out.level_list[out.level_count++] = static_cast<std::uint8_t>(*n);
        out.levels = static_cast<std::uint8_t>(out.levels | (1u << *n));
        i = j;
      }
      return true;
    }
  }
  return false;
}

}  // namespace

bool read_fact_cell(const RuleSet& rules, const FactDef& def, std::string_view cell, bool en, FactValue& out,
                    RequestError& err) {
  // Typed as a person types ("1.2万", "5年", "中小微"): read as the page reads
  // it, then checked as any cell. Only refused cells take the second pass (one
  // call site: the strict reader is inlined once).
  std::optional<std::string> typed;
  std::string_view text = cell;
  for (int pass = 0;; ++pass) {
    if (read_strict(rules, def, text, en, out, err)) return true;
    if (pass == 1) return false;
    typed = canonical_cell(program_of(rules, def), def, cell);
    if (!typed || *typed == cell) return false;
    out = FactValue{};
    text = *typed;
  }
}

}  // namespace uie
