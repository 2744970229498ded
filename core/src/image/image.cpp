// One function per type, `io(archive, value)`, serves both directions: the
// Writer appends the fields in order, the Reader fills them in the same
// order. Integers are LEB128 (signed ones zig-zag), strings length-prefixed;
// pointers are indices into what was written before them.
#include "image/image.h"

#include <atomic>
#include <map>
#include <type_traits>

#include "base/cold.h"
#include "base/json_out.h"
#include "kinds/kind.h"
#include "render/static_json.h"
#include "uie/engine.h"

UIE_COLD_BEGIN  // read once, at start-up: compiled for size in the wasm build

namespace uie {
namespace {

constexpr char kMagic[] = "UIE-RULES\x01";

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

// ---- programs, regions, messages

template <typename A>
void io(A& a, Option& o) {
  a(o.is_number);
  a(o.text);
  a(o.number);
  a(o.label);
  a(o.label_en);
}

template <typename A>
void io(A& a, FactDef& f) {
  a(f.id);
  a(f.index);
  enumeration(a, f.type);
  a(f.required);
  a(f.label);
  a(f.label_en);
  a(f.unit);
  a(f.unit_en);
  a(f.help);
  a(f.help_en);
  list(a, f.options, [&](Option& o) { io(a, o); });
  optional_int(a, f.min);
  optional_int(a, f.max);
}

template <typename A>
void io(A& a, ConsistencyRule& c) {
  enumeration(a, c.kind);
  a(c.fact);
  list(a, c.facts, [&](int& f) { a(f); });
  a(c.other);
  a(c.min);
  a(c.message);
  a(c.message_en);
}

template <typename A>
void io(A& a, ProgramDef& p) {
  a(p.id);
  a(p.title);
  a(p.title_en);
  a(p.audience);
  a(p.index);
  list(a, p.facts, [&](FactDef& f) { io(a, f); });
  list(a, p.facts_by_id, [&](int& f) { a(f); });
  list(a, p.consistency, [&](ConsistencyRule& c) { io(a, c); });
}

template <typename A>
void io(A& a, RegionInfo& r) {
  a(r.code);
  a(r.name);
  a(r.name_en);
  list(a, r.prefectures, [&](RegionInfo& p) { io(a, p); });
}

template <typename A>
void io(A& a, Messages& m) {
  for (std::size_t i = 0; i < kMessageCount; ++i) {
    sentence(a, m.zh[i]);
    sentence(a, m.en[i]);
  }
}

// ---- policies

template <typename A>
void io(A& a, Rate& r) {
  a(r.num);
  a(r.den);
  a(r.text);
}

template <typename A>
void io(A& a, ParamScalar& s) {
  a(s.count);
  io(a, s.rate);
  a(s.money);
  io(a, s.date);
  list(a, s.bands, [&](Band& b) {
    a(b.from_months);
    a(b.months);
  });
  list(a, s.retirement, [&](RetirementRule& r) {
    a(r.group);
    a(r.base_months);
    a(r.delay_from);
    a(r.months_per_step);
    a(r.max_delay);
  });
}

template <typename A>
void io(A& a, Param& p) {
  a(p.id);
  enumeration(a, p.type);
  a(p.cap);
  a(p.set_by);
  list(a, p.values, [&](ParamValue& v) {
    io(a, v.from);
    io(a, v.value);
    cite(a, v.cite);
    list(a, v.when, [&](ParamCase& c) {
      a(c.fact);
      a(c.is_bool);
      a(c.equals_bool);
      a(c.equals_option);
      io(a, c.value);
      cite(a, c.cite);
      text2(a, c.whatif);
    });
  });
}

template <typename A>
void io(A& a, Condition& c, bool nested) {
  a(c.id);
  std::string kind = c.kind ? c.kind->name : "";
  a(kind);
  if constexpr (A::kReading) c.kind = find_kind(kind);
  if (!c.kind) {
    a.fail();
    return;
  }
  a(c.fact);
  a(c.fact2);
  param(a, c.param);
  param(a, c.param2);
  param(a, c.param3);
  a(c.option_set);
  list(a, c.numbers, [&](std::int64_t& n) { a(n); });
  a(c.mode);
  text2(a, c.pass);
  text2(a, c.fail);
  text2(a, c.unknown);
  text2(a, c.pass2);
  text2(a, c.fail2);
  text2(a, c.whatif);
  a(c.label);
  list(a, c.of, [&](Condition& s) { io(a, s, true); });
  cite(a, c.cite);
  list(a, c.reads, [&](int& f) { a(f); });
  if (A::kReading && !nested) finish_condition(c);
}

template <typename A>
void io(A& a, AmountRule& m) {
  enumeration(a, m.kind);
  a(m.base);
  list(a, m.exclude, [&](int& f) { a(f); });
  a(m.pass_on);
  a(m.unit_type_fact);
  a(m.size_fact);
  list(a, m.rate_by_unit_type, [&](const Param*& p) { param(a, p); });
  list(a, m.both_readings, [&](int& f) { a(f); });
  param(a, m.rate_large);
  param(a, m.rate_sme);
  a(m.size_large_option);
  a(m.size_sme_option);
  a(m.table_fact);
  list(a, m.table, [&](std::pair<std::int64_t, const Param*>& e) {
    a(e.first);
    param(a, e.second);
  });
  param(a, m.total);
  param(a, m.unit);
  param(a, m.individual);
  a(m.text);
  a(m.text_en);
  cite(a, m.cite);
  cite(a, m.exclude_cite);
  cite(a, m.pass_on_cite);
  list(a, m.reads, [&](int& f) { a(f); });
}

template <typename A>
void io(A& a, Policy& p, std::vector<std::unique_ptr<Policy>>& earlier) {
  document(a, p.doc);
  int program = p.program ? p.program->index : -1;
  a(program);
  if constexpr (A::kReading) {
    if (program < 0 || static_cast<std::size_t>(program) >= a.rs->programs.size()) {
      a.fail();
      return;
    }
    p.program = &a.rs->programs[static_cast<std::size_t>(program)];
  }
  io(a, p.valid_from);
  optional(a, p.valid_to);
  list(a, p.chain, [&](const Document*& d) { document(a, d); });
  std::int64_t parent = -1;
  if constexpr (!A::kReading) {
    for (std::size_t k = 0; k < earlier.size(); ++k) {
      if (earlier[k].get() == p.parent) parent = static_cast<std::int64_t>(k);
    }
  }
  a(parent);
  if constexpr (A::kReading) p.parent = parent >= 0 && static_cast<std::size_t>(parent) < earlier.size() ? earlier[static_cast<std::size_t>(parent)].get() : nullptr;
  list(a, p.params, [&](std::unique_ptr<Param>& q) {
    if (A::kReading) q = std::make_unique<Param>();
    io(a, *q);
  });
  a.policy = &p;
  list(a, p.derivations, [&](Derivation& d) {
    enumeration(a, d.kind);
    a(d.id);
    a(d.exact);
    a(d.fact);
    a(d.from);
    a(d.from2);
    param(a, d.param);
    a(d.then_option);
    a(d.else_option);
    cite(a, d.cite);
  });
  list(a, p.conditions, [&](Condition& c) { io(a, c, false); });
  a(p.condition_count);
  io(a, p.amount);
  param(a, p.duration.bands);
  param(a, p.duration.extension_within);
  cite(a, p.duration.extension_cite);
  a(p.duration.contribution_months);
  a(p.duration.months_used);
  a(p.duration.months_to_retirement);
  list(a, p.notes, [&](std::shared_ptr<const Note>& n) { note(a, n); });
  list(a, p.used_facts, [&](int& f) { a(f); });
  list(a, p.optional_facts, [&](Policy::OptionalFact& o) {
    a(o.fact);
    a(o.gate);
    enumeration(a, o.size);
  });
  list(a, p.fact_cites, [&](const Cite*& c) { cite(a, c); });
}

template <typename A>
void io(A& a, RuleSet& rs) {
  a.rs = &rs;
  list(a, rs.programs, [&](ProgramDef& p) { io(a, p); });
  list(a, rs.regions, [&](RegionInfo& r) { io(a, r); });
  io(a, rs.messages);
  // Citations: each once, pointed at by index.
  std::size_t n = rs.cites.size();
  a(n);
  if constexpr (A::kReading) {
    if (!a.ok() || n > a.in.size()) return a.fail();
    rs.cites.resize(n);
  }
  std::size_t k = 0;
  for (auto& c : rs.cites) {
    a(c.doc_no);
    a(c.clause);
    a(c.quote);
    a(c.basis);
    if constexpr (A::kReading) {
      finish_cite(c);
      a.cites.push_back(&c);
    } else {
      a.cites[&c] = k++;
    }
  }
  list(a, rs.documents, [&](std::unique_ptr<Document>& d) {
    if (A::kReading) d = std::make_unique<Document>();
    a(d->id);
    a(d->doc_no);
    a(d->title);
    a(d->issuer);
    a(d->region);
    a(d->source);
    a(d->file);
    optional(a, d->issued);
    a(d->draft);
  });
  std::size_t count = rs.policies.size();
  a(count);
  if constexpr (A::kReading) {
    if (!a.ok() || count > a.in.size()) return a.fail();
  }
  for (std::size_t i = 0; i < count && a.ok(); ++i) {
    if constexpr (A::kReading) {
      auto p = std::make_unique<Policy>();
      io(a, *p, rs.policies);
      rs.policies.push_back(std::move(p));
    } else {
      io(a, *rs.policies[i], rs.policies);
    }
  }
}

}  // namespace

std::string write_image(const RuleSet& rs) {
  Writer w;
  w.out.append(kMagic, sizeof kMagic - 1);
  std::string version = Engine::version();
  w(version);
  io(w, const_cast<RuleSet&>(rs));  // the writer reads every field and changes none
  return std::move(w.out);
}

std::unique_ptr<RuleSet> read_image(std::string_view bytes, std::string& error) {
  if (bytes.substr(0, sizeof kMagic - 1) != std::string_view(kMagic, sizeof kMagic - 1)) {
    error = "not a rule-set image";
    return nullptr;
  }
  Reader r;
  r.in = bytes;
  r.pos = sizeof kMagic - 1;
  std::string version;
  r(version);
  if (version != Engine::version()) {
    error = "the image was written by engine " + version + ", this is " + Engine::version();
    return nullptr;
  }
  static std::atomic<std::uint64_t> serials{1u << 30};
  auto rs = std::make_unique<RuleSet>();
  rs->serial = ++serials;
  io(r, *rs);
  if (!r.ok() || r.pos != bytes.size()) {
    error = "the image is damaged";
    return nullptr;
  }
  render_static_json(*rs, Engine::version());
  return rs;
}

}  // namespace uie

UIE_COLD_END
