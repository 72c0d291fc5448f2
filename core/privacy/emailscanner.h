#pragma once

#include "core/privacy/finding.h"

#include <optional>
#include <string_view>

namespace hindsight::privacy {

/// An e-mail address around the '@' at `at`, or around its URL-encoded form "%40" when
/// `atLength` is 3. The local part (at most 64 characters of A-Z a-z 0-9 . _ % + - ' or letters
/// of any script) may not start or end with '.' or hold "..". The domain needs two or more
/// labels of letters, digits and inner hyphens (1-63 characters each, 253 in all) and a top-level
/// label of two or more letters (or an "xn--" IDN label); a final '.' is sentence punctuation.
/// Image names such as "logo@2x.png" are not addresses.
std::optional<Finding> scanEmail(std::string_view text, std::size_t at, std::size_t atLength = 1);

/// True when the whole of `s` is an e-mail address by the rules of scanEmail().
bool isEmailAddress(std::string_view s);

} // namespace hindsight::privacy
