// Retroactive answers to a new definition on the 10M demo workspace: loading the columnar index
// (from SQLite, and from the column cache file), compiling a definition, its total and its daily
// series over all history; and, in the same run, the same definition as plain SQL over one flat
// table of the same interactions, as a user of sqlite3 would write it.
#include "core/definitions/answers.h"
#include "core/definitions/compileddefinition.h"
#include "core/definitions/interactionindex.h"
#include "core/store/store.h"
#include "tests/benchmarks/benchdata.h"

#include <benchmark/benchmark.h>
#include <filesystem>
#include <iostream>
#include <sqlite3.h>

using namespace hindsight;
using namespace hindsight::definitions;
namespace fs = std::filesystem;

namespace {

std::int64_t benchSize()
{
    const char *env = std::getenv("HINDSIGHT_BENCH_LARGE");
    return env && *env ? std::stoll(env) : 10'000'000;
}

std::unique_ptr<store::Store> openDemo()
{
    std::string error;
    // Existing (not ReadOnly): a store of an older schema version is upgraded first.
    auto s = store::Store::open(bench::demoStore(benchSize()), store::Store::OpenMode::Existing, &error);
    if (!s) {
        std::cerr << error << "\n";
        std::abort();
    }
    return s;
}

/// Loaded once for the query benchmarks (through the column cache).
const InteractionIndex &sharedIndex()
{
    static std::unique_ptr<InteractionIndex> index = [] {
        auto s = openDemo();
        std::string error;
        auto x = InteractionIndex::load(*s, &error);
        if (!x) {
            std::cerr << error << "\n";
            std::abort();
        }
        return x;
    }();
    return *index;
}

/// A new definition a user would make in the demo shop: clicks on a button reading "Add to cart"
/// on a product page.
Definition addToCart()
{
    Step s;
    s.eventTypes = {"click"};
    s.selector = "button";
    s.text = TextCriterion{"Add to cart", TextMatchMode::Exact, true};
    s.url = UrlCriterion{"*/product/*", TextMatchMode::Wildcard, true, UrlScope::Full};
    Definition d;
    d.name = "Add to cart clicked";
    d.steps = {s};
    return d;
}

// The same definition as a sqlite3 user would write it over one flat table.
constexpr const char *kFlatWhere =
    "type = 'click' AND chain LIKE '%button%text=\"Add to cart\"%' AND url GLOB '*/product/*'";

CompiledDefinition compiled(const InteractionIndex &index)
{
    CompileError error;
    auto c = CompiledDefinition::compile(addToCart(), index, {}, &error);
    if (!c) {
        std::cerr << error.message() << "\n";
        std::abort();
    }
    return std::move(*c);
}

void BM_IndexLoadFromSqlite(benchmark::State &state)
{
    auto s = openDemo();
    std::size_t rows = 0;
    for (auto _ : state) {
        std::string error;
        auto index = InteractionIndex::loadWithoutCache(*s, &error);
        if (!index) state.SkipWithError(error.c_str());
        rows = index ? index->size() : 0;
    }
    state.counters["interactions"] = static_cast<double>(rows);
}
BENCHMARK(BM_IndexLoadFromSqlite)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true);

void BM_IndexLoadFromColumnCache(benchmark::State &state)
{
    auto s = openDemo();
    {
        std::string error;
        auto warm = InteractionIndex::load(*s, &error); // writes the cache when there is none
    }
    bool fromCache = true;
    for (auto _ : state) {
        std::string error;
        auto index = InteractionIndex::load(*s, &error);
        if (!index) state.SkipWithError(error.c_str());
        fromCache = fromCache && index && index->loadInfo().fromCache;
    }
    if (!fromCache) state.SkipWithError("the column cache was not used");
    const std::string cache = InteractionIndex::cachePathFor(s->path());
    state.counters["cache_MB"] = fs::exists(cache) ? static_cast<double>(fs::file_size(cache)) / 1e6 : 0.0;
}
BENCHMARK(BM_IndexLoadFromColumnCache)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);

void BM_CompileDefinition(benchmark::State &state)
{
    const InteractionIndex &index = sharedIndex();
    for (auto _ : state) {
        auto c = compiled(index);
        benchmark::DoNotOptimize(c);
    }
}
BENCHMARK(BM_CompileDefinition)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

void BM_DefinitionTotals(benchmark::State &state)
{
    const InteractionIndex &index = sharedIndex();
    const CompiledDefinition def = compiled(index);
    Totals t;
    for (auto _ : state) {
        t = totals(index, def);
        benchmark::DoNotOptimize(t);
    }
    state.counters["matches"] = static_cast<double>(t.count);
    state.counters["people"] = static_cast<double>(t.people);
    state.counters["sessions"] = static_cast<double>(t.sessions);
    state.counters["share_pct"] = 100.0 * static_cast<double>(t.count) / static_cast<double>(index.size());
}
BENCHMARK(BM_DefinitionTotals)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Repetitions(10)
    ->ReportAggregatesOnly(true);

void BM_DefinitionDailySeries(benchmark::State &state)
{
    const InteractionIndex &index = sharedIndex();
    const CompiledDefinition def = compiled(index);
    std::size_t days = 0;
    std::int64_t sum = 0;
    for (auto _ : state) {
        std::string error;
        const auto points = series(index, def, Granularity::Day, {}, "", &error);
        if (!points) state.SkipWithError(error.c_str());
        days = points ? points->size() : 0;
        sum = 0;
        if (points)
            for (const auto &p : *points)
                sum += p.count;
    }
    state.counters["days"] = static_cast<double>(days);
    state.counters["matches"] = static_cast<double>(sum);
}
BENCHMARK(BM_DefinitionDailySeries)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Repetitions(10)
    ->ReportAggregatesOnly(true);

void BM_DefinitionDailySeriesBerlin(benchmark::State &state)
{
    const InteractionIndex &index = sharedIndex();
    const CompiledDefinition def = compiled(index);
    for (auto _ : state) {
        std::string error;
        auto points = series(index, def, Granularity::Day, {}, "Europe/Berlin", &error);
        benchmark::DoNotOptimize(points);
    }
}
BENCHMARK(BM_DefinitionDailySeriesBerlin)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);

// ---- the obvious alternative: one flat table in SQLite ----

struct Sqlite
{
    sqlite3 *db = nullptr;
    ~Sqlite() { sqlite3_close(db); }
    bool exec(const std::string &sql)
    {
        char *message = nullptr;
        if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) == SQLITE_OK) return true;
        std::cerr << "sqlite: " << (message ? message : "?") << "\n";
        sqlite3_free(message);
        return false;
    }
};

/// The interactions of the demo store as one flat table (text columns, no dictionaries), built
/// once and reused like the other bench data.
std::string flatDb()
{
    const std::string path = bench::benchDir() + "/flat-" + std::to_string(benchSize()) + ".db";
    if (fs::exists(path)) return path;
    std::cerr << "building " << path << " (once)\n";
    const std::string temp = path + ".tmp";
    fs::remove(temp);
    Sqlite s;
    if (sqlite3_open(temp.c_str(), &s.db) != SQLITE_OK) std::abort();
    const std::string store = bench::demoStore(benchSize());
    const bool ok =
        s.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;") &&
        s.exec("ATTACH DATABASE 'file:" + store + "?mode=ro' AS s") &&
        s.exec(
            "CREATE TABLE flat(ts INTEGER, type TEXT, distinct_id TEXT, session TEXT, url TEXT, chain TEXT, "
            "properties TEXT)") &&
        s.exec("INSERT INTO flat SELECT i.id >> 20, t.name, d.distinct_id, se.session_key, u.url, c.chain, "
               "p.json "
               "FROM s.interactions i JOIN s.event_types t ON t.id = i.type "
               "JOIN s.distinct_ids d ON d.id = i.distinct_id LEFT JOIN s.sessions se ON se.id = i.session "
               "LEFT JOIN s.urls u ON u.id = i.url LEFT JOIN s.chains c ON c.id = i.chain "
               "LEFT JOIN s.properties p ON p.id = i.properties ORDER BY i.id") &&
        s.exec("DETACH DATABASE s");
    if (!ok) std::abort();
    sqlite3_close(s.db);
    s.db = nullptr;
    fs::rename(temp, path);
    return path;
}

std::vector<std::int64_t> runFlat(sqlite3 *db, const std::string &sql)
{
    sqlite3_stmt *st = nullptr;
    std::vector<std::int64_t> out;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
        std::cerr << sqlite3_errmsg(db) << "\n";
        return out;
    }
    while (sqlite3_step(st) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count(st); ++c)
            out.push_back(sqlite3_column_int64(st, c));
    sqlite3_finalize(st);
    return out;
}

void BM_FlatSqlTotals(benchmark::State &state)
{
    const std::string path = flatDb();
    Sqlite s;
    sqlite3_open_v2(path.c_str(), &s.db, SQLITE_OPEN_READONLY, nullptr);
    s.exec("PRAGMA cache_size = -65536");
    std::vector<std::int64_t> r;
    for (auto _ : state)
        r = runFlat(s.db, std::string("SELECT count(*), count(DISTINCT distinct_id), count(DISTINCT session) "
                                      "FROM flat WHERE ") +
                              kFlatWhere);
    if (r.size() == 3) {
        state.counters["matches"] = static_cast<double>(r[0]);
        state.counters["distinct_ids"] = static_cast<double>(r[1]);
        state.counters["sessions"] = static_cast<double>(r[2]);
    }
}
BENCHMARK(BM_FlatSqlTotals)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true);

void BM_FlatSqlDailySeries(benchmark::State &state)
{
    const std::string path = flatDb();
    Sqlite s;
    sqlite3_open_v2(path.c_str(), &s.db, SQLITE_OPEN_READONLY, nullptr);
    s.exec("PRAGMA cache_size = -65536");
    std::vector<std::int64_t> r;
    for (auto _ : state)
        r = runFlat(s.db, std::string("SELECT date(ts / 1000, 'unixepoch') AS d, count(*) FROM flat WHERE ") +
                              kFlatWhere + " GROUP BY d");
    std::int64_t sum = 0;
    for (std::size_t i = 1; i < r.size(); i += 2)
        sum += r[i];
    state.counters["days"] = static_cast<double>(r.size() / 2);
    state.counters["matches"] = static_cast<double>(sum);
}
BENCHMARK(BM_FlatSqlDailySeries)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true);

} // namespace
