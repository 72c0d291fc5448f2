#include "core/demo/demoworkspace.h"

#include "core/store/store.h"
#include "core/store/storewriter.h"

namespace hindsight::demo {

DemoBuildResult buildDemoWorkspace(store::Store &store, const DemoOptions &options,
                                   const std::function<void(std::int64_t)> &progress)
{
    DemoBuildResult result;
    store::StoreWriter writer(store);
    std::int64_t seen = 0;
    DemoGenerator(options).generate([&](const model::CapturedEvent &e) {
        writer.add(e);
        if (writer.failed()) {
            result.error = writer.error();
            return false;
        }
        if (++seen % 100'000 == 0) {
            if (!writer.commit()) {
                result.error = writer.error();
                return false;
            }
            if (progress) progress(seen);
        }
        return true;
    });
    if (result.error.empty() && !writer.commit()) result.error = writer.error();
    result.stored = writer.totals().stored;
    return result;
}

} // namespace hindsight::demo
