#pragma once

#include "core/privacy/finding.h"

#include <optional>
#include <string_view>

namespace hindsight::privacy {

/// An IBAN starting at `pos` (two upper-case letters and two digits at an isolated start), in
/// electronic form ("DE89370400440532013000") or print form with a space after every four
/// characters ("DE89 3704 0044 0532 0130 00"). The country's registered length is read and
/// must end at a word boundary; then ibanValid() decides.
std::optional<Finding> scanIban(std::string_view text, std::size_t pos);

} // namespace hindsight::privacy
