#include "core/demo/demoworkspace.h"

#include "core/definitions/catalog.h"
#include "core/demo/demodefinitions.h"
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
    if (!result.error.empty() || result.cancelled) return result;

    // The catalog a team would have by now: deliberately messy (see demodefinitions.h).
    definitions::Catalog catalog(store);
    const auto report =
        catalog.importDefinitions(demoDefinitions(), {"demo", "demo workspace catalog", std::nullopt});
    if (!report) result.error = "cannot add the demo definitions: " + report.error;
    result.definitions = static_cast<std::int64_t>(report.added.size() + report.changed.size());
    return result;
}

} // namespace hindsight::demo
