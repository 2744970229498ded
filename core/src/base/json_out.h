// Writing JSON text straight into one buffer: the responses are rendered
// here, never built as a tree. Strings are escaped exactly as nlohmann/json's
// dump(-1, ' ', false, error_handler_t::replace) escapes them (the engine's
// responses were specified by that output, byte for byte): no escaping of
// non-ASCII or '/', short escapes for \b \t \n \f \r " \\, \u00xx for other
// control characters, and U+FFFD for every invalid UTF-8 sequence.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace uie {

// Appends `s` as a JSON string literal (with the quotes).
void append_json_string(std::string& out, std::string_view s);

// Appends `s` escaped but without the quotes, for a string assembled in pieces.
void append_json_escaped(std::string& out, std::string_view s);
// The same, byte by byte, with nlohmann's rules for invalid UTF-8 (from the
// first bad sequence on; append_json_escaped calls it).
void append_escaped_slow(std::string& out, std::string_view s);

// The decimal text of an integer.
void append_int(std::string& out, std::int64_t v);

// The text nlohmann/json gives a double (shortest round trip, "1.0", "1e+20").
std::string double_text(double v);

// A small helper for writing objects and arrays in order.
class JsonOut {
 public:
  explicit JsonOut(std::string& out) : out_(out) {}

  JsonOut& raw(std::string_view s) { out_.append(s); return *this; }
  JsonOut& str(std::string_view s) { append_json_string(out_, s); return *this; }
  JsonOut& num(std::int64_t v) { append_int(out_, v); return *this; }
  JsonOut& boolean(bool v) { out_.append(v ? "true" : "false"); return *this; }
  JsonOut& null() { out_.append("null"); return *this; }
  // `"name":` — the name is a literal of ours, never escaped.
  JsonOut& key(std::string_view name) {
    out_.push_back('"');
    out_.append(name);
    out_.append("\":");
    return *this;
  }
  // `,"name":`
  JsonOut& next(std::string_view name) {
    out_.push_back(',');
    return key(name);
  }
  std::string& buffer() { return out_; }

 private:
  std::string& out_;
};

}  // namespace uie
