#include "batch/session.h"

#include <algorithm>
#include <cctype>

#include "base/cold.h"
#include "base/exact.h"
#include "base/json_out.h"
#include "engine_impl.h"
#include "eval/choose.h"
#include "eval/context.h"
#include "eval/evaluate.h"
#include "input/request.h"
#include "render/render.h"

namespace uie {
namespace {

bool space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

// ASCII white space, and the two wide ones a sheet may hold (U+3000 from a
// Chinese input method, U+00A0 from a web page): a cell of only these is blank,
// as the single page takes it.
std::string_view trim(std::string_view s) {
  auto wide_front = [](std::string_view t) {
    return t.rfind("\xE3\x80\x80", 0) == 0 ? 3u : t.rfind("\xC2\xA0", 0) == 0 ? 2u : 0u;
  };
  auto wide_back = [](std::string_view t) {
    auto ends = [&](std::string_view w) { return t.size() >= w.size() && t.substr(t.size() - w.size()) == w; };
    return ends("\xE3\x80\x80") ? 3u : ends("\xC2\xA0") ? 2u : 0u;
  };
  while (!s.empty()) {
    if (space(s.front())) s.remove_prefix(1);
    else if (std::size_t n = wide_front(s)) s.remove_prefix(n);
    else break;
  }
  while (!s.empty()) {
    if (space(s.back())) s.remove_suffix(1);
    else if (std::size_t n = wide_back(s)) s.remove_suffix(n);
    else break;
  }
  return s;
}

std::string json_quoted(std::string_view cell) {
  std::string s;
  append_json_string(s, cell);
  return s;
}


}  // namespace

SessionImpl::SessionImpl(const Engine& engine, BatchInput input, BatchOutput output, Options options, ScreenDefaults defaults)
    : engine_(engine), rules_(*engine.impl().rules), input_(input),
      // A JSONL batch has no table to echo: its items are answered as lines.
      output_(input == BatchInput::kJsonl && output == BatchOutput::kTable ? BatchOutput::kLines : output),
      defaults_(std::move(defaults)), options_(options), today_(options.today),
      lines_(engine.impl().limits.max_request_bytes), reader_(engine.impl().limits.max_request_bytes) {
  options_.today = today_;
}

void SessionImpl::feed(std::string_view chunk, std::string& out) {
  if (!ok_) return;
  if (input_ == BatchInput::kJsonl) {
    lines_.feed(chunk);
    pump_lines(out, false);
  } else {
    reader_.feed(chunk);
    pump_records(out, false);
  }
}

void SessionImpl::feed_cells(std::string_view rows, std::string& out) {
  // Rows separated by U+0001, cells by U+0000: neither can stand in a
  // spreadsheet's text (XML 1.0 forbids them), so no escaping is needed.
  std::vector<std::string_view>& cells = cells_;
  std::size_t start = 0;
  while (ok_ && input_ == BatchInput::kCsv && start < rows.size()) {
    std::size_t end = rows.find('\x01', start);
    if (end == std::string_view::npos) end = rows.size();
    std::string_view row = rows.substr(start, end - start);
    start = end + 1;
    cells.clear();
    at_ = kNoOffset;
    if (row.size() > reader_.limit()) {
      // The same limit as a CSV record's, and the same error; none of it is kept.
      record(cells, ++cell_rows_, CsvReader::Problem::kTooLong, out);
      continue;
    }
    row_cells(row, cells);
    record(cells, ++cell_rows_, CsvReader::Problem::kNone, out);
  }
}

void SessionImpl::finish(std::string& out) {
  if (input_ == BatchInput::kJsonl) pump_lines(out, true);
  else pump_records(out, true);
}

void SessionImpl::pump_lines(std::string& out, bool final) {
  std::string_view text;
  bool too_long = false;
  while (lines_.next(text, too_long, final) == LineSplitter::Status::kLine) line(text, too_long, out);
}

void SessionImpl::line(std::string_view text, bool too_long, std::string& out) {
  ++items_;
  row_no_ = lines_.line_number();
  // A line past the limit gets the engine's own size error, from a stand-in
  // of the same size class, so the message is the one every front end gives.
  if (too_long && oversized_.empty()) oversized_.assign(engine_.impl().limits.max_request_bytes + 1, ' ');
  std::string_view request = too_long ? std::string_view(oversized_) : text;
  Scratch& s = scratch();
  RequestError err;
  bool en = options_.english;
  if (!read_request(rules_, request, engine_.impl().limits, parse_today(today_), en, s.tree, s.request, err)) {
    item_error(nullptr, err, nullptr, out);
    return;
  }
  Choice c = choose_policy(rules_, s.request, false, en);
  if (!c.policy) {
    item_error(nullptr, c.error, c.latest, out);
    return;
  }
  evaluate(*c.policy, s.request, s.result);
  answer(nullptr, s.request, s.result, out);
}

void SessionImpl::pump_records(std::string& out, bool final) {
  CsvReader::Problem problem;
  while (ok_ && reader_.next(cells_, final, problem) == CsvReader::Status::kRecord) {
    at_ = reader_.record_offset();
    record(cells_, reader_.record_number(), problem, out);
  }
}

void SessionImpl::record(const std::vector<std::string_view>& cells, std::size_t row_no, CsvReader::Problem problem,
                         std::string& out) {
  const Messages& m = rules_.messages;
  std::string row = std::to_string(row_no);
  RequestError err;
  if (problem == CsvReader::Problem::kTooLong) {
    err = {"invalid_request", "", m.text(Msg::kCsvRowTooLong, options_.english, {row, std::to_string(reader_.limit())})};
  } else if (problem == CsvReader::Problem::kUnclosedQuote) {
    err = {"invalid_json", "", m.text(Msg::kCsvUnclosedQuote, options_.english, {row})};
  }
  if (!have_header_) {
    if (err.code.empty()) {
      header(cells, out);
      return;
    }
    // A header that cannot be read whole names no columns: the batch stops.
    have_header_ = true;
    refuse(err.message, out);
    return;
  }
  bool empty = std::all_of(cells.begin(), cells.end(), [](std::string_view c) { return trim(c).empty(); });
  if (empty && err.code.empty()) return;  // a blank line answers nothing
  ++items_;
  row_no_ = row_no;
  if (!err.code.empty()) item_error(&cells, err, nullptr, out);
  else this->row(cells, row_no, out);
}

void SessionImpl::refuse(std::string message, std::string& out) {
  ok_ = false;
  error_ = std::move(message);
  if (output_ != BatchOutput::kTable) {
    render_error(out, "invalid_request", "", error_);
    out += '\n';
  }
}

void SessionImpl::header(const std::vector<std::string_view>& cells, std::string& out) {
  have_header_ = true;
  if (names_given_) {
    std::vector<std::string_view> names(names_.begin(), names_.end());
    names.resize(std::max(names.size(), cells.size()));
    columns_ = classify_header(rules_, defaults_.program, names);
  } else {
    columns_ = classify_header(rules_, defaults_.program, cells);
  }
  int refused = refused_column(columns_);
  if (refused >= 0) {
    refuse(refused_message(rules_, columns_, refused, options_.english), out);
    return;
  }
  using R = ColumnInfo::Role;
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    R r = columns_[i].role;
    int k = r == R::kRegion ? 0 : r == R::kDate ? 1 : r == R::kProgram ? 2 : r == R::kPolicy ? 3 : -1;
    if (k >= 0) role_column_[k] = static_cast<int>(i);
  }
  std::string* table = output_ == BatchOutput::kTable ? &out : tee_;
  if (!table) return;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    append_csv_cell(*table, cells[i]);
    *table += ',';
  }
  *table += rules_.messages.text(Msg::kTableHeader, options_.english);
  *table += '\n';
}

const std::vector<int>& SessionImpl::fact_columns(const ProgramDef& program) {
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

const SessionImpl::Context& SessionImpl::context(const std::vector<std::string_view>& cells) {
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

bool SessionImpl::build_request(const std::vector<std::string_view>& cells, Request& req, RequestError& err) {
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

void SessionImpl::echo_cells(const std::vector<std::string_view>& cells, std::string& out) const {
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    if (i < cells.size()) append_csv_cell(out, cells[i]);
    out += ',';
  }
}

void SessionImpl::item_error(const std::vector<std::string_view>* cells, const RequestError& err, const Policy* latest,
                             std::string& out) {
  count_error();
  if (output_ == BatchOutput::kNone) return;
  if (output_ == BatchOutput::kTable) {
    table_error(*cells, err.message, out);
    return;
  }
  std::size_t at = out.size();
  render_error(out, err.code, err.path, err.message, latest);
  if (output_ == BatchOutput::kReasons) where_from(cells, out, at);
  out += '\n';
  if (cells && tee_) table_error(*cells, err.message, *tee_);
}

void SessionImpl::table_error(const std::vector<std::string_view>& cells, std::string_view message, std::string& out) {
  echo_cells(cells, out);
  out += rules_.messages.text(Msg::kTableError, options_.english);
  out += ",,,,";
  append_csv_cell(out, message);
  out += '\n';
}

void SessionImpl::row(const std::vector<std::string_view>& cells, std::size_t row_no, std::string& out) {
  Scratch& s = scratch();
  RequestError err;
  bool en = options_.english;
  if (cells.size() > columns_.size()) {
    bool extra = std::any_of(cells.begin() + static_cast<std::ptrdiff_t>(columns_.size()), cells.end(),
                             [](std::string_view c) { return !trim(c).empty(); });
    if (extra) {
      err = RequestError{"invalid_request", "",
                         rules_.messages.text(Msg::kCsvExtraCells, en, {std::to_string(row_no), std::to_string(cells.size()),
                                                                       std::to_string(columns_.size())})};
      item_error(&cells, err, nullptr, out);
      return;
    }
  }
  if (!build_request(cells, s.request, err)) {
    item_error(&cells, err, nullptr, out);
    return;
  }
  Choice c = choose_policy(rules_, s.request, false, en);
  if (!c.policy) {
    item_error(&cells, c.error, c.latest, out);
    return;
  }
  evaluate(*c.policy, s.request, s.result);
  answer(&cells, s.request, s.result, out);
}

void SessionImpl::count_error() {
  ++tally_.items;
  ++tally_.errors;
  if (outcomes_) outcomes_->push_back(ItemOutcome{row_no_, -1, -1, -1, 2, 0});
}

// The same numbers the screening line carries (render_screen_line): the
// state, the amount, and an open amount's two candidates.
void SessionImpl::count(const Result& r) {
  ItemOutcome o;
  o.row = row_no_;
  o.state = static_cast<std::int8_t>(r.eligible);
  ++tally_.items;
  if (r.policy->reformed) ++tally_.reformed;
  if (r.eligible == Tri::kFalse) ++tally_.no;
  if (r.eligible == Tri::kNull) ++tally_.undecided;
  const AmountRule& rule = r.policy->amount;
  bool refund = rule.kind == AmountRule::Kind::kPercentOfBase;
  if (r.amount) o.amount_fen = *r.amount;
  if (refund && r.refund.candidates) {
    o.low_fen = std::min(r.refund.large, r.refund.sme);
    o.high_fen = std::max(r.refund.large, r.refund.sme);
  }
  if (refund && r.refund.size_option >= 0 && !r.refund.candidates) {
    if (r.refund.size_option == rule.size_large_option) o.size = 1;
    else if (r.refund.size_option == rule.size_sme_option) o.size = 2;
  }
  if (r.eligible == Tri::kTrue) {
    ++tally_.yes;
    if (r.amount) {
      tally_.amount_fen += *r.amount;
      ++tally_.yes_by_size[o.size];
      tally_.fen_by_size[o.size] += *r.amount;
    } else if (o.low_fen >= 0) {
      ++tally_.open;
      tally_.open_low_fen += o.low_fen;
      tally_.open_high_fen += o.high_fen;
    }
  }
  if (outcomes_) outcomes_->push_back(o);
}

void SessionImpl::answer(const std::vector<std::string_view>* cells, const Request& req, const Result& r, std::string& out) {
  count(r);
  std::size_t at = out.size();
  switch (output_) {
    case BatchOutput::kLines: render_screen_line(out, req, r); break;
    case BatchOutput::kReasons:
      render_screen_line(out, req, r);
      out.pop_back();  // the line's closing brace: the reasons go inside
      out += ",\"reasons\":[";
      write_reasons(req, r, out, true);
      reasons_collected_ = cells && tee_;  // the table beside reuses them
      out += "]}";
      where_from(cells, out, at);
      break;
    case BatchOutput::kFull: render_answer(out, rules_, req, r, options_.english); break;
    case BatchOutput::kTable: table_row(*cells, req, r, out); return;  // the row ends its own line
    case BatchOutput::kNone: return;
  }
  out += '\n';
  if (cells && tee_) table_row(*cells, req, r, *tee_);
}

void SessionImpl::where_from(const std::vector<std::string_view>* cells, std::string& out, std::size_t at) {
  std::string& head = reasons_;
  head.assign("{\"row\":");
  append_int(head, static_cast<std::int64_t>(row_no_));
  if (cells && at_ != kNoOffset) {
    head += ",\"at\":";
    append_int(head, static_cast<std::int64_t>(at_));
  }
  if (cells) {
    head += ",\"kept\":[";
    bool first = true;
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      if (columns_[i].role != ColumnInfo::Role::kPassthrough) continue;
      if (!first) head += ',';
      first = false;
      append_json_string(head, i < cells->size() ? (*cells)[i] : std::string_view());
    }
    head += ']';
  }
  head += ',';
  out.replace(at, 1, head);  // the line's opening brace
}

void SessionImpl::write_reasons(const Request& req, const Result& r, std::string& out, bool json) {
  collect_reasons(req, r);
  emit_reasons(out, json);
}

// The collected reasons as JSON strings ("…","…") or as one cell joined by
// the detail separator.
void SessionImpl::emit_reasons(std::string& out, bool json) {
  Sink sink(out, false);
  for (std::size_t k = 0, from = 0; k < reason_ends_.size(); from = reason_ends_[k++]) {
    std::string_view piece = std::string_view(row_reasons_).substr(from, reason_ends_[k] - from);
    if (json) {
      if (k) out += ',';
      append_json_string(out, piece);
    } else {
      if (k) rules_.messages.render(Msg::kDetailSeparator, options_.english, sink);
      out.append(piece);
    }
  }
}

void SessionImpl::collect_reasons(const Request& req, const Result& r) {
  RenderContext cx(rules_.messages, options_.english, *r.policy, req.facts, r);
  Sink sink(row_reasons_, false);
  row_reasons_.clear();
  reason_ends_.clear();
  const std::size_t n = r.policy->conditions.size();
  for (std::size_t i = 0; i < n; ++i) {
    const CondOutcome& c = r.outcomes[i];
    if (c.passed != Tri::kFalse) continue;
    cx.condition_text(c, sink);
    reason_ends_.push_back(row_reasons_.size());
  }
  if (r.missing.empty()) return;
  std::string list;
  Sink ls(list, false);
  for (std::size_t i = 0; i < r.missing.size(); ++i) {
    if (i) rules_.messages.render(Msg::kListSeparator, options_.english, ls);
    cx.quoted_label(r.missing[i], ls);
  }
  rules_.messages.render(Msg::kMissingFacts, options_.english, sink, {list});
  reason_ends_.push_back(row_reasons_.size());
}

void SessionImpl::table_row(const std::vector<std::string_view>& cells, const Request& req, const Result& r, std::string& out) {
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
  // The size unknown: the two amounts it could be, never an empty cell.
  const Policy& p = *r.policy;
  if (p.amount.kind == AmountRule::Kind::kPercentOfBase && r.refund.candidates && p.amount.size_fact >= 0) {
    const FactDef& size = p.program->facts[static_cast<std::size_t>(p.amount.size_fact)];
    reasons_.clear();
    Sink cell(reasons_, false);
    for (int k = 0; k < 2; ++k) {
      const char* value = k == 0 ? "large" : "sme";
      const Option* o = nullptr;
      for (const Option& x : size.options) {
        if (x.text == value) o = &x;
      }
      if (k) m.render(Msg::kDetailSeparator, en, cell);
      m.render(Msg::kTableCandidate, en, cell,
               {o ? (en && !o->label_en.empty() ? o->label_en : o->label) : value, yuan_str(k == 0 ? r.refund.large : r.refund.sme)});
    }
    append_csv_cell(out, reasons_);
  }
  out += ',';
  reasons_.clear();
  if (reasons_collected_) emit_reasons(reasons_, false);  // rendered once for the line and this row
  else write_reasons(req, r, reasons_, false);
  reasons_collected_ = false;
  append_csv_cell(out, reasons_);
  out += '\n';
}

// Hot for a spreadsheet's rows (feed_cells): outside the code compiled for size.
void row_cells(std::string_view row, std::vector<std::string_view>& cells) {
  std::size_t start = 0;
  for (std::size_t nul; (nul = row.find('\0', start)) != std::string_view::npos; start = nul + 1) {
    cells.push_back(row.substr(start, nul - start));
  }
  cells.push_back(row.substr(start));
}

UIE_COLD_BEGIN  // once per batch or per page: compiled for size in the wasm build
std::string Engine::csv_columns(std::string_view csv, const ScreenDefaults& defaults, const Options& o) const noexcept {
  CsvReader reader(impl_->limits.max_request_bytes);
  reader.feed(csv);
  std::vector<std::string_view> cells;
  CsvReader::Problem problem;
  if (reader.next(cells, true, problem) != CsvReader::Status::kRecord) cells.clear();
  return header_columns(std::vector<std::string>(cells.begin(), cells.end()), defaults, o);
}

std::string Engine::header_columns(const std::vector<std::string>& header, const ScreenDefaults& defaults,
                                   const Options& o) const noexcept {
  const RuleSet& rules = *impl_->rules;
  std::string out;
  if (!defaults.program.empty() && !rules.program(defaults.program)) {
    const std::string& known = o.english ? rules.unknown_program_list_en : rules.unknown_program_list;
    render_error(out, "unknown_program", "/program",
                 rules.messages.text(Msg::kUnknownProgram, o.english, {json_quoted(defaults.program), known}));
    return out;
  }
  std::vector<std::string_view> cells(header.begin(), header.end());
  render_columns(out, rules, classify_header(rules, defaults.program, cells), o.english);
  return out;
}

std::string csv_text(std::string_view rows) {
  std::string out;
  std::vector<std::string_view> cells;
  std::size_t start = 0;
  while (start <= rows.size() && !rows.empty()) {
    std::size_t end = rows.find('\x01', start);
    if (end == std::string_view::npos) end = rows.size();
    cells.clear();
    row_cells(rows.substr(start, end - start), cells);
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i) out += ',';
      append_csv_cell(out, cells[i]);
    }
    out += "\r\n";
    start = end + 1;
  }
  return out;
}

std::string csv_cells(std::string_view csv) {
  CsvReader reader(static_cast<std::size_t>(-1) / 2);
  reader.feed(csv);
  std::vector<std::string_view> cells;
  CsvReader::Problem problem;
  std::string out;
  bool first = true;
  while (reader.next(cells, true, problem) == CsvReader::Status::kRecord) {
    if (!first) out += '\x01';
    first = false;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i) out += '\0';
      out.append(cells[i]);
    }
  }
  return out;
}

UIE_COLD_END

Session::Session(const Engine& engine, BatchInput input, BatchOutput output, Options options, ScreenDefaults defaults)
    : impl_(std::make_unique<SessionImpl>(engine, input, output, options, std::move(defaults))) {}
Session::~Session() = default;
void Session::name_columns(std::vector<std::string> names) { impl_->name_columns(std::move(names)); }
void Session::feed(std::string_view chunk, std::string& out) { impl_->feed(chunk, out); }
void Session::feed_cells(std::string_view rows, std::string& out) { impl_->feed_cells(rows, out); }
void Session::finish(std::string& out) { impl_->finish(out); }
void Session::tee_table(std::string* table) { impl_->tee_table(table); }
bool Session::ok() const { return impl_->ok(); }
const std::string& Session::error() const { return impl_->error(); }
std::size_t Session::items() const { return impl_->items(); }
const BatchTally& Session::tally() const { return impl_->tally(); }
void Session::keep_outcomes(std::vector<ItemOutcome>* outcomes) { impl_->keep_outcomes(outcomes); }

}  // namespace uie
