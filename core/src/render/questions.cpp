// The questions for a request's program under a policy: the facts it uses,
// in asking order, each rendered once at load and marked answered or not.
#include "base/json_out.h"
#include "render/render.h"
#include "render/static_json.h"

namespace uie {

void render_questions(std::string& out, const Request& req, const Policy& p) {
  render_questions_once(p);
  bool in_force = p.in_force(req.date);
  JsonOut o(out);
  o.raw("{").key("ok").boolean(true).next("program").str(p.program->id);
  o.next("policy").raw(p.json_open).next("in_force").boolean(in_force).raw("}");
  o.next("in_force").boolean(in_force).next("questions").raw("[");
  std::size_t i = 0;  // the question's index: asked facts only
  for (int f : p.used_facts) {
    if (!p.asks(f)) continue;
    if (i) o.raw(",");
    const FactValue* v = req.facts.get(f);
    o.raw(p.question_head[i]).boolean(v && !v->derived).raw(p.question_tail[i]);
    ++i;
  }
  o.raw("]").next("conditions").raw(p.conditions_json).raw("}");
}

}  // namespace uie
