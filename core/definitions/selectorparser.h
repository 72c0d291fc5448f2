#pragma once

#include "core/definitions/selectorast.h"
#include "core/definitions/selectorerror.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace hindsight::definitions {

/// Reads CSS selector text into a SelectorList, following CSS Syntax Level 3 for identifiers,
/// strings and escapes (`.hover\:bg-blue-500\/75` is the class `hover:bg-blue-500/75`).
///
/// Supported: type selectors (case-insensitive), `*`, `#id`, `.class`, `[attr]`, `[attr=v]`,
/// `[attr~=v]`, `[attr|=v]`, `[attr^=v]`, `[attr$=v]`, `[attr*=v]` (quoted or identifier values,
/// optional `i`/`s` flag), `:nth-child(An+B)`, `:nth-of-type(An+B)` (integers, `odd`, `even`),
/// `:first-child`, `:first-of-type`, the descendant (whitespace) and child (`>`) combinators, and
/// comma lists. Anything else — sibling combinators, state pseudo-classes, pseudo-elements,
/// `:not()`, namespaces — is refused with a reason and the byte position where it starts.
class SelectorParser
{
  public:
    static std::optional<SelectorList> parse(std::string_view text, SelectorError *error = nullptr);

  private:
    explicit SelectorParser(std::string_view text) : m_text(text) {}

    bool parseList(SelectorList &out);
    bool parseComplex(ComplexSelector &out);
    bool parseCompound(CompoundSelector &out);
    bool parseAttribute(CompoundSelector &out);
    bool parsePseudo(CompoundSelector &out);
    bool parseNth(NthSelector &out);
    bool parseIdentifier(std::string &out);
    bool parseString(std::string &out);
    void consumeEscape(std::string &out);
    bool parseInteger(long long &out);

    bool atEnd() const { return m_pos >= m_text.size(); }
    unsigned char at(std::size_t pos) const
    {
        return pos < m_text.size() ? static_cast<unsigned char>(m_text[pos]) : 0;
    }
    unsigned char current() const { return at(m_pos); }
    bool isValidEscape(std::size_t pos) const;
    bool startsIdentifier(std::size_t pos) const;
    bool skipWhitespace();
    bool fail(std::size_t position, std::string reason);
    bool failUnexpected(std::size_t position);

    std::string_view m_text;
    std::size_t m_pos = 0;
    SelectorError m_error;
};

} // namespace hindsight::definitions
