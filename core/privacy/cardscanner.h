#pragma once

#include "core/privacy/digittoken.h"
#include "core/privacy/finding.h"

#include <optional>
#include <string_view>

namespace hindsight::privacy {

/// A payment card number at the start of `token`: 13-19 digits, either unbroken or grouped
/// with one kind of separator (' ' or '-') as 4-4-4-4(-1..4) or 4-6-4/4-6-5, passing the Luhn
/// check and carrying a known issuer prefix (cardIssuer). The longest such prefix of the
/// token wins. The caller has checked that the token start is isolated.
std::optional<Finding> matchCreditCard(std::string_view text, const DigitToken &token);

} // namespace hindsight::privacy
