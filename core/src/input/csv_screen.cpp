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

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
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
    bool empty = std::all_of(cells_.begin(), cells_.end(), [](const std::string& c) { return trim(c).empty(); });
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
      row(cells_, "", out);
    }
  }
}

void CsvSession::header(const std::vector<std::string>& cells, std::string& out) {
  have_header_ = true;
  const Messages& m = rules_.messages;
  bool en = options_.english;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    Column c;
    c.name = std::string(trim(cells[i]));
    using R = Column::Role;
    if (c.name == "region") c.role = R::kRegion;
    else if (c.name == "date") c.role = R::kDate;
    else if (c.name == "program") c.role = R::kProgram;
    else if (c.name == "policy") c.role = R::kPolicy;
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

bool CsvSession::build_request(const std::vector<std::string>& cells, Request& req, RequestError& err) {
  const Messages& m = rules_.messages;
  bool en = options_.english;
  auto fail = [&](const char* code, const char* path, std::string message) {
    err = RequestError{code, path, std::move(message)};
    return false;
  };
  std::string region = defaults_.region, date = defaults_.date, program = defaults_.program, policy = defaults_.policy;
  for (std::size_t i = 0; i < columns_.size() && i < cells.size(); ++i) {
    std::string_view v = trim(cells[i]);
    if (v.empty()) continue;
    switch (columns_[i].role) {
      case Column::Role::kRegion: region = std::string(v); break;
      case Column::Role::kDate: date = std::string(v); break;
      case Column::Role::kProgram: program = std::string(v); break;
      case Column::Role::kPolicy: policy = std::string(v); break;
      default: break;
    }
  }
  if (region.empty()) return fail("invalid_request", "/region", m.text(Msg::kNoRegion, en));
  bool six = region.size() == 6 && std::all_of(region.begin(), region.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!six) return fail("invalid_request", "/region", m.text(Msg::kRegionNotSixDigits, en, {json_quoted(region)}));
  if (region != "000000" && !known_province(region)) {
    return fail("unknown_region", "/region", m.text(Msg::kUnknownRegion, en, {region.substr(0, 2), region}));
  }
  req.region = region;
  req.date = parse_today(today_);
  req.date_given = !date.empty();
  if (!date.empty()) {
    std::string iso = date;
    std::replace(iso.begin(), iso.end(), '/', '-');
    auto d = Date::parse(iso);
    if (!d) return fail("invalid_request", "/date", m.text(Msg::kBadDate, en, {json_quoted(date)}));
    req.date = *d;
  }
  if (program.empty()) return fail("invalid_request", "/program", m.text(Msg::kCsvNoProgram, en));
  req.program = rules_.program(program);
  if (!req.program) return fail("unknown_program", "/program", m.text(Msg::kUnknownProgram, en, {json_quoted(program), rules_.unknown_program_list}));
  req.policy_id = policy;
  req.facts.clear();
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

void CsvSession::row(const std::vector<std::string>& cells, const std::string&, std::string& out) {
  Scratch& s = scratch();
  RequestError err;
  bool en = options_.english;
  if (cells.size() > columns_.size()) {
    bool extra = std::any_of(cells.begin() + static_cast<std::ptrdiff_t>(columns_.size()), cells.end(),
                             [](const std::string& c) { return !trim(c).empty(); });
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
