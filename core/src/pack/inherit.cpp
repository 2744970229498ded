// Inheritance on the typed form: a refining pack's section over the section
// it inherits. Parameters, derivations and conditions by id (same id
// replaces in place, a new id is added), the amount and duration field by
// field (an amount of another kind replaces the whole rule), notes added
// (a note with an inherited note's id replaces it), validity replaced when
// given.
#include "pack/inherit.h"

namespace uie {
namespace {

template <typename T>
void merge_by_id(std::vector<T>& into, const std::vector<T>& from) {
  for (const auto& item : from) {
    bool replaced = false;
    if (!item.id.empty()) {
      for (auto& existing : into) {
        if (existing.id == item.id) {
          existing = item;
          replaced = true;
        }
      }
    }
    if (!replaced) into.push_back(item);
  }
}

template <typename T>
void take(std::optional<T>& into, const std::optional<T>& from) {
  if (from) into = from;
}

RawAmount merge_amount(const RawAmount& parent, const RawAmount& child) {
  // A different kind of amount replaces the whole rule.
  if (child.kind && (!parent.kind || *parent.kind != *child.kind)) return child;
  RawAmount out = parent;
  take(out.kind, child.kind);
  take(out.base, child.base);
  take(out.pass_on, child.pass_on);
  take(out.fact, child.fact);
  take(out.total, child.total);
  take(out.unit, child.unit);
  take(out.individual, child.individual);
  take(out.standard, child.standard);
  take(out.rate, child.rate);
  take(out.minimum_wage, child.minimum_wage);
  take(out.whole_yuan, child.whole_yuan);
  take(out.text, child.text);
  if (child.text) out.text_en = child.text_en;  // the English follows its Chinese: never the parent's beside the child's
  take(out.exclude, child.exclude);
  take(out.rate_by_unit_type, child.rate_by_unit_type);
  take(out.rate_by_size, child.rate_by_size);
  take(out.table, child.table);
  take(out.derive_size, child.derive_size);
  take(out.cite, child.cite);
  take(out.exclude_cite, child.exclude_cite);
  take(out.pass_on_cite, child.pass_on_cite);
  out.at = child.at;  // problems of the merged rule are shown where it was last written
  return out;
}

RawDuration merge_duration(const RawDuration& parent, const RawDuration& child) {
  RawDuration out = parent;
  take(out.bands, child.bands);
  take(out.schedule, child.schedule);
  take(out.extension_within, child.extension_within);
  take(out.months_to_retirement, child.months_to_retirement);
  take(out.extension_cite, child.extension_cite);
  out.at = child.at;
  return out;
}

}  // namespace

RawSection inherit(const RawSection& parent, const RawSection& child) {
  RawSection out = parent;
  take(out.valid_from, child.valid_from);
  take(out.valid_to, child.valid_to);
  take(out.validity_cite, child.validity_cite);
  for (const auto& p : child.params) {
    bool replaced = false;
    for (auto& existing : out.params) {
      if (existing.id == p.id) {
        existing = p;
        replaced = true;
      }
    }
    if (!replaced) out.params.push_back(p);
  }
  merge_by_id(out.derive, child.derive);
  merge_by_id(out.conditions, child.conditions);
  out.has_conditions = out.has_conditions || child.has_conditions;
  if (child.amount) out.amount = out.amount ? merge_amount(*out.amount, *child.amount) : *child.amount;
  if (child.duration) out.duration = out.duration ? merge_duration(*out.duration, *child.duration) : *child.duration;
  merge_by_id(out.notes, child.notes);
  out.at = child.at;
  return out;
}

}  // namespace uie
