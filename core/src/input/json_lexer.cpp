// The request lexer (input/json_lexer.h): nlohmann/json's grammar, UTF-8
// checks and number types, read in one pass over the text.
#include "input/json_lexer.h"

#include <cerrno>
#include <cstdlib>

namespace uie {

JsonToken JsonLexer::scan() {
  if (chars_ == 0) {  // a byte-order mark may stand first
    if (get() == 0xEF) {
      if (!(get() == 0xBB && get() == 0xBF)) return JsonToken::kError;
    } else {
      unget();
    }
  }
  do {
    get();
  } while (current_ == ' ' || current_ == '\t' || current_ == '\n' || current_ == '\r');
  switch (current_) {
    case '[': return JsonToken::kBeginArray;
    case ']': return JsonToken::kEndArray;
    case '{': return JsonToken::kBeginObject;
    case '}': return JsonToken::kEndObject;
    case ':': return JsonToken::kNameSeparator;
    case ',': return JsonToken::kValueSeparator;
    case 't': return scan_literal("rue", JsonToken::kTrue);
    case 'f': return scan_literal("alse", JsonToken::kFalse);
    case 'n': return scan_literal("ull", JsonToken::kNull);
    case '"': return scan_string();
    case '-': case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
      return scan_number();
    case 0:
    case kEof: return JsonToken::kEnd;
    default: return JsonToken::kError;
  }
}

JsonToken JsonLexer::scan_literal(const char* rest, JsonToken t) {
  for (const char* c = rest; *c; ++c) {
    if (get() != static_cast<unsigned char>(*c)) return JsonToken::kError;
  }
  return t;
}

int JsonLexer::codepoint() {
  int cp = 0;
  for (int shift : {12, 8, 4, 0}) {
    int c = get();
    if (c >= '0' && c <= '9') cp += (c - '0') << shift;
    else if (c >= 'A' && c <= 'F') cp += (c - 'A' + 10) << shift;
    else if (c >= 'a' && c <= 'f') cp += (c - 'a' + 10) << shift;
    else return -1;
  }
  return cp;
}

void JsonLexer::put_codepoint(int cp) {
  auto u = static_cast<unsigned>(cp);
  if (u < 0x80) {
    string_ += static_cast<char>(u);
  } else if (u <= 0x7FF) {
    string_ += static_cast<char>(0xC0u | (u >> 6));
    string_ += static_cast<char>(0x80u | (u & 0x3Fu));
  } else if (u <= 0xFFFF) {
    string_ += static_cast<char>(0xE0u | (u >> 12));
    string_ += static_cast<char>(0x80u | ((u >> 6) & 0x3Fu));
    string_ += static_cast<char>(0x80u | (u & 0x3Fu));
  } else {
    string_ += static_cast<char>(0xF0u | (u >> 18));
    string_ += static_cast<char>(0x80u | ((u >> 12) & 0x3Fu));
    string_ += static_cast<char>(0x80u | ((u >> 6) & 0x3Fu));
    string_ += static_cast<char>(0x80u | (u & 0x3Fu));
  }
}

// The bytes after a UTF-8 lead byte: the first in [lo1, hi1], then
// `continuation` more in 80..BF; the lead byte is current_.
bool JsonLexer::utf8_tail(int lo1, int hi1, int continuation) {
  string_ += static_cast<char>(current_);
  int c = get();
  if (c < lo1 || c > hi1) return false;
  string_ += static_cast<char>(c);
  for (int k = 0; k < continuation; ++k) {
    c = get();
    if (c < 0x80 || c > 0xBF) return false;
    string_ += static_cast<char>(c);
  }
  return true;
}

JsonToken JsonLexer::scan_string() {
  string_.clear();
  while (true) {
    // The common case: a run of printable ASCII, taken whole.
    if (!unget_) {
      std::size_t j = i_;
      while (j < s_.size()) {
        auto b = static_cast<unsigned char>(s_[j]);
        if (b < 0x20 || b == '"' || b == '\\' || b >= 0x80) break;
        ++j;
      }
      if (j > i_) {
        string_.append(s_.data() + i_, j - i_);
        chars_ += j - i_;
        current_ = static_cast<unsigned char>(s_[j - 1]);
        i_ = j;
      }
    }
    int c = get();
    if (c == kEof) return JsonToken::kError;  // missing closing quote
    if (c == '"') return JsonToken::kString;
    if (c == '\\') {
      switch (get()) {
        case '"': string_ += '"'; break;
        case '\\': string_ += '\\'; break;
        case '/': string_ += '/'; break;
        case 'b': string_ += '\b'; break;
        case 'f': string_ += '\f'; break;
        case 'n': string_ += '\n'; break;
        case 'r': string_ += '\r'; break;
        case 't': string_ += '\t'; break;
        case 'u': {
          int cp = codepoint();
          if (cp < 0) return JsonToken::kError;
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (!(get() == '\\' && get() == 'u')) return JsonToken::kError;
            int low = codepoint();
            if (low < 0 || low < 0xDC00 || low > 0xDFFF) return JsonToken::kError;
            cp = ((cp - 0xD800) << 10) + (low - 0xDC00) + 0x10000;
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return JsonToken::kError;
          }
          put_codepoint(cp);
          break;
        }
        default: return JsonToken::kError;
      }
      continue;
    }
    if (c < 0x20) return JsonToken::kError;  // a control character must be escaped
    if (c < 0x80) {
      string_ += static_cast<char>(c);
      continue;
    }
    bool ok;
    if (c >= 0xC2 && c <= 0xDF) ok = utf8_tail(0x80, 0xBF, 0);
    else if (c == 0xE0) ok = utf8_tail(0xA0, 0xBF, 1);
    else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) ok = utf8_tail(0x80, 0xBF, 1);
    else if (c == 0xED) ok = utf8_tail(0x80, 0x9F, 1);
    else if (c == 0xF0) ok = utf8_tail(0x90, 0xBF, 2);
    else if (c >= 0xF1 && c <= 0xF3) ok = utf8_tail(0x80, 0xBF, 2);
    else if (c == 0xF4) ok = utf8_tail(0x80, 0x8F, 2);
    else ok = false;  // 80..C1, F5..FF
    if (!ok) return JsonToken::kError;
  }
}

JsonToken JsonLexer::scan_number() {
  number_.clear();
  JsonToken type = JsonToken::kUnsigned;
  auto digit = [](int c) { return c >= '0' && c <= '9'; };
  auto add = [&](int c) { number_ += static_cast<char>(c); };
  add(current_);
  int c = current_;
  if (c == '-') {
    type = JsonToken::kInteger;
    c = get();
    if (!digit(c)) return JsonToken::kError;
    add(c);
  }
  if (c != '0') {
    while (digit(c = get())) add(c);
  } else {
    c = get();
  }
  if (c == '.') {
    type = JsonToken::kFloat;
    add('.');
    if (!digit(c = get())) return JsonToken::kError;
    add(c);
    while (digit(c = get())) add(c);
  }
  if (c == 'e' || c == 'E') {
    type = JsonToken::kFloat;
    add(c);
    c = get();
    if (c == '+' || c == '-') {
      add(c);
      c = get();
    }
    if (!digit(c)) return JsonToken::kError;
    add(c);
    while (digit(c = get())) add(c);
  }
  unget();
  if (type == JsonToken::kUnsigned && number_.size() <= 19) {
    std::uint64_t v = 0;
    for (char d : number_) v = v * 10 + static_cast<std::uint64_t>(d - '0');
    unsigned_ = v;
    return JsonToken::kUnsigned;
  }
  errno = 0;
  if (type == JsonToken::kUnsigned) {
    unsigned long long v = std::strtoull(number_.c_str(), nullptr, 10);
    if (errno == 0) {
      unsigned_ = v;
      return JsonToken::kUnsigned;
    }
  } else if (type == JsonToken::kInteger) {
    long long v = std::strtoll(number_.c_str(), nullptr, 10);
    if (errno == 0) {
      integer_ = v;
      return JsonToken::kInteger;
    }
  }
  real_ = std::strtod(number_.c_str(), nullptr);
  return JsonToken::kFloat;
}

}  // namespace uie
