#pragma once

#include "core/privacy/charclass.h"

#include <string_view>

// Word-boundary rules shared by the scanners for numbers and keys. A value is only reported
// when it stands on its own: digits glued to letters ("ID4155552671", "v1.2.3.4") or pieces
// of a longer hyphenated or dotted token ("a456-426614174000", "1.2.3.4.5") are not.
namespace hindsight::privacy::boundary {

inline bool isGlue(char c)
{
    return c == '-' || c == '.' || c == '/' || c == '_';
}

/// True when the token starting at `pos` is not glued to what precedes it.
inline bool isolatedStart(std::string_view text, std::size_t pos)
{
    if (pos == 0) return true;
    const char prev = text[pos - 1];
    if (chars::isWordChar(prev)) return false;
    if (isGlue(prev) && pos >= 2 && chars::isAlnum(text[pos - 2])) return false;
    return true;
}

/// True when the token ending at `end` (exclusive) is not glued to what follows.
inline bool isolatedEnd(std::string_view text, std::size_t end)
{
    if (end >= text.size()) return true;
    const char next = text[end];
    if (chars::isWordChar(next)) return false;
    if (isGlue(next) && end + 1 < text.size() && chars::isAlnum(text[end + 1])) return false;
    // "12:30": digits that go on after a colon are a time or a ratio, not the end of a number.
    if (next == ':' && end + 1 < text.size() && chars::isDigit(text[end + 1])) return false;
    return true;
}

} // namespace hindsight::privacy::boundary
