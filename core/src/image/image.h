// The compiled rule set as bytes: written by the native build from the packs
// (which it loads and checks in full), read by the WebAssembly module at
// start-up in well under a millisecond. The module then needs neither the
// pack loader nor a JSON DOM: smaller, and ready at once.
//
// The image holds the typed rule set and no JSON; what is rendered once
// (citations, policy objects, questions, the catalog) is rendered again as
// it is read, by the same code the loader uses. It is tied to the engine
// version that wrote it: a module only reads an image of its own build.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "model/ruleset.h"

namespace uie {

std::string write_image(const RuleSet& rs);

// Null (and `error` set) for bytes that are not an image of this engine.
// `render`: the JSON rendered once (render_static_json), as an engine needs.
std::unique_ptr<RuleSet> read_image(std::string_view bytes, std::string& error, bool render = true);

// A deep copy of a rule set, its JSON not yet rendered: a reform changes the
// copy (reform/reform.h), then renders it.
std::unique_ptr<RuleSet> copy_rules(const RuleSet& rs);

}  // namespace uie
