// What fuzz_json holds the request parser to (core/src/input/json_parse.cpp,
// JsonTree): nlohmann/json's own parser, driven through its SAX interface, is
// the oracle. For every text both give the same verdict; a refusal the same
// code, pointer, message and argument (a syntax error: the byte position
// nlohmann reports to parse_error, as tests/unit/json_parse_test.cpp compares
// it); an acceptance the same values in the same order, number types and the
// digits of every float included. The project's own rules on top of JSON —
// size, raw NUL, nesting depth, a key named twice in one object — are
// re-stated here independently of json_reader.cpp, from its header comment.
//
// Exception-free (the fuzz preset builds with -fno-exceptions
// -DJSON_NOEXCEPTION): only the non-throwing nlohmann entry points are used.
#pragma once

#include <cstdint>
#include <cstring>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "input/json_reader.h"
#include "uie/engine.h"

namespace uie_fuzz {

using njson = nlohmann::json;

// One parse event as text, the same whichever side produced it. The project
// folds nlohmann's "unsigned" (no minus sign) into a signed integer wherever
// it fits (JsonTree::Type::kInteger), so both sides name an integer by its
// value, and only an unsigned past INT64_MAX as such.
inline std::string integer_event(std::int64_t v) { return "int " + std::to_string(v); }
inline std::string unsigned_event(std::uint64_t v) {
  return v <= static_cast<std::uint64_t>(INT64_MAX) ? integer_event(static_cast<std::int64_t>(v)) : "uint " + std::to_string(v);
}
inline std::string float_event(double v, std::string_view source) {
  std::uint64_t bits = 0;
  std::memcpy(&bits, &v, sizeof bits);  // bit for bit: -0.0 is not 0.0
  return "float " + std::to_string(bits) + " " + std::string(source);
}

// RFC 6901, written here again so that the oracle owes nothing to the code it checks.
inline std::string pointer_escape(std::string_view key) {
  std::string out;
  for (char c : key) out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
  return out;
}

// The oracle: nlohmann's SAX events, with the project's refusals applied where
// nlohmann meets the value they concern (an object or array as it opens, a
// key as it is read), so the first problem in reading order wins.
class OracleSax {
 public:
  explicit OracleSax(int max_depth) : max_depth_(max_depth) {}

  std::vector<std::string> events;
  bool refused = false;  // by one of the project's rules, or a syntax error
  uie::JsonReadError error;

  bool null() { return scalar("null"); }
  bool boolean(bool v) { return scalar(v ? "true" : "false"); }
  bool number_integer(njson::number_integer_t v) { return scalar(integer_event(v)); }
  bool number_unsigned(njson::number_unsigned_t v) { return scalar(unsigned_event(v)); }
  bool number_float(njson::number_float_t v, const std::string& source) { return scalar(float_event(v, source)); }
  bool string(std::string& v) { return scalar("string " + v); }
  bool binary(njson::binary_t&) { return refuse("invalid_json", "", uie::Msg::kNotJson, "binary"); }
  bool start_object(std::size_t) { return open(true); }
  bool start_array(std::size_t) { return open(false); }
  bool end_object() { return close("}"); }
  bool end_array() { return close("]"); }
  bool key(std::string& k) {
    if (!open_.back().keys.insert(k).second) {
      return refuse("invalid_request", pointer() + "/" + pointer_escape(k), uie::Msg::kDuplicateKey, k);
    }
    pending_key_ = k;
    events.push_back("key " + k);
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception&) {
    return refuse("invalid_json", "", uie::Msg::kNotJson, std::to_string(position));
  }

 private:
  struct Open {
    bool object;
    std::string token;  // its reference token in its parent ("" for the root)
    std::size_t count = 0;
    std::set<std::string> keys;
  };

  bool refuse(const char* code, std::string path, uie::Msg m, std::string arg) {
    refused = true;
    error = uie::JsonReadError{code, std::move(path), m, std::move(arg)};
    return false;
  }
  // The reference token of the value about to be added to the open container.
  std::string next_token() {
    if (open_.empty()) return "";
    Open& parent = open_.back();
    std::string t = parent.object ? pointer_escape(pending_key_) : std::to_string(parent.count);
    ++parent.count;
    return t;
  }
  bool scalar(std::string event) {
    next_token();
    events.push_back(std::move(event));
    return true;
  }
  bool open(bool object) {
    if (static_cast<int>(open_.size()) >= max_depth_) {
      return refuse("invalid_request", "", uie::Msg::kTooDeep, std::to_string(max_depth_));
    }
    open_.push_back(Open{object, next_token(), 0, {}});
    events.push_back(object ? "{" : "[");
    return true;
  }
  bool close(const char* event) {
    open_.pop_back();
    events.push_back(event);
    return true;
  }
  std::string pointer() const {
    std::string p;
    for (std::size_t d = 1; d < open_.size(); ++d) p += "/" + open_[d].token;
    return p;
  }

  int max_depth_;
  std::vector<Open> open_;
  std::string pending_key_;
};

// What the oracle expects of a text under these limits.
struct OracleVerdict {
  bool ok = false;
  uie::JsonReadError error;
  std::vector<std::string> events;
  bool syntax_error = false;  // refused by nlohmann itself, not by a rule of ours
};

inline OracleVerdict oracle(std::string_view text, std::size_t max_bytes, int max_depth) {
  OracleVerdict v;
  if (text.size() > max_bytes) {
    v.error = {"invalid_request", "", uie::Msg::kTooLarge, std::to_string(max_bytes)};
    return v;
  }
  // nlohmann would stop at a raw NUL as at the end of the text; the project
  // refuses the text there (tests/fuzz/README.md, F1).
  if (std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
    v.error = {"invalid_json", "", uie::Msg::kNulByte, std::to_string(nul)};
    return v;
  }
  OracleSax sax(max_depth);
  v.ok = njson::sax_parse(text.begin(), text.end(), &sax, njson::input_format_t::json, true);
  v.events = std::move(sax.events);
  v.error = sax.error;
  v.syntax_error = sax.refused && v.error.message == uie::Msg::kNotJson;
  if (!v.ok && !sax.refused) v.error = {"oracle", "", uie::Msg::kNotJson, "sax_parse failed without a reason"};
  return v;
}

// The tree as the same events; "" or what is inconsistent inside the tree
// itself (sizes, ordinals, member lookup).
inline std::string tree_events(const uie::JsonTree& t, const uie::JsonTree::Node& n, std::vector<std::string>& out) {
  using T = uie::JsonTree::Type;
  switch (n.type) {
    case T::kNull: out.push_back("null"); return "";
    case T::kBool: out.push_back(n.flag ? "true" : "false"); return "";
    case T::kInteger: out.push_back(integer_event(n.integer)); return "";
    case T::kUnsigned:
      if (n.unsigned_ <= static_cast<std::uint64_t>(INT64_MAX)) return "an unsigned node that fits a signed integer";
      out.push_back(unsigned_event(n.unsigned_));
      return "";
    case T::kFloat: out.push_back(float_event(n.real, t.text(n))); return "";
    case T::kString: out.push_back("string " + std::string(t.text(n))); return "";
    case T::kArray:
    case T::kObject: {
      const bool object = n.type == T::kObject;
      out.push_back(object ? "{" : "[");
      std::uint32_t count = 0;
      for (std::int32_t c = n.first; c >= 0; c = t.node(c).next, ++count) {
        const uie::JsonTree::Node& child = t.node(c);
        if (child.ordinal != count) return "a child's ordinal is not its position";
        if (object) {
          out.push_back("key " + std::string(t.key(child)));
          if (t.member(n, t.key(child)) != &child) return "member() does not find the child named " + std::string(t.key(child));
        }
        std::string problem = tree_events(t, child, out);
        if (!problem.empty()) return problem;
      }
      if (count != n.size) return "a container's size is not its number of children";
      out.push_back(object ? "}" : "]");
      return "";
    }
  }
  return "a node of no known type";
}

inline std::string describe(const uie::JsonReadError& e) {
  return e.code + " path=\"" + e.path + "\" message#" + std::to_string(static_cast<int>(e.message)) + " arg=\"" + e.arg + "\"";
}

inline bool same_error(const uie::JsonReadError& a, const uie::JsonReadError& b) {
  return a.code == b.code && a.path == b.path && a.message == b.message && a.arg == b.arg;
}

// The first event where two sequences part, described.
inline std::string first_difference(const std::vector<std::string>& ours, const std::vector<std::string>& theirs) {
  std::size_t i = 0;
  while (i < ours.size() && i < theirs.size() && ours[i] == theirs[i]) ++i;
  if (i == ours.size() && i == theirs.size()) return "";
  auto at = [&](const std::vector<std::string>& v) { return i < v.size() ? "\"" + v[i].substr(0, 200) + "\"" : "(end)"; };
  return "event " + std::to_string(i) + ": tree " + at(ours) + " vs nlohmann " + at(theirs);
}

// "" when JsonTree (reused: `tree` keeps its arrays from earlier texts, as
// in the engine) reads `text` under these limits exactly as the oracle does.
inline std::string check_tree(uie::JsonTree& tree, std::string_view text, std::size_t max_bytes, int max_depth,
                              const OracleVerdict& want) {
  uie::JsonReadError err;
  const bool ok = tree.parse(text, max_bytes, max_depth, err);
  if (ok != want.ok) {
    return std::string("verdict: tree ") + (ok ? "accepts" : "refuses (" + describe(err) + ")") + ", nlohmann " +
           (want.ok ? "accepts" : "refuses (" + describe(want.error) + ")");
  }
  if (!ok) return same_error(err, want.error) ? "" : "refusal: tree " + describe(err) + " vs nlohmann " + describe(want.error);
  std::vector<std::string> events;
  std::string problem = tree_events(tree, tree.root(), events);
  if (!problem.empty()) return "tree: " + problem;
  return first_difference(events, want.events);
}

// "" when nlohmann's plain entry points agree with the SAX oracle (json::accept,
// json::parse without exceptions) and the tree prints as nlohmann's DOM dumps
// (JsonTree::dump is what error messages show of a value).
inline std::string check_dom(const uie::JsonTree& tree, std::string_view text, const OracleVerdict& want) {
  const bool accepted = njson::accept(text.begin(), text.end());
  if (want.ok && !accepted) return "json::accept refuses a text the SAX oracle accepts";
  if (want.syntax_error && accepted) return "json::accept accepts a text the SAX oracle refuses";
  if (!want.ok) return "";
  const njson dom = njson::parse(text.begin(), text.end(), nullptr, false);
  if (dom.is_discarded()) return "json::parse refuses a text the SAX oracle accepts";
  const std::string expected = dom.dump(-1, ' ', false, njson::error_handler_t::replace);
  const std::string printed = tree.dump(tree.root());
  return printed == expected ? "" : "dump: tree " + printed.substr(0, 300) + " vs nlohmann " + expected.substr(0, 300);
}

// The pack reader (read_json_dom: nlohmann's DOM with the same rules) against
// the oracle too: the same verdict and refusal, and on acceptance the DOM
// json::parse builds.
inline std::string check_read_json_dom(std::string_view text, std::size_t max_bytes, int max_depth, const OracleVerdict& want) {
  njson dom;
  uie::JsonReadError err;
  const bool ok = uie::read_json_dom(text, max_bytes, max_depth, dom, err);
  if (ok != want.ok) return std::string("read_json_dom ") + (ok ? "accepts" : "refuses (" + describe(err) + ")") + ", the oracle not";
  if (!ok) return same_error(err, want.error) ? "" : "read_json_dom refusal: " + describe(err) + " vs " + describe(want.error);
  return dom == njson::parse(text.begin(), text.end(), nullptr, false) ? "" : "read_json_dom builds another value than json::parse";
}

// Everything above for one text, under the request limits read_request uses
// and again with nesting unlimited (so deep texts are compared on grammar and
// values too). `tree` is reused from text to text, as the engine reuses it.
inline std::string check_json(uie::JsonTree& tree, std::string_view text) {
  const uie::Limits limits;
  for (int depth : {limits.max_depth, 1 << 30}) {
    const OracleVerdict want = oracle(text, limits.max_request_bytes, depth);
    if (want.error.code == "oracle") return "oracle: " + want.error.arg;
    std::string problem = check_tree(tree, text, limits.max_request_bytes, depth, want);
    if (problem.empty()) problem = check_dom(tree, text, want);
    if (problem.empty()) problem = check_read_json_dom(text, limits.max_request_bytes, depth, want);
    if (!problem.empty()) return "max_depth " + std::to_string(depth) + ": " + problem;
  }
  return "";
}

}  // namespace uie_fuzz
