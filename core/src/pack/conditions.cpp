#include "pack/conditions.h"

#include "base/json_out.h"
#include "kinds/kind.h"
#include "render/static_json.h"

namespace uie {
namespace {

// The sentences of one language: pass and fail with the kind's placeholders;
// "unknown" with the list of what is missing (or, for a composite, the
// sentences of its parts).
void texts(const RawTexts& raw, const KindOps& kind, const RawCondition& c, const std::string& key, Resolver& r,
           Text2& pass, Text2& fail, Text2* unknown, bool english) {
  if (!raw.given) return;
  auto compile = [&](const std::string& s, const std::vector<std::string_view>& slots, const char* field) {
    return r.sentence(s, slots, c.at, "/" + key + "/" + field);
  };
  (english ? pass.en : pass.zh) = compile(raw.pass, kind.slots, "pass");
  (english ? fail.en : fail.zh) = compile(raw.fail, kind.slots, "fail");
  if (unknown && !raw.unknown.empty()) {
    static const std::vector<std::string_view> leaf = {"facts"}, composite = {"detail"};
    (english ? unknown->en : unknown->zh) = compile(raw.unknown, kind.composite ? composite : leaf, "unknown");
  }
}

}  // namespace

Condition compile_condition(const RawCondition& raw, Resolver& r, bool nested) {
  Condition c;
  c.id = raw.id;
  c.label = raw.label;
  c.label_en = raw.label_en;
  c.kind = find_kind(raw.kind);
  if (!c.kind) return c;  // reported when read
  const KindOps& kind = *c.kind;
  texts(raw.text, kind, raw, "text", r, c.pass, c.fail, &c.unknown, false);
  texts(raw.text_en, kind, raw, "text_en", r, c.pass, c.fail, &c.unknown, true);
  if (raw.has_small_unit) {
    texts(raw.small_text, kind, raw, "small_unit/text", r, c.pass2, c.fail2, nullptr, false);
    texts(raw.small_text_en, kind, raw, "small_unit/text_en", r, c.pass2, c.fail2, nullptr, true);
  }
  if (!raw.whatif.empty()) c.whatif.zh = r.sentence(raw.whatif, kind.whatif_slots, raw.at, "/whatif");
  if (!raw.whatif_en.empty()) c.whatif.en = r.sentence(raw.whatif_en, kind.whatif_slots, raw.at, "/whatif_en");
  if (!nested && raw.cite) c.cite = r.cite(*raw.cite);
  kind.resolve(raw, c, r);
  // A condition on one fact is named by it unless the pack names it.
  if (!nested && c.label.empty() && !Resolver::name(raw, "fact").empty() && c.fact >= 0) {
    const FactDef& f = r.program().facts[static_cast<std::size_t>(c.fact)];
    c.label = f.label;
    if (c.label_en.empty()) c.label_en = f.label_en;
  }
  if (!nested) finish_condition(c);
  return c;
}

}  // namespace uie
