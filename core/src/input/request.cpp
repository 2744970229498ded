#include "input/request.h"

#include <algorithm>
#include <cctype>

#include "base/text.h"
#include "model/regions.h"
#include "uie/engine.h"

namespace uie {
namespace {

using Node = JsonTree::Node;
using T = JsonTree::Type;

bool fail(RequestError& err, std::string code, std::string path, std::string message) {
  err = RequestError{std::move(code), std::move(path), std::move(message)};
  return false;
}

}  // namespace

// Province-level prefixes of GB/T 2260, plus 66 for 兵团 (contract §1).
bool check_region_code(const RuleSet& rules, const std::string& code, std::string_view shown, bool en, RequestError& err) {
  const Messages& m = rules.messages;
  bool six = code.size() == 6 && std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!six) {
    err = RequestError{"invalid_request", "/region", m.text(Msg::kRegionNotSixDigits, en, {shown})};
    return false;
  }
  if (!known_region(rules, code)) {
    err = RequestError{"unknown_region", "/region", m.text(Msg::kUnknownRegion, en, {code.substr(0, 2), code})};
    return false;
  }
  return true;
}

namespace {

std::string shown(const JsonTree& tree, const Node& v) { return tree.shown(v); }

std::string cut(std::string_view key) { return key.size() > 60 ? std::string(key.substr(0, 60)) + "…" : std::string(key); }

std::string lower_trim(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (!std::isspace(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// Members of an object in name order: requests are checked in that order, so
// the first problem reported does not depend on how the keys were written.
void sorted_members(const JsonTree& tree, const Node& object, std::vector<const Node*>& out) {
  out.clear();
  for (std::int32_t c = object.first; c >= 0; c = tree.node(c).next) out.push_back(&tree.node(c));
  std::sort(out.begin(), out.end(), [&](const Node* a, const Node* b) { return tree.key(*a) < tree.key(*b); });
}

bool read_facts(const RuleSet& rules, const JsonTree& tree, const Node& facts, bool en, Request& out,
                RequestError& err) {
  thread_local std::vector<const Node*> members;
  sorted_members(tree, facts, members);
  for (const Node* m : members) {
    std::string_view key = tree.key(*m);
    const FactDef* def = out.program->fact(key);
    if (!def) return fail(err, "unknown_fact", "/facts/" + pointer_token(key), unknown_fact_message(rules, *out.program, key, en));
    if (!read_fact_json(rules, *def, tree, *m, en, out.facts.slot(def->index), err)) return false;
  }
  return true;
}

}  // namespace

std::string unknown_fact_message(const RuleSet& rules, const ProgramDef& p, std::string_view key, bool en) {
  const Messages& m = rules.messages;
  std::string msg = m.text(Msg::kUnknownFact, en, {en ? p.title_en : p.title, cut(key)});
  const FactDef* best = nullptr;
  std::size_t best_d = 3;
  for (const auto& f : p.facts) {
    std::size_t d = lower_trim(key) == f.id ? 0 : edit_distance(key, f.id);
    if (d < best_d) {
      best_d = d;
      best = &f;
    }
  }
  if (best) msg += m.text(Msg::kUnknownFactHint, en, {best->id, en ? best->label_en : best->label});
  else msg += m.text(Msg::kUnknownFactExact, en);
  return msg;
}

bool read_request(const RuleSet& rules, std::string_view text, const Limits& limits, const Date& today, bool en,
                  JsonTree& tree, Request& out, RequestError& err) {
  const Messages& m = rules.messages;
  JsonReadError jerr;
  if (!tree.parse(text, limits.max_request_bytes, limits.max_depth, jerr)) {
    return fail(err, jerr.code, jerr.path, m.text(jerr.message, en, {jerr.arg}));
  }
  const Node& root = tree.root();
  if (root.type != T::kObject) return fail(err, "invalid_request", "", m.text(Msg::kNotObject, en));
  thread_local std::vector<const Node*> members;
  sorted_members(tree, root, members);
  for (const Node* n : members) {
    std::string_view k = tree.key(*n);
    if (k != "region" && k != "date" && k != "program" && k != "facts" && k != "policy") {
      return fail(err, "invalid_request", "/" + pointer_token(k), m.text(Msg::kUnknownMember, en, {cut(k)}));
    }
  }
  const Node* region = tree.member(root, "region");
  if (!region) return fail(err, "invalid_request", "/region", m.text(Msg::kNoRegion, en));
  if (region->type != T::kString) return fail(err, "invalid_request", "/region", m.text(Msg::kRegionNotString, en, {shown(tree, *region)}));
  out.region = std::string(tree.text(*region));
  if (!check_region_code(rules, out.region, shown(tree, *region), en, err)) return false;
  out.date = today;
  out.date_given = false;
  if (const Node* d = tree.member(root, "date")) {
    auto parsed = d->type == T::kString ? Date::parse(tree.text(*d)) : std::nullopt;
    if (!parsed) return fail(err, "invalid_request", "/date", m.text(Msg::kBadDate, en, {shown(tree, *d)}));
    out.date = *parsed;
    out.date_given = true;
  }
  const Node* program = tree.member(root, "program");
  if (!program) return fail(err, "invalid_request", "/program", m.text(Msg::kNoProgram, en));
  if (program->type != T::kString) return fail(err, "invalid_request", "/program", m.text(Msg::kProgramNotString, en, {shown(tree, *program)}));
  out.program = rules.program(tree.text(*program));
  if (!out.program) {
    return fail(err, "unknown_program", "/program", m.text(Msg::kUnknownProgram, en, {shown(tree, *program), en ? rules.unknown_program_list_en : rules.unknown_program_list}));
  }
  out.policy_id.clear();
  if (const Node* p = tree.member(root, "policy")) {
    if (p->type != T::kString || p->text_len == 0) return fail(err, "invalid_request", "/policy", m.text(Msg::kPolicyNotString, en, {shown(tree, *p)}));
    out.policy_id = std::string(tree.text(*p));
  }
  out.facts.clear(static_cast<int>(out.program->facts.size()));
  if (const Node* facts = tree.member(root, "facts")) {
    if (facts->type != T::kObject) return fail(err, "invalid_request", "/facts", m.text(Msg::kFactsNotObject, en, {shown(tree, *facts)}));
    if (!read_facts(rules, tree, *facts, en, out, err)) return false;
  }
  return check_consistency(rules, *out.program, out, en, err);
}

}  // namespace uie
