// one_of: the fact is one of the listed values ("单位类型…参照实施").
#include "kinds/common.h"

namespace uie {
namespace {

void resolve(const RawCondition& raw, Condition& c, Resolver& r) {
  c.fact = r.fact(raw, "fact", {FactType::kEnum, FactType::kInteger, FactType::kCount});
  c.reads = {c.fact};
  if (c.fact < 0) return;
  const FactDef& f = r.program().facts[static_cast<std::size_t>(c.fact)];
  if (raw.values.empty()) r.issue(raw.at, issue::kMissing, "/values", "应为非空数组");
  for (const auto& v : raw.values) {
    if (f.type == FactType::kEnum) {
      const Option* o = v.kind == RawScalar::Kind::kString ? f.option(v.text) : nullptr;
      if (!o) {
        r.issue(raw.at, issue::kValue, v.pointer.substr(raw.at.pointer.size()), "不是事实“" + f.id + "”的选项");
        continue;
      }
      c.option_set |= std::uint64_t{1} << (o - f.options.data());
    } else if (v.kind != RawScalar::Kind::kInteger) {
      r.issue(raw.at, issue::kValue, v.pointer.substr(raw.at.pointer.size()), "应为整数");
    } else {
      c.numbers.push_back(v.number);
    }
  }
}

void eval(const Condition& c, EvalContext& cx, CondOutcome& o) {
  const FactValue* v = cx.value(c.fact);
  if (!v) return;
  bool in = false;
  if (cx.program().facts[static_cast<std::size_t>(c.fact)].type == FactType::kEnum) {
    in = (c.option_set >> v->number) & 1u;
  } else {
    for (auto n : c.numbers) in = in || n == v->number;
  }
  o.passed = tri(in);
}

void slot(const Condition& c, const CondOutcome&, int, Sink& sink, const RenderContext& cx) { cx.display(c.fact, sink); }

}  // namespace

extern const KindOps kOneOf{"one_of", false, {"fact", "values"}, {"value"}, {}, resolve, eval, slot, nullptr};

}  // namespace uie
