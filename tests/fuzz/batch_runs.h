// Ways to feed one batch to a uie::Session, for fuzz_csv: whole, in chunks
// of sizes a seed chooses, or as a spreadsheet's rows of cells; and the CSV
// text of such rows, written as RFC 4180 says.
#pragma once

#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "uie/engine.h"

namespace uie_fuzz {

struct BatchSetup {
  const uie::Engine* engine;
  uie::BatchInput input;
  uie::BatchOutput output;
  uie::Options options;
  uie::ScreenDefaults defaults;
};

struct BatchRun {
  std::string out, table;  // the answers; the table teed beside them
  bool ok = true;
  std::string error;
  std::size_t items = 0;
};

inline bool operator==(const BatchRun& a, const BatchRun& b) {
  return a.out == b.out && a.table == b.table && a.ok == b.ok && a.error == b.error && a.items == b.items;
}

inline BatchRun& finished(uie::Session& session, BatchRun& r) {
  session.finish(r.out);
  r.ok = session.ok();
  r.error = session.error();
  r.items = session.items();
  return r;
}

// Chunk sizes from a seed: mostly small (the pieces straddle every boundary),
// now and then up to `largest`; bytes() gives 1-byte chunks.
class Chunks {
 public:
  Chunks(std::uint32_t seed, std::size_t largest) : rng_(seed), largest_(largest) {}
  static Chunks bytes() { return Chunks(0, 1); }
  std::size_t next() {
    if (largest_ <= 1) return 1;
    std::size_t cap = rng_() % 8 == 0 ? largest_ : std::min<std::size_t>(largest_, 64);
    return 1 + rng_() % cap;
  }

 private:
  std::mt19937 rng_;
  std::size_t largest_;
};

// Called around each feed of a chunked run with the chunk's place in the
// text: fuzz_csv counts the session's allocations there.
using FeedWatch = std::function<void(bool before, std::size_t begin, std::size_t end)>;

// `text` fed whole (`chunks` null) or in chunks, the table teed if asked.
inline BatchRun run_text(const BatchSetup& s, std::string_view text, Chunks* chunks, bool tee,
                         const FeedWatch& watch = nullptr) {
  BatchRun r;
  uie::Session session(*s.engine, s.input, s.output, s.options, s.defaults);
  if (tee) session.tee_table(&r.table);
  if (!chunks) {
    session.feed(text, r.out);
  } else {
    // Each chunk's answers land in `piece`, reserved up front, so that a
    // watched feed allocates only what the session itself allocates.
    std::string piece;
    piece.reserve(1 << 22);
    for (std::size_t at = 0; at < text.size();) {
      std::size_t end = std::min(text.size(), at + chunks->next());
      if (watch) watch(true, at, end);
      session.feed(text.substr(at, end - at), piece);
      if (watch) watch(false, at, end);
      r.out += piece;
      piece.clear();
      at = end;
    }
  }
  return finished(session, r);
}

// Rows of cells fed with feed_cells (rows joined by U+0001, cells by U+0000),
// in groups of rows cut after the rows `cut` marks. A group cannot end with
// an empty row (it would read as no row at all), so cuts follow non-empty rows.
inline BatchRun run_cells(const BatchSetup& s, const std::vector<std::vector<std::string>>& rows,
                          const std::vector<bool>& cut, bool tee) {
  BatchRun r;
  uie::Session session(*s.engine, s.input, s.output, s.options, s.defaults);
  if (tee) session.tee_table(&r.table);
  std::string group;
  bool open = false;  // the group holds a row
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (open) group += '\x01';
    const std::size_t row_start = group.size();
    for (std::size_t c = 0; c < rows[i].size(); ++c) {
      if (c) group += '\0';
      group += rows[i][c];
    }
    open = true;
    const bool empty_row = group.size() == row_start;
    if (i + 1 == rows.size() || (cut[i] && !empty_row)) {
      session.feed_cells(group, r.out);
      group.clear();
      open = false;
    }
  }
  return finished(session, r);
}

// One cell as RFC 4180 writes it: quoted when it holds a comma, a quote or a
// line break, or when it starts with a byte-order mark (at the start of a
// file a reader takes that for the encoding's mark, not for the cell's text).
inline std::string csv_field(std::string_view cell) {
  bool quote = cell.find_first_of(",\"\r\n") != std::string_view::npos || cell.substr(0, 3) == "\xEF\xBB\xBF";
  if (!quote) return std::string(cell);
  std::string out = "\"";
  for (char c : cell) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

inline std::string csv_record(const std::vector<std::string>& row) {
  std::string out;
  for (std::size_t c = 0; c < row.size(); ++c) out += (c ? "," : "") + csv_field(row[c]);
  return out;
}

}  // namespace uie_fuzz
