// Sentences with placeholders ("上年度裁员率 {ratio}，不高于 {max}"), parsed once
// when the rules load and rendered many times. A template knows its slots by
// index: the names are resolved against the names its user allows, so a typo
// in a rule file is found at load time, not shown to a person.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "json_out.h"

namespace uie {

// Where rendered text goes: into a JSON string (escaped) or as plain text
// (for CSV cells and messages assembled before they are escaped).
class Sink {
 public:
  Sink(std::string& out, bool json) : out_(out), json_(json) {}
  // Valid UTF-8 text: escaped when writing JSON.
  void text(std::string_view s);
  // Text known to need no escaping (digits, our own fixed words).
  void safe(std::string_view s) { out_.append(s); }
  void number(std::int64_t v) { append_int(out_, v); }
  bool json() const { return json_; }
  std::string& out() { return out_; }

 private:
  std::string& out_;
  bool json_;
};

class Template {
 public:
  // What a parsed sentence is; shared by every copy of the template (a rule
  // inherited by ten policies holds its sentences once).
  struct Segment {
    std::uint32_t plain_begin = 0, plain_end = 0;
    std::uint32_t escaped_begin = 0, escaped_end = 0;
    int slot = -1;  // the placeholder after the literal, or -1 at the end
  };
  struct Body {
    std::string source;
    std::string plain;    // the literal parts, concatenated
    std::string escaped;  // the same, JSON-escaped
    std::vector<Segment> segments;
  };

  Template() = default;
  explicit Template(std::shared_ptr<const Body> body) : body_(std::move(body)) {}

  // Parses `text`; `names` are the placeholders it may use, in slot order.
  // A `{name}` that is not among them is reported through `unknown` and then
  // kept as literal text.
  static Template parse(std::string_view text, const std::vector<std::string_view>& names,
                        const std::function<void(std::string_view)>& unknown);

  bool empty() const { return !body_; }
  const std::string& source() const;
  const std::shared_ptr<const Body>& body() const { return body_; }

  // Writes the sentence; `slot(sink, index)` writes the value of a placeholder.
  template <typename SlotWriter>
  void render(Sink& sink, SlotWriter&& slot) const {
    if (!body_) return;
    const std::string& lit = sink.json() ? body_->escaped : body_->plain;
    for (const auto& s : body_->segments) {
      std::uint32_t begin = sink.json() ? s.escaped_begin : s.plain_begin;
      std::uint32_t end = sink.json() ? s.escaped_end : s.plain_end;
      sink.out().append(lit, begin, end - begin);
      if (s.slot >= 0) slot(sink, s.slot);
    }
  }

  // Whether the template uses slot `index`.
  bool uses(int index) const;

 private:
  std::shared_ptr<const Body> body_;
};

}  // namespace uie
