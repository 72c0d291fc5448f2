// Duplicates by meaning (`hindsight lint` on a workspace): every definition is scanned over the
// columnar index and pairs are compared by their matched interactions. Measured on the 10M demo
// workspace with the demo catalog (20 definitions) and with 1,000 definitions generated from
// the elements the store really holds (each target element's id, classes and data-track
// attribute, with and without an event type and a page), so that many pairs overlap.
#include "core/definitions/compileddefinition.h"
#include "core/definitions/interactionindex.h"
#include "core/definitions/meaningduplicates.h"
#include "core/demo/demodefinitions.h"
#include "core/store/store.h"
#include "tests/benchmarks/benchdata.h"

#include <algorithm>
#include <benchmark/benchmark.h>
#include <cctype>
#include <iostream>
#include <map>
#include <set>

using namespace hindsight;
using namespace hindsight::definitions;

namespace {

std::int64_t benchSize()
{
    const char *env = std::getenv("HINDSIGHT_BENCH_LARGE");
    return env && *env ? std::stoll(env) : 10'000'000;
}

struct Loaded
{
    std::unique_ptr<store::Store> store;
    std::unique_ptr<InteractionIndex> index;
};

const Loaded &loaded()
{
    static const Loaded l = [] {
        Loaded out;
        std::string error;
        out.store =
            store::Store::open(bench::demoStore(benchSize()), store::Store::OpenMode::Existing, &error);
        if (out.store) out.index = InteractionIndex::load(*out.store, &error);
        if (!out.index) {
            std::cerr << error << "\n";
            std::abort();
        }
        return out;
    }();
    return l;
}

bool plainWord(const std::string &s)
{
    if (s.empty()) return false;
    for (const char c : s)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')) return false;
    return !std::isdigit(static_cast<unsigned char>(s.front()));
}

/// The demo catalog plus definitions made from the store's own elements, `count` in all.
std::vector<Definition> definitionsFor(const InteractionIndex &index, std::size_t count)
{
    std::vector<Definition> out = demo::demoDefinitions();
    std::set<std::string> selectors;
    for (const auto &chain : index.dictionaries().chains) {
        if (chain.empty() || !plainWord(chain.front().tag)) continue;
        const model::Element &t = chain.front();
        if (plainWord(t.id)) selectors.insert(t.tag + "#" + t.id);
        for (const auto &c : t.classes)
            if (plainWord(c)) selectors.insert(t.tag + "." + c);
        for (const auto &[key, value] : t.attributes)
            if (key == "data-track" && plainWord(value))
                selectors.insert(t.tag + "[data-track=\"" + value + "\"]");
    }
    std::map<std::string, std::size_t> pathCounts;
    for (const auto &url : index.dictionaries().urls)
        if (!url.path.empty()) ++pathCounts[url.path.substr(0, url.path.find('/', 1))];
    std::vector<std::pair<std::size_t, std::string>> paths;
    for (const auto &[path, n] : pathCounts)
        paths.emplace_back(n, path);
    std::sort(paths.rbegin(), paths.rend());
    paths.resize(std::min<std::size_t>(paths.size(), 4));

    std::size_t serial = 0;
    for (int variant = 0; out.size() < count && variant < 10; ++variant)
        for (const auto &selector : selectors) {
            if (out.size() >= count) break;
            Step s;
            s.selector = selector;
            if (variant % 2 == 1) s.eventTypes = {"click"};
            if (variant >= 2) {
                const auto &path = paths[static_cast<std::size_t>(variant / 2 - 1) % paths.size()].second;
                s.url = UrlCriterion{path + "*", TextMatchMode::Wildcard, true, UrlScope::Path};
            }
            Definition d;
            d.name = "generated " + std::to_string(++serial);
            d.steps.push_back(std::move(s));
            out.push_back(std::move(d));
        }
    return out;
}

void BM_MeaningDuplicates(benchmark::State &state)
{
    const Loaded &l = loaded();
    const auto defs = definitionsFor(*l.index, static_cast<std::size_t>(state.range(0)));
    const DefinitionLookup lookup = [&defs](std::string_view name) -> const Definition * {
        for (const auto &d : defs)
            if (d.name == name) return &d;
        return nullptr;
    };
    std::vector<CompiledDefinition> compiled;
    for (const auto &d : defs) {
        CompileError error;
        if (auto c = CompiledDefinition::compile(d, *l.index, lookup, &error))
            compiled.push_back(std::move(*c));
    }
    std::vector<const CompiledDefinition *> pointers;
    for (const auto &c : compiled)
        pointers.push_back(&c);
    MeaningDuplicateReport report;
    for (auto _ : state) {
        report = findMeaningDuplicates(*l.index, pointers);
        benchmark::DoNotOptimize(report.pairs.data());
    }
    state.counters["definitions"] = static_cast<double>(pointers.size());
    state.counters["rows"] = static_cast<double>(l.index->size());
    state.counters["candidates"] = static_cast<double>(report.candidatePairs);
    state.counters["pairs"] = static_cast<double>(report.pairs.size());
    state.counters["rescanned"] = static_cast<double>(report.rescanned);
}
BENCHMARK(BM_MeaningDuplicates)->Arg(20)->Arg(1000)->Unit(benchmark::kMillisecond)->Iterations(1);

} // namespace
