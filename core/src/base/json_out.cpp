#include "json_out.h"

#include <array>
#include <cmath>

#include <nlohmann/json.hpp>

namespace uie {
namespace {

// A step of UTF-8 decoding (Unicode's table of well-formed byte sequences):
// kAccept when a code point is complete, kReject at the first byte that
// cannot continue, kMore while a sequence is under way.
enum class Utf8 { kAccept, kReject, kMore };

struct Decoder {
  int need = 0;            // continuation bytes still expected
  unsigned char lo = 0x80, hi = 0xBF;  // range of the next continuation byte

  Utf8 step(unsigned char b) {
    if (need == 0) {
      if (b < 0x80) return Utf8::kAccept;
      lo = 0x80;
      hi = 0xBF;
      if (b >= 0xC2 && b <= 0xDF) need = 1;
      else if (b >= 0xE0 && b <= 0xEF) {
        need = 2;
        if (b == 0xE0) lo = 0xA0;
        if (b == 0xED) hi = 0x9F;
      } else if (b >= 0xF0 && b <= 0xF4) {
        need = 3;
        if (b == 0xF0) lo = 0x90;
        if (b == 0xF4) hi = 0x8F;
      } else {
        return Utf8::kReject;
      }
      return Utf8::kMore;
    }
    if (b < lo || b > hi) {
      need = 0;
      return Utf8::kReject;
    }
    lo = 0x80;
    hi = 0xBF;
    return --need == 0 ? Utf8::kAccept : Utf8::kMore;
  }
};

constexpr char kReplacement[] = "\xEF\xBF\xBD";

// Whether a byte can be copied as is, with nothing to check.
constexpr std::array<bool, 256> plain_bytes() {
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 0x80; ++c) t[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
  return t;
}
constexpr std::array<bool, 256> kPlain = plain_bytes();

void append_escape(std::string& out, unsigned char c) {
  switch (c) {
    case 0x08: out.append("\\b"); return;
    case 0x09: out.append("\\t"); return;
    case 0x0A: out.append("\\n"); return;
    case 0x0C: out.append("\\f"); return;
    case 0x0D: out.append("\\r"); return;
    case '"': out.append("\\\""); return;
    case '\\': out.append("\\\\"); return;
    default: {
      static const char hex[] = "0123456789abcdef";
      char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
      out.append(u, 6);
    }
  }
}

// The length of the well-formed UTF-8 sequence starting at s[i] (0 if none).
std::size_t utf8_length(std::string_view s, std::size_t i) {
  auto b = static_cast<unsigned char>(s[i]);
  std::size_t n = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  auto c1 = static_cast<unsigned char>(s[i + 1]);
  unsigned char lo = b == 0xE0 ? 0xA0 : b == 0xF0 ? 0x90 : 0x80;
  unsigned char hi = b == 0xED ? 0x9F : b == 0xF4 ? 0x8F : 0xBF;
  if (c1 < lo || c1 > hi) return 0;
  for (std::size_t k = 2; k < n; ++k) {
    auto c = static_cast<unsigned char>(s[i + k]);
    if (c < 0x80 || c > 0xBF) return 0;
  }
  return n;
}

}  // namespace

void append_json_escaped(std::string& out, std::string_view s) {
  // The common case, taken in runs: printable ASCII and whole, well-formed
  // UTF-8 sequences, copied as they are.
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = i;
    while (j < s.size()) {
      auto b = static_cast<unsigned char>(s[j]);
      if (b < 0x80) {
        if (!kPlain[b]) break;
        ++j;
      } else {
        std::size_t n = utf8_length(s, j);
        if (!n) break;
        j += n;
      }
    }
    out.append(s.data() + i, j - i);
    if (j == s.size()) return;
    i = j;
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      append_escape(out, b);
      ++i;
      continue;
    }
    // A broken sequence: the byte-exact rules of nlohmann's replacement, below.
    append_escaped_slow(out, s.substr(i));
    return;
  }
}

namespace {

void append_escaped_slow_impl(std::string& out, std::string_view s) {
  Decoder dec;
  std::size_t last_accept = out.size();  // where the output stood after the last whole code point
  std::size_t pending = 0;               // bytes of an unfinished sequence already copied
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto b = static_cast<unsigned char>(s[i]);
    if (pending == 0 && kPlain[b]) {
      // The common case: a run of printable ASCII.
      std::size_t j = i + 1;
      while (j < s.size() && kPlain[static_cast<unsigned char>(s[j])]) ++j;
      out.append(s.data() + i, j - i);
      i = j - 1;
      last_accept = out.size();
      continue;
    }
    switch (dec.step(b)) {
      case Utf8::kAccept:
        if (pending == 0 && b < 0x20) append_escape(out, b);
        else if (pending == 0 && (b == '"' || b == '\\')) append_escape(out, b);
        else out.push_back(static_cast<char>(b));
        last_accept = out.size();
        pending = 0;
        break;
      case Utf8::kReject:
        // The bytes of the broken sequence are dropped for one U+FFFD; a byte
        // that broke a sequence may start a good one, so it is read again.
        if (pending > 0) --i;
        out.resize(last_accept);
        out.append(kReplacement);
        last_accept = out.size();
        pending = 0;
        dec = Decoder{};
        break;
      case Utf8::kMore:
        out.push_back(static_cast<char>(b));
        ++pending;
        break;
    }
  }
  if (pending > 0) {  // the text ended inside a sequence
    out.resize(last_accept);
    out.append(kReplacement);
  }
}

}  // namespace

void append_escaped_slow(std::string& out, std::string_view s) { append_escaped_slow_impl(out, s); }

void append_json_string(std::string& out, std::string_view s) {
  out.push_back('"');
  append_json_escaped(out, s);
  out.push_back('"');
}

void append_int(std::string& out, std::int64_t v) {
  char buf[24];
  char* end = buf + sizeof buf;
  char* p = end;
  // Through unsigned, so INT64_MIN negates without overflow.
  std::uint64_t u = v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
  do {
    *--p = static_cast<char>('0' + u % 10);
    u /= 10;
  } while (u != 0);
  if (v < 0) *--p = '-';
  out.append(p, static_cast<std::size_t>(end - p));
}

std::string double_text(double v) {
  if (!std::isfinite(v)) return "null";
  std::array<char, 64> buf{};
  char* end = nlohmann::detail::to_chars(buf.data(), buf.data() + buf.size(), v);
  return std::string(buf.data(), end);
}

}  // namespace uie
