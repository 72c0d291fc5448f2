#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hindsight::privacy {

/// Decodes unpadded base64url (RFC 4648 section 5: A-Z a-z 0-9 '-' '_'). Returns nullopt for
/// any other character or an impossible length (4n+1).
std::optional<std::string> base64UrlDecode(std::string_view encoded);

} // namespace hindsight::privacy
