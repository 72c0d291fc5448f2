#pragma once

#include "core/definitions/selectorast.h"
#include "core/model/element.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace hindsight::definitions {

/// A SelectorList compiled for matching against element chains (target first, then ancestors).
///
/// A complex selector matches with subject `chain[i]` when its last compound matches `chain[i]`,
/// each `A > B` puts A on the element right after B's (its parent), and each `A B` puts A on
/// some element after B's (an ancestor). Matching allocates nothing and is safe to call from
/// several threads at once. Cost is O(chain length × compounds) per subject: each run of
/// child-joined compounds is placed at the nearest ancestor where it fits, which is enough
/// because a nearer placement never leaves fewer ancestors for the compounds to its left.
///
/// Attribute lookup: `id` reads Element::id, `class` the class list joined by single spaces,
/// `href` Element::href (each falling back to Element::attributes when the field is empty);
/// other names read Element::attributes, compared ASCII case-insensitively. `.c` is true when
/// `c` is one of the whitespace-separated words of the class value, exactly like `[class~=c]`.
/// Types compare ASCII case-insensitively; values, ids and classes case-sensitively (unless the
/// `i` flag). `:nth-child`/`:nth-of-type` never match an element whose position is unknown (0).
class SelectorMatcher
{
  public:
    SelectorMatcher() = default;
    explicit SelectorMatcher(const SelectorList &selectors);

    /// True when some alternative matches with `chain[index]` as its subject.
    bool matchesAt(const model::ElementChain &chain, std::size_t index) const;
    /// Index of the first (closest to the target) element that is a subject of a match, or -1.
    int matchIndex(const model::ElementChain &chain) const;
    bool matches(const model::ElementChain &chain) const { return matchIndex(chain) >= 0; }

  private:
    enum class Source : std::uint8_t { Id, Class, Href, Other };

    struct AttributeTest
    {
        Source source = Source::Other;
        AttributeOperator op = AttributeOperator::Exists;
        bool ignoreCase = false;
        std::string name;
        std::string value;
    };

    struct Compound
    {
        std::string tag; ///< lower-case; empty matches any element
        std::vector<std::string> classes;
        std::vector<AttributeTest> attributes; ///< ids become `id` equality tests
        std::vector<NthSelector> nth;
        bool impossible = false; ///< a class with whitespace in it is never one word of a class value
    };

    /// Compounds ordered from the subject outwards; `segmentEnds` splits them into runs joined by
    /// child combinators (consecutive elements), the runs being joined by descendant combinators.
    struct Alternative
    {
        std::vector<Compound> compounds;
        std::vector<std::uint32_t> segmentEnds;
    };

    static bool matchesCompound(const Compound &compound, const model::Element &element);
    static bool matchesAttribute(const AttributeTest &test, const model::Element &element);
    static bool matchesAlternative(const Alternative &alternative, const model::ElementChain &chain,
                                   std::size_t index);

    std::vector<Alternative> m_alternatives;
};

} // namespace hindsight::definitions
