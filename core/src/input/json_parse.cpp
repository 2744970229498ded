// The request parser: JSON text straight into a JsonTree, in one pass, with
// no allocation once the tree's arrays are warm.
//
// Its verdicts are nlohmann/json's, byte for byte (the responses were
// specified by that parser): the same grammar, the same UTF-8 checks, the
// same number types (unsigned, integer, float) and the same error position —
// the count of characters the parser had read when it stopped, EOF reads
// included. tests/unit/json_parse_test.cpp compares the two on every corpus
// case and on random mutations; the rule packs are still read by nlohmann.
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <unordered_map>
#include <unordered_set>

#include "input/json_reader.h"

namespace uie {
namespace {

constexpr int kEof = -1;

enum class Token { kBeginArray, kEndArray, kBeginObject, kEndObject, kNameSeparator, kValueSeparator, kTrue, kFalse,
                   kNull, kString, kUnsigned, kInteger, kFloat, kEnd, kError };

using Node = JsonTree::Node;
using Type = JsonTree::Type;

class Parser {
 public:
  Parser(std::string_view text, int max_depth, JsonTree& tree, JsonReadError& err)
      : s_(text), max_depth_(max_depth), tree_(tree), nodes_(tree.nodes()), arena_(tree.arena()), err_(err) {}

  bool run();

 private:
  // ---- reading characters, counted as nlohmann's lexer counts them
  int get() {
    ++chars_;
    if (unget_) {
      unget_ = false;
    } else {
      current_ = i_ < s_.size() ? static_cast<unsigned char>(s_[i_++]) : kEof;
    }
    return current_;
  }
  void unget() {
    unget_ = true;
    --chars_;
  }

  Token scan();
  Token scan_literal(const char* rest, Token t);
  Token scan_string();
  Token scan_number();
  int codepoint();
  bool utf8_tail(int lo1, int hi1, int continuation);
  void put_codepoint(int cp);

  // ---- building the tree
  std::pair<std::int32_t, Node*> add(Type type);
  bool open(Type type);
  void close();
  bool key();
  bool duplicate(std::string_view k);
  std::string pointer() const;
  bool value(Token t);

  bool syntax() {
    err_ = JsonReadError{"invalid_json", "", Msg::kNotJson, std::to_string(chars_)};
    return false;
  }
  bool refuse(const char* code, std::string path, Msg m, std::string arg) {
    err_ = JsonReadError{code, std::move(path), m, std::move(arg)};
    return false;
  }

  std::string_view s_;
  std::size_t i_ = 0;
  std::size_t chars_ = 0;
  int current_ = kEof;
  bool unget_ = false;

  // The token just scanned: a string's text in string_, a number's source in
  // number_ and its value below.
  std::string string_;
  std::string number_;
  std::uint64_t unsigned_ = 0;
  std::int64_t integer_ = 0;
  double real_ = 0;

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

// ---------------------------------------------------------------- lexer

Token Parser::scan() {
  if (chars_ == 0) {  // a byte-order mark may stand first
    if (get() == 0xEF) {
      if (!(get() == 0xBB && get() == 0xBF)) return Token::kError;
    } else {
      unget();
    }
  }
  do {
    get();
  } while (current_ == ' ' || current_ == '\t' || current_ == '\n' || current_ == '\r');
  switch (current_) {
    case '[': return Token::kBeginArray;
    case ']': return Token::kEndArray;
    case '{': return Token::kBeginObject;
    case '}': return Token::kEndObject;
    case ':': return Token::kNameSeparator;
    case ',': return Token::kValueSeparator;
    case 't': return scan_literal("rue", Token::kTrue);
    case 'f': return scan_literal("alse", Token::kFalse);
    case 'n': return scan_literal("ull", Token::kNull);
    case '"': return scan_string();
    case '-': case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
      return scan_number();
    case 0:
    case kEof: return Token::kEnd;
    default: return Token::kError;
  }
}

Token Parser::scan_literal(const char* rest, Token t) {
  for (const char* c = rest; *c; ++c) {
    if (get() != static_cast<unsigned char>(*c)) return Token::kError;
  }
  return t;
}

int Parser::codepoint() {
  int cp = 0;
  for (int shift : {12, 8, 4, 0}) {
    int c = get();
    if (c >= '0' && c <= '9') cp += (c - '0') << shift;
    else if (c >= 'A' && c <= 'F') cp += (c - 'A' + 10) << shift;
    else if (c >= 'a' && c <= 'f') cp += (c - 'a' + 10) << shift;
    else return -1;
  }
  return cp;
}

void Parser::put_codepoint(int cp) {
  auto u = static_cast<unsigned>(cp);
  if (u < 0x80) {
    string_ += static_cast<char>(u);
  } else if (u <= 0x7FF) {
    string_ += static_cast<char>(0xC0u | (u >> 6));
    string_ += static_cast<char>(0x80u | (u & 0x3Fu));
  } else if (u <= 0xFFFF) {
    string_ += static_cast<char>(0xE0u | (u >> 12));
    string_ += static_cast<char>(0x80u | ((u >> 6) & 0x3Fu));
    string_ += static_cast<char>(0x80u | (u & 0x3Fu));
  } else {
    string_ += static_cast<char>(0xF0u | (u >> 18));
    string_ += static_cast<char>(0x80u | ((u >> 12) & 0x3Fu));
    string_ += static_cast<char>(0x80u | ((u >> 6) & 0x3Fu));
    string_ += static_cast<char>(0x80u | (u & 0x3Fu));
  }
}

// The bytes after a UTF-8 lead byte: the first in [lo1, hi1], then
// `continuation` more in 80..BF; the lead byte is current_.
bool Parser::utf8_tail(int lo1, int hi1, int continuation) {
  string_ += static_cast<char>(current_);
  int c = get();
  if (c < lo1 || c > hi1) return false;
  string_ += static_cast<char>(c);
  for (int k = 0; k < continuation; ++k) {
    c = get();
    if (c < 0x80 || c > 0xBF) return false;
    string_ += static_cast<char>(c);
  }
  return true;
}

Token Parser::scan_string() {
  string_.clear();
  while (true) {
    // The common case: a run of printable ASCII, taken whole.
    if (!unget_) {
      std::size_t j = i_;
      while (j < s_.size()) {
        auto b = static_cast<unsigned char>(s_[j]);
        if (b < 0x20 || b == '"' || b == '\\' || b >= 0x80) break;
        ++j;
      }
      if (j > i_) {
        string_.append(s_.data() + i_, j - i_);
        chars_ += j - i_;
        current_ = static_cast<unsigned char>(s_[j - 1]);
        i_ = j;
      }
    }
    int c = get();
    if (c == kEof) return Token::kError;  // missing closing quote
    if (c == '"') return Token::kString;
    if (c == '\\') {
      switch (get()) {
        case '"': string_ += '"'; break;
        case '\\': string_ += '\\'; break;
        case '/': string_ += '/'; break;
        case 'b': string_ += '\b'; break;
        case 'f': string_ += '\f'; break;
        case 'n': string_ += '\n'; break;
        case 'r': string_ += '\r'; break;
        case 't': string_ += '\t'; break;
        case 'u': {
          int cp = codepoint();
          if (cp < 0) return Token::kError;
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (!(get() == '\\' && get() == 'u')) return Token::kError;
            int low = codepoint();
            if (low < 0 || low < 0xDC00 || low > 0xDFFF) return Token::kError;
            cp = ((cp - 0xD800) << 10) + (low - 0xDC00) + 0x10000;
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return Token::kError;
          }
          put_codepoint(cp);
          break;
        }
        default: return Token::kError;
      }
      continue;
    }
    if (c < 0x20) return Token::kError;  // a control character must be escaped
    if (c < 0x80) {
      string_ += static_cast<char>(c);
      continue;
    }
    bool ok;
    if (c >= 0xC2 && c <= 0xDF) ok = utf8_tail(0x80, 0xBF, 0);
    else if (c == 0xE0) ok = utf8_tail(0xA0, 0xBF, 1);
    else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) ok = utf8_tail(0x80, 0xBF, 1);
    else if (c == 0xED) ok = utf8_tail(0x80, 0x9F, 1);
    else if (c == 0xF0) ok = utf8_tail(0x90, 0xBF, 2);
    else if (c >= 0xF1 && c <= 0xF3) ok = utf8_tail(0x80, 0xBF, 2);
    else if (c == 0xF4) ok = utf8_tail(0x80, 0x8F, 2);
    else ok = false;  // 80..C1, F5..FF
    if (!ok) return Token::kError;
  }
}

Token Parser::scan_number() {
  number_.clear();
  Token type = Token::kUnsigned;
  auto digit = [](int c) { return c >= '0' && c <= '9'; };
  auto add = [&](int c) { number_ += static_cast<char>(c); };
  add(current_);
  int c = current_;
  if (c == '-') {
    type = Token::kInteger;
    c = get();
    if (!digit(c)) return Token::kError;
    add(c);
  }
  if (c != '0') {
    while (digit(c = get())) add(c);
  } else {
    c = get();
  }
  if (c == '.') {
    type = Token::kFloat;
    add('.');
    if (!digit(c = get())) return Token::kError;
    add(c);
    while (digit(c = get())) add(c);
  }
  if (c == 'e' || c == 'E') {
    type = Token::kFloat;
    add(c);
    c = get();
    if (c == '+' || c == '-') {
      add(c);
      c = get();
    }
    if (!digit(c)) return Token::kError;
    add(c);
    while (digit(c = get())) add(c);
  }
  unget();
  if (type == Token::kUnsigned && number_.size() <= 19) {
    std::uint64_t v = 0;
    for (char d : number_) v = v * 10 + static_cast<std::uint64_t>(d - '0');
    unsigned_ = v;
    return Token::kUnsigned;
  }
  errno = 0;
  if (type == Token::kUnsigned) {
    unsigned long long v = std::strtoull(number_.c_str(), nullptr, 10);
    if (errno == 0) {
      unsigned_ = v;
      return Token::kUnsigned;
    }
  } else if (type == Token::kInteger) {
    long long v = std::strtoll(number_.c_str(), nullptr, 10);
    if (errno == 0) {
      integer_ = v;
      return Token::kInteger;
    }
  }
  real_ = std::strtod(number_.c_str(), nullptr);
  return Token::kFloat;
}

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
  if (duplicate(string_)) return refuse("invalid_request", pointer() + "/" + pointer_token(string_), Msg::kDuplicateKey, string_);
  key_ = static_cast<std::uint32_t>(arena_.size());
  key_len_ = static_cast<std::uint32_t>(string_.size());
  arena_ += string_;
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
      n->text_len = static_cast<std::uint32_t>(string_.size());
      arena_ += string_;
      return true;
    }
    case Token::kUnsigned: {
      Node* n = add(Type::kUnsigned).second;
      n->unsigned_ = unsigned_;
      if (unsigned_ <= static_cast<std::uint64_t>(INT64_MAX)) {
        n->type = Type::kInteger;
        n->integer = static_cast<std::int64_t>(unsigned_);
      }
      return true;
    }
    case Token::kInteger: add(Type::kInteger).second->integer = integer_; return true;
    case Token::kFloat: {
      if (!std::isfinite(real_)) return syntax();  // "number overflow"
      Node* n = add(Type::kFloat).second;
      n->real = real_;
      n->text = static_cast<std::uint32_t>(arena_.size());
      n->text_len = static_cast<std::uint32_t>(number_.size());
      arena_ += number_;
      return true;
    }
    default: return syntax();  // an unexpected token where a value belongs
  }
}

// The parser proper, in the shape of nlohmann's (the same order of events,
// so the same refusal wins when a request has several problems).
bool Parser::run() {
  std::vector<bool> in_array;  // per open container
  Token t = scan();
  bool evaluate_state = false;
  while (true) {
    if (!evaluate_state) {
      if (t == Token::kBeginObject) {
        if (!open(Type::kObject)) return false;
        if ((t = scan()) == Token::kEndObject) {
          close();
        } else {
          if (t != Token::kString) return syntax();
          if (!key()) return false;
          if (scan() != Token::kNameSeparator) return syntax();
          in_array.push_back(false);
          t = scan();
          continue;
        }
      } else if (t == Token::kBeginArray) {
        if (!open(Type::kArray)) return false;
        if ((t = scan()) == Token::kEndArray) {
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
      if ((t = scan()) == Token::kValueSeparator) {
        t = scan();
        continue;
      }
      if (t != Token::kEndArray) return syntax();
    } else {
      if ((t = scan()) == Token::kValueSeparator) {
        if (scan() != Token::kString) return syntax();
        if (!key()) return false;
        if (scan() != Token::kNameSeparator) return syntax();
        t = scan();
        continue;
      }
      if (t != Token::kEndObject) return syntax();
    }
    close();
    in_array.pop_back();
    evaluate_state = true;
  }
  if (scan() != Token::kEnd) return syntax();
  return true;
}

}  // namespace

bool parse_json_tree(std::string_view text, int max_depth, JsonTree& tree, JsonReadError& err) {
  return Parser(text, max_depth, tree, err).run();
}

}  // namespace uie
