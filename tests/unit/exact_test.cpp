// Money in integer fen, rates as exact fractions, one half-up rounding.
#include <catch2/catch.hpp>

#include "base/exact.h"

using namespace uie;

static Fen yuan(const char* text) {
  Fen out = -1;
  REQUIRE(parse_yuan(text, out) == MoneyError::kNone);
  return out;
}

TEST_CASE("yuan amounts become exact fen", "[money]") {
  CHECK(yuan("56789.12") == 5678912);
  CHECK(yuan("8000") == 800000);
  CHECK(yuan("0.01") == 1);
  CHECK(yuan("12.30") == 1230);
  CHECK(yuan("12.300") == 1230);  // trailing zeros are not extra precision
  CHECK(yuan("1e3") == 100000);
  CHECK(yuan("1.5E2") == 15000);
  CHECK(yuan("0") == 0);
  CHECK(yuan("-0") == 0);
  CHECK(yuan("-0.00") == 0);
  CHECK(yuan("1000000000000") == kMaxFen);
}

TEST_CASE("money that is not an amount of fen is refused with the reason", "[money]") {
  Fen out = 0;
  CHECK(parse_yuan("12.345", out) == MoneyError::kTooManyDecimals);
  CHECK(parse_yuan("0.001", out) == MoneyError::kTooManyDecimals);
  CHECK(parse_yuan("1e-3", out) == MoneyError::kTooManyDecimals);
  CHECK(parse_yuan("-1", out) == MoneyError::kNegative);
  CHECK(parse_yuan("-0.01", out) == MoneyError::kNegative);
  CHECK(parse_yuan("abc", out) == MoneyError::kNotANumber);
  CHECK(parse_yuan("", out) == MoneyError::kNotANumber);
  CHECK(parse_yuan("1,000", out) == MoneyError::kNotANumber);
  CHECK(parse_yuan("12.5元", out) == MoneyError::kNotANumber);
  CHECK(parse_yuan("1e", out) == MoneyError::kNotANumber);
  CHECK(parse_yuan("1000000000000.01", out) == MoneyError::kTooLarge);
  CHECK(parse_yuan("1e400", out) == MoneyError::kTooLarge);
  CHECK(parse_yuan("1e-400", out) == MoneyError::kTooManyDecimals);
}

TEST_CASE("fen print as yuan with two places, and as 万元 from ten thousand", "[money]") {
  CHECK(yuan_str(3407347) == "34073.47");
  CHECK(yuan_str(5) == "0.05");
  CHECK(yuan_str(0) == "0.00");
  CHECK(yuan_zh(100000) == "1000元");
  CHECK(yuan_zh(5670) == "56.70元");
  CHECK(yuan_zh(3407347) == "3.41万元");
  CHECK(yuan_zh(1000000) == "1.00万元");
  CHECK(yuan_zh(1004999) == "1.00万元");
  CHECK(yuan_zh(1005000) == "1.01万元");  // half up
}

TEST_CASE("rates are read exactly from their decimal text", "[rate]") {
  auto r = Rate::parse("5.5%");
  REQUIRE(r);
  CHECK(r->num == 55);
  CHECK(r->den == 1000);
  CHECK(Rate::parse("0.7%")->num == 7);
  CHECK(Rate::parse("100%"));
  CHECK_FALSE(Rate::parse("100.01%"));
  CHECK_FALSE(Rate::parse("5.5"));
  CHECK_FALSE(Rate::parse("%"));
  CHECK_FALSE(Rate::parse("-1%"));
  CHECK_FALSE(Rate::parse("1.2.3%"));
  CHECK_FALSE(Rate::parse("0.0000001%"));
}

TEST_CASE("thresholds compare exactly: 5.5% of 200 is 11", "[rate]") {
  Rate r = *Rate::parse("5.5%");
  CHECK(ratio_at_most(11, 200, r));
  CHECK_FALSE(ratio_at_most(12, 200, r));
  CHECK(ratio_at_most(0, 1, r));
  CHECK(max_numerator(500, r) == 27);  // 27.5 → 27
  CHECK(max_numerator(200, r) == 11);
  Rate twenty = *Rate::parse("20%");
  CHECK(ratio_at_most(6, 30, twenty));
  CHECK_FALSE(ratio_at_most(7, 30, twenty));
}

TEST_CASE("a product is rounded once, half up, to the fen", "[rate][money]") {
  Rate thirty = *Rate::parse("30%");
  CHECK(apply_rate(5, thirty) == 2);    // 1.5 fen → 2
  CHECK(apply_rate(15, thirty) == 5);   // 4.5 fen → 5
  CHECK(apply_rate(1, thirty) == 0);    // 0.3 fen → 0
  CHECK(apply_rate(5678912, *Rate::parse("60%")) == 3407347);  // 34073.472 yuan
  CHECK(apply_rate(800000, *Rate::parse("0.7%")) == 5600);
  CHECK(apply_rate(150, *Rate::parse("0.3%")) == 0);   // 0.45 fen → 0
  CHECK(apply_rate(250, *Rate::parse("0.3%")) == 1);   // 0.75 fen → 1
  CHECK(apply_rate(kMaxFen, *Rate::parse("99.999999%")) == 99999999000000);
}

TEST_CASE("a ratio prints as a percentage with two places, half up", "[rate]") {
  CHECK(percent_str(30, 500) == "6.00%");
  CHECK(percent_str(1, 3) == "33.33%");
  CHECK(percent_str(2, 3) == "66.67%");
  CHECK(percent_str(0, 7) == "0.00%");
  CHECK(percent_str(11, 200) == "5.50%");
}

TEST_CASE("a ratio next to its limit gets the places it needs to stand on the right side", "[rate]") {
  Rate limit = *Rate::parse("5.5%");
  CHECK(percent_str(550, 9992, limit) == "5.504%");   // 5.5044% is above 5.5%: "5.50%" would contradict it
  CHECK(percent_str(550, 10001, limit) == "5.50%");   // 5.4995% is not above: two places stand
  CHECK(percent_str(11, 200, limit) == "5.50%");      // exactly the limit
  CHECK(percent_str(30, 500, limit) == "6.00%");
  CHECK(percent_str(55000001, 1000000000, limit) == "5.5000001%");  // above by 1e-7 %
}

TEST_CASE("a product rounds once, half up, to a whole unit when asked (a standard published in yuan)", "[rate][money]") {
  Rate ninety = *Rate::parse("90%");
  CHECK(apply_rate(189500, ninety, 100) == 170600);  // 1895 × 90% = 1705.5 yuan → 1706 (广州 2018-05)
  CHECK(apply_rate(189500, ninety, 1) == 170550);
  CHECK(apply_rate(215000, ninety, 100) == 193500);
  CHECK(apply_rate(189449, ninety, 100) == 170500);  // 1705.041 → 1705: once, not via the fen
}
