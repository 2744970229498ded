// Lines of a JSONL batch as its text arrives in chunks, memory bounded by the
// line limit: a longer line is consumed to its end but never kept, and is
// reported as too long. A CR before the newline belongs to the line ending.
// The one owner of line splitting: every host's batch goes through it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace uie {

class LineSplitter {
 public:
  explicit LineSplitter(std::size_t limit) : limit_(limit) {}

  // More text of the batch.
  void feed(std::string_view chunk);

  enum class Status { kLine, kNeedMore, kEnd };
  // The next whole line, without its line ending (a view valid until the
  // next call); with `final` (no more text will come) the rest counts as a
  // last line when it holds anything. `too_long`: past the limit, text dropped.
  Status next(std::string_view& line, bool& too_long, bool final);

  // The number of the line last returned, counting from 1.
  std::size_t line_number() const { return lines_; }

 private:
  std::size_t limit_;
  std::string buffer_;
  std::size_t pos_ = 0;
  std::size_t lines_ = 0;
  bool skipping_ = false;          // inside a line past the limit: its text is dropped as it arrives
  bool too_long_pending_ = false;  // such a line has ended: reported by the next call
};

}  // namespace uie
