#pragma once

#include "core/privacy/detectortype.h"

#include <cstdint>
#include <initializer_list>

namespace hindsight::privacy {

/// Which detectors run and which findings are kept.
struct DetectOptions
{
    /// One bit per DetectorType; all detectors by default.
    std::uint32_t types = (1u << kAllDetectorTypes.size()) - 1u;
    /// Findings with a lower confidence are dropped.
    double minConfidence = 0.0;

    static std::uint32_t bit(DetectorType t) { return 1u << static_cast<unsigned>(t); }
    bool enabled(DetectorType t) const { return (types & bit(t)) != 0; }

    /// Options that run only the given detectors.
    static DetectOptions only(std::initializer_list<DetectorType> list)
    {
        DetectOptions o;
        o.types = 0;
        for (DetectorType t : list)
            o.types |= bit(t);
        return o;
    }
};

} // namespace hindsight::privacy
