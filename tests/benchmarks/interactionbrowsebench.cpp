// The studio's interactions browser on the 10M demo workspace: a filter's count plus its first page
// of 200 ids (what the table shows first), and the Elements tab (distinct elements with people,
// pages and sparklines, first 200). Each measurement compiles the filter too, as the studio does on
// every change. The index is loaded once (through the column cache) and shared; the store is only
// read.
#include "core/definitions/interactionbrowse.h"
#include "core/definitions/interactionindex.h"
#include "core/store/store.h"
#include "tests/benchmarks/benchdata.h"

#include <benchmark/benchmark.h>
#include <cstdlib>
#include <iostream>

using namespace hindsight;
using namespace hindsight::definitions;

namespace {

std::int64_t browseBenchSize()
{
    const char *env = std::getenv("HINDSIGHT_BENCH_LARGE");
    return env && *env ? std::stoll(env) : 10'000'000;
}

struct Workspace
{
    std::unique_ptr<store::Store> store;
    std::unique_ptr<InteractionIndex> index;
};

Workspace &demo()
{
    static Workspace w = [] {
        Workspace x;
        std::string error;
        x.store =
            store::Store::open(bench::demoStore(browseBenchSize()), store::Store::OpenMode::ReadOnly, &error);
        if (!x.store) {
            std::cerr << error << "\n";
            std::abort();
        }
        x.index = InteractionIndex::load(*x.store, &error);
        if (!x.index) {
            std::cerr << error << "\n";
            std::abort();
        }
        return x;
    }();
    return w;
}

/// A person with many interactions and a session of theirs: taken from the newest interaction.
std::pair<std::string, std::string> someoneBusy()
{
    static const auto found = [] {
        const auto newest = demo().store->newest(1);
        return newest.empty() ? std::pair<std::string, std::string>{}
                              : std::pair{newest.front().distinctId, newest.front().sessionId};
    }();
    return found;
}

BrowseFilter filterNamed(int which)
{
    BrowseFilter f;
    switch (which) {
    case 0: // no filter but the time range: the last 30 days
        f.range.fromMs = demo().index->timestampMs(demo().index->size() - 1) - 30LL * 86'400'000;
        break;
    case 1:
        f.eventTypes = {"click"};
        break;
    case 2:
        f.selector = "button";
        break;
    case 3:
        f.selector = "#add-to-cart";
        break;
    case 4:
        f.text = "add";
        break;
    case 5:
        f.page = "/product/*";
        break;
    case 6:
        f.eventTypes = {"click"};
        f.page = "/product/*";
        f.selector = "main button";
        f.text = "cart";
        break;
    case 7:
        f.person = someoneBusy().first;
        break;
    case 8:
        f.session = someoneBusy().second;
        break;
    default:
        break;
    }
    return f;
}

const char *filterLabel(int which)
{
    static const char *labels[] = {
        "last 30 days", "type=click",      "selector=button",          "selector=#add-to-cart",
        "text=add",     "page=/product/*", "click+page+selector+text", "person",
        "session"};
    return labels[which];
}

void BM_BrowseCountAndFirstPage(benchmark::State &state)
{
    Workspace &w = demo();
    const BrowseFilter f = filterNamed(static_cast<int>(state.range(0)));
    state.SetLabel(filterLabel(static_cast<int>(state.range(0))));
    std::int64_t matches = 0;
    for (auto _ : state) {
        BrowseError error;
        auto q = BrowseQuery::compile(*w.index, f, w.store.get(), &error);
        if (!q) {
            state.SkipWithError(error.message().c_str());
            return;
        }
        matches = q->count();
        auto ids = q->page(0, 200);
        benchmark::DoNotOptimize(ids.data());
    }
    state.counters["matches"] = static_cast<double>(matches);
}
BENCHMARK(BM_BrowseCountAndFirstPage)
    ->DenseRange(0, 8)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);

void BM_BrowseElementGroups(benchmark::State &state)
{
    Workspace &w = demo();
    const int which = static_cast<int>(state.range(0));
    const BrowseFilter f = which < 0 ? BrowseFilter{} : filterNamed(which);
    state.SetLabel(which < 0 ? "all time, no filter" : filterLabel(which));
    std::size_t groups = 0;
    for (auto _ : state) {
        BrowseError error;
        auto q = BrowseQuery::compile(*w.index, f, w.store.get(), &error);
        if (!q) {
            state.SkipWithError(error.message().c_str());
            return;
        }
        const ElementGroups g = q->elementGroups(0, 200);
        groups = g.totalGroups;
        benchmark::DoNotOptimize(g.groups.data());
    }
    state.counters["elements"] = static_cast<double>(groups);
}
BENCHMARK(BM_BrowseElementGroups)
    ->Arg(-1)
    ->Arg(0)
    ->Arg(1)
    ->Arg(2)
    ->Arg(4)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);

} // namespace
