#pragma once

#include "core/privacy/finding.h"

#include <string>
#include <string_view>
#include <vector>

namespace hindsight::privacy {

/// `value` with every finding's span masked, keeping a hint of what was there:
/// e-mail "jane@example.org" -> "j***@e***.org"; card "4111 1111 1111 1111" -> "4111 **** **** 1111"
/// (first and last four digits, separators kept); anything else keeps its first and last
/// character ("415-555-2671" -> "4***1"). Findings must refer to `value`; overlapping or
/// out-of-range findings are skipped.
std::string maskExample(std::string_view value, const std::vector<Finding> &findings);

/// The masked form of one found value of the given type (what maskExample puts in its place).
std::string maskValue(std::string_view found, DetectorType type);

} // namespace hindsight::privacy
