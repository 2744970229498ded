#include "pack/pack_json.h"

#include <algorithm>

#include "input/json_reader.h"

namespace uie {

std::string ptr(const std::string& base, const std::string& key) { return base + "/" + pointer_token(key); }
std::string ptr(const std::string& base, std::size_t index) { return base + "/" + std::to_string(index); }

namespace {

template <typename List>
void check_keys_in(const json& j, const List& allowed, const std::string& at, Reporter& r) {
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (it.key() == "comment" || it.key() == "$schema") continue;  // notes for people, a schema for their editor
    bool known = std::any_of(allowed.begin(), allowed.end(), [&](const char* a) { return it.key() == a; });
    if (!known) r.issue(issue::kUnknownKey, ptr(at, it.key()), "未知的键“" + it.key() + "”");
  }
}

}  // namespace

void check_keys(const json& j, std::initializer_list<const char*> allowed, const std::string& at, Reporter& r) {
  check_keys_in(j, allowed, at, r);
}

void check_keys(const json& j, const std::vector<const char*>& allowed, const std::string& at, Reporter& r) {
  check_keys_in(j, allowed, at, r);
}

bool need_object(const json& j, const std::string& at, Reporter& r) {
  if (!j.is_object()) r.issue(issue::kType, at, "应为对象");
  return j.is_object();
}

std::string get_string(const json& j, const char* key, const std::string& at, Reporter& r, bool required) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) {
    if (required) r.issue(issue::kMissing, ptr(at, key), std::string("缺少“") + key + "”");
    return "";
  }
  if (!it->is_string() || it->get_ref<const std::string&>().empty()) {
    r.issue(issue::kType, ptr(at, key), std::string("“") + key + "”应为非空字符串");
    return "";
  }
  return it->get<std::string>();
}

bool get_bool(const json& j, const char* key, const std::string& at, Reporter& r, bool fallback) {
  auto it = j.find(key);
  if (it == j.end()) return fallback;
  if (!it->is_boolean()) {
    r.issue(issue::kType, ptr(at, key), std::string("“") + key + "”应为 true 或 false");
    return fallback;
  }
  return it->get<bool>();
}

std::optional<Date> get_date(const json& j, const char* key, const std::string& at, Reporter& r, bool required) {
  std::string s = get_string(j, key, at, r, required);
  if (s.empty()) return std::nullopt;
  auto d = Date::parse(s);
  if (!d) r.issue(issue::kDate, ptr(at, key), "日期“" + s + "”不是有效的 YYYY-MM-DD 日期");
  return d;
}

std::optional<std::int64_t> get_int(const json& j, const char* key, const std::string& at, Reporter& r) {
  auto it = j.find(key);
  if (it == j.end()) return std::nullopt;
  if (!it->is_number_integer()) {
    r.issue(issue::kType, ptr(at, key), std::string("“") + key + "”应为整数");
    return std::nullopt;
  }
  return it->get<std::int64_t>();
}

std::vector<std::string> get_string_list(const json& j, const char* key, const std::string& at, Reporter& r) {
  std::vector<std::string> out;
  auto it = j.find(key);
  if (it == j.end()) return out;
  if (!it->is_array()) {
    r.issue(issue::kType, ptr(at, key), std::string("“") + key + "”应为字符串数组");
    return out;
  }
  for (std::size_t i = 0; i < it->size(); ++i) {
    const json& v = (*it)[i];
    if (!v.is_string()) r.issue(issue::kType, ptr(ptr(at, key), i), "应为字符串");
    else out.push_back(v.get<std::string>());
  }
  return out;
}

RawCite read_cite(const json& j, const std::string& at, Reporter& r, const std::string& doc_no) {
  RawCite c;
  if (!need_object(j, at, r)) return c;
  check_keys(j, {"doc_no", "clause", "quote", "basis"}, at, r);
  // A cite without its own document number is the pack's: filled in here, so
  // that inherited rules keep citing the document that set them.
  c.doc_no = j.contains("doc_no") ? get_string(j, "doc_no", at, r) : doc_no;
  c.clause = get_string(j, "clause", at, r);
  c.quote = get_string(j, "quote", at, r);
  c.basis = get_string(j, "basis", at, r, false);
  return c;
}

RawCite need_cite(const json& j, const std::string& at, Reporter& r, const std::string& doc_no) {
  auto it = j.find("cite");
  if (it == j.end()) {
    r.issue(issue::kCite, ptr(at, "cite"), "缺少出处（cite：文号、条款、原文）");
    return {};
  }
  return read_cite(*it, ptr(at, "cite"), r, doc_no);
}

bool is_region_code(const std::string& s) {
  return s.size() == 6 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace uie
