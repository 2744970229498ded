// What each fuzz harness checks for one input, shared with the regression
// test of tests/hostile/regressions_test.cpp, so that a committed crash input
// is held to exactly what the fuzzer held it to. Exception-free: the
// harnesses are built with -fno-exceptions -DJSON_NOEXCEPTION.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "check_response.h"
#include "uie/engine.h"

namespace uie_fuzz {

using nlohmann::json;

// Every harness evaluates with this "today", so each run is reproducible.
constexpr std::string_view kToday = "2024-07-15";

// "" when a questions() response is well-formed.
inline std::string check_questions(std::string_view request, std::string_view response) {
  json r = json::parse(response.begin(), response.end(), nullptr, false);
  if (r.is_discarded() || !r.is_object()) return "questions: not a JSON object";
  const json* ok = uie_check::member(r, "ok");
  if (!ok || !ok->is_boolean()) return "questions: no boolean ok";
  if (!ok->get<bool>()) {
    // Same error shape as estimate: reuse its checks on the error alone.
    std::string p = uie_check::check_response(request, response);
    return p.empty() ? "" : "questions: " + p;
  }
  const json* qs = uie_check::member(r, "questions");
  if (!qs || !qs->is_array()) return "questions: no questions array";
  for (const json& q : *qs) {
    const json* fact = uie_check::member(q, "fact");
    const json* type = uie_check::member(q, "type");
    if (!fact || !fact->is_string() || !type || !type->is_string()) return "questions: a question without fact/type";
  }
  return "";
}

// "" when a compare() response is well-formed: an error as estimate's, or
// at most 16 columns, `current` one of them, each a policy, a date and an
// answer that is itself a response object (an estimate's, or its error).
inline std::string check_compare(std::string_view request, std::string_view response) {
  json r = json::parse(response.begin(), response.end(), nullptr, false);
  if (r.is_discarded() || !r.is_object()) return "compare: not a JSON object";
  const json* ok = uie_check::member(r, "ok");
  if (!ok || !ok->is_boolean()) return "compare: no boolean ok";
  if (!ok->get<bool>()) {
    std::string p = uie_check::check_response(request, response);
    return p.empty() ? "" : "compare: " + p;
  }
  const json* cols = uie_check::member(r, "columns");
  const json* current = uie_check::member(r, "current");
  if (!cols || !cols->is_array() || cols->empty() || cols->size() > 16) return "compare: columns missing, empty or over 16";
  if (!current || !current->is_number_unsigned() || current->get<std::size_t>() >= cols->size()) return "compare: current is no column";
  for (const json& c : *cols) {
    const json* policy = uie_check::member(c, "policy");
    const json* as_of = uie_check::member(c, "as_of");
    const json* answer = uie_check::member(c, "answer");
    if (!policy || !policy->is_string() || !as_of || !as_of->is_string() || as_of->get<std::string>().size() != 10)
      return "compare: a column without policy or date";
    if (!answer || !answer->is_object()) return "compare: a column without an answer object";
    const json* answered = uie_check::member(*answer, "ok");
    if (!answered || !answered->is_boolean()) return "compare: a column's answer without a boolean ok";
  }
  return "";
}

// Harness fuzz_estimate: one request through estimate(), questions() and compare().
inline std::string check_estimate(const uie::Engine& engine, std::string_view input) {
  const std::string response = engine.estimate(input, kToday);
  std::string problem = uie_check::check_response(input, response);
  if (!problem.empty()) return "estimate: " + problem + "\nresponse: " + response.substr(0, 2000);
  const std::string questions = engine.questions(input, kToday);
  problem = check_questions(input, questions);
  if (!problem.empty()) return problem + "\nresponse: " + questions.substr(0, 2000);
  const std::string compared = engine.compare(input, {kToday});
  problem = check_compare(input, compared);
  if (!problem.empty()) return problem + "\nresponse: " + compared.substr(0, 2000);
  return "";
}

// Harness fuzz_packs: the first byte chooses which embedded pack the rest of
// the input replaces (or, past the last, is added as one more pack).
inline std::vector<uie::PackText> packs_with(std::string_view input) {
  std::vector<uie::PackText> packs = uie::embedded_packs();
  if (input.empty()) return packs;
  const std::size_t slot = static_cast<unsigned char>(input[0]) % (packs.size() + 1);
  uie::PackText mutated{slot < packs.size() ? packs[slot].name : "rules/fuzz/extra.json", std::string(input.substr(1))};
  if (slot < packs.size()) packs[slot] = std::move(mutated);
  else packs.push_back(std::move(mutated));
  return packs;
}

// Requests of every program, evaluated under whatever rules loaded.
inline const std::vector<std::string>& probe_requests() {
  static const std::vector<std::string> probes = {
      R"({"region":"140000","date":"2024-07-15","program":"stabilization_refund","facts":{"unit_type":"enterprise","size":"sme","contribution_months":24,"insured_headcount":80,"layoffs":4,"contributions_paid":56789.12}})",
      R"({"region":"630000","date":"2021-10-08","program":"stabilization_refund","facts":{"unit_type":"enterprise","contribution_months":24,"insured_headcount":25,"layoffs":5,"contributions_paid":8000,"labor_dispatch":true,"dispatched_contributions":100}})",
      R"({"region":"440100","date":"2021-06-01","program":"stabilization_refund","facts":{"unit_type":"enterprise","avg_insured_headcount":40,"contribution_months":12,"insured_headcount":40,"layoffs":0,"contributions_paid":1000}})",
      R"({"region":"660000","date":"2024-04-20","program":"skill_subsidy","facts":{"worker_status":"employed","insured_months":18,"certificate":"skill_level","level":5,"previous_levels_same_occupation":[5]}})",
      R"({"region":"000000","date":"2024-07-15","program":"unemployment_benefit","facts":{"contribution_months":24,"involuntary":true,"benefit_months_used":3,"months_to_retirement":10}})",
      R"({"region":"630000","date":"2021-10-08","program":"unemployment_subsidy","facts":{"unemployed_since":"2021-06-01","contribution_months":6,"involuntary":true}})",
      R"({"region":"630100","date":"2021-10-08","program":"migrant_worker_allowance","facts":{"migrant_worker":true,"insured_months":6,"unemployed_since":"2021-06-01"}})",
      R"({"region":"140000","date":"2025-06-01","program":"contribution_rate","facts":{"wage_base":8000}})",
      R"({"region":"370000","program":"stabilization_refund","facts":{}})",
  };
  return probes;
}

inline std::string check_packs(std::string_view input) {
  uie::LoadResult loaded = uie::Engine::load(packs_with(input));
  if (loaded.ok() != loaded.issues.empty()) return "load: engine and issues disagree (a failure must say why, a success must have none)";
  for (const auto& issue : loaded.issues) {
    if (issue.file.empty() || issue.message.empty() || !uie_check::pointer_syntax_ok(issue.pointer))
      return "load: an issue without file, message or a valid pointer";
  }
  if (!loaded.ok()) return "";
  const uie::Engine& engine = *loaded.engine;
  json catalog = json::parse(engine.catalog(), nullptr, false);
  if (catalog.is_discarded() || !catalog.is_object()) return "catalog: not a JSON object";
  // Every probe through estimate(); questions() (4x the cost) for the first,
  // to keep the harness fast enough to be worth running.
  for (const std::string& probe : probe_requests()) {
    const std::string response = engine.estimate(probe, kToday);
    std::string problem = uie_check::check_response(probe, response);
    if (!problem.empty()) return "probe " + probe.substr(0, 120) + ": " + problem + "\nresponse: " + response.substr(0, 2000);
  }
  const std::string& first = probe_requests().front();
  std::string problem = check_questions(first, engine.questions(first, kToday));
  return problem.empty() ? "" : "probe " + first.substr(0, 120) + ": " + problem;
}

// Harness fuzz_jsonl: `output` is what `estimate --jsonl --today kToday` wrote
// for `input`. One response per line, in order, each exactly what the engine
// answers for that line alone; a line past the limit is refused as a whole.
inline std::string check_batch(const uie::Engine& engine, std::string_view input, std::string_view output) {
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start < input.size();) {
    std::size_t nl = input.find('\n', start);
    if (nl == std::string_view::npos) nl = input.size();
    lines.push_back(input.substr(start, nl - start));
    start = nl + 1;
  }
  const std::size_t limit = uie::Limits{}.max_request_bytes;
  std::size_t pos = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::size_t nl = output.find('\n', pos);
    if (nl == std::string_view::npos) return "batch: " + std::to_string(lines.size()) + " lines but only " + std::to_string(i) + " responses";
    std::string_view response = output.substr(pos, nl - pos);
    pos = nl + 1;
    std::string_view line = lines[i];
    std::string expected;
    if (line.size() > limit) {
      json r = json::parse(response.begin(), response.end(), nullptr, false);
      if (!uie_check::error_is(r, "invalid_request", ""))
        return "batch: line " + std::to_string(i + 1) + " is past the limit but was not refused as a whole";
      continue;
    }
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    expected = engine.estimate(line, kToday);
    if (response != expected) return "batch: response " + std::to_string(i + 1) + " is not the engine's answer to line " + std::to_string(i + 1);
    std::string problem = uie_check::check_response(line, response);
    if (!problem.empty()) return "batch: line " + std::to_string(i + 1) + ": " + problem;
  }
  if (pos != output.size()) return "batch: more responses than lines";
  return "";
}

}  // namespace uie_fuzz
