#include "core/privacy/ipscanner.h"

#include "core/privacy/charclass.h"
#include "core/privacy/contextwords.h"
#include "core/privacy/ipaddress.h"

#include <algorithm>

namespace hindsight::privacy {

namespace {

constexpr std::size_t kMaxV6Run = 64;

bool isV6Char(char c)
{
    return chars::isHex(c) || c == ':' || c == '.';
}

/// True when the word before `pos` (across spaces, ':' and '=') is "v", "ver" or "version".
bool announcedAsVersion(std::string_view text, std::size_t pos)
{
    std::size_t e = pos;
    while (e > 0 && pos - e < 4 &&
           (text[e - 1] == ' ' || text[e - 1] == ':' || text[e - 1] == '=' || text[e - 1] == '.' ||
            text[e - 1] == '\t'))
        --e;
    std::size_t b = e;
    while (b > 0 && e - b < 8 && chars::isAlpha(text[b - 1]))
        --b;
    if (b > 0 && chars::isWordChar(text[b - 1])) return false;
    std::string word;
    for (std::size_t i = b; i < e; ++i)
        word.push_back(chars::toLower(text[i]));
    return word == "v" || word == "ver" || word == "version";
}

double ipConfidence(std::string_view text, std::size_t start, double base)
{
    return hasContextBefore(text, start, DetectorType::IpAddress) ? std::min(0.99, base + 0.1) : base;
}

} // namespace

std::optional<Finding> scanIPv4(std::string_view text, std::size_t pos)
{
    const std::size_t n = text.size();
    std::size_t e = pos;
    int dots = 0;
    while (e < n && e - pos < 16) {
        if (chars::isDigit(text[e])) {
            ++e;
        } else if (text[e] == '.' && e + 1 < n && chars::isDigit(text[e + 1])) {
            ++dots;
            ++e;
        } else {
            break;
        }
    }
    if (dots != 3 || !parseIPv4(text.substr(pos, e - pos))) return std::nullopt;
    if (e < n) {
        const char next = text[e];
        if (chars::isWordChar(next)) return std::nullopt;
        // "1.2.3.4-beta", "1.2.3.4.RELEASE", "1.2.3.4.5"
        if ((next == '-' || next == '.' || next == '_') && e + 1 < n && chars::isAlnum(text[e + 1]))
            return std::nullopt;
    }
    if (announcedAsVersion(text, pos)) return std::nullopt;
    return Finding{DetectorType::IpAddress, pos, e, ipConfidence(text, pos, 0.85)};
}

std::optional<Finding> scanIPv6(std::string_view text, std::size_t colon, std::size_t *runEnd)
{
    const std::size_t n = text.size();
    std::size_t s = colon;
    while (s > 0 && colon - s <= kMaxV6Run && isV6Char(text[s - 1]))
        --s;
    std::size_t e = colon;
    while (e < n && isV6Char(text[e]))
        ++e;
    if (runEnd) *runEnd = e;
    if (colon - s > kMaxV6Run || e - colon > kMaxV6Run) return std::nullopt; // far longer than any address
    while (s < e && text[s] == '.')
        ++s;
    while (e > s && text[e - 1] == '.')
        --e;
    if (e - s < 3 || e - s > 45) return std::nullopt;
    if ((s > 0 && chars::isWordChar(text[s - 1])) || (e < n && chars::isWordChar(text[e])))
        return std::nullopt;
    std::string_view candidate = text.substr(s, e - s);
    if (!std::any_of(candidate.begin(), candidate.end(), chars::isDigit)) return std::nullopt;
    if (!parseIPv6(candidate)) {
        // "... at fe80::1: connection refused": a single trailing ':' ends the sentence.
        if (candidate.size() < 2 || candidate.back() != ':' || candidate[candidate.size() - 2] == ':')
            return std::nullopt;
        candidate.remove_suffix(1);
        --e;
        if (!parseIPv6(candidate)) return std::nullopt;
    }
    return Finding{DetectorType::IpAddress, s, e, ipConfidence(text, s, 0.9)};
}

} // namespace hindsight::privacy
