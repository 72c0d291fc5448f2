#pragma once

#include "core/privacy/finding.h"

#include <optional>
#include <string_view>

namespace hindsight::privacy {

/// An IPv4 address starting at `pos` (a digit whose start the caller checked is isolated):
/// four dotted parts that parseIPv4() accepts, not part of a longer dotted run ("1.2.3.4.5")
/// and not glued to letters. A port (":8080") or prefix length ("/24") may follow and is not
/// part of the finding. A dotted quad announced as a version ("v 1.2.3.4", "version 1.2.3.4",
/// "ver. 1.2.3.4") is a version, not an address.
std::optional<Finding> scanIPv4(std::string_view text, std::size_t pos);

/// An IPv6 address around the ':' at `colon`: the surrounding run of hex digits, ':' and '.'
/// must parse with parseIPv6(), hold at least one decimal digit ("::1" yes, "::" or "dead::beef"
/// no) and not be glued to letters ("std::vector" is no address). Times such as 12:30:45 and MAC
/// addresses do not parse and are not reported. `runEnd`, when given, receives the end of that
/// run: every ':' before it belongs to the same run and gives the same answer.
std::optional<Finding> scanIPv6(std::string_view text, std::size_t colon, std::size_t *runEnd = nullptr);

} // namespace hindsight::privacy
