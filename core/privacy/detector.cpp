#include "core/privacy/detector.h"

#include "core/privacy/cardscanner.h"
#include "core/privacy/charclass.h"
#include "core/privacy/digittoken.h"
#include "core/privacy/emailscanner.h"
#include "core/privacy/ibanscanner.h"
#include "core/privacy/ipscanner.h"
#include "core/privacy/jwtscanner.h"
#include "core/privacy/phonescanner.h"
#include "core/privacy/secretscanner.h"
#include "core/privacy/ssnscanner.h"
#include "core/privacy/tokenboundary.h"

#include <algorithm>

namespace hindsight::privacy {

namespace {

/// A finding before overlaps are resolved; higher priority wins an overlap.
struct Candidate
{
    Finding finding;
    int priority = 0;
};

int priorityOf(DetectorType type)
{
    switch (type) {
    case DetectorType::Jwt:
        return 9;
    case DetectorType::Secret:
        return 8;
    case DetectorType::Email:
        return 7;
    case DetectorType::Iban:
        return 6;
    case DetectorType::CreditCard:
        return 5;
    case DetectorType::UsSsn:
        return 4;
    case DetectorType::IpAddress:
        return 3;
    case DetectorType::Phone:
        return 2;
    }
    return 0;
}
constexpr int kParameterPriority = 1; // a URL parameter value yields to anything more specific

class Scanner
{
  public:
    Scanner(std::string_view text, const DetectOptions &options) : m_text(text), m_options(options)
    {
        m_numbers = options.enabled(DetectorType::CreditCard) || options.enabled(DetectorType::UsSsn) ||
                    options.enabled(DetectorType::Phone) || options.enabled(DetectorType::IpAddress);
    }

    std::vector<Candidate> run()
    {
        const std::string_view t = m_text;
        const std::size_t n = t.size();
        std::size_t i = 0;
        while (i < n) {
            const char c = t[i];
            if (chars::isAlnum(c)) {
                std::size_t next = i + 1;
                while (next < n && chars::isAlnum(t[next]))
                    ++next;
                const std::optional<Finding> f = chars::isDigit(c) ? numberAt(i) : wordAt(i);
                if (f) {
                    add(*f);
                    next = std::max(next, f->end);
                }
                i = next;
                continue;
            }
            std::optional<Finding> f;
            switch (c) {
            case '@':
                if (enabled(DetectorType::Email)) f = scanEmail(t, i);
                break;
            case '%': // "jane%40example.org" in URL query strings
                if (enabled(DetectorType::Email) && i + 2 < n && t[i + 1] == '4' && t[i + 2] == '0')
                    f = scanEmail(t, i, 3);
                break;
            case ':':
                // Every ':' of a run of hex digits, ':' and '.' gives the same answer: ask once per run.
                if (enabled(DetectorType::IpAddress) && i >= m_v6RunEnd) f = scanIPv6(t, i, &m_v6RunEnd);
                break;
            case '+':
            case '(':
                if (enabled(DetectorType::Phone) && i + 1 < n &&
                    (chars::isDigit(t[i + 1]) || (c == '(' && t[i + 1] == '+')) &&
                    (i == 0 || !chars::isWordChar(t[i - 1])))
                    f = matchPhone(t, readDigitToken(t, i));
                break;
            case '=':
                if (enabled(DetectorType::Secret)) {
                    // The value may hold something more specific (a JWT), so scanning goes on inside it.
                    if (auto p = scanSecretParameter(t, i)) add(*p, kParameterPriority);
                }
                break;
            default:
                break;
            }
            if (f) {
                add(*f);
                i = std::max(i + 1, f->end);
            } else {
                ++i;
            }
        }
        return std::move(m_found);
    }

  private:
    bool enabled(DetectorType t) const { return m_options.enabled(t); }

    void add(const Finding &f, int priority = -1)
    {
        m_found.push_back(Candidate{f, priority >= 0 ? priority : priorityOf(f.type)});
    }

    std::optional<Finding> numberAt(std::size_t pos) const
    {
        if (!m_numbers || !boundary::isolatedStart(m_text, pos)) return std::nullopt;
        if (enabled(DetectorType::IpAddress))
            if (auto f = scanIPv4(m_text, pos)) return f;
        const DigitToken token = readDigitToken(m_text, pos);
        if (enabled(DetectorType::CreditCard))
            if (auto f = matchCreditCard(m_text, token)) return f;
        if (enabled(DetectorType::UsSsn))
            if (auto f = matchUsSsn(m_text, token)) return f;
        if (enabled(DetectorType::Phone)) return matchPhone(m_text, token);
        return std::nullopt;
    }

    std::optional<Finding> wordAt(std::size_t pos) const
    {
        const std::string_view t = m_text;
        const char c = t[pos];
        if (chars::isUpper(c) && pos + 3 < t.size() && chars::isUpper(t[pos + 1]) &&
            chars::isDigit(t[pos + 2]) && chars::isDigit(t[pos + 3]) && enabled(DetectorType::Iban))
            if (auto f = scanIban(t, pos)) return f;
        switch (c) {
        case 's':
        case 'r':
        case 'p':
        case 'g':
        case 'A':
        case 'x':
            if (enabled(DetectorType::Secret)) return scanSecretPrefix(t, pos);
            break;
        case 'e':
            if (enabled(DetectorType::Jwt) && pos + 1 < t.size() && (t[pos + 1] == 'y' || t[pos + 1] == 'w'))
                return scanJwt(t, pos);
            break;
        default:
            break;
        }
        return std::nullopt;
    }

    std::string_view m_text;
    const DetectOptions &m_options;
    bool m_numbers = false;
    std::size_t m_v6RunEnd = 0; ///< end of the last run scanIPv6() looked at
    std::vector<Candidate> m_found;
};

/// Keeps, within each cluster of overlapping candidates, the highest-priority (then longest)
/// ones that do not overlap each other.
std::vector<Finding> resolveOverlaps(std::vector<Candidate> candidates, double minConfidence)
{
    std::vector<Finding> out;
    out.reserve(candidates.size());
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
        return a.finding.start < b.finding.start;
    });
    std::vector<Candidate> cluster;
    auto flush = [&out, &cluster]() {
        if (cluster.size() > 1)
            std::stable_sort(cluster.begin(), cluster.end(), [](const Candidate &a, const Candidate &b) {
                if (a.priority != b.priority) return a.priority > b.priority;
                return a.finding.length() > b.finding.length();
            });
        const std::size_t first = out.size();
        for (const Candidate &c : cluster) {
            const bool overlaps =
                std::any_of(out.begin() + static_cast<long>(first), out.end(), [&c](const Finding &f) {
                    return c.finding.start < f.end && f.start < c.finding.end;
                });
            if (!overlaps) out.push_back(c.finding);
        }
        std::sort(out.begin() + static_cast<long>(first), out.end(),
                  [](const Finding &a, const Finding &b) { return a.start < b.start; });
        cluster.clear();
    };
    std::size_t clusterEnd = 0;
    for (const Candidate &c : candidates) {
        if (c.finding.start >= c.finding.end || c.finding.confidence < minConfidence) continue;
        if (!cluster.empty() && c.finding.start >= clusterEnd) flush();
        clusterEnd = cluster.empty() ? c.finding.end : std::max(clusterEnd, c.finding.end);
        cluster.push_back(c);
    }
    flush();
    return out;
}

} // namespace

std::vector<Finding> detect(std::string_view text, const DetectOptions &options)
{
    if (options.types == 0 || text.empty()) return {};
    return resolveOverlaps(Scanner(text, options).run(), options.minConfidence);
}

} // namespace hindsight::privacy
