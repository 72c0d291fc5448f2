#pragma once

#include "core/definitions/selectorast.h"
#include "core/definitions/selectorerror.h"
#include "core/definitions/selectormatcher.h"
#include "core/model/element.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace hindsight::definitions {

/// A CSS selector as a definition uses it: the text the user wrote, its parsed form, and a
/// compiled matcher. Parse once, then match many chains; matching is const, allocation-free
/// and thread-safe. See SelectorParser for the grammar and SelectorMatcher for the semantics.
class Selector
{
  public:
    /// Parses `text`; on failure returns nullopt and fills `error` (position and reason).
    static std::optional<Selector> parse(std::string_view text, SelectorError *error = nullptr);

    const std::string &text() const { return m_text; }
    const SelectorList &ast() const { return m_ast; }
    /// Canonical CSS text (escapes normalised, values quoted), e.g. `div > a.btn[data-x="1"]`.
    std::string canonicalText() const { return toString(m_ast); }

    /// True when the selector matches with `chain[index]` as its subject.
    bool matchesAt(const model::ElementChain &chain, std::size_t index) const
    {
        return m_matcher.matchesAt(chain, index);
    }
    /// Index of the first element (the target is 0) that the selector matches, or -1.
    int matchIndex(const model::ElementChain &chain) const { return m_matcher.matchIndex(chain); }
    bool matches(const model::ElementChain &chain) const { return m_matcher.matches(chain); }

  private:
    Selector(std::string text, SelectorList ast);

    std::string m_text;
    SelectorList m_ast;
    SelectorMatcher m_matcher;
};

} // namespace hindsight::definitions
