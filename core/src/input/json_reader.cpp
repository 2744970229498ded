#include "input/json_reader.h"

#include <algorithm>

#include "base/json_out.h"

namespace uie {

using nlohmann::json;

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

// The checks both readers make before parsing.
bool precheck(std::string_view text, std::size_t max_bytes, JsonReadError& err) {
  if (text.size() > max_bytes) {
    // The size itself is not reported: a reader may stop at the limit, and
    // every front end must give the same bytes for the same request.
    err = {"invalid_request", "", Msg::kTooLarge, std::to_string(max_bytes)};
    return false;
  }
  // A raw NUL is never JSON, and the parser would take it for the end of the
  // input and answer the text before it (found by fuzzing).
  if (std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
    err = {"invalid_json", "", Msg::kNulByte, std::to_string(nul)};
    return false;
  }
  return true;
}

// Shared by both SAX handlers: refusals of ours stop the parse; a syntax error
// reports the byte where the parser stopped (unless ours came first).
struct Refusals {
  JsonReadError& err;
  bool failed = false;
  bool fail(const char* code, std::string path, Msg m, std::string arg) {
    failed = true;
    err = JsonReadError{code, std::move(path), m, std::move(arg)};
    return false;
  }
  bool syntax(std::size_t position) {
    if (failed) return false;
    return fail("invalid_json", "", Msg::kNotJson, std::to_string(position));
  }
};

// Builds a nlohmann DOM for a rule pack, tracking the pointer of the value
// being read so that a duplicate key can be named.
class DomBuilder {
 public:
  DomBuilder(int max_depth, json& out, JsonReadError& err) : max_depth_(max_depth), out_(out), refuse_{err} {}

  bool null() { return put(json(nullptr)); }
  bool boolean(bool v) { return put(json(v)); }
  bool number_integer(json::number_integer_t v) { return put(json(v)); }
  bool number_unsigned(json::number_unsigned_t v) { return put(json(v)); }
  bool number_float(json::number_float_t v, const std::string&) { return put(json(v)); }
  bool string(std::string& v) { return put(json(std::move(v))); }
  bool binary(json::binary_t&) { return refuse_.syntax(0); }
  bool start_object(std::size_t) { return open(json::object()); }
  bool start_array(std::size_t) { return open(json::array()); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }

  bool key(std::string& k) {
    json& obj = *stack_.back();
    if (obj.contains(k)) return refuse_.fail("invalid_request", pointer() + "/" + pointer_token(k), Msg::kDuplicateKey, k);
    pending_key_ = k;
    return true;
  }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception&) {
    return refuse_.syntax(position);
  }

 private:
  std::string pointer() const {
    std::string p;
    for (const auto& seg : path_) p += "/" + seg;
    return p;
  }

  json* place(json&& v) {
    if (stack_.empty()) {
      out_ = std::move(v);
      return &out_;
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
      return refuse_.fail("invalid_request", "", Msg::kTooDeep, std::to_string(max_depth_));
    }
    std::string segment;
    if (!stack_.empty()) {
      const json& parent = *stack_.back();
      segment = parent.is_object() ? pointer_token(pending_key_) : std::to_string(parent.size());
    }
    json* slot = place(std::move(container));
    if (!stack_.empty()) path_.push_back(segment);
    stack_.push_back(slot);
    return true;
  }

  bool close() {
    stack_.pop_back();
    if (!path_.empty() && path_.size() >= stack_.size()) path_.pop_back();
    return true;
  }

  int max_depth_;
  json& out_;
  Refusals refuse_;
  std::vector<json*> stack_;
  std::vector<std::string> path_;
  std::string pending_key_;
};

}  // namespace

bool read_json_dom(std::string_view text, std::size_t max_bytes, int max_depth, json& out, JsonReadError& err) {
  out = json();
  if (!precheck(text, max_bytes, err)) return false;
  DomBuilder builder(max_depth, out, err);
  bool ok = json::sax_parse(text.begin(), text.end(), &builder, json::input_format_t::json, true);
  if (!ok) out = json();
  return ok;
}

bool JsonTree::parse(std::string_view text, std::size_t max_bytes, int max_depth, JsonReadError& err) {
  nodes_.clear();
  arena_.clear();
  if (!precheck(text, max_bytes, err)) return false;
  return parse_json_tree(text, max_depth, *this, err);
}

const JsonTree::Node* JsonTree::member(const Node& object, std::string_view name) const {
  for (std::int32_t c = object.first; c >= 0; c = node(c).next) {
    if (key(node(c)) == name) return &node(c);
  }
  return nullptr;
}

namespace {

void dump_into(const JsonTree& t, const JsonTree::Node& n, std::string& out) {
  using T = JsonTree::Type;
  switch (n.type) {
    case T::kNull: out += "null"; return;
    case T::kBool: out += n.flag ? "true" : "false"; return;
    case T::kInteger: append_int(out, n.integer); return;
    case T::kUnsigned: out += std::to_string(n.unsigned_); return;
    case T::kFloat: out += double_text(n.real); return;
    case T::kString: append_json_string(out, t.text(n)); return;
    case T::kArray: {
      out += '[';
      bool first = true;
      for (std::int32_t c = n.first; c >= 0; c = t.node(c).next) {
        if (!first) out += ',';
        first = false;
        dump_into(t, t.node(c), out);
      }
      out += ']';
      return;
    }
    case T::kObject: {
      // nlohmann's json keeps members sorted by name (std::map).
      std::vector<const JsonTree::Node*> members;
      for (std::int32_t c = n.first; c >= 0; c = t.node(c).next) members.push_back(&t.node(c));
      std::sort(members.begin(), members.end(),
                [&](const JsonTree::Node* a, const JsonTree::Node* b) { return t.key(*a) < t.key(*b); });
      out += '{';
      bool first = true;
      for (const auto* m : members) {
        if (!first) out += ',';
        first = false;
        append_json_string(out, t.key(*m));
        out += ':';
        dump_into(t, *m, out);
      }
      out += '}';
      return;
    }
  }
}

}  // namespace

std::string JsonTree::dump(const Node& n) const {
  std::string out;
  dump_into(*this, n, out);
  return out;
}

}  // namespace uie
