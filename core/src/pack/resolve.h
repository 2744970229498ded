// Resolution: one program's merged section becomes a Policy. Every name is
// bound (facts to indices, parameters to pointers) and type-checked where it
// is used: a date parameter cannot be a count threshold, a yes/no fact
// cannot be a numerator. Problems are reported in the file and at the
// pointer where the element was written, which after inheritance may be
// another pack than the one being compiled.
#pragma once

#include <deque>
#include <initializer_list>
#include <map>

#include "model/ruleset.h"
#include "pack/pack_json.h"
#include "pack/raw.h"

namespace uie {

// Sentences already parsed during one load, by text and the placeholders
// allowed: a rule inherited by many policies shares one parsed template.
using SentenceCache = std::map<std::pair<std::string, const void*>, Template>;
using NoteCache = std::map<std::pair<std::string, const void*>, std::shared_ptr<const Note>>;

class Resolver {
 public:
  Resolver(const ProgramDef& program, Policy& policy, const std::map<const std::string*, Reporter*>& reporters,
           std::deque<Cite>& cites, SentenceCache& sentences, NoteCache& notes)
      : program_(program), policy_(policy), reporters_(reporters), cites_(cites), sentences_(sentences), notes_(notes) {}

  const ProgramDef& program() const { return program_; }
  Policy& policy() { return policy_; }

  void issue(const Origin& at, const char* code, const std::string& suffix, const std::string& message);

  // A fact named in a rule, of one of `types` (any type when empty); counts
  // as used by the policy. -1 when it cannot be bound (already reported).
  int fact(const std::string& name, const Origin& at, const std::string& suffix,
           std::initializer_list<FactType> types = {});
  // The fact a condition names under `key`.
  int fact(const RawCondition& c, const char* key, std::initializer_list<FactType> types = {});
  // A parameter of the policy, of `type`.
  const Param* param(const std::string& name, const Origin& at, const std::string& suffix, ParamType type);
  const Param* param(const RawCondition& c, const char* key, ParamType type);
  // The name a condition gives under `key` ("" when absent).
  static std::string name(const RawCondition& c, const char* key);

  // A citation, interned for the life of the rule set.
  const Cite* cite(const RawCite& raw);
  // A note with its citation tag, shared by every policy that has it.
  std::shared_ptr<const Note> note(const std::string& zh, const std::string& en);
  // A sentence that may use `slots`; an unknown placeholder is a problem.
  Template sentence(const std::string& text, const std::vector<std::string_view>& slots, const Origin& at,
                    const std::string& suffix);
  void use(int fact);

 private:
  Reporter& reporter(const Origin& at);

  const ProgramDef& program_;
  Policy& policy_;
  const std::map<const std::string*, Reporter*>& reporters_;
  std::deque<Cite>& cites_;
  SentenceCache& sentences_;
  NoteCache& notes_;
};

// Compiles `section` (already merged with what it inherits) into `policy`,
// whose doc, program, chain and parent are set.
void resolve_section(const RawSection& section, Resolver& r);
// The amount rule and the duration (resolve_amount.cpp).
void resolve_amount(const RawAmount& a, Resolver& r);
void resolve_duration(const RawDuration& d, Resolver& r);

}  // namespace uie
