#include "core/privacy/phonescanner.h"

#include "core/privacy/callingcode.h"
#include "core/privacy/charclass.h"
#include "core/privacy/contextwords.h"
#include "core/privacy/tokenboundary.h"

#include <algorithm>

namespace hindsight::privacy {

namespace {

constexpr std::size_t kMaxDigits = 20;

/// The digits and group lengths of groups 0..k, with an international "(0)" trunk digit left out.
struct PhoneShape
{
    char digits[kMaxDigits]; // [0, count) are set
    std::size_t count = 0;
    std::size_t lens[DigitToken::kMaxGroups]; // [0, groups) are set
    int groups = 0;
    bool tooLong = false;
};

PhoneShape shapeOf(std::string_view text, const DigitToken &token, int k, bool international)
{
    PhoneShape s;
    for (int i = 0; i <= k; ++i) {
        const DigitGroup &g = token.groups[static_cast<std::size_t>(i)];
        if (international && i > 0 && g.parenthesized && g.size() == 1 && text[g.start] == '0')
            continue; // "+44 (0)20 ..."
        if (s.count + g.size() > kMaxDigits) {
            s.tooLong = true;
            return s;
        }
        for (std::size_t p = g.start; p < g.end; ++p)
            s.digits[s.count++] = text[p];
        s.lens[s.groups++] = g.size();
    }
    return s;
}

class PhoneJudge
{
  public:
    PhoneJudge(std::string_view text, const DigitToken &token) : m_text(text), m_token(token) {}

    /// Confidence for groups 0..k read as a phone number, 0 when they are not one.
    double judge(int k)
    {
        const bool intlByZeros = !m_token.plus && k >= 1 && m_token.groups[0].size() >= 2 &&
                                 m_text[m_token.groups[0].start] == '0' &&
                                 m_text[m_token.groups[0].start + 1] == '0';
        const PhoneShape s = shapeOf(m_text, m_token, k, m_token.plus || intlByZeros);
        if (s.tooLong || s.count == 0) return 0;
        if (m_token.plus) return international(s, 0, k);
        if (intlByZeros) return std::max(0.0, international(s, 2, k) - 0.05);
        for (int i = 1; i <= k; ++i)
            if (group(i).parenthesized && !(i == 1 && s.lens[0] == 1))
                return 0; // only an area code may stand in parentheses
        if (k == 0) return bare(s);
        if (const double v = nanp(s); v > 0) return v;
        return trunk(s, k);
    }

    /// Whether a phone context word comes before the token (looked up once).
    bool context() { return words().supporting; }
    /// Whether a word saying "another kind of number" comes before the token.
    bool counterContext() { return words().opposing; }

  private:
    const DigitGroup &group(int i) const { return m_token.groups[static_cast<std::size_t>(i)]; }

    const ContextWords &words()
    {
        if (!m_words) m_words = contextWordsBefore(m_text, m_token.start, DetectorType::Phone);
        return *m_words;
    }

    double withContext(double base) { return context() ? std::min(0.99, base + 0.1) : base; }

    double international(const PhoneShape &s, std::size_t skip, int k)
    {
        const std::string_view d(s.digits + skip, s.count - skip);
        if (d.size() < 8 || d.size() > 15) return 0;
        if (callingCodeLength(d) == 0) return 0;
        // Parentheses go around the country code "(+44)", the area code "+1 (415)" or the trunk
        // "+44 (0)20"; a later group in parentheses starts something else.
        for (int i = 2; i <= k; ++i)
            if (group(i).parenthesized) return 0;
        if (d[0] == '1' && (d.size() != 11 || !nanpValid(d.substr(1)))) return 0;
        if (d[0] == '7' && d.size() != 11) return 0;
        for (int i = 2; i < s.groups; ++i)
            if (s.lens[i] == 1) return 0;
        return withContext(k > 0 ? 0.9 : 0.85);
    }

    double bare(const PhoneShape &s)
    {
        const std::string_view d(s.digits, s.count);
        const bool nanpBare =
            (d.size() == 10 && nanpValid(d)) || (d.size() == 11 && d[0] == '1' && nanpValid(d.substr(1)));
        const bool trunkBare = (d.size() == 10 || d.size() == 11) && d[0] == '0' && d[1] != '0';
        // E.164 without the '+', as in "MSISDN 4915112345678".
        const bool e164Bare = d.size() >= 11 && d.size() <= 15 && d[0] != '0' && d[0] != '1' && d[0] != '7' &&
                              callingCodeLength(d) > 0;
        if ((nanpBare || trunkBare || e164Bare) && context()) return nanpBare ? 0.6 : 0.55;
        return 0;
    }

    double nanp(const PhoneShape &s)
    {
        const int off = (s.groups == 4 && s.lens[0] == 1 && s.digits[0] == '1') ? 1 : 0;
        if (s.groups - off != 3 || s.lens[off] != 3 || s.lens[off + 1] != 3 || s.lens[off + 2] != 4) return 0;
        if (!nanpValid(std::string_view(s.digits + off, 10))) return 0;
        const DigitGroup &area = group(off);
        const char s1 = group(off + 1).sepBefore;
        const char s2 = group(off + 2).sepBefore;
        if (group(off + 1).parenthesized || group(off + 2).parenthesized || s2 == 0) return 0;
        if (area.parenthesized) return (s1 == '/' || s1 == '.' || s2 == '/') ? 0 : withContext(0.85);
        if (s1 == s2) {
            if (s1 == '-') return withContext(0.8);
            if (s1 == '.') return withContext(0.75);
            if (s1 == ' ') return context() ? 0.7 : 0;
            return 0;
        }
        if (s1 == '/' || s2 == '/') return 0;
        return context() ? 0.6 : 0; // mixed separators such as 415-555 2671
    }

    double trunk(const PhoneShape &s, int k)
    {
        const std::string_view d(s.digits, s.count);
        if (d.size() < 9 || d.size() > 12 || d[0] != '0' || d[1] == '0') return 0;
        if (s.lens[0] < 2 || s.lens[0] > 5) return 0;
        for (int i = 1; i < s.groups; ++i)
            if (s.lens[i] < 2) return 0;
        if (s.groups == 3 && s.lens[0] == 3 && s.lens[1] == 2 && s.lens[2] == 4)
            return 0;                                                    // the shape of an SSN
        if (s.groups == 2 && s.lens[0] == 5 && s.lens[1] == 4) return 0; // the shape of a ZIP+4 code
        char sep = 0;
        for (int i = 1; i <= k; ++i) {
            const char c = group(i).sepBefore;
            if (c == 0) continue;
            if (sep != 0 && c != sep) return 0;
            sep = c;
        }
        if (context()) return 0.85;
        // "Serial: 0123 4567 8901", "Order 020 7946 0958": a word for another kind of number
        // right before a national-looking number makes it that kind.
        return counterContext() ? 0 : 0.7;
    }

    std::string_view m_text;
    const DigitToken &m_token;
    std::optional<ContextWords> m_words;
};

} // namespace

bool nanpValid(std::string_view d)
{
    if (d.size() != 10) return false;
    for (char c : d)
        if (!chars::isDigit(c)) return false;
    if (d[0] < '2' || (d[1] == '1' && d[2] == '1') || d[1] == '9') return false;
    return d[3] >= '2';
}

std::optional<Finding> matchPhone(std::string_view text, const DigitToken &token)
{
    if (token.count == 0) return std::nullopt;
    PhoneJudge judge(text, token);
    const bool continues = token.continuesSpacedNumber(text);
    for (int k = token.count - 1; k >= 0; --k) {
        const std::size_t end = token.endAfter(k);
        if (!boundary::isolatedEnd(text, end)) continue;
        // "FR76 3000 6000 0112 3456 7890": spaced groups after another digit group are one longer number.
        if (continues && (k == 0 || token.usesSeparator(k, ' '))) continue;
        const double confidence = judge.judge(k);
        if (confidence <= 0) continue;
        return Finding{DetectorType::Phone, token.start, end, confidence};
    }
    return std::nullopt;
}

} // namespace hindsight::privacy
