// An input as a C string literal, cut at 2 KiB, so that a finding can be read
// off the log (the artifact file holds it whole).
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace uie_fuzz {

inline std::string shown(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size() && i < 2048; ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c >= 0x20 && c < 0x7f) {
      out += static_cast<char>(c);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    }
  }
  return out + (s.size() > 2048 ? "…" : "");
}

}  // namespace uie_fuzz
