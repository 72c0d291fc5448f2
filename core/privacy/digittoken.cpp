#include "core/privacy/digittoken.h"

#include "core/privacy/charclass.h"

namespace hindsight::privacy {

namespace {

constexpr std::size_t kMaxTokenBytes = 48;
constexpr std::size_t kMaxParenDigits = 5;
// Longer digit runs are no card, phone or SSN; reading stops there and the token is not isolated.
constexpr std::size_t kMaxGroupDigits = 32;

bool isSeparator(char c)
{
    return c == ' ' || c == '-' || c == '.' || c == '/';
}

} // namespace

DigitToken readDigitToken(std::string_view text, std::size_t pos)
{
    DigitToken token;
    token.start = pos;
    char pendingSep = 0;
    const std::size_t n = text.size();
    std::size_t i = pos;
    if (i < n && text[i] == '+') {
        token.plus = true;
        ++i;
    } else if (i + 2 < n && text[i] == '(' && text[i + 1] == '+' && chars::isDigit(text[i + 2])) {
        // "(+44) 20 7946 0958": the country code in parentheses.
        std::size_t e = i + 2;
        while (e < n && chars::isDigit(text[e]) && e - i <= 4)
            ++e;
        if (e >= n || text[e] != ')') return token;
        token.plus = true;
        DigitGroup &group = token.groups[static_cast<std::size_t>(token.count++)];
        group.start = i + 2;
        group.end = e;
        group.parenthesized = true;
        group.sepBefore = 0;
        i = e + 1;
        if (i + 1 < n && isSeparator(text[i]) && chars::isDigit(text[i + 1])) {
            pendingSep = text[i];
            ++i;
        } else if (!(i < n && chars::isDigit(text[i]))) {
            return token;
        }
    }
    while (i < n && token.count < DigitToken::kMaxGroups) {
        bool paren = false;
        std::size_t g = i;
        if (text[g] == '(') {
            paren = true;
            ++g;
        }
        if (g >= n || !chars::isDigit(text[g])) break;
        std::size_t e = g;
        while (e < n && chars::isDigit(text[e]) && e - g <= kMaxGroupDigits)
            ++e;
        if (paren && (e >= n || text[e] != ')' || e - g > kMaxParenDigits)) break;
        DigitGroup &group = token.groups[static_cast<std::size_t>(token.count++)];
        group.start = g;
        group.end = e;
        group.parenthesized = paren;
        group.sepBefore = pendingSep;
        i = paren ? e + 1 : e;
        if (i - pos > kMaxTokenBytes) break;
        // What joins this group to the next one?
        std::size_t j = i;
        pendingSep = 0;
        if (j < n && isSeparator(text[j])) {
            pendingSep = text[j];
            ++j;
        } else if (!paren && !(j < n && text[j] == '(')) {
            break; // a plain group must be followed by a separator
        }
        if (j < n && chars::isDigit(text[j]) && (pendingSep != 0 || paren)) {
            i = j;
            continue;
        }
        if (j + 1 < n && text[j] == '(' && chars::isDigit(text[j + 1]) && (pendingSep != 0 || !paren)) {
            i = j;
            continue;
        }
        break;
    }
    return token;
}

std::size_t collectDigits(std::string_view text, const DigitToken &token, int k, char *out,
                          std::size_t capacity)
{
    std::size_t n = 0;
    for (int i = 0; i <= k && i < token.count; ++i) {
        const DigitGroup &g = token.groups[static_cast<std::size_t>(i)];
        for (std::size_t p = g.start; p < g.end && n < capacity; ++p)
            out[n++] = text[p];
    }
    return n;
}

} // namespace hindsight::privacy
