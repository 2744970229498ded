// The estimator's public C++ API: load rule packs once, then answer requests.
//
// The engine speaks the JSON contract of shared/spec/estimate-api.md. Every
// entry point is total: it never throws and never aborts on bad input; a bad
// request becomes an error response, a bad rule pack becomes a LoadIssue.
// The core knows nothing about files, processes or JavaScript: callers hand
// it pack texts and request texts.
//
// Data flows one way: text → input (typed facts) → evaluation under the
// compiled rule set (a typed result) → rendering (one buffer) → text.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace uie {

// One rule pack as text, with the name it is reported under (usually a path
// such as "rules/shanxi/sx-2024-28.json").
struct PackText {
  std::string name;
  std::string text;
};

// A problem in rule data (not in a request): which file, where in it (a JSON
// Pointer), what is wrong in plain Chinese, and a stable code (rules/README.md).
struct LoadIssue {
  std::string file;
  std::string pointer;
  std::string message;
  std::string code;
  std::string message_en;  // the same in English, where the reader gives one (a reform's issues)
};

class Engine;

// The result of compiling rule packs. `engine` is null when any issue was
// found: a half-loaded rule set would give wrong answers silently.
struct LoadResult {
  std::shared_ptr<const Engine> engine;
  std::vector<LoadIssue> issues;
  bool ok() const { return engine != nullptr; }
};

// Limits on one request. Anything past them is refused with a clear error
// rather than slowing the engine down.
struct Limits {
  std::size_t max_request_bytes = 64 * 1024;
  int max_depth = 16;
};

// How to answer: "today" (the default date of a request without one) as
// YYYY-MM-DD, empty for the clock's today; and the language of the sentences
// the engine and the rules write (Chinese unless English is asked for and
// the rule data has it; the contract's responses are Chinese).
struct Options {
  std::string_view today;
  bool english = false;
};

// Defaults for a CSV screening batch: columns of these names override them
// row by row.
struct ScreenDefaults {
  std::string region, date, program, policy;
};

class Engine;
class SessionImpl;

// What a batch came to, counted from the typed answers as they are written:
// the numbers a summary shows, the same in every host (a reform's summary
// sets two side by side). An eligible unit whose amount is one of two (its
// size unsure) is `open`, its candidates summed low and high apart.
struct BatchTally {
  std::size_t items = 0, yes = 0, no = 0, undecided = 0, errors = 0;
  std::int64_t amount_fen = 0;  // the eligible units' amounts, where there is one
  std::size_t open = 0;
  std::int64_t open_low_fen = 0, open_high_fen = 0;
  // The eligible units with one amount, by the size their rate was chosen by:
  // [0] no size (not a refund, or the rate does not depend on it), [1] large, [2] SME.
  std::size_t yes_by_size[3] = {0, 0, 0};
  std::int64_t fen_by_size[3] = {0, 0, 0};
  // Items answered under a policy a reform changed (Engine::reform): the
  // rest (errors, rows of another region or policy) the reform does not reach.
  std::size_t reformed = 0;
};

// One item's answer in brief, to pair two runs of one batch (a reform's
// changed units). `state`: 1 eligible, 0 not, -1 undecided, 2 an error;
// `amount_fen` -1 where there is none; `low_fen`/`high_fen` the two
// candidates of an open amount (else -1); `size` as BatchTally's index.
struct ItemOutcome {
  std::size_t row = 0;  // the item's row of the table (or line of the batch)
  std::int64_t amount_fen = -1, low_fen = -1, high_fen = -1;
  std::int8_t state = 2;
  std::int8_t size = 0;
};

// What a batch is: one request per line (JSONL), or a table — CSV text, or a
// spreadsheet's rows handed over as cells — whose header row names facts
// (core/src/input/csv_header.h says how) and whose every other row is a unit.
enum class BatchInput { kJsonl, kCsv };

// What each item of a batch is answered with:
//   kLines    the compact screening line (Engine::screen_into);
//   kReasons  the page's row: {"row": the row (or line) number, "at": where
//             a CSV record starts in the text fed (not for cells), "kept": the
//             cells of the columns passed through (单位名称 …), then the line's
//             own fields and "reasons": the failed conditions' sentences and
//             the facts still needed, as people read them} (an error line
//             likewise opens with row and kept);
//   kTable    CSV: the row's own cells, untouched but formula-neutralised, then
//             是否符合 (eligible), 金额/分 (amount_fen), 金额/元 (amount_yuan) and
//             原因 (reasons), after a header row of the same (estimate --csv;
//             a JSONL batch, having no table, gets kLines instead);
//   kFull     the full answer of contract §2, one per line;
//   kNone     nothing: the tally and the outcomes kept are the answer (a
//             reform's summary runs the batch twice and writes no table).
enum class BatchOutput { kLines, kReasons, kTable, kFull, kNone };

// One batch as it arrives, in chunks of any size (the CLI streams 10^6 items
// through one; the page feeds a file's slices or a spreadsheet's rows):
// memory stays bounded by the longest item, and every whole item is
// answered once, in order. A bad item gets its error and the batch goes on;
// only a table's refused header stops it.
class Session {
 public:
  Session(const Engine& engine, BatchInput input, BatchOutput output, Options options = {},
          ScreenDefaults defaults = {});
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // More text of the batch; the answers of its whole items are appended to `out`.
  void feed(std::string_view chunk, std::string& out);
  // More rows of a table as cells (kCsv only): rows separated by U+0001, the
  // cells of a row by U+0000 — characters no spreadsheet cell can hold. The
  // first row fed (by either call) is the header.
  void feed_cells(std::string_view rows, std::string& out);
  // The end of the batch (a last item without a line break).
  void finish(std::string& out);
  // The header row's columns named by `names` instead of its own cells (a
  // page's column mapping: a fact id, region/date/program/policy, or "" for
  // a column passed through). The row is still read, and a table shows it
  // as it was. Call before feeding.
  void name_columns(std::vector<std::string> names);
  // A second output, written in the same pass: the kTable rows (header
  // included) of a table batch answered otherwise — the page shows kReasons
  // and offers the table for download without screening twice. Null: none.
  void tee_table(std::string* table);

  // False once a table's header was refused: the batch stops, its error
  // written (as an error line; in kTable output only here, in error()).
  bool ok() const;
  const std::string& error() const;
  // Items answered so far (data rows or lines; blank rows are not items).
  std::size_t items() const;
  // What the items answered so far came to.
  const BatchTally& tally() const;
  // Each item answered from now on, in brief, appended to `outcomes` (the
  // caller empties it between feeds as it likes). Null: none kept.
  void keep_outcomes(std::vector<ItemOutcome>* outcomes);

 private:
  std::unique_ptr<SessionImpl> impl_;
};

class Engine {
 public:
  // Validates and compiles the packs. `programs`, `regions` and `messages`
  // packs are recognised by their "kind"; every other pack is a policy document.
  static LoadResult load(const std::vector<PackText>& packs, Limits limits = {});

  // The compiled rules as bytes, and an engine from such bytes: the
  // WebAssembly module starts from an image the native build wrote, so it
  // needs no pack loader (core/src/image/image.h). An image is read only by
  // the engine version that wrote it; otherwise the result carries an issue.
  std::string image() const;
  static LoadResult load_image(std::string_view bytes, Limits limits = {});

  // A what-if (测算方案; rules/README.md, "Reforms"): these rules with one
  // policy's parameters changed as the reform document (JSON text) says,
  // as an engine of their own. This engine is never changed: its answers
  // stay the law's. Any problem in the reform is an issue (file "reform",
  // its JSON Pointer, in Chinese and English) and no engine.
  LoadResult reform(std::string_view reform) const;
  // The same where the caller still has the image this engine was read from
  // (the wasm module embeds it): the copy is read from it, so the image
  // writer is not linked in. The reform is checked against this engine's
  // rules and applied to the copy: the bytes must be of the same rules
  // (bytes that are no image of this engine version give an issue).
  LoadResult reform(std::string_view reform, std::string_view image) const;

  // The parameters of the policy a request would be evaluated under (the
  // request's program, region, date and policy; facts are not needed): each
  // with its type, its value on that date with its citation, the values
  // that depend on a fact, and whether a reform may change it.
  std::string parameters(std::string_view request, const Options& options = {}) const noexcept;

  // One request (contract §1) in, one response (contract §2) out, as JSON text.
  std::string estimate(std::string_view request, const Options& options = {}) const noexcept;
  std::string estimate(std::string_view request, std::string_view today) const noexcept;
  // The same, appended to `out` (a batch reuses one buffer).
  void estimate_into(std::string& out, std::string_view request, const Options& options) const noexcept;

  // The same facts under every policy of the request's program the region has
  // had, oldest first, and the variants the current one allows (each size
  // where the size is unsure; the enterprise uplift of 国办发〔2025〕25号,
  // also where only adopting it would give it): {"ok", "program", "region",
  // "date", "current", "columns": [{"policy", "as_of", "variant", "answer"}]},
  // each answer the estimate's response for that policy and date
  // (docs/contract-notes.md "compare").
  std::string compare(std::string_view request, const Options& options = {}) const noexcept;

  // The questions to ask for a request's program under the policy it would be
  // evaluated with (same request shape; facts optional): each fact with type,
  // label, unit, help text, citation, allowed values and bounds, and whether
  // it is already answered.
  std::string questions(std::string_view request, const Options& options = {}) const noexcept;
  std::string questions(std::string_view request, std::string_view today) const noexcept;

  // Screening: the same decision as estimate, as one compact line
  // {"eligible":…,"amount_fen":…,"failed":[condition ids],"missing":[facts]}
  // (or the usual error object), without the sentences. Appends the line and "\n".
  void screen_into(std::string& out, std::string_view request, const Options& options) const noexcept;
  // A whole batch at once (a Session fed one chunk): one request per line in,
  // one compact line per line out.
  std::string screen(std::string_view jsonl, const Options& options = {}) const noexcept;
  // A CSV batch at once (header row of fact names; region/date/program/policy
  // columns or `defaults`): one answer per data row, as `output` says.
  std::string screen_csv(std::string_view csv, const ScreenDefaults& defaults, const Options& options = {},
                         BatchOutput output = BatchOutput::kLines) const noexcept;
  // What each column of a CSV header row holds (the first record of `csv`),
  // for the program of `defaults` (or every program): a fact, region, date,
  // program, policy, a column passed through, or a misspelt fact name and
  // the fact it probably means, as JSON (input/csv_header.h).
  std::string csv_columns(std::string_view csv, const ScreenDefaults& defaults, const Options& options = {}) const noexcept;
  // The same for a header row given as cells (a spreadsheet's first row, or
  // a page's column mapping).
  std::string header_columns(const std::vector<std::string>& header, const ScreenDefaults& defaults,
                             const Options& options = {}) const noexcept;

  // What the loaded rules cover: programs, regions (province → prefecture)
  // and every policy with its validity, as JSON text.
  const std::string& catalog() const noexcept;

  static const char* version() noexcept;

  struct Impl;
  explicit Engine(std::unique_ptr<const Impl> impl);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;
  const Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<const Impl> impl_;
};

// The records of CSV text as rows of cells — U+0001 between rows, U+0000
// between cells, the form Session::feed_cells takes — read by the grammar the
// sessions use (a page turns the screening table into a spreadsheet with it).
std::string csv_cells(std::string_view csv);
// Rows of cells in that form as CSV text, written as the table's cells are
// (quoted where needed, a leading = + - @ neutralised), CRLF after each row:
// a page's template or export in the one CSV dialect.
std::string csv_text(std::string_view rows);
// One row in that form as its cells (views into `row`), appended to `cells`:
// the one reader of the form for the session, csv_text and the bindings.
void row_cells(std::string_view row, std::vector<std::string_view>& cells);

// A batch's tally as JSON: {"items","yes","no","undecided","errors",
// "amount_fen","open","open_low_fen","open_high_fen","by_size":{"none",
// "large","sme": {"yes","amount_fen"}},"reformed"} — what every host prints.
std::string tally_json(const BatchTally& tally);
// Load or reform issues as a JSON array of {file, pointer, code, message, message_en}.
std::string issues_json(const std::vector<LoadIssue>& issues);

// The packs under rules/, embedded into the binary at build time.
const std::vector<PackText>& embedded_packs();

}  // namespace uie
