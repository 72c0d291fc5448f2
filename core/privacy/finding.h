#pragma once

#include "core/privacy/detectortype.h"

#include <cstddef>

namespace hindsight::privacy {

/// One piece of personal data found in a text.
struct Finding
{
    DetectorType type = DetectorType::Email;
    std::size_t start = 0; ///< byte offset into the UTF-8 input
    std::size_t end = 0;   ///< byte offset one past the last byte (exclusive)
    double confidence = 0; ///< 0..1; context words near the value raise it

    std::size_t length() const { return end - start; }
    bool operator==(const Finding &) const = default;
};

} // namespace hindsight::privacy
