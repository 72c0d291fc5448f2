#pragma once

#include "core/demo/demogenerator.h"

#include <cstdint>
#include <functional>
#include <string>

namespace hindsight::store {
class Store;
}

namespace hindsight::demo {

struct DemoBuildResult
{
    std::int64_t stored = 0;
    std::string error;
};

/// Generates the demo stream straight into `store` through the same writer an import uses,
/// in batches, calling `progress` with the number of interactions written so far.
DemoBuildResult buildDemoWorkspace(store::Store &store, const DemoOptions &options,
                                   const std::function<void(std::int64_t)> &progress = {});

} // namespace hindsight::demo
