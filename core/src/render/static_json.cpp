// The JSON that is the same for every request, rendered once when the rules
// load: citations, notes, condition heads, each policy's object (its head;
// responses add "in_force"), the questions, the catalog, and the list of
// programs for an unknown_program error.
#include "render/static_json.h"

#include <algorithm>

#include "base/cold.h"
#include "base/json_out.h"

UIE_COLD_BEGIN  // rendered once per rule set (or per policy): compiled for size in the wasm build

namespace uie {

void finish_cite(Cite& c) {
  c.json.clear();
  JsonOut o(c.json);
  o.raw("{").key("doc_no").str(c.doc_no).next("clause").str(c.clause).next("quote").str(c.quote);
  if (!c.basis.empty()) o.next("basis").str(c.basis);
  o.raw("}");
  c.tag = "（" + c.doc_no + " " + c.clause + "）";
}

void finish_note(Note& n) {
  n.zh_json.clear();
  n.en_json.clear();
  append_json_escaped(n.zh_json, n.zh);
  append_json_escaped(n.en_json, n.en);
}

void finish_condition(Condition& c) {
  c.id_json.clear();
  append_json_string(c.id_json, c.id);
  c.head_json.clear();
  c.tail_json.clear();
  JsonOut head(c.head_json);
  head.raw("{").key("id").str(c.id).next("passed");
  JsonOut tail(c.tail_json);
  tail.next("cite").raw(c.cite ? c.cite->json : "null").raw("}");
}

namespace {

void head(JsonOut& o, const Policy& p, bool validity) {
  const Document& d = *p.doc;
  o.raw("{").key("id").str(d.id).next("doc_no").str(d.doc_no).next("title").str(d.title);
  o.next("issuer").str(d.issuer).next("region").str(d.region);
  if (validity) {
    o.next("valid_from").str(p.doc_from.str()).next("valid_to");
    if (p.doc_to) o.str(p.doc_to->str());
    else o.null();
  }
  o.next("draft").boolean(d.draft).next("chain").raw("[");
  for (std::size_t i = 0; i < p.chain.size(); ++i) {
    if (i) o.raw(",");
    o.str(p.chain[i]->doc_no);
  }
  o.raw("]");
}

}  // namespace

void render_questions_once(const Policy& p) {
  std::call_once(p.questions_rendered, [&] { render_policy_questions(p); });
}

// Each question but its "answered" flag: {"fact":…,"answered": | ,"label":…}.
void render_policy_questions(const Policy& p) {
  for (int id : p.used_facts) {
    if (!p.asks(id)) continue;  // computed exactly from facts that are asked
    const FactDef& f = p.program->facts[static_cast<std::size_t>(id)];
    std::string h, t;
    JsonOut a(h);
    a.raw("{").key("fact").str(f.id).next("type").str(fact_type_name(f.type)).next("required").boolean(f.required);
    a.next("answered");
    JsonOut b(t);
    b.next("label").str(f.label).next("label_en").str(f.label_en).next("unit");
    if (f.unit.empty()) b.null();
    else b.str(f.unit);
    b.next("help");
    if (f.help.empty()) b.null();
    else b.str(f.help);
    b.next("help_en");  // null where the pack gives no English: a page shows `help` then
    if (f.help_en.empty()) b.null();
    else b.str(f.help_en);
    const Cite* cite = p.fact_cites[static_cast<std::size_t>(id)];
    b.next("cite").raw(cite ? cite->json : "null").next("options").raw("[");
    for (std::size_t i = 0; i < f.options.size(); ++i) {
      const Option& o = f.options[i];
      if (i) b.raw(",");
      b.raw("{").key("value");
      if (o.is_number) b.num(o.number);
      else b.str(o.text);
      b.next("label").str(o.label).next("label_en").str(o.label_en).raw("}");
    }
    b.raw("]").next("min");
    if (f.min) b.num(*f.min);
    else b.null();
    b.next("max");
    if (f.max) b.num(*f.max);
    else b.null();
    b.raw("}");
    p.question_head.push_back(std::move(h));
    p.question_tail.push_back(std::move(t));
  }
  // Each condition's name, for counting units by it (批量筛查).
  JsonOut c(p.conditions_json);
  c.raw("[");
  for (std::size_t i = 0; i < p.conditions.size(); ++i) {
    const Condition& cond = p.conditions[i];
    if (i) c.raw(",");
    c.raw("{").key("id").str(cond.id).next("label").str(cond.label).next("label_en");
    if (cond.label_en.empty()) c.null();
    else c.str(cond.label_en);
    c.next("cite").raw(cond.cite ? cond.cite->json : "null").raw("}");
  }
  c.raw("]");
}

void render_static_json(RuleSet& rs, const char* engine_version) {
  for (auto& program : rs.programs) {
    for (auto& f : program.facts) {
      f.id_json.clear();
      append_json_string(f.id_json, f.id);
    }
  }
  for (auto& p : rs.policies) {
    JsonOut a(p->json_open);
    head(a, *p, true);
    JsonOut b(p->catalog_json);
    head(b, *p, false);
  }
  std::string& out = rs.catalog_json;
  JsonOut o(out);
  o.raw("{").key("ok").boolean(true).next("engine_version").str(engine_version).next("rules_hash").str(rs.rules_hash).next("programs").raw("[");
  for (std::size_t i = 0; i < rs.programs.size(); ++i) {
    const ProgramDef& p = rs.programs[i];
    if (i) o.raw(",");
    o.raw("{").key("id").str(p.id).next("title").str(p.title).next("title_en").str(p.title_en);
    o.next("audience").str(p.audience).raw("}");
  }
  o.raw("]").next("regions").raw("[");
  for (std::size_t i = 0; i < rs.regions.size(); ++i) {
    const RegionInfo& r = rs.regions[i];
    if (i) o.raw(",");
    o.raw("{").key("code").str(r.code).next("name").str(r.name).next("name_en").str(r.name_en).next("children").raw("[");
    for (std::size_t k = 0; k < r.prefectures.size(); ++k) {
      const RegionInfo& c = r.prefectures[k];
      if (k) o.raw(",");
      o.raw("{").key("code").str(c.code).next("name").str(c.name).next("name_en").str(c.name_en).raw("}");
    }
    o.raw("]}");
  }
  o.raw("]").next("policies").raw("[");
  bool first_doc = true;
  for (const auto& d : rs.documents) {
    const Policy* first = nullptr;
    std::string programs;
    JsonOut po(programs);
    std::vector<const ProgramDef*> listed;  // a document compiled in versions is listed once per program
    for (const auto& p : rs.policies) {
      if (p->doc != d.get() || std::find(listed.begin(), listed.end(), p->program) != listed.end()) continue;
      listed.push_back(p->program);
      if (first) po.raw(",");
      else first = p.get();
      po.raw("{").key("program").str(p->program->id).next("valid_from").str(p->doc_from.str()).next("valid_to");
      if (p->doc_to) po.str(p->doc_to->str());
      else po.null();
      po.raw("}");
    }
    if (!first) continue;
    if (!first_doc) o.raw(",");
    first_doc = false;
    o.raw(first->catalog_json).next("programs").raw("[").raw(programs).raw("]}");
  }
  o.raw("]");
  // The screening table's words for a unit's state (rules/messages.json), so
  // a page shows what the table it exports says.
  for (bool en : {false, true}) {
    const Messages& m = rs.messages;
    o.next(en ? "table_words_en" : "table_words").raw("{").key("yes").str(m.text(Msg::kYes, en));
    o.next("no").str(m.text(Msg::kNo, en)).next("unknown").str(m.text(Msg::kTableUndecided, en));
    o.next("error").str(m.text(Msg::kTableError, en)).raw("}");
  }
  o.raw("}");
  const std::string zh_sep = rs.messages.text(Msg::kListSeparator, false), en_sep = rs.messages.text(Msg::kListSeparator, true);
  for (const auto& p : rs.programs) {
    rs.unknown_program_list += (rs.unknown_program_list.empty() ? "" : zh_sep) + p.id;
    rs.unknown_program_list_en += (rs.unknown_program_list_en.empty() ? "" : en_sep) + p.id;
  }
}

}  // namespace uie

UIE_COLD_END
