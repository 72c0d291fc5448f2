// Responsiveness of the real studio window on a large workspace (issue 6, "Responsiveness"):
// time until the window is usable, the longest stall of the GUI event loop while scrolling,
// filtering and switching views, and the process's peak memory. One benchmark iteration drives
// the window through a fixed scenario; the counters carry the figures.
//
//   build/release/tests/benchmarks/studio/hindsight_studio_benchmarks
//       [--store PATH]   (default: the 10M-interaction benchmark workspace, built on first use)
#include "core/definitions/catalog.h"
#include "core/demo/demodefinitions.h"
#include "core/store/store.h"
#include "tests/benchmarks/benchdata.h"
#include "tests/benchmarks/studio/stallmonitor.h"
#include "tests/benchmarks/studio/studioscenario.h"

#include <QApplication>
#include <QTest>
#include <benchmark/benchmark.h>
#include <cstring>
#include <string>

namespace {

std::string g_store;

/// The scenario charts and edits the demo's definitions. A benchmark workspace generated before
/// the demo had a catalog gets it here (catalog tables only: the interactions, and so the column
/// cache, stay as they are).
bool ensureDemoCatalog(const std::string &path, std::string *error)
{
    auto store = hindsight::store::Store::open(path, hindsight::store::Store::OpenMode::Existing, error);
    if (!store) return false;
    hindsight::definitions::Catalog catalog(*store);
    if (!catalog.list().empty()) return true;
    auto report = catalog.importDefinitions(hindsight::demo::demoDefinitions(),
                                            {"demo", "demo workspace catalog", std::nullopt});
    if (!report.ok) *error = report.error;
    return report.ok;
}

void BM_StudioResponsiveness(benchmark::State &state)
{
    const std::string store = g_store.empty() ? hindsight::bench::demoStore(10'000'000) : g_store;
    std::string error;
    if (!ensureDemoCatalog(store, &error)) {
        state.SkipWithError(("cannot prepare the demo catalog: " + error).c_str());
        return;
    }
    for (auto _ : state) {
        // Baseline in the same run: how late the same timer gets with nothing but an idle event
        // loop (the machine's own noise).
        hindsight::bench::StallMonitor idle;
        idle.start();
        QTest::qWait(2000);
        idle.stop();
        state.counters["baseline_idle_stall_ms"] = idle.longestMs();
        const hindsight::bench::ScenarioResult r =
            hindsight::bench::runStudioScenario(QString::fromStdString(store));
        if (!r.error.isEmpty()) {
            state.SkipWithError(r.error.toStdString().c_str());
            return;
        }
        state.counters["usable_ms"] = r.usableMs;
        state.counters["longest_stall_ms"] = r.longestStallMs;
        state.counters["stall_p99_ms"] = r.stallP99Ms;
        state.counters["stalls_over_100ms"] = r.stallsOver100;
        state.counters["definitions_ms"] = r.definitionsMs;
        state.counters["first_filter_ms"] = r.firstFilterMs;
        state.counters["filter_ms"] = r.filterMs;
        state.counters["peak_rss_mb"] = r.peakRssMb;
        for (const auto &[step, ms] : r.stepStallMs)
            state.counters["stall_" + step.toStdString() + "_ms"] = ms;
        for (const auto &[step, mb] : r.stepPeakRssMb)
            state.counters["peak_rss_after_" + step.toStdString() + "_mb"] = mb;
    }
}
BENCHMARK(BM_StudioResponsiveness)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

} // namespace

int main(int argc, char **argv)
{
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--store") == 0) {
            g_store = argv[i + 1];
            for (int j = i; j + 2 < argc; ++j)
                argv[j] = argv[j + 2];
            argc -= 2;
            break;
        }
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("hindsight-studio-bench"));
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
