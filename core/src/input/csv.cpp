#include "input/csv.h"

namespace uie {

CsvReader::Status CsvReader::next(std::vector<std::string>& fields, bool final, Problem& problem) {
  problem = Problem::kNone;
  if (!bom_checked_) {
    if (buffer_.size() < 3 && !final) return Status::kNeedMore;
    if (buffer_.compare(0, 3, "\xEF\xBB\xBF") == 0) pos_ = 3;
    bom_checked_ = true;
  }
  if (skipping_) {
    // Inside a record past the limit: its text is dropped as it arrives.
    std::size_t k = pos_;
    for (; k < buffer_.size(); ++k) {
      if (buffer_[k] == '"') skip_quoted_ = !skip_quoted_;
      else if (buffer_[k] == '\n' && !skip_quoted_) break;
    }
    if (k == buffer_.size() && !final) {
      buffer_.clear();
      pos_ = 0;
      return Status::kNeedMore;
    }
    skipping_ = false;
    ++records_;
    fields.clear();
    problem = Problem::kTooLong;
    pos_ = k < buffer_.size() ? k + 1 : k;
    return Status::kRecord;
  }
  // Find the end of the record: a newline outside quotes.
  bool quoted = false;
  std::size_t i = pos_;
  std::size_t end = std::string::npos;
  for (; i < buffer_.size(); ++i) {
    char c = buffer_[i];
    if (c == '"') quoted = !quoted;  // "" inside quotes toggles twice: still quoted
    else if (c == '\n' && !quoted) {
      end = i;
      break;
    }
  }
  std::size_t next_pos = end == std::string::npos ? buffer_.size() : end + 1;
  if (end == std::string::npos) {
    if (!final) {
      // Keep only what is not consumed yet; a record past the limit is
      // dropped to its end so that memory stays bounded.
      if (buffer_.size() - pos_ > limit_) {
        skipping_ = true;
        skip_quoted_ = quoted;
        buffer_.clear();
        pos_ = 0;
        return Status::kNeedMore;
      }
      if (pos_ > 0) {
        buffer_.erase(0, pos_);
        pos_ = 0;
      }
      return Status::kNeedMore;
    }
    if (pos_ >= buffer_.size()) return Status::kEnd;
    end = buffer_.size();
  }
  std::string_view record(buffer_.data() + pos_, end - pos_);
  if (!record.empty() && record.back() == '\r') record.remove_suffix(1);
  ++records_;
  fields.clear();
  if (record.size() > limit_) {
    problem = Problem::kTooLong;
  } else {
    // Split into fields.
    std::string field;
    bool in_quotes = false, was_quoted = false;
    for (std::size_t k = 0; k < record.size(); ++k) {
      char c = record[k];
      if (in_quotes) {
        if (c == '"') {
          if (k + 1 < record.size() && record[k + 1] == '"') {
            field += '"';
            ++k;
          } else {
            in_quotes = false;
          }
        } else {
          field += c;
        }
      } else if (c == '"' && field.empty() && !was_quoted) {
        in_quotes = was_quoted = true;
      } else if (c == ',') {
        fields.push_back(std::move(field));
        field.clear();
        was_quoted = false;
      } else {
        field += c;  // a stray quote inside an unquoted field is kept as is
      }
    }
    if (in_quotes) problem = Problem::kUnclosedQuote;
    fields.push_back(std::move(field));
  }
  pos_ = next_pos;
  if (pos_ > (1u << 20) && pos_ * 2 > buffer_.size()) {
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
  return Status::kRecord;
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
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace uie
