// Matching must not allocate: the studio re-runs a definition over every distinct chain in the
// store (100k+) on each edit. This file counts calls to the global operator new (replaced here
// for the whole test executable, every variant forwarding to malloc/free) around the matching loops.

#include "core/definitions/elementcondition.h"
#include "tests/core/definitions/selectortesthelpers.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <gtest/gtest.h>
#include <memory>
#include <new>
#include <string>
#include <vector>

namespace {
std::atomic<long long> g_allocations{0};

void *allocate(std::size_t size)
{
    g_allocations.fetch_add(1, std::memory_order_relaxed);
    if (void *p = std::malloc(size ? size : 1)) return p;
    throw std::bad_alloc();
}

void *allocateAligned(std::size_t size, std::align_val_t align)
{
    g_allocations.fetch_add(1, std::memory_order_relaxed);
    void *p = nullptr;
    const std::size_t alignment = std::max(static_cast<std::size_t>(align), sizeof(void *));
    if (posix_memalign(&p, alignment, size ? size : 1) != 0) throw std::bad_alloc();
    return p;
}
} // namespace

void *operator new(std::size_t size)
{
    return allocate(size);
}
void *operator new[](std::size_t size)
{
    return allocate(size);
}
void *operator new(std::size_t size, std::align_val_t align)
{
    return allocateAligned(size, align);
}
void *operator new[](std::size_t size, std::align_val_t align)
{
    return allocateAligned(size, align);
}
void *operator new(std::size_t size, const std::nothrow_t &) noexcept
{
    try {
        return allocate(size);
    } catch (...) {
        return nullptr;
    }
}
void *operator new[](std::size_t size, const std::nothrow_t &tag) noexcept
{
    return operator new(size, tag);
}
void *operator new(std::size_t size, std::align_val_t align, const std::nothrow_t &) noexcept
{
    try {
        return allocateAligned(size, align);
    } catch (...) {
        return nullptr;
    }
}
void *operator new[](std::size_t size, std::align_val_t align, const std::nothrow_t &tag) noexcept
{
    return operator new(size, align, tag);
}
void operator delete(void *p, const std::nothrow_t &) noexcept
{
    std::free(p);
}
void operator delete[](void *p, const std::nothrow_t &) noexcept
{
    std::free(p);
}
void operator delete(void *p, std::align_val_t, const std::nothrow_t &) noexcept
{
    std::free(p);
}
void operator delete[](void *p, std::align_val_t, const std::nothrow_t &) noexcept
{
    std::free(p);
}
void operator delete(void *p) noexcept
{
    std::free(p);
}
void operator delete[](void *p) noexcept
{
    std::free(p);
}
void operator delete(void *p, std::size_t) noexcept
{
    std::free(p);
}
void operator delete[](void *p, std::size_t) noexcept
{
    std::free(p);
}
void operator delete(void *p, std::align_val_t) noexcept
{
    std::free(p);
}
void operator delete[](void *p, std::align_val_t) noexcept
{
    std::free(p);
}
void operator delete(void *p, std::size_t, std::align_val_t) noexcept
{
    std::free(p);
}
void operator delete[](void *p, std::size_t, std::align_val_t) noexcept
{
    std::free(p);
}

using namespace hindsight::definitions;
using hindsight::definitions::test::chainOf;

namespace {

std::vector<hindsight::model::ElementChain> sampleChains()
{
    std::vector<hindsight::model::ElementChain> chains;
    for (const char *text : {
             R"(span.label:text="Buy";button.btn.btn-primary.buy:attr__type="submit"attr__data-track="buy")"
             R"(nth-child="2"nth-of-type="1"text="Buy";form:attr__id="checkout"attr_id="checkout";body:)",
             R"(a.flex.hover:bg-blue-500/75.w-1/2:href="https://shop.example/orders/17"attr__lang="en-GB")"
             R"(text="Orders";li:nth-child="3"nth-of-type="3";ul.nav:;nav:;body:)",
             R"(div:attr__class="card  wide"attr__href="/x";section:;main:;body:)",
             "svg:;div:;div:;div:;div:;div:;div:;div:;div:;body:",
         })
        chains.push_back(chainOf(text));
    return chains;
}

} // namespace

TEST(SelectorAllocation, CounterSeesAllocations)
{
    const long long before = g_allocations.load();
    auto text = std::make_unique<std::string>(200, 'x');
    EXPECT_GT(g_allocations.load() - before, 0);
    EXPECT_EQ(text->size(), 200u);
}

TEST(SelectorAllocation, MatchingSelectorsDoesNotAllocate)
{
    const auto chains = sampleChains();
    std::vector<Selector> selectors;
    for (const char *text :
         {"button.buy", "form > button.btn.btn-primary > span", "body form span", "nav ul > li > a.w-1\\/2",
          "[class='btn btn-primary buy']", "[class^='btn b' i]", "[class*='primary bu']", "[class$=buy]",
          "[class~=wide]", ".card.wide", "[href*='/orders/']", "a[lang|=en]", "[data-track=BUY i]",
          "li:nth-child(2n+1):nth-of-type(odd)", "#checkout > *", "main section > div", "div div div div x",
          "body > div > div > div > div > div > div > div > div > svg", "*, a, b, c"})
        selectors.push_back(*Selector::parse(text));

    long long hits = 0;
    const long long before = g_allocations.load();
    for (int round = 0; round < 50; ++round)
        for (const auto &s : selectors)
            for (const auto &chain : chains) {
                hits += s.matchIndex(chain) >= 0 ? 1 : 0;
                for (std::size_t i = 0; i < chain.size(); ++i)
                    hits += s.matchesAt(chain, i) ? 1 : 0;
            }
    const long long after = g_allocations.load();
    EXPECT_EQ(after - before, 0) << "allocations while matching";
    EXPECT_GT(hits, 0);
}

TEST(SelectorAllocation, MatchingConditionsDoesNotAllocate)
{
    const auto chains = sampleChains();
    auto text = [](const char *pattern, TextMatchMode mode, bool caseSensitive = true) {
        return TextMatcher::create(pattern, mode, caseSensitive);
    };
    std::vector<ElementCondition> conditions;
    conditions.emplace_back(Selector::parse("button.buy"), text("Buy", TextMatchMode::Exact), std::nullopt);
    conditions.emplace_back(Selector::parse("nav a"), text("Ord", TextMatchMode::Contains),
                            text("*/orders/*", TextMatchMode::Wildcard));
    conditions.emplace_back(std::nullopt, text("buy", TextMatchMode::Exact, false), std::nullopt);
    conditions.emplace_back(Selector::parse("a"), std::nullopt,
                            text("*/ORDERS/*", TextMatchMode::Wildcard, false));
    conditions.emplace_back(Selector::parse("*"), text("^Ord.*s$", TextMatchMode::Regex),
                            text("/orders/[0-9]+", TextMatchMode::Regex));

    long long hits = 0;
    auto run = [&] {
        for (const auto &c : conditions)
            for (const auto &chain : chains)
                hits += c.matchIndex(chain) >= 0 ? 1 : 0;
    };
    run(); // let RE2 build its lazy automata once
    const long long before = g_allocations.load();
    for (int round = 0; round < 50; ++round)
        run();
    const long long after = g_allocations.load();
    EXPECT_EQ(after - before, 0) << "allocations while matching";
    EXPECT_EQ(hits, 51 * 5);
}
