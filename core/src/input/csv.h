// Reading CSV records (RFC 4180: quoted fields, "" inside quotes, quoted
// newlines, CRLF or LF, a UTF-8 byte-order mark at the start). It streams:
// text arrives in chunks and memory stays bounded by the longest record,
// whatever the batch holds.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace uie {

class CsvReader {
 public:
  explicit CsvReader(std::size_t max_record_bytes) : limit_(max_record_bytes) {}

  // More text of the batch.
  void feed(std::string_view chunk) { buffer_.append(chunk.data(), chunk.size()); }

  enum class Status { kRecord, kNeedMore, kEnd };
  enum class Problem { kNone, kTooLong, kUnclosedQuote };
  // The next whole record. With `final` (no more text will come) the rest of
  // the buffer counts as a record. `problem` is set for a record that cannot
  // be read whole; its fields are then whatever could be read.
  // The fields are views into the reader: valid until the next call.
  Status next(std::vector<std::string_view>& fields, bool final, Problem& problem);
  std::size_t limit() const { return limit_; }

  // The number of the record last returned, counting from 1 (the header).
  std::size_t record_number() const { return records_; }
  // Where the record last returned starts: bytes from the start of the text
  // fed (a page reads that row again from its file to explain it).
  std::size_t record_offset() const { return start_; }

 private:
  // Drops the first `n` bytes of the buffer (consumed), keeping the count.
  void drop(std::size_t n);

  std::string buffer_;
  std::size_t base_ = 0;     // bytes dropped from the buffer's front so far
  std::size_t start_ = 0;    // record_offset()
  std::size_t pos_ = 0;      // where the next record starts in buffer_
  std::size_t records_ = 0;
  std::size_t limit_;
  bool bom_checked_ = false;
  std::string unquoted_;      // the current record's quoted fields, unescaped
  std::vector<std::pair<std::size_t, std::size_t>> spans_;
  bool skipping_ = false;     // inside a record past the limit
  bool skip_quoted_ = false;  // …and inside quotes there
};

// A cell for a CSV file: quoted when it holds a separator, a quote or a line
// break; and, as spreadsheets need, with a leading = + - @ (or tab / CR)
// neutralised by a ' so that no cell of ours is ever run as a formula.
void append_csv_cell(std::string& out, std::string_view cell);

}  // namespace uie
