// Rendering: a typed result (or an error) written straight into one buffer
// as the contract's JSON, a compact screening line, or the questions.
#pragma once

#include <string>

#include "eval/result.h"
#include "model/situation.h"
#include "model/ruleset.h"

namespace uie {

// The response of contract §2.
void render_answer(std::string& out, const RuleSet& rules, const Request& req, const Result& r, bool english);

// {"eligible":…,"amount_fen":…,"failed":[…],"missing":[…]}
void render_screen_line(std::string& out, const Request& req, const Result& r);

// {"ok":false,"error":{"code","path","message"[,"latest"]}}
void render_error(std::string& out, std::string_view code, std::string_view path, std::string_view message,
                  const Policy* latest = nullptr);

// The questions for the request's program under `policy` (docs/contract-notes.md §6).
void render_questions(std::string& out, const Request& req, const Policy& policy);
// The policy's parameters on a date (Engine::parameters; render/params.cpp).
void render_parameters(std::string& out, const Policy& policy, const Date& as_of);

// Receives the notes of an answer one by one (a JSON array, a CSV cell).
class NoteWriter {
 public:
  virtual ~NoteWriter() = default;
  virtual Sink& begin() = 0;  // where the next note's text goes
  virtual void end() = 0;
};

// The notes of an answer, in order (render/notes.cpp).
void render_notes(const RuleSet& rules, const Request& req, const Result& r, bool english, NoteWriter& w);

// The sentence of each what-if (render/answer.cpp).
void render_whatif_text(const RuleSet& rules, const Request& req, const Result& r, const WhatIf& w, bool english,
                        Sink& sink);

}  // namespace uie
