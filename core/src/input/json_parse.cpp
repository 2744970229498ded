// The request parser: JSON text straight into a JsonTree, in one pass over
// the lexer's tokens (input/json_lexer.h), with no allocation once the tree's
// arrays are warm.
//
// Its verdicts are nlohmann/json's, byte for byte (the responses were
// specified by that parser): the same grammar, the same UTF-8 checks, the
// same number types (unsigned, integer, float) and the same error position —
// the count of characters the parser had read when it stopped, EOF reads
// included. tests/unit/json_parse_test.cpp compares the two on every corpus
// case and on random mutations; the rule packs are still read by nlohmann.
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "input/json_lexer.h"
#include "input/json_reader.h"

namespace uie {
namespace {

using Token = JsonToken;
using Node = JsonTree::Node;
using Type = JsonTree::Type;

class Parser {
 public:
  Parser(std::string_view text, int max_depth, JsonTree& tree, JsonReadError& err)
      : lex_(text), max_depth_(max_depth), tree_(tree), nodes_(tree.nodes()), arena_(tree.arena()), err_(err) {}

  bool run();

 private:
  // ---- building the tree
  std::pair<std::int32_t, Node*> add(Type type);
  bool open(Type type);
  void close();
  bool key();
  bool duplicate(std::string_view k);
  std::string pointer() const;
  bool value(Token t);

  bool syntax() {
    err_ = JsonReadError{"invalid_json", "", Msg::kNotJson, std::to_string(lex_.chars())};
    return false;
  }
  bool refuse(const char* code, std::string path, Msg m, std::string arg) {
    err_ = JsonReadError{code, std::move(path), m, std::move(arg)};
    return false;
  }

  JsonLexer lex_;
  int max_depth_;
  JsonTree& tree_;
  std::vector<Node>& nodes_;
  std::string& arena_;
  JsonReadError& err_;
  std::vector<std::int32_t> stack_;       // open containers
  std::vector<std::int32_t> last_child_;  // the last child of each
  std::uint32_t key_ = 0, key_len_ = 0;   // the pending member name, in the arena
  std::unordered_map<std::int32_t, std::unordered_set<std::string>> big_;  // names of big objects
};

// ---------------------------------------------------------------- tree

std::pair<std::int32_t, Node*> Parser::add(Type type) {
  auto index = static_cast<std::int32_t>(nodes_.size());
  nodes_.emplace_back();
  Node& n = nodes_.back();
  n.type = type;
  if (!stack_.empty()) {
    Node& parent = nodes_[static_cast<std::size_t>(stack_.back())];
    n.ordinal = parent.size++;
    if (parent.type == Type::kObject) {
      n.key = key_;
      n.key_len = key_len_;
    }
    std::int32_t& last = last_child_.back();
    if (last < 0) parent.first = index;
    else nodes_[static_cast<std::size_t>(last)].next = index;
    last = index;
  }
  return {index, &nodes_.back()};
}

bool Parser::open(Type type) {
  if (static_cast<int>(stack_.size()) >= max_depth_) {
    return refuse("invalid_request", "", Msg::kTooDeep, std::to_string(max_depth_));
  }
  stack_.push_back(add(type).first);
  last_child_.push_back(-1);
  return true;
}

void Parser::close() {
  stack_.pop_back();
  last_child_.pop_back();
}

// Small objects are scanned; a big one (only hostile input has one) keeps
// its names in a set, so duplicate checks stay linear in the input.
bool Parser::duplicate(std::string_view k) {
  const Node& obj = nodes_[static_cast<std::size_t>(stack_.back())];
  if (obj.size >= 32) {
    auto& names = big_[stack_.back()];
    if (names.empty()) {
      for (std::int32_t c = obj.first; c >= 0; c = nodes_[static_cast<std::size_t>(c)].next) {
        names.insert(std::string(tree_.key(nodes_[static_cast<std::size_t>(c)])));
      }
    }
    return !names.insert(std::string(k)).second;
  }
  for (std::int32_t c = obj.first; c >= 0; c = nodes_[static_cast<std::size_t>(c)].next) {
    const Node& child = nodes_[static_cast<std::size_t>(c)];
    if (child.key_len == k.size() && arena_.compare(child.key, child.key_len, k.data(), k.size()) == 0) return true;
  }
  return false;
}

std::string Parser::pointer() const {
  std::string p;
  for (std::size_t d = 1; d < stack_.size(); ++d) {
    const Node& parent = nodes_[static_cast<std::size_t>(stack_[d - 1])];
    const Node& n = nodes_[static_cast<std::size_t>(stack_[d])];
    p += "/";
    if (parent.type == Type::kObject) p += pointer_token(tree_.key(n));
    else p += std::to_string(n.ordinal);
  }
  return p;
}

bool Parser::key() {
  if (duplicate(lex_.string())) return refuse("invalid_request", pointer() + "/" + pointer_token(lex_.string()), Msg::kDuplicateKey, lex_.string());
  key_ = static_cast<std::uint32_t>(arena_.size());
  key_len_ = static_cast<std::uint32_t>(lex_.string().size());
  arena_ += lex_.string();
  return true;
}

// A scalar value just scanned.
bool Parser::value(Token t) {
  switch (t) {
    case Token::kTrue:
    case Token::kFalse: add(Type::kBool).second->flag = t == Token::kTrue; return true;
    case Token::kNull: add(Type::kNull); return true;
    case Token::kString: {
      Node* n = add(Type::kString).second;
      n->text = static_cast<std::uint32_t>(arena_.size());
      n->text_len = static_cast<std::uint32_t>(lex_.string().size());
      arena_ += lex_.string();
      return true;
    }
    case Token::kUnsigned: {
      Node* n = add(Type::kUnsigned).second;
      n->unsigned_ = lex_.unsigned_value();
      if (lex_.unsigned_value() <= static_cast<std::uint64_t>(INT64_MAX)) {
        n->type = Type::kInteger;
        n->integer = static_cast<std::int64_t>(lex_.unsigned_value());
      }
      return true;
    }
    case Token::kInteger: add(Type::kInteger).second->integer = lex_.integer_value(); return true;
    case Token::kFloat: {
      if (!std::isfinite(lex_.real_value())) return syntax();  // "number overflow"
      Node* n = add(Type::kFloat).second;
      n->real = lex_.real_value();
      n->text = static_cast<std::uint32_t>(arena_.size());
      n->text_len = static_cast<std::uint32_t>(lex_.number().size());
      arena_ += lex_.number();
      return true;
    }
    default: return syntax();  // an unexpected token where a value belongs
  }
}

// The parser proper, in the shape of nlohmann's (the same order of events,
// so the same refusal wins when a request has several problems).
bool Parser::run() {
  std::vector<bool> in_array;  // per open container
  Token t = lex_.scan();
  bool evaluate_state = false;
  while (true) {
    if (!evaluate_state) {
      if (t == Token::kBeginObject) {
        if (!open(Type::kObject)) return false;
        if ((t = lex_.scan()) == Token::kEndObject) {
          close();
        } else {
          if (t != Token::kString) return syntax();
          if (!key()) return false;
          if (lex_.scan() != Token::kNameSeparator) return syntax();
          in_array.push_back(false);
          t = lex_.scan();
          continue;
        }
      } else if (t == Token::kBeginArray) {
        if (!open(Type::kArray)) return false;
        if ((t = lex_.scan()) == Token::kEndArray) {
          close();
        } else {
          in_array.push_back(true);
          continue;
        }
      } else if (!value(t)) {
        return false;
      }
    } else {
      evaluate_state = false;
    }
    if (in_array.empty()) break;
    if (in_array.back()) {
      if ((t = lex_.scan()) == Token::kValueSeparator) {
        t = lex_.scan();
        continue;
      }
      if (t != Token::kEndArray) return syntax();
    } else {
      if ((t = lex_.scan()) == Token::kValueSeparator) {
        if (lex_.scan() != Token::kString) return syntax();
        if (!key()) return false;
        if (lex_.scan() != Token::kNameSeparator) return syntax();
        t = lex_.scan();
        continue;
      }
      if (t != Token::kEndObject) return syntax();
    }
    close();
    in_array.pop_back();
    evaluate_state = true;
  }
  if (lex_.scan() != Token::kEnd) return syntax();
  return true;
}

}  // namespace

bool parse_json_tree(std::string_view text, int max_depth, JsonTree& tree, JsonReadError& err) {
  return Parser(text, max_depth, tree, err).run();
}

}  // namespace uie
