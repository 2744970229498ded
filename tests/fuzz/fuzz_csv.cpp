// libFuzzer harness: the batch session (uie::Session, core/src/batch/) on a
// JSONL or CSV batch. The first bytes choose how it is run (see Plan), the
// rest is the batch. Besides crashes and sanitizer reports it checks what
// tests/unit/session_test.cpp checks on fixed batches:
//   - fed whole, in random chunks and (short batches) byte by byte, the
//     answers, the teed table, ok(), error() and items() are the same;
//   - one answer line per item, each valid for its output kind
//     (batch_lines.h); a JSONL line answered as the engine answers it alone;
//     kReasons and kFull say what the kLines line of the item says;
//   - the table teed beside another output is the kTable output;
//   - a table's rows fed as cells answer as the same rows written as CSV;
//   - an item past the size limit is never held: once the session has seen
//     more of it than the limit, feeding the rest allocates (next to) nothing.
// The generator (Plan::generate) stretches one piece of the input to the
// limit's edge or far past it, so the oversize paths are reached with a
// small -max_len; an engine with a 256-byte limit reaches them more cheaply still.
#include <sanitizer/allocator_interface.h>

#include <algorithm>
#include <cstdint>
#include <tuple>
#include <cstdio>
#include <cstdlib>

#include "batch_lines.h"
#include "batch_plan.h"
#include "shown.h"

namespace {

using uie::BatchInput;
using uie::BatchOutput;
using namespace uie_fuzz;

const uie::Engine& loaded(const uie::LoadResult& r) {
  if (!r.ok()) {
    std::fprintf(stderr, "fuzz_csv: the embedded rule packs do not load\n");
    std::abort();
  }
  return *r.engine;
}
const uie::Engine& engine(bool small) {
  static const uie::LoadResult normal = uie::Engine::load(uie::embedded_packs());
  static const uie::LoadResult tight = uie::Engine::load(uie::embedded_packs(), {kSmallLimit, uie::Limits{}.max_depth});
  return loaded(small ? tight : normal);
}

// The session's allocations while a watched feed runs.
bool g_watching = false;
std::size_t g_allocated = 0;
void on_malloc(const volatile void*, std::size_t size) {
  if (g_watching) g_allocated += size;
}
void on_free(const volatile void*) {}

// Where run `a` parts from run `b`, said for the log.
std::string where_differ(const BatchRun& a, const BatchRun& b) {
  if (a.ok != b.ok || a.error != b.error) return "ok/error: " + shown(a.error) + " vs " + shown(b.error);
  if (a.items != b.items) return "items: " + std::to_string(a.items) + " vs " + std::to_string(b.items);
  for (const auto& [x, y, what] : {std::tuple{&a.out, &b.out, "answers"}, std::tuple{&a.table, &b.table, "table"}}) {
    auto [i, j] = std::mismatch(x->begin(), x->end(), y->begin(), y->end());
    if (i == x->end() && j == y->end()) continue;
    std::size_t at = x->rfind('\n', static_cast<std::size_t>(i - x->begin()));
    at = at == std::string::npos ? 0 : at + 1;
    return std::string(what) + " from byte " + std::to_string(at) + ":\n  " + shown(x->substr(at, 600)) + "\nvs\n  " +
           shown(y->substr(at, 600));
  }
  return "nothing";
}

bool is_table_batch(const Plan& p) { return p.setup.input == BatchInput::kCsv; }
bool can_tee(const Plan& p) { return is_table_batch(p) && p.setup.output != BatchOutput::kTable; }

// The chunked run, watched: past the first limit + 2 chunks of the stretched
// piece, whatever the session allocates must not grow with what it is fed.
std::string chunked_run(const Plan& p, BatchRun& out) {
  Chunks chunks(p.seed, kLargestChunk);
  std::size_t watched = 0;
  g_allocated = 0;
  FeedWatch watch = [&](bool before, std::size_t begin, std::size_t end) {
    bool inside = begin >= p.filler_begin + p.limit + 2 * kLargestChunk && end <= p.filler_end;
    g_watching = before && inside;
    if (before && inside) watched += end - begin;
  };
  out = run_text(p.setup, p.text, &chunks, can_tee(p) && !p.tee_whole, watch);
  g_watching = false;
  if (watched >= kWatched / 2 && g_allocated >= watched / 4) {
    return "an item past the limit is held: feeding " + std::to_string(watched) + " more bytes of it allocated " +
           std::to_string(g_allocated) + " bytes";
  }
  return "";
}

// JSONL: each line's answer is the engine's answer to that line alone.
std::string check_jsonl(const Plan& p, const std::vector<std::string_view>& answers) {
  std::vector<std::string_view> lines;
  std::string_view text = p.text;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t nl = std::min(text.find('\n', start), text.size());
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  if (lines.size() != answers.size()) {
    return std::to_string(lines.size()) + " lines, " + std::to_string(answers.size()) + " answers";
  }
  const uie::Engine& e = *p.setup.engine;
  std::string expected;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view request = lines[i];
    if (!request.empty() && request.back() == '\r') request.remove_suffix(1);
    expected.clear();
    BatchOutput kind = p.setup.output;
    if (kind == BatchOutput::kFull) {
      e.estimate_into(expected, request, p.setup.options);
      std::string problem = uie_check::check_response(request, answers[i]);
      if (!problem.empty()) return "line " + std::to_string(i + 1) + ": " + problem;
    } else {
      e.screen_into(expected, request, p.setup.options);
      expected.pop_back();
    }
    std::string problem;
    if (kind == BatchOutput::kReasons) {
      problem = check_line(kind, answers[i]);
      if (problem.empty()) problem = check_agrees_with_screen_line(kind, answers[i], expected);
    } else if (answers[i] != expected) {
      problem = "not the engine's answer to the line alone";
    }
    if (!problem.empty()) return "line " + std::to_string(i + 1) + ": " + problem;
  }
  return "";
}

// A table batch's answer lines, by kind, and beside the kLines run's.
std::string check_table_lines(const Plan& p, const BatchRun& run, const std::vector<std::string_view>& answers) {
  if (answers.size() != run.items + (run.ok ? 0 : 1)) {
    return std::to_string(run.items) + " items, " + std::to_string(answers.size()) + " answer lines";
  }
  for (std::size_t i = 0; i < answers.size(); ++i) {
    std::string problem = check_line(p.setup.output, answers[i]);
    if (!problem.empty()) return "answer " + std::to_string(i + 1) + ": " + problem;
  }
  if (p.setup.output == BatchOutput::kLines) return "";
  BatchSetup lines_setup = p.setup;
  lines_setup.output = BatchOutput::kLines;
  const BatchRun lines_run = run_text(lines_setup, p.text, nullptr, false);
  std::vector<std::string_view> lines;
  if (!split_lines(lines_run.out, lines) || lines.size() != answers.size()) return "not as many answers as the kLines run";
  for (std::size_t i = 0; i < answers.size(); ++i) {
    std::string problem = check_agrees_with_screen_line(p.setup.output, answers[i], lines[i]);
    if (!problem.empty()) return "answer " + std::to_string(i + 1) + ": " + problem;
  }
  return "";
}

// The table: a header and a record per item, or nothing once the header is refused.
std::string check_table(const BatchRun& run, std::string_view table) {
  if (!run.ok) return table.empty() ? "" : "a table after a refused header";
  if (table.empty()) return run.items == 0 ? "" : "items but no table";
  std::size_t records = table_records(table);
  return records == run.items + 1 ? "" : std::to_string(records) + " table records for " + std::to_string(run.items) + " items";
}

// The batch's own text split naively into rows of cells (at '\n' and ','),
// then written as CSV and fed as cells: the two must answer alike.
std::string check_cells(const Plan& p) {
  if (p.text.find_first_of(std::string_view("\0\x01", 2)) != std::string::npos) return "";
  std::vector<std::vector<std::string>> rows;
  std::string_view text = p.text;
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t nl = std::min(text.find('\n', start), text.size());
    std::string_view line = text.substr(start, nl - start);
    rows.emplace_back();
    for (std::size_t c = 0;;) {
      std::size_t comma = std::min(line.find(',', c), line.size());
      rows.back().emplace_back(line.substr(c, comma - c));
      if (comma == line.size()) break;
      c = comma + 1;
    }
    start = nl + 1;
  }
  // A last empty row is no row to feed_cells (nothing to hand over).
  while (!rows.empty() && rows.back().size() == 1 && rows.back()[0].empty()) rows.pop_back();
  std::string csv;
  std::vector<bool> cut;
  std::mt19937 rng(p.seed);
  for (const auto& row : rows) {
    std::string record = csv_record(row);
    std::size_t cells = row.size() - 1;
    for (const auto& c : row) cells += c.size();
    // Quoting lengthens a record: where it crosses the limit only as CSV, the
    // two are rightly different.
    if ((record.size() > p.limit) != (cells > p.limit)) return "";
    csv += record + (p.crlf ? "\r\n" : "\n");
    cut.push_back(rng() % 3 == 0);
  }
  const bool tee = can_tee(p) && p.tee_whole;
  const BatchRun as_text = run_text(p.setup, csv, nullptr, tee);
  const BatchRun as_cells = run_cells(p.setup, rows, cut, tee);
  BatchRun compared = as_cells;
  // kReasons says where a record starts in the text ("at"): cells have no such place.
  if (p.setup.output == BatchOutput::kReasons && same_but(as_text.out, as_cells.out, "at")) compared.out = as_text.out;
  if (as_text == compared) return "";
  return "fed as cells, the rows answer otherwise than as CSV text: " + where_differ(as_cells, as_text) + "\n  csv: " + shown(csv);
}

std::string check(const Plan& p) {
  const bool tee = can_tee(p);
  const BatchRun whole = run_text(p.setup, p.text, nullptr, tee && p.tee_whole);
  BatchRun chunked;
  std::string problem = chunked_run(p, chunked);
  if (!problem.empty()) return problem;
  const std::string& table = tee ? (p.tee_whole ? whole.table : chunked.table) : whole.out;
  // Only one of the two tees: teeing changes nothing else.
  if (chunked.out != whole.out || chunked.ok != whole.ok || chunked.error != whole.error || chunked.items != whole.items) {
    return "fed in chunks, the batch answers otherwise than fed whole: " + where_differ(chunked, whole);
  }
  if (p.text.size() <= 1024) {
    Chunks bytes = Chunks::bytes();
    BatchRun by_byte = run_text(p.setup, p.text, &bytes, tee && p.tee_whole);
    if (!(by_byte == whole)) return "fed byte by byte, the batch answers otherwise than fed whole: " + where_differ(by_byte, whole);
  }
  if (is_table_batch(p)) {
    if (tee) {
      BatchSetup t = p.setup;
      t.output = BatchOutput::kTable;
      const BatchRun table_run = run_text(t, p.text, nullptr, false);
      if (table_run.out != table) return "the teed table is not the kTable output";
    }
    problem = check_table(whole, table);
    if (!problem.empty()) return problem;
    if (p.setup.output != BatchOutput::kTable) {
      std::vector<std::string_view> answers;
      if (!split_lines(whole.out, answers)) return "the answers do not end with a line break";
      problem = check_table_lines(p, whole, answers);
    }
    if (problem.empty()) problem = check_cells(p);
    return problem;
  }
  std::vector<std::string_view> answers;
  if (!split_lines(whole.out, answers)) return "the answers do not end with a line break";
  if (answers.size() != whole.items) return "not one answer per item";
  return check_jsonl(p, answers);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  engine(false);
  engine(true);
  if (!__sanitizer_install_malloc_and_free_hooks(on_malloc, on_free)) {
    std::fprintf(stderr, "fuzz_csv: no malloc hooks (build with the fuzz preset's sanitizers)\n");
    std::abort();
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Plan plan;
  if (!plan.read(data, size, engine(false), engine(true))) return 0;
  const std::string problem = check(plan);
  if (!problem.empty()) {
    std::fprintf(stderr, "fuzz_csv: %s\nrun: %s\nbatch (%zu bytes): \"%s\"\n", problem.c_str(), plan.describe().c_str(),
                 plan.text.size(), shown(plan.text).c_str());
    __builtin_trap();
  }
  return 0;
}
