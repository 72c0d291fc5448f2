#pragma once

#include "core/privacy/finding.h"

#include <optional>
#include <string_view>

namespace hindsight::privacy {

/// An API key or token with a well-known prefix starting at `pos`: Stripe sk_live_, sk_test_,
/// rk_live_, pk_live_; GitHub ghp_, gho_, ghu_, ghs_, ghr_, github_pat_; AWS access key ids
/// AKIA/ASIA + 16 upper-case letters or digits; Slack xoxb-/xoxp-; Google AIza + 35 characters;
/// GitLab glpat-. Each prefix has its own body alphabet and length; the finding is prefix + body.
std::optional<Finding> scanSecretPrefix(std::string_view text, std::size_t pos);

/// The value of a URL query (or fragment) parameter whose name says it carries a credential
/// (token, access_token, password, passwd, secret, api_key, apikey, key, session, sessionid, auth,
/// and the compounds refresh_token, id_token, auth_token, client_secret, session_id) when the
/// value has 16 or more characters. `equals` is the position of the '=' after the name, which
/// must follow '?', '&', ';' or '#'. The finding spans the value only.
std::optional<Finding> scanSecretParameter(std::string_view text, std::size_t equals);

/// True when a URL parameter name (case-insensitive) is one that carries a credential.
bool isSecretParameterName(std::string_view name);

} // namespace hindsight::privacy
