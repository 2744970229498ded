// readings: one condition the documents let be read two (or more) ways
// ("保障范围为2021年1月1日之后新发生的参保失业人员": the job loss from 2021, or
// the case — the benefit running out — from 2021). Each reading is a
// sub-condition with an id. The condition passes or fails where every reading
// agrees; where they differ it is undecided, and the answer gives the result
// under each reading (Result::readings) and says the office decides — the
// tool does not choose for it.
#include "kinds/common.h"
#include "pack/conditions.h"

namespace uie {
namespace {

void resolve(const RawCondition& raw, Condition& c, Resolver& r) {
  if (raw.of.size() < 2) r.issue(raw.at, issue::kType, "/of", "应为至少两种读法的数组");
  for (std::size_t k = 0; k < raw.of.size(); ++k) {
    if (raw.of[k].id.empty()) r.issue(raw.of[k].at, issue::kMissing, "/id", "每种读法都要有 id（答复里的 reading）");
    c.of.push_back(compile_condition(raw.of[k], r, true));
  }
}

void eval(const Condition& c, EvalContext& cx, CondOutcome& o) {
  o.first_sub = cx.allocate(c.of.size());
  o.sub_count = static_cast<int>(c.of.size());
  bool some_true = false, some_false = false, some_null = false;
  for (std::size_t k = 0; k < c.of.size(); ++k) {
    int i = o.first_sub + static_cast<int>(k);
    cx.evaluate_into(c.of[k], i);
    Tri t = cx.result().outcomes[static_cast<std::size_t>(i)].passed;
    some_true = some_true || t == Tri::kTrue;
    some_false = some_false || t == Tri::kFalse;
    some_null = some_null || t == Tri::kNull;
  }
  if (!some_null && some_true != some_false) o.passed = tri(some_true);
}

// {detail}: decided, the first reading's sentence (they agree); otherwise
// each reading's sentence after its label.
void slot(const Condition&, const CondOutcome& o, int, Sink& sink, const RenderContext& cx) {
  for (int k = 0; k < o.sub_count; ++k) {
    const CondOutcome& s = cx.result().outcomes[static_cast<std::size_t>(o.first_sub + k)];
    if (k) cx.messages().render(Msg::kDetailSeparator, cx.english(), sink);
    if (o.passed == Tri::kNull) {
      const std::string& label = cx.english() && !s.cond->label_en.empty() ? s.cond->label_en : s.cond->label;
      cx.messages().render(Msg::kReadingLabel, cx.english(), sink, {label});
    }
    cx.condition_text(s, sink);
    if (o.passed != Tri::kNull) break;
  }
}

}  // namespace

extern const KindOps kReadings{"readings", true, {"of"}, {"detail"}, {}, resolve, eval, slot, nullptr};

}  // namespace uie
