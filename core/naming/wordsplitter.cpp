#include "core/naming/wordsplitter.h"

#include "core/naming/unicodetext.h"

namespace hindsight::naming {

namespace {

bool isApostrophe(char32_t cp)
{
    return cp == U'\'' || cp == U'\u2019';
}

/// A letter without case (most scripts other than Latin, Greek, Cyrillic, ...) or a lower-case
/// letter: both continue a word in camelCase.
bool isLowerish(char32_t cp)
{
    return text::isLetter(cp) && !text::isUpper(cp);
}

inline bool isWordChar(const std::u32string &cps, std::size_t i)
{
    const char32_t cp = cps[i];
    if (text::isLetter(cp) || text::isDigit(cp)) return true;
    return isApostrophe(cp) && i > 0 && i + 1 < cps.size() && text::isLetter(cps[i - 1]) &&
           text::isLetter(cps[i + 1]);
}

} // namespace

WordSplitter::WordSplitter(const AcronymList &acronyms) : m_acronyms(&acronyms) {}

std::size_t WordSplitter::acronymAt(std::u32string_view token, std::size_t pos, bool mixedCase,
                                    bool exactOnly) const
{
    const std::size_t n = token.size();
    const std::vector<std::size_t> &candidates =
        exactOnly ? m_acronyms->lowerFirst() : m_acronyms->startingWith(text::toLower(token[pos]));
    if (candidates.empty()) return 0;
    // Does a word of `len` code points starting at `pos` end where a new word may start?
    const auto endsWord = [&](std::size_t len) {
        const std::size_t e = pos + len;
        if (e == n) return true;
        const char32_t last = token[e - 1];
        const char32_t next = token[e];
        if (text::isDigit(next) != text::isDigit(last)) return true;
        if (!mixedCase) return false; // all one case: nothing else marks a word end
        if (text::isUpper(next)) {
            // "UrlCopied" ends at 'C'; "URLCopied" and "iOSApp" only when an upper-case run
            // gives way to a capitalised word ("IDEASPage" is not "ID" + "EASPage").
            if (!text::isUpper(last)) return true;
            return e + 1 < n && text::isLower(token[e + 1]);
        }
        return false;
    };
    for (std::size_t candidate : candidates) {
        const AcronymList::Entry &entry = m_acronyms->entries()[candidate];
        const std::size_t len = entry.folded.size();
        if (pos + len > n) continue;
        // In a token of one case only a whole-token match (or one up to a digit) can count.
        if (!mixedCase && pos + len != n && !(pos + len + 1 == n && token[pos + len] == U's') &&
            !text::isDigit(token[pos + len]))
            continue;
        if (len > 1 && text::toLower(token[pos + 1]) != entry.folded[1]) continue;
        bool same = true;
        for (std::size_t k = 0; k < len && same; ++k) {
            const char32_t cp = token[pos + k];
            same = exactOnly ? cp == entry.spelling[k] : text::toLower(cp) == entry.folded[k];
        }
        if (!same) continue;
        if (pos + len < n && token[pos + len] == U's' && endsWord(len + 1))
            return len + 1; // plural: "URLs", "IDs"
        if (endsWord(len)) return len;
    }
    return 0;
}

void WordSplitter::splitToken(std::u32string_view token, std::vector<std::size_t> &starts) const
{
    bool hasLower = false;
    bool hasUpper = false;
    for (char32_t cp : token) {
        hasLower = hasLower || text::isLower(cp);
        hasUpper = hasUpper || text::isUpper(cp);
    }
    const bool mixed = hasLower && hasUpper;
    const std::size_t n = token.size();
    std::size_t wordStart = 0;
    starts.push_back(0);
    std::size_t i = 0;
    while (i < n) {
        if (i == wordStart) {
            if (const std::size_t len = acronymAt(token, i, mixed, false)) {
                i += len;
                if (i < n) {
                    starts.push_back(i);
                    wordStart = i;
                }
                continue;
            }
        } else {
            const char32_t prev = token[i - 1];
            const char32_t cur = token[i];
            bool boundary = false;
            if (mixed && isLowerish(prev) && text::isUpper(cur))
                boundary = true; // signUp
            else if (mixed && text::isUpper(prev) && text::isUpper(cur) && i + 1 < n &&
                     text::isLower(token[i + 1]))
                boundary = true; // HTMLParser
            else if (text::isLetter(prev) && text::isDigit(cur) && i - wordStart >= 2)
                boundary = true; // Step2 (but V2 stays whole)
            else if (text::isDigit(prev) && text::isUpper(cur))
                boundary = true; // 2Completed (but 3rd stays whole)
            else if (mixed && text::isLower(prev) && m_acronyms->lowerFirstStartsWith(cur) &&
                     acronymAt(token, i, mixed, true))
                boundary = true; // openiOSApp
            if (boundary) {
                starts.push_back(i);
                wordStart = i;
                continue;
            }
        }
        ++i;
    }
}

SplitText WordSplitter::split(std::string_view input) const
{
    // Code points with the byte offset where each starts, so words and gaps are exact slices.
    thread_local std::u32string cps;
    thread_local std::vector<std::size_t> offsets;
    thread_local std::vector<std::size_t> starts;
    cps.clear();
    offsets.clear();
    for (std::size_t pos = 0; pos < input.size();) {
        offsets.push_back(pos);
        cps.push_back(text::nextCodePoint(input, pos));
    }
    offsets.push_back(input.size());

    SplitText out;
    out.words.reserve(8);
    out.gaps.reserve(9);
    out.offsets.reserve(8);
    std::size_t gapStart = 0; // byte offset
    std::size_t i = 0;
    while (i < cps.size()) {
        if (!isWordChar(cps, i)) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < cps.size() && isWordChar(cps, j))
            ++j;
        out.gaps.emplace_back(input.substr(gapStart, offsets[i] - gapStart));
        starts.clear();
        splitToken(std::u32string_view(cps).substr(i, j - i), starts);
        for (std::size_t k = 0; k < starts.size(); ++k) {
            if (k > 0) out.gaps.emplace_back();
            const std::size_t from = offsets[i + starts[k]];
            const std::size_t to = k + 1 < starts.size() ? offsets[i + starts[k + 1]] : offsets[j];
            out.words.emplace_back(input.substr(from, to - from));
            out.offsets.push_back(from);
        }
        gapStart = offsets[j];
        i = j;
    }
    out.gaps.emplace_back(input.substr(gapStart));
    return out;
}

SplitText WordSplitter::slice(const SplitText &split, std::string_view text, std::size_t from, std::size_t to)
{
    SplitText out;
    out.words.reserve(split.words.size());
    out.gaps.reserve(split.words.size() + 1);
    out.offsets.reserve(split.words.size());
    std::size_t cursor = from; // end of the last word taken
    for (std::size_t i = 0; i < split.words.size(); ++i) {
        const std::size_t start = split.offsets[i];
        const std::size_t end = start + split.words[i].size();
        if (start < from || end > to) continue;
        out.gaps.emplace_back(out.words.empty() ? text.substr(cursor, start - cursor) : split.gaps[i]);
        out.words.push_back(split.words[i]);
        out.offsets.push_back(start - from);
        cursor = end;
    }
    out.gaps.emplace_back(text.substr(cursor, to - cursor));
    return out;
}

std::vector<std::string> WordSplitter::words(std::string_view text) const
{
    return split(text).words;
}

} // namespace hindsight::naming
