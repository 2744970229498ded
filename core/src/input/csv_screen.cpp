#include "input/csv_screen.h"

#include <algorithm>
#include <cctype>

#include "base/json_out.h"
#include "base/text.h"
#include "engine_impl.h"
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

// A fact the header probably meant: the same name but for case or spaces, or
// one or two letters off.
const FactDef* likely_fact(const RuleSet& rules, const std::string& program, std::string_view name) {
  std::string squashed;
  for (char c : name) {
    if (!std::isspace(static_cast<unsigned char>(c))) squashed += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  const FactDef* best = nullptr;
  std::size_t best_d = 3;
  for (const auto& p : rules.programs) {
    if (!program.empty() && p.id != program) continue;
    for (const auto& f : p.facts) {
      std::size_t d = squashed == f.id ? 0 : edit_distance(name, f.id);
      if (d < best_d) {
        best_d = d;
        best = &f;
      }
    }
  }
  return best;
}

}  // namespace

CsvSession::CsvSession(const Engine& engine, ScreenDefaults defaults, Options options, Output output)
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
      render_error(out, "invalid_request", "", m.text(Msg::kCsvRowTooLong, options_.english, {row_no, std::to_string(reader_.limit())}));
      out += '\n';
    } else if (problem == CsvReader::Problem::kUnclosedQuote) {
      render_error(out, "invalid_json", "", m.text(Msg::kCsvUnclosedQuote, options_.english, {row_no}));
      out += '\n';
    } else {
      row(cells_, out);
    }
  }
}

void CsvSession::header(const std::vector<std::string_view>& cells, std::string& out) {
  have_header_ = true;
  const Messages& m = rules_.messages;
  bool en = options_.english;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    Column c;
    c.name = std::string(trim(cells[i]));
    using R = Column::Role;
    int index = static_cast<int>(i);
    if (c.name == "region") c.role = R::kRegion, role_column_[0] = index;
    else if (c.name == "date") c.role = R::kDate, role_column_[1] = index;
    else if (c.name == "program") c.role = R::kProgram, role_column_[2] = index;
    else if (c.name == "policy") c.role = R::kPolicy, role_column_[3] = index;
    else if (!c.name.empty()) {
      bool is_fact = std::any_of(rules_.programs.begin(), rules_.programs.end(), [&](const ProgramDef& p) {
        return (defaults_.program.empty() || p.id == defaults_.program) && p.fact(c.name);
      });
      if (is_fact) {
        c.role = R::kFact;
      } else if (const FactDef* f = likely_fact(rules_, defaults_.program, c.name)) {
        render_error(out, "invalid_request", "",
                     m.text(Msg::kCsvMisspeltColumn, en, {std::to_string(i + 1), c.name, f->id, en ? f->label_en : f->label}));
        out += '\n';
        ok_ = false;
        return;
      }
    }
    for (const auto& earlier : columns_) {
      if (!c.name.empty() && earlier.name == c.name) {
        render_error(out, "invalid_request", "", m.text(Msg::kCsvDuplicateColumn, en, {std::to_string(i + 1), c.name}));
        out += '\n';
        ok_ = false;
        return;
      }
    }
    columns_.push_back(std::move(c));
  }
}

const std::vector<int>& CsvSession::fact_columns(const ProgramDef& program) {
  for (const auto& [p, cols] : fact_columns_) {
    if (p == &program) return cols;
  }
  std::vector<int> cols;
  for (const auto& c : columns_) {
    const FactDef* f = c.role == Column::Role::kFact ? program.fact(c.name) : nullptr;
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
  bool six = c.region.size() == 6 && std::all_of(c.region.begin(), c.region.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
  if (!six) return fail("invalid_request", "/region", m.text(Msg::kRegionNotSixDigits, en, {json_quoted(c.region)}));
  if (c.region != "000000" && !known_province(c.region)) {
    return fail("unknown_region", "/region", m.text(Msg::kUnknownRegion, en, {c.region.substr(0, 2), c.region}));
  }
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
    return fail("unknown_program", "/program", m.text(Msg::kUnknownProgram, en, {json_quoted(c.program), rules_.unknown_program_list}));
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

void CsvSession::row(const std::vector<std::string_view>& cells, std::string& out) {
  Scratch& s = scratch();
  RequestError err;
  bool en = options_.english;
  if (cells.size() > columns_.size()) {
    bool extra = std::any_of(cells.begin() + static_cast<std::ptrdiff_t>(columns_.size()), cells.end(),
                             [](std::string_view c) { return !trim(c).empty(); });
    if (extra) {
      render_error(out, "invalid_request", "",
                   rules_.messages.text(Msg::kCsvExtraCells, en, {std::to_string(reader_.record_number()),
                                                                 std::to_string(cells.size()), std::to_string(columns_.size())}));
      out += '\n';
      return;
    }
  }
  if (!build_request(cells, s.request, err)) {
    render_error(out, err.code, err.path, err.message);
  } else if (const Policy* p = choose_policy(rules_, s.request, false, en, out)) {
    evaluate(*p, s.request, s.result);
    render_screen_line(out, s.request, s.result);
  }
  out += '\n';
  (void)engine_;
  (void)output_;
}

CsvScreen::CsvScreen(const Engine& engine, ScreenDefaults defaults, Options options)
    : session_(std::make_unique<CsvSession>(engine, std::move(defaults), options, CsvSession::Output::kLines)) {}
CsvScreen::~CsvScreen() = default;
void CsvScreen::feed(std::string_view chunk, std::string& out) { session_->feed(chunk, out); }
void CsvScreen::finish(std::string& out) { session_->finish(out); }
bool CsvScreen::ok() const { return session_->ok(); }

}  // namespace uie
