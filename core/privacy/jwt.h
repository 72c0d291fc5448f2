#pragma once

#include <string_view>

namespace hindsight::privacy {

/// True when `encoded` is the first part of a JSON Web Token: base64url that decodes to a
/// JSON object with an "alg" member (RFC 7515 JOSE header).
bool isJwtHeader(std::string_view encoded);

/// True for a compact JWS/JWT: header.payload.signature, three base64url parts where the
/// header passes isJwtHeader(), the payload is non-empty valid base64url and the signature
/// is valid base64url (empty only for "alg":"none" tokens).
bool isJwt(std::string_view token);

} // namespace hindsight::privacy
