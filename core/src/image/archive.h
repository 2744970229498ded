// The two archives of the rule image and the fields every type shares:
// integers (LEB128, signed ones zig-zag), strings (length-prefixed),
// containers, dates, sentences and notes (each stored once however many
// policies inherit it), and pointers as indices into what was written before
// them. `io(archive, value)` serves both directions: the Writer appends the
// fields in order, the Reader fills them in the same order. Included by
// image.cpp only, which adds the io() of programs, policies and the rule set
// in the same namespace (so each finds the others, whichever is defined first).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "base/cold.h"
#include "kinds/kind.h"
#include "render/static_json.h"

UIE_COLD_BEGIN  // read once, at start-up: compiled for size in the wasm build

namespace uie::image_io {
namespace {  // one translation unit includes this: image.cpp

class Writer {
 public:
  static constexpr bool kReading = false;
  std::string out;
  const RuleSet* rs = nullptr;
  const Policy* policy = nullptr;
  std::map<const Cite*, std::uint64_t> cites;
  std::map<const Template::Body*, std::uint64_t> bodies;
  std::map<const Note*, std::uint64_t> notes;

  void u(std::uint64_t v) {
    do {
      auto b = static_cast<unsigned char>(v & 0x7F);
      v >>= 7;
      out += static_cast<char>(v ? b | 0x80 : b);
    } while (v);
  }
  template <typename T>
  void operator()(T& v) {
    static_assert(std::is_integral_v<T>, "integers, booleans and strings only");
    if constexpr (std::is_signed_v<T>) {
      auto w = static_cast<std::int64_t>(v);
      u((static_cast<std::uint64_t>(w) << 1) ^ static_cast<std::uint64_t>(w >> 63));
    } else {
      u(static_cast<std::uint64_t>(v));
    }
  }
  void operator()(std::string& s) {
    u(s.size());
    out += s;
  }
  bool ok() const { return true; }
  void fail() {}
};

class Reader {
 public:
  static constexpr bool kReading = true;
  std::string_view in;
  std::size_t pos = 0;
  bool good = true;
  RuleSet* rs = nullptr;
  Policy* policy = nullptr;
  std::vector<const Cite*> cites;
  std::vector<std::shared_ptr<const Template::Body>> bodies;
  std::vector<std::shared_ptr<const Note>> notes;

  std::uint64_t u() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos >= in.size()) {
        good = false;
        return 0;
      }
      auto b = static_cast<unsigned char>(in[pos++]);
      v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) return v;
    }
    good = false;
    return 0;
  }
  template <typename T>
  void operator()(T& v) {
    static_assert(std::is_integral_v<T>, "integers, booleans and strings only");
    std::uint64_t z = u();
    if constexpr (std::is_same_v<T, bool>) {
      v = z != 0;
    } else if constexpr (std::is_signed_v<T>) {
      v = static_cast<T>(static_cast<std::int64_t>(z >> 1) ^ -static_cast<std::int64_t>(z & 1));
    } else {
      v = static_cast<T>(z);
    }
  }
  void operator()(std::string& s) {
    std::uint64_t n = u();
    if (n > in.size() - pos) {
      good = false;
      return;
    }
    s.assign(in.data() + pos, static_cast<std::size_t>(n));
    pos += static_cast<std::size_t>(n);
  }
  bool ok() const { return good; }
  void fail() { good = false; }
};

// ---- containers and small types

template <typename A, typename T, typename F>
void list(A& a, std::vector<T>& v, F&& each) {
  std::size_t n = v.size();
  a(n);
  if constexpr (A::kReading) {
    if (!a.ok() || n > a.in.size()) {  // a count past the bytes left is a broken image
      a.fail();
      return;
    }
    v.resize(n);
  }
  for (auto& x : v) each(x);
}

template <typename A, typename T>
void enumeration(A& a, T& e) {
  int v = static_cast<int>(e);
  a(v);
  e = static_cast<T>(v);
}

template <typename A>
void io(A& a, Date& d) {
  a(d.year);
  a(d.month);
  a(d.day);
}

template <typename A, typename T>
void optional(A& a, std::optional<T>& o) {
  bool has = o.has_value();
  a(has);
  if (A::kReading && has) o.emplace();
  if (has) io(a, *o);
}

template <typename A>
void optional_int(A& a, std::optional<std::int64_t>& o) {
  bool has = o.has_value();
  a(has);
  std::int64_t v = o.value_or(0);
  if (has) a(v);
  if (A::kReading) o = has ? std::optional<std::int64_t>(v) : std::nullopt;
}

// A parsed sentence, stored once however many rules share it: 0 for none,
// 1 followed by its parts for one not seen before, 2 + n for the n-th seen.
template <typename A>
void sentence(A& a, Template& t) {
  std::uint64_t tag = 0;
  if constexpr (!A::kReading) {
    if (t.body()) {
      auto it = a.bodies.find(t.body().get());
      if (it != a.bodies.end()) {
        tag = 2 + it->second;
      } else {
        tag = 1;
        std::uint64_t n = a.bodies.size();
        a.bodies[t.body().get()] = n;
      }
    }
  }
  a(tag);
  if (tag == 0) {
    if constexpr (A::kReading) t = Template();
    return;
  }
  if (tag >= 2) {
    if constexpr (A::kReading) {
      if (tag - 2 >= a.bodies.size()) return a.fail();
      t = Template(a.bodies[static_cast<std::size_t>(tag - 2)]);
    }
    return;
  }
  // The literal text and where each placeholder stands; the escaped copy is
  // made again as it is read (the source text is not kept: nothing reads it).
  auto body = std::make_shared<Template::Body>();
  if constexpr (!A::kReading) *body = *t.body();
  a(body->plain);
  list(a, body->segments, [&](Template::Segment& g) {
    a(g.plain_end);
    a(g.slot);
  });
  if constexpr (A::kReading) {
    std::uint32_t begin = 0;
    for (auto& g : body->segments) {
      if (g.plain_end < begin || g.plain_end > body->plain.size()) return a.fail();  // never outside its string
      g.plain_begin = begin;
      g.escaped_begin = static_cast<std::uint32_t>(body->escaped.size());
      append_json_escaped(body->escaped, std::string_view(body->plain).substr(begin, g.plain_end - begin));
      g.escaped_end = static_cast<std::uint32_t>(body->escaped.size());
      begin = g.plain_end;
    }
    a.bodies.push_back(body);
    t = Template(std::move(body));
  }
}

// A note, likewise stored once: 1 and its texts when new, 2 + n for the n-th seen.
template <typename A>
void note(A& a, std::shared_ptr<const Note>& n) {
  std::uint64_t tag = 1;
  if constexpr (!A::kReading) {
    auto it = a.notes.find(n.get());
    if (it != a.notes.end()) {
      tag = 2 + it->second;
    } else {
      std::uint64_t k = a.notes.size();
      a.notes[n.get()] = k;
    }
  }
  a(tag);
  if (tag >= 2) {
    if constexpr (A::kReading) {
      if (tag - 2 >= a.notes.size()) return a.fail();
      n = a.notes[static_cast<std::size_t>(tag - 2)];
    }
    return;
  }
  std::string zh = n ? n->zh : "", en = n ? n->en : "";
  a(zh);
  a(en);
  if constexpr (A::kReading) {
    auto made = std::make_shared<Note>(Note{zh, en, "", ""});
    finish_note(*made);
    a.notes.push_back(made);
    n = std::move(made);
  }
}

template <typename A>
void text2(A& a, Text2& t) {
  sentence(a, t.zh);
  sentence(a, t.en);
}

// ---- pointers as indices

template <typename A>
void cite(A& a, const Cite*& c) {
  std::uint64_t i = 0;
  if constexpr (!A::kReading) i = c ? a.cites.at(c) + 1 : 0;
  a(i);
  if constexpr (A::kReading) c = i && i <= a.cites.size() ? a.cites[static_cast<std::size_t>(i - 1)] : nullptr;
}

template <typename A>
void param(A& a, const Param*& p) {
  std::uint64_t i = 0;
  if constexpr (!A::kReading) {
    for (std::size_t k = 0; k < a.policy->params.size() && p; ++k) {
      if (a.policy->params[k].get() == p) i = k + 1;
    }
  }
  a(i);
  if constexpr (A::kReading) p = i && i <= a.policy->params.size() ? a.policy->params[static_cast<std::size_t>(i - 1)].get() : nullptr;
}

template <typename A>
void document(A& a, const Document*& d) {
  std::uint64_t i = 0;
  if constexpr (!A::kReading) {
    for (std::size_t k = 0; k < a.rs->documents.size(); ++k) {
      if (a.rs->documents[k].get() == d) i = k + 1;
    }
  }
  a(i);
  if constexpr (A::kReading) d = i && i <= a.rs->documents.size() ? a.rs->documents[static_cast<std::size_t>(i - 1)].get() : nullptr;
}

}  // namespace
}  // namespace uie::image_io

UIE_COLD_END
