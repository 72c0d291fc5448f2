#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace hindsight::privacy {

/// HMAC-SHA-256 of `data` keyed with `key` (OpenSSL), as lower-case hex: the first `hexDigits`
/// digits (at most 64, the whole digest). Equal inputs give equal outputs, so keyed hashes
/// still join; without the key they cannot be reversed or recomputed.
std::string hmacSha256Hex(std::string_view key, std::string_view data, std::size_t hexDigits = 64);

} // namespace hindsight::privacy
