// The request lexer: JSON tokens from text, with the characters read counted
// as nlohmann/json's lexer counts them (EOF reads included), so an error's
// position is that parser's, byte for byte (input/json_parse.cpp builds the
// tree from these tokens). Strings are checked as UTF-8 and unescaped; a
// number keeps its source text beside its value.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace uie {

enum class JsonToken { kBeginArray, kEndArray, kBeginObject, kEndObject, kNameSeparator, kValueSeparator, kTrue, kFalse,
                       kNull, kString, kUnsigned, kInteger, kFloat, kEnd, kError };

class JsonLexer {
 public:
  explicit JsonLexer(std::string_view text) : s_(text) {}

  JsonToken scan();

  // The token just scanned: a string's text, a number's source and value.
  const std::string& string() const { return string_; }
  const std::string& number() const { return number_; }
  std::uint64_t unsigned_value() const { return unsigned_; }
  std::int64_t integer_value() const { return integer_; }
  double real_value() const { return real_; }
  std::size_t chars() const { return chars_; }

 private:
  static constexpr int kEof = -1;

  int get() {
    ++chars_;
    if (unget_) {
      unget_ = false;
    } else {
      current_ = i_ < s_.size() ? static_cast<unsigned char>(s_[i_++]) : kEof;
    }
    return current_;
  }
  void unget() {
    unget_ = true;
    --chars_;
  }

  JsonToken scan_literal(const char* rest, JsonToken t);
  JsonToken scan_string();
  JsonToken scan_number();
  int codepoint();
  bool utf8_tail(int lo1, int hi1, int continuation);
  void put_codepoint(int cp);

  std::string_view s_;
  std::size_t i_ = 0;
  std::size_t chars_ = 0;
  int current_ = kEof;
  bool unget_ = false;
  std::string string_;
  std::string number_;
  std::uint64_t unsigned_ = 0;
  std::int64_t integer_ = 0;
  double real_ = 0;
};

}  // namespace uie
