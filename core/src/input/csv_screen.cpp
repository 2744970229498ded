#include "input/csv_screen.h"

#include <algorithm>
#include <cctype>

#include "base/exact.h"
#include "base/json_out.h"
#include "engine_impl.h"
#include "eval/choose.h"
#include "eval/context.h"
#include "eval/evaluate.h"
#include "render/render.h"

namespace uie {
namespace {

bool space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

std::string json_quoted(std::string_view cell) {
  std::string s;
  append_json_string(s, cell);
  return s;
}


}  // namespace

CsvSession::CsvSession(const Engine& engine, ScreenDefaults defaults, Options options, CsvOutput output)
    : engine_(engine), rules_(*engine.impl().rules), defaults_(std::move(defaults)), options_(options),
      today_(options.today), output_(output), reader_(engine.impl().limits.max_request_bytes) {
  options_.today = today_;
}

void CsvSession::feed(std::string_view chunk, std::string& out) {
  reader_.feed(chunk);
  pump(out, false);
}

void CsvSession::finish(std::string& out) { pump(out, true); }

void CsvSession::pump(std::string& out, bool final) {
  CsvReader::Problem problem;
  while (ok_) {
    CsvReader::Status st = reader_.next(cells_, final, problem);
    if (st != CsvReader::Status::kRecord) return;
    if (!have_header_) {
      header(cells_, out);
      continue;
    }
    bool empty = std::all_of(cells_.begin(), cells_.end(), [](std::string_view c) { return trim(c).empty(); });
    if (empty && problem == CsvReader::Problem::kNone) continue;  // a blank line answers nothing
    const Messages& m = rules_.messages;
    std::string row_no = std::to_string(reader_.record_number());
    if (problem == CsvReader::Problem::kTooLong) {
      row_error(cells_, "invalid_request", "", m.text(Msg::kCsvRowTooLong, options_.english, {row_no, std::to_string(reader_.limit())}), out);
    } else if (problem == CsvReader::Problem::kUnclosedQuote) {
      row_error(cells_, "invalid_json", "", m.text(Msg::kCsvUnclosedQuote, options_.english, {row_no}), out);
    } else {
      row(cells_, out);
    }
  }
}

void CsvSession::header(const std::vector<std::string_view>& cells, std::string& out) {
  have_header_ = true;
  columns_ = classify_header(rules_, defaults_.program, cells);
  int refused = refused_column(columns_);
  if (refused >= 0) {
    ok_ = false;
    error_ = refused_message(rules_, columns_, refused, options_.english);
    if (output_ != CsvOutput::kTable) {
      render_error(out, "invalid_request", "", error_);
      out += '\n';
    }
    return;
  }
  using R = ColumnInfo::Role;
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    R r = columns_[i].role;
    int k = r == R::kRegion ? 0 : r == R::kDate ? 1 : r == R::kProgram ? 2 : r == R::kPolicy ? 3 : -1;
    if (k >= 0) role_column_[k] = static_cast<int>(i);
  }
  if (output_ == CsvOutput::kTable) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      append_csv_cell(out, cells[i]);
      out += ',';
    }
    out += rules_.messages.text(Msg::kTableHeader, options_.english);
    out += '\n';
  }
}

const std::vector<int>& CsvSession::fact_columns(const ProgramDef& program) {
  for (const auto& [p, cols] : fact_columns_) {
    if (p == &program) return cols;
  }
  std::vector<int> cols;
  for (const auto& c : columns_) {
    const FactDef* f = c.role == ColumnInfo::Role::kFact ? program.fact(c.fact) : nullptr;
    cols.push_back(f ? f->index : -1);
  }
  fact_columns_.emplace_back(&program, std::move(cols));
  return fact_columns_.back().second;
}

const CsvSession::Context& CsvSession::context(const std::vector<std::string_view>& cells) {
  const std::string* defaults[4] = {&defaults_.region, &defaults_.date, &defaults_.program, &defaults_.policy};
  std::string_view v[4];
  for (int k = 0; k < 4; ++k) {
    int col = role_column_[k];
    std::string_view cell = col >= 0 && static_cast<std::size_t>(col) < cells.size() ? trim(cells[static_cast<std::size_t>(col)]) : "";
    v[k] = cell.empty() ? std::string_view(*defaults[k]) : cell;
  }
  Context& c = context_;
  if (c.program_def || !c.error.code.empty()) {
    if (c.region == v[0] && c.date == v[1] && c.program == v[2] && c.policy == v[3]) return c;
  }
  c = Context{std::string(v[0]), std::string(v[1]), std::string(v[2]), std::string(v[3]), false, {}, {}, false, nullptr};
  const Messages& m = rules_.messages;
  bool en = options_.english;
  auto fail = [&](const char* code, const char* path, std::string message) -> const Context& {
    c.error = RequestError{code, path, std::move(message)};
    return c;
  };
  if (c.region.empty()) return fail("invalid_request", "/region", m.text(Msg::kNoRegion, en));
  if (!check_region_code(rules_, c.region, json_quoted(c.region), en, c.error)) return c;
  c.day = parse_today(today_);
  c.date_given = !c.date.empty();
  if (c.date_given) {
    std::string iso = c.date;
    std::replace(iso.begin(), iso.end(), '/', '-');
    auto d = Date::parse(iso);
    if (!d) return fail("invalid_request", "/date", m.text(Msg::kBadDate, en, {json_quoted(c.date)}));
    c.day = *d;
  }
  if (c.program.empty()) return fail("invalid_request", "/program", m.text(Msg::kCsvNoProgram, en));
  c.program_def = rules_.program(c.program);
  if (!c.program_def) {
    const std::string& known = en ? rules_.unknown_program_list_en : rules_.unknown_program_list;
    return fail("unknown_program", "/program", m.text(Msg::kUnknownProgram, en, {json_quoted(c.program), known}));
  }
  c.ok = true;
  return c;
}

bool CsvSession::build_request(const std::vector<std::string_view>& cells, Request& req, RequestError& err) {
  const Context& c = context(cells);
  if (!c.ok) {
    err = c.error;
    return false;
  }
  req.region = c.region;
  req.date = c.day;
  req.date_given = c.date_given;
  req.program = c.program_def;
  req.policy_id = c.policy;
  req.facts.clear(static_cast<int>(c.program_def->facts.size()));
  bool en = options_.english;
  const std::vector<int>& cols = fact_columns(*req.program);
  for (std::size_t i = 0; i < cols.size() && i < cells.size(); ++i) {
    if (cols[i] < 0) continue;
    std::string_view v = trim(cells[i]);
    if (v.empty()) continue;
    const FactDef& def = req.program->facts[static_cast<std::size_t>(cols[i])];
    if (!read_fact_cell(rules_, def, v, en, req.facts.slot(def.index), err)) return false;
  }
  return check_consistency(rules_, *req.program, req, en, err);
}

void CsvSession::echo_cells(const std::vector<std::string_view>& cells, std::string& out) const {
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    if (i < cells.size()) append_csv_cell(out, cells[i]);
    out += ',';
  }
}

void CsvSession::row_error(const std::vector<std::string_view>& cells, std::string_view code, std::string_view path,
                           std::string_view message, std::string& out) {
  if (output_ != CsvOutput::kTable) {
    render_error(out, code, path, message);
    out += '\n';
    return;
  }
  echo_cells(cells, out);
  out += rules_.messages.text(Msg::kTableError, options_.english);
  out += ",,,";
  append_csv_cell(out, message);
  out += '\n';
}

void CsvSession::row(const std::vector<std::string_view>& cells, std::string& out) {
  Scratch& s = scratch();
  RequestError err;
  bool en = options_.english;
  if (cells.size() > columns_.size()) {
    bool extra = std::any_of(cells.begin() + static_cast<std::ptrdiff_t>(columns_.size()), cells.end(),
                             [](std::string_view c) { return !trim(c).empty(); });
    if (extra) {
      row_error(cells, "invalid_request", "",
                rules_.messages.text(Msg::kCsvExtraCells, en, {std::to_string(reader_.record_number()),
                                                              std::to_string(cells.size()), std::to_string(columns_.size())}),
                out);
      return;
    }
  }
  if (!build_request(cells, s.request, err)) {
    row_error(cells, err.code, err.path, err.message, out);
    return;
  }
  Choice c = choose_policy(rules_, s.request, false, en);
  if (!c.policy) {
    if (output_ == CsvOutput::kTable) row_error(cells, "", "", c.error.message, out);
    else {
      render_error(out, c.error.code, c.error.path, c.error.message, c.latest);
      out += '\n';
    }
    return;
  }
  const Policy* p = c.policy;
  evaluate(*p, s.request, s.result);
  switch (output_) {
    case CsvOutput::kLines: render_screen_line(out, s.request, s.result); break;
    case CsvOutput::kReasons:
      render_screen_line(out, s.request, s.result);
      out.pop_back();  // the line's closing brace: the reasons go inside
      out += ",\"reasons\":[";
      write_reasons(s.request, s.result, out, true);
      out += "]}";
      break;
    case CsvOutput::kFull: render_answer(out, rules_, s.request, s.result, en); break;
    case CsvOutput::kTable: table_row(cells, s.request, s.result, out); break;
  }
  out += '\n';
  (void)engine_;
}

void CsvSession::write_reasons(const Request& req, const Result& r, std::string& out, bool json) {
  RenderContext cx(rules_.messages, options_.english, *r.policy, req.facts, r);
  Sink sink(out, json);
  bool first = true;
  auto begin = [&]() -> std::string& {
    if (json) out += first ? "\"" : ",\"";
    else if (!first) rules_.messages.render(Msg::kDetailSeparator, options_.english, sink);
    first = false;
    return out;
  };
  for (const CondOutcome& c : r.outcomes) {
    if (c.passed != Tri::kFalse) continue;
    begin();
    cx.condition_text(c, sink);
    if (json) out += '"';
  }
  if (r.missing.empty()) return;
  std::string list;
  Sink ls(list, false);
  for (std::size_t i = 0; i < r.missing.size(); ++i) {
    if (i) rules_.messages.render(Msg::kListSeparator, options_.english, ls);
    cx.quoted_label(r.missing[i], ls);
  }
  begin();
  rules_.messages.render(Msg::kMissingFacts, options_.english, sink, {list});
  if (json) out += '"';
}

void CsvSession::table_row(const std::vector<std::string_view>& cells, const Request& req, const Result& r, std::string& out) {
  echo_cells(cells, out);
  const Messages& m = rules_.messages;
  bool en = options_.english;
  Sink plain(out, false);
  if (r.eligible == Tri::kTrue) m.render(Msg::kYes, en, plain);
  else if (r.eligible == Tri::kFalse) m.render(Msg::kNo, en, plain);
  else m.render(Msg::kTableUndecided, en, plain);
  out += ',';
  if (r.amount) {
    append_int(out, *r.amount);
    out += ',';
    out += yuan_str(*r.amount);
  } else {
    out += ',';
  }
  out += ',';
  reasons_.clear();
  write_reasons(req, r, reasons_, false);
  append_csv_cell(out, reasons_);
}

std::string Engine::csv_columns(std::string_view csv, const ScreenDefaults& defaults, const Options& o) const noexcept {
  const RuleSet& rules = *impl_->rules;
  std::string out;
  if (!defaults.program.empty() && !rules.program(defaults.program)) {
    const std::string& known = o.english ? rules.unknown_program_list_en : rules.unknown_program_list;
    render_error(out, "unknown_program", "/program",
                 rules.messages.text(Msg::kUnknownProgram, o.english, {json_quoted(defaults.program), known}));
    return out;
  }
  CsvReader reader(impl_->limits.max_request_bytes);
  reader.feed(csv);
  std::vector<std::string_view> cells;
  CsvReader::Problem problem;
  if (reader.next(cells, true, problem) != CsvReader::Status::kRecord) cells.clear();
  render_columns(out, rules, classify_header(rules, defaults.program, cells), o.english);
  return out;
}

CsvScreen::CsvScreen(const Engine& engine, ScreenDefaults defaults, Options options, CsvOutput output)
    : session_(std::make_unique<CsvSession>(engine, std::move(defaults), options, output)) {}
CsvScreen::~CsvScreen() = default;
void CsvScreen::feed(std::string_view chunk, std::string& out) { session_->feed(chunk, out); }
void CsvScreen::finish(std::string& out) { session_->finish(out); }
bool CsvScreen::ok() const { return session_->ok(); }
const std::string& CsvScreen::error() const { return session_->error(); }

}  // namespace uie
