#include "input/lines.h"

namespace uie {

void LineSplitter::feed(std::string_view chunk) {
  // The lines handed out so far are no longer in use: the buffer may move.
  if (pos_ > 0) {
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
  if (skipping_) {
    // Only the end of the over-long line matters.
    std::size_t nl = chunk.find('\n');
    if (nl == std::string_view::npos) return;
    skipping_ = false;
    too_long_pending_ = true;
    chunk.remove_prefix(nl + 1);
  }
  buffer_.append(chunk.data(), chunk.size());
}

LineSplitter::Status LineSplitter::next(std::string_view& line, bool& too_long, bool final) {
  line = std::string_view();
  too_long = false;
  if (too_long_pending_ || (final && skipping_)) {
    too_long_pending_ = skipping_ = false;
    ++lines_;
    too_long = true;
    return Status::kLine;
  }
  std::size_t nl = buffer_.find('\n', pos_);
  std::size_t end = nl;
  if (nl == std::string::npos) {
    std::size_t rest = buffer_.size() - pos_;
    if (!final) {
      // A CR may still follow a line of exactly the limit: keep limit + 1 bytes.
      if (rest > limit_ + 1) {
        skipping_ = true;
        buffer_.clear();
        pos_ = 0;
      }
      return Status::kNeedMore;
    }
    if (rest == 0) return Status::kEnd;
    end = buffer_.size();
  }
  std::string_view text(buffer_.data() + pos_, end - pos_);
  pos_ = nl == std::string::npos ? buffer_.size() : nl + 1;
  ++lines_;
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  if (text.size() > limit_) too_long = true;
  else line = text;
  return Status::kLine;
}

}  // namespace uie
