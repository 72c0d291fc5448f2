#include "core/definitions/selectormatcher.h"

#include <array>
#include <string_view>

namespace hindsight::definitions {

namespace {

using model::Element;

bool isWhitespace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

char lowerAscii(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lowerAscii(a[i]) != lowerAscii(b[i])) return false;
    return true;
}

bool equals(std::string_view a, std::string_view b, bool ignoreCase)
{
    return ignoreCase ? equalsIgnoreCase(a, b) : a == b;
}

const std::string *findAttribute(const Element &element, std::string_view name)
{
    for (const auto &kv : element.attributes)
        if (equalsIgnoreCase(kv.first, name)) return &kv.second;
    return nullptr;
}

/// True when `word` is one of the whitespace-separated words of `value`.
bool hasWord(std::string_view value, std::string_view word, bool ignoreCase)
{
    std::size_t i = 0;
    const std::size_t n = value.size();
    while (i < n) {
        while (i < n && isWhitespace(value[i]))
            ++i;
        const std::size_t start = i;
        while (i < n && !isWhitespace(value[i]))
            ++i;
        if (i > start && equals(value.substr(start, i - start), word, ignoreCase)) return true;
    }
    return false;
}

bool hasWhitespace(std::string_view s)
{
    for (char c : s)
        if (isWhitespace(c)) return true;
    return false;
}

bool containsSubstring(std::string_view haystack, std::string_view needle, bool ignoreCase)
{
    if (!ignoreCase) return haystack.find(needle) != std::string_view::npos;
    if (needle.size() > haystack.size()) return false;
    for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i)
        if (equalsIgnoreCase(haystack.substr(i, needle.size()), needle)) return true;
    return false;
}

bool valueMatches(AttributeOperator op, std::string_view value, std::string_view pattern, bool ignoreCase)
{
    switch (op) {
    case AttributeOperator::Exists:
        return true;
    case AttributeOperator::Equals:
        return equals(value, pattern, ignoreCase);
    case AttributeOperator::Includes:
        return !pattern.empty() && !hasWhitespace(pattern) && hasWord(value, pattern, ignoreCase);
    case AttributeOperator::DashMatch:
        return equals(value, pattern, ignoreCase) ||
               (value.size() > pattern.size() && value[pattern.size()] == '-' &&
                equals(value.substr(0, pattern.size()), pattern, ignoreCase));
    case AttributeOperator::Prefix:
        return !pattern.empty() && value.size() >= pattern.size() &&
               equals(value.substr(0, pattern.size()), pattern, ignoreCase);
    case AttributeOperator::Suffix:
        return !pattern.empty() && value.size() >= pattern.size() &&
               equals(value.substr(value.size() - pattern.size()), pattern, ignoreCase);
    case AttributeOperator::Substring:
        return !pattern.empty() && containsSubstring(value, pattern, ignoreCase);
    }
    return false;
}

/// The class list joined by single spaces, built in a stack buffer (heap only for huge lists).
class JoinedClasses
{
  public:
    explicit JoinedClasses(const std::vector<std::string> &classes)
    {
        std::size_t total = 0;
        for (const auto &c : classes)
            total += c.size() + 1;
        char *out = m_small.data();
        if (total > m_small.size()) {
            m_large.resize(total);
            out = m_large.data();
        }
        std::size_t pos = 0;
        for (const auto &c : classes) {
            if (pos > 0) out[pos++] = ' ';
            c.copy(out + pos, c.size());
            pos += c.size();
        }
        m_view = std::string_view(out, pos);
    }
    std::string_view view() const { return m_view; }

  private:
    std::array<char, 512> m_small;
    std::string m_large;
    std::string_view m_view;
};

} // namespace

SelectorMatcher::SelectorMatcher(const SelectorList &selectors)
{
    m_alternatives.reserve(selectors.size());
    for (const auto &complex : selectors) {
        Alternative alternative;
        const std::size_t count = complex.compounds.size();
        for (std::size_t t = 0; t < count; ++t) {
            const CompoundSelector &source = complex.compounds[count - 1 - t];
            Compound compound;
            compound.tag = source.tag;
            for (char &c : compound.tag)
                c = lowerAscii(c);
            compound.classes = source.classes;
            for (const auto &cls : compound.classes)
                compound.impossible = compound.impossible || hasWhitespace(cls);
            for (const auto &id : source.ids)
                compound.attributes.push_back(
                    AttributeTest{Source::Id, AttributeOperator::Equals, false, "id", id});
            for (const auto &attr : source.attributes) {
                AttributeTest test{Source::Other, attr.op, attr.ignoreCase, attr.name, attr.value};
                if (equalsIgnoreCase(attr.name, "id"))
                    test.source = Source::Id;
                else if (equalsIgnoreCase(attr.name, "class"))
                    test.source = Source::Class;
                else if (equalsIgnoreCase(attr.name, "href"))
                    test.source = Source::Href;
                compound.attributes.push_back(std::move(test));
            }
            compound.nth = source.nth;
            alternative.compounds.push_back(std::move(compound));
            if (t + 1 < count) {
                // The combinator between this compound and the one to its left in the text.
                const std::size_t k = count - 2 - t;
                const bool child =
                    k < complex.combinators.size() && complex.combinators[k] == Combinator::Child;
                if (!child) alternative.segmentEnds.push_back(static_cast<std::uint32_t>(t + 1));
            }
        }
        if (count == 0) continue;
        alternative.segmentEnds.push_back(static_cast<std::uint32_t>(count));
        m_alternatives.push_back(std::move(alternative));
    }
}

bool SelectorMatcher::matchesAttribute(const AttributeTest &test, const Element &element)
{
    const std::string *value = nullptr;
    switch (test.source) {
    case Source::Id:
        value = !element.id.empty() ? &element.id : findAttribute(element, "id");
        break;
    case Source::Href:
        value = !element.href.empty() ? &element.href : findAttribute(element, "href");
        break;
    case Source::Other:
        value = findAttribute(element, test.name);
        break;
    case Source::Class:
        if (element.classes.empty()) {
            value = findAttribute(element, "class");
            break;
        }
        if (test.op == AttributeOperator::Exists) return true;
        if (test.op == AttributeOperator::Includes) {
            if (test.value.empty() || hasWhitespace(test.value)) return false;
            for (const auto &cls : element.classes)
                if (hasWord(cls, test.value, test.ignoreCase)) return true;
            return false;
        }
        if (element.classes.size() == 1)
            return valueMatches(test.op, element.classes.front(), test.value, test.ignoreCase);
        return valueMatches(test.op, JoinedClasses(element.classes).view(), test.value, test.ignoreCase);
    }
    return value && valueMatches(test.op, *value, test.value, test.ignoreCase);
}

bool SelectorMatcher::matchesCompound(const Compound &compound, const Element &element)
{
    if (compound.impossible || (!compound.tag.empty() && !equalsIgnoreCase(compound.tag, element.tag)))
        return false;
    for (const auto &cls : compound.classes) {
        bool found = false;
        if (!element.classes.empty()) {
            for (const auto &have : element.classes) {
                // A class entry is normally one word; only one that contains `cls` can hold it as a word.
                if (have.size() == cls.size()
                        ? have == cls
                        : have.size() > cls.size() && have.find(cls) != std::string::npos &&
                              hasWord(have, cls, false)) {
                    found = true;
                    break;
                }
            }
        } else if (const std::string *attr = findAttribute(element, "class")) {
            found = hasWord(*attr, cls, false);
        }
        if (!found) return false;
    }
    for (const auto &test : compound.attributes)
        if (!matchesAttribute(test, element)) return false;
    for (const auto &nth : compound.nth) {
        const long long position = nth.ofType ? element.nthOfType : element.nthChild;
        if (position <= 0) return false;
        if (nth.a == 0) {
            if (position != nth.b) return false;
        } else {
            const long long diff = position - nth.b;
            if (diff % nth.a != 0 || diff / nth.a < 0) return false;
        }
    }
    return true;
}

bool SelectorMatcher::matchesAlternative(const Alternative &alternative, const model::ElementChain &chain,
                                         std::size_t index)
{
    const std::size_t size = chain.size();
    std::size_t begin = 0;
    std::size_t next = index;
    bool subjectSegment = true;
    for (const std::uint32_t end : alternative.segmentEnds) {
        const std::size_t length = end - begin;
        bool placed = false;
        // The subject's run must start at `index`; every later run at the nearest ancestor that fits.
        for (std::size_t at = next; at + length <= size; ++at) {
            std::size_t t = 0;
            while (t < length && matchesCompound(alternative.compounds[begin + t], chain[at + t]))
                ++t;
            if (t == length) {
                next = at + length;
                placed = true;
                break;
            }
            if (subjectSegment) break;
        }
        if (!placed) return false;
        subjectSegment = false;
        begin = end;
    }
    return true;
}

bool SelectorMatcher::matchesAt(const model::ElementChain &chain, std::size_t index) const
{
    if (index >= chain.size()) return false;
    for (const auto &alternative : m_alternatives)
        if (matchesAlternative(alternative, chain, index)) return true;
    return false;
}

int SelectorMatcher::matchIndex(const model::ElementChain &chain) const
{
    for (std::size_t i = 0; i < chain.size(); ++i)
        if (matchesAt(chain, i)) return static_cast<int>(i);
    return -1;
}

} // namespace hindsight::definitions
