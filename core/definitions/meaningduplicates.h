#pragma once

#include "core/definitions/compileddefinition.h"
#include "core/definitions/interactionindex.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace hindsight::definitions {

struct MeaningDuplicateOptions
{
    /// Pairs whose matched interactions have a Jaccard index (|A ∩ B| / |A ∪ B|) at least this
    /// are duplicates by meaning. Between 0 (exclusive) and 1.
    double minJaccard = 0.9;
    /// Threads; 0 for one per core (at most 8). Results do not depend on it.
    std::size_t threads = 0;
};

/// How much two definitions' matched interactions overlap.
struct MeaningOverlap
{
    std::size_t first = 0;  ///< index into the definitions given; first < second
    std::size_t second = 0; ///< index into the definitions given
    double jaccard = 0;     ///< intersection / (firstSize + secondSize - intersection)
    std::uint64_t intersection = 0;
    std::uint64_t firstSize = 0;  ///< interactions the first definition matches
    std::uint64_t secondSize = 0; ///< interactions the second definition matches
};

/// Definitions linked by pairs at or above the threshold (connected: A~B and B~C make one
/// group even when A and C overlap less).
struct MeaningGroup
{
    std::vector<std::size_t> members;  ///< indexes into the definitions given, ascending
    std::vector<MeaningOverlap> pairs; ///< the pairs that link the group, strongest first
    double overlap = 0;                ///< the lowest Jaccard of those pairs
};

struct MeaningDuplicateReport
{
    std::vector<std::uint64_t> matched; ///< per definition: interactions it matches
    std::vector<MeaningOverlap> pairs;  ///< every pair at or above the threshold, strongest first
    std::vector<MeaningGroup> groups;   ///< ordered by their smallest member
    std::size_t candidatePairs = 0;     ///< pairs whose intersection had to be counted exactly
    std::size_t rescanned = 0;          ///< definitions scanned a second time (no row list kept)
};

/// Pairs (first < second, indexes into the definitions given) that must not be reported, e.g.
/// names that are already duplicates by name, or a combo and one of its members.
using MeaningPairFilter = std::function<bool(std::size_t first, std::size_t second)>;

/// Finds definitions that match (almost) the same interactions, whatever their names: every
/// pair with Jaccard >= options.minJaccard. Definitions that match nothing are never
/// duplicates. Every definition must be compiled over `index`.
///
/// Cost: one scan of every definition over the index (CompiledDefinition::matchRows, in blocks
/// of 64K rows, on all threads) that keeps only counts — per block of rows and per event
/// type. Jaccard >= t needs |A Δ B| <= (1 - t)(|A| + |B|) / (1 + t), and the differences of
/// those counts are lower bounds of |A Δ B|, so most pairs are ruled out from the counts
/// alone (as are pairs whose sizes differ by more than the factor t). Sparse definitions (at
/// most one matching row in 32) keep their rows from the first scan, within 256 MiB in all;
/// pairs of those are intersected directly. The other definitions of the remaining candidate
/// pairs are scanned a second time, one block at a time as bitsets, and intersected with
/// popcounts. Memory: O(definitions × blocks) plus the kept rows, never a bitset per
/// definition for the whole index.
MeaningDuplicateReport findMeaningDuplicates(const InteractionIndex &index,
                                             const std::vector<const CompiledDefinition *> &definitions,
                                             const MeaningDuplicateOptions &options = {},
                                             const MeaningPairFilter &skip = {});

} // namespace hindsight::definitions
