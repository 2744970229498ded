#include "template.h"

namespace uie {
namespace {

bool is_name(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

// Whether valid UTF-8 text needs escaping at all (only ASCII specials do).
bool needs_escape(std::string_view s) {
  for (char c : s) {
    auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b == '"' || b == '\\') return true;
  }
  return false;
}

}  // namespace

void Sink::text(std::string_view s) {
  if (!json_) {
    out_.append(s);
    return;
  }
  // Valid UTF-8 without quotes, backslashes or control characters is its own
  // escaping; only the rare rest goes through the full escaper. Everything
  // that reaches here is valid UTF-8 (rule data and request strings are
  // checked by the JSON readers; text cut by the engine is escaped whole).
  if (!needs_escape(s)) {
    out_.append(s);
    return;
  }
  append_json_escaped(out_, s);
}

const std::string& Template::source() const {
  static const std::string none;
  return body_ ? body_->source : none;
}

Template Template::parse(std::string_view text, const std::vector<std::string_view>& names,
                         const std::function<void(std::string_view)>& unknown) {
  auto t = std::make_shared<Body>();
  t->source = std::string(text);
  std::string literal;
  auto flush = [&](int slot) {
    Segment s;
    s.plain_begin = static_cast<std::uint32_t>(t->plain.size());
    s.escaped_begin = static_cast<std::uint32_t>(t->escaped.size());
    t->plain += literal;
    append_json_escaped(t->escaped, literal);
    s.plain_end = static_cast<std::uint32_t>(t->plain.size());
    s.escaped_end = static_cast<std::uint32_t>(t->escaped.size());
    s.slot = slot;
    t->segments.push_back(s);
    literal.clear();
  };
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t open = text.find('{', i);
    if (open == std::string_view::npos) {
      literal.append(text.substr(i));
      break;
    }
    literal.append(text.substr(i, open - i));
    std::size_t close = text.find('}', open + 1);
    if (close != std::string_view::npos && is_name(text.substr(open + 1, close - open - 1))) {
      std::string_view name = text.substr(open + 1, close - open - 1);
      int slot = -1;
      for (std::size_t k = 0; k < names.size(); ++k) {
        if (names[k] == name) slot = static_cast<int>(k);
      }
      if (slot >= 0) {
        flush(slot);
      } else {
        if (unknown) unknown(name);
        literal.append(text.substr(open, close - open + 1));
      }
      i = close + 1;
      continue;
    }
    literal.push_back('{');
    i = open + 1;
  }
  flush(-1);
  return Template(std::move(t));
}

bool Template::uses(int index) const {
  if (!body_) return false;
  for (const auto& s : body_->segments) {
    if (s.slot == index) return true;
  }
  return false;
}

}  // namespace uie
