// Selector matching speed: a definition is re-matched against every distinct element chain in
// the store each time it is edited, so what counts is chains per second over a large
// dictionary of distinct chains (100k here, realistic shapes: 3-16 levels, utility classes,
// data attributes, texts and links).
#include "core/definitions/elementcondition.h"
#include "core/definitions/selector.h"

#include <algorithm>
#include <benchmark/benchmark.h>
#include <optional>
#include <random>
#include <string>
#include <vector>

using namespace hindsight;
using definitions::ElementCondition;
using definitions::Selector;
using definitions::TextMatcher;
using definitions::TextMatchMode;

namespace {

constexpr std::size_t kChains = 100'000;

const std::vector<model::ElementChain> &chains()
{
    static const std::vector<model::ElementChain> all = [] {
        std::mt19937 rng(12345);
        auto pick = [&rng](const std::vector<std::string> &v) -> const std::string & {
            return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(rng)];
        };
        auto chance = [&rng](double p) { return std::bernoulli_distribution(p)(rng); };
        const std::vector<std::string> targets{"a",   "button", "span", "input", "div",
                                               "svg", "img",    "li",   "label"};
        const std::vector<std::string> containers{"div", "div",  "div",  "section", "li",      "ul",
                                                  "nav", "form", "main", "header",  "article", "span"};
        const std::vector<std::string> classes{"flex",
                                               "items-center",
                                               "gap-2",
                                               "px-4",
                                               "py-2",
                                               "rounded-md",
                                               "text-sm",
                                               "font-medium",
                                               "btn",
                                               "btn-primary",
                                               "card",
                                               "w-1/2",
                                               "hover:bg-blue-500/75",
                                               "md:w-1/3",
                                               "!mt-0",
                                               "max-w-[1045px]",
                                               "container",
                                               "grid",
                                               "nav-link",
                                               "active",
                                               "product-tile",
                                               "sm:hidden",
                                               "shadow",
                                               "bg-white"};
        const std::vector<std::string> tracks{"add-to-cart", "checkout", "signup", "search", "menu", "close"};
        const std::vector<std::string> texts{
            "Add to cart",        "Buy now",  "Sign up", "Search", "Menu", "Next",
            "Blue running shoes", "Checkout", "Close"};
        std::vector<model::ElementChain> out;
        out.reserve(kChains);
        for (std::size_t n = 0; n < kChains; ++n) {
            model::ElementChain chain(std::uniform_int_distribution<std::size_t>(3, 16)(rng));
            for (std::size_t i = 0; i < chain.size(); ++i) {
                model::Element &e = chain[i];
                e.tag = i == 0 ? pick(targets) : i + 1 == chain.size() ? "body" : pick(containers);
                const int classCount = std::uniform_int_distribution<int>(0, 5)(rng);
                for (int k = 0; k < classCount; ++k)
                    e.classes.push_back(pick(classes));
                std::sort(e.classes.begin(), e.classes.end());
                e.classes.erase(std::unique(e.classes.begin(), e.classes.end()), e.classes.end());
                if (i == 0 && chance(0.7)) e.text = pick(texts);
                if (e.tag == "a") e.href = "/products/" + std::to_string(n % 5000);
                if (chance(0.15)) e.attributes.emplace_back("data-track", pick(tracks));
                if (chance(0.05)) e.id = "el-" + std::to_string(n % 977);
                e.nthChild = std::uniform_int_distribution<int>(1, 8)(rng);
                e.nthOfType = std::uniform_int_distribution<int>(1, e.nthChild)(rng);
            }
            // distinct: the leaf carries the chain's number
            chain[0].attributes.emplace_back("data-n", std::to_string(n));
            out.push_back(std::move(chain));
        }
        return out;
    }();
    return all;
}

const char *const kSelectors[] = {
    ".btn",                                                // 0: one class
    "button.btn.btn-primary",                              // 1: compound
    "[data-track=\"add-to-cart\"]",                        // 2: attribute
    "nav > ul > li > a",                                   // 3: child run
    "form .btn-primary",                                   // 4: descendant
    "main section div div a.w-1\\/2",                      // 5: deep descendant, often failing late
    "a[href^=\"/products/\"]:nth-child(odd)",              // 6: prefix + An+B
    ".hover\\:bg-blue-500\\/75, #el-5, [class*=\"md:w\"]", // 7: list with a joined-class substring
    "div div div div div div div div span",                // 8: pathological-looking descendant chain
};

void BM_SelectorMatchChains(benchmark::State &state)
{
    const auto &all = chains();
    const auto selector = Selector::parse(kSelectors[state.range(0)]);
    if (!selector) {
        state.SkipWithError("selector refused");
        return;
    }
    std::size_t matched = 0;
    for (auto _ : state) {
        matched = 0;
        for (const auto &chain : all)
            matched += selector->matches(chain) ? 1 : 0;
        benchmark::DoNotOptimize(matched);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * all.size()));
    state.SetLabel(std::string(kSelectors[state.range(0)]) + " (" + std::to_string(matched) + " match)");
}
BENCHMARK(BM_SelectorMatchChains)->DenseRange(0, 8)->Unit(benchmark::kMillisecond);

void BM_ConditionMatchChains(benchmark::State &state)
{
    const auto &all = chains();
    std::optional<TextMatcher> text;
    std::optional<TextMatcher> href;
    switch (state.range(0)) {
    case 0:
        text = TextMatcher::create("Add to cart", TextMatchMode::Exact);
        break;
    case 1:
        text = TextMatcher::create("shoes", TextMatchMode::Contains, false);
        href = TextMatcher::create("/products/*", TextMatchMode::Wildcard);
        break;
    default:
        text = TextMatcher::create("^(Buy|Add)\\b", TextMatchMode::Regex);
        break;
    }
    const ElementCondition condition(Selector::parse("main button.btn, main a"), text, href);
    std::size_t matched = 0;
    for (auto _ : state) {
        matched = 0;
        for (const auto &chain : all)
            matched += condition.matches(chain) ? 1 : 0;
        benchmark::DoNotOptimize(matched);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * all.size()));
    state.SetLabel(std::to_string(matched) + " match");
}
BENCHMARK(BM_ConditionMatchChains)->DenseRange(0, 2)->Unit(benchmark::kMillisecond);

void BM_SelectorParse(benchmark::State &state)
{
    for (auto _ : state) {
        auto s = Selector::parse(
            "main section > div.card:nth-child(2n+1) a.hover\\:bg-blue-500\\/75[data-track^=add], "
            "form#checkout button[type=submit]");
        benchmark::DoNotOptimize(s);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SelectorParse);

} // namespace
