// Embind registration for the estimator: the glue between JavaScript and
// uie::Engine, and nothing else. No rule logic lives here: every answer comes
// from the core, as the same JSON text the native CLI prints.
//
// The rules are the image the native build wrote (the module has no pack
// loader): read once, on the first call, in well under a millisecond.
//
// Results cross as a view of the module's own memory, decoded by the
// functions of js/module-api.js (linked with --post-js), which give the
// module its public names (estimate, questions, screen, …) returning
// strings. The raw bindings are named …View.
//
// Built with -fno-exceptions -DJSON_NOEXCEPTION (MVP wasm, WeChat-safe), so
// nothing here may throw; the core's entry points are total. If the instance
// ever traps anyway, the JS facade (js/estimator-api.js) drops it and starts a
// fresh one from the compiled module.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "uie/engine.h"

// The image, generated at build time (wasm/CMakeLists.txt).
std::string_view uie_embedded_image();

namespace {

using emscripten::val;

const uie::LoadResult& loaded() {
  static const uie::LoadResult result = uie::Engine::load_image(uie_embedded_image());
  return result;
}

// The last result; a view of it is valid until the next call.
std::string& result() {
  static std::string out;
  return out;
}

val view(const std::string& s) {
  return val(emscripten::typed_memory_view(s.size(), reinterpret_cast<const unsigned char*>(s.data())));
}

// Only reachable when the image did not load, which the facade checks
// (loadIssues) before it hands the module to anyone.
const char* kNotLoaded = R"({"ok":false,"error":{"code":"internal_error","path":"","message":"规则包未能加载，无法计算"}})";

uie::Options options(const std::string& today, const std::string& lang) {
  uie::Options o;
  o.today = today;
  o.english = lang == "en";
  return o;
}

// `today` is the default date for a request without one, as YYYY-MM-DD; ""
// means the clock's today (the native CLI's --today). `lang` "en" asks for
// the sentences in English where the rule data has them.
val estimate(const std::string& request, const std::string& today, const std::string& lang) {
  std::string& out = result();
  out.clear();
  const auto& r = loaded();
  if (r.engine) r.engine->estimate_into(out, request, options(today, lang));
  else out = kNotLoaded;
  return view(out);
}

val questions(const std::string& request, const std::string& today, const std::string& lang) {
  std::string& out = result();
  const auto& r = loaded();
  out = r.engine ? r.engine->questions(request, options(today, lang)) : kNotLoaded;
  return view(out);
}

#ifndef UIE_NO_SCREENING
// Reforms (测算方案): each an engine of its own over a copy of the rules,
// numbered from 1; 0 is the rules in force. A session or a parameters call
// names the engine it runs on.
std::vector<std::shared_ptr<const uie::Engine>>& reforms() {
  static std::vector<std::shared_ptr<const uie::Engine>> all;
  return all;
}

const uie::Engine* engine_at(int k) {
  if (k == 0) return loaded().engine.get();
  auto& all = reforms();
  if (k < 0 || static_cast<std::size_t>(k) > all.size()) return nullptr;
  return all[static_cast<std::size_t>(k) - 1].get();
}

std::string& reform_issues() {
  static std::string issues;
  return issues;
}

// The reform's engine number, or 0 with its issues kept for reformIssues():
// a JSON array of {pointer, code, message, message_en}.
int reformLoad(std::uintptr_t input, std::size_t length) {
  reform_issues() = "[]";
  const auto& r = loaded();
  if (!r.engine) return 0;
  // The copy is read from the embedded image again: the module has no image writer.
  uie::LoadResult made = r.engine->reform(std::string_view(reinterpret_cast<const char*>(input), length), uie_embedded_image());
  if (!made.ok()) {
    reform_issues() = uie::issues_json(made.issues);
    return 0;
  }
  auto& all = reforms();
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (!all[i]) {
      all[i] = made.engine;
      return static_cast<int>(i) + 1;
    }
  }
  all.push_back(made.engine);
  return static_cast<int>(all.size());
}

std::string reformIssues() { return reform_issues(); }

// A session open on it keeps its rules alive (BoundSession holds them) until it is closed.
void reformDrop(int k) {
  auto& all = reforms();
  if (k >= 1 && static_cast<std::size_t>(k) <= all.size()) all[static_cast<std::size_t>(k) - 1].reset();
}

// The comparison across a region's policies (Engine::compare): many answers
// in one call, so not in the single page's module (its comparison loads this one).
val compare(const std::string& request, const std::string& today, const std::string& lang) {
  std::string& out = result();
  const auto& r = loaded();
  out = r.engine ? r.engine->compare(request, options(today, lang)) : kNotLoaded;
  return view(out);
}

val parameters(const std::string& request, const std::string& today, const std::string& lang, int engine) {
  std::string& out = result();
  const uie::Engine* e = engine_at(engine);
  out = e ? e->parameters(request, options(today, lang)) : kNotLoaded;
  return view(out);
}

// Cells separated by U+0000 (one row of feed_cells' form).
std::vector<std::string> cells_of(std::string_view text) {
  std::vector<std::string_view> views;
  uie::row_cells(text, views);
  return std::vector<std::string>(views.begin(), views.end());
}

// A batch in one call, its bytes already in the module's memory (the caller
// allocated them with _malloc): one compact line per request line.
val screen(std::uintptr_t input, std::size_t length, const std::string& today) {
  std::string& out = result();
  const auto& r = loaded();
  std::string_view text(reinterpret_cast<const char*>(input), length);
  out = r.engine ? r.engine->screen(text, options(today, "zh")) : std::string(kNotLoaded) + "\n";
  return view(out);
}

// A CSV batch, likewise; the defaults stand for columns the file does not
// have. `output`: 0 compact lines, 1 lines with reasons, 2 the CSV table,
// 3 full answers, 4 nothing (uie::BatchOutput).
val screenCsv(std::uintptr_t input, std::size_t length, const std::string& region, const std::string& date,
              const std::string& program, const std::string& policy, const std::string& today, const std::string& lang,
              int output) {
  std::string& out = result();
  const auto& r = loaded();
  std::string_view text(reinterpret_cast<const char*>(input), length);
  auto how = output >= 0 && output <= 4 ? static_cast<uie::BatchOutput>(output) : uie::BatchOutput::kLines;
  out = r.engine ? r.engine->screen_csv(text, uie::ScreenDefaults{region, date, program, policy}, options(today, lang), how)
                 : std::string(kNotLoaded) + "\n";
  return view(out);
}

// A batch session (uie::Session) the caller feeds in pieces: a File's
// slices, a spreadsheet's rows as cells. Sessions are numbered from 1; a
// closed or unknown number answers nothing. `input` 0 JSONL, 1 CSV;
// `output` as screenCsv's; `table`: the kTable rows teed beside, taken with
// sessionTable.
struct BoundSession {
  std::shared_ptr<const uie::Engine> engine;  // a reform's, kept while the session runs on it
  std::unique_ptr<uie::Session> session;
  std::string table;
  std::vector<uie::ItemOutcome> outcomes;
  std::vector<double> flat;  // sessionOutcomes' view
};

std::vector<std::unique_ptr<BoundSession>>& sessions() {
  static std::vector<std::unique_ptr<BoundSession>> all;
  return all;
}

BoundSession* session_at(int handle) {
  auto& all = sessions();
  if (handle < 1 || static_cast<std::size_t>(handle) > all.size()) return nullptr;
  return all[static_cast<std::size_t>(handle) - 1].get();
}

// `engine`: 0 the rules in force, else a reform's number; `outcomes`: keep
// each item's outcome in brief (sessionOutcomes).
int sessionOpen(int input, int output, const std::string& region, const std::string& date, const std::string& program,
                const std::string& policy, const std::string& today, const std::string& lang, bool table, int engine,
                bool outcomes) {
  const auto& r = loaded();
  if (!r.engine) return 0;
  auto bound = std::make_unique<BoundSession>();
  if (engine != 0) {
    if (engine < 0 || static_cast<std::size_t>(engine) > reforms().size() || !reforms()[static_cast<std::size_t>(engine) - 1]) return 0;
    bound->engine = reforms()[static_cast<std::size_t>(engine) - 1];
  }
  const uie::Engine& e = bound->engine ? *bound->engine : *r.engine;
  auto how = output >= 0 && output <= 4 ? static_cast<uie::BatchOutput>(output) : uie::BatchOutput::kLines;
  bound->session = std::make_unique<uie::Session>(e, input == 0 ? uie::BatchInput::kJsonl : uie::BatchInput::kCsv, how,
                                                  options(today, lang), uie::ScreenDefaults{region, date, program, policy});
  if (table) bound->session->tee_table(&bound->table);
  if (outcomes) bound->session->keep_outcomes(&bound->outcomes);
  auto& all = sessions();
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (!all[i]) {
      all[i] = std::move(bound);
      return static_cast<int>(i) + 1;
    }
  }
  all.push_back(std::move(bound));
  return static_cast<int>(all.size());
}

// `cells`: rows as the session's feed_cells takes them (U+0001 between rows, U+0000 between cells).
val sessionFeed(int handle, std::uintptr_t input, std::size_t length, bool cells) {
  std::string& out = result();
  out.clear();
  if (BoundSession* b = session_at(handle)) {
    std::string_view bytes(reinterpret_cast<const char*>(input), length);
    if (cells) b->session->feed_cells(bytes, out);
    else b->session->feed(bytes, out);
  }
  return view(out);
}

// The header's columns named by a mapping: names separated by U+0000.
void sessionNameColumns(int handle, std::uintptr_t input, std::size_t length) {
  if (BoundSession* b = session_at(handle)) {
    b->session->name_columns(cells_of(std::string_view(reinterpret_cast<const char*>(input), length)));
  }
}

val sessionFinish(int handle) {
  std::string& out = result();
  out.clear();
  if (BoundSession* b = session_at(handle)) b->session->finish(out);
  return view(out);
}

// The table rows teed since the last call.
val sessionTable(int handle) {
  std::string& out = result();
  out.clear();
  if (BoundSession* b = session_at(handle)) out.swap(b->table);
  return view(out);
}

// "" while the batch goes on; the reason once a table's header was refused.
std::string sessionError(int handle) {
  BoundSession* b = session_at(handle);
  return b && !b->session->ok() ? b->session->error() : std::string();
}

// The outcomes kept since the last call, six numbers each: row, state (1
// yes, 0 no, -1 undecided, 2 error), amount in fen, the open amount's low
// and high candidates (-1: none), size (0 none, 1 large, 2 SME).
val sessionOutcomes(int handle) {
  BoundSession* b = session_at(handle);
  static std::vector<double> none;
  if (!b) return val(emscripten::typed_memory_view(none.size(), none.data()));
  b->flat.clear();
  b->flat.reserve(b->outcomes.size() * 6);
  for (const auto& o : b->outcomes) {
    b->flat.insert(b->flat.end(), {static_cast<double>(o.row), static_cast<double>(o.state), static_cast<double>(o.amount_fen),
                                   static_cast<double>(o.low_fen), static_cast<double>(o.high_fen), static_cast<double>(o.size)});
  }
  b->outcomes.clear();
  return val(emscripten::typed_memory_view(b->flat.size(), b->flat.data()));
}

// What the items so far came to (uie::BatchTally), as JSON.
std::string sessionTally(int handle) {
  BoundSession* b = session_at(handle);
  if (!b) return "null";
  return uie::tally_json(b->session->tally());
}

double sessionItems(int handle) {
  BoundSession* b = session_at(handle);
  return b ? static_cast<double>(b->session->items()) : 0;
}

void sessionClose(int handle) {
  if (session_at(handle)) sessions()[static_cast<std::size_t>(handle) - 1].reset();
}

// What each column of a header row holds: the first record of CSV bytes, or
// (`cells`) the row's cells separated by U+0000.
val csvColumns(std::uintptr_t input, std::size_t length, const std::string& program, const std::string& lang, bool cells) {
  std::string& out = result();
  const auto& r = loaded();
  std::string_view text(reinterpret_cast<const char*>(input), length);
  uie::ScreenDefaults defaults{"", "", program, ""};
  if (!r.engine) out = kNotLoaded;
  else if (cells) out = r.engine->header_columns(cells_of(text), defaults, options("", lang));
  else out = r.engine->csv_columns(text, defaults, options("", lang));
  return view(out);
}

// Rows of cells (U+0001 / U+0000) as CSV text (uie::csv_text): a page's template.
val csvText(std::uintptr_t input, std::size_t length) {
  std::string& out = result();
  out = uie::csv_text(std::string_view(reinterpret_cast<const char*>(input), length));
  return view(out);
}

// CSV text as rows of cells (uie::csv_cells): a page's table made a spreadsheet.
val csvCells(std::uintptr_t input, std::size_t length) {
  std::string& out = result();
  out = uie::csv_cells(std::string_view(reinterpret_cast<const char*>(input), length));
  return view(out);
}
#endif

val catalog() {
  const auto& r = loaded();
  if (r.engine) return view(r.engine->catalog());
  result() = kNotLoaded;
  return view(result());
}

std::string version() { return uie::Engine::version(); }

// The problems found reading the image, as a JSON array of
// {file, pointer, message, code}; "[]" when it loaded.
std::string loadIssues() {
  std::string out = "[";
  for (const auto& issue : loaded().issues) {
    if (out.size() > 1) out += ",";
    // The issue's texts are our own (the image reader's), plain ASCII and Chinese.
    out += "{\"file\":\"" + issue.file + "\",\"pointer\":\"" + issue.pointer + "\",\"message\":\"" + issue.message +
           "\",\"code\":\"" + issue.code + "\"}";
  }
  return out + "]";
}

// Test seam for the facade's recovery path: 1 = abort() (what a failed
// nlohmann check does under JSON_NOEXCEPTION), 2 = a wasm trap (unreachable).
// Any other value does nothing. Not for application code.
void selfTestFault(int kind) {
  if (kind == 1) std::abort();
  if (kind == 2) __builtin_trap();
}

}  // namespace

EMSCRIPTEN_BINDINGS(uie) {
  emscripten::function("estimateView", &estimate);
  emscripten::function("questionsView", &questions);
#ifndef UIE_NO_SCREENING
  emscripten::function("screenView", &screen);
  emscripten::function("screenCsvView", &screenCsv);
  emscripten::function("csvColumnsView", &csvColumns);
  emscripten::function("sessionOpenRaw", &sessionOpen);
  emscripten::function("sessionFeedView", &sessionFeed);
  emscripten::function("sessionFinishView", &sessionFinish);
  emscripten::function("sessionNameColumnsRaw", &sessionNameColumns);
  emscripten::function("csvCellsView", &csvCells);
  emscripten::function("csvTextView", &csvText);
  emscripten::function("sessionTableView", &sessionTable);
  emscripten::function("sessionErrorRaw", &sessionError);
  emscripten::function("sessionItemsRaw", &sessionItems);
  emscripten::function("sessionCloseRaw", &sessionClose);
  emscripten::function("sessionOutcomesView", &sessionOutcomes);
  emscripten::function("sessionTallyRaw", &sessionTally);
  emscripten::function("reformLoadRaw", &reformLoad);
  emscripten::function("reformIssuesRaw", &reformIssues);
  emscripten::function("reformDropRaw", &reformDrop);
  emscripten::function("parametersView", &parameters);
  emscripten::function("compareView", &compare);
#endif
  emscripten::function("catalogView", &catalog);
  emscripten::function("version", &version);
  emscripten::function("loadIssues", &loadIssues);
  emscripten::function("_selfTestFault", &selfTestFault);
}
