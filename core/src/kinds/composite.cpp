// any_of / all_of: conditions made of sub-conditions ("对领取失业保险金期满仍未就业的
// 失业人员、不符合领取失业保险金条件的参保失业人员"). The sentence shows the parts
// that decided it: for any_of the first that passed, or every part that failed;
// for all_of every part that passed, or the first that failed.
#include "kinds/common.h"
#include "pack/conditions.h"

namespace uie {
namespace {

void resolve(const RawCondition& raw, Condition& c, Resolver& r) {
  if (raw.of.size() < 2) r.issue(raw.at, issue::kType, "/of", "应为至少两个条件的数组");
  for (const auto& sub : raw.of) c.of.push_back(compile_condition(sub, r, true));
}

void eval_composite(const Condition& c, EvalContext& cx, CondOutcome& o, bool any) {
  bool some_true = false, some_false = false, some_null = false;
  // The parts' outcomes side by side (a part's own parts come after them).
  o.first_sub = cx.allocate(c.of.size());
  o.sub_count = static_cast<int>(c.of.size());
  for (std::size_t k = 0; k < c.of.size(); ++k) {
    int i = o.first_sub + static_cast<int>(k);
    cx.evaluate_into(c.of[k], i);
    const CondOutcome& sub = cx.result().outcomes[static_cast<std::size_t>(i)];
    some_true = some_true || sub.passed == Tri::kTrue;
    some_false = some_false || sub.passed == Tri::kFalse;
    some_null = some_null || sub.passed == Tri::kNull;
  }
  if (any ? some_true : some_false) o.passed = tri(any);
  else if (!some_null) o.passed = tri(!any);
}

void eval_any(const Condition& c, EvalContext& cx, CondOutcome& o) { eval_composite(c, cx, o, true); }
void eval_all(const Condition& c, EvalContext& cx, CondOutcome& o) { eval_composite(c, cx, o, false); }

// {detail}: the sentences of the parts that decided it, joined with "；".
void detail(const Condition& c, const CondOutcome& o, Sink& sink, const RenderContext& cx) {
  bool any = std::string_view(c.kind->name) == "any_of";
  bool first = true;
  for (int k = 0; k < o.sub_count; ++k) {
    const CondOutcome& s = cx.result().outcomes[static_cast<std::size_t>(o.first_sub + k)];
    if (o.passed != Tri::kNull && s.passed != o.passed) continue;
    if (!first) cx.messages().render(Msg::kDetailSeparator, cx.english(), sink);
    first = false;
    cx.condition_text(s, sink);
    if (o.passed != Tri::kNull && any == (o.passed == Tri::kTrue)) break;
  }
}

void slot(const Condition& c, const CondOutcome& o, int, Sink& sink, const RenderContext& cx) { detail(c, o, sink, cx); }

}  // namespace

extern const KindOps kAnyOf{"any_of", true, {"of"}, {"detail"}, {}, resolve, eval_any, slot, nullptr};
extern const KindOps kAllOf{"all_of", true, {"of"}, {"detail"}, {}, resolve, eval_all, slot, nullptr};

}  // namespace uie
