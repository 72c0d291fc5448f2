#include "core/naming/caseformatter.h"

#include "core/naming/unicodetext.h"

#include <algorithm>
#include <array>

namespace hindsight::naming {

namespace {

std::string capitalizedWord(const std::string &lowered)
{
    std::size_t pos = 0;
    if (lowered.empty() || text::isDigit(text::nextCodePoint(lowered, pos))) return lowered; // "3rd", "100ms"
    return text::capitalized(lowered);
}

/// "iOS" -> "IOS" for the inside of camelCase and PascalCase words.
std::string upperFirst(const std::string &spelling)
{
    std::size_t pos = 0;
    const char32_t first = text::nextCodePoint(spelling, pos);
    std::string out;
    text::appendUtf8(out, text::toUpper(first));
    out.append(spelling, pos, std::string::npos);
    return out;
}

} // namespace

CaseFormatter::CaseFormatter(const AcronymList &acronyms) : m_acronyms(&acronyms) {}

bool CaseFormatter::isMinorWord(std::string_view lowered)
{
    static constexpr std::array<std::string_view, 22> minor = {
        "a",   "an", "and", "as",   "at", "but", "by",  "for", "from", "in", "into",
        "nor", "of", "on",  "onto", "or", "per", "the", "to",  "via",  "vs", "with"};
    return std::find(minor.begin(), minor.end(), lowered) != minor.end();
}

std::string CaseFormatter::format(std::string_view word, Casing casing, std::size_t index, std::size_t count,
                                  bool emphasised) const
{
    const std::string lowered = text::toLower(word);
    switch (casing) {
    case Casing::Lower:
    case Casing::Snake:
    case Casing::Kebab:
        return lowered;
    case Casing::Upper:
        return text::toUpper(word);
    case Casing::Title:
        if (auto acronym = m_acronyms->canonical(lowered)) return *acronym;
        if (index > 0 && index + 1 < count && !emphasised && isMinorWord(lowered)) return lowered;
        return capitalizedWord(lowered);
    case Casing::Sentence:
        if (auto acronym = m_acronyms->canonical(lowered)) return *acronym;
        return index == 0 ? capitalizedWord(lowered) : lowered;
    case Casing::Camel:
        if (index == 0) return lowered;
        if (auto acronym = m_acronyms->canonical(lowered)) return upperFirst(*acronym);
        return capitalizedWord(lowered);
    case Casing::Pascal:
        if (auto acronym = m_acronyms->canonical(lowered)) return upperFirst(*acronym);
        return capitalizedWord(lowered);
    }
    return lowered;
}

bool CaseFormatter::fits(std::string_view word, Casing casing, std::size_t index, std::size_t count) const
{
    // Fast path for plain ASCII words that are not acronyms: check the letters in place.
    if (!word.empty() && word.size() < 32 &&
        std::all_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
        char lowered[32];
        for (std::size_t i = 0; i < word.size(); ++i)
            lowered[i] = (word[i] >= 'A' && word[i] <= 'Z') ? static_cast<char>(word[i] + 32) : word[i];
        const std::string_view low(lowered, word.size());
        if (!m_acronyms->canonical(low)) {
            const auto isLowerTail = [&](std::size_t from) {
                return std::none_of(word.begin() + static_cast<std::ptrdiff_t>(from), word.end(),
                                    [](char c) { return c >= 'A' && c <= 'Z'; });
            };
            const bool digitFirst = word[0] >= '0' && word[0] <= '9';
            const bool capitalFirst = digitFirst || (word[0] >= 'A' && word[0] <= 'Z') ||
                                      !((word[0] | 0x20) >= 'a' && (word[0] | 0x20) <= 'z');
            const bool lowerFirst = !(word[0] >= 'A' && word[0] <= 'Z');
            const bool capitalized = (digitFirst ? isLowerTail(0) : capitalFirst && isLowerTail(1));
            const bool allLower = lowerFirst && isLowerTail(1);
            switch (casing) {
            case Casing::Lower:
            case Casing::Snake:
            case Casing::Kebab:
                return allLower;
            case Casing::Upper:
                return std::none_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
            case Casing::Title:
                if (index > 0 && isMinorWord(low)) return allLower || capitalized;
                return capitalized;
            case Casing::Sentence:
                return index == 0 ? capitalized : allLower;
            case Casing::Camel:
                return index == 0 ? allLower : capitalized;
            case Casing::Pascal:
                return capitalized;
            }
        }
    }
    const std::string expected = format(word, casing, index, count);
    if (word == expected) return true;
    if (casing == Casing::Title && index > 0) {
        // A short function word may be capitalised or not ("Add to Cart", "Add To Cart").
        const std::string lowered = text::toLower(word);
        if (isMinorWord(lowered) && !m_acronyms->canonical(lowered))
            return word == lowered || word == capitalizedWord(lowered);
    }
    return false;
}

std::string CaseFormatter::join(const std::vector<std::string> &words, Casing casing,
                                const std::vector<bool> *emphasised) const
{
    std::string out;
    const std::string_view joiner = casingJoiner(casing);
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0) out += joiner;
        const bool strong = emphasised && i < emphasised->size() && (*emphasised)[i];
        if (!strong && fits(words[i], casing, i, words.size()))
            out += words[i];
        else
            out += format(words[i], casing, i, words.size(), strong);
    }
    return out;
}

} // namespace hindsight::naming
