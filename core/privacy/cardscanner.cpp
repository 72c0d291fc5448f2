#include "core/privacy/cardscanner.h"

#include "core/privacy/cardissuer.h"
#include "core/privacy/contextwords.h"
#include "core/privacy/luhn.h"
#include "core/privacy/tokenboundary.h"

#include <algorithm>

namespace hindsight::privacy {

namespace {

bool groupingAllowed(const DigitToken &token, int k)
{
    if (k == 0) return true;
    const char sep = token.groups[1].sepBefore;
    if (sep != ' ' && sep != '-') return false;
    for (int i = 0; i <= k; ++i) {
        const DigitGroup &g = token.groups[static_cast<std::size_t>(i)];
        if (g.parenthesized || (i > 0 && g.sepBefore != sep)) return false;
    }
    auto len = [&token](int i) { return token.groups[static_cast<std::size_t>(i)].size(); };
    // 4-6-4 (Diners) and 4-6-5 (Amex).
    if (k == 2 && len(0) == 4 && len(1) == 6 && (len(2) == 4 || len(2) == 5)) return true;
    // Groups of four, the last one possibly shorter.
    for (int i = 0; i < k; ++i)
        if (len(i) != 4) return false;
    return len(k) >= 1 && len(k) <= 4;
}

} // namespace

std::optional<Finding> matchCreditCard(std::string_view text, const DigitToken &token)
{
    if (token.count == 0 || token.plus || token.groups[0].parenthesized) return std::nullopt;
    for (int k = token.count - 1; k >= 0; --k) {
        const std::size_t digits = token.digitsThrough(k);
        if (digits < 13) break;
        if (digits > 19 || !groupingAllowed(token, k)) continue;
        const std::size_t end = token.endAfter(k);
        if (!boundary::isolatedEnd(text, end)) continue;
        char buffer[19];
        const std::size_t n = collectDigits(text, token, k, buffer, sizeof buffer);
        const std::string_view number(buffer, n);
        if (cardIssuer(number) == CardIssuer::None || !luhnValid(number)) continue;
        const ContextWords context = contextWordsBefore(text, token.start, DetectorType::CreditCard);
        // "EAN 4006381333931", "MSISDN 4915112345678": an unbroken number under a word for another
        // kind of number is that kind. Card grouping (4111 1111 ...) is evidence enough.
        if (k == 0 && context.opposing && !context.supporting) return std::nullopt;
        double confidence = k == 0 ? 0.8 : 0.9;
        if (context.supporting) confidence = std::min(0.99, confidence + 0.08);
        return Finding{DetectorType::CreditCard, token.start, end, confidence};
    }
    return std::nullopt;
}

} // namespace hindsight::privacy
