// Exact money and rates. Money is integer 分 (fen); a rate is a fraction read
// from its decimal text ("5.5%" is 55/1000), so thresholds compare exactly and
// a product is rounded once, half up (四舍五入), at the very end.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace uie {

using Fen = std::int64_t;

// The largest amount a fact may hold: one trillion yuan, in fen.
constexpr Fen kMaxFen = 100'000'000'000'000;

// A decimal amount of yuan ("56789.12", "8000", "1e3" as JSON may write it) to
// fen. Refuses negatives, more than two decimal places, and amounts past kMaxFen.
enum class MoneyError { kNone, kNotANumber, kNegative, kTooManyDecimals, kTooLarge };
MoneyError parse_yuan(std::string_view text, Fen& out);

// "12345.67": fen as yuan with two decimal places.
std::string yuan_str(Fen fen);
// For sentences: "5.68万元" from 10 000 yuan up, else "8000元" / "56.70元".
std::string yuan_zh(Fen fen);

struct Rate {
  std::int64_t num = 0;  // value = num / den
  std::int64_t den = 1;
  std::string text;      // as the document writes it: "5.5%"

  // "5.5%", "0.7%", "60%": at most six decimal places, at most 100%.
  static std::optional<Rate> parse(std::string_view text);
};

// fen × rate, rounded half up once.
Fen apply_rate(Fen base, const Rate& rate);
// The same, rounded half up once to a whole multiple of `unit` fen (100: to the yuan).
Fen apply_rate(Fen base, const Rate& rate, Fen unit);
// a / b ≤ rate, exactly (b > 0).
bool ratio_at_most(std::int64_t a, std::int64_t b, const Rate& rate);
// The largest a with a / b ≤ rate.
std::int64_t max_numerator(std::int64_t b, const Rate& rate);
// a / b as a percentage with two decimals, half up: "6.00%".
std::string percent_str(std::int64_t a, std::int64_t b);
// The same, with more decimals where two would put the figure on the wrong
// side of `limit` (5.504% against 5.5% is "5.504%", not "5.50%").
std::string percent_str(std::int64_t a, std::int64_t b, const Rate& limit);

}  // namespace uie
