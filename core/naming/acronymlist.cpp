#include "core/naming/acronymlist.h"

#include "core/naming/unicodetext.h"

#include <algorithm>

namespace hindsight::naming {

const std::vector<std::string> &AcronymList::defaults()
{
    static const std::vector<std::string> list = {
        // the ones people ask about first
        "URL", "iOS", "PDF", "ID", "API", "UTM", "SSO", "FAQ", "2FA",
        // web and data formats
        "URI", "HTML", "CSS", "JSON", "CSV", "XML", "HTTP", "HTTPS", "SDK", "QR", "SMS", "PWA",
        // product words
        "UI", "UX", "CTA", "SEO", "OTP", "MFA", "B2B", "B2C", "GDPR", "VAT", "SKU", "CRM", "KYC", "NPS",
        "KPI", "ROI", "VIP", "AI", "USB", "GPS", "TV", "SaaS", "OAuth",
        // platforms and brands that casing would otherwise break apart
        "iPhone", "iPad", "macOS", "iCloud", "YouTube", "PayPal", "GitHub", "LinkedIn", "WhatsApp", "TikTok"};
    return list;
}

AcronymList::AcronymList() : AcronymList(defaults()) {}

AcronymList::AcronymList(const std::vector<std::string> &spellings)
{
    for (const std::string &spelling : spellings) {
        if (spelling.empty()) continue;
        std::string lowered = text::toLower(spelling);
        if (m_byLowered.count(lowered)) continue;
        m_longest = std::max(m_longest, lowered.size());
        m_byLowered.emplace(lowered, spelling);
        m_spellings.push_back(spelling);
        m_entries.push_back(Entry{text::toCodePoints(spelling), text::toCodePoints(lowered)});
    }
    std::stable_sort(m_entries.begin(), m_entries.end(),
                     [](const Entry &a, const Entry &b) { return a.folded.size() > b.folded.size(); });
    m_byFirstAscii.resize(128);
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        const Entry &entry = m_entries[i];
        const char32_t first = entry.folded.front();
        if (first < 128)
            m_byFirstAscii[first].push_back(i);
        else
            m_byFirstOther[first].push_back(i);
        const bool capitalLater = std::any_of(entry.spelling.begin() + 1, entry.spelling.end(),
                                              [](char32_t cp) { return text::isUpper(cp); });
        if (text::isLower(entry.spelling.front()) && capitalLater) {
            m_lowerFirst.push_back(i);
            if (m_lowerFirstLetters.find(entry.spelling.front()) == std::u32string::npos)
                m_lowerFirstLetters.push_back(entry.spelling.front());
        }
    }
}

std::optional<std::string> AcronymList::canonical(std::string_view loweredWord) const
{
    if (loweredWord.size() > m_longest + 1) return std::nullopt;
    if (auto it = m_byLowered.find(loweredWord); it != m_byLowered.end()) return it->second;
    if (loweredWord.size() > 1 && loweredWord.back() == 's') {
        if (auto it = m_byLowered.find(loweredWord.substr(0, loweredWord.size() - 1));
            it != m_byLowered.end())
            return it->second + "s";
    }
    return std::nullopt;
}

const std::vector<std::size_t> &AcronymList::startingWith(char32_t loweredCp) const
{
    static const std::vector<std::size_t> none;
    if (loweredCp < 128) return m_byFirstAscii[loweredCp];
    auto it = m_byFirstOther.find(loweredCp);
    return it == m_byFirstOther.end() ? none : it->second;
}

} // namespace hindsight::naming
