#include "corpus.h"

#include <fstream>

namespace uie_test {

using nlohmann::json;

std::string corpus_path() { return std::string(UIE_SOURCE_DIR) + "/tests/malformed/cases.jsonl"; }

bool base64_decode(const std::string& in, std::string& out) {
  out.clear();
  unsigned buffer = 0;
  int bits = 0;
  std::size_t padding = 0;
  for (char c : in) {
    int v;
    if (c >= 'A' && c <= 'Z') v = c - 'A';
    else if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
    else if (c >= '0' && c <= '9') v = c - '0' + 52;
    else if (c == '+') v = 62;
    else if (c == '/') v = 63;
    else if (c == '=') { ++padding; continue; }
    else return false;
    if (padding) return false;  // data after padding
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFFu);
    }
  }
  return (in.size() % 4) == 0 && padding <= 2;
}

// {"parts": [[text, count], ...], "total": N}: the parts repeated and joined;
// one part may have the count "fill", repeated to make the whole `total` bytes.
bool expand_gen(const json& gen, std::string& out, std::string& error) {
  out.clear();
  if (!gen.is_object() || !gen.contains("parts") || !gen["parts"].is_array()) {
    error = "gen needs an array \"parts\"";
    return false;
  }
  std::size_t fixed = 0;
  int fills = 0;
  std::string fill_text;
  for (const json& p : gen["parts"]) {
    if (!p.is_array() || p.size() != 2 || !p[0].is_string() || p[0].get<std::string>().empty()) {
      error = "each part is [non-empty text, count]";
      return false;
    }
    if (p[1].is_number_unsigned()) fixed += p[0].get<std::string>().size() * p[1].get<std::size_t>();
    else if (p[1] == "fill") { ++fills; fill_text = p[0].get<std::string>(); }
    else { error = "a part's count is a non-negative integer or \"fill\""; return false; }
  }
  std::size_t fill_count = 0;
  if (fills > 1) { error = "at most one \"fill\" part"; return false; }
  if (fills == 1) {
    if (!gen.contains("total") || !gen["total"].is_number_unsigned()) { error = "\"fill\" needs \"total\""; return false; }
    std::size_t total = gen["total"].get<std::size_t>();
    if (total < fixed || (total - fixed) % fill_text.size() != 0) { error = "\"total\" cannot be reached"; return false; }
    fill_count = (total - fixed) / fill_text.size();
  }
  for (const json& p : gen["parts"]) {
    const std::string& text = p[0].get_ref<const std::string&>();
    std::size_t n = p[1].is_number_unsigned() ? p[1].get<std::size_t>() : fill_count;
    out.reserve(out.size() + text.size() * n);
    for (std::size_t k = 0; k < n; ++k) out += text;
  }
  if (gen.contains("total") && out.size() != gen["total"].get<std::size_t>()) {
    error = "\"total\" does not match the parts";
    return false;
  }
  return true;
}

std::vector<Case> load_cases(const std::string& path, std::string& error) {
  std::vector<Case> cases;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot read " + path;
    return cases;
  }
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    const std::string where = path + ":" + std::to_string(number) + ": ";
    json j = json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("name") || !j["name"].is_string() ||
        !j.contains("category") || !j["category"].is_string() || !j.contains("expect") ||
        !j["expect"].is_object()) {
      error = where + "each line is an object with name, category and expect";
      return cases;
    }
    Case c;
    c.name = j["name"].get<std::string>();
    c.category = j["category"].get<std::string>();
    c.expect = j["expect"];
    int sources = int(j.contains("text")) + int(j.contains("b64")) + int(j.contains("gen"));
    if (sources != 1) {
      error = where + c.name + ": exactly one of text, b64, gen";
      return cases;
    }
    if (j.contains("text")) {
      if (!j["text"].is_string()) { error = where + c.name + ": text is a string"; return cases; }
      c.bytes = j["text"].get<std::string>();
    } else if (j.contains("b64")) {
      if (!j["b64"].is_string() || !base64_decode(j["b64"].get<std::string>(), c.bytes)) {
        error = where + c.name + ": b64 is not base64";
        return cases;
      }
    } else {
      std::string why;
      if (!expand_gen(j["gen"], c.bytes, why)) {
        error = where + c.name + ": " + why;
        return cases;
      }
    }
    const json& e = c.expect;
    bool is_error = e.contains("code") && e["code"].is_string() && e.contains("path") && e["path"].is_string();
    bool is_ok = e.contains("ok") && e["ok"] == true && !e.contains("code");
    if (is_error == is_ok) {
      error = where + c.name + ": expect is {code, path} or {ok: true, ...}";
      return cases;
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

}  // namespace uie_test
