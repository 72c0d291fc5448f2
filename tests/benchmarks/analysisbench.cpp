// Catalog-wide analyses on the 10M demo workspace: coverage and health of a catalog of 30
// definitions a team would write for the demo shop, funnels, "which definitions match" and the
// point-and-click suggestion with its preview. The index is loaded once (through the column
// cache) and shared; compiling the catalog is measured on its own.
#include "core/definitions/answers.h"
#include "core/definitions/compileddefinition.h"
#include "core/definitions/coverage.h"
#include "core/definitions/definitionhealth.h"
#include "core/definitions/funnel.h"
#include "core/definitions/interactionindex.h"
#include "core/definitions/selectorsuggester.h"
#include "core/definitions/suggestionpreview.h"
#include "core/definitions/whichmatch.h"
#include "core/store/store.h"
#include "tests/benchmarks/benchdata.h"

#include <benchmark/benchmark.h>
#include <cstdlib>
#include <iostream>

using namespace hindsight;
using namespace hindsight::definitions;

namespace {

std::int64_t analysisBenchSize()
{
    const char *env = std::getenv("HINDSIGHT_BENCH_LARGE");
    return env && *env ? std::stoll(env) : 10'000'000;
}

const InteractionIndex &demoIndex()
{
    static std::unique_ptr<InteractionIndex> index = [] {
        std::string error;
        auto s = store::Store::open(bench::demoStore(analysisBenchSize()), store::Store::OpenMode::Existing,
                                    &error);
        if (!s) {
            std::cerr << error << "\n";
            std::abort();
        }
        auto x = InteractionIndex::load(*s, &error);
        if (!x) {
            std::cerr << error << "\n";
            std::abort();
        }
        return x;
    }();
    return *index;
}

Step step(std::vector<std::string> types, std::optional<std::string> selector,
          std::optional<TextCriterion> text = std::nullopt, std::optional<UrlCriterion> url = std::nullopt)
{
    Step s;
    s.eventTypes = std::move(types);
    s.selector = std::move(selector);
    s.text = std::move(text);
    s.url = std::move(url);
    return s;
}

TextCriterion exact(std::string t)
{
    return TextCriterion{std::move(t), TextMatchMode::Exact, true};
}

UrlCriterion pathLike(std::string pattern)
{
    return UrlCriterion{std::move(pattern), TextMatchMode::Wildcard, true, UrlScope::Path};
}

Definition def(std::string name, std::vector<Step> steps)
{
    Definition d;
    d.name = std::move(name);
    d.steps = std::move(steps);
    return d;
}

/// 30 definitions of the demo shop, as a team would write them: ids, data-track attributes,
/// BEM classes, texts, page patterns, a regex, a custom event.
const std::vector<Definition> &catalog()
{
    static const std::vector<Definition> defs = [] {
        const std::vector<std::string> click{"click"}, change{"change"}, submit{"submit"};
        std::vector<Definition> d;
        d.push_back(def("Nav category clicked", {step(click, "a.navbar__link")}));
        d.push_back(def("Logo clicked", {step(click, "a.navbar__brand")}));
        d.push_back(def("Cart icon clicked", {step(click, "a.navbar__cart")}));
        d.push_back(def("Account opened", {step(click, "a.navbar__account", exact("Account"))}));
        d.push_back(def("Login link clicked", {step(click, "a.navbar__account", exact("Log in"))}));
        d.push_back(def("Site search typed", {step(change, "#site-search")}));
        d.push_back(def("Search submitted", {step(submit, "form.search")}));
        d.push_back(def("Footer link clicked", {step(click, "a.footer__link")}));
        d.push_back(def("Newsletter email entered", {step(change, "input.newsletter__input")}));
        d.push_back(
            def("Newsletter subscribed", {step(click, "form.newsletter button", exact("Subscribe"))}));
        d.push_back(def("Hero CTA clicked", {step(click, R"([data-track="hero-cta"])")}));
        d.push_back(
            def("Featured add to cart", {step(click, "section.featured button", exact("Add to cart"))}));
        d.push_back(def("Sort changed", {step(change, "#sort")}));
        d.push_back(def("Size filter clicked", {step(click, "fieldset.filters__group label")}));
        d.push_back(def("Pagination clicked", {step(click, "a.page-link")}));
        d.push_back(def("Category card opened", {step(click, R"(main a[href^="/product/"])", std::nullopt,
                                                      pathLike("/category/*"))}));
        d.push_back(def("Category quick add",
                        {step(click, "button", exact("Add to cart"), pathLike("/category/*"))}));
        d.push_back(def("Product added to cart", {step(click, "#add-to-cart")}));
        d.push_back(def("Gallery thumbnail clicked", {step(click, "ul.gallery__thumbs img")}));
        d.push_back(def("Swatch chosen", {step(click, "button.swatch")}));
        d.push_back(def("Size chosen", {step(change, "#size")}));
        d.push_back(def("Quantity changed", {step(change, "#qty")}));
        d.push_back(def("Wishlist saved", {step(click, "button.wishlist")}));
        d.push_back(def("Size guide opened", {step(click, "a.size-guide")}));
        d.push_back(def("Details tab opened",
                        {step(click, "button.tabs__tab",
                              TextCriterion{"^(Reviews|Size & fit)$", TextMatchMode::Regex, true})}));
        d.push_back(
            def("Video played", {step(click, "button.video__play"), step({"video_played"}, std::nullopt)}));
        d.push_back(def("Breadcrumb clicked", {step(click, "ol.breadcrumb a")}));
        d.push_back(def("Related product opened", {step(click, "ul.related a")}));
        d.push_back(def("Checkout started", {step(click, R"([data-track="cart-checkout"])")}));
        d.push_back(def("Order completed", {step({"Order Completed"}, std::nullopt)}));
        return d;
    }();
    return defs;
}

std::vector<CompiledDefinition> compileCatalog(const InteractionIndex &index)
{
    std::vector<CompiledDefinition> out;
    for (const auto &d : catalog()) {
        CompileError error;
        auto c = CompiledDefinition::compile(d, index, {}, &error);
        if (!c) {
            std::cerr << d.name << ": " << error.message() << "\n";
            std::abort();
        }
        out.push_back(std::move(*c));
    }
    return out;
}

const std::vector<CompiledDefinition> &compiledCatalog()
{
    static const std::vector<CompiledDefinition> all = compileCatalog(demoIndex());
    return all;
}

std::vector<const CompiledDefinition *> pointers(const std::vector<CompiledDefinition> &defs)
{
    std::vector<const CompiledDefinition *> out;
    for (const auto &d : defs)
        out.push_back(&d);
    return out;
}

const CompiledDefinition &byName(std::string_view name)
{
    for (const auto &d : compiledCatalog())
        if (d.name() == name) return d;
    std::abort();
}

void BM_CompileCatalog30(benchmark::State &state)
{
    const InteractionIndex &index = demoIndex();
    for (auto _ : state) {
        auto defs = compileCatalog(index);
        benchmark::DoNotOptimize(defs);
    }
    state.counters["definitions"] = static_cast<double>(catalog().size());
    state.counters["chains"] = static_cast<double>(index.dictionaries().chains.size());
}
BENCHMARK(BM_CompileCatalog30)->Unit(benchmark::kMillisecond)->Repetitions(3)->ReportAggregatesOnly(true);

void BM_Coverage30(benchmark::State &state)
{
    const InteractionIndex &index = demoIndex();
    const auto defs = pointers(compiledCatalog());
    CoverageReport r;
    for (auto _ : state) {
        r = coverage(index, defs);
        benchmark::DoNotOptimize(r);
    }
    state.counters["interactions"] = static_cast<double>(index.size());
    state.counters["considered"] = static_cast<double>(r.considered);
    state.counters["unmatched_pct"] = 100.0 * r.unmatchedShare;
    state.counters["unmatched_elements"] = static_cast<double>(r.unmatchedElements);
}
BENCHMARK(BM_Coverage30)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);

void BM_Health30(benchmark::State &state)
{
    const InteractionIndex &index = demoIndex();
    HealthReport r;
    for (auto _ : state) {
        r = checkHealth(index, catalog()); // compiles the catalog too
        benchmark::DoNotOptimize(r);
    }
    std::size_t flagged = 0;
    for (const auto &d : r.definitions)
        flagged += d.healthy() ? 0 : 1;
    state.counters["flagged"] = static_cast<double>(flagged);
}
BENCHMARK(BM_Health30)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Repetitions(3)
    ->ReportAggregatesOnly(true);

void funnelBench(benchmark::State &state, FunnelWindow window)
{
    const InteractionIndex &index = demoIndex();
    const std::vector<const CompiledDefinition *> steps{
        &byName("Nav category clicked"), &byName("Product added to cart"), &byName("Checkout started"),
        &byName("Order completed")};
    FunnelOptions o;
    o.window = window;
    o.windowMs = 24 * 3'600'000LL;
    std::optional<FunnelResult> r;
    for (auto _ : state) {
        r = funnel(index, steps, o);
        benchmark::DoNotOptimize(r);
    }
    if (!r) return state.SkipWithError("funnel failed");
    state.counters["entered"] = static_cast<double>(r->steps.front().entered);
    state.counters["completed"] = static_cast<double>(r->steps.back().entered);
}
void BM_Funnel4Session(benchmark::State &state)
{
    funnelBench(state, FunnelWindow::Session);
}
void BM_Funnel4Day(benchmark::State &state)
{
    funnelBench(state, FunnelWindow::Time);
}
BENCHMARK(BM_Funnel4Session)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Repetitions(3)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_Funnel4Day)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Repetitions(3)
    ->ReportAggregatesOnly(true);

void BM_WhichMatchRow30(benchmark::State &state)
{
    const InteractionIndex &index = demoIndex();
    const auto defs = pointers(compiledCatalog());
    std::size_t row = 0, found = 0;
    for (auto _ : state) {
        found += whichMatchRow(index, defs, row).size();
        row = (row + 7919) % index.size();
    }
    benchmark::DoNotOptimize(found);
}
BENCHMARK(BM_WhichMatchRow30)->Unit(benchmark::kMicrosecond);

void BM_SuggestAndPreview(benchmark::State &state)
{
    const InteractionIndex &index = demoIndex();
    // Two clicks on the product page's add-to-cart label (span inside the button).
    const auto &dict = index.dictionaries();
    std::vector<std::int64_t> ids;
    for (std::size_t r = 0; r < index.size() && ids.size() < 2; ++r) {
        const auto &chain = dict.chains[index.chain(r)];
        if (chain.size() > 1 && chain[0].tag == "span" && chain[1].id == "add-to-cart")
            ids.push_back(index.ids()[r]);
    }
    if (ids.size() < 2) return state.SkipWithError("no add-to-cart clicks in the demo data");
    std::optional<SuggestionPreview> preview;
    std::string selector;
    for (auto _ : state) {
        std::string error;
        const auto examples = examplesFromInteractions(index, ids, &error);
        const auto s = examples ? SelectorSuggester::suggest(*examples, &error) : std::nullopt;
        if (!s) return state.SkipWithError(error.c_str());
        selector = s->step.selector.value_or("");
        preview = previewSuggestion(index, s->step, {}, 10, &error);
        benchmark::DoNotOptimize(preview);
    }
    state.SetLabel(selector);
    if (preview) {
        state.counters["matches"] = static_cast<double>(preview->totals.count);
        state.counters["elements"] = static_cast<double>(preview->distinctElements);
    }
}
BENCHMARK(BM_SuggestAndPreview)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Repetitions(3)
    ->ReportAggregatesOnly(true);

} // namespace
