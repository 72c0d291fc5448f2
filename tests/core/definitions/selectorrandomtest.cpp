// A plain reference matcher, written straight from the CSS rules and sharing no code with the
// fast path, and a seeded randomised comparison: random selectors are printed as CSS, parsed
// back, and matched against random chains by both; every answer must agree.

#include "core/capture/elementchain.h"
#include "core/definitions/elementcondition.h"
#include "core/definitions/selector.h"
#include "core/definitions/selectorparser.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <iostream>
#include <optional>
#include <random>
#include <string>
#include <vector>

using namespace hindsight::definitions;
using hindsight::model::Element;
using hindsight::model::ElementChain;

namespace reference {

std::string lower(std::string s)
{
    for (char &c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

const char *const kSpace = " \t\n\r\f";

std::vector<std::string> words(const std::string &s)
{
    std::vector<std::string> out;
    std::size_t i = s.find_first_not_of(kSpace);
    while (i != std::string::npos) {
        const std::size_t end = s.find_first_of(kSpace, i);
        out.push_back(s.substr(i, end == std::string::npos ? std::string::npos : end - i));
        i = end == std::string::npos ? end : s.find_first_not_of(kSpace, end);
    }
    return out;
}

std::optional<std::string> attributeValue(const Element &e, const std::string &name)
{
    if (name == "id" && !e.id.empty()) return e.id;
    if (name == "href" && !e.href.empty()) return e.href;
    if (name == "class" && !e.classes.empty()) {
        std::string joined;
        for (std::size_t i = 0; i < e.classes.size(); ++i)
            joined += (i == 0 ? "" : " ") + e.classes[i];
        return joined;
    }
    for (const auto &[key, value] : e.attributes)
        if (lower(key) == name) return value;
    return std::nullopt;
}

bool attributeMatches(const AttributeSelector &a, const Element &e)
{
    const auto found = attributeValue(e, a.name);
    if (!found) return false;
    std::string value = *found;
    std::string pattern = a.value;
    if (a.ignoreCase) {
        value = lower(value);
        pattern = lower(pattern);
    }
    switch (a.op) {
    case AttributeOperator::Exists:
        return true;
    case AttributeOperator::Equals:
        return value == pattern;
    case AttributeOperator::Includes: {
        if (pattern.empty() || pattern.find_first_of(kSpace) != std::string::npos) return false;
        const auto w = words(value);
        return std::find(w.begin(), w.end(), pattern) != w.end();
    }
    case AttributeOperator::DashMatch:
        return value == pattern || value.rfind(pattern + "-", 0) == 0;
    case AttributeOperator::Prefix:
        return !pattern.empty() && value.rfind(pattern, 0) == 0;
    case AttributeOperator::Suffix:
        return !pattern.empty() && value.size() >= pattern.size() &&
               value.compare(value.size() - pattern.size(), pattern.size(), pattern) == 0;
    case AttributeOperator::Substring:
        return !pattern.empty() && value.find(pattern) != std::string::npos;
    }
    return false;
}

bool nthMatches(const NthSelector &nth, const Element &e)
{
    const int p = nth.ofType ? e.nthOfType : e.nthChild;
    if (p <= 0) return false;
    for (long n = 0; n <= 1000; ++n)
        if (static_cast<long>(nth.a) * n + nth.b == p) return true;
    return false;
}

bool compoundMatches(const CompoundSelector &c, const Element &e)
{
    if (!c.tag.empty() && lower(e.tag) != c.tag) return false;
    for (const auto &id : c.ids)
        if (!attributeMatches({"id", AttributeOperator::Equals, id, false}, e)) return false;
    for (const auto &cls : c.classes)
        if (!attributeMatches({"class", AttributeOperator::Includes, cls, false}, e)) return false;
    for (const auto &a : c.attributes)
        if (!attributeMatches(a, e)) return false;
    for (const auto &n : c.nth)
        if (!nthMatches(n, e)) return false;
    return true;
}

/// Does compounds[0..k] match with compounds[k] on chain[i]? Tries every placement.
bool complexMatches(const ComplexSelector &s, std::size_t k, const ElementChain &chain, std::size_t i)
{
    if (!compoundMatches(s.compounds[k], chain[i])) return false;
    if (k == 0) return true;
    if (s.combinators[k - 1] == Combinator::Child)
        return i + 1 < chain.size() && complexMatches(s, k - 1, chain, i + 1);
    for (std::size_t j = i + 1; j < chain.size(); ++j)
        if (complexMatches(s, k - 1, chain, j)) return true;
    return false;
}

bool selectorMatchesAt(const SelectorList &list, const ElementChain &chain, std::size_t i)
{
    for (const auto &s : list)
        if (complexMatches(s, s.compounds.size() - 1, chain, i)) return true;
    return false;
}

bool glob(const std::string &p, std::size_t pi, const std::string &t, std::size_t ti)
{
    if (pi == p.size()) return ti == t.size();
    if (p[pi] == '*') {
        for (std::size_t k = ti; k <= t.size(); ++k)
            if (glob(p, pi + 1, t, k)) return true;
        return false;
    }
    return ti < t.size() && p[pi] == t[ti] && glob(p, pi + 1, t, ti + 1);
}

struct Text
{
    TextMatchMode mode;
    std::string pattern;
    bool ignoreCase;
};

bool textMatches(const Text &m, std::string text)
{
    if (text.empty()) return false;
    std::string pattern = m.pattern;
    if (m.ignoreCase) {
        text = lower(text);
        pattern = lower(pattern);
    }
    switch (m.mode) {
    case TextMatchMode::Exact:
        return text == pattern;
    case TextMatchMode::Contains:
        return text.find(pattern) != std::string::npos;
    case TextMatchMode::Wildcard:
        return glob(pattern, 0, text, 0);
    case TextMatchMode::Regex:
        break;
    }
    return false;
}

} // namespace reference

namespace {

class Generator
{
  public:
    explicit Generator(unsigned seed) : m_rng(seed) {}

    int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_rng); }
    bool chance(double p) { return std::bernoulli_distribution(p)(m_rng); }
    template <typename T> const T &pick(const std::vector<T> &v)
    {
        return v[static_cast<std::size_t>(uniform(0, static_cast<int>(v.size()) - 1))];
    }

    ElementChain chain()
    {
        ElementChain out(static_cast<std::size_t>(uniform(1, 7)));
        for (auto &e : out) {
            e.tag = pick(m_elementTags);
            if (chance(0.3)) e.id = pick(m_ids);
            const int classes = uniform(0, 3);
            for (int k = 0; k < classes; ++k)
                e.classes.push_back(pick(m_classes));
            std::sort(e.classes.begin(), e.classes.end());
            e.classes.erase(std::unique(e.classes.begin(), e.classes.end()), e.classes.end());
            if (chance(0.4)) e.text = pick(m_texts);
            if (chance(0.3)) e.href = pick(m_hrefs);
            const int attrs = uniform(0, 3);
            for (int k = 0; k < attrs; ++k)
                e.attributes.emplace_back(pick(m_elementAttributeNames), pick(m_values));
            std::sort(e.attributes.begin(), e.attributes.end());
            e.nthChild = uniform(0, 6);
            e.nthOfType = uniform(0, 4);
        }
        return out;
    }

    /// A random selector; with `near` given, about half of its compounds are copied (in part)
    /// from random elements of that chain, so that matches and near misses are common.
    SelectorList selector(const ElementChain *near = nullptr)
    {
        SelectorList list(static_cast<std::size_t>(chance(0.7) ? 1 : uniform(2, 3)));
        for (auto &complex : list) {
            const int compounds = uniform(1, 4);
            for (int k = 0; k < compounds; ++k) {
                complex.compounds.push_back(near && chance(0.6) ? compoundFrom(pick(*near)) : compound());
                if (k > 0)
                    complex.combinators.push_back(chance(0.5) ? Combinator::Child : Combinator::Descendant);
            }
        }
        return list;
    }

    std::optional<reference::Text> text(const std::vector<std::string> &patterns)
    {
        if (chance(0.5)) return std::nullopt;
        const TextMatchMode modes[] = {TextMatchMode::Exact, TextMatchMode::Contains,
                                       TextMatchMode::Wildcard};
        return reference::Text{modes[uniform(0, 2)], pick(patterns), chance(0.3)};
    }

    const std::vector<std::string> m_textPatterns{"Buy",  "buy", "Buy now", "now",  "B*y",
                                                  "*now", "*",   "x*y",     "*u*o*"};
    const std::vector<std::string> m_hrefPatterns{"/x", "/x/*", "https://*", "*/y", "x", "/"};

  private:
    CompoundSelector compoundFrom(const Element &e)
    {
        CompoundSelector c;
        if (chance(0.5) && !e.tag.empty()) c.tag = reference::lower(e.tag);
        if (chance(0.2) && !e.id.empty()) c.ids.push_back(e.id);
        if (chance(0.4) && !e.classes.empty()) c.classes.push_back(pick(e.classes));
        if (chance(0.4) && !e.attributes.empty()) {
            const auto &[name, value] = pick(e.attributes);
            AttributeSelector a;
            a.name = reference::lower(name);
            a.op = static_cast<AttributeOperator>(uniform(0, 6));
            if (a.op != AttributeOperator::Exists) {
                // the whole value, or a piece of it
                const int from = value.empty() ? 0 : uniform(0, static_cast<int>(value.size()) - 1);
                a.value = chance(0.5) ? value : value.substr(static_cast<std::size_t>(from));
                a.ignoreCase = chance(0.2);
            }
            c.attributes.push_back(a);
        }
        if (chance(0.2) && e.nthChild > 0)
            c.nth.push_back(NthSelector{false, uniform(-1, 2), e.nthChild + uniform(-1, 1)});
        return c;
    }

    CompoundSelector compound()
    {
        CompoundSelector c;
        if (chance(0.5)) c.tag = pick(m_selectorTags);
        if (chance(0.15)) c.ids.push_back(pick(m_ids));
        const int classes = chance(0.5) ? 0 : uniform(1, 2);
        for (int k = 0; k < classes; ++k)
            c.classes.push_back(pick(m_classes));
        const int attrs = chance(0.5) ? 0 : uniform(1, 2);
        for (int k = 0; k < attrs; ++k) {
            AttributeSelector a;
            a.name = pick(m_selectorAttributeNames);
            a.op = static_cast<AttributeOperator>(uniform(0, 6));
            if (a.op != AttributeOperator::Exists) {
                a.value = pick(m_values);
                a.ignoreCase = chance(0.2);
            }
            c.attributes.push_back(a);
        }
        if (chance(0.25)) c.nth.push_back(NthSelector{chance(0.5), uniform(-2, 3), uniform(-2, 6)});
        return c;
    }

    std::mt19937 m_rng;
    const std::vector<std::string> m_elementTags{"div", "div", "span", "a", "button", "li", "", "DIV"};
    const std::vector<std::string> m_selectorTags{"div", "span", "a", "button", "li"};
    const std::vector<std::string> m_ids{"main", "Main", "x", "a:b"};
    const std::vector<std::string> m_classes{"btn",   "btn-primary", "x", "hover:bg-blue-500/75",
                                             "w-1/2", "2xl",         "-", "a b"};
    const std::vector<std::string> m_texts{"Buy", "buy now", "Buy now", "x*y", "BUY"};
    const std::vector<std::string> m_hrefs{"/x", "/x/y", "https://a/y"};
    const std::vector<std::string> m_elementAttributeNames{"data-id", "type",  "ROLE", "title",
                                                           "id",      "class", "href"};
    const std::vector<std::string> m_selectorAttributeNames{"data-id", "type",  "role", "title",
                                                            "id",      "class", "href"};
    const std::vector<std::string> m_values{"1", "12", "x", "X", "x-y", "x y", "", "btn", "main", "/x"};
};

std::string describe(const ElementChain &chain)
{
    return hindsight::capture::serializeElementsChain(chain);
}

} // namespace

TEST(SelectorRandom, FastMatcherAgreesWithReferenceOnRandomChains)
{
    constexpr unsigned kSeed = 20240613;
    constexpr int kRounds = 30000;
    Generator gen(kSeed);
    int agreements = 0;
    int matched = 0;
    int failures = 0;
    long long subjectChecks = 0;
    for (int round = 0; round < kRounds && failures < 5; ++round) {
        const ElementChain chain = gen.chain();
        const SelectorList list = gen.selector(&chain);
        const std::string text = toString(list);
        SelectorError error;
        const auto parsed = SelectorParser::parse(text, &error);
        if (!parsed || *parsed != list) {
            ++failures;
            ADD_FAILURE() << "round " << round << ": '" << text << "' does not parse back: " << error.reason;
            continue;
        }
        const auto selector = Selector::parse(text);
        ASSERT_TRUE(selector);
        bool agree = true;
        for (std::size_t i = 0; i < chain.size(); ++i, ++subjectChecks) {
            const bool expected = reference::selectorMatchesAt(list, chain, i);
            if (selector->matchesAt(chain, i) != expected) {
                agree = false;
                ADD_FAILURE() << "round " << round << ": '" << text << "' at element " << i << " of '"
                              << describe(chain) << "': reference says " << expected;
            }
        }
        int expectedIndex = -1;
        for (std::size_t i = 0; i < chain.size() && expectedIndex < 0; ++i)
            if (reference::selectorMatchesAt(list, chain, i)) expectedIndex = static_cast<int>(i);
        if (selector->matchIndex(chain) != expectedIndex) {
            agree = false;
            ADD_FAILURE() << "round " << round << ": matchIndex differs for '" << text << "'";
        }
        if (agree)
            ++agreements;
        else
            ++failures;
        if (expectedIndex >= 0) ++matched;
    }
    std::cout << "[ selector ] seed " << kSeed << ": " << agreements << " of " << kRounds
              << " random selector/chain pairs agree (" << subjectChecks << " subject checks, " << matched
              << " pairs match)\n";
    RecordProperty("agreements", agreements);
    EXPECT_EQ(agreements, kRounds);
    // The comparison is only meaningful if both answers are common.
    EXPECT_GT(matched, kRounds / 10);
    EXPECT_LT(matched, kRounds - kRounds / 10);
}

TEST(SelectorRandom, ElementConditionAgreesWithReference)
{
    constexpr unsigned kSeed = 777;
    constexpr int kRounds = 20000;
    Generator gen(kSeed);
    int agreements = 0;
    int matched = 0;
    int failures = 0;
    for (int round = 0; round < kRounds; ++round) {
        const ElementChain chain = gen.chain();
        const SelectorList list = gen.selector(&chain);
        const bool withSelector = gen.chance(0.8);
        const auto text = gen.text(gen.m_textPatterns);
        const auto href = gen.text(gen.m_hrefPatterns);
        auto makeMatcher = [](const std::optional<reference::Text> &t) -> std::optional<TextMatcher> {
            if (!t) return std::nullopt;
            return TextMatcher::create(t->pattern, t->mode, !t->ignoreCase);
        };
        const ElementCondition condition(withSelector ? Selector::parse(toString(list)) : std::nullopt,
                                         makeMatcher(text), makeMatcher(href));
        int expected = -1;
        for (std::size_t i = 0; i < chain.size() && expected < 0; ++i) {
            if (withSelector && !reference::selectorMatchesAt(list, chain, i)) continue;
            if (text && !reference::textMatches(*text, chain[i].text)) continue;
            if (href && !reference::textMatches(*href, chain[i].href)) continue;
            expected = static_cast<int>(i);
        }
        const int actual = condition.matchIndex(chain);
        if (actual == expected)
            ++agreements;
        else if (failures++ < 5)
            ADD_FAILURE() << "round " << round << ": condition on '" << describe(chain) << "' gave " << actual
                          << ", reference " << expected;
        if (expected >= 0) ++matched;
    }
    std::cout << "[ condition ] seed " << kSeed << ": " << agreements << " of " << kRounds
              << " random conditions agree (" << matched << " match)\n";
    EXPECT_EQ(agreements, kRounds);
    EXPECT_GT(matched, kRounds / 20);
}
