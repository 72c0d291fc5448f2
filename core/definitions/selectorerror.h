#pragma once

#include <cstddef>
#include <string>

namespace hindsight::definitions {

/// Why a CSS selector was refused, and where: `position` is a 0-based byte offset into the
/// selector text as given.
struct SelectorError
{
    std::size_t position = 0;
    std::string reason;
};

} // namespace hindsight::definitions
