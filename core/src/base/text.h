// Small text helpers shared by the readers.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string_view>

namespace uie {

// Levenshtein distance, for "did you mean …": 99 past 64 elements (no name is
// that long, and a hostile key must not cost more than that). Over bytes, or
// over code points (std::u32string_view) for Chinese labels.
template <typename View>
std::size_t edit_distance_of(View a, View b) {
  if (a.size() > 64 || b.size() > 64) return 99;
  std::size_t prev[65], cur[65];
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    }
    std::copy(cur, cur + b.size() + 1, prev);
  }
  return prev[b.size()];
}

inline std::size_t edit_distance(std::string_view a, std::string_view b) { return edit_distance_of(a, b); }

}  // namespace uie
