#pragma once

#include <string>
#include <string_view>

namespace hindsight::capture {

/// Appends `value` as a JSON string literal (with quotes). Control characters are escaped;
/// valid UTF-8 is kept as is; invalid UTF-8 bytes become U+FFFD so the output is always valid JSON.
void appendJsonString(std::string &out, std::string_view value);

/// `value` as a JSON string literal.
std::string jsonString(std::string_view value);

} // namespace hindsight::capture
