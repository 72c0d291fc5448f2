// Import speed (PostHog NDJSON with element chains) against sqlite3's own CSV .import of the
// same rows into one flat table; store size and `stats` time on the 10M demo workspace.
#include "core/capture/eventreader.h"
#include "core/capture/timestamp.h"
#include "core/ingest/importer.h"
#include "core/store/store.h"
#include "tests/benchmarks/benchdata.h"
#include "tests/support/tempdir.h"

#include <benchmark/benchmark.h>
#include <cstdio>
#include <filesystem>
#include <fstream>

using namespace hindsight;
namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kImportEvents = 1'000'000;

void removeStore(const std::string &path)
{
    for (const char *suffix : {"", "-wal", "-shm"})
        fs::remove(path + suffix);
}

void csvField(std::string &out, std::string_view v)
{
    out.push_back('"');
    for (char c : v) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

// The same rows as a user of sqlite3 would lay them out: one flat CSV, one column per field.
std::string flatCsv()
{
    const std::string path = bench::benchDir() + "/demo-" + std::to_string(kImportEvents) + ".csv";
    if (fs::exists(path)) return path;
    std::ofstream out(path + ".tmp", std::ios::binary);
    out << "uuid,timestamp,event,distinct_id,session_id,url,title,referrer,elements_chain,properties\n";
    capture::EventReader reader(bench::demoNdjson(kImportEvents), capture::InputFormat::PostHog);
    std::string line;
    reader.run(
        [&](const model::CapturedEvent &e, std::int64_t) {
            line.clear();
            csvField(line, e.uuid);
            line += ',';
            csvField(line, capture::formatIsoTimestamp(e.timestampMs));
            for (const std::string *f : {&e.type, &e.distinctId, &e.sessionId, &e.url, &e.title, &e.referrer,
                                         &e.chain, &e.properties}) {
                line += ',';
                csvField(line, *f);
            }
            line += '\n';
            out << line;
        },
        [](std::int64_t, const std::string &) {});
    out.close();
    fs::rename(path + ".tmp", path);
    return path;
}

void BM_ImportPostHogNdjson(benchmark::State &state)
{
    const std::string input = bench::demoNdjson(kImportEvents);
    const std::string store = bench::benchDir() + "/import-target.hindsight";
    std::int64_t stored = 0;
    for (auto _ : state) {
        state.PauseTiming();
        removeStore(store);
        state.ResumeTiming();
        std::string error;
        auto s = store::Store::open(store, store::Store::OpenMode::CreateIfMissing, &error);
        ingest::Importer importer(*s);
        const auto report =
            importer.importFile(input, [](const std::string &, std::int64_t, const std::string &) {});
        stored = report.stored;
        if (stored != kImportEvents) state.SkipWithError("not every event was stored");
    }
    state.SetItemsProcessed(state.iterations() * stored);
    state.counters["input_MB"] = static_cast<double>(fs::file_size(input)) / 1e6;
    state.counters["bytes_per_event_in"] =
        static_cast<double>(fs::file_size(input)) / static_cast<double>(kImportEvents);
}
BENCHMARK(BM_ImportPostHogNdjson)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true);

void BM_Sqlite3CsvImportBaseline(benchmark::State &state)
{
    const std::string csv = flatCsv();
    const std::string db = bench::benchDir() + "/sqlite3-baseline.db";
    for (auto _ : state) {
        state.PauseTiming();
        removeStore(db);
        state.ResumeTiming();
        const auto r = test::runProcess({"/usr/bin/sqlite3", db}, ".mode csv\n.import " + csv + " events\n");
        if (r.exitCode != 0) state.SkipWithError(("sqlite3 failed: " + r.err).c_str());
    }
    state.SetItemsProcessed(state.iterations() * kImportEvents);
}
BENCHMARK(BM_Sqlite3CsvImportBaseline)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true);

std::int64_t largeSize()
{
    const char *env = std::getenv("HINDSIGHT_BENCH_LARGE");
    return env && *env ? std::stoll(env) : 10'000'000;
}

void BM_StatsOnLargeWorkspace(benchmark::State &state)
{
    const std::string path = bench::demoStore(largeSize());
    store::StoreStats stats;
    for (auto _ : state) {
        std::string error;
        auto s = store::Store::open(path, store::Store::OpenMode::ReadOnly, &error);
        stats = s->stats();
        benchmark::DoNotOptimize(stats);
    }
    std::int64_t bytes = static_cast<std::int64_t>(fs::file_size(path));
    if (fs::exists(path + "-wal")) bytes += static_cast<std::int64_t>(fs::file_size(path + "-wal"));
    state.counters["interactions"] = static_cast<double>(stats.interactions);
    state.counters["bytes_per_interaction"] =
        static_cast<double>(bytes) / static_cast<double>(stats.interactions);
}
BENCHMARK(BM_StatsOnLargeWorkspace)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);

} // namespace
