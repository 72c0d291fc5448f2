#pragma once

#include "core/definitions/compileddefinition.h"
#include "core/definitions/interactionindex.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hindsight::definitions {

/// [from, to) in UTC milliseconds; an open end means "from the first" / "to the last" interaction.
struct TimeRange
{
    std::optional<std::int64_t> fromMs, toMs;
};

/// How often a definition happened: interactions, distinct people (identity-resolved through
/// $identify, via InteractionIndex::person()) and distinct sessions.
struct Totals
{
    std::int64_t count = 0, people = 0, sessions = 0;
};
Totals totals(const InteractionIndex &index, const CompiledDefinition &def, const TimeRange &range = {});

enum class Granularity { Hour, Day, Week, Month }; ///< a week starts on Monday

struct SeriesPoint
{
    std::int64_t startMs = 0; ///< the bucket's start (local midnight, local hour ...), UTC ms
    std::int64_t count = 0;
};

/// Counts per bucket in `timeZone` (an IANA id such as "Europe/Berlin"; empty = UTC), zero-filled,
/// covering [from, to) or, when open, the store's first..last interaction. The first bucket starts
/// at the start of the unit that holds `from` (only interactions in the range are counted). A day
/// runs from local midnight to local midnight (23 or 25 hours across a DST change); an hour is a
/// local hour. An unknown zone, or a range of more than a million buckets, gives nullopt and
/// `error`. An empty store with an open range gives no points.
std::optional<std::vector<SeriesPoint>> series(const InteractionIndex &index, const CompiledDefinition &def,
                                               Granularity granularity, const TimeRange &range,
                                               std::string_view timeZone, std::string *error);
std::optional<Granularity> granularityFromName(std::string_view name); ///< "hour", "day", "week", "month"
std::string_view granularityName(Granularity granularity);

enum class BreakdownKind { Path, Text, Property };

struct BreakdownRow
{
    std::string value;
    bool missing = false; ///< no URL / no text / no such property
    std::int64_t count = 0;
};

/// Path = the URL path; Text = the text of the element that satisfied the element conditions (the
/// target's text when the definition has none), or when that element has no text of its own (a
/// button labelled by an inner span), the nearest text below it in the chain; Property = the value of
/// property `propertyKey` (as text, see PropertyValues). Sorted by count (descending), then value; at most
/// `limit` rows (0 = all).
std::vector<BreakdownRow> breakdown(const InteractionIndex &index, const CompiledDefinition &def,
                                    BreakdownKind kind, std::string_view propertyKey, const TimeRange &range,
                                    std::size_t limit);

/// Ids of the matching interactions, newest first: skip `offset`, then at most `limit` (0 = all).
std::vector<std::int64_t> matchingIds(const InteractionIndex &index, const CompiledDefinition &def,
                                      const TimeRange &range, std::size_t offset, std::size_t limit);

/// The rows [first, last) that `range` covers (rows are in time order).
std::pair<std::size_t, std::size_t> rowRange(const InteractionIndex &index, const TimeRange &range);

} // namespace hindsight::definitions
