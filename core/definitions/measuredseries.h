#pragma once

#include "core/definitions/answers.h"
#include "core/definitions/compileddefinition.h"
#include "core/definitions/interactionindex.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hindsight::definitions {

/// What a trend counts per time bucket.
enum class SeriesMeasure {
    Interactions, ///< matching interactions (as series())
    People,       ///< distinct identity-resolved people with a matching interaction in the bucket
    Sessions,     ///< distinct sessions with a matching interaction in the bucket
};

std::optional<SeriesMeasure>
seriesMeasureFromName(std::string_view name); ///< "interactions", "people", "sessions"
std::string_view seriesMeasureName(SeriesMeasure measure);

/// As series() (the same buckets: time zone, zero filling, [from, to), errors), but each bucket
/// holds `measure`: for People, the number of distinct people (a distinct id linked to another by
/// $identify counts as that person) who had a matching interaction in the bucket; for Sessions,
/// the number of distinct sessions. Interactions without a known person or session are not
/// counted for those measures. A person active in two buckets counts in both, so the points do
/// not add up to totals().people.
std::optional<std::vector<SeriesPoint>> measuredSeries(const InteractionIndex &index,
                                                       const CompiledDefinition &def, SeriesMeasure measure,
                                                       Granularity granularity, const TimeRange &range,
                                                       std::string_view timeZone, std::string *error);

} // namespace hindsight::definitions
