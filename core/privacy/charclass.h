#pragma once

#include <array>
#include <cstdint>
#include <string_view>

// ASCII character classes used by the personal-data scanners. Bytes >= 0x80 (the parts of
// multi-byte UTF-8 characters) belong to no class, so they act as word boundaries.
namespace hindsight::privacy::chars {

enum : std::uint8_t {
    kDigit = 1,
    kUpper = 2,
    kLower = 4,
    kHex = 8,
    kBase64Url = 16,  ///< A-Z a-z 0-9 - _
    kEmailLocal = 32, ///< characters allowed in the local part of an e-mail address
};

inline constexpr std::array<std::uint8_t, 256> kTable = [] {
    std::array<std::uint8_t, 256> t{};
    for (int c = '0'; c <= '9'; ++c)
        t[c] = kDigit | kHex | kBase64Url | kEmailLocal;
    for (int c = 'A'; c <= 'Z'; ++c)
        t[c] = kUpper | kBase64Url | kEmailLocal | (c <= 'F' ? kHex : 0);
    for (int c = 'a'; c <= 'z'; ++c)
        t[c] = kLower | kBase64Url | kEmailLocal | (c <= 'f' ? kHex : 0);
    t['-'] |= kBase64Url | kEmailLocal;
    t['_'] |= kBase64Url | kEmailLocal;
    for (char c : std::string_view(".+%'"))
        t[static_cast<unsigned char>(c)] |= kEmailLocal;
    return t;
}();

inline bool has(char c, std::uint8_t cls)
{
    return (kTable[static_cast<unsigned char>(c)] & cls) != 0;
}
inline bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
inline bool isUpper(char c)
{
    return c >= 'A' && c <= 'Z';
}
inline bool isAlpha(char c)
{
    return has(c, kUpper | kLower);
}
inline bool isAlnum(char c)
{
    return has(c, kDigit | kUpper | kLower);
}
inline bool isHex(char c)
{
    return has(c, kHex);
}
inline bool isBase64Url(char c)
{
    return has(c, kBase64Url);
}
inline char toLower(char c)
{
    return isUpper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}
/// Alphanumeric or underscore: characters that glue to a neighbouring token.
inline bool isWordChar(char c)
{
    return isAlnum(c) || c == '_';
}

} // namespace hindsight::privacy::chars
