#pragma once

#include "core/privacy/digittoken.h"
#include "core/privacy/finding.h"

#include <optional>
#include <string_view>

namespace hindsight::privacy {

/// A US Social Security Number at the start of `token`: NNN-NN-NNNN or NNN NN NNNN that
/// passes ssnValid(); nine bare digits only when a context word ("ssn", "social security")
/// comes shortly before. The caller has checked that the token start is isolated.
std::optional<Finding> matchUsSsn(std::string_view text, const DigitToken &token);

} // namespace hindsight::privacy
