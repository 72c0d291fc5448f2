#include "core/definitions/elementcondition.h"

#include <utility>

namespace hindsight::definitions {

ElementCondition::ElementCondition(std::optional<Selector> selector, std::optional<TextMatcher> text,
                                   std::optional<TextMatcher> href)
    : m_selector(std::move(selector)), m_text(std::move(text)), m_href(std::move(href))
{
}

bool ElementCondition::matchesAt(const model::ElementChain &chain, std::size_t index) const
{
    if (index >= chain.size()) return false;
    const model::Element &element = chain[index];
    // Cheapest first: text and href look at one element, the selector may look at ancestors.
    if (m_text && (element.text.empty() || !m_text->matches(element.text))) return false;
    if (m_href && (element.href.empty() || !m_href->matches(element.href))) return false;
    return !m_selector || m_selector->matchesAt(chain, index);
}

int ElementCondition::matchIndex(const model::ElementChain &chain) const
{
    for (std::size_t i = 0; i < chain.size(); ++i)
        if (matchesAt(chain, i)) return static_cast<int>(i);
    return -1;
}

} // namespace hindsight::definitions
