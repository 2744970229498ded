// One batch, however it arrives (免申即享: an office screens every insured unit
// at once; the CLI streams 10^6): one request per line (JSONL), or a CSV
// table — a header row naming facts (input/csv_header.h), then one unit per
// row — or a spreadsheet's rows as cells. Bytes come in chunks; every whole
// item is answered as the output says, once. The one owner of the batch
// protocols: line splitting and the oversize rule (input/lines.h), the CSV
// grammar (input/csv.h), the four answers, the table and its words
// (rules/messages.json). Every host — estimate --jsonl/--csv, the wasm module,
// the JS API, the screening page — is a thin wrapper on it.
//
// In a table, columns of region, date, program and policy override the
// batch's defaults row by row; a column that is no fact is passed through
// (table output) or ignored; a header that looks like a misspelt fact name
// stops the batch with an error naming the fact meant. A row with bad data
// gets its error; the batch goes on.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "eval/result.h"
#include "input/csv.h"
#include "input/csv_header.h"
#include "input/lines.h"
#include "model/situation.h"
#include "uie/engine.h"

namespace uie {

class SessionImpl {
 public:
  SessionImpl(const Engine& engine, BatchInput input, BatchOutput output, Options options, ScreenDefaults defaults);

  void feed(std::string_view chunk, std::string& out);
  void feed_cells(std::string_view rows, std::string& out);
  void finish(std::string& out);
  void tee_table(std::string* table) { tee_ = table; }
  void name_columns(std::vector<std::string> names) {
    names_ = std::move(names);
    names_given_ = true;
  }
  bool ok() const { return ok_; }
  const std::string& error() const { return error_; }
  std::size_t items() const { return items_; }
  const BatchTally& tally() const { return tally_; }
  void keep_outcomes(std::vector<ItemOutcome>* outcomes) { outcomes_ = outcomes; }

 private:
  // JSONL: each line a request.
  void pump_lines(std::string& out, bool final);
  void line(std::string_view text, bool too_long, std::string& out);
  // CSV and spreadsheet rows.
  void pump_records(std::string& out, bool final);
  void record(const std::vector<std::string_view>& cells, std::size_t row_no, CsvReader::Problem problem, std::string& out);

  // Where a row is evaluated: region, date, program and policy, checked once
  // for each combination (a batch rarely has more than one).
  struct Context {
    std::string region, date, program, policy;
    bool ok = false;
    RequestError error;
    Date day;
    bool date_given = false;
    const ProgramDef* program_def = nullptr;
  };

  void header(const std::vector<std::string_view>& cells, std::string& out);
  // The batch stops: a header that cannot be used.
  void refuse(std::string message, std::string& out);
  void row(const std::vector<std::string_view>& cells, std::size_t row_no, std::string& out);
  // The answer to an evaluated request, as the output says.
  void answer(const std::vector<std::string_view>* cells, const Request& req, const Result& r, std::string& out);
  // Counts an answered item into the tally (and the outcomes kept).
  void count(const Result& r);
  void count_error();
  // An item that cannot be evaluated: its error, as the output says.
  void item_error(const std::vector<std::string_view>* cells, const RequestError& err, const Policy* latest, std::string& out);
  // kReasons: the item's row (or line) number and the cells of the columns
  // passed through (单位名称, 备注 …: what a page shows and searches) open the
  // line written from `at` on.
  void where_from(const std::vector<std::string_view>* cells, std::string& out, std::size_t at);
  // Table output: the row's own cells, as many as the header has.
  void echo_cells(const std::vector<std::string_view>& cells, std::string& out) const;
  void table_row(const std::vector<std::string_view>& cells, const Request& req, const Result& r, std::string& out);
  void table_error(const std::vector<std::string_view>& cells, std::string_view message, std::string& out);
  // The failed conditions' sentences, then the facts still needed: JSON
  // strings separated by commas, or plain text separated by "；".
  void write_reasons(const Request& req, const Result& r, std::string& out, bool json);
  // A row's reasons as plain text, rendered once for its line and the teed
  // table: row_reasons_, each reason ending at reason_ends_[k].
  void collect_reasons(const Request& req, const Result& r);
  void emit_reasons(std::string& out, bool json);
  const Context& context(const std::vector<std::string_view>& cells);
  // The fact each column holds under `program` (computed once per program).
  const std::vector<int>& fact_columns(const ProgramDef& program);
  bool build_request(const std::vector<std::string_view>& cells, Request& req, RequestError& err);

  const Engine& engine_;
  const RuleSet& rules_;
  BatchInput input_;
  BatchOutput output_;
  ScreenDefaults defaults_;
  Options options_;
  std::string today_;
  std::string* tee_ = nullptr;  // a second output: the table, written in the same pass
  LineSplitter lines_;
  std::string oversized_;       // the stand-in for a line past the limit (the engine's own size error)
  CsvReader reader_;
  std::size_t cell_rows_ = 0;   // spreadsheet rows fed as cells
  std::vector<std::string_view> cells_;
  Context context_;
  int role_column_[4] = {-1, -1, -1, -1};  // region, date, program, policy
  std::vector<ColumnInfo> columns_;
  std::string error_;
  std::string reasons_;  // one row's reasons cell, reused
  std::string row_reasons_;  // collect_reasons()
  std::vector<std::size_t> reason_ends_;
  bool reasons_collected_ = false;  // for the row being answered: the table reuses them
  std::vector<std::pair<const ProgramDef*, std::vector<int>>> fact_columns_;
  std::size_t items_ = 0;
  BatchTally tally_;
  std::vector<ItemOutcome>* outcomes_ = nullptr;
  std::size_t row_no_ = 0;
  static constexpr std::size_t kNoOffset = static_cast<std::size_t>(-1);
  std::size_t at_ = kNoOffset;  // where the CSV record being answered starts in the text fed
  std::vector<std::string> names_;  // name_columns()
  bool names_given_ = false;  // the item being answered: its row of the table or line of the batch
  bool have_header_ = false;
  bool ok_ = true;
};

}  // namespace uie
