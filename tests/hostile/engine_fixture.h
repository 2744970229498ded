#pragma once

#include <memory>

#include "uie/engine.h"

namespace uie_test {

// The engine over the embedded rule packs, loaded once; null if they do not load.
std::shared_ptr<const uie::Engine> engine();

// A request that must always get the same right answer (spec/examples.jsonl,
// 山西 2024 中小微企业): eligible, amount_fen 3407347.
extern const char* const kGoodRequest;
constexpr long long kGoodAmountFen = 3407347;

}  // namespace uie_test
