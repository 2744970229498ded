#include "json_reader.h"

#include <vector>

namespace uie {

std::string pointer_token(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

namespace {

// A SAX handler that builds the DOM itself, tracking the pointer of the value
// being read so that errors and number texts can name it.
class DomBuilder {
 public:
  DomBuilder(int max_depth, JsonDocument& doc, JsonReadError& err)
      : max_depth_(max_depth), doc_(doc), err_(err) {}

  bool null() { return put(json(nullptr)); }
  bool boolean(bool v) { return put(json(v)); }
  bool number_integer(json::number_integer_t v) { return put(json(v)); }
  bool number_unsigned(json::number_unsigned_t v) { return put(json(v)); }
  bool number_float(json::number_float_t v, const std::string& text) {
    doc_.number_text[current_pointer()] = text;
    return put(json(v));
  }
  bool string(std::string& v) { return put(json(std::move(v))); }
  bool binary(json::binary_t&) { return fail("invalid_json", "", "请求不是有效的 JSON"); }

  bool start_object(std::size_t) { return open(json::object()); }
  bool start_array(std::size_t) { return open(json::array()); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }

  bool key(std::string& k) {
    json& obj = *stack_.back();
    if (obj.contains(k)) {
      std::string path = pointer_of_parent() + "/" + pointer_token(k);
      return fail("invalid_request", path, "同一个键“" + k + "”出现了两次，无法确定用哪一个");
    }
    pending_key_ = k;
    return true;
  }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception&) {
    if (failed_) return false;  // our own refusal already explained it
    return fail("invalid_json", "",
                "请求不是有效的 JSON（第 " + std::to_string(position) + " 个字节附近有错误）");
  }

 private:
  bool fail(const char* code, std::string path, std::string message) {
    failed_ = true;
    err_ = JsonReadError{code, std::move(path), std::move(message)};
    return false;
  }

  std::string pointer_of_parent() const {
    std::string p;
    for (const auto& seg : path_) p += "/" + seg;
    return p;
  }

  std::string current_pointer() const {
    if (stack_.empty()) return "";
    const json& parent = *stack_.back();
    std::string p = pointer_of_parent();
    if (parent.is_object()) return p + "/" + pointer_token(pending_key_);
    return p + "/" + std::to_string(parent.size());
  }

  // Places a value at the current position and returns where it went.
  json* place(json&& v) {
    if (stack_.empty()) {
      doc_.value = std::move(v);
      return &doc_.value;
    }
    json& parent = *stack_.back();
    if (parent.is_object()) {
      json& slot = parent[pending_key_];
      slot = std::move(v);
      return &slot;
    }
    parent.push_back(std::move(v));
    return &parent.back();
  }

  bool put(json&& v) {
    place(std::move(v));
    return true;
  }

  bool open(json&& container) {
    if (static_cast<int>(stack_.size()) >= max_depth_) {
      return fail("invalid_request", "",
                  "请求的嵌套层数超过 " + std::to_string(max_depth_) + " 层，不予处理");
    }
    std::string segment;
    if (!stack_.empty()) {
      const json& parent = *stack_.back();
      segment = parent.is_object() ? pointer_token(pending_key_) : std::to_string(parent.size());
    }
    json* slot = place(std::move(container));
    if (!stack_.empty()) path_.push_back(segment);  // invariant: one token per non-root container
    stack_.push_back(slot);
    return true;
  }

  bool close() {
    stack_.pop_back();
    if (!path_.empty() && path_.size() >= stack_.size()) path_.pop_back();
    return true;
  }

  int max_depth_;
  JsonDocument& doc_;
  JsonReadError& err_;
  std::vector<json*> stack_;
  std::vector<std::string> path_;  // reference tokens of the containers below the root
  std::string pending_key_;
  bool failed_ = false;
};

}  // namespace

bool read_json(std::string_view text, std::size_t max_bytes, int max_depth, JsonDocument& out,
               JsonReadError& err) {
  out = JsonDocument{};
  if (text.size() > max_bytes) {
    // The size itself is not reported: a reader may stop at the limit, and
    // every front end must give the same bytes for the same request.
    err = {"invalid_request", "", "请求超过 " + std::to_string(max_bytes) + " 字节的上限，不予处理"};
    return false;
  }
  // A raw NUL is never JSON, and the parser would take it for the end of the
  // input and answer the text before it (found by fuzzing).
  if (std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
    err = {"invalid_json", "", "请求不是有效的 JSON（第 " + std::to_string(nul) + " 个字节是空字符 NUL）"};
    return false;
  }
  DomBuilder builder(max_depth, out, err);
  bool ok = json::sax_parse(text.begin(), text.end(), &builder, json::input_format_t::json, true);
  if (!ok) out = JsonDocument{};
  return ok;
}

}  // namespace uie
