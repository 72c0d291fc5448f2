#include "core/naming/convention.h"

#include "core/naming/acronymlist.h"
#include "core/naming/caseformatter.h"
#include "core/naming/unicodetext.h"
#include "core/naming/wordsplitter.h"

namespace hindsight::naming {

std::string_view roleName(SegmentRole role)
{
    switch (role) {
    case SegmentRole::Free:
        return "free";
    case SegmentRole::Category:
        return "category";
    case SegmentRole::Object:
        return "object";
    case SegmentRole::Action:
        return "action";
    }
    return "free";
}

std::optional<SegmentRole> parseRole(std::string_view text)
{
    const std::string key = text::toLower(text);
    if (key == "free") return SegmentRole::Free;
    if (key == "category") return SegmentRole::Category;
    if (key == "object") return SegmentRole::Object;
    if (key == "action") return SegmentRole::Action;
    return std::nullopt;
}

std::string_view tenseName(Tense tense)
{
    switch (tense) {
    case Tense::Any:
        return "any";
    case Tense::Present:
        return "present";
    case Tense::Past:
        return "past";
    }
    return "any";
}

std::optional<Tense> parseTense(std::string_view text)
{
    const std::string key = text::toLower(text);
    if (key == "any") return Tense::Any;
    if (key == "present") return Tense::Present;
    if (key == "past") return Tense::Past;
    return std::nullopt;
}

std::string Segment::displayLabel() const
{
    if (!label.empty()) return label;
    return text::capitalized(roleName(role));
}

std::vector<SegmentGroup> Convention::groups() const
{
    std::vector<SegmentGroup> out;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const Segment &segment = segments[i];
        const bool fused = i > 0 && segments[i - 1].casing == segment.casing &&
                           segment.separator == casingJoiner(segment.casing);
        if (fused && !out.empty()) {
            ++out.back().count;
            continue;
        }
        out.push_back(SegmentGroup{i, 1, i == 0 ? std::string() : segment.separator, segment.casing});
    }
    return out;
}

std::string Convention::pattern() const
{
    std::string out;
    for (const SegmentGroup &group : groups()) {
        out += group.separator;
        for (std::size_t k = 0; k < group.count; ++k) {
            std::string label = segments[group.first + k].displayLabel();
            switch (group.casing) {
            case Casing::Lower:
            case Casing::Snake:
            case Casing::Kebab:
                label = text::toLower(label);
                break;
            case Casing::Upper:
                label = text::toUpper(label);
                break;
            case Casing::Camel:
                if (k == 0) label = text::toLower(label);
                break;
            default:
                break;
            }
            if (k > 0) out += casingJoiner(group.casing);
            out += label;
        }
    }
    return out;
}

namespace {

std::string inQuotes(std::string_view s)
{
    return "“" + std::string(s) + "”";
}

bool hasLetterOrDigit(std::string_view s)
{
    std::size_t pos = 0;
    while (pos < s.size()) {
        const char32_t cp = text::nextCodePoint(s, pos);
        if (text::isLetter(cp) || text::isDigit(cp)) return true;
    }
    return false;
}

/// "base[/past[/participle]]" with lower-case letters and single spaces in each part.
bool isVerbEntry(std::string_view entry)
{
    if (entry.empty() || entry.front() == '/' || entry.back() == '/') return false;
    int slashes = 0;
    char previous = '/';
    for (char c : entry) {
        if (c == '/') {
            if (previous == '/' || previous == ' ') return false;
            ++slashes;
        } else if (c == ' ') {
            if (previous == ' ' || previous == '/') return false;
        } else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\'')) {
            return false;
        }
        previous = c;
    }
    return slashes <= 2 && previous != ' ';
}

} // namespace

std::vector<ConventionError> Convention::validate() const
{
    std::vector<ConventionError> errors;
    const auto fail = [&](std::string path, std::string message) {
        errors.push_back(ConventionError{std::move(path), std::move(message)});
    };
    if (segments.empty()) {
        fail("$.segments", "a convention needs at least one segment");
        return errors;
    }
    const AcronymList acronymList(acronyms);
    const WordSplitter splitter(acronymList);
    const CaseFormatter formatter(acronymList);

    for (std::size_t i = 0; i < acronyms.size(); ++i) {
        const std::string path = "$.acronyms[" + std::to_string(i) + "]";
        if (acronyms[i].empty() || splitter.words(acronyms[i]).size() != 1 || !hasLetterOrDigit(acronyms[i]))
            fail(path, inQuotes(acronyms[i]) + " must be a single word");
    }
    for (std::size_t i = 0; i < blockedWords.size(); ++i) {
        if (splitter.words(blockedWords[i]).size() != 1)
            fail("$.blockedWords[" + std::to_string(i) + "]",
                 inQuotes(blockedWords[i]) + " must be a single word");
    }

    const std::vector<SegmentGroup> grouped = groups();
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const Segment &segment = segments[i];
        const std::string path = "$.segments[" + std::to_string(i) + "]";
        if (i == 0 && !segment.separator.empty())
            fail(path + ".separator", "the first segment has nothing before it, so it takes no separator");
        if (segment.role != SegmentRole::Action) {
            if (segment.tense != Tense::Any) fail(path + ".tense", "only an action segment has a tense");
            if (!segment.verbs.empty()) fail(path + ".verbs", "only an action segment has verbs");
        }
        for (std::size_t k = 0; k < segment.verbs.size(); ++k) {
            if (!isVerbEntry(segment.verbs[k]))
                fail(path + ".verbs[" + std::to_string(k) + "]",
                     inQuotes(segment.verbs[k]) + " is not a verb entry: write the base form (\"click\", "
                                                  "\"log in\"), optionally followed by "
                                                  "its past and past participle (\"write/wrote/written\")");
        }
        for (std::size_t k = 0; k < segment.blockedWords.size(); ++k) {
            if (splitter.words(segment.blockedWords[k]).size() != 1)
                fail(path + ".blockedWords[" + std::to_string(k) + "]",
                     inQuotes(segment.blockedWords[k]) + " must be a single word");
        }
        for (std::size_t k = 0; k < segment.allowedValues.size(); ++k) {
            const std::string &value = segment.allowedValues[k];
            const SplitText split = splitter.split(value);
            const std::string valuePath = path + ".allowedValues[" + std::to_string(k) + "]";
            if (split.words.empty()) {
                fail(valuePath, "an allowed value needs at least one word");
                continue;
            }
            if (formatter.join(split.words, segment.casing) != value)
                fail(valuePath, inQuotes(value) + " is not written in " +
                                    std::string(casingName(segment.casing)) + " (write it as " +
                                    inQuotes(formatter.join(split.words, segment.casing)) + ")");
        }
    }

    for (std::size_t g = 0; g < grouped.size(); ++g) {
        const SegmentGroup &group = grouped[g];
        const std::string path = "$.segments[" + std::to_string(group.first) + "]";
        if (g > 0) {
            if (group.separator.empty()) {
                fail(path + ".separator",
                     "an empty separator can only join segments that share camelCase or PascalCase");
            } else if (hasLetterOrDigit(group.separator)) {
                fail(path + ".separator", "a separator must not contain letters or digits");
            } else {
                const SegmentGroup &before = grouped[g - 1];
                for (Casing casing : {before.casing, group.casing}) {
                    if (!casingJoiner(casing).empty() && group.separator == casingJoiner(casing))
                        fail(path + ".separator", inQuotes(group.separator) +
                                                      " also separates the words of a " +
                                                      std::string(casingName(casing)) +
                                                      " segment, so the segments could not be told apart");
                }
            }
        }
        std::size_t actions = 0;
        for (std::size_t k = 0; k < group.count; ++k)
            actions += segments[group.first + k].role == SegmentRole::Action ? 1 : 0;
        if (group.count > 2 || (group.count == 2 && actions != 1)) {
            fail(path,
                 "segments joined only by the word separator of their casing can only be told apart by the "
                 "verb: join at most two such segments, one of them an action");
        }
        for (std::size_t k = 0; k < group.count; ++k) {
            const Segment &segment = segments[group.first + k];
            if (segment.optional && (group.count != 2 || segment.role == SegmentRole::Action))
                fail("$.segments[" + std::to_string(group.first + k) + "].optional",
                     "only the segment next to an action, joined to it by the word separator, can be "
                     "optional");
        }
    }
    return errors;
}

} // namespace hindsight::naming
