// estimate --csv --summary: a batch's totals under the rules in force and,
// with --reform, under the reform, side by side — counts and 分 — with the
// units whose state or amount the reform changes. Both columns come from the
// sessions' own tallies (uie::BatchTally) of one reading of the input, so a
// province's 10^6 units are compared in one pass.
#pragma once

#include <istream>
#include <ostream>
#include <string>

#include "encoding.h"
#include "uie/engine.h"

namespace uie_cli {

// Units whose answer differs between the two runs of one batch.
struct Changes {
  std::size_t changed = 0;  // state, amount or candidates differ
  std::size_t gained = 0;   // eligible under the reform only
  std::size_t lost = 0;     // eligible under the rules in force only
  std::int64_t delta_fen = 0;  // the reform's amounts less the base's, over units with an amount in either
};

// Adds the pairs of `base` and `reform` (the same items, in order) to `changes`.
void count_changes(const std::vector<uie::ItemOutcome>& base, const std::vector<uie::ItemOutcome>& reform,
                   Changes& changes);

enum class SummaryFormat { kText, kJson };

// `reform` null: the base column only. `reform_name` names it in the text. False
// when the header was refused (the message on `err`).
bool run_summary(const uie::Engine& base, const uie::Engine* reform, const std::string& reform_name,
                 std::istream& in, std::ostream& out, std::ostream& err, const uie::ScreenDefaults& defaults,
                 const uie::Options& options, Encoding encoding, SummaryFormat format);

}  // namespace uie_cli
