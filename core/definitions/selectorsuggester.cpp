#include "core/definitions/selectorsuggester.h"

#include "core/definitions/generatedname.h"
#include "core/definitions/selector.h"
#include "core/definitions/selectorast.h"
#include "core/model/url.h"

#include <algorithm>
#include <array>
#include <set>
#include <string_view>
#include <utility>

namespace hindsight::definitions {

namespace {

using model::Element;
using model::ElementChain;

struct Candidate
{
    ComplexSelector selector;
    std::string reason;
    int score = 0;
};

bool startsWith(std::string_view text, std::string_view prefix)
{
    return text.substr(0, prefix.size()) == prefix;
}

bool inList(std::string_view value, const auto &list)
{
    return std::find(list.begin(), list.end(), value) != list.end();
}

/// How useful an attribute is for a selector.
enum class AttributeKind { Tracking, Data, Name, AriaLabel, Action, Descriptive, Weak, Skip };

AttributeKind attributeKind(std::string_view name)
{
    constexpr std::array kTracking = {"data-testid",
                                      "data-test-id",
                                      "data-test",
                                      "data-cy",
                                      "data-qa",
                                      "data-qa-id",
                                      "data-automation-id",
                                      "data-automation",
                                      "data-e2e",
                                      "data-track",
                                      "data-tracking",
                                      "data-track-id",
                                      "data-tracking-id",
                                      "data-analytics",
                                      "data-analytics-id",
                                      "data-analytics-name",
                                      "data-event",
                                      "data-event-name",
                                      "data-action",
                                      "data-attr",
                                      "data-gtm",
                                      "data-ga",
                                      "data-heap",
                                      "data-heap-id",
                                      "data-amplitude",
                                      "data-segment",
                                      "data-mixpanel",
                                      "data-pendo",
                                      "data-hj",
                                      "data-click",
                                      "data-cta"};
    constexpr std::array kTrackingPrefixes = {"data-ph-capture-attribute-",
                                              "data-track-",
                                              "data-test-",
                                              "data-qa-",
                                              "data-cy-",
                                              "data-analytics-",
                                              "data-tracking-"};
    constexpr std::array kStateData = {"data-state",       "data-headlessui-state",
                                       "data-active",      "data-selected",
                                       "data-focus",       "data-focus-visible",
                                       "data-hover",       "data-open",
                                       "data-disabled",    "data-checked",
                                       "data-highlighted", "data-orientation",
                                       "data-side",        "data-align",
                                       "data-loading",     "data-reactroot",
                                       "data-reactid",     "data-rk",
                                       "data-emotion",     "data-styled",
                                       "data-pressed",     "data-expanded",
                                       "data-index",       "data-key",
                                       "data-value",       "data-placeholder"};
    if (inList(name, kTracking)) return AttributeKind::Tracking;
    for (std::string_view prefix : kTrackingPrefixes)
        if (startsWith(name, prefix)) return AttributeKind::Tracking;
    if (startsWith(name, "data-")) {
        if (inList(name, kStateData) || startsWith(name, "data-v-") || startsWith(name, "data-radix") ||
            startsWith(name, "data-headlessui") || startsWith(name, "data-aria"))
            return AttributeKind::Skip;
        return AttributeKind::Data;
    }
    if (name == "name") return AttributeKind::Name;
    if (name == "aria-label") return AttributeKind::AriaLabel;
    if (name == "action") return AttributeKind::Action;
    if (name == "for" || name == "placeholder" || name == "title" || name == "alt")
        return AttributeKind::Descriptive;
    if (name == "role" || name == "type") return AttributeKind::Weak;
    return AttributeKind::Skip;
}

int attributeScore(AttributeKind kind)
{
    switch (kind) {
    case AttributeKind::Tracking:
        return 95;
    case AttributeKind::Data:
        return 80;
    case AttributeKind::Name:
        return 76;
    case AttributeKind::AriaLabel:
        return 72;
    case AttributeKind::Action:
        return 70;
    case AttributeKind::Descriptive:
        return 58;
    case AttributeKind::Weak:
        return 25;
    case AttributeKind::Skip:
        break;
    }
    return 0;
}

/// A readable, bounded rendering of a value for a reason string.
std::string shortValue(std::string_view value)
{
    if (value.size() <= 40) return std::string(value);
    return std::string(value.substr(0, 37)) + "...";
}

AttributeSelector attributeEquals(std::string name, std::string value)
{
    AttributeSelector a;
    a.name = std::move(name);
    a.op = AttributeOperator::Equals;
    a.value = std::move(value);
    return a;
}

ComplexSelector single(CompoundSelector compound)
{
    ComplexSelector c;
    c.compounds.push_back(std::move(compound));
    return c;
}

bool isInlineTag(std::string_view tag)
{
    constexpr std::array kInline = {"span", "svg",     "path", "use",      "g",       "img",    "i",
                                    "b",    "strong",  "em",   "small",    "picture", "source", "circle",
                                    "rect", "polygon", "line", "polyline", "ellipse", "mark",   "sup",
                                    "sub",  "abbr",    "u",    "s",        "font"};
    return inList(tag, kInline);
}

bool isClickable(const Element &element)
{
    if (element.tag == "a" || element.tag == "button") return true;
    const std::string *role = element.attribute("role");
    return role && (*role == "button" || *role == "link" || *role == "menuitem" || *role == "tab");
}

/// The common value of `get(element)` over all elements, if they all share one (non-empty).
template <typename Get>
std::optional<std::string> common(const std::vector<const Element *> &elements, Get get)
{
    std::optional<std::string> value;
    for (const Element *e : elements) {
        const std::string *v = get(*e);
        if (!v || v->empty()) return std::nullopt;
        if (!value)
            value = *v;
        else if (*value != *v)
            return std::nullopt;
    }
    return value;
}

std::vector<std::string> commonClasses(const std::vector<const Element *> &elements)
{
    std::vector<std::string> out = elements.front()->classes;
    for (std::size_t i = 1; i < elements.size(); ++i) {
        std::vector<std::string> next;
        const auto &classes = elements[i]->classes;
        for (const auto &c : out)
            if (std::find(classes.begin(), classes.end(), c) != classes.end()) next.push_back(c);
        out = std::move(next);
    }
    return out;
}

/// The more specific-looking first: names with separators (BEM, kebab), then longer names.
void rankClasses(std::vector<std::string> &classes)
{
    auto words = [](const std::string &c) {
        return std::count_if(c.begin(), c.end(), [](char ch) { return ch == '-' || ch == '_'; });
    };
    std::stable_sort(classes.begin(), classes.end(), [&](const std::string &a, const std::string &b) {
        if (words(a) != words(b)) return words(a) > words(b);
        if (a.size() != b.size()) return a.size() > b.size();
        return a < b;
    });
}

std::string classList(const std::vector<std::string> &classes)
{
    std::string out;
    for (const auto &c : classes)
        out += "." + c;
    return out;
}

/// The distinctive compounds of one element, for use as an ancestor anchor.
std::vector<Candidate> anchorsOf(const Element &element)
{
    std::vector<Candidate> out;
    if (!element.id.empty() && !isGeneratedId(element.id)) {
        CompoundSelector c;
        c.ids.push_back(element.id);
        out.push_back({single(c), "#" + element.id, 100});
    }
    for (const auto &[name, value] : element.attributes) {
        if (name == "id" || name == "class" || value.empty() || isGeneratedValue(value)) continue;
        const AttributeKind kind = attributeKind(name);
        if (kind != AttributeKind::Tracking && kind != AttributeKind::Data &&
            kind != AttributeKind::AriaLabel && kind != AttributeKind::Action)
            continue;
        CompoundSelector c;
        if (kind == AttributeKind::AriaLabel || kind == AttributeKind::Action) c.tag = element.tag;
        c.attributes.push_back(attributeEquals(name, value));
        out.push_back({single(c), c.tag + "[" + name + "=" + shortValue(value) + "]",
                       attributeScore(kind) - (kind == AttributeKind::AriaLabel ? 6 : 0)});
    }
    std::vector<std::string> semantic;
    for (const auto &cls : element.classes)
        if (classifyClass(cls, element.classes) == ClassKind::Semantic) semantic.push_back(cls);
    rankClasses(semantic);
    if (!semantic.empty()) {
        CompoundSelector c;
        c.tag = element.tag;
        c.classes.push_back(semantic.front());
        out.push_back({single(c), element.tag + "." + semantic.front(), 70});
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Candidate &a, const Candidate &b) { return a.score > b.score; });
    return out;
}

class Generator
{
  public:
    Generator(std::span<const SuggestionExample> examples, const std::vector<std::size_t> &indices)
        : m_examples(examples), m_indices(indices)
    {
        for (std::size_t i = 0; i < examples.size(); ++i)
            m_elements.push_back(&examples[i].chain[indices[i]]);
        m_tag = common(m_elements, [](const Element &e) { return &e.tag; }).value_or(std::string());
    }

    std::vector<Candidate> run(bool haveText)
    {
        idCandidate();
        attributeCandidates();
        classCandidates();
        hrefCandidates();
        if (!m_tag.empty()) {
            CompoundSelector c;
            c.tag = m_tag;
            add(single(c), "tag " + m_tag + " only (broad)", 12);
        }
        const int bestDirect = best();
        if (bestDirect < 60) anchoredCandidates();
        nthCandidate(best() < 30 && !haveText);
        return std::move(m_out);
    }

  private:
    void add(ComplexSelector selector, std::string reason, int score)
    {
        m_out.push_back({std::move(selector), std::move(reason), score});
    }

    int best() const
    {
        int b = 0;
        for (const auto &c : m_out)
            b = std::max(b, c.score);
        return b;
    }

    void idCandidate()
    {
        const auto id = common(m_elements, [](const Element &e) { return &e.id; });
        if (!id || isGeneratedId(*id)) return;
        CompoundSelector c;
        c.ids.push_back(*id);
        add(single(c), "id #" + *id, 100);
    }

    void attributeCandidates()
    {
        for (const auto &[name, first] : m_elements.front()->attributes) {
            if (name == "id" || name == "class" || name == "href") continue;
            const AttributeKind kind = attributeKind(name);
            if (kind == AttributeKind::Skip) continue;
            const auto value = common(m_elements, [&name](const Element &e) { return e.attribute(name); });
            if (!value) {
                if (kind == AttributeKind::Tracking) trackingPrefixCandidate(name);
                continue;
            }
            if (isGeneratedValue(*value)) continue;
            CompoundSelector c;
            const std::string shown = name + "=" + shortValue(*value);
            switch (kind) {
            case AttributeKind::Tracking:
            case AttributeKind::Data:
                c.attributes.push_back(attributeEquals(name, *value));
                add(single(c), shown, attributeScore(kind));
                break;
            case AttributeKind::Weak:
                if (m_tag.empty()) break;
                c.tag = m_tag;
                c.attributes.push_back(attributeEquals(name, *value));
                add(single(c), m_tag + " with " + shown + " (broad)", attributeScore(kind));
                break;
            default:
                c.tag = m_tag;
                c.attributes.push_back(attributeEquals(name, *value));
                add(single(c), shown, attributeScore(kind));
                break;
            }
        }
    }

    /// Tracking values that differ but share a prefix up to a separator: `add-to-cart-12`,
    /// `add-to-cart-34` -> `[data-track^="add-to-cart-"]`.
    void trackingPrefixCandidate(const std::string &name)
    {
        std::optional<std::string> prefix;
        for (const Element *e : m_elements) {
            const std::string *v = e->attribute(name);
            if (!v || v->empty()) return;
            if (!prefix) {
                prefix = *v;
                continue;
            }
            std::size_t n = 0;
            while (n < prefix->size() && n < v->size() && (*prefix)[n] == (*v)[n])
                ++n;
            prefix->resize(n);
        }
        if (!prefix) return;
        const std::size_t cut = prefix->find_last_of("-_:./");
        if (cut == std::string::npos || cut < 2) return;
        prefix->resize(cut + 1);
        CompoundSelector c;
        AttributeSelector a;
        a.name = name;
        a.op = AttributeOperator::Prefix;
        a.value = *prefix;
        c.attributes.push_back(std::move(a));
        add(single(c), name + " starting with " + *prefix, 74);
    }

    void classCandidates()
    {
        std::vector<std::string> semantic, generic, utility;
        for (const auto &cls : commonClasses(m_elements)) {
            switch (classifyClass(cls, m_elements.front()->classes)) {
            case ClassKind::Semantic:
                semantic.push_back(cls);
                break;
            case ClassKind::Generic:
                generic.push_back(cls);
                break;
            case ClassKind::Utility:
                utility.push_back(cls);
                break;
            case ClassKind::State:
            case ClassKind::Generated:
                break;
            }
        }
        rankClasses(semantic);
        if (!semantic.empty()) {
            CompoundSelector c;
            c.tag = m_tag;
            c.classes.push_back(semantic.front());
            add(single(c), "class ." + semantic.front(), 70);
            if (!m_tag.empty()) {
                CompoundSelector any;
                any.classes.push_back(semantic.front());
                add(single(any), "class ." + semantic.front() + " on any tag", 66);
            }
            if (semantic.size() >= 2) {
                CompoundSelector two = c;
                two.classes.push_back(semantic[1]);
                add(single(two), "classes " + classList(two.classes), 67);
            }
        }
        if (!generic.empty() && !m_tag.empty()) {
            rankClasses(generic);
            if (generic.size() > 2) generic.resize(2);
            CompoundSelector c;
            c.tag = m_tag;
            c.classes = generic;
            add(single(c), "generic classes " + classList(generic), 40);
        }
        if (!utility.empty() && !m_tag.empty()) {
            if (utility.size() > 3) utility.resize(3);
            CompoundSelector c;
            c.tag = m_tag;
            c.classes = utility;
            add(single(c), "utility classes " + classList(utility) + " (change with styling)", 28);
        }
    }

    void hrefCandidates()
    {
        if (m_tag != "a") return;
        const auto href =
            common(m_elements, [](const Element &e) { return e.href.empty() ? nullptr : &e.href; });
        CompoundSelector c;
        c.tag = "a";
        if (href) {
            if (isGeneratedValue(*href) || href->size() > 200) return;
            c.attributes.push_back(attributeEquals("href", *href));
            add(single(c), "link to " + shortValue(*href), 64);
            return;
        }
        std::optional<std::string> prefix;
        for (const Element *e : m_elements) {
            if (e->href.empty()) return;
            if (!prefix) {
                prefix = e->href;
                continue;
            }
            std::size_t n = 0;
            while (n < prefix->size() && n < e->href.size() && (*prefix)[n] == e->href[n])
                ++n;
            prefix->resize(n);
        }
        if (!prefix) return;
        const std::size_t slash = prefix->rfind('/');
        if (slash == std::string::npos || slash < 1) return;
        prefix->resize(slash + 1);
        AttributeSelector a;
        a.name = "href";
        a.op = AttributeOperator::Prefix;
        a.value = *prefix;
        c.attributes.push_back(std::move(a));
        add(single(c), "links under " + shortValue(*prefix), 48);
    }

    /// The subject compounds used under an ancestor: the tag with its generic classes, the tag.
    std::vector<std::pair<CompoundSelector, int>> weakSubjects() const
    {
        std::vector<std::pair<CompoundSelector, int>> out;
        if (m_tag.empty()) return out;
        std::vector<std::string> generic;
        for (const auto &cls : commonClasses(m_elements))
            if (classifyClass(cls, m_elements.front()->classes) == ClassKind::Generic) generic.push_back(cls);
        CompoundSelector tagOnly;
        tagOnly.tag = m_tag;
        if (!generic.empty()) {
            rankClasses(generic);
            CompoundSelector withClass = tagOnly;
            withClass.classes.push_back(generic.front());
            out.emplace_back(withClass, 40);
        }
        out.emplace_back(tagOnly, 12);
        return out;
    }

    void anchoredCandidates()
    {
        const auto subjects = weakSubjects();
        if (subjects.empty()) return;
        const ElementChain &chain = m_examples.front().chain;
        int anchors = 0;
        for (std::size_t j = m_indices.front() + 1; j < chain.size() && anchors < 8; ++j) {
            const Element &ancestor = chain[j];
            if (ancestor.tag == "body" || ancestor.tag == "html") break;
            const int distance = static_cast<int>(j - m_indices.front());
            for (const auto &anchor : anchorsOf(ancestor)) {
                ++anchors;
                for (const auto &[subject, subjectScore] : subjects) {
                    ComplexSelector s = anchor.selector;
                    s.combinators.push_back(Combinator::Descendant);
                    s.compounds.push_back(subject);
                    const int score = anchor.score / 2 + subjectScore / 4 + 5 - std::min(distance - 1, 5);
                    add(std::move(s), "inside " + anchor.reason, score);
                }
            }
        }
    }

    void nthCandidate(bool needed)
    {
        if (m_tag.empty()) return;
        const int n = m_elements.front()->nthChild;
        if (n <= 0) return;
        for (const Element *e : m_elements)
            if (e->nthChild != n) return;
        const ElementChain &chain = m_examples.front().chain;
        const std::size_t parentIndex = m_indices.front() + 1;
        if (parentIndex >= chain.size()) return;
        const Element &parent = chain[parentIndex];
        const auto parentAnchors = anchorsOf(parent);
        CompoundSelector parentCompound;
        std::string parentText;
        if (!parentAnchors.empty()) {
            parentCompound = parentAnchors.front().selector.compounds.front();
            parentText = parentAnchors.front().reason;
        } else {
            if (parent.tag.empty()) return;
            parentCompound.tag = parent.tag;
            parentText = parent.tag;
        }
        CompoundSelector subject;
        subject.tag = m_tag;
        subject.nth.push_back(NthSelector{false, 0, n});
        ComplexSelector s;
        s.compounds = {parentCompound, subject};
        s.combinators = {Combinator::Child};
        add(std::move(s), "position :nth-child(" + std::to_string(n) + ") in " + parentText + " (fragile)",
            needed ? 45 : 5);
    }

    std::span<const SuggestionExample> m_examples;
    const std::vector<std::size_t> &m_indices;
    std::vector<const Element *> m_elements;
    std::string m_tag;
    std::vector<Candidate> m_out;
};

/// Path segments of a URL path: "/product/7/" -> {"", "product", "7", ""}.
std::vector<std::string> segments(const std::string &path)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        const std::size_t slash = path.find('/', start);
        out.push_back(path.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    return out;
}

std::string join(const std::vector<std::string> &parts)
{
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) out += '/';
        out += parts[i];
    }
    return out;
}

} // namespace

std::size_t SelectorSuggester::defaultPointedIndex(const model::ElementChain &chain)
{
    if (chain.empty() || !isInlineTag(chain.front().tag)) return 0;
    for (std::size_t i = 1; i < chain.size() && i <= 5; ++i) {
        const Element &e = chain[i];
        if (isClickable(e)) return i;
        if (e.tag == "body" || e.tag == "html" || e.tag == "form") break;
    }
    return 0;
}

std::optional<UrlCriterion> SelectorSuggester::pagePattern(std::span<const std::string> urls,
                                                           std::string *reason)
{
    auto say = [reason](std::string text) {
        if (reason) *reason = std::move(text);
    };
    if (urls.empty()) {
        say("no page: no URL condition");
        return std::nullopt;
    }
    std::vector<std::vector<std::string>> all;
    for (const auto &url : urls) {
        if (url.empty()) {
            say("an example has no page URL: no URL condition");
            return std::nullopt;
        }
        std::string path = model::splitUrl(url).path;
        if (path.empty()) path = "/";
        if (path.find('*') != std::string::npos) {
            say("the page path contains '*': no URL condition");
            return std::nullopt;
        }
        all.push_back(segments(path));
    }
    const auto &first = all.front();
    const bool sameLength =
        std::all_of(all.begin(), all.end(), [&](const auto &s) { return s.size() == first.size(); });
    std::vector<std::string> pattern;
    std::vector<std::size_t> generalised;
    bool anyLiteral = false, wildcard = false;
    if (sameLength) {
        for (std::size_t i = 0; i < first.size(); ++i) {
            const bool same =
                std::all_of(all.begin(), all.end(), [&](const auto &s) { return s[i] == first[i]; });
            const bool idLike =
                std::any_of(all.begin(), all.end(), [&](const auto &s) { return isIdLikeSegment(s[i]); });
            if (same && !idLike) {
                pattern.push_back(first[i]);
                anyLiteral = anyLiteral || !first[i].empty();
            } else {
                pattern.push_back("*");
                generalised.push_back(i);
                wildcard = true;
            }
        }
    } else {
        // Different depths: the common leading segments (not id-like), then anything.
        for (std::size_t i = 0;; ++i) {
            const bool inAll =
                std::all_of(all.begin(), all.end(), [&](const auto &s) { return i < s.size(); });
            if (!inAll) break;
            const bool same =
                std::all_of(all.begin(), all.end(), [&](const auto &s) { return s[i] == first[i]; });
            if (!same || isIdLikeSegment(first[i])) break;
            pattern.push_back(first[i]);
            anyLiteral = anyLiteral || !first[i].empty();
        }
        pattern.push_back("*");
        wildcard = true;
    }
    if (!anyLiteral && wildcard) {
        say("the pages have no path in common: no URL condition");
        return std::nullopt;
    }
    UrlCriterion c;
    c.scope = UrlScope::Path;
    c.pattern = join(pattern);
    if (!wildcard) {
        c.mode = TextMatchMode::Exact;
        say(urls.size() == 1 ? "the page " + c.pattern : "the same page " + c.pattern + " in every example");
        return c;
    }
    // Collapse runs of "*/*" that add nothing ("*" already spans slashes).
    std::string collapsed;
    for (std::size_t i = 0; i < c.pattern.size(); ++i) {
        if (c.pattern.compare(i, 3, "*/*") == 0 && (i + 3 == c.pattern.size())) {
            collapsed += '*';
            break;
        }
        collapsed += c.pattern[i];
    }
    c.pattern = collapsed;
    c.mode = TextMatchMode::Wildcard;
    if (sameLength) {
        std::string which;
        for (std::size_t i : generalised)
            which += (which.empty() ? "" : ", ") + std::to_string(i);
        say("page pattern " + c.pattern + " (path segment" + (generalised.size() > 1 ? "s " : " ") + which +
            (urls.size() > 1 ? " differ or look like ids)" : " looks like an id)"));
    } else {
        say("page pattern " + c.pattern + " (the paths share only this beginning)");
    }
    return c;
}

std::optional<Suggestion> SelectorSuggester::suggest(std::span<const SuggestionExample> examples,
                                                     std::string *error)
{
    auto fail = [error](std::string message) -> std::optional<Suggestion> {
        if (error) *error = std::move(message);
        return std::nullopt;
    };
    if (examples.empty()) return fail("no examples to suggest a definition from");
    Suggestion out;
    for (std::size_t i = 0; i < examples.size(); ++i) {
        const auto &ex = examples[i];
        if (ex.chain.empty())
            return fail("example " + std::to_string(i + 1) +
                        " has no element chain (only element interactions such as clicks can be pointed at)");
        const std::size_t index = ex.pointedIndex.value_or(defaultPointedIndex(ex.chain));
        if (index >= ex.chain.size())
            return fail("example " + std::to_string(i + 1) + ": element " + std::to_string(index) +
                        " is outside its chain of " + std::to_string(ex.chain.size()) + " elements");
        out.elementIndices.push_back(index);
    }

    // Event types, in order of first appearance.
    for (const auto &ex : examples)
        if (!ex.eventType.empty() && std::find(out.step.eventTypes.begin(), out.step.eventTypes.end(),
                                               ex.eventType) == out.step.eventTypes.end())
            out.step.eventTypes.push_back(ex.eventType);

    // Text of the pointed elements.
    std::vector<const Element *> pointed;
    for (std::size_t i = 0; i < examples.size(); ++i)
        pointed.push_back(&examples[i].chain[out.elementIndices[i]]);
    const auto text = common(pointed, [](const Element &e) { return &e.text; });
    if (text && text->size() <= 200) {
        out.step.text = TextCriterion{*text, TextMatchMode::Exact, true};
        out.textReason = examples.size() == 1 ? "the element's text \"" + shortValue(*text) + "\""
                                              : "every example's text is \"" + shortValue(*text) + "\"";
    } else if (text) {
        out.textReason = "the text is too long to be a label: no text condition";
    } else if (std::all_of(pointed.begin(), pointed.end(),
                           [](const Element *e) { return e->text.empty(); })) {
        out.textReason = "the element has no text: no text condition";
    } else {
        out.textReason = "the texts differ: no text condition";
    }

    // Page pattern.
    std::vector<std::string> urls;
    for (const auto &ex : examples)
        urls.push_back(ex.url);
    out.step.url = pagePattern(urls, &out.urlReason);

    // Selector candidates, verified on every example.
    Generator generator(examples, out.elementIndices);
    std::vector<Candidate> candidates = generator.run(out.step.text.has_value());
    std::set<std::string> seen;
    for (auto &candidate : candidates) {
        const std::string cssText = toString(candidate.selector);
        if (!seen.insert(cssText).second) continue;
        const auto selector = Selector::parse(cssText);
        if (!selector) continue;
        bool all = true, enclosing = false;
        for (std::size_t i = 0; i < examples.size() && all; ++i) {
            const auto &chain = examples[i].chain;
            all = selector->matchesAt(chain, out.elementIndices[i]);
            for (std::size_t j = out.elementIndices[i] + 1; j < chain.size() && !enclosing; ++j)
                enclosing = selector->matchesAt(chain, j);
        }
        if (!all) continue;
        if (enclosing) {
            candidate.score -= 40;
            candidate.reason += "; also matches an enclosing element";
        }
        out.alternatives.push_back({cssText, candidate.reason, candidate.score});
    }
    std::stable_sort(out.alternatives.begin(), out.alternatives.end(),
                     [](const SelectorAlternative &a, const SelectorAlternative &b) {
                         if (a.score != b.score) return a.score > b.score;
                         return a.selector.size() < b.selector.size();
                     });
    if (!out.alternatives.empty()) out.step.selector = out.alternatives.front().selector;
    return out;
}

} // namespace hindsight::definitions
