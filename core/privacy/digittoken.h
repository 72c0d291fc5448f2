#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace hindsight::privacy {

/// A run of digit groups with the separators written between them, as in "+44 (0)20 7946 0958",
/// "4111-1111-1111-1111" or "078 05 1120". Card, SSN and phone matching judge its shape.
struct DigitGroup
{
    // No default member initializers: a token holds kMaxGroups of these and only the first
    // `count` are written, so leaving the rest alone keeps reading a token cheap.
    std::size_t start;  ///< first digit
    std::size_t end;    ///< one past the last digit
    bool parenthesized; ///< written as "(415)"
    char sepBefore;     ///< ' ', '-', '.', '/' before this group; 0 for the first or after ")"

    std::size_t size() const { return end - start; }
};

struct DigitToken
{
    static constexpr int kMaxGroups = 8;

    std::size_t start = 0;                     ///< the '+', '(' or first digit
    bool plus = false;                         ///< starts with '+' (or "(+" around the country code)
    std::array<DigitGroup, kMaxGroups> groups; ///< only [0, count) are set
    int count = 0;

    /// Offset just past group `k` (past its ')' when parenthesized).
    std::size_t endAfter(int k) const
    {
        const DigitGroup &g = groups[static_cast<std::size_t>(k)];
        return g.parenthesized ? g.end + 1 : g.end;
    }
    /// True when the token starts with a digit and continues a digit group written just before
    /// it with one space, as "0112 3456 7890" does in "FR76 3000 6000 0112 3456 7890": then a
    /// spaced reading of the token is part of that longer number.
    bool continuesSpacedNumber(std::string_view text) const
    {
        auto digit = [&text](std::size_t i) { return text[i] >= '0' && text[i] <= '9'; };
        return start >= 2 && digit(start) && text[start - 1] == ' ' && digit(start - 2);
    }
    /// True when groups 1..k are joined by `sep` anywhere.
    bool usesSeparator(int k, char sep) const
    {
        for (int i = 1; i <= k; ++i)
            if (groups[static_cast<std::size_t>(i)].sepBefore == sep) return true;
        return false;
    }
    /// Number of digits in groups 0..k.
    std::size_t digitsThrough(int k) const
    {
        std::size_t n = 0;
        for (int i = 0; i <= k; ++i)
            n += groups[static_cast<std::size_t>(i)].size();
        return n;
    }
};

/// Reads the digit token that starts at `pos` ('+', '(' or a digit). Groups are digit runs;
/// between two groups stands one of ' ', '-', '.', '/', or a parenthesized group. At most
/// kMaxGroups groups and about 48 bytes are read; count is 0 when no digit group starts there.
DigitToken readDigitToken(std::string_view text, std::size_t pos);

/// Copies the digits of groups 0..k into `out` (at most `capacity` digits); returns how many.
std::size_t collectDigits(std::string_view text, const DigitToken &token, int k, char *out,
                          std::size_t capacity);

} // namespace hindsight::privacy
