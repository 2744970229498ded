// A kind of condition (at_least, ratio_at_most, …): how it is read from a
// pack, checked, evaluated and explained. Each kind is one file in this
// folder; registry.cpp lists them. A new kind is a new file and one line.
#pragma once

#include <string_view>
#include <vector>

#include "base/template.h"
#include "eval/result.h"
#include "model/policy.h"

namespace uie {

struct RawCondition;
class Resolver;
class EvalContext;
class RenderContext;

struct KindOps {
  const char* name;
  bool composite;  // made of sub-conditions (any_of, all_of)
  // Keys the kind reads besides the common ones (id, kind, label, text,
  // text_en, whatif, whatif_en, cite, comment).
  std::vector<const char*> keys;
  // Placeholders its sentences may use, in slot order; then its what-if's.
  std::vector<std::string_view> slots;
  std::vector<std::string_view> whatif_slots;
  // Binds and type-checks the raw fields into `out` (ids, texts, cite and
  // `reads` are done by the caller).
  void (*resolve)(const RawCondition& raw, Condition& out, Resolver& r);
  // Decides the condition; fills the numbers its sentence shows and adds
  // what-ifs to the context.
  void (*eval)(const Condition& c, EvalContext& cx, CondOutcome& out);
  // Writes the value of one of its placeholders.
  void (*slot)(const Condition& c, const CondOutcome& o, int slot, Sink& sink, const RenderContext& cx);
  // Writes the value of one of its what-if placeholders (may be null).
  void (*whatif_slot)(const WhatIf& w, const CondOutcome& o, int slot, Sink& sink, const RenderContext& cx);
};

// The kind called `name`, or null.
const KindOps* find_kind(std::string_view name);
// Every kind, for the schema test and error messages.
const std::vector<const KindOps*>& all_kinds();

}  // namespace uie
