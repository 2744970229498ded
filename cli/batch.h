// The CLI's input handling, as functions the fuzzer and tests can call:
// bounded reading of one request, the --jsonl batch loop (full answers or
// screening lines) and the --csv screening loop.
#pragma once

#include <istream>
#include <ostream>
#include <string>
#include <string_view>

#include "encoding.h"
#include "uie/engine.h"

namespace uie_cli {

// Reads at most `limit` + 1 bytes of a single request: enough for the engine to
// refuse an oversized one without holding the rest in memory.
std::string read_request(std::istream& in, std::size_t limit);

enum class Answer { kFull, kScreen };

// Answers one request per line, in order, one response per line, through a
// uie::Session (a line past the request limit is consumed to its end but
// never held, and gets the engine's size error; a bad line never stops the
// batch).
void run_batch(const uie::Engine& engine, std::istream& in, std::ostream& out, const uie::Options& options,
               Answer answer = Answer::kFull);

// Screens a CSV batch read in chunks (memory stays flat whatever its size),
// in `encoding` (kAuto: UTF-8 or GB18030, told apart by the bytes). kLines:
// one compact line per row; kTable: the CSV table, in the input's encoding
// (GB18030 back as GB18030, a UTF-8 byte-order mark kept). False when the
// header was refused: kLines writes the error line, kTable writes the
// message to `err` and no table.
bool run_csv(const uie::Engine& engine, std::istream& in, std::ostream& out, std::ostream& err,
             const uie::ScreenDefaults& defaults, const uie::Options& options, uie::BatchOutput output,
             Encoding encoding);

}  // namespace uie_cli
