// A policy's parameters as a page lists them before an office changes some
// (测算方案): each with its type, whether the document gives a ceiling, its
// value on the date with its citation, and the values that depend on a fact.
#include "base/cold.h"
#include "base/exact.h"
#include "base/json_out.h"
#include "render/render.h"

UIE_COLD_BEGIN  // once per what-if: compiled for size in the wasm build

namespace uie {
namespace {

bool editable(ParamType t) { return t == ParamType::kCount || t == ParamType::kRate || t == ParamType::kMoney; }

// The value as a reform writes it: "40%", 12, "1500.00".
void value(JsonOut& o, const Param& p, const ParamScalar& v) {
  switch (p.type) {
    case ParamType::kRate: o.str(v.rate.text); break;
    case ParamType::kCount: o.num(v.count); break;
    case ParamType::kMoney: o.str(yuan_str(v.money)); break;
    case ParamType::kDate: o.str(v.date.str()); break;
    default: o.null();
  }
}

}  // namespace

void render_parameters(std::string& out, const Policy& policy, const Date& as_of) {
  JsonOut o(out);
  o.raw("{").key("ok").boolean(true).next("program").str(policy.program->id).next("as_of").str(as_of.str());
  o.next("policy").raw(policy.json_open).raw("}").next("params").raw("[");
  bool first = true;
  for (const auto& param : policy.params) {
    const Param& p = *param;
    const ParamValue& v = p.at(as_of);
    if (!first) o.raw(",");
    first = false;
    o.raw("{").key("id").str(p.id).next("type").str(param_type_name(p.type)).next("cap").boolean(p.cap);
    o.next("editable").boolean(editable(p.type)).next("value");
    value(o, p, v.value);
    o.next("from").str(v.from.str()).next("set_by").str(p.set_by).next("cite").raw(v.cite ? v.cite->json : "null");
    o.next("when").raw("[");
    for (std::size_t i = 0; i < v.when.size(); ++i) {
      const ParamCase& c = v.when[i];
      const FactDef& f = policy.program->facts[static_cast<std::size_t>(c.fact)];
      if (i) o.raw(",");
      o.raw("{").key("fact").str(f.id).next("equals");
      if (c.is_bool) o.boolean(c.equals_bool);
      else o.str(f.options[static_cast<std::size_t>(c.equals_option)].text);
      o.next("value");
      value(o, p, c.value);
      o.next("where_adopted").boolean(c.where_adopted).next("cite").raw(c.cite ? c.cite->json : "null").raw("}");
    }
    o.raw("]}");
  }
  o.raw("]}");
}

}  // namespace uie

UIE_COLD_END
