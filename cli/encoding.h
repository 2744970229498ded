// The text encodings an office's CSV arrives in: UTF-8 (with or without a
// byte-order mark) or GB18030, which Excel writes on a Chinese Windows
// ("CSV (逗号分隔)"). The engine reads UTF-8 only, so GB18030 is converted
// here, in pieces as the file streams (glibc's iconv); the table output goes
// back in the encoding it came in, so Excel opens it as it opened the input.
#pragma once

#include <iconv.h>

#include <string>
#include <string_view>

namespace uie_cli {

enum class Encoding { kAuto, kUtf8, kGb18030 };

// "auto", "utf-8"/"utf8", "gb18030"/"gbk"/"gb2312" (GB18030 reads both of the
// older ones); false for any other name.
bool parse_encoding(std::string_view name, Encoding& out);

// Whether `s` is valid UTF-8, not counting a sequence cut off at its end
// (the rest may come with the next piece).
bool valid_utf8_prefix(std::string_view s);

// Input bytes → UTF-8, piece by piece. kAuto decides at the first byte past
// ASCII (ASCII reads the same in both): UTF-8 when the bytes from there are
// valid UTF-8, else GB18030. A byte GB18030 cannot read becomes U+FFFD.
class Decoder {
 public:
  explicit Decoder(Encoding e) : encoding_(e) {}
  ~Decoder();
  Decoder(const Decoder&) = delete;
  Decoder& operator=(const Decoder&) = delete;

  void decode(std::string_view chunk, std::string& out);
  // The end of the input: a character cut off there becomes U+FFFD.
  void finish(std::string& out);
  // What the input turned out to be (kAuto while all of it was ASCII).
  Encoding encoding() const { return encoding_; }

 private:
  void gb18030(std::string_view chunk, std::string& out);
  Encoding encoding_;
  iconv_t cd_ = reinterpret_cast<iconv_t>(-1);
  std::string carry_;  // the start of a GB18030 character cut off at a piece's end
};

// UTF-8 → GB18030 for the output (every Unicode character has a GB18030 form).
class Encoder {
 public:
  Encoder();
  ~Encoder();
  Encoder(const Encoder&) = delete;
  Encoder& operator=(const Encoder&) = delete;
  // `text` must end on a character boundary (the engine writes whole lines).
  void encode(std::string_view text, std::string& out);

 private:
  iconv_t cd_;
};

}  // namespace uie_cli
