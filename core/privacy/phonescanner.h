#pragma once

#include "core/privacy/digittoken.h"
#include "core/privacy/finding.h"

#include <optional>
#include <string_view>

namespace hindsight::privacy {

/// A telephone number at the start of `token`, judged by its digit structure:
/// - international: '+' (or "00") and an assigned country calling code, 8-15 digits in all,
///   an optional "(0)" trunk digit; +1 numbers must also be valid NANP numbers;
/// - NANP: [1] NXX NXX XXXX with a valid area code and exchange, written (415) 555-2671,
///   415-555-2671 or 415.555.2671 (space-only or mixed separators need a context word);
/// - national with trunk prefix 0: 9-12 digits in groups ("020 7946 0958", "030 901820",
///   "01 23 45 67 89"), but not the shapes of an SSN (3-2-4) or a ZIP+4 (5-4);
/// - bare digit runs (4155552671, 07700900123) only with a context word such as "phone".
/// The longest acceptable prefix of the token wins. The caller has checked that the token
/// start is isolated.
std::optional<Finding> matchPhone(std::string_view text, const DigitToken &token);

/// True when ten digits form a valid North American number: area code NXX (not N11, not N9X)
/// and exchange NXX, where N is 2-9.
bool nanpValid(std::string_view tenDigits);

} // namespace hindsight::privacy
