#pragma once

#include "core/demo/demogenerator.h"

#include <atomic>
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
    std::int64_t definitions = 0; ///< definitions added to the catalog
    bool cancelled = false;
    std::string error; ///< also set when the generator refuses the options
};

/// How buildDemoWorkspace() reports and stops.
struct DemoBuildControl
{
    std::int64_t batch = 100'000;               ///< interactions per transaction and per progress call
    const std::atomic<bool> *cancel = nullptr;  ///< checked before every interaction
    std::function<void(std::int64_t)> progress; ///< interactions written so far, after each batch
};

/// Generates the demo stream straight into `store` through the same writer an import uses,
/// in batches; whole batches written before a cancel are kept. When all is written, the demo's
/// definitions catalog (demoDefinitions()) is added in one transaction.
DemoBuildResult buildDemoWorkspace(store::Store &store, const DemoOptions &options,
                                   const DemoBuildControl &control = {});

} // namespace hindsight::demo
