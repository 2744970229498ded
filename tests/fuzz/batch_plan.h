// How fuzz_csv runs one input (Plan): the first bytes choose the batch's
// kind, output, limit, language, defaults and chunking, and may stretch one
// piece of the batch to the limit's edge or far past it; the rest is the batch.
#pragma once

#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>

#include "batch_runs.h"
#include "fuzz_checks.h"

namespace uie_fuzz {

// The second engine's limit: lines and records past it cost little to make.
constexpr std::size_t kSmallLimit = 256;
constexpr std::size_t kLargestChunk = 4096;
// Bytes of an oversize item fed while the session's allocations are counted.
constexpr std::size_t kWatched = 256 * 1024;

// Defaults a batch may give for rows that name no region, date or program.
inline const uie::ScreenDefaults kDefaults[] = {
    {"140000", "2024-07-15", "stabilization_refund", ""},
    {"630000", "2021-10-08", "unemployment_subsidy", ""},
    {"440100", "2021-06-01", "unemployment_benefit", ""},
    {"660000", "2024-04-20", "skill_subsidy", ""},
    {"630100", "2021-10-08", "migrant_worker_allowance", ""},
    {"140000", "2025-06-01", "contribution_rate", ""},
    {"370000", "", "stabilization_refund", ""},
    {"", "", "", ""},
    {"999999", "2024/07/15", "no_such_program", ""},
};

// How the input is run. Byte 0: bit 0 JSONL (else CSV), bits 1-2 the output
// kind, bit 3 the engine with the small limit, bit 4 English, bit 5 which run
// tees the table, bit 6 CRLF in the CSV written from cells, bit 7 the
// generator. Byte 1: the defaults; byte 2: the chunks' seed. With the
// generator, bytes 3-5: where the piece starts, its length, and how far it is
// stretched (the limit -1, +0, +1, +2, or far past). The rest is the batch.
struct Plan {
  BatchSetup setup{};
  bool small = false, tee_whole = false, crlf = false;
  std::size_t limit = 0;  // of a line or record
  std::uint32_t seed = 0;
  std::string text;
  std::size_t filler_begin = 0, filler_end = 0;  // the stretched piece, in text

  // `normal` has the request limits, `tight` the 256-byte one.
  bool read(const std::uint8_t* data, std::size_t size, const uie::Engine& normal, const uie::Engine& tight) {
    if (size < 3) return false;
    const std::uint8_t mode = data[0];
    small = mode & 8;
    limit = small ? kSmallLimit : uie::Limits{}.max_request_bytes;
    setup.engine = small ? &tight : &normal;
    setup.input = mode & 1 ? uie::BatchInput::kJsonl : uie::BatchInput::kCsv;
    setup.output = static_cast<uie::BatchOutput>((mode >> 1) & 3);
    setup.options.today = kToday;
    setup.options.english = mode & 16;
    setup.defaults = kDefaults[data[1] % std::size(kDefaults)];
    tee_whole = mode & 32;
    crlf = mode & 64;
    seed = data[2];
    const bool generate = mode & 128;
    std::size_t head = generate ? 6 : 3;
    if (size < head) return false;
    std::string_view body(reinterpret_cast<const char*>(data) + head, size - head);
    if (!generate) {
      text = body;
      return true;
    }
    // The piece, without line breaks: stretched, it stays one item.
    std::size_t start = data[3] % (body.size() + 1);
    std::size_t len = std::min<std::size_t>(1 + data[4] % 16, body.size() - start);
    std::string piece;
    for (char c : body.substr(start, len)) if (c != '\n') piece += c;
    if (piece.empty()) piece = "x";
    const std::size_t stretch = data[5] % 5;
    const std::size_t target = stretch < 4 ? limit - 1 + stretch : limit + 2 * kLargestChunk + kWatched;
    text = body.substr(0, start);
    filler_begin = text.size();
    while (text.size() - filler_begin < target) text += piece;
    text.resize(filler_begin + target);
    filler_end = text.size();
    text += body.substr(start + len);
    return true;
  }

  std::string describe() const {
    static const char* outputs[] = {"kLines", "kReasons", "kTable", "kFull"};
    return std::string(setup.input == uie::BatchInput::kJsonl ? "kJsonl" : "kCsv") + " " +
           outputs[static_cast<int>(setup.output)] + (small ? ", limit 256" : "") +
           (setup.options.english ? ", English" : "") + ", defaults " + setup.defaults.region + "/" +
           setup.defaults.date + "/" + setup.defaults.program + ", chunk seed " + std::to_string(seed);
  }
};

}  // namespace uie_fuzz
