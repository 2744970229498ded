// What one answer line of a batch session must look like, by output kind
// (uie::BatchOutput, core/include/uie/engine.h): valid JSON (and so valid
// UTF-8), an error a contract error, a screening line whose fields agree with
// each other, a full answer well-formed under tests/hostile/check_response.h.
// Used by fuzz_csv; exception-free like the other fuzz checks.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "check_response.h"
#include "uie/engine.h"

namespace uie_fuzz {

using nlohmann::json;

// The lines of `text`, each without its '\n'; the text must end with one.
inline bool split_lines(std::string_view text, std::vector<std::string_view>& lines) {
  lines.clear();
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) return false;
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return true;
}

inline bool strings_array(const json* a) {
  if (!a || !a->is_array()) return false;
  for (const json& s : *a) {
    if (!s.is_string()) return false;
  }
  return true;
}

// {"ok":false,"error":{"code","path","message"[,"latest"]}}.
inline std::string check_error_line(const json& r) {
  const json* e = uie_check::member(r, "error");
  const json* code = e ? uie_check::member(*e, "code") : nullptr;
  const json* path = e ? uie_check::member(*e, "path") : nullptr;
  const json* message = e ? uie_check::member(*e, "message") : nullptr;
  if (!code || !code->is_string() || !uie_check::is_error_code(code->get<std::string>())) return "error.code is not a contract code";
  if (!path || !path->is_string() || !uie_check::pointer_syntax_ok(path->get<std::string>())) return "error.path is not a JSON Pointer";
  if (!message || !message->is_string() || message->get<std::string>().empty()) return "error.message is empty";
  return "";
}

// A screening line (kLines, or kReasons with `reasons`), or an error.
inline std::string check_screen_line(const json& r, bool reasons) {
  if (const json* ok = uie_check::member(r, "ok")) {
    if (!ok->is_boolean() || ok->get<bool>()) return "a screening line with \"ok\" that is not false";
    return check_error_line(r);
  }
  const json* eligible = uie_check::member(r, "eligible");
  const json* fen = uie_check::member(r, "amount_fen");
  const json* failed = uie_check::member(r, "failed");
  const json* missing = uie_check::member(r, "missing");
  if (!eligible || !(eligible->is_boolean() || eligible->is_null())) return "eligible is not true/false/null";
  if (!fen || !(fen->is_null() || (fen->is_number_integer() && fen->get<std::int64_t>() >= 0))) return "amount_fen is not a count of fen";
  if (!strings_array(failed) || !strings_array(missing)) return "failed or missing is not an array of ids";
  if (reasons) {
    // A sentence per failed condition, and one naming the missing facts.
    const json* sentences = uie_check::member(r, "reasons");
    if (!strings_array(sentences)) return "reasons is not an array of sentences";
    if (sentences->size() != failed->size() + (missing->empty() ? 0 : 1)) {
      return std::to_string(sentences->size()) + " reasons for " + std::to_string(failed->size()) + " failed conditions and " +
             std::to_string(missing->size()) + " missing facts";
    }
  }
  if (!eligible->is_null() && !missing->empty()) return "a decided line still lists missing facts";
  if (eligible->is_boolean() && eligible->get<bool>() && !failed->empty()) return "eligible, yet a condition failed";
  if (eligible->is_boolean() && !eligible->get<bool>()) {
    if (failed->empty()) return "not eligible, yet no condition failed";
    if (!(fen->is_number_integer() && fen->get<std::int64_t>() == 0)) return "not eligible, but amount_fen is not 0";
  }
  return "";
}

// One answer line of a table batch (its request is the row, not JSON text).
inline std::string check_line(uie::BatchOutput kind, std::string_view line) {
  json r = json::parse(line.begin(), line.end(), nullptr, false);
  if (r.is_discarded() || !r.is_object()) return "not a JSON object (or not UTF-8)";
  if (kind != uie::BatchOutput::kFull) return check_screen_line(r, kind == uie::BatchOutput::kReasons);
  const json* ok = uie_check::member(r, "ok");
  if (!ok || !ok->is_boolean()) return "a full answer without a boolean ok";
  if (!ok->get<bool>()) return check_error_line(r);
  // A success is held to the contract's checks against the request as far
  // as a row shows it: its program (the facts came as cells).
  json request = {{"program", uie_check::member(r, "program") ? r["program"] : json()}};
  return uie_check::check_response(request.dump(), line);
}

// `other` (kReasons or kFull) says what the screening line `line` (kLines)
// of the same item says: kReasons adds to its fields; a full answer has the
// same eligible, amount_fen, missing or error, and fails the conditions the
// line lists, in order.
inline std::string check_agrees_with_screen_line(uie::BatchOutput kind, std::string_view other, std::string_view line) {
  json a = json::parse(other.begin(), other.end(), nullptr, false);
  json b = json::parse(line.begin(), line.end(), nullptr, false);
  if (a.is_discarded() || b.is_discarded() || !b.is_object()) return "not JSON";
  for (auto it = b.begin(); it != b.end(); ++it) {
    const std::string& k = it.key();
    bool shared = kind == uie::BatchOutput::kReasons || k == "eligible" || k == "amount_fen" || k == "missing" ||
                  k == "ok" || k == "error";
    if (!shared) continue;
    const json* mine = uie_check::member(a, k.c_str());
    if (!mine || *mine != it.value()) return "\"" + k + "\" differs from the screening line's";
  }
  if (kind != uie::BatchOutput::kFull || !uie_check::member(b, "failed")) return "";
  json failed = json::array();
  if (const json* conditions = uie_check::member(a, "conditions"); conditions && conditions->is_array()) {
    for (const json& c : *conditions) {
      const json* passed = uie_check::member(c, "passed");
      const json* id = uie_check::member(c, "id");
      if (passed && passed->is_boolean() && !passed->get<bool>()) failed.push_back(id ? *id : json());
    }
  }
  return failed == b["failed"] ? "" : "the failed conditions differ from the screening line's";
}

// Whether two runs' answer lines say the same but for one member.
inline bool same_but(std::string_view a, std::string_view b, const char* name) {
  std::vector<std::string_view> x, y;
  if (!split_lines(a, x) || !split_lines(b, y) || x.size() != y.size()) return false;
  for (std::size_t i = 0; i < x.size(); ++i) {
    json p = json::parse(x[i].begin(), x[i].end(), nullptr, false);
    json q = json::parse(y[i].begin(), y[i].end(), nullptr, false);
    if (p.is_object()) p.erase(name);
    if (q.is_object()) q.erase(name);
    if (p.is_discarded() || p != q) return false;
  }
  return true;
}

// The records of a CSV table as written by the session (a cell holding a
// line break is quoted, so only a '\n' outside quotes ends a record).
inline std::size_t table_records(std::string_view table) {
  std::size_t n = 0;
  bool quoted = false;
  for (char c : table) {
    if (c == '"') quoted = !quoted;
    else if (c == '\n' && !quoted) ++n;
  }
  return n;
}

}  // namespace uie_fuzz
