#include "batch.h"

namespace uie_cli {
namespace {

// Reads one line of at most `limit` bytes. A longer line is consumed to its
// end but not kept, so memory stays bounded whatever the input holds.
bool read_line(std::istream& in, std::size_t limit, std::string& line, bool& too_long) {
  line.clear();
  too_long = false;
  bool any = false;
  char buf[4096];
  while (true) {
    in.get(buf, sizeof buf, '\n');
    std::streamsize n = in.gcount();
    if (n > 0) {
      any = true;
      if (!too_long) {
        if (line.size() + static_cast<std::size_t>(n) > limit) {
          too_long = true;
          line.clear();
          line.shrink_to_fit();
        } else {
          line.append(buf, static_cast<std::size_t>(n));
        }
      }
    }
    if (in.eof()) return any;
    if (in.fail()) in.clear();  // an empty line sets failbit; the newline is still there
    int c = in.get();
    if (c == '\n') return true;
    if (c == std::char_traits<char>::eof()) return any;
    in.unget();
  }
}

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
  std::string line, buffer;
  bool too_long = false;
  while (read_line(in, read_limit, line, too_long)) {
    if (!too_long && !line.empty() && line.back() == '\r') line.pop_back();
    // A line past the limit gets the engine's own size error, from a stand-in
    // of the same size class, so the message is the one every front end gives.
    std::string_view request = too_long || line.size() > limit ? std::string_view(oversized) : std::string_view(line);
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

bool run_csv(const uie::Engine& engine, std::istream& in, std::ostream& out, const uie::ScreenDefaults& defaults,
             const uie::Options& options) {
  uie::CsvScreen session(engine, defaults, options);
  std::string chunk(1 << 20, '\0'), buffer;
  while (in && session.ok()) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    auto n = static_cast<std::size_t>(in.gcount());
    if (n == 0) break;
    session.feed(std::string_view(chunk.data(), n), buffer);
    out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    buffer.clear();
  }
  if (session.ok()) session.finish(buffer);
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  out.flush();
  return session.ok();
}

}  // namespace uie_cli
