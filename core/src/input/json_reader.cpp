#include "input/json_reader.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

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

// Builds a JsonTree: nodes in one array, strings in one arena.
class TreeBuilder {
 public:
  TreeBuilder(int max_depth, JsonTree& tree, JsonReadError& err)
      : max_depth_(max_depth), nodes_(tree.nodes()), arena_(tree.arena()), tree_(tree), refuse_{err} {}

  bool null() { return add(JsonTree::Type::kNull).first >= 0; }
  bool boolean(bool v) {
    auto [i, n] = add(JsonTree::Type::kBool);
    n->flag = v;
    return true;
  }
  bool number_integer(json::number_integer_t v) {
    add(JsonTree::Type::kInteger).second->integer = v;
    return true;
  }
  bool number_unsigned(json::number_unsigned_t v) {
    auto* n = add(JsonTree::Type::kUnsigned).second;
    n->unsigned_ = v;
    if (v <= static_cast<std::uint64_t>(INT64_MAX)) {
      n->type = JsonTree::Type::kInteger;
      n->integer = static_cast<std::int64_t>(v);
    }
    return true;
  }
  bool number_float(json::number_float_t v, const std::string& source) {
    auto* n = add(JsonTree::Type::kFloat).second;
    n->real = v;
    store(source, n->text, n->text_len);
    return true;
  }
  bool string(std::string& v) {
    auto* n = add(JsonTree::Type::kString).second;
    store(v, n->text, n->text_len);
    return true;
  }
  bool binary(json::binary_t&) { return refuse_.syntax(0); }
  bool start_object(std::size_t) { return open(JsonTree::Type::kObject); }
  bool start_array(std::size_t) { return open(JsonTree::Type::kArray); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }

  bool key(std::string& k) {
    if (duplicate(k)) return refuse_.fail("invalid_request", pointer() + "/" + pointer_token(k), Msg::kDuplicateKey, k);
    store(k, pending_key_, pending_key_len_);
    return true;
  }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception&) {
    return refuse_.syntax(position);
  }

 private:
  void store(const std::string& s, std::uint32_t& at, std::uint32_t& len) {
    at = static_cast<std::uint32_t>(arena_.size());
    len = static_cast<std::uint32_t>(s.size());
    arena_.append(s);
  }

  std::pair<std::int32_t, JsonTree::Node*> add(JsonTree::Type type) {
    auto index = static_cast<std::int32_t>(nodes_.size());
    nodes_.emplace_back();
    JsonTree::Node& n = nodes_.back();
    n.type = type;
    if (!stack_.empty()) {
      JsonTree::Node& parent = nodes_[static_cast<std::size_t>(stack_.back())];
      n.ordinal = parent.size++;
      if (parent.type == JsonTree::Type::kObject) {
        n.key = pending_key_;
        n.key_len = pending_key_len_;
      }
      std::int32_t& last = last_child_[stack_.size() - 1];
      if (last < 0) parent.first = index;
      else nodes_[static_cast<std::size_t>(last)].next = index;
      last = index;
    }
    return {index, &nodes_.back()};
  }

  bool open(JsonTree::Type type) {
    if (static_cast<int>(stack_.size()) >= max_depth_) {
      return refuse_.fail("invalid_request", "", Msg::kTooDeep, std::to_string(max_depth_));
    }
    auto [index, n] = add(type);
    (void)n;
    stack_.push_back(index);
    last_child_.resize(stack_.size());
    last_child_.back() = -1;
    return true;
  }

  bool close() {
    stack_.pop_back();
    last_child_.resize(stack_.size());
    return true;
  }

  // Small objects are scanned; a big one (only hostile input has one) keeps
  // its names in a set, so duplicate checks stay linear in the input.
  bool duplicate(const std::string& k) {
    const JsonTree::Node& obj = nodes_[static_cast<std::size_t>(stack_.back())];
    if (obj.size >= kScanLimit) {
      auto& names = big_names_[stack_.back()];
      if (names.empty()) {
        for (std::int32_t c = obj.first; c >= 0; c = nodes_[static_cast<std::size_t>(c)].next) {
          names.insert(std::string(tree_.key(nodes_[static_cast<std::size_t>(c)])));
        }
      }
      return !names.insert(k).second;
    }
    for (std::int32_t c = obj.first; c >= 0; c = nodes_[static_cast<std::size_t>(c)].next) {
      const JsonTree::Node& child = nodes_[static_cast<std::size_t>(c)];
      if (child.key_len == k.size() && arena_.compare(child.key, child.key_len, k) == 0) return true;
    }
    return false;
  }

  // The pointer of the object being read.
  std::string pointer() const {
    std::string p;
    for (std::size_t d = 1; d < stack_.size(); ++d) {
      const JsonTree::Node& parent = nodes_[static_cast<std::size_t>(stack_[d - 1])];
      const JsonTree::Node& n = nodes_[static_cast<std::size_t>(stack_[d])];
      p += "/";
      if (parent.type == JsonTree::Type::kObject) p += pointer_token(tree_.key(n));
      else p += std::to_string(n.ordinal);
    }
    return p;
  }

  static constexpr std::uint32_t kScanLimit = 32;
  int max_depth_;
  std::unordered_map<std::int32_t, std::unordered_set<std::string>> big_names_;
  std::vector<JsonTree::Node>& nodes_;
  std::string& arena_;
  const JsonTree& tree_;
  Refusals refuse_;
  std::vector<std::int32_t> stack_;
  std::vector<std::int32_t> last_child_;
  std::uint32_t pending_key_ = 0, pending_key_len_ = 0;
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
  TreeBuilder builder(max_depth, *this, err);
  return json::sax_parse(text.begin(), text.end(), &builder, json::input_format_t::json, true);
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
