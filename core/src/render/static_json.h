// The JSON that never changes, rendered once (static_json.cpp): by the loader
// as it compiles, and again by the image reader, which stores none of it.
#pragma once

#include "model/ruleset.h"

namespace uie {

// A citation's response object and the tag notes carry: "（人社部发〔2024〕40号 二）".
void finish_cite(Cite& c);
// A note, escaped for a JSON string.
void finish_note(Note& n);
// A top-level condition's fixed JSON around its verdict and sentence.
void finish_condition(Condition& c);
// A policy's questions, rendered on first use (thread-safe).
void render_questions_once(const Policy& p);
void render_policy_questions(const Policy& p);
// Each policy's object, the catalog and the program list.
void render_static_json(RuleSet& rs, const char* engine_version);

}  // namespace uie
