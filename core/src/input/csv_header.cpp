#include "input/csv_header.h"

#include <algorithm>
#include <cstdint>

#include "base/cold.h"
#include "base/json_out.h"
#include "base/text.h"

UIE_COLD_BEGIN  // once per batch, on its header: compiled for size in the wasm build

namespace uie {
namespace {

using Role = ColumnInfo::Role;

// Code points of UTF-8 text (an invalid byte counts as one code point of its own).
std::u32string code_points(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    if (i + static_cast<std::size_t>(n) > s.size()) n = 1;
    char32_t cp = n == 1 ? c : static_cast<char32_t>(c & (0x7F >> n));
    for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
    out.push_back(cp);
    i += static_cast<std::size_t>(n);
  }
  return out;
}

std::size_t distance(const std::u32string& a, const std::u32string& b) {
  return edit_distance_of(std::u32string_view(a), std::u32string_view(b));
}

bool ascii_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

// Trimmed of ASCII and ideographic spaces (U+3000) and of a trailing * or ＊.
std::string_view tidy(std::string_view s) {
  static constexpr std::string_view kIdeoSpace = "\xE3\x80\x80", kFullStar = "\xEF\xBC\x8A";
  bool changed = true;
  while (changed && !s.empty()) {
    changed = false;
    while (!s.empty() && ascii_space(s.front())) s.remove_prefix(1), changed = true;
    while (!s.empty() && ascii_space(s.back())) s.remove_suffix(1), changed = true;
    if (s.substr(0, 3) == kIdeoSpace) s.remove_prefix(3), changed = true;
    if (s.size() >= 3 && s.substr(s.size() - 3) == kIdeoSpace) s.remove_suffix(3), changed = true;
    if (!s.empty() && s.back() == '*') s.remove_suffix(1), changed = true;
    if (s.size() >= 3 && s.substr(s.size() - 3) == kFullStar) s.remove_suffix(3), changed = true;
  }
  return s;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// A header "外面 (inner)" or "外面（inner）": the two parts; false without brackets at the end.
bool split_bracket(std::string_view h, std::string_view& outer, std::string_view& inner) {
  static constexpr std::string_view kOpen = "\xEF\xBC\x88", kClose = "\xEF\xBC\x89";  // （ ）
  std::size_t close_len = 0;
  if (!h.empty() && h.back() == ')') close_len = 1;
  else if (h.size() >= 3 && h.substr(h.size() - 3) == kClose) close_len = 3;
  if (!close_len) return false;
  std::string_view body = h.substr(0, h.size() - close_len);
  std::size_t a = body.rfind('('), b = body.rfind(kOpen);
  std::size_t open = std::string_view::npos, open_len = 0;
  if (a != std::string_view::npos && (b == std::string_view::npos || a > b)) open = a, open_len = 1;
  else if (b != std::string_view::npos) open = b, open_len = 3;
  if (open == std::string_view::npos) return false;
  inner = tidy(body.substr(open + open_len));
  outer = tidy(body.substr(0, open));
  return true;
}

struct RoleName {
  Role role;
  std::string_view names[5];
};
// The batch's own columns, in English (the CLI's flags) and as an office heads them.
constexpr RoleName kRoles[] = {
    {Role::kRegion, {"region", "地区", "地区代码", "行政区划代码", "参保地区"}},
    {Role::kDate, {"date", "日期", "申请日期", "测算日期", ""}},
    {Role::kProgram, {"program", "项目", "补贴项目", "", ""}},
    {Role::kPolicy, {"policy", "政策", "政策编号", "", ""}},
};

Role role_named(std::string_view name) {
  std::string low = lower_ascii(name);
  for (const auto& r : kRoles) {
    for (std::string_view n : r.names) {
      if (!n.empty() && low == n) return r.role;
    }
  }
  return Role::kPassthrough;
}

class Matcher {
 public:
  Matcher(const RuleSet& rules, std::string_view program) {
    for (const auto& p : rules.programs) {
      if (program.empty() || p.id == program) programs_.push_back(&p);
    }
  }

  const FactDef* by_id(std::string_view id) const {
    std::string low = lower_ascii(id);
    for (const ProgramDef* p : programs_) {
      if (const FactDef* f = p->fact(low)) return f;
    }
    return nullptr;
  }

  const FactDef* by_label(std::string_view label) const {
    std::string low = lower_ascii(label);
    for (const ProgramDef* p : programs_) {
      for (const auto& f : p->facts) {
        if (label == f.label || (!f.label_en.empty() && low == lower_ascii(f.label_en))) return &f;
      }
    }
    return nullptr;
  }

  // The fact an id-like header probably meant: the same but for case, spaces
  // and - for _, or one or two letters off.
  const FactDef* near_id(std::string_view name) const {
    std::string squashed;
    for (char c : lower_ascii(name)) {
      if (ascii_space(c)) continue;
      squashed += c == '-' ? '_' : c;
    }
    const FactDef* best = nullptr;
    std::size_t best_d = 3;
    for (const ProgramDef* p : programs_) {
      for (const auto& f : p->facts) {
        std::size_t d = squashed == f.id ? 0 : edit_distance(squashed, f.id);
        if (d < best_d) best_d = d, best = &f;
      }
    }
    return best;
  }

  // The fact a Chinese header probably meant: a label one character off (two
  // for eight or more), or one inside the other (four characters or more).
  const FactDef* near_label(std::string_view name) const {
    std::u32string h = code_points(name);
    const FactDef* best = nullptr;
    std::size_t best_d = 99;
    for (const ProgramDef* p : programs_) {
      for (const auto& f : p->facts) {
        std::u32string l = code_points(f.label);
        std::size_t allowed = std::min(h.size(), l.size()) >= 8 ? 2 : std::min(h.size(), l.size()) >= 4 ? 1 : 0;
        std::size_t d = distance(h, l);
        bool within = std::min(h.size(), l.size()) >= 4 &&
                      (l.find(h) != std::u32string::npos || h.find(l) != std::u32string::npos);
        if (within && d > allowed) d = allowed;
        if (d <= allowed && d < best_d) best_d = d, best = &f;
      }
    }
    return best ? best : shortened(h);
  }

  // A label an office shortened: every character of the header, in order,
  // within one label ("缴费月数" in "已足额缴纳失业保险费的月数", "上年度缴纳失业
  // 保险费" in "上年度实际缴纳的失业保险费"), four characters or more and at
  // least a quarter of it. The shortest such label wins; a tie guesses nothing.
  const FactDef* shortened(const std::u32string& h) const {
    if (h.size() < 4) return nullptr;
    const FactDef* best = nullptr;
    std::size_t best_len = 0;
    bool tie = false;
    for (const ProgramDef* p : programs_) {
      for (const auto& f : p->facts) {
        std::u32string l = code_points(f.label);
        if (h.size() * 4 < l.size() || !subsequence(h, l)) continue;
        if (best && best->id == f.id) continue;  // the same fact in another program
        if (!best || l.size() < best_len) best = &f, best_len = l.size(), tie = false;
        else if (l.size() == best_len) tie = true;
      }
    }
    return tie ? nullptr : best;
  }

  static bool subsequence(const std::u32string& h, const std::u32string& l) {
    std::size_t k = 0;
    for (char32_t c : l) {
      if (k < h.size() && h[k] == c) ++k;
    }
    return k == h.size();
  }

 private:
  std::vector<const ProgramDef*> programs_;
};

bool identifier(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == ' ';
  });
}

ColumnInfo classify(const Matcher& m, std::string_view cell) {
  ColumnInfo c;
  c.header = std::string(tidy(cell));
  std::string_view h = c.header;
  if (h.empty()) return c;
  auto fact = [&](const FactDef* f, Role role) {
    c.role = role;
    c.fact = f->id;
    c.def = f;
    return c;
  };
  std::string_view outer, inner;
  bool bracketed = split_bracket(h, outer, inner);
  // "标签 (fact_id)": the id decides, whatever the label says.
  if (bracketed && identifier(inner)) {
    if (Role r = role_named(inner); r != Role::kPassthrough) return c.role = r, c;
    if (const FactDef* f = m.by_id(inner)) return fact(f, Role::kFact);
    if (const FactDef* f = m.near_id(inner)) return fact(f, Role::kMisspelt);
  }
  if (Role r = role_named(h); r != Role::kPassthrough) return c.role = r, c;
  if (const FactDef* f = m.by_id(h)) return fact(f, Role::kFact);
  if (const FactDef* f = m.by_label(h)) return fact(f, Role::kFact);
  if (bracketed && !outer.empty()) {
    if (Role r = role_named(outer); r != Role::kPassthrough) return c.role = r, c;
    if (const FactDef* f = m.by_label(outer)) return fact(f, Role::kFact);  // "标签（人）"
  }
  if (is_ascii(h)) {
    if (identifier(h)) {
      if (const FactDef* f = m.near_id(h)) return fact(f, Role::kMisspelt);
    }
  } else if (const FactDef* f = m.near_label(bracketed && !outer.empty() ? outer : h)) {
    return fact(f, Role::kMisspelt);
  }
  return c;
}

const char* role_name(Role r) {
  switch (r) {
    case Role::kRegion: return "region";
    case Role::kDate: return "date";
    case Role::kProgram: return "program";
    case Role::kPolicy: return "policy";
    case Role::kFact: return "fact";
    case Role::kMisspelt: return "misspelt";
    case Role::kDuplicate: return "duplicate";
    case Role::kPassthrough: break;
  }
  return "passthrough";
}

}  // namespace

std::vector<ColumnInfo> classify_header(const RuleSet& rules, std::string_view program,
                                        const std::vector<std::string_view>& cells) {
  Matcher m(rules, program);
  std::vector<ColumnInfo> out;
  out.reserve(cells.size());
  for (std::string_view cell : cells) {
    ColumnInfo c = classify(m, cell);
    if (c.role != Role::kPassthrough && c.role != Role::kMisspelt) {
      for (std::size_t j = 0; j < out.size(); ++j) {
        if (out[j].role == c.role && out[j].fact == c.fact) {
          c.duplicate_of = static_cast<int>(j);
          c.role = Role::kDuplicate;
          break;
        }
      }
    }
    out.push_back(std::move(c));
  }
  return out;
}

int refused_column(const std::vector<ColumnInfo>& columns) {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].role == Role::kMisspelt || columns[i].role == Role::kDuplicate) return static_cast<int>(i);
  }
  return -1;
}

std::string refused_message(const RuleSet& rules, const std::vector<ColumnInfo>& columns, int column, bool en) {
  const ColumnInfo& c = columns[static_cast<std::size_t>(column)];
  std::string number = std::to_string(column + 1);
  if (c.role == Role::kDuplicate) return rules.messages.text(Msg::kCsvDuplicateColumn, en, {number, c.header});
  return rules.messages.text(Msg::kCsvMisspeltColumn, en, {number, c.header, c.fact, en ? c.def->label_en : c.def->label});
}

void render_columns(std::string& out, const RuleSet& rules, const std::vector<ColumnInfo>& columns, bool en) {
  JsonOut o(out);
  o.raw("{").key("ok").boolean(true).next("columns").raw("[");
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const ColumnInfo& c = columns[i];
    if (i) o.raw(",");
    o.raw("{").key("index").num(static_cast<std::int64_t>(i)).next("header").str(c.header).next("role").str(role_name(c.role));
    if (c.def) o.next("fact").str(c.fact).next("label").str(en && !c.def->label_en.empty() ? c.def->label_en : c.def->label);
    if (c.role == Role::kDuplicate) o.next("duplicate_of").num(c.duplicate_of);
    if (c.role == Role::kMisspelt || c.role == Role::kDuplicate) {
      o.next("message").str(refused_message(rules, columns, static_cast<int>(i), en));
    }
    o.raw("}");
  }
  o.raw("]}");
}

}  // namespace uie

UIE_COLD_END
