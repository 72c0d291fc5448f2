#include "core/demo/demoworkspace.h"

#include "core/store/store.h"
#include "core/store/storewriter.h"

#include <optional>
#include <stdexcept>

namespace hindsight::demo {

DemoBuildResult buildDemoWorkspace(store::Store &store, const DemoOptions &options,
                                   const DemoBuildControl &control)
{
    DemoBuildResult result;
    std::optional<DemoGenerator> generator;
    try {
        generator.emplace(options);
    } catch (const std::invalid_argument &e) {
        result.error = e.what();
        return result;
    }
    store::StoreWriter writer(store);
    std::int64_t seen = 0;
    generator->generate([&](const model::CapturedEvent &e) {
        if (control.cancel && control.cancel->load(std::memory_order_relaxed)) {
            result.cancelled = true;
            return false;
        }
        writer.add(e);
        if (writer.failed()) {
            result.error = writer.error();
            return false;
        }
        if (++seen % control.batch == 0) {
            if (!writer.commit()) {
                result.error = writer.error();
                return false;
            }
            if (control.progress) control.progress(seen);
        }
        return true;
    });
    if (result.error.empty() && !writer.commit()) result.error = writer.error();
    result.stored = writer.totals().stored;
    return result;
}

} // namespace hindsight::demo
