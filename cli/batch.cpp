#include "batch.h"

#include <cstring>

namespace uie_cli {
namespace {

// Lines from a stream read in large blocks. A line longer than `limit` is
// consumed to its end but not kept, so memory stays bounded whatever the
// input holds.
class LineReader {
 public:
  LineReader(std::istream& in, std::size_t limit) : in_(in), limit_(limit), block_(1 << 18, '\0') {}

  // The next line (without its newline); false at the end of the input.
  bool next(std::string_view& line, bool& too_long) {
    too_long = false;
    bool skipping = false;
    pending_.clear();
    while (true) {
      if (pos_ == end_ && !fill()) {
        if (skipping || !pending_.empty() || had_text_) {
          had_text_ = false;
          too_long = skipping;
          line = pending_;
          return true;
        }
        return false;
      }
      had_text_ = true;
      const char* start = block_.data() + pos_;
      const char* nl = static_cast<const char*>(std::memchr(start, '\n', end_ - pos_));
      std::size_t n = nl ? static_cast<std::size_t>(nl - start) : end_ - pos_;
      if (!skipping) {
        if (pending_.size() + n > limit_) {
          skipping = true;
          pending_.clear();
        } else if (nl && pending_.empty()) {
          line = std::string_view(start, n);  // the common case: the whole line is in the block
          pos_ += n + 1;
          had_text_ = false;
          return true;
        } else {
          pending_.append(start, n);
        }
      }
      pos_ += n;
      if (nl) {
        ++pos_;
        had_text_ = false;
        too_long = skipping;
        line = skipping ? std::string_view() : std::string_view(pending_);
        return true;
      }
    }
  }

 private:
  bool fill() {
    in_.read(block_.data(), static_cast<std::streamsize>(block_.size()));
    end_ = static_cast<std::size_t>(in_.gcount());
    pos_ = 0;
    return end_ > 0;
  }

  std::istream& in_;
  std::size_t limit_;
  std::string block_, pending_;
  std::size_t pos_ = 0, end_ = 0;
  bool had_text_ = false;  // a line has begun (so an unterminated last line still counts)
};

// Output is gathered and written in large pieces.
constexpr std::size_t kFlushAt = 1 << 16;

}  // namespace

std::string read_request(std::istream& in, std::size_t limit) {
  std::string text(limit + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return text;
}

void run_batch(const uie::Engine& engine, std::istream& in, std::ostream& out, const uie::Options& options, Answer answer) {
  const std::size_t limit = uie::Limits{}.max_request_bytes;
  // A CR before the newline is part of the line ending, not of the request.
  const std::size_t read_limit = limit + 1;
  const std::string oversized(limit + 1, ' ');
  std::string buffer;
  std::string_view line;
  bool too_long = false;
  LineReader lines(in, read_limit);
  while (lines.next(line, too_long)) {
    if (!too_long && !line.empty() && line.back() == '\r') line.remove_suffix(1);
    // A line past the limit gets the engine's own size error, from a stand-in
    // of the same size class, so the message is the one every front end gives.
    std::string_view request = too_long || line.size() > limit ? std::string_view(oversized) : line;
    if (answer == Answer::kScreen) {
      engine.screen_into(buffer, request, options);
    } else {
      engine.estimate_into(buffer, request, options);
      buffer += '\n';
    }
    if (buffer.size() >= kFlushAt) {
      out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      buffer.clear();
    }
  }
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  out.flush();
}

bool run_csv(const uie::Engine& engine, std::istream& in, std::ostream& out, std::ostream& err,
             const uie::ScreenDefaults& defaults, const uie::Options& options, uie::CsvOutput output,
             Encoding encoding) {
  uie::CsvScreen session(engine, defaults, options, output);
  Decoder decoder(encoding);
  Encoder encoder;
  bool table = output == uie::CsvOutput::kTable;
  bool first = true, bom = false;
  int out_gb = -1;  // the table's encoding, fixed at its first write: 1 GB18030, 0 UTF-8
  std::string chunk(1 << 18, '\0'), text, buffer, encoded;
  // The table goes out as the input came in: GB18030, or UTF-8 (with the
  // byte-order mark the input had, so Excel reads it as UTF-8 again). While
  // the input has been ASCII only, its encoding is not known yet: the table
  // waits (up to 16 MiB, then it is UTF-8).
  auto write = [&](bool last) {
    if (table && out_gb < 0) {
      if (decoder.encoding() == Encoding::kAuto && !last && buffer.size() < (16u << 20)) return;
      out_gb = decoder.encoding() == Encoding::kGb18030 ? 1 : 0;
    }
    if (table && out_gb == 1) {
      encoded.clear();
      encoder.encode(buffer, encoded);
      out.write(encoded.data(), static_cast<std::streamsize>(encoded.size()));
    } else {
      if (table && bom) out.write("\xEF\xBB\xBF", 3);
      bom = false;
      out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    }
    buffer.clear();
    (void)last;
  };
  while (in && session.ok()) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    auto n = static_cast<std::size_t>(in.gcount());
    if (n == 0) break;
    std::string_view piece(chunk.data(), n);
    if (first) {
      bom = piece.substr(0, 3) == "\xEF\xBB\xBF";
      first = false;
    }
    text.clear();
    decoder.decode(piece, text);
    session.feed(text, buffer);
    if (!buffer.empty()) write(false);
  }
  text.clear();
  decoder.finish(text);
  if (session.ok()) {
    session.feed(text, buffer);
    session.finish(buffer);
  }
  if (table && !session.ok()) {
    err << "estimate: " << session.error() << '\n';
    return false;
  }
  write(true);
  out.flush();
  return session.ok();
}

}  // namespace uie_cli
