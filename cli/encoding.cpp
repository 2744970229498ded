#include "encoding.h"

#include <cerrno>

namespace uie_cli {
namespace {

const iconv_t kNone = reinterpret_cast<iconv_t>(-1);

// Runs iconv over `in`, appending to `out`; returns the bytes consumed. Stops
// at a character cut off at the end (EINVAL) or a byte that cannot be read
// (EILSEQ, reported through `bad`).
std::size_t convert(iconv_t cd, std::string_view in, std::string& out, bool& bad) {
  bad = false;
  char* src = const_cast<char*>(in.data());
  std::size_t left = in.size();
  char block[1 << 14];
  while (left > 0) {
    char* dst = block;
    std::size_t room = sizeof block;
    std::size_t r = iconv(cd, &src, &left, &dst, &room);
    out.append(block, static_cast<std::size_t>(dst - block));
    if (r != static_cast<std::size_t>(-1)) continue;
    if (errno == E2BIG) continue;
    bad = errno == EILSEQ;
    break;
  }
  return in.size() - left;
}

}  // namespace

bool parse_encoding(std::string_view name, Encoding& out) {
  std::string n;
  for (char c : name) n += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (n == "auto") out = Encoding::kAuto;
  else if (n == "utf-8" || n == "utf8") out = Encoding::kUtf8;
  else if (n == "gb18030" || n == "gbk" || n == "gb2312" || n == "cp936") out = Encoding::kGb18030;
  else return false;
  return true;
}

bool valid_utf8_prefix(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
    if (n == 0) return false;
    for (std::size_t k = 1; k < n; ++k) {
      if (i + k >= s.size()) return true;  // cut off at the end
      auto d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      // No overlong three-byte forms, no surrogates, nothing past U+10FFFF.
      if (k == 1 && ((c == 0xE0 && d < 0xA0) || (c == 0xED && d > 0x9F) || (c == 0xF0 && d < 0x90) || (c == 0xF4 && d > 0x8F))) {
        return false;
      }
    }
    i += n;
  }
  return true;
}

Decoder::~Decoder() {
  if (cd_ != kNone) iconv_close(cd_);
}

void Decoder::decode(std::string_view chunk, std::string& out) {
  if (encoding_ == Encoding::kAuto) {
    std::size_t i = 0;
    while (i < chunk.size() && static_cast<unsigned char>(chunk[i]) < 0x80) ++i;
    out.append(chunk.data(), i);
    if (i == chunk.size()) return;
    encoding_ = valid_utf8_prefix(chunk.substr(i)) ? Encoding::kUtf8 : Encoding::kGb18030;
    chunk.remove_prefix(i);
  }
  if (encoding_ == Encoding::kUtf8) {
    out.append(chunk.data(), chunk.size());
    return;
  }
  gb18030(chunk, out);
}

void Decoder::finish(std::string& out) {
  if (!carry_.empty()) out += "\xEF\xBF\xBD";
  carry_.clear();
}

void Decoder::gb18030(std::string_view chunk, std::string& out) {
  if (cd_ == kNone) cd_ = iconv_open("UTF-8", "GB18030");
  if (cd_ == kNone) {  // no converter: the engine will say which cells are not text
    out.append(chunk.data(), chunk.size());
    return;
  }
  std::string joined;
  if (!carry_.empty()) {
    joined = carry_;
    joined.append(chunk.data(), chunk.size());
    chunk = joined;
    carry_.clear();
  }
  while (!chunk.empty()) {
    bool bad = false;
    std::size_t used = convert(cd_, chunk, out, bad);
    chunk.remove_prefix(used);
    if (!bad) break;
    out += "\xEF\xBF\xBD";  // U+FFFD for the byte that cannot be read
    chunk.remove_prefix(1);
  }
  carry_.assign(chunk.data(), chunk.size());  // at most 3 bytes of a cut-off character
}

Encoder::Encoder() : cd_(iconv_open("GB18030", "UTF-8")) {}

Encoder::~Encoder() {
  if (cd_ != kNone) iconv_close(cd_);
}

void Encoder::encode(std::string_view text, std::string& out) {
  if (cd_ == kNone) {
    out.append(text.data(), text.size());
    return;
  }
  while (!text.empty()) {
    bool bad = false;
    text.remove_prefix(convert(cd_, text, out, bad));
    if (text.empty()) break;
    out += '?';  // not UTF-8 (never from the engine): one byte dropped
    text.remove_prefix(1);
  }
}

}  // namespace uie_cli
