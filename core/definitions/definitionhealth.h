#pragma once

#include "core/definitions/compileddefinition.h"
#include "core/definitions/definition.h"
#include "core/definitions/interactionindex.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace hindsight::definitions {

struct HealthOptions
{
    std::int64_t quietWindowMs = 72 * 3'600'000LL; ///< "no matches in the newest ... of data"
    std::int64_t minDailyCount = 20;               ///< a drop counts only from a day with at least this many
    double dropShare = 0.9;                        ///< "fell by more than 90%"
};

enum class HealthIssueKind {
    NoRecentMatches, ///< nothing matched in the newest quietWindowMs of the data
    SuddenDrop,      ///< the daily count fell by more than dropShare from one complete day to the next
};

struct HealthIssue
{
    HealthIssueKind kind = HealthIssueKind::NoRecentMatches;
    std::string
        message; ///< for a person, e.g. "daily count fell from 412 on 2024-03-04 to 3 on 2024-03-05 (-99%)"
    // NoRecentMatches
    std::optional<std::int64_t> lastMatchMs; ///< the newest matching interaction before the window, if any
    // SuddenDrop (UTC days)
    std::int64_t dayBeforeMs = 0, dayMs = 0; ///< start of the earlier day, start of the day it fell on
    std::int64_t countBefore = 0, countAfter = 0;
};

struct DefinitionHealth
{
    std::string name;
    std::vector<HealthIssue> issues; ///< empty = healthy
    bool healthy() const { return issues.empty(); }
};

struct HealthReport
{
    /// The newest interaction of the store: the quiet window runs back from here, not from the
    /// wall clock, so a store imported last month is judged by its own newest data.
    std::optional<std::int64_t> newestMs;
    std::int64_t quietFromMs = 0; ///< newestMs - quietWindowMs (interactions after this count as recent)
    std::string basis; ///< says the above in words, e.g. "the 72 hours before the newest interaction (…)"
    std::vector<DefinitionHealth> definitions; ///< in the order given, archived ones left out
    std::vector<std::string> notChecked;       ///< "name: reason" for definitions that did not compile
};

/// Checks every definition that is not archived:
///  - NoRecentMatches: no interaction in (newestMs - quietWindowMs, newestMs] matches it, where
///    newestMs is the store's newest interaction (not the current time). An empty store has no
///    newest interaction; then nothing is flagged.
///  - SuddenDrop: for two consecutive complete UTC days (days the data fully covers: starting at or
///    after the first interaction and ending at or before the newest), the earlier with at least
///    minDailyCount matches and the later with fewer than (1 - dropShare) of it. Every such pair is
///    reported, oldest first.
/// Combos are resolved through `lookup`. One pass over the rows for all definitions together.
HealthReport checkHealth(const InteractionIndex &index, std::span<const Definition> definitions,
                         const DefinitionLookup &lookup = {}, const HealthOptions &options = {});

} // namespace hindsight::definitions
