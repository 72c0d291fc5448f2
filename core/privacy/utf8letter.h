#pragma once

#include <cstddef>
#include <string_view>

namespace hindsight::privacy {

/// Byte length of the letter or digit (any script) whose UTF-8 encoding starts at `pos`, or 0
/// when there is none (also for malformed UTF-8 and for ASCII punctuation).
std::size_t utf8LetterAt(std::string_view text, std::size_t pos);

/// Byte length of the letter or digit whose UTF-8 encoding ends just before `pos`, or 0.
std::size_t utf8LetterBefore(std::string_view text, std::size_t pos);

} // namespace hindsight::privacy
