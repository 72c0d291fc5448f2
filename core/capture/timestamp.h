#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hindsight::capture {

/// Parses an ISO 8601 / RFC 3339 date-time into UTC milliseconds since the epoch.
/// Accepts `YYYY-MM-DDTHH:MM[:SS[.fraction]]` (a space may stand for `T`) followed by `Z`,
/// `±HH:MM`, `±HHMM`, `±HH`, or nothing (then the time is taken as UTC). Fractions beyond
/// milliseconds are truncated. Impossible dates (month 13, February 30, hour 24) are refused
/// with the reason in `error`.
std::optional<std::int64_t> parseIsoTimestamp(std::string_view text, std::string *error = nullptr);

/// Formats UTC milliseconds as `YYYY-MM-DDTHH:MM:SS.mmmZ`.
std::string formatIsoTimestamp(std::int64_t ms);

/// Days since 1970-01-01 for a proleptic Gregorian date.
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d);

} // namespace hindsight::capture
