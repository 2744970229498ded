// Reading untrusted JSON without ever throwing. Both readers refuse text past
// the size limit, nesting past the depth limit, a raw NUL, and an object that
// names the same key twice (a typo'd duplicate must not silently win); syntax
// errors name the byte where nlohmann/json's parser stopped.
//
// - read_json_dom: a nlohmann DOM, for rule packs (read once, at load time).
// - JsonTree: a flat tree in reusable arrays, for requests (read many times a
//   second) by our own parser: no allocation once warm, and the source text
//   of every number kept, so money is read from the digits the person wrote.
//   Its verdicts and error positions are nlohmann's (json_parse.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/messages.h"

namespace uie {

struct JsonReadError {
  std::string code;  // "invalid_json" or "invalid_request"
  std::string path;  // JSON Pointer of the offending value, "" for the whole text
  Msg message = Msg::kNotJson;
  std::string arg;   // the message's one argument (a byte position, a limit, a key)
};

bool read_json_dom(std::string_view text, std::size_t max_bytes, int max_depth, nlohmann::json& out,
                   JsonReadError& err);

class JsonTree;
// The request parser (json_parse.cpp): the text into `tree`, past the checks
// of size and NUL bytes.
bool parse_json_tree(std::string_view text, int max_depth, JsonTree& tree, JsonReadError& err);

// RFC 6901 escaping of one reference token.
std::string pointer_token(std::string_view key);

class JsonTree {
 public:
  enum class Type : std::uint8_t { kNull, kBool, kInteger, kUnsigned, kFloat, kString, kArray, kObject };

  struct Node {
    Type type = Type::kNull;
    bool flag = false;
    std::int64_t integer = 0;
    std::uint64_t unsigned_ = 0;
    double real = 0;
    std::uint32_t text = 0, text_len = 0;  // a string's value, or a float's source text
    std::uint32_t key = 0, key_len = 0;    // the member name, inside an object
    std::int32_t first = -1, next = -1;    // first child; next sibling
    std::uint32_t size = 0;                // children
    std::uint32_t ordinal = 0;             // position among its siblings
  };

  bool parse(std::string_view text, std::size_t max_bytes, int max_depth, JsonReadError& err);

  const Node& root() const { return nodes_[0]; }
  const Node& node(std::int32_t i) const { return nodes_[static_cast<std::size_t>(i)]; }
  std::int32_t index(const Node& n) const { return static_cast<std::int32_t>(&n - nodes_.data()); }
  std::string_view text(const Node& n) const { return {arena_.data() + n.text, n.text_len}; }
  std::string_view key(const Node& n) const { return {arena_.data() + n.key, n.key_len}; }
  // The member `name` of an object node, or null.
  const Node* member(const Node& object, std::string_view name) const;
  // The value as nlohmann/json would print it.
  std::string dump(const Node& n) const;
  // The same cut at 40 bytes, as errors show a value ("收到的是 …").
  std::string shown(const Node& n) const {
    std::string s = dump(n);
    if (s.size() > 40) s = s.substr(0, 40) + "…";
    return s;
  }

  // Used by the parser.
  std::vector<Node>& nodes() { return nodes_; }
  std::string& arena() { return arena_; }

 private:
  std::vector<Node> nodes_;
  std::string arena_;
};

}  // namespace uie
