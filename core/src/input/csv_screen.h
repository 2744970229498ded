// Screening a CSV batch (免申即享: an office screens every insured unit at
// once): a header row naming facts (input/csv_header.h), then one unit per
// row. Columns of region, date, program and policy override the batch's
// defaults row by row; a column that is no fact is passed through (kTable
// output) or ignored; a header that looks like a misspelt fact name stops
// the batch with an error naming the fact meant. A row with bad data gets its
// error; the batch goes on.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "eval/result.h"
#include "input/csv.h"
#include "input/csv_header.h"
#include "input/request.h"
#include "uie/engine.h"

namespace uie {

// One cell as a fact (`text` is the cell, trimmed); false with `err` set when
// it cannot be one. Accepts what spreadsheets write: 是/否 and TRUE/FALSE,
// "56,789.12", an option's label as well as its value, 2024/06/01.
bool read_fact_cell(const RuleSet& rules, const FactDef& def, std::string_view text, bool english, FactValue& out,
                    RequestError& err);

class CsvSession {
 public:
  CsvSession(const Engine& engine, ScreenDefaults defaults, Options options, CsvOutput output);

  // More of the batch; every whole row is answered into `out`.
  void feed(std::string_view chunk, std::string& out);
  // The end of the batch: the last row, if it had no line break.
  void finish(std::string& out);
  // False once the header was refused (the batch stopped).
  bool ok() const { return ok_; }
  // Why the header was refused (empty while ok()).
  const std::string& error() const { return error_; }

 private:

  void pump(std::string& out, bool final);
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
  void row(const std::vector<std::string_view>& cells, std::string& out);
  // A row that cannot be evaluated: its error, as the output says.
  void row_error(const std::vector<std::string_view>& cells, std::string_view code, std::string_view path,
                 std::string_view message, std::string& out);
  // kTable: the row's own cells, as many as the header has.
  void echo_cells(const std::vector<std::string_view>& cells, std::string& out) const;
  void table_row(const std::vector<std::string_view>& cells, const Request& req, const Result& r, std::string& out);
  // The failed conditions' sentences, then the facts still needed: JSON
  // strings separated by commas, or plain text separated by "；".
  void write_reasons(const Request& req, const Result& r, std::string& out, bool json);
  const Context& context(const std::vector<std::string_view>& cells);
  // The fact each column holds under `program` (computed once per program).
  const std::vector<int>& fact_columns(const ProgramDef& program);
  bool build_request(const std::vector<std::string_view>& cells, Request& req, RequestError& err);

  const Engine& engine_;
  const RuleSet& rules_;
  ScreenDefaults defaults_;
  Options options_;
  std::string today_;
  CsvOutput output_;
  CsvReader reader_;
  std::vector<std::string_view> cells_;
  Context context_;
  int role_column_[4] = {-1, -1, -1, -1};  // region, date, program, policy
  std::vector<ColumnInfo> columns_;
  std::string error_;
  std::string reasons_;  // one row's reasons cell, reused
  std::vector<std::pair<const ProgramDef*, std::vector<int>>> fact_columns_;
  bool have_header_ = false;
  bool ok_ = true;
};

}  // namespace uie
