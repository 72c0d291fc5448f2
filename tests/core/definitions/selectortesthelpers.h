#pragma once

// Helpers shared by the selector tests: chains from PostHog `$elements_chain` text.

#include "core/capture/elementchain.h"
#include "core/definitions/selector.h"

#include <gtest/gtest.h>
#include <string_view>

namespace hindsight::definitions::test {

inline model::ElementChain chainOf(std::string_view text)
{
    model::ElementChain chain;
    capture::ChainError error;
    if (!capture::parseElementsChain(text, chain, &error))
        ADD_FAILURE() << "bad test chain '" << text << "' at " << error.position << ": " << error.reason;
    return chain;
}

/// Index of the first element the selector matches (-1 for none); -2 when the selector is refused.
inline int matchIndexOf(std::string_view selector, const model::ElementChain &chain)
{
    SelectorError error;
    auto s = Selector::parse(selector, &error);
    if (!s) {
        ADD_FAILURE() << "selector '" << selector << "' refused at " << error.position << ": "
                      << error.reason;
        return -2;
    }
    return s->matchIndex(chain);
}

inline bool selects(std::string_view selector, std::string_view chain)
{
    return matchIndexOf(selector, chainOf(chain)) >= 0;
}

} // namespace hindsight::definitions::test
