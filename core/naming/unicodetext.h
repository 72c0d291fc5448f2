#pragma once

#include <cstddef>
#include <string>
#include <string_view>

// Small UTF-8 and Unicode helpers shared by the naming module. Names come from people and
// from other tools: they may hold any Unicode text, emoji or even invalid UTF-8, and none of
// these helpers may fail on it.
namespace hindsight::naming::text {

char32_t nextCodePointSlow(std::string_view text, std::size_t &pos);

/// Decodes the code point starting at byte `pos` and advances `pos` past it. Invalid or
/// truncated sequences decode to U+FFFD and consume one byte, so every input terminates.
inline char32_t nextCodePoint(std::string_view text, std::size_t &pos)
{
    const unsigned char c = static_cast<unsigned char>(text[pos]);
    if (c < 0x80) {
        ++pos;
        return c;
    }
    return nextCodePointSlow(text, pos);
}

/// UTF-32 copy of `text` (invalid bytes become U+FFFD).
std::u32string toCodePoints(std::string_view text);

/// UTF-8 encoding of `cp` appended to `out`.
void appendUtf8(std::string &out, char32_t cp);
std::string toUtf8(std::u32string_view text);

/// Number of code points (what a person counts as characters for a length limit).
std::size_t length(std::string_view text);

// Out-of-line Unicode answers for code points above U+007F.
bool isLetterSlow(char32_t cp);
bool isUpperSlow(char32_t cp);
bool isLowerSlow(char32_t cp);
bool isDigitSlow(char32_t cp);
bool isSpaceSlow(char32_t cp);
char32_t toUpperSlow(char32_t cp);
char32_t toLowerSlow(char32_t cp);

/// Any Unicode letter, or a combining mark that belongs to one.
inline bool isLetter(char32_t cp)
{
    return cp < 0x80 ? ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') : isLetterSlow(cp);
}
inline bool isUpper(char32_t cp)
{
    return cp < 0x80 ? (cp >= 'A' && cp <= 'Z') : isUpperSlow(cp);
}
inline bool isLower(char32_t cp)
{
    return cp < 0x80 ? (cp >= 'a' && cp <= 'z') : isLowerSlow(cp);
}
/// A decimal digit (any script).
inline bool isDigit(char32_t cp)
{
    return cp < 0x80 ? (cp >= '0' && cp <= '9') : isDigitSlow(cp);
}
/// Any Unicode white space.
inline bool isSpace(char32_t cp)
{
    return cp < 0x80 ? (cp == ' ' || (cp >= '\t' && cp <= '\r')) : isSpaceSlow(cp);
}
inline bool isAsciiLetter(char32_t cp)
{
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}
inline char32_t toUpper(char32_t cp)
{
    return cp < 0x80 ? ((cp >= 'a' && cp <= 'z') ? cp - 32 : cp) : toUpperSlow(cp);
}
inline char32_t toLower(char32_t cp)
{
    return cp < 0x80 ? ((cp >= 'A' && cp <= 'Z') ? cp + 32 : cp) : toLowerSlow(cp);
}

/// Whole-string case mapping, code point by code point.
std::string toLower(std::string_view text);
std::string toUpper(std::string_view text);

/// First letter upper case, every other letter lower case ("iPHONE" -> "Iphone").
std::string capitalized(std::string_view text);

/// Best-effort ASCII spelling of `text`: accents are dropped ("Café" -> "Cafe"), a few
/// letters are spelled out ("ß" -> "ss", "Æ" -> "AE") and anything else non-ASCII is removed.
std::string toAscii(std::string_view text);

/// A character as a person can recognise it in a message: “🎉” (U+1F389).
std::string describe(char32_t cp);

} // namespace hindsight::naming::text
