// The CLI's input handling, as functions the fuzzer and tests can call:
// bounded reading of one request and the --jsonl batch loop.
#pragma once

#include <istream>
#include <ostream>
#include <string>
#include <string_view>

#include "uie/engine.h"

namespace uie_cli {

// Reads at most `limit` + 1 bytes of a single request: enough for the engine to
// refuse an oversized one without holding the rest in memory.
std::string read_request(std::istream& in, std::size_t limit);

// Answers one request per line, in order, one response per line. A line past
// the request limit is consumed to its end but never held, and gets the
// engine's size error; a bad line never stops the batch.
void run_batch(const uie::Engine& engine, std::istream& in, std::ostream& out, std::string_view today);

}  // namespace uie_cli
