// Screening a CSV batch (免申即享: an office screens every insured unit at
// once): a header row of fact names, then one unit per row. Columns named
// region, date, program and policy override the batch's defaults row by row;
// a column that is no fact of the program is ignored in compact output; a
// header that looks like a misspelt fact name stops the batch with an error
// naming the fact meant. A row with bad data gets its error; the batch goes on.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "input/csv.h"
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
  enum class Output { kLines };

  CsvSession(const Engine& engine, ScreenDefaults defaults, Options options, Output output);

  // More of the batch; every whole row is answered into `out`.
  void feed(std::string_view chunk, std::string& out);
  // The end of the batch: the last row, if it had no line break.
  void finish(std::string& out);
  // False once the header was refused (the batch stopped).
  bool ok() const { return ok_; }

 private:
  struct Column {
    std::string name;
    enum class Role { kIgnored, kRegion, kDate, kProgram, kPolicy, kFact } role = Role::kIgnored;
  };

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
  const Context& context(const std::vector<std::string_view>& cells);
  // The fact each column holds under `program` (computed once per program).
  const std::vector<int>& fact_columns(const ProgramDef& program);
  bool build_request(const std::vector<std::string_view>& cells, Request& req, RequestError& err);

  const Engine& engine_;
  const RuleSet& rules_;
  ScreenDefaults defaults_;
  Options options_;
  std::string today_;
  Output output_;
  CsvReader reader_;
  std::vector<std::string_view> cells_;
  Context context_;
  int role_column_[4] = {-1, -1, -1, -1};  // region, date, program, policy
  std::vector<Column> columns_;
  std::vector<std::pair<const ProgramDef*, std::vector<int>>> fact_columns_;
  bool have_header_ = false;
  bool ok_ = true;
};

}  // namespace uie
