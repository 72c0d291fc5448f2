#pragma once

#include "core/privacy/finding.h"

#include <optional>
#include <string_view>

namespace hindsight::privacy {

/// A JSON Web Token starting at `pos`: three base64url parts joined by '.', not glued to other
/// base64url text, that isJwt() accepts (the header decodes to a JSON object with "alg").
std::optional<Finding> scanJwt(std::string_view text, std::size_t pos);

} // namespace hindsight::privacy
