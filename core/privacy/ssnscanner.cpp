#include "core/privacy/ssnscanner.h"

#include "core/privacy/contextwords.h"
#include "core/privacy/ssn.h"
#include "core/privacy/tokenboundary.h"

#include <algorithm>

namespace hindsight::privacy {

std::optional<Finding> matchUsSsn(std::string_view text, const DigitToken &token)
{
    if (token.count == 0 || token.plus) return std::nullopt;
    const auto &g = token.groups;
    for (int i = 0; i < token.count && i < 3; ++i)
        if (g[static_cast<std::size_t>(i)].parenthesized) return std::nullopt;
    char buffer[9];
    if (token.count >= 3 && g[0].size() == 3 && g[1].size() == 2 && g[2].size() == 4 &&
        g[1].sepBefore == g[2].sepBefore && (g[1].sepBefore == '-' || g[1].sepBefore == ' ')) {
        const std::size_t end = token.endAfter(2);
        if (!boundary::isolatedEnd(text, end)) return std::nullopt;
        // "078 05 1120 99", "12 078 05 1120": the same separator goes on into more digits, so this is
        // a longer number.
        if (token.count > 3 && g[3].sepBefore == g[1].sepBefore) return std::nullopt;
        if (g[1].sepBefore == ' ' && token.continuesSpacedNumber(text)) return std::nullopt;
        collectDigits(text, token, 2, buffer, sizeof buffer);
        if (!ssnValid(std::string_view(buffer, 9))) return std::nullopt;
        double confidence = g[1].sepBefore == '-' ? 0.85 : 0.6;
        if (hasContextBefore(text, token.start, DetectorType::UsSsn))
            confidence = std::min(0.99, confidence + 0.1);
        return Finding{DetectorType::UsSsn, token.start, end, confidence};
    }
    if (g[0].size() == 9 && !token.continuesSpacedNumber(text)) {
        const std::size_t end = token.endAfter(0);
        if (!boundary::isolatedEnd(text, end)) return std::nullopt;
        collectDigits(text, token, 0, buffer, sizeof buffer);
        if (!ssnValid(std::string_view(buffer, 9)) ||
            !hasContextBefore(text, token.start, DetectorType::UsSsn))
            return std::nullopt;
        return Finding{DetectorType::UsSsn, token.start, end, 0.75};
    }
    return std::nullopt;
}

} // namespace hindsight::privacy
