// What fuzz_reform checks for one input (a reform's bytes), shared with the
// hostile tests of reforms (tests/hostile/reform_test.cpp), so a committed
// finding is held to what the fuzzer held it to. Exception-free, as
// fuzz_checks.h.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "fuzz_checks.h"

namespace uie_fuzz {

// Requests a reform of the Shanxi 2025 refund reaches (the rates by size, the
// case on related_enterprise, a size left open), and one of every program.
inline const std::vector<std::string>& reform_probes() {
  static const std::vector<std::string> probes = [] {
    std::vector<std::string> p = {
        R"({"region":"140100","date":"2025-08-01","program":"stabilization_refund","facts":{"unit_type":"enterprise","size":"sme","contribution_months":24,"insured_headcount":100,"layoffs":1,"contributions_paid":"10000"}})",
        R"({"region":"140000","date":"2025-08-01","program":"stabilization_refund","facts":{"unit_type":"enterprise","size":"large","related_enterprise":true,"contribution_months":24,"insured_headcount":400,"layoffs":2,"contributions_paid":"123456.78"}})",
        R"({"region":"140000","date":"2025-03-01","program":"stabilization_refund","facts":{"unit_type":"social_group","contribution_months":24,"insured_headcount":20,"layoffs":0,"contributions_paid":5000}})",
        R"({"region":"140000","date":"2025-08-01","program":"skill_subsidy","facts":{"worker_status":"employed","insured_months":18,"certificate":"skill_level","level":4}})",
    };
    for (const std::string& r : probe_requests()) p.push_back(r);
    return p;
  }();
  return probes;
}

// The base engine's answers to the probes, computed once: a reform must never change them.
inline const std::vector<std::string>& base_answers(const uie::Engine& base) {
  static const std::vector<std::string> answers = [&] {
    std::vector<std::string> a;
    for (const std::string& r : reform_probes()) a.push_back(base.estimate(r, kToday));
    return a;
  }();
  return answers;
}

// "" when Engine::reform(input) behaves: an engine with no issues, or issues
// (file "reform", a code, a JSON Pointer, Chinese and English) and no engine;
// under an engine, every probe is a well-formed answer, a policy's parameters
// are JSON, and the base engine's answers are what they were.
inline std::string check_reform(const uie::Engine& base, std::string_view input) {
  const std::vector<std::string>& before = base_answers(base);
  uie::LoadResult r = base.reform(input);
  if (r.ok() != r.issues.empty()) return "reform: engine and issues disagree (a failure must say why, a success must have none)";
  for (const auto& issue : r.issues) {
    if (issue.file != "reform" || issue.code.empty() || issue.message.empty() || issue.message_en.empty() ||
        !uie_check::pointer_syntax_ok(issue.pointer))
      return "reform: an issue without file \"reform\", code, both messages or a valid pointer: " + issue.pointer + " [" +
             issue.code + "] " + issue.message;
  }
  if (r.ok() && input.find('\0') != std::string_view::npos) return "reform: accepted a text holding a NUL byte";
  if (r.ok()) {
    const uie::Engine& reformed = *r.engine;
    // Accepted, so it is JSON without a repeated key: what it names.
    json doc = json::parse(input.begin(), input.end(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || !doc["base"].is_string() || !doc["program"].is_string() || !doc["id"].is_string())
      return "reform: accepted a text that is not a reform object";
    bool english = false;
    for (const std::string& probe : reform_probes()) {
      uie::Options options{kToday, english};
      english = !english;
      const std::string response = reformed.estimate(probe, options);
      std::string problem = uie_check::check_response(probe, response);
      if (!problem.empty()) return "reformed, probe " + probe.substr(0, 120) + ": " + problem + "\nresponse: " + response.substr(0, 2000);
      json j = json::parse(response, nullptr, false);
      json req = json::parse(probe);
      const json* policy = uie_check::member(j, "policy");
      if (!policy || !policy->is_object()) continue;
      // The reformed policy's answers name the reform, and no other answer does.
      bool under = policy->value("id", json()) == doc["base"] && req["program"] == doc["program"];
      const json* named = uie_check::member(*policy, "reform");
      if (under && (!named || !named->is_object() || named->value("id", json()) != doc["id"] || !named->value("title", json()).is_string()))
        return "reformed, probe " + probe.substr(0, 120) + ": the answer under the reformed policy does not name the reform";
      if (!under && named) return "reformed, probe " + probe.substr(0, 120) + ": an answer under another policy names the reform";
      const std::string params = reformed.parameters(probe, options);
      json pj = json::parse(params, nullptr, false);
      if (pj.is_discarded() || !pj.is_object() || !pj.contains("ok")) return "parameters: not a JSON object with ok: " + params.substr(0, 500);
    }
    json catalog = json::parse(reformed.catalog(), nullptr, false);
    if (catalog.is_discarded() || !catalog.is_object()) return "reformed catalog: not a JSON object";
  }
  const std::vector<std::string>& probes = reform_probes();
  for (std::size_t i = 0; i < probes.size(); ++i) {
    if (base.estimate(probes[i], kToday) != before[i]) return "the base engine's answer changed after a reform: " + probes[i].substr(0, 120);
  }
  return "";
}

}  // namespace uie_fuzz
