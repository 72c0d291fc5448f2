#pragma once

#include "core/definitions/selector.h"
#include "core/definitions/textmatcher.h"
#include "core/model/element.h"

#include <cstddef>
#include <optional>

namespace hindsight::definitions {

/// The element part of a definition: an optional CSS selector, an optional text matcher and an
/// optional href matcher. A chain satisfies the condition when ONE of its elements — the target
/// or one of its ancestors — satisfies every present part at once: it is a subject of the
/// selector, its text matches, and its href matches. So a click on a `<span>` inside
/// `<button class="buy">Buy</button>` satisfies {selector `button.buy`, text exactly "Buy"}.
///
/// An element with no text (or no href) never satisfies a text (or href) matcher. A condition
/// with no parts is satisfied by any non-empty chain (its target). Matching is const,
/// thread-safe and does not allocate for selectors and non-regex text matchers.
class ElementCondition
{
  public:
    ElementCondition() = default;
    ElementCondition(std::optional<Selector> selector, std::optional<TextMatcher> text,
                     std::optional<TextMatcher> href);

    const std::optional<Selector> &selector() const { return m_selector; }
    const std::optional<TextMatcher> &text() const { return m_text; }
    const std::optional<TextMatcher> &href() const { return m_href; }
    bool isEmpty() const { return !m_selector && !m_text && !m_href; }

    /// True when `chain[index]` satisfies every present part.
    bool matchesAt(const model::ElementChain &chain, std::size_t index) const;
    /// Index of the first satisfying element (the target is 0), or -1.
    int matchIndex(const model::ElementChain &chain) const;
    bool matches(const model::ElementChain &chain) const { return matchIndex(chain) >= 0; }

  private:
    std::optional<Selector> m_selector;
    std::optional<TextMatcher> m_text;
    std::optional<TextMatcher> m_href;
};

} // namespace hindsight::definitions
