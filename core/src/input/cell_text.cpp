// The page's reading of typed text (web/shared/uie-front.js), step for step:
// halfWidth, readDecimal with chineseInteger, readMonths, stripUnit,
// parseMoney, matchOption, readDate, readMonth and the yes/no words. The
// text is handled as code points (every character these read is in the BMP,
// as the page's UTF-16 indexes assume). Hand-written rather than std::regex:
// the module every page loads must not grow by a regex engine.
#include "input/cell_text.h"

#include "base/cold.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

// Small rather than fast: only a cell the plain reader refused comes here, and
// every byte of the module is downloaded by the screening page.
UIE_COLD_BEGIN

namespace uie {
namespace {

// wchar_t holds a code point on every target here (32 bits: Linux, Emscripten).
static_assert(sizeof(wchar_t) == 4, "cell_text reads code points as wchar_t");
using Text = std::wstring;

// UTF-8 → code points; anything that is not well-formed UTF-8 (a stray or
// missing continuation byte, an overlong form, a surrogate, past U+10FFFF)
// is U+FFFD, which nothing below reads as part of a number or word.
Text decode(std::string_view s) {
  Text out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    std::size_t n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    std::uint32_t c = n == 1 ? b : n == 2 ? (b & 0x1Fu) : n == 3 ? (b & 0x0Fu) : (b & 0x07u);
    bool ok = n != 0 && i + n <= s.size();
    for (std::size_t k = 1; ok && k < n; ++k) {
      auto t = static_cast<unsigned char>(s[i + k]);
      ok = (t & 0xC0) == 0x80;
      c = (c << 6) | (t & 0x3Fu);
    }
    static const std::uint32_t kLeast[5] = {0, 0, 0x80, 0x800, 0x10000};
    ok = ok && c >= kLeast[n] && c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF);
    if (!ok) {
      out += L'\uFFFD';
      ++i;
      continue;
    }
    out += static_cast<wchar_t>(c);
    i += n;
  }
  return out;
}

// JavaScript's \s (and what String.prototype.trim removes).
bool space(wchar_t c) {
  return (c >= 9 && c <= 13) || c == ' ' || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

bool digit(wchar_t c) { return c >= '0' && c <= '9'; }

// halfWidth: full-width ASCII (Ｕ+FF01–FF5E) and the ideographic space.
Text half_width(Text t) {
  for (wchar_t& c : t) {
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
    else if (c == 0x3000) c = ' ';
  }
  return t;
}

Text trim(const Text& t) {
  std::size_t a = 0, b = t.size();
  while (a < b && space(t[a])) ++a;
  while (b > a && space(t[b - 1])) --b;
  return t.substr(a, b - a);
}

Text lower(Text t) {
  for (wchar_t& c : t) {
    if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
  }
  return t;
}

// plain: half width, trimmed, lower case, runs of spaces as one.
Text plain(const Text& raw) {
  Text t = lower(trim(half_width(raw))), out;
  for (wchar_t c : t) {
    if (space(c)) {
      if (out.empty() || out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

bool starts_with(const Text& t, const Text& p) { return t.size() >= p.size() && t.compare(0, p.size(), p) == 0; }
bool ends_with(const Text& t, const Text& p) { return t.size() >= p.size() && t.compare(t.size() - p.size(), p.size(), p) == 0; }
bool contains(const Text& t, const Text& p) { return t.find(p) != Text::npos; }

Text replace_all(Text t, const Text& from, const Text& to) {
  for (std::size_t at = 0; (at = t.find(from, at)) != Text::npos; at += to.size()) t.replace(at, from.size(), to);
  return t;
}

struct Decimal {
  bool neg = false;
  std::string integer = "0", fraction;
};

bool all_digits(const Text& t, std::size_t a, std::size_t b) {
  for (std::size_t i = a; i < b; ++i) {
    if (!digit(t[i])) return false;
  }
  return true;
}

std::string ascii(const Text& t, std::size_t a, std::size_t b) {
  std::string s;
  for (std::size_t i = a; i < b; ++i) s += static_cast<char>(t[i]);
  return s;
}

// "12.5" × 10^k, without leading or trailing zeros.
Decimal shift(bool neg, const std::string& integer, const std::string& fraction, std::size_t k) {
  std::string digits = integer + fraction;
  std::size_t point = integer.size() + k;
  if (point > digits.size()) digits.append(point - digits.size(), '0');
  Decimal d;
  d.neg = neg;
  std::string i = digits.substr(0, point);
  std::size_t nz = i.find_first_not_of('0');
  d.integer = nz == std::string::npos ? "0" : i.substr(nz);
  d.fraction = digits.substr(point);
  while (!d.fraction.empty() && d.fraction.back() == '0') d.fraction.pop_back();
  return d;
}

// /^(\d*)(?:\.(\d+))?$/ with at least one digit, over t[a, b).
bool plain_number(const Text& t, std::size_t a, std::size_t b, std::string& integer, std::string& fraction) {
  std::size_t dot = t.find(L'.', a);
  if (dot >= b) dot = Text::npos;
  std::size_t int_end = dot == Text::npos ? b : dot;
  if (!all_digits(t, a, int_end)) return false;
  if (dot != Text::npos && (dot + 1 >= b || !all_digits(t, dot + 1, b))) return false;
  integer = int_end > a ? ascii(t, a, int_end) : "0";
  fraction = dot == Text::npos ? "" : ascii(t, dot + 1, b);
  return int_end > a || !fraction.empty();
}

int cn_digit(wchar_t c) {
  switch (c) {
    case L'零': case L'〇': return 0;
    case L'一': case L'壹': return 1;
    case L'二': case L'两': case L'贰': return 2;
    case L'三': case L'叁': return 3;
    case L'四': case L'肆': return 4;
    case L'五': case L'伍': return 5;
    case L'六': case L'陆': return 6;
    case L'七': case L'柒': return 7;
    case L'八': case L'捌': return 8;
    case L'九': case L'玖': return 9;
    default: return -1;
  }
}

double cn_small(wchar_t c) {
  switch (c) {
    case L'十': case L'拾': return 10;
    case L'百': case L'佰': return 100;
    case L'千': case L'仟': return 1000;
    default: return 0;
  }
}

constexpr double kMaxSafe = 9007199254740991.0;  // JavaScript's Number.MAX_SAFE_INTEGER

// ASCII digits as a number (no strtod or printf: each would pull a formatter
// into the module).
double value_of_digits(const std::string& s) {
  double v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// chineseInteger: "十八" 18, "三万五千" 35000, "1万2千" 12000, "二〇二四" 2024.
std::optional<double> chinese_integer(const Text& t) {
  if (t.empty()) return std::nullopt;
  bool has_unit = false;
  for (wchar_t c : t) {
    bool big = c == L'万' || c == L'亿';
    if (!digit(c) && cn_digit(c) < 0 && cn_small(c) == 0 && !big) return std::nullopt;
    has_unit = has_unit || big || cn_small(c) != 0;
  }
  if (!has_unit) {
    std::string s;
    for (wchar_t c : t) s += digit(c) ? static_cast<char>(c) : static_cast<char>('0' + cn_digit(c));
    double v = value_of_digits(s);
    return v <= kMaxSafe ? std::optional<double>(v) : std::nullopt;
  }
  double yi = 0, wan = 0, section = 0;
  double number = 0;
  bool has_number = false;  // a digit or digit run not yet placed
  for (std::size_t i = 0; i < t.size(); ++i) {
    wchar_t c = t[i];
    if (digit(c)) {
      std::size_t j = i;
      while (j + 1 < t.size() && digit(t[j + 1])) ++j;
      if (has_number) return std::nullopt;  // "1二" is no number
      number = value_of_digits(ascii(t, i, j + 1));
      has_number = true;
      i = j;
    } else if (cn_digit(c) >= 0) {
      if (has_number && number != 0) return std::nullopt;  // "二三" with units is no number
      number = cn_digit(c);
      has_number = true;
    } else if (cn_small(c) != 0) {
      section += (has_number ? number : 1) * cn_small(c);  // 十八: 十 alone is 10
      has_number = false;
      number = 0;
    } else {
      double below = section + number + (c == L'亿' ? wan : 0);
      if (below == 0) return std::nullopt;  // 万 or 亿 alone
      if (c == L'亿') {
        yi += below * 1e8;
        wan = 0;
      } else {
        wan += below * 1e4;
      }
      section = 0;
      number = 0;
      has_number = false;
    }
  }
  double value = yi + wan + section + number;
  if (value > kMaxSafe || value != std::floor(value)) return std::nullopt;
  return value;
}

std::string whole_text(double v) { return std::to_string(static_cast<std::int64_t>(v)); }

// readDecimal: full-width digits, separators, 万/千/亿 (w/k) after a number,
// Chinese numerals, a sign (负 too).
std::optional<Decimal> read_decimal(const Text& text) {
  Text t;
  for (wchar_t c : trim(half_width(text))) {
    if (space(c) || c == ',' || c == L'，' || c == '_' || c == '\'') continue;
    t += c == L'。' ? L'.' : c;
  }
  t = lower(t);
  bool neg = false;
  std::size_t a = 0;
  if (!t.empty() && (t[0] == '+' || t[0] == '-' || t[0] == L'−' || t[0] == L'负')) {
    neg = t[0] != '+';
    a = 1;
  }
  std::string integer, fraction;
  if (plain_number(t, a, t.size(), integer, fraction)) return shift(neg, integer, fraction, 0);
  if (t.size() > a) {
    wchar_t last = t.back();
    std::size_t k = last == L'万' || last == 'w' ? 4 : last == L'千' || last == 'k' ? 3 : last == L'百' ? 2 : last == L'亿' ? 8 : 0;
    if (k && plain_number(t, a, t.size() - 1, integer, fraction)) return shift(neg, integer, fraction, k);
  }
  if (auto n = chinese_integer(t.substr(a))) {
    Decimal d;
    d.neg = neg;
    d.integer = whole_text(*n);
    return d;
  }
  return std::nullopt;
}

std::string decimal_text(const Decimal& d) {
  bool minus = d.neg && (d.integer != "0" || !d.fraction.empty());
  return (minus ? "-" : "") + d.integer + (d.fraction.empty() ? "" : "." + d.fraction);
}

// " 2 years" → "年" and " 3 months" → "月" (/\s*(years?|yrs?)\b/ and the like).
Text english_units(const Text& s, const std::vector<Text>& words, wchar_t to) {
  Text out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t j = i;
    while (j < s.size() && space(s[j])) ++j;
    bool hit = false;
    for (const Text& w : words) {
      if (s.compare(j, w.size(), w) != 0 || j + w.size() > s.size()) continue;
      std::size_t e = j + w.size();
      wchar_t n = e < s.size() ? s[e] : 0;
      bool boundary = !(digit(n) || (n >= 'a' && n <= 'z') || (n >= 'A' && n <= 'Z') || n == '_');
      if (!boundary) continue;
      out += to;
      i = e;
      hit = true;
      break;
    }
    if (hit) continue;
    // No word at j, hence none after any of the spaces before it: all of
    // them and s[j] are copied at once (a long run of spaces stays linear).
    std::size_t to_copy = j < s.size() ? j + 1 : j;
    out.append(s, i, to_copy - i);
    i = to_copy;
  }
  return out;
}

// readMonths: "18年" 216, "1年6个月" 18, "一年半" 18, "半年" 6, "1.5年" 18,
// "2 years" 24. Nothing when the text has neither 年 nor 月; kError when it
// has but makes no whole number of months.
constexpr std::int64_t kError = INT64_MIN;

std::optional<std::int64_t> read_months(const Text& text) {
  Text s = lower(trim(half_width(text)));
  s = english_units(s, {L"years", L"year", L"yrs", L"yr"}, L'年');
  s = english_units(s, {L"months", L"month", L"mos", L"mo"}, L'月');
  s = replace_all(replace_all(s, L"个月", L"月"), L"箇月", L"月");
  Text squeezed;  // /\s+|and/g removed, in one pass as the page does
  for (std::size_t i = 0; i < s.size();) {
    if (space(s[i])) ++i;
    else if (s.compare(i, 3, L"and") == 0) i += 3;
    else squeezed += s[i++];
  }
  s = squeezed;
  if (s.find(L'年') == Text::npos && s.find(L'月') == Text::npos) return std::nullopt;
  bool neg = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-' || s[0] == L'−' || s[0] == L'负')) {
    neg = s[0] != '+';
    s = s.substr(1);
  }
  bool half_year = false;
  if (s == L"半年") s = L"0.5年";
  std::size_t half = s.find(L"年半");
  if (half != Text::npos) {
    s.replace(half, 2, L"年");
    half_year = true;
  }
  // ^(?:([^年月]+)年)?零?(?:([^年月]+)月)?$
  auto free_of_units = [](const Text& p) { return p.find(L'年') == Text::npos && p.find(L'月') == Text::npos; };
  Text years, months;
  std::size_t y = s.find(L'年');
  Text rest = s;
  if (y != Text::npos) {
    years = s.substr(0, y);
    if (years.empty() || !free_of_units(years)) return kError;
    rest = s.substr(y + 1);
  }
  auto month_part = [&](const Text& r, Text& m) {
    if (r.empty()) return true;
    if (r.back() != L'月' || r.size() < 2) return false;
    m = r.substr(0, r.size() - 1);
    return free_of_units(m);
  };
  bool ok = (!rest.empty() && rest[0] == L'零' && month_part(rest.substr(1), months)) || month_part(rest, months);
  if (!ok || (years.empty() && months.empty() && !half_year)) return kError;
  Decimal yd, md;
  if (!years.empty()) {
    auto d = read_decimal(years);
    if (!d) return kError;
    yd = *d;
  }
  if (!months.empty()) {
    auto d = read_decimal(months);
    if (!d) return kError;
    md = *d;
  }
  if (yd.neg || md.neg || !md.fraction.empty() || yd.fraction.size() > 2) return kError;
  double hundredths = value_of_digits(yd.integer) * 100 + value_of_digits((yd.fraction + "00").substr(0, 2));
  if (std::fmod(hundredths * 12, 100) != 0) return kError;
  double total = hundredths * 12 / 100 + (half_year ? 6 : 0) + value_of_digits(md.integer);
  if (total > kMaxSafe) return kError;
  auto n = static_cast<std::int64_t>(total);
  return neg && n ? -n : n;
}

bool months_question(const FactDef& def) {
  return (def.type == FactType::kCount || def.type == FactType::kInteger) && (def.unit == "个月" || def.unit == "月");
}

// stripUnit: "80人" → "80" for a question counted in 人 (名, 位 … too).
Text strip_unit(const FactDef& def, const Text& text) {
  Text t = trim(half_width(text));
  std::vector<Text> endings;
  // Longest first, as the page sorts them.
  if (def.unit == "人") endings = {L"persons", L"people", L"person", L"个人", L"人", L"名", L"位"};
  else if (def.unit == "次") endings = {L"times", L"time", L"次"};
  else if (!def.unit.empty()) endings = {decode(def.unit)};
  for (const Text& u : endings) {
    if (ends_with(lower(t), lower(u)) && t.size() > u.size()) return trim(t.substr(0, t.size() - u.size()));
  }
  return t;
}

std::optional<std::string> integer_text(const FactDef& def, const Text& raw) {
  if (months_question(def)) {
    auto m = read_months(raw);
    if (m && *m == kError) return std::nullopt;
    if (m) return std::to_string(*m);
  }
  auto d = read_decimal(strip_unit(def, raw));
  if (!d || !d->fraction.empty()) return std::nullopt;
  if (d->integer.size() > 16 || value_of_digits(d->integer) > kMaxSafe) return std::nullopt;
  return decimal_text(*d);
}

// parseMoney: ¥/￥/RMB/人民币 before, 元/元整/块/块钱/圆/RMB/yuan after.
std::optional<std::string> money_text(const Text& raw) {
  Text t = trim(half_width(raw));
  for (const Text& p : {Text(L"¥"), Text(L"￥"), Text(L"rmb"), Text(L"cny"), Text(L"人民币")}) {
    if (starts_with(lower(t), p)) {
      t = t.substr(p.size());
      std::size_t a = 0;
      while (a < t.size() && space(t[a])) ++a;
      t = t.substr(a);
      break;
    }
  }
  std::size_t cut = t.size();
  for (const Text& s : {Text(L"元整"), Text(L"元"), Text(L"块钱"), Text(L"块"), Text(L"圆"), Text(L"人民币"), Text(L"rmb"), Text(L"cny"), Text(L"yuan")}) {
    if (ends_with(lower(t), s)) cut = std::min(cut, t.size() - s.size());
  }
  while (cut < t.size() && cut > 0 && space(t[cut - 1])) --cut;
  t = t.substr(0, cut);
  auto d = read_decimal(t);
  if (!d) return std::nullopt;
  return decimal_text(*d);  // a sign or a third decimal: the strict reader says which
}

std::optional<bool> yes_no(const Text& raw) {
  Text t = plain(raw);
  for (const wchar_t* w : {L"是", L"是的", L"有", L"对", L"已", L"已经", L"y", L"yes", L"true", L"1", L"√", L"✓", L"✔"}) {
    if (t == w) return true;
  }
  for (const wchar_t* w : {L"否", L"不是", L"没有", L"无", L"没", L"未", L"不", L"n", L"no", L"false", L"0", L"×", L"✗", L"✘"}) {
    if (t == w) return false;
  }
  return std::nullopt;
}

std::string value_of(const Option& o) { return o.is_number ? std::to_string(o.number) : o.text; }

// A label and its parts: "四级/中级工" → 四级/中级工, 四级, 中级工.
std::vector<Text> label_parts(const Option& o) {
  std::vector<Text> parts;
  for (const std::string* label : {&o.label, &o.label_en}) {
    if (label->empty()) continue;
    Text l = decode(*label);
    parts.push_back(plain(l));
    Text piece;
    for (wchar_t c : l + L"/") {
      bool cut = c == '/' || c == L'／' || c == '|' || c == L'（' || c == L'）' || c == '(' || c == ')';
      if (!cut) {
        piece += c;
        continue;
      }
      parts.push_back(plain(piece));
      piece.clear();
    }
  }
  parts.erase(std::remove_if(parts.begin(), parts.end(), [](const Text& p) { return p.empty(); }), parts.end());
  return parts;
}

Text bare(Text t) {
  if (!t.empty() && t.back() == L'工') t.pop_back();
  return t;
}

// matchOption: the value, a label or a part of one, a number equal to an
// integer option ("4", "4级", "四"), or the one option whose label contains it.
const Option* match_option(const std::vector<Option>& options, const Text& text) {
  Text t = plain(text);
  if (t.empty()) return nullptr;
  auto unique = [&](auto&& pred, bool& many) -> const Option* {
    const Option* hit = nullptr;
    many = false;
    for (const Option& o : options) {
      if (!pred(o)) continue;
      if (hit) many = true;
      hit = &o;
    }
    return many ? nullptr : hit;
  };
  bool many = false;
  if (const Option* o = unique([&](const Option& x) { return plain(decode(value_of(x))) == t; }, many)) return o;
  auto by_part = [&](auto&& same) {
    return [&, same](const Option& x) {
      auto parts = label_parts(x);
      return std::any_of(parts.begin(), parts.end(), same);
    };
  };
  if (const Option* o = unique(by_part([&](const Text& p) { return p == t; }), many)) return o;
  if (many) return nullptr;
  Text bt = bare(t);
  if (const Option* o = unique(by_part([&](const Text& p) { return !bt.empty() && bare(p) == bt; }), many)) return o;
  if (many) return nullptr;
  Text n = t;
  for (const Text& prefix : {Text(L"level"), Text(L"lv."), Text(L"lv")}) {
    if (starts_with(n, prefix)) {
      n = n.substr(prefix.size());
      std::size_t a = 0;
      while (a < n.size() && space(n[a])) ++a;
      n = n.substr(a);
      break;
    }
  }
  if (!n.empty() && n.back() == L'级') n.pop_back();
  auto d = read_decimal(n);
  if (d && !d->neg && d->fraction.empty()) {
    std::string v = d->integer;
    if (const Option* o = unique([&](const Option& x) { return x.is_number && std::to_string(x.number) == v; }, many)) return o;
  }
  if (t.size() >= 2) {
    if (const Option* o = unique(by_part([&](const Text& p) { return contains(p, t); }), many)) return o;
  }
  return nullptr;
}

// parseList: "四级、三级", "4,3", "中级工和高级工", by the program's level options.
std::optional<std::string> level_list_text(const ProgramDef* program, const Text& raw) {
  const std::vector<Option>* options = nullptr;
  if (program) {
    for (const FactDef& f : program->facts) {
      if (f.type == FactType::kInteger && !f.options.empty()) {
        options = &f.options;
        break;
      }
    }
  }
  if (!options) return std::nullopt;
  Text t = half_width(raw);
  std::vector<Text> parts;
  Text piece;
  auto cut = [&]() {
    if (!trim(piece).empty()) parts.push_back(piece);
    piece.clear();
  };
  for (wchar_t c : t) {
    if (c == ',' || c == L'，' || c == L'、' || c == ';' || c == L'；' || space(c) || c == L'和' || c == L'及' || c == L'与') cut();
    else piece += c;
  }
  cut();
  std::vector<std::int64_t> levels;
  for (const Text& p : parts) {
    const Option* o = match_option(*options, p);
    if (!o || !o->is_number) return std::nullopt;
    if (std::find(levels.begin(), levels.end(), o->number) == levels.end()) levels.push_back(o->number);
  }
  for (std::size_t i = 1; i < levels.size(); ++i) {  // larger first, as the page sends them (a handful)
    for (std::size_t k = i; k > 0 && levels[k - 1] < levels[k]; --k) std::swap(levels[k - 1], levels[k]);
  }
  std::string out;
  for (std::int64_t l : levels) out += (out.empty() ? "" : ";") + std::to_string(l);
  return out;
}

std::string two(unsigned v) { return (v < 10 ? "0" : "") + std::to_string(v); }

// readDate ("2024年7月1日", "2024/7/1", "20240701") and readMonth ("1965年8月", "196508").
std::optional<std::string> date_text(const Text& raw, bool month_only) {
  Text t;
  for (wchar_t c : trim(half_width(raw))) {
    if (!space(c)) t += c;
  }
  auto number = [&](std::size_t& i, std::size_t min, std::size_t max) -> std::optional<unsigned> {
    std::size_t a = i;
    while (i < t.size() && digit(t[i]) && i - a < max) ++i;
    if (i - a < min) return std::nullopt;
    return static_cast<unsigned>(value_of_digits(ascii(t, a, i)));
  };
  auto sep = [&](std::size_t& i, wchar_t word) {
    if (i < t.size() && (t[i] == '-' || t[i] == '/' || t[i] == '.' || t[i] == word)) return ++i, true;
    return false;
  };
  std::string year;
  unsigned mo = 0, d = 0;
  std::size_t i = 0;
  bool compact = all_digits(t, 0, t.size()) && t.size() == (month_only ? 6u : 8u);
  if (compact) {
    year = ascii(t, 0, 4);
    mo = static_cast<unsigned>(value_of_digits(ascii(t, 4, 6)));
    if (!month_only) d = static_cast<unsigned>(value_of_digits(ascii(t, 6, 8)));
  } else {
    auto y = number(i, 4, 4);
    if (!y || !sep(i, L'年')) return std::nullopt;
    year = ascii(t, 0, 4);
    auto m = number(i, 1, 2);
    if (!m) return std::nullopt;
    mo = *m;
    if (month_only) {
      if (i < t.size() && t[i] == L'月') ++i;
    } else {
      if (!sep(i, L'月')) return std::nullopt;
      auto day = number(i, 1, 2);
      if (!day) return std::nullopt;
      d = *day;
      if (i < t.size() && t[i] == L'日') ++i;
    }
    if (i != t.size()) return std::nullopt;
  }
  if (mo < 1 || mo > 12) return std::nullopt;
  return year + "-" + two(mo) + (month_only ? "" : "-" + two(d));  // the day: the strict reader's calendar
}

}  // namespace

std::optional<std::string> canonical_cell(const ProgramDef* program, const FactDef& def, std::string_view cell) {
  Text raw = decode(cell);
  if (trim(raw).empty()) return std::nullopt;
  switch (def.type) {
    case FactType::kBool: {
      auto b = yes_no(raw);
      if (!b) return std::nullopt;
      return std::string(*b ? "true" : "false");
    }
    case FactType::kEnum: {
      const Option* o = match_option(def.options, raw);
      if (!o) return std::nullopt;
      return value_of(*o);
    }
    case FactType::kCount:
    case FactType::kInteger: {
      if (!def.options.empty()) {
        const Option* o = match_option(def.options, raw);
        if (!o) return std::nullopt;
        return value_of(*o);
      }
      return integer_text(def, raw);
    }
    case FactType::kMoney: return money_text(raw);
    case FactType::kDate: return date_text(raw, false);
    case FactType::kMonth: return date_text(raw, true);
    case FactType::kLevelList: return level_list_text(program, raw);
    case FactType::kString: return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace uie

UIE_COLD_END
