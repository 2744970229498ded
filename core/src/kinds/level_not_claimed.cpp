// level_not_claimed: no subsidy yet for the same level ("同一职业（工种）同一等级只能
// 申请并享受一次"), or for a higher one ("已享受…高级别证书…的，不再享受低级别证书补贴").
#include "kinds/common.h"

namespace uie {
namespace {

enum Slot { kValue, kLevels };
enum Mode { kSame = 0, kHigher = 1 };

void resolve(const RawCondition& raw, Condition& c, Resolver& r) {
  c.fact = r.fact(raw, "fact", {FactType::kInteger, FactType::kCount});
  c.fact2 = r.fact(raw, "list", {FactType::kLevelList});
  std::string mode = Resolver::name(raw, "mode");
  if (mode == "same") c.mode = kSame;
  else if (mode == "higher") c.mode = kHigher;
  else r.issue(raw.at, issue::kValue, "/mode", "mode 应为 same 或 higher");
  c.reads = {c.fact};
}

void eval(const Condition& c, EvalContext& cx, CondOutcome& o) {
  const FactValue* level = cx.value(c.fact);
  if (!level) return;
  const FactValue* list = cx.value(c.fact2);
  bool clash = false;
  if (list) {
    for (int i = 0; i < list->level_count; ++i) {
      std::int64_t l = list->level_list[i];
      // Level 1 is the highest (一级/高级技师), 5 the lowest (五级/初级).
      clash = clash || (c.mode == kSame ? l == level->number : l < level->number);
    }
  }
  o.passed = tri(!clash);
}

void slot(const Condition& c, const CondOutcome&, int slot, Sink& sink, const RenderContext& cx) {
  if (slot == kValue) cx.display(c.fact, sink);
  else if (cx.value(c.fact2)) cx.display(c.fact2, sink);
  else cx.messages().render(Msg::kNone, cx.english(), sink);
}

}  // namespace

extern const KindOps kLevelNotClaimed{"level_not_claimed", false, {"fact", "list", "mode"}, {"value", "levels"}, {},
                                      resolve, eval, slot, nullptr};

}  // namespace uie
