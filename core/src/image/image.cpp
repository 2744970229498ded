// The rule image: the compiled rule set written once by the native build
// (uie-rules-image) and read at start-up by the wasm module, so the module
// needs no pack loader. One function per type, `io(archive, value)`, serves
// both directions (image/archive.h: the archives and the shared fields);
// here the programs, regions, messages, policies and the rule set.
#include "image/image.h"

#include <atomic>

#include "base/cold.h"
#include "base/json_out.h"
#include "image/archive.h"
#include "kinds/kind.h"
#include "render/static_json.h"
#include "uie/engine.h"

UIE_COLD_BEGIN  // read once, at start-up: compiled for size in the wasm build

namespace uie {
namespace image_io {
namespace {

constexpr char kMagic[] = "UIE-RULES\x01";

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
  list(a, r.covers, [&](std::string& c) { a(c); });
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
    a(b.step_months);
    a(b.max_months);
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
      a(c.where_adopted);
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
  a(c.label_en);
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
  param(a, m.standard);
  param(a, m.standard_rate);
  param(a, m.minimum_wage);
  a(m.whole_yuan);
  a(m.own_fact);
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
  io(a, p.doc_from);
  optional(a, p.doc_to);
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
    list(a, d.option_values, [&](int& v) { a(v); });
    a(d.last_resort);
    cite(a, d.cite);
  });
  list(a, p.conditions, [&](Condition& c) { io(a, c, false); });
  a(p.condition_count);
  io(a, p.amount);
  param(a, p.duration.bands);
  param(a, p.duration.schedule);
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
  a(rs.rules_hash);
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
    // Not `source` nor `file`: they tell an author where the text was read and
    // which file to fix, and nothing at run time shows them (3 KB brotli of the
    // page's download in 2026-12).
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
}  // namespace image_io

using image_io::kMagic;

std::string write_image(const RuleSet& rs) {
  image_io::Writer w;
  w.out.append(kMagic, sizeof kMagic - 1);
  std::string version = Engine::version();
  w(version);
  io(w, const_cast<RuleSet&>(rs));  // the writer reads every field and changes none
  return std::move(w.out);
}

std::unique_ptr<RuleSet> read_image(std::string_view bytes, std::string& error, bool render) {
  if (bytes.substr(0, sizeof kMagic - 1) != std::string_view(kMagic, sizeof kMagic - 1)) {
    error = "not a rule-set image";
    return nullptr;
  }
  image_io::Reader r;
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
  if (render) render_static_json(*rs, Engine::version());
  return rs;
}

std::unique_ptr<RuleSet> copy_rules(const RuleSet& rs) {
  std::string error;
  return read_image(write_image(rs), error, false);
}

}  // namespace uie

UIE_COLD_END
