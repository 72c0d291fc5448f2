#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace hindsight::privacy {

/// Parses a dotted-quad IPv4 address: exactly four decimal parts 0-255, no sign, no leading
/// zeros ("01" is rejected because it reads as octal in some parsers), nothing else.
bool parseIPv4(std::string_view s, std::array<std::uint8_t, 4> *out = nullptr);

/// Parses an IPv6 address in RFC 4291 text form: eight groups of 1-4 hex digits, at most one
/// "::" standing for one or more zero groups, optionally ending in an embedded dotted quad
/// ("::ffff:192.0.2.1"). Zone ids ("%eth0") and brackets are not part of the address.
bool parseIPv6(std::string_view s, std::array<std::uint8_t, 16> *out = nullptr);

} // namespace hindsight::privacy
