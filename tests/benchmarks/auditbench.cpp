// Field audit speed on the 10-million-interaction demo workspace (target: at most 10 s).
// The audit is one scan of the interactions table plus detection over the distinct values, so
// wall-clock time is what counts (it runs on several threads): UseRealTime. Also how soon an
// audit on the studio's one thread stops once it is cancelled (a newer job, the studio closing).
//
//   build/<dir>/tests/benchmarks/hindsight_benchmarks --benchmark_filter=Audit
#include "core/privacy/fieldaudit.h"
#include "core/store/database.h"
#include "core/store/store.h"
#include "tests/benchmarks/benchdata.h"

#include <atomic>
#include <benchmark/benchmark.h>
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

using namespace hindsight;

namespace {

namespace fs = std::filesystem;

/// The demo store, readable by this build. A store written by an older build (an older schema
/// version) is not migrated in place, since other benchmarks share it: it is copied once to
/// audit-demo-N.hindsight next to it and the copy is migrated.
std::string auditableDemoStore(std::int64_t n, std::string &error)
{
    const std::string shared = bench::demoStore(n);
    if (store::Store::open(shared, store::Store::OpenMode::ReadOnly, &error)) return shared;
    const std::string copy = bench::benchDir() + "/audit-demo-" + std::to_string(n) + ".hindsight";
    std::error_code ec;
    if (!fs::exists(copy) || fs::last_write_time(copy, ec) < fs::last_write_time(shared, ec)) {
        for (const char *suffix : {"", "-wal", "-shm"})
            fs::remove(copy + suffix, ec);
        // A consistent copy, read through a read-only connection (the shared file is not changed).
        store::Database source;
        if (!source.open(shared, store::Database::Mode::ReadOnly) ||
            !source.exec("VACUUM INTO '" + copy + "'")) {
            error = "cannot copy " + shared + ": " + source.error();
            return {};
        }
    }
    if (!store::Store::open(copy, store::Store::OpenMode::Existing, &error)) return {};
    return copy;
}

/// The 10M demo store, read-only; nullptr (and the benchmark skipped with the reason) when it
/// cannot be had.
std::unique_ptr<store::Store> openDemoStore10M(benchmark::State &state)
{
    std::string error;
    const std::string path = auditableDemoStore(10'000'000, error);
    auto s = path.empty() ? nullptr : store::Store::open(path, store::Store::OpenMode::ReadOnly, &error);
    if (!s) state.SkipWithError(error.c_str());
    return s;
}

void BM_AuditDemoStore10M(benchmark::State &state)
{
    std::string error;
    const auto s = openDemoStore10M(state);
    if (!s) return;
    privacy::FieldAuditOptions options;
    options.threads = static_cast<int>(state.range(0));
    std::int64_t interactions = 0, findings = 0, fields = 0;
    for (auto _ : state) {
        const auto report = privacy::auditFields(*s, options, &error);
        if (!report) {
            state.SkipWithError(error.c_str());
            return;
        }
        interactions = report->interactions;
        findings = report->findingCount();
        fields = static_cast<std::int64_t>(report->fields.size());
        benchmark::DoNotOptimize(report->fields.data());
    }
    state.counters["interactions"] = static_cast<double>(interactions);
    state.counters["fields"] = static_cast<double>(fields);
    state.counters["findings"] = static_cast<double>(findings);
}

// Arg = worker threads (0 = one per core).
BENCHMARK(BM_AuditDemoStore10M)
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1)
    ->Repetitions(3);

/// Time from the cancel request to auditFields() returning, for an audit on one thread (as the
/// studio runs it) cancelled `Arg` ms after it started: 300 ms lands in the scan of the
/// interactions, 3000 ms in the detection over the dictionaries.
void BM_AuditCancelLatency10M(benchmark::State &state)
{
    using Clock = std::chrono::steady_clock;
    std::string error;
    const auto s = openDemoStore10M(state);
    if (!s) return;
    const auto after = std::chrono::milliseconds(state.range(0));
    for (auto _ : state) {
        std::atomic<bool> cancel{false};
        Clock::time_point requested;
        privacy::FieldAuditOptions options;
        options.threads = 1;
        options.cancelled = [&cancel] { return cancel.load(); };
        std::thread canceller([&] {
            std::this_thread::sleep_for(after);
            requested = Clock::now();
            cancel = true;
        });
        const auto report = privacy::auditFields(*s, options, &error);
        const Clock::time_point returned = Clock::now();
        canceller.join();
        if (report) {
            state.SkipWithError("the audit ended before it was cancelled");
            return;
        }
        if (error != privacy::kAuditCancelled) {
            state.SkipWithError(error.c_str());
            return;
        }
        state.SetIterationTime(std::chrono::duration<double>(returned - requested).count());
    }
}

BENCHMARK(BM_AuditCancelLatency10M)
    ->Arg(300)
    ->Arg(3000)
    ->Unit(benchmark::kMillisecond)
    ->UseManualTime()
    ->Iterations(1)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);

} // namespace
