#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hindsight::definitions {

// The parsed form of a CSS selector, limited to what an autocaptured element chain can answer:
// type, universal, id, class and attribute selectors, :nth-child / :nth-of-type, and the
// descendant and child combinators, in comma-separated lists.

enum class AttributeOperator {
    Exists,    ///< [name]
    Equals,    ///< [name=value]
    Includes,  ///< [name~=value]: value is one of the whitespace-separated words
    DashMatch, ///< [name|=value]: value, or value followed by '-'
    Prefix,    ///< [name^=value]
    Suffix,    ///< [name$=value]
    Substring, ///< [name*=value]
};

struct AttributeSelector
{
    std::string name; ///< lower-case attribute name (HTML attribute names are case-insensitive)
    AttributeOperator op = AttributeOperator::Exists;
    std::string value;       ///< unescaped value; empty for Exists
    bool ignoreCase = false; ///< the `i` flag: compare the value ASCII case-insensitively

    bool operator==(const AttributeSelector &) const = default;
};

/// `:nth-child(An+B)` or `:nth-of-type(An+B)`: matches a 1-based position p when some n >= 0
/// gives A*n + B == p. `:first-child` is {false, 0, 1}.
struct NthSelector
{
    bool ofType = false;
    int a = 0;
    int b = 0;

    bool operator==(const NthSelector &) const = default;
};

/// A sequence of simple selectors that all apply to one element, such as `button.buy[type=submit]`.
struct CompoundSelector
{
    std::string tag; ///< lower-case type name; empty for `*` or when no type is written
    std::vector<std::string> ids;
    std::vector<std::string> classes;
    std::vector<AttributeSelector> attributes;
    std::vector<NthSelector> nth;

    bool operator==(const CompoundSelector &) const = default;
};

enum class Combinator {
    Descendant, ///< whitespace: the left compound matches some ancestor
    Child,      ///< '>': the left compound matches the parent
};

/// Compounds joined by combinators, left to right; the last compound is the subject.
struct ComplexSelector
{
    std::vector<CompoundSelector> compounds;
    std::vector<Combinator> combinators; ///< combinators[i] joins compounds[i] and compounds[i + 1]

    bool operator==(const ComplexSelector &) const = default;
};

/// A comma-separated list: an element matches when any alternative matches.
using SelectorList = std::vector<ComplexSelector>;

/// Writes CSS text that parses back to the same value (identifiers escaped, values quoted).
std::string toString(const SelectorList &selectors);
std::string toString(const ComplexSelector &selector);
std::string toString(const CompoundSelector &compound);

/// CSS identifier escaping (CSSOM "serialize an identifier"), e.g. `hover:bg-blue-500/75` ->
/// `hover\:bg-blue-500\/75`, `2xl` -> `\32 xl`.
std::string escapeIdentifier(std::string_view identifier);
/// A double-quoted CSS string with `"` and `\` escaped and control characters as hex escapes.
std::string quoteString(std::string_view value);

} // namespace hindsight::definitions
