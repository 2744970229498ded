#include "exact.h"


namespace uie {
namespace {

// Products of fen and rate numerators can exceed 64 bits.
__extension__ typedef unsigned __int128 Wide;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

MoneyError parse_yuan(std::string_view t, Fen& out) {
  // Grammar: [-] digits [. digits] [(e|E) [+|-] digits], as JSON numbers and
  // decimal strings are written. Evaluated exactly as an integer of fen.
  std::size_t i = 0;
  bool negative = false;
  if (i < t.size() && (t[i] == '-' || t[i] == '+')) negative = t[i++] == '-';
  std::size_t int_begin = i;
  while (i < t.size() && is_digit(t[i])) ++i;
  std::size_t int_end = i, frac_begin = i, frac_end = i;
  if (i < t.size() && t[i] == '.') {
    frac_begin = ++i;
    while (i < t.size() && is_digit(t[i])) ++i;
    frac_end = i;
  }
  long fraction_digits = static_cast<long>(frac_end - frac_begin);
  std::size_t count = (int_end - int_begin) + (frac_end - frac_begin);  // all the digits, integer part first
  if (count == 0) return MoneyError::kNotANumber;
  long exponent = 0;
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    bool exp_negative = false;
    if (i < t.size() && (t[i] == '-' || t[i] == '+')) exp_negative = t[i++] == '-';
    if (i >= t.size() || !is_digit(t[i])) return MoneyError::kNotANumber;
    while (i < t.size() && is_digit(t[i])) {
      if (exponent < 100000) exponent = exponent * 10 + (t[i] - '0');
      ++i;
    }
    if (exp_negative) exponent = -exponent;
  }
  if (i != t.size()) return MoneyError::kNotANumber;
  std::size_t int_count = int_end - int_begin;
  auto digit = [&](std::size_t k) { return k < int_count ? t[int_begin + k] : t[frac_begin + (k - int_count)]; };
  // Strip trailing zeros of the fraction: "12.300" has two decimals' worth.
  long scale = fraction_digits - exponent;  // value = digits × 10^-scale
  std::size_t end = count;
  while (scale > 2 && end > 0 && digit(end - 1) == '0') {
    --end;
    --scale;
  }
  std::size_t first = 0;
  while (first < end && digit(first) == '0') ++first;
  bool zero = first == end;
  if (negative && !zero) return MoneyError::kNegative;
  if (zero) {
    out = 0;
    return MoneyError::kNone;
  }
  if (scale > 2) return MoneyError::kTooManyDecimals;
  long shift = 2 - scale;  // multiply by 10^shift to get fen
  if (static_cast<long>(end - first) + shift > 15) return MoneyError::kTooLarge;
  Fen v = 0;
  for (std::size_t k = first; k < end; ++k) v = v * 10 + (digit(k) - '0');
  for (long k = 0; k < shift; ++k) v *= 10;
  if (v > kMaxFen) return MoneyError::kTooLarge;
  out = v;
  return MoneyError::kNone;
}

namespace {

// Digits of v, with at least `min_digits` (zero-padded).
void digits(std::string& out, unsigned long long v, int min_digits = 1) {
  char buf[24];
  int n = 0;
  do {
    buf[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  while (n < min_digits) buf[n++] = '0';
  while (n > 0) out += buf[--n];
}

}  // namespace

std::string yuan_str(Fen fen) {
  std::string s;
  unsigned long long v = fen < 0 ? 0ull - static_cast<unsigned long long>(fen) : static_cast<unsigned long long>(fen);
  if (fen < 0) s += '-';
  digits(s, v / 100);
  s += '.';
  digits(s, v % 100, 2);
  return s;
}

std::string yuan_zh(Fen fen) {
  if (fen >= 1'000'000) {  // from 10 000 yuan: 万元 to two places, half up
    auto hundredths_of_wan = static_cast<unsigned long long>((fen + 5000) / 10000);
    std::string s;
    digits(s, hundredths_of_wan / 100);
    s += '.';
    digits(s, hundredths_of_wan % 100, 2);
    return s + "万元";
  }
  std::string s = yuan_str(fen);
  if (s.size() > 3 && s.compare(s.size() - 3, 3, ".00") == 0) s.resize(s.size() - 3);
  return s + "元";
}

std::optional<Rate> Rate::parse(std::string_view t) {
  if (t.size() < 2 || t.back() != '%') return std::nullopt;
  std::string_view n = t.substr(0, t.size() - 1);
  std::int64_t num = 0, den = 100;
  bool dot = false, any = false;
  int decimals = 0;
  for (char c : n) {
    if (c == '.') {
      if (dot) return std::nullopt;
      dot = true;
      continue;
    }
    if (!is_digit(c)) return std::nullopt;
    any = true;
    num = num * 10 + (c - '0');
    if (dot) {
      den *= 10;
      if (++decimals > 6) return std::nullopt;
    }
    if (num > 100'000'000'000) return std::nullopt;
  }
  if (!any || num > den) return std::nullopt;
  return Rate{num, den, std::string(t)};
}

Fen apply_rate(Fen base, const Rate& r) { return apply_rate(base, r, 1); }

Fen apply_rate(Fen base, const Rate& r, Fen unit) {
  Wide p = static_cast<Wide>(base) * static_cast<Wide>(r.num);
  Wide d = static_cast<Wide>(r.den) * static_cast<Wide>(unit);
  return static_cast<Fen>((p * 2 + d) / (d * 2)) * unit;
}

bool ratio_at_most(std::int64_t a, std::int64_t b, const Rate& r) {
  return static_cast<Wide>(a) * static_cast<Wide>(r.den) <= static_cast<Wide>(r.num) * static_cast<Wide>(b);
}

std::int64_t max_numerator(std::int64_t b, const Rate& r) {
  return static_cast<std::int64_t>(static_cast<Wide>(r.num) * static_cast<Wide>(b) / static_cast<Wide>(r.den));
}

namespace {

// a / b as a percentage with `places` decimals, half up, as its digits
// (hundredths of a percent for 2 places).
Wide percent_units(std::int64_t a, std::int64_t b, int places) {
  Wide scale = 100;
  for (int i = 0; i < places; ++i) scale *= 10;
  return (static_cast<Wide>(a) * scale * 2 + static_cast<Wide>(b)) / (static_cast<Wide>(b) * 2);
}

std::string percent_text(Wide units, int places) {
  Wide scale = 1;
  for (int i = 0; i < places; ++i) scale *= 10;
  std::string s;
  digits(s, static_cast<unsigned long long>(units / scale));
  s += '.';
  digits(s, static_cast<unsigned long long>(units % scale), places);
  return s + "%";
}

}  // namespace

std::string percent_str(std::int64_t a, std::int64_t b) { return percent_text(percent_units(a, b, 2), 2); }

std::string percent_str(std::int64_t a, std::int64_t b, const Rate& limit) {
  // Two decimals, or as many more as it takes for the shown figure to stand
  // on the same side of the limit as the exact ratio: 11/199.85… never
  // "5.50%，高于 5.5%"; 5.504% is shown as 5.504%.
  bool above = !ratio_at_most(a, b, limit);
  for (int places = 2; places <= 8; ++places) {
    Wide units = percent_units(a, b, places);
    Wide scale = 100;
    for (int i = 0; i < places; ++i) scale *= 10;
    // shown / (100 · 10^places) compared with num / den
    bool shown_above = units * static_cast<Wide>(limit.den) > static_cast<Wide>(limit.num) * scale;
    if (shown_above == above) return percent_text(units, places);
  }
  return percent_text(percent_units(a, b, 8), 8);
}

}  // namespace uie
