#pragma once

#include "core/definitions/answers.h"
#include "core/definitions/compileddefinition.h"
#include "core/definitions/interactionindex.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace hindsight::definitions {

struct CoverageOptions
{
    /// The interactions that count: autocaptured element interactions by default (pageviews and
    /// custom events are not elements). Empty = every type.
    std::vector<std::string> eventTypes{"click", "submit", "change"};
    TimeRange range;
    std::size_t topElements = 50; ///< how many unmatched elements to list (0 = all)
};

/// An element (a distinct element chain) that no definition matches.
struct UncoveredElement
{
    std::uint32_t chain = 0; ///< index into the index's chain dictionary (0 = interactions without a chain)
    std::string chainText;   ///< canonical `$elements_chain`
    std::string summary;     ///< summarizeTarget: `button#rent-now.btn "Rent now"`
    std::int64_t count = 0;  ///< unmatched interactions on it
    std::string samplePath;  ///< the path of the page of its first unmatched interaction
};

struct CoverageReport
{
    std::int64_t considered = 0;            ///< interactions of the chosen types in the range
    std::int64_t matched = 0;               ///< of those, matched by at least one definition
    std::int64_t unmatched = 0;             ///< considered - matched
    double unmatchedShare = 0;              ///< unmatched / considered (0 when nothing was considered)
    std::int64_t unmatchedElements = 0;     ///< distinct chains among the unmatched interactions
    std::vector<UncoveredElement> elements; ///< largest count first (then chain text)
};

/// Coverage of a catalog: the share of interactions that no definition in `definitions` matches,
/// and the unmatched elements grouped by element chain, largest first. One pass over the rows of
/// the range (two threads on large indexes); each definition is evaluated with its compiled tables.
CoverageReport coverage(const InteractionIndex &index, std::span<const CompiledDefinition *const> definitions,
                        const CoverageOptions &options = {});

} // namespace hindsight::definitions
