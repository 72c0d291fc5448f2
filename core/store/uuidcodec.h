#pragma once

#include <string>
#include <string_view>

namespace hindsight::store {

/// Stores a UUID (any case, with or without dashes) as its 16 bytes; any other id as a zero byte
/// followed by its text, so the two kinds can never collide.
std::string encodeUuid(std::string_view id);
/// The same, into `out` (reusing its buffer).
void encodeUuid(std::string_view id, std::string &out);
/// The inverse: canonical lower-case 8-4-4-4-12 text for 16-byte values, the text otherwise.
std::string decodeUuid(std::string_view blob);

} // namespace hindsight::store
