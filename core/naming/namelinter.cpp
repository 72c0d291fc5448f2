#include "core/naming/namelinter.h"

#include "core/naming/editdistance.h"
#include "core/naming/unicodetext.h"

#include <algorithm>
#include <array>
#include <span>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

namespace hindsight::naming {

struct NameLinter::Data
{
    explicit Data(const Convention &c);

    /// Lower-case words run together: how allowed values and duplicates are compared.
    std::string fold(std::string_view value) const;
    /// A character set with its extra characters decoded once.
    struct Characters
    {
        CharacterSet set;
        std::u32string extra;
    };
    const Characters &charactersOf(std::size_t segment) const { return segmentCharacters[segment]; }

    Convention convention;
    AcronymList acronyms;
    VerbTable verbs;
    WordSplitter splitter;
    CaseFormatter formatter;
    std::vector<SegmentGroup> groups;
    std::unordered_set<std::string> blocked;
    std::vector<std::unordered_set<std::string>> segmentBlocked;
    std::vector<std::vector<std::size_t>> allowedVerbs;
    std::vector<std::unordered_map<std::string, std::string>> allowedValues; ///< folded -> value
    std::u32string separatorChars; ///< characters of the group separators
    std::u32string joinerChars;    ///< '_' and '-' when a casing uses them to join words
    Characters characters;         ///< the convention's
    std::vector<Characters> segmentCharacters;
};

namespace {

/// Characters read as separators between words or segments (so misuse is a `separator`
/// problem, not a `characters` one).
constexpr std::u32string_view kUnderstoodSeparators = U"_-\u2013\u2014./:|>\u00B7";
/// Characters people put between a category and the rest instead of the convention's separator.
constexpr std::u32string_view kDashLike = U"-\u2013\u2014:|/>\u00BB\u00B7\u2022~";
/// Prepositions that start a complement after the action ("Added to Cart", "Paid with PayPal").
constexpr std::array<std::string_view, 6> kDestinations = {"to", "from", "into", "onto", "with", "via"};

bool isDestination(std::string_view lowered)
{
    return std::find(kDestinations.begin(), kDestinations.end(), lowered) != kDestinations.end();
}

bool contains(std::u32string_view set, char32_t cp)
{
    return set.find(cp) != std::u32string_view::npos;
}

std::string inQuotes(std::string_view s)
{
    return "“" + std::string(s) + "”";
}

std::string joinWords(const std::vector<std::string> &words, std::string_view joiner, std::size_t from = 0,
                      std::size_t to = std::string::npos)
{
    std::string out;
    to = std::min(to, words.size());
    for (std::size_t i = from; i < to; ++i) {
        if (i > from) out += joiner;
        out += words[i];
    }
    return out;
}

std::vector<std::string> splitOnSpaces(std::string_view s)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        const std::size_t space = s.find(' ', start);
        const std::size_t end = space == std::string_view::npos ? s.size() : space;
        if (end > start) out.emplace_back(s.substr(start, end - start));
        if (space == std::string_view::npos) break;
        start = space + 1;
    }
    return out;
}

std::string verbForm(const Verb &verb, unsigned form)
{
    if (form & BaseForm) return verb.base;
    if (form & ParticipleForm) return verb.participle;
    if (form & PastForm) return verb.past;
    if (form & ThirdPersonForm) return VerbTable::thirdPerson(verb.base);
    return verb.gerund;
}

class Checker
{
  public:
    explicit Checker(const NameLinter::Data &data) : d(data) {}

    /// `suggest`: also build a suggestion (a suggestion's own check only needs the verdict).
    NameCheck run(std::string_view name, bool suggest)
    {
        m_suggest = suggest;
        const std::string normalized = normalizeSpaces(name);
        if (normalized.empty()) {
            add(Rule::Empty, name.empty() ? "the name is empty" : "the name is only white space");
            return finish(name, false);
        }
        const SplitText whole = d.splitter.split(normalized);
        m_words = whole.words;
        for (const std::string &gap : whole.gaps)
            flagGapCharacters(gap);
        if (d.convention.maxLength > 0) {
            const std::size_t length = text::length(normalized);
            if (length > d.convention.maxLength)
                add(Rule::MaxLength, "is " + std::to_string(length) + " characters long; the limit is " +
                                         std::to_string(d.convention.maxLength));
        }
        std::vector<Range> ranges;
        if (splitGroups(normalized, whole, ranges)) {
            m_fixedGroups.assign(d.groups.size(), std::string());
            for (std::size_t g = 0; g < d.groups.size(); ++g) {
                const auto [from, to] = ranges[g];
                analyseGroup(g, normalized.substr(from, to - from),
                             d.groups.size() == 1 ? whole : WordSplitter::slice(whole, normalized, from, to));
            }
        } else {
            m_fixable = false;
            for (const std::string &word : whole.words)
                flagWordCharacters(word, d.characters);
            checkBlocked(whole.words, nullptr);
        }
        reportCharacters();
        return finish(name, suggest);
    }

  private:
    void add(Rule rule, std::string message)
    {
        for (Violation &violation : m_violations) {
            if (violation.rule == rule) {
                violation.message += "; " + message;
                return;
            }
        }
        m_violations.push_back(Violation{rule, std::move(message), std::nullopt});
    }

    NameCheck finish(std::string_view name, bool suggest)
    {
        std::stable_sort(m_violations.begin(), m_violations.end(),
                         [](const Violation &a, const Violation &b) { return a.rule < b.rule; });
        NameCheck out;
        if (!m_violations.empty() && suggest && m_fixable && !m_fixedGroups.empty()) {
            std::string suggestion;
            for (std::size_t g = 0; g < d.groups.size(); ++g) {
                if (g > 0) suggestion += d.groups[g].separator;
                suggestion += m_fixedGroups[g];
            }
            if (suggestion != name && Checker(d).run(suggestion, false).clean()) {
                out.suggestion = suggestion;
                for (Violation &violation : m_violations)
                    violation.suggestion = suggestion;
            }
        }
        out.violations = std::move(m_violations);
        out.words = std::move(m_words);
        return out;
    }

    // ---- white space and characters ----

    /// The name with white space runs made one space and the ends trimmed; reports what it changed.
    std::string normalizeSpaces(std::string_view name)
    {
        std::string out;
        out.reserve(name.size());
        bool leading = false, trailing = false, repeated = false, odd = false, pending = false;
        std::size_t run = 0;
        std::size_t pos = 0;
        while (pos < name.size()) {
            const std::size_t start = pos;
            const char32_t cp = text::nextCodePoint(name, pos);
            if (text::isSpace(cp)) {
                odd = odd || cp != U' ';
                leading = leading || out.empty();
                pending = true;
                ++run;
                continue;
            }
            if (pending && !out.empty()) {
                out += ' ';
                repeated = repeated || run > 1;
            }
            pending = false;
            run = 0;
            out.append(name.substr(start, pos - start));
        }
        trailing = pending && !out.empty();
        if (out != name && !out.empty()) {
            std::vector<std::string> parts;
            if (leading) parts.emplace_back("starts with white space");
            if (trailing) parts.emplace_back("ends with white space");
            if (repeated) parts.emplace_back("has repeated spaces");
            if (odd) parts.emplace_back("contains a tab, line break or other invisible space");
            add(Rule::Whitespace, joinWords(parts, ", "));
        }
        return out;
    }

    bool gapCharAllowed(char32_t cp) const
    {
        return cp == U' ' || contains(kUnderstoodSeparators, cp) || contains(d.separatorChars, cp) ||
               contains(d.characters.extra, cp);
    }

    void flag(char32_t cp)
    {
        if (!contains(m_offending, cp)) m_offending.push_back(cp);
    }

    void flagGapCharacters(std::string_view gap)
    {
        std::size_t pos = 0;
        while (pos < gap.size()) {
            const char32_t cp = text::nextCodePoint(gap, pos);
            if (!gapCharAllowed(cp)) flag(cp);
        }
    }

    static bool wordCharAllowed(char32_t cp, const NameLinter::Data::Characters &chars)
    {
        if (text::isDigit(cp) && chars.set.digits) return true;
        if (text::isLetter(cp) &&
            (chars.set.letters == CharacterSet::Letters::Unicode || text::isAsciiLetter(cp)))
            return true;
        return contains(chars.extra, cp);
    }

    void flagWordCharacters(std::string_view word, const NameLinter::Data::Characters &set)
    {
        std::size_t pos = 0;
        while (pos < word.size()) {
            const char32_t cp = text::nextCodePoint(word, pos);
            if (!wordCharAllowed(cp, set)) {
                flag(cp);
                if (text::isLetter(cp)) m_foreignLetters = true;
            }
        }
    }

    void reportCharacters()
    {
        if (m_offending.empty()) return;
        std::string list;
        const std::size_t shown = std::min<std::size_t>(m_offending.size(), 5);
        for (std::size_t i = 0; i < shown; ++i) {
            if (i > 0) list += ", ";
            list += text::describe(m_offending[i]);
        }
        if (m_offending.size() > shown)
            list += " and " + std::to_string(m_offending.size() - shown) + " more";
        std::string message = "contains characters the convention does not allow: " + list;
        if (m_foreignLetters) message += " (only the letters A-Z are allowed)";
        add(Rule::Characters, std::move(message));
    }

    /// `word` with the characters `set` does not allow removed (accents dropped first when
    /// only ASCII letters are allowed). May come back empty.
    static std::string cleanWord(const std::string &word, const NameLinter::Data::Characters &set)
    {
        bool allAllowed = true;
        for (std::size_t pos = 0; pos < word.size() && allAllowed;)
            allAllowed = wordCharAllowed(text::nextCodePoint(word, pos), set);
        if (allAllowed) return word;
        const bool ascii = set.set.letters == CharacterSet::Letters::Ascii;
        const std::string source = ascii ? text::toAscii(word) : word;
        std::string out;
        std::size_t pos = 0;
        while (pos < source.size()) {
            const std::size_t start = pos;
            const char32_t cp = text::nextCodePoint(source, pos);
            if (wordCharAllowed(cp, set)) out.append(source, start, pos - start);
        }
        return out;
    }

    // ---- segments and groups ----

    std::string groupLabel(const SegmentGroup &group) const
    {
        std::string out;
        for (std::size_t k = 0; k < group.count; ++k) {
            if (k > 0) out += " ";
            out += d.convention.segments[group.first + k].displayLabel();
        }
        return out;
    }

    std::string groupLabelAround(std::size_t g) const
    {
        return groupLabel(d.groups[g - 1]) + " and " + groupLabel(d.groups[g]);
    }

    using Range = std::pair<std::size_t, std::size_t>; // bytes [from, to) of the normalized name

    /// Where each group of the convention is in the name.
    bool splitGroups(const std::string &normalized, const SplitText &whole, std::vector<Range> &ranges)
    {
        const std::size_t count = d.groups.size();
        if (count == 1) {
            ranges = {Range{0, normalized.size()}};
            return true;
        }
        // 1. The convention's own separators, in order.
        std::vector<Range> parts;
        std::size_t pos = 0;
        bool exact = true;
        for (std::size_t g = 1; g < count; ++g) {
            const std::string &separator = d.groups[g].separator;
            const std::size_t at = normalized.find(separator, pos);
            if (at == std::string::npos) {
                exact = false;
                break;
            }
            parts.emplace_back(pos, at);
            pos = at + separator.size();
        }
        if (exact) {
            parts.emplace_back(pos, normalized.size());
            std::size_t extra = 0;
            for (const Range &part : parts) {
                const std::string_view text =
                    std::string_view(normalized).substr(part.first, part.second - part.first);
                for (std::size_t g = 1; g < count; ++g) {
                    const std::string &separator = d.groups[g].separator;
                    for (std::size_t at = text.find(separator); at != std::string_view::npos;
                         at = text.find(separator, at + separator.size()))
                        ++extra;
                }
            }
            if (extra > 0) {
                add(Rule::SegmentCount, "has " + std::to_string(count + extra) + " parts separated by " +
                                            inQuotes(d.groups[1].separator) + "; the convention has " +
                                            std::to_string(count) + " (" + inQuotes(d.convention.pattern()) +
                                            ")");
                return false;
            }
            ranges = std::move(parts);
            return true;
        }
        // 2. Another separator where the convention's belongs ("Cart: Submit", "Cart-Submit").
        if (splitAtLookalikes(normalized, whole, ranges)) return true;
        // 3. No separator at all, but the words say where the action starts ("Cart Submit Form").
        if (guessMissingSeparator(whole, ranges)) return true;
        add(Rule::SegmentCount, "does not have the " + std::to_string(count) + " parts of " +
                                    inQuotes(d.convention.pattern()) + " separated by " +
                                    inQuotes(d.groups[1].separator));
        return false;
    }

    bool splitAtLookalikes(const std::string &normalized, const SplitText &whole, std::vector<Range> &ranges)
    {
        std::vector<Range> spaced, tight;
        std::size_t pos = 0;
        while (pos < normalized.size()) {
            const auto inRun = [&](char32_t cp) {
                return cp == U' ' || (contains(kDashLike, cp) && !contains(d.joinerChars, cp));
            };
            const std::size_t start = pos;
            std::size_t end = pos;
            bool dash = false, space = false;
            while (end < normalized.size()) {
                std::size_t next = end;
                const char32_t cp = text::nextCodePoint(normalized, next);
                if (!inRun(cp)) break;
                (cp == U' ' ? space : dash) = true;
                end = next;
            }
            if (end == start) {
                text::nextCodePoint(normalized, pos);
                continue;
            }
            if (dash && start > 0 && end < normalized.size())
                (space ? spaced : tight).emplace_back(start, end);
            pos = end;
        }
        const std::size_t needed = d.groups.size() - 1;
        const std::vector<Range> *runs = nullptr;
        if (spaced.size() == needed)
            runs = &spaced;
        else if (spaced.empty() && tight.size() == needed)
            runs = &tight;
        if (!runs) return false;
        std::vector<Range> parts;
        std::size_t from = 0;
        for (const Range &run : *runs) {
            parts.emplace_back(from, run.first);
            from = run.second;
        }
        parts.emplace_back(from, normalized.size());
        // "Sign-Up Clicked" is not the category "Sign" and the action "Up Clicked": a part
        // that should start with the action has to start with a verb.
        // Without spaces around it ("order-completed") a dash is weaker evidence: there the
        // verb must also be in the convention's tense.
        for (std::size_t g = 0; g < parts.size(); ++g) {
            const Segment &spec = d.convention.segments[d.groups[g].first];
            if (spec.role != SegmentRole::Action) continue;
            std::vector<std::string> lowered;
            for (const std::string &word :
                 WordSplitter::slice(whole, normalized, parts[g].first, parts[g].second).words)
                lowered.push_back(text::toLower(word));
            const auto match = d.verbs.matchAt(lowered, 0);
            if (!match) return false;
            const bool tenseOk = spec.tense == Tense::Any ||
                                 (spec.tense == Tense::Present && (match->forms & BaseForm)) ||
                                 (spec.tense == Tense::Past && (match->forms & ParticipleForm));
            if (runs == &tight && !tenseOk) return false;
        }
        for (std::size_t g = 0; g < runs->size(); ++g) {
            const Range &run = (*runs)[g];
            const std::string found = normalized.substr(run.first, run.second - run.first);
            add(Rule::Separator, "separates " + groupLabelAround(g + 1) + " with " + inQuotes(found) +
                                     "; the convention uses " + inQuotes(d.groups[g + 1].separator));
        }
        ranges = std::move(parts);
        return true;
    }

    bool guessMissingSeparator(const SplitText &whole, std::vector<Range> &ranges)
    {
        if (d.groups.size() != 2 || d.groups[0].count != 1 ||
            d.convention.segments[d.groups[1].first].role != SegmentRole::Action)
            return false;
        const std::vector<std::string> &words = whole.words;
        const std::size_t n = words.size();
        if (n < 3) return false;
        std::vector<std::string> lowered;
        for (const std::string &word : words)
            lowered.push_back(text::toLower(word));
        std::size_t split = 0;
        const auto &allowed = d.allowedValues[d.groups[0].first];
        if (!allowed.empty()) {
            std::string prefix;
            for (std::size_t k = 1; k + 1 < n && !split; ++k) {
                prefix += lowered[k - 1];
                if (allowed.count(prefix)) split = k;
            }
        }
        const auto hasObjectAfter = [&](std::size_t from) {
            for (std::size_t k = from; k < n; ++k) {
                if (!isBlocked(lowered[k], d.groups[1])) return true;
            }
            return false;
        };
        // The category before the verb needs a word that is neither blocked nor a verb of its own
        // ("Click Add to Cart Button" is not the category "Click").
        bool categoryOk = false;
        for (std::size_t k = 1; k + 1 < n && !split; ++k) {
            const auto previous = d.verbs.matchAt(lowered, k - 1);
            if (previous && previous->verb != VerbTable::npos && !previous->nounish) break;
            categoryOk = categoryOk || !isBlocked(lowered[k - 1], d.groups[0]);
            const auto match = d.verbs.matchAt(lowered, k);
            if (categoryOk && match && match->verb != VerbTable::npos && (match->forms & BaseForm) &&
                !match->nounish && hasObjectAfter(k + match->words))
                split = k;
        }
        if (!split) return false;
        const std::size_t firstEnd = whole.offsets[split - 1] + words[split - 1].size();
        const std::size_t totalEnd = whole.offsets[n - 1] + words[n - 1].size() + whole.gaps[n].size();
        ranges = {Range{0, firstEnd}, Range{whole.offsets[split], totalEnd}};
        add(Rule::Separator, "has no " + inQuotes(d.groups[1].separator) + " between " + groupLabelAround(1));
        return true;
    }

    /// Names the casing a group is written in, when it is a recognisable one.
    std::optional<Casing> detectCasing(const SplitText &split) const
    {
        const std::vector<std::string> &words = split.words;
        if (words.size() < 2) return std::nullopt;
        const std::string &joiner = split.gaps[1];
        for (std::size_t i = 2; i < words.size(); ++i) {
            if (split.gaps[i] != joiner) return std::nullopt;
        }
        // Numbers ("3rd") and acronyms ("PDF") look the same in most casings: they count for
        // any of them.
        const auto neutral = [&](const std::string &w) {
            std::size_t pos = 0;
            if (text::isDigit(text::nextCodePoint(w, pos))) return true;
            const auto acronym = d.acronyms.canonical(text::toLower(w));
            return acronym && (w == *acronym || w == text::toUpper(w));
        };
        const auto all = [&](auto predicate) { return std::all_of(words.begin(), words.end(), predicate); };
        const auto isLower = [](const std::string &w) { return w == text::toLower(w); };
        const auto isUpperWord = [](const std::string &w) { return w == text::toUpper(w); };
        const auto isCapital = [&](const std::string &w) { return neutral(w) || w == text::capitalized(w); };
        if (joiner.empty()) {
            if (isLower(words[0]) && std::all_of(words.begin() + 1, words.end(), isCapital))
                return Casing::Camel;
            if (all(isCapital)) return Casing::Pascal;
            return std::nullopt;
        }
        if (joiner == "_") return all(isLower) ? std::optional(Casing::Snake) : std::nullopt;
        if (joiner == "-") return all(isLower) ? std::optional(Casing::Kebab) : std::nullopt;
        if (joiner != " ") return std::nullopt;
        if (all(isLower)) return Casing::Lower;
        if (all(isUpperWord)) return Casing::Upper;
        if (all(isCapital)) return Casing::Title;
        if (isCapital(words[0]) && std::all_of(words.begin() + 1, words.end(), [&](const std::string &w) {
                return neutral(w) || isLower(w);
            }))
            return Casing::Sentence;
        return std::nullopt;
    }

    /// The gap with the characters already reported by `characters` taken out (and the
    /// spaces around them merged: "Save & Continue" has a plain space left).
    std::string gapWithoutOffending(const std::string &gap, bool &hadOffending) const
    {
        hadOffending = false;
        if (m_offending.empty()) return gap;
        std::string out;
        std::size_t pos = 0;
        while (pos < gap.size()) {
            const std::size_t start = pos;
            const char32_t cp = text::nextCodePoint(gap, pos);
            if (contains(m_offending, cp))
                hadOffending = true;
            else if (!(cp == U' ' && !out.empty() && out.back() == ' '))
                out.append(gap, start, pos - start);
        }
        return out;
    }

    void checkGroupCasing(const SegmentGroup &group, const SplitText &split, const std::string &groupText)
    {
        const Casing casing = group.casing;
        const std::string_view joiner = casingJoiner(casing);
        const std::vector<std::string> &words = split.words;
        const std::size_t n = words.size();
        std::size_t badWord = n;
        for (std::size_t i = 0; i < n && badWord == n; ++i) {
            if (!d.formatter.fits(words[i], casing, i, n) && !isBlocked(text::toLower(words[i]), group))
                badWord = i;
        }
        std::size_t badGap = 0; // index into gaps; 0 = none
        std::string badGapText;
        bool badEdge = false;
        std::string edgeText;
        for (std::size_t i = 0; i <= n; ++i) {
            bool hadOffending = false;
            const std::string gap = gapWithoutOffending(split.gaps[i], hadOffending);
            if (i == 0 || i == n) {
                if (!gap.empty() && gap != " " && !badEdge) {
                    badEdge = true;
                    edgeText = gap;
                }
                continue;
            }
            if (gap == joiner || (hadOffending && (gap.empty() || gap == " "))) continue;
            if (!badGap) {
                badGap = i;
                badGapText = gap;
            }
        }
        if (badWord == n && !badGap && !badEdge) return;
        const std::string name(casingName(casing));
        const auto detected = detectCasing(split);
        if ((badWord < n || badGap) && detected && *detected != casing) {
            add(Rule::Casing, inQuotes(groupText) + " is written in " + std::string(casingName(*detected)) +
                                  "; the convention uses " + name);
            return;
        }
        if (badGap) {
            if (badGapText.empty())
                add(Rule::Separator, inQuotes(words[badGap - 1]) + " and " + inQuotes(words[badGap]) +
                                         " run together; " + name + " separates words with " +
                                         inQuotes(joiner));
            else if (joiner.empty())
                add(Rule::Separator, "words are separated by " + inQuotes(badGapText) + " where " + name +
                                         " joins them directly");
            else
                add(Rule::Separator, "words are separated by " + inQuotes(badGapText) + " where " + name +
                                         " uses " + inQuotes(joiner));
        } else if (badEdge) {
            add(Rule::Separator, "stray " + inQuotes(edgeText) + " in " + inQuotes(groupText));
        }
        if (badWord < n) {
            add(Rule::Casing, inQuotes(words[badWord]) + " should be written " +
                                  inQuotes(d.formatter.format(words[badWord], casing, badWord, n)) + " in " +
                                  name);
        }
    }

    /// Blocked by the convention or by one of the group's segments.
    bool isBlocked(const std::string &lowered, const SegmentGroup &group) const
    {
        if (d.blocked.count(lowered)) return true;
        for (std::size_t k = 0; k < group.count; ++k) {
            if (d.segmentBlocked[group.first + k].count(lowered)) return true;
        }
        return false;
    }

    void checkBlocked(const std::vector<std::string> &words, const std::unordered_set<std::string> *extra)
    {
        for (const std::string &word : words) {
            const std::string lowered = text::toLower(word);
            if (d.blocked.count(lowered) || (extra && extra->count(lowered)))
                add(Rule::BlockedWord, inQuotes(word) + " is a blocked word");
        }
    }

    /// Reports the segment-level problems of `words` (already assigned to `segment`). Sets
    /// `replacement` when an allowed value fixes the segment.
    void checkSegment(std::size_t segment, const std::vector<std::string> &words,
                      std::optional<std::vector<std::string>> &replacement)
    {
        const Segment &spec = d.convention.segments[segment];
        if (words.empty()) {
            if (!spec.optional) {
                add(Rule::SegmentCount, "has no " + spec.displayLabel());
                m_fixable = false;
            }
            return;
        }
        for (const std::string &word : words)
            flagWordCharacters(word, d.charactersOf(segment));
        const auto &allowed = d.allowedValues[segment];
        if (!allowed.empty()) {
            std::string folded;
            for (const std::string &word : words)
                folded += text::toLower(word);
            if (auto it = allowed.find(folded); it != allowed.end()) {
                replacement = d.splitter.words(it->second);
            } else {
                std::string list;
                std::size_t bestDistance = 3;
                const std::string *best = nullptr;
                bool tie = false;
                const std::u32string folded32 = text::toCodePoints(folded);
                for (const std::string &value : spec.allowedValues) {
                    list += (list.empty() ? "" : ", ") + value;
                    const std::size_t distance =
                        boundedEditDistance(folded32, text::toCodePoints(d.fold(value)), 2);
                    if (distance < bestDistance) {
                        bestDistance = distance;
                        best = &value;
                        tie = false;
                    } else if (distance == bestDistance) {
                        tie = true;
                    }
                }
                std::string message = inQuotes(joinWords(words, " ")) + " is not an allowed " +
                                      text::toLower(spec.displayLabel()) + " (" + list + ")";
                if (best && !tie && bestDistance <= 2) {
                    message += "; did you mean " + inQuotes(*best) + "?";
                    replacement = d.splitter.words(*best);
                } else {
                    m_fixable = false;
                }
                add(Rule::AllowedValue, std::move(message));
            }
        }
        if (spec.maxLength > 0) {
            const std::string written = joinWords(words, casingJoiner(spec.casing));
            const std::size_t length = text::length(written);
            if (length > spec.maxLength)
                add(Rule::MaxLength, "the " + text::toLower(spec.displayLabel()) + " " + inQuotes(written) +
                                         " is " + std::to_string(length) + " characters long; the limit is " +
                                         std::to_string(spec.maxLength));
        }
    }

    /// Words as they go into the suggestion, with the characters the segment does not allow
    /// cleaned out.
    std::vector<std::string> fixedWords(std::size_t segment, const std::vector<std::string> &words) const
    {
        if (!m_suggest) return {};
        // (Blocked words never get here: analyseGroup() leaves them out.)
        std::vector<std::string> out;
        out.reserve(words.size());
        for (const std::string &word : words) {
            std::string clean = cleanWord(word, d.charactersOf(segment));
            if (!clean.empty()) out.push_back(std::move(clean));
        }
        return out;
    }

    std::string verbExamples(const Segment &spec) const
    {
        std::string out;
        const char *examples[] = {"click", "view", "submit"};
        for (const char *base : examples) {
            const auto index = d.verbs.find(base);
            if (!index) continue;
            const Verb &verb = d.verbs.verb(*index);
            const std::string form = spec.tense == Tense::Past ? verb.participle : verb.base;
            out += (out.empty() ? "" : ", ") + inQuotes(d.formatter.format(form, spec.casing, 0, 1));
        }
        return out;
    }

    /// Checks the verb of an action segment; returns the action words for the suggestion.
    std::vector<std::string> checkVerb(std::size_t segment, const VerbMatch &match,
                                       const std::vector<std::string> &actionWords)
    {
        const Segment &spec = d.convention.segments[segment];
        const std::string written = joinWords(actionWords, casingJoiner(spec.casing));
        std::size_t verbIndex = match.verb;
        bool changed = false;
        const auto &allowed = d.allowedVerbs[segment];
        if (!allowed.empty() && (match.verb == VerbTable::npos ||
                                 std::find(allowed.begin(), allowed.end(), match.verb) == allowed.end())) {
            std::string list;
            std::size_t replacement = VerbTable::npos;
            for (std::size_t candidate : allowed) {
                list += (list.empty() ? "" : ", ") + d.verbs.verb(candidate).base;
                if (match.verb != VerbTable::npos && replacement == VerbTable::npos &&
                    d.verbs.synonymHead(candidate) == d.verbs.synonymHead(match.verb))
                    replacement = candidate;
            }
            std::string message = inQuotes(written) + " is not one of the allowed verbs (" + list + ")";
            if (replacement != VerbTable::npos) {
                message += "; " + inQuotes(d.verbs.verb(replacement).base) + " means the same";
                verbIndex = replacement;
                changed = true;
            } else {
                m_fixable = false;
            }
            add(Rule::UnknownVerb, std::move(message));
        }
        const bool tenseOk = spec.tense == Tense::Any ||
                             (spec.tense == Tense::Present && (match.forms & BaseForm)) ||
                             (spec.tense == Tense::Past && (match.forms & ParticipleForm));
        unsigned targetForm = match.forms;
        if (spec.tense == Tense::Present)
            targetForm = BaseForm;
        else if (spec.tense == Tense::Past)
            targetForm = ParticipleForm;
        if (!tenseOk) {
            std::string found;
            if (match.forms & GerundForm)
                found = "an -ing form";
            else if (match.forms & ThirdPersonForm)
                found = "the third person (“it " + text::toLower(written) + "”)";
            else if ((match.forms & PastForm) && !(match.forms & ParticipleForm))
                found = "the simple past";
            else if (match.forms & BaseForm)
                found = "in the present tense";
            else
                found = "in the past tense";
            std::string message =
                inQuotes(written) + " is " + found + "; the convention writes actions in the " +
                (spec.tense == Tense::Past ? "past tense (past participle)" : "present tense");
            if (verbIndex != VerbTable::npos) {
                const std::string target = verbForm(d.verbs.verb(verbIndex), targetForm);
                message += ": " + inQuotes(d.formatter.join(splitOnSpaces(target), spec.casing));
                changed = true;
            } else {
                m_fixable = false;
            }
            add(Rule::VerbTense, std::move(message));
        }
        if (!m_suggest) return {};
        if (!changed || verbIndex == VerbTable::npos) return fixedWords(segment, actionWords);
        return splitOnSpaces(verbForm(d.verbs.verb(verbIndex), targetForm));
    }

    void unknownVerb(const Segment &spec, const std::string &groupText, bool atStart)
    {
        add(Rule::UnknownVerb, inQuotes(groupText) + " has no verb Hindsight knows at the " +
                                   (atStart ? "start" : "end") + "; the action should " +
                                   (atStart ? "come first" : "come last") + ", such as " +
                                   verbExamples(spec) + " (a convention can list more verbs)");
        m_fixable = false;
    }

    void analyseGroup(std::size_t g, const std::string &groupText, const SplitText &split)
    {
        const SegmentGroup &group = d.groups[g];
        if (split.words.empty()) {
            add(Rule::SegmentCount, "has no " + groupLabel(group));
            m_fixable = false;
            return;
        }
        checkGroupCasing(group, split, groupText);
        // Blocked words are reported here and left out of everything else (and of the suggestion).
        // "Save & Continue" reads "Save and Continue".
        std::vector<std::string> words;
        std::vector<std::string> lowered;
        std::vector<bool> afterSeparator;
        words.reserve(split.words.size());
        lowered.reserve(split.words.size());
        const std::u32string joiner = text::toCodePoints(casingJoiner(group.casing));
        for (std::size_t i = 0; i < split.words.size(); ++i) {
            const std::string &word = split.words[i];
            const std::string &gap = split.gaps[i];
            std::string low = text::toLower(word);
            if (isBlocked(low, group)) {
                add(Rule::BlockedWord, inQuotes(word) + " is a blocked word");
                flagWordCharacters(word, d.charactersOf(group.first));
                continue;
            }
            if (i > 0 && gap.find('&') != std::string::npos) {
                words.emplace_back("and");
                lowered.emplace_back("and");
                afterSeparator.push_back(false);
            }
            bool separated = false;
            if (i > 0) {
                std::size_t pos = 0;
                while (pos < gap.size() && !separated) {
                    const char32_t cp = text::nextCodePoint(gap, pos);
                    separated = contains(kDashLike, cp) && !contains(joiner, cp);
                }
            }
            words.push_back(word);
            lowered.push_back(std::move(low));
            afterSeparator.push_back(separated);
        }
        const std::size_t n = words.size();
        if (n == 0) {
            add(Rule::SegmentCount, "has no " + groupLabel(group) + " besides blocked words");
            m_fixable = false;
            return;
        }

        std::vector<std::string> out;
        std::vector<bool> emphasised;
        const auto append = [&](const std::vector<std::string> &part, bool emphasis) {
            out.insert(out.end(), part.begin(), part.end());
            emphasised.insert(emphasised.end(), part.size(), emphasis);
        };
        const auto slice = [&](std::size_t from, std::size_t to) {
            return std::vector<std::string>(words.begin() + static_cast<std::ptrdiff_t>(from),
                                            words.begin() + static_cast<std::ptrdiff_t>(to));
        };

        if (group.count == 1) {
            const std::size_t segment = group.first;
            const Segment &spec = d.convention.segments[segment];
            std::optional<std::vector<std::string>> replacement;
            if (spec.role == SegmentRole::Action) {
                const auto match = d.verbs.matchAt(lowered, 0);
                if (!match) {
                    unknownVerb(spec, groupText, true);
                    checkSegment(segment, words, replacement);
                    return;
                }
                checkSegment(segment, words, replacement);
                append(checkVerb(segment, *match, slice(0, match->words)), true);
                append(fixedWords(segment, slice(match->words, n)), false);
            } else {
                checkSegment(segment, words, replacement);
                append(replacement ? *replacement : fixedWords(segment, words), false);
            }
        } else {
            const bool actionFirst = d.convention.segments[group.first].role == SegmentRole::Action;
            const std::size_t actionSegment = actionFirst ? group.first : group.first + 1;
            const std::size_t otherSegment = actionFirst ? group.first + 1 : group.first;
            const Segment &actionSpec = d.convention.segments[actionSegment];

            const auto choice = chooseVerb(lowered, afterSeparator, actionSpec.tense, actionFirst);
            if (!choice) {
                unknownVerb(actionSpec, groupText, actionFirst);
                for (const std::string &word : words)
                    flagWordCharacters(word, d.charactersOf(otherSegment));
                return;
            }
            const std::size_t actionEnd = choice->start + choice->match.words;
            const std::vector<std::string> action = slice(choice->start, actionEnd);
            std::vector<std::string> head, complement;
            if (choice->kind == Kind::Start || choice->kind == Kind::Inner) {
                head = slice(actionEnd, n);
                if (!actionFirst) splitDestination(head, complement);
                if (choice->kind == Kind::Inner) // the prefix stays in front: "Checkout Order Completed"
                    head.insert(head.begin(), words.begin(),
                                words.begin() + static_cast<std::ptrdiff_t>(choice->start));
            } else {
                head = slice(0, choice->start);
                complement = slice(actionEnd, n);
            }
            const bool foundFirst = choice->kind == Kind::Start || choice->kind == Kind::Inner;
            const bool objectAfter = choice->kind == Kind::Inner ? actionEnd < n : !head.empty();
            if (foundFirst != actionFirst && objectAfter) {
                const std::string actionText = joinWords(action, " ");
                std::string objectText =
                    choice->kind == Kind::Inner ? joinWords(words, " ", actionEnd) : joinWords(head, " ");
                if (objectText.empty()) objectText = joinWords(complement, " ");
                add(Rule::WordOrder, "the action " + inQuotes(actionText) + " comes " +
                                         (foundFirst ? "before " : "after ") + inQuotes(objectText) + "; " +
                                         inQuotes(d.convention.pattern()) + " puts the " +
                                         (actionFirst ? "action" : "object") + " first");
            }
            std::vector<std::string> other = head;
            other.insert(other.end(), complement.begin(), complement.end());
            std::optional<std::vector<std::string>> ignored;
            checkSegment(actionSegment, action, ignored);
            std::optional<std::vector<std::string>> replacement;
            checkSegment(otherSegment, other, replacement);
            const std::vector<std::string> fixedAction = checkVerb(actionSegment, choice->match, action);
            std::vector<std::string> fixedHead = fixedWords(otherSegment, head);
            std::vector<std::string> fixedComplement = fixedWords(otherSegment, complement);
            if (replacement) {
                fixedHead = *replacement;
                fixedComplement.clear();
            }
            if (actionFirst) {
                append(fixedAction, true);
                append(fixedHead, false);
            } else {
                append(fixedHead, false);
                append(fixedAction, true);
            }
            append(fixedComplement, false);
        }
        if (out.empty())
            m_fixable = false;
        else
            m_fixedGroups[g] = m_suggest ? d.formatter.join(out, group.casing, &emphasised) : std::string();
    }

    enum class Kind {
        Start,  ///< "Submit Form": the action, then the object
        Inner,  ///< "Checkout - Complete Order": a prefix, the action, then the object
        End,    ///< "Order Completed": the object, then the action
        Middle, ///< "Product Added to Cart": the object, the action, a destination
    };
    struct Choice
    {
        std::size_t start;
        VerbMatch match;
        Kind kind;
        int score;
    };

    /// Finds the action among the words: a verb at the start ("Submit Form"), at the end
    /// ("Order Completed"), before a destination ("Product Added to Cart") or, for
    /// conventions that put the object first, after a prefix ("Checkout - Complete Order").
    /// When more than one fits, the tense the convention wants, unmistakable verb forms
    /// ("Completed"), words that are rarely nouns and a verb right after a separator such as
    /// " - " win; a tie goes to the earlier verb ("Download Report").
    /// `afterSeparator[i]`: words[i] follows punctuation that separates parts of a name.
    std::optional<Choice> chooseVerb(const std::vector<std::string> &lowered,
                                     const std::vector<bool> &afterSeparator, Tense tense,
                                     bool actionFirst) const
    {
        const std::size_t n = lowered.size();
        std::vector<Choice> candidates;
        candidates.reserve(4);
        if (auto match = d.verbs.matchAt(lowered, 0)) candidates.push_back(Choice{0, *match, Kind::Start, 0});
        for (std::size_t i = 1; i + 1 < n; ++i) {
            const auto match = d.verbs.matchAt(lowered, i);
            if (!match || i + match->words >= n) continue;
            if (isDestination(lowered[i + match->words])) {
                candidates.push_back(Choice{i, *match, Kind::Middle, 0});
                break;
            }
            if (!actionFirst) candidates.push_back(Choice{i, *match, Kind::Inner, 0});
        }
        if (auto match = d.verbs.matchEndingAt(lowered, n); match && match->words < n)
            candidates.push_back(Choice{n - match->words, *match, Kind::End, 0});
        if (candidates.empty()) return std::nullopt;
        const Choice *best = nullptr;
        for (Choice &candidate : candidates) {
            const unsigned forms = candidate.match.forms;
            const bool tenseOk = tense == Tense::Any || (tense == Tense::Present && (forms & BaseForm)) ||
                                 (tense == Tense::Past && (forms & ParticipleForm));
            const bool strong = !(forms & (BaseForm | ThirdPersonForm));
            const bool nounish = candidate.match.nounish && (forms & (BaseForm | ThirdPersonForm));
            const bool guessed = candidate.match.verb == VerbTable::npos;
            const bool separated = candidate.start > 0 && afterSeparator[candidate.start];
            std::span<const std::string> other;
            if (candidate.kind == Kind::Start)
                other = std::span<const std::string>(lowered).subspan(candidate.match.words);
            else if (candidate.kind != Kind::Inner)
                other = std::span<const std::string>(lowered).first(candidate.start);
            bool otherIsVerb = false;
            if (!other.empty()) {
                const auto match = d.verbs.matchAt(other, 0);
                otherIsVerb = match && match->words == other.size() && !(match->forms & BaseForm);
            }
            candidate.score =
                4 * tenseOk + 4 * strong - 3 * nounish - 3 * otherIsVerb - 2 * guessed + 2 * separated;
            if (!best || candidate.score > best->score) best = &candidate;
        }
        return *best;
    }

    /// Splits "Product to Wishlist" into the object "Product" and the destination "to Wishlist",
    /// unless the object starts with a verb of its own ("Add to Cart Button").
    void splitDestination(std::vector<std::string> &head, std::vector<std::string> &complement) const
    {
        std::vector<std::string> lowered;
        for (const std::string &word : head)
            lowered.push_back(text::toLower(word));
        for (std::size_t j = 0; j < lowered.size(); ++j) {
            if (!isDestination(lowered[j])) continue;
            if (j > 0 && d.verbs.matchAt(lowered, 0)) return;
            complement.assign(head.begin() + static_cast<std::ptrdiff_t>(j), head.end());
            head.resize(j);
            return;
        }
    }

    const NameLinter::Data &d;
    std::vector<Violation> m_violations;
    std::vector<std::string> m_fixedGroups;
    std::vector<std::string> m_words;
    std::u32string m_offending;
    bool m_foreignLetters = false;
    bool m_fixable = true;
    bool m_suggest = true;
};

} // namespace

NameLinter::Data::Data(const Convention &c)
    : convention(c), acronyms(c.acronyms), verbs(VerbTable::builtin()), splitter(acronyms),
      formatter(acronyms), groups(c.groups())
{
    for (const std::string &word : c.blockedWords)
        blocked.insert(text::toLower(word));
    segmentBlocked.resize(c.segments.size());
    allowedVerbs.resize(c.segments.size());
    allowedValues.resize(c.segments.size());
    for (std::size_t i = 0; i < c.segments.size(); ++i) {
        const Segment &segment = c.segments[i];
        for (const std::string &word : segment.blockedWords)
            segmentBlocked[i].insert(text::toLower(word));
        for (const std::string &value : segment.allowedValues)
            allowedValues[i].emplace(fold(value), value);
        for (const std::string &entry : segment.verbs) {
            std::vector<std::string> forms;
            std::size_t start = 0;
            const std::string lowered = text::toLower(entry);
            while (true) {
                const std::size_t slash = lowered.find('/', start);
                forms.push_back(
                    lowered.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
                if (slash == std::string::npos) break;
                start = slash + 1;
            }
            std::size_t index;
            const auto known = verbs.find(forms[0]);
            if (known && forms.size() == 1) {
                index = *known;
            } else {
                Verb verb = known ? verbs.verb(*known) : Verb{forms[0], {}, {}, {}, {}, false};
                verb.gerund.clear();
                verb.past = forms.size() > 1 ? forms[1] : std::string();
                verb.participle = forms.size() > 2 ? forms[2] : verb.past;
                index = verbs.add(std::move(verb));
            }
            allowedVerbs[i].push_back(index);
        }
    }
    characters = Characters{c.characters, text::toCodePoints(c.characters.extra)};
    for (const Segment &segment : c.segments) {
        const CharacterSet &set = segment.characters ? *segment.characters : c.characters;
        segmentCharacters.push_back(Characters{set, text::toCodePoints(set.extra)});
    }
    for (const SegmentGroup &group : groups) {
        for (char32_t cp : text::toCodePoints(group.separator)) {
            if (cp != U' ' && separatorChars.find(cp) == std::u32string::npos) separatorChars.push_back(cp);
        }
        for (char32_t cp : text::toCodePoints(casingJoiner(group.casing))) {
            if (joinerChars.find(cp) == std::u32string::npos) joinerChars.push_back(cp);
        }
    }
}

std::string NameLinter::Data::fold(std::string_view value) const
{
    std::string out;
    for (const std::string &word : splitter.words(value))
        out += text::toLower(word);
    return out;
}

bool NameCheck::has(Rule rule) const
{
    return std::any_of(violations.begin(), violations.end(),
                       [&](const Violation &v) { return v.rule == rule; });
}

NameLinter::NameLinter(const Convention &convention)
{
    const std::vector<ConventionError> errors = convention.validate();
    if (!errors.empty()) {
        std::string message = "invalid naming convention";
        for (const ConventionError &error : errors)
            message += "\n  " + error.toString();
        throw std::invalid_argument(message);
    }
    m_data = std::make_unique<const Data>(convention);
}

NameLinter::~NameLinter() = default;
NameLinter::NameLinter(NameLinter &&) noexcept = default;
NameLinter &NameLinter::operator=(NameLinter &&) noexcept = default;

NameCheck NameLinter::check(std::string_view name) const
{
    return Checker(*m_data).run(name, true);
}

const Convention &NameLinter::convention() const
{
    return m_data->convention;
}
const AcronymList &NameLinter::acronyms() const
{
    return m_data->acronyms;
}
const VerbTable &NameLinter::verbs() const
{
    return m_data->verbs;
}
const WordSplitter &NameLinter::splitter() const
{
    return m_data->splitter;
}
const CaseFormatter &NameLinter::formatter() const
{
    return m_data->formatter;
}

} // namespace hindsight::naming
