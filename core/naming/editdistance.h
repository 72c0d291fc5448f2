#pragma once

#include <cstddef>
#include <string_view>

namespace hindsight::naming {

/// Damerau-Levenshtein distance in its optimal-string-alignment form (insertions, deletions,
/// substitutions and swaps of two neighbouring characters, each costing 1), computed only up
/// to `limit`: any distance above it comes back as limit + 1. Cost O(min(|a|,|b|) * limit).
std::size_t boundedEditDistance(std::u32string_view a, std::u32string_view b, std::size_t limit);

} // namespace hindsight::naming
