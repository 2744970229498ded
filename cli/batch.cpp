#include "batch.h"


namespace uie_cli {
namespace {

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
  uie::Session session(engine, uie::BatchInput::kJsonl,
                       answer == Answer::kScreen ? uie::BatchOutput::kLines : uie::BatchOutput::kFull, options);
  std::string chunk(1 << 18, '\0'), buffer;
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    auto n = static_cast<std::size_t>(in.gcount());
    if (n == 0) break;
    session.feed(std::string_view(chunk.data(), n), buffer);
    if (buffer.size() >= kFlushAt) {
      out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      buffer.clear();
    }
  }
  session.finish(buffer);
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  out.flush();
}

bool run_csv(const uie::Engine& engine, std::istream& in, std::ostream& out, std::ostream& err,
             const uie::ScreenDefaults& defaults, const uie::Options& options, uie::BatchOutput output,
             Encoding encoding) {
  uie::Session session(engine, uie::BatchInput::kCsv, output, options, defaults);
  Decoder decoder(encoding);
  Encoder encoder;
  bool table = output == uie::BatchOutput::kTable;
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
