// Test helpers: one engine built from the embedded packs, and requests as JSON.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "uie/engine.h"

namespace uie_test {

using json = nlohmann::json;

// The engine over the shipped packs, loaded once for the whole test run.
const uie::Engine& engine();

// Evaluates a request; "today" is fixed so that no test depends on the clock.
json estimate(const json& request, const std::string& today = "2026-11-22");
json estimate_text(const std::string& request, const std::string& today = "2026-11-22");
json questions(const json& request, const std::string& today = "2026-11-22");

// The condition with this id in a response (a null json if absent).
json condition(const json& response, const std::string& id);

// Reads a whole file (throws nothing; an empty string if unreadable).
std::string read_file(const std::string& path);

}  // namespace uie_test
