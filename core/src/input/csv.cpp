#include "input/csv.h"

#include <cstring>

namespace uie {
namespace {

// The first '\n' outside quotes at or after `from`, or npos; `quoted` carries
// the quote state in and out (a "" inside quotes toggles it twice).
std::size_t record_end(const std::string& b, std::size_t from, bool& quoted) {
  const char* data = b.data();
  std::size_t i = from;
  while (i < b.size()) {
    const void* nl = std::memchr(data + i, '\n', b.size() - i);
    std::size_t end = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - data) : b.size();
    // Quotes before that newline change the state; none (the common case) keep it.
    for (const char* q = data + i; (q = static_cast<const char*>(std::memchr(q, '"', static_cast<std::size_t>(data + end - q)))); ++q) {
      quoted = !quoted;
    }
    if (!nl) return std::string::npos;
    if (!quoted) return end;
    i = end + 1;
  }
  return std::string::npos;
}

}  // namespace

CsvReader::Status CsvReader::next(std::vector<std::string_view>& fields, bool final, Problem& problem) {
  problem = Problem::kNone;
  // The last record's fields are no longer in use: the buffer may move now.
  if (pos_ > (1u << 20) && pos_ * 2 > buffer_.size()) drop(pos_);
  if (!bom_checked_) {
    if (buffer_.size() < 3 && !final) return Status::kNeedMore;
    if (buffer_.compare(0, 3, "\xEF\xBB\xBF") == 0) pos_ = 3;
    bom_checked_ = true;
  }
  if (skipping_) {
    // Inside a record past the limit: its text is dropped as it arrives.
    std::size_t k = record_end(buffer_, pos_, skip_quoted_);
    if (k == std::string::npos && !final) {
      drop(buffer_.size());
      return Status::kNeedMore;
    }
    skipping_ = false;
    ++records_;
    fields.clear();
    problem = Problem::kTooLong;
    pos_ = k == std::string::npos ? buffer_.size() : k + 1;
    return Status::kRecord;
  }
  bool quoted = false;
  std::size_t end = record_end(buffer_, pos_, quoted);
  std::size_t next_pos = end == std::string::npos ? buffer_.size() : end + 1;
  if (end == std::string::npos) {
    if (!final) {
      // Keep only what is not consumed yet; a record past the limit is
      // dropped to its end so that memory stays bounded. A '\r' last may
      // be the start of the record's CRLF, which the limit does not count.
      std::size_t pending = buffer_.size() - pos_;
      if (pending > 0 && buffer_.back() == '\r') --pending;
      if (pending > limit_) {
        skipping_ = true;
        skip_quoted_ = quoted;
        start_ = base_ + pos_;
        drop(buffer_.size());
        return Status::kNeedMore;
      }
      if (pos_ > 0) drop(pos_);
      return Status::kNeedMore;
    }
    if (pos_ >= buffer_.size()) return Status::kEnd;
    end = buffer_.size();
  }
  std::string_view record(buffer_.data() + pos_, end - pos_);
  if (!record.empty() && record.back() == '\r') record.remove_suffix(1);
  start_ = base_ + pos_;
  ++records_;
  fields.clear();
  pos_ = next_pos;
  if (record.size() > limit_) {
    problem = Problem::kTooLong;
    return Status::kRecord;
  }
  if (record.find('"') == std::string_view::npos) {
    // No quotes (the common case): the fields are pieces of the record.
    std::size_t start = 0;
    while (true) {
      std::size_t comma = record.find(',', start);
      if (comma == std::string_view::npos) {
        fields.push_back(record.substr(start));
        return Status::kRecord;
      }
      fields.push_back(record.substr(start, comma - start));
      start = comma + 1;
    }
  }
  // Quoted fields are unescaped into a scratch buffer the views point into.
  unquoted_.clear();
  std::vector<std::pair<std::size_t, std::size_t>>& spans = spans_;
  spans.clear();
  std::size_t begin = 0;
  bool in_quotes = false, was_quoted = false;
  // In runs, not byte by byte: text up to the next quote inside quotes, up to
  // the next comma or quote outside them.
  const std::size_t len = record.size();
  for (std::size_t k = 0; k < len;) {
    if (in_quotes) {
      std::size_t q = record.find('"', k);
      if (q == std::string_view::npos) q = len;
      unquoted_.append(record.data() + k, q - k);
      if (q + 1 < len && record[q + 1] == '"') {
        unquoted_ += '"';
        k = q + 2;
      } else {
        in_quotes = q == len;  // no closing quote: still open at the end
        k = q + 1;
      }
      continue;
    }
    char c = record[k];
    if (c == '"' && unquoted_.size() == begin && !was_quoted) {
      in_quotes = was_quoted = true;
      ++k;
    } else if (c == ',') {
      spans.emplace_back(begin, unquoted_.size() - begin);
      begin = unquoted_.size();
      was_quoted = false;
      ++k;
    } else {
      // A stray quote inside an unquoted field is kept as is.
      std::size_t e = k + 1;
      while (e < len && record[e] != ',' && record[e] != '"') ++e;
      unquoted_.append(record.data() + k, e - k);
      k = e;
    }
  }
  if (in_quotes) problem = Problem::kUnclosedQuote;
  spans.emplace_back(begin, unquoted_.size() - begin);
  for (const auto& [at, n] : spans) fields.push_back(std::string_view(unquoted_).substr(at, n));
  return Status::kRecord;
}

void CsvReader::drop(std::size_t n) {
  buffer_.erase(0, n);
  base_ += n;
  pos_ = pos_ > n ? pos_ - n : 0;
}

void append_csv_cell(std::string& out, std::string_view cell) {
  bool formula = !cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' ||
                                   cell[0] == '\t' || cell[0] == '\r');
  bool quote = formula || cell.find_first_of(",\"\r\n") != std::string_view::npos;
  if (!quote) {
    out.append(cell);
    return;
  }
  out += '"';
  if (formula) out += '\'';
  for (std::size_t k = 0; k <= cell.size();) {  // in runs up to each quote, which is doubled
    std::size_t q = cell.find('"', k);
    if (q == std::string_view::npos) q = cell.size();
    out.append(cell.data() + k, q - k);
    if (q < cell.size()) out += "\"\"";
    k = q + 1;
  }
  out += '"';
}

}  // namespace uie
