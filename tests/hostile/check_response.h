// Checks that a response is a well-formed answer to its request under the
// contract (shared/spec/estimate-api.md §2): valid JSON, a known error code
// with a JSON Pointer that names a value of the request, or a success whose
// amounts agree with each other and with its conditions.
//
// Header-only and exception-free (find/is_* before every access), so that
// the libFuzzer harnesses, built with -fno-exceptions -DJSON_NOEXCEPTION,
// use the very same checks as the Catch2 suite.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace uie_check {

using json = nlohmann::json;

inline const json* member(const json& j, const char* key) {
  if (!j.is_object()) return nullptr;
  auto it = j.find(key);
  return it == j.end() ? nullptr : &*it;
}

// Whether `r` is an error response with exactly this code and path.
inline bool error_is(const json& r, const char* code, const char* path) {
  const json* e = member(r, "error");
  const json* c = e ? member(*e, "code") : nullptr;
  const json* p = e ? member(*e, "path") : nullptr;
  return c && p && c->is_string() && p->is_string() && *c == code && *p == path;
}

inline bool is_error_code(const std::string& c) {
  static const char* const codes[] = {"invalid_json",       "invalid_request", "unknown_region",
                                      "unknown_program",    "unknown_fact",    "invalid_fact",
                                      "inconsistent_facts", "no_policy_in_force", "unknown_policy"};
  for (const char* k : codes) {
    if (c == k) return true;
  }
  return false;
}

// RFC 6901: "" or "/" tokens, where "~" is only ever "~0" or "~1".
inline bool pointer_syntax_ok(const std::string& p) {
  if (p.empty()) return true;
  if (p[0] != '/') return false;
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (p[i] == '~' && (i + 1 >= p.size() || (p[i + 1] != '0' && p[i + 1] != '1'))) return false;
  }
  return true;
}

inline std::string unescape_token(const std::string& t) {
  std::string out;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '~' && i + 1 < t.size()) {
      out += t[i + 1] == '0' ? '~' : '/';
      ++i;
    } else {
      out += t[i];
    }
  }
  return out;
}

// The value `pointer` names in `doc`, or nullptr.
inline const json* resolve(const json& doc, const std::string& pointer) {
  const json* cur = &doc;
  std::size_t i = 0;
  while (i < pointer.size()) {
    std::size_t next = pointer.find('/', i + 1);
    if (next == std::string::npos) next = pointer.size();
    std::string token = unescape_token(pointer.substr(i + 1, next - i - 1));
    if (cur->is_object()) {
      auto it = cur->find(token);
      if (it == cur->end()) return nullptr;
      cur = &*it;
    } else if (cur->is_array()) {
      if (token.empty() || token.size() > 9 || (token.size() > 1 && token[0] == '0')) return nullptr;
      std::size_t index = 0;
      for (char c : token) {
        if (c < '0' || c > '9') return nullptr;
        index = index * 10 + static_cast<std::size_t>(c - '0');
      }
      if (index >= cur->size()) return nullptr;
      cur = &(*cur)[index];
    } else {
      return nullptr;
    }
    i = next;
  }
  return cur;
}

inline std::string yuan_of(std::int64_t fen) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%lld.%02lld", static_cast<long long>(fen / 100), static_cast<long long>(fen % 100));
  return buf;
}

// "" when `response` is a well-formed answer to `request`; otherwise the first
// thing wrong with it.
inline std::string check_response(std::string_view request, std::string_view response) {
  json r = json::parse(response.begin(), response.end(), nullptr, false);
  if (r.is_discarded()) return "the response is not valid JSON (or not valid UTF-8)";
  const json* ok = member(r, "ok");
  if (!ok || !ok->is_boolean()) return "the response has no boolean \"ok\"";
  // The request as JSON, parsed only where a check needs it (it may be a
  // megabyte of anything); discarded when it is not JSON.
  json q;
  bool parsed = false;
  auto request_json = [&]() -> const json& {
    if (!parsed) q = json::parse(request.begin(), request.end(), nullptr, false);
    parsed = true;
    return q;
  };

  if (!ok->get<bool>()) {
    const json* e = member(r, "error");
    if (!e || !e->is_object()) return "an error response without an \"error\" object";
    const json* code = member(*e, "code");
    const json* path = member(*e, "path");
    const json* message = member(*e, "message");
    if (!code || !code->is_string() || !is_error_code(code->get<std::string>())) return "error.code is not a contract code";
    if (!path || !path->is_string() || !pointer_syntax_ok(path->get<std::string>())) return "error.path is not a JSON Pointer";
    if (!message || !message->is_string() || message->get<std::string>().empty()) return "error.message is empty";
    const std::string c = code->get<std::string>();
    const std::string p = path->get<std::string>();
    if (c == "invalid_json" && !p.empty()) return "invalid_json must point at the whole request";
    if (c == "no_policy_in_force") {
      // The latest policy for the region and program, where there is one.
      const json* latest = member(*e, "latest");
      if (latest && !(latest->is_object() && member(*latest, "id"))) return "error.latest is not a policy";
    }
    if (!p.empty()) {
      // The reader refuses a duplicate key where it meets it, before any later
      // syntax error: the one path allowed into a text that is not JSON.
      if (request_json().is_discarded()) return c == "invalid_request" ? "" : "a path into a request that is not JSON";
      if (!resolve(q, p)) {
        // Only a required member that is absent may be named without a value.
        std::size_t cut = p.rfind('/');
        const json* parent = resolve(q, p.substr(0, cut));
        bool absent_member = parent && parent->is_object() &&
                             (c == "invalid_request" || c == "no_policy_in_force");
        if (!absent_member) return "error.path " + p + " names no value of the request";
      }
    }
    return "";
  }

  if (request_json().is_discarded() || !q.is_object()) return "a success for a request that is not a JSON object";
  // A raw NUL byte is JSON nowhere (RFC 8259); nlohmann's reader, the one used
  // here as well, takes it for the end of the text.
  if (request.find('\0') != std::string_view::npos) return "a success for a request holding a NUL byte";
  const json* program = member(r, "program");
  const json* qprogram = member(q, "program");
  if (!program || !qprogram || *program != *qprogram) return "the response's program is not the request's";
  const json* policy = member(r, "policy");
  if (!policy || !policy->is_object() || !member(*policy, "id") || !member(*policy, "id")->is_string())
    return "a success without policy.id";
  const json* eligible = member(r, "eligible");
  if (!eligible || !(eligible->is_boolean() || eligible->is_null())) return "eligible is not true/false/null";
  const json* fen = member(r, "amount_fen");
  const json* yuan = member(r, "amount_yuan");
  if (!fen || !yuan) return "amount_fen or amount_yuan is absent";
  if (fen->is_null() != yuan->is_null()) return "amount_fen and amount_yuan disagree on null";
  if (!fen->is_null()) {
    if (!fen->is_number_integer()) return "amount_fen is not an integer";
    std::int64_t f = fen->get<std::int64_t>();
    if (f < 0) return "amount_fen is negative";
    if (!yuan->is_string() || yuan->get<std::string>() != yuan_of(f)) return "amount_yuan is not amount_fen in yuan";
  }
  if (eligible->is_boolean() && !eligible->get<bool>() && !(fen->is_number_integer() && fen->get<std::int64_t>() == 0))
    return "not eligible, but amount_fen is not 0";
  const json* missing = member(r, "missing");
  if (!missing || !missing->is_array()) return "missing is not an array";
  const json* facts = member(q, "facts");
  for (const json& m : *missing) {
    if (!m.is_string()) return "missing lists a non-string";
    if (facts && facts->is_object() && facts->contains(m.get<std::string>())) return "missing lists a fact the request gives";
  }
  if (!eligible->is_null() && !missing->empty()) return "a decided answer still lists missing facts";
  const json* conditions = member(r, "conditions");
  if (!conditions || !conditions->is_array()) return "conditions is not an array";
  bool any_failed = false, any_open = false;
  for (const json& k : *conditions) {
    const json* id = member(k, "id");
    const json* passed = member(k, "passed");
    const json* text = member(k, "text");
    const json* cite = member(k, "cite");
    if (!id || !id->is_string()) return "a condition without id";
    if (!passed || !(passed->is_boolean() || passed->is_null())) return "a condition's passed is not true/false/null";
    if (!text || !text->is_string() || text->get<std::string>().empty()) return "a condition without text";
    if (!cite || !cite->is_object()) return "a condition without cite";
    if (passed->is_boolean() && !passed->get<bool>()) any_failed = true;
    if (passed->is_null()) any_open = true;
  }
  // Undecided for a reason the answer shows: facts still missing, or a
  // condition left open (read two ways, or left to the office).
  if (eligible->is_null() && missing->empty() && !any_open) return "eligible is null with nothing missing and no condition undecided";
  if (eligible->is_boolean() && eligible->get<bool>() && any_failed) return "eligible, yet a condition failed";
  if (eligible->is_boolean() && !eligible->get<bool>() && !any_failed) return "not eligible, yet no condition failed";
  return "";
}

}  // namespace uie_check
