#include "core/definitions/meaningduplicates.h"

#include "tests/core/definitions/indextesthelpers.h"

#include <gtest/gtest.h>
#include <random>
#include <set>

using namespace hindsight;
using namespace hindsight::definitions;
using namespace hindsight::definitions::test;

namespace {

const std::string kPayButton =
    R"(button.btn-primary:attr__id="pay-now"attr_id="pay-now"text="Pay now";form;div)";
const std::string kOtherPrimary =
    R"(button.btn-primary:attr__id="apply-coupon"attr_id="apply-coupon"text="Apply";form;div)";
const std::string kPayLater = R"(a.pay-later:text="Pay later";div)";
const std::string kNav = R"(a.nav:href="/orders"text="Orders";nav)";

EventSpec click(int i, const std::string &chain, const std::string &url)
{
    EventSpec e;
    e.ms = kMarch1 + static_cast<std::int64_t>(i) * 1000;
    e.chain = chain;
    e.url = url;
    return e;
}

Step clickOn(std::string selector)
{
    Step s;
    s.eventTypes = {"click"};
    s.selector = std::move(selector);
    return s;
}

/// 100 clicks on the pay button, 5 on another primary button of the payment page, 30 on "Pay
/// later" and 200 in the navigation.
void addCheckout(TestStore &ts)
{
    std::vector<EventSpec> events;
    int i = 0;
    for (int k = 0; k < 100; ++k)
        events.push_back(click(i++, kPayButton, "https://shop.example/checkout/payment"));
    for (int k = 0; k < 5; ++k)
        events.push_back(click(i++, kOtherPrimary, "https://shop.example/checkout/payment"));
    for (int k = 0; k < 30; ++k)
        events.push_back(click(i++, kPayLater, "https://shop.example/checkout/payment"));
    for (int k = 0; k < 200; ++k)
        events.push_back(click(i++, kNav, "https://shop.example/"));
    ts.add(events);
}

struct Compiled
{
    std::vector<CompiledDefinition> defs;
    std::vector<const CompiledDefinition *> pointers() const
    {
        std::vector<const CompiledDefinition *> out;
        for (const auto &d : defs)
            out.push_back(&d);
        return out;
    }
};

Compiled compileAll(const std::vector<Definition> &defs, const InteractionIndex &index)
{
    Compiled c;
    for (const auto &d : defs)
        c.defs.push_back(compileOrDie(d, index));
    return c;
}

std::vector<Definition> checkoutDefinitions()
{
    Step pagePrimary = clickOn("button.btn-primary");
    pagePrimary.url = UrlCriterion{"/checkout/payment", TextMatchMode::Exact, true, UrlScope::Path};
    Step payText;
    payText.eventTypes = {"click"};
    payText.text = TextCriterion{"pay", TextMatchMode::Contains, false};
    return {
        definitionOf("Checkout - Click Pay Now", {clickOn("#pay-now")}), // 0: 100 rows
        definitionOf("Pay button", {pagePrimary}),                       // 1: 105 rows
        definitionOf("Anything pay", {payText}),                         // 2: 130 rows
        definitionOf("Promo Banner Clicked", {clickOn("a.promo")}),      // 3: nothing
        definitionOf("Old Promo", {clickOn("a.promo-old")}),             // 4: nothing
        definitionOf("Navigation", {clickOn("a.nav")}),                  // 5: 200 rows
    };
}

TEST(MeaningDuplicates, FindsStrongOverlapUnderUnrelatedNamesWithTheNumbers)
{
    TestStore ts;
    addCheckout(ts);
    auto index = ts.index();
    const auto compiled = compileAll(checkoutDefinitions(), *index);
    const auto report = findMeaningDuplicates(*index, compiled.pointers());

    EXPECT_EQ(report.matched, (std::vector<std::uint64_t>{100, 105, 130, 0, 0, 200}));
    ASSERT_EQ(report.pairs.size(), 1u);
    const MeaningOverlap &pair = report.pairs.front();
    EXPECT_EQ(pair.first, 0u);
    EXPECT_EQ(pair.second, 1u);
    EXPECT_EQ(pair.intersection, 100u);
    EXPECT_EQ(pair.firstSize, 100u);
    EXPECT_EQ(pair.secondSize, 105u);
    EXPECT_DOUBLE_EQ(pair.jaccard, 100.0 / 105.0);
    ASSERT_EQ(report.groups.size(), 1u);
    EXPECT_EQ(report.groups.front().members, (std::vector<std::size_t>{0, 1}));
    EXPECT_DOUBLE_EQ(report.groups.front().overlap, 100.0 / 105.0);
}

TEST(MeaningDuplicates, DefinitionsThatMatchNothingAreNeverDuplicates)
{
    TestStore ts;
    addCheckout(ts);
    auto index = ts.index();
    const auto compiled = compileAll(checkoutDefinitions(), *index);
    MeaningDuplicateOptions loose;
    loose.minJaccard = 0.01;
    const auto report = findMeaningDuplicates(*index, compiled.pointers(), loose);
    for (const auto &pair : report.pairs) {
        EXPECT_NE(pair.first, 3u);
        EXPECT_NE(pair.second, 3u);
        EXPECT_NE(pair.first, 4u);
        EXPECT_NE(pair.second, 4u);
    }
    // "Anything pay" overlaps both at 100/130 and 100/135; navigation overlaps nothing.
    std::set<std::pair<std::size_t, std::size_t>> found;
    for (const auto &pair : report.pairs)
        found.insert({pair.first, pair.second});
    EXPECT_EQ(found, (std::set<std::pair<std::size_t, std::size_t>>{{0, 1}, {0, 2}, {1, 2}}));
}

TEST(MeaningDuplicates, ThresholdIsAnOptionAndGroupsAreConnected)
{
    TestStore ts;
    addCheckout(ts);
    auto index = ts.index();
    const auto compiled = compileAll(checkoutDefinitions(), *index);
    MeaningDuplicateOptions options;
    options.minJaccard = 0.75; // 100/130 = 0.769 passes, 100/135 = 0.741 does not
    const auto report = findMeaningDuplicates(*index, compiled.pointers(), options);
    ASSERT_EQ(report.pairs.size(), 2u);
    EXPECT_EQ(report.pairs[0].second, 1u); // strongest first
    EXPECT_EQ(report.pairs[1].first, 0u);
    EXPECT_EQ(report.pairs[1].second, 2u);
    ASSERT_EQ(report.groups.size(), 1u);
    EXPECT_EQ(report.groups.front().members, (std::vector<std::size_t>{0, 1, 2}));
    EXPECT_DOUBLE_EQ(report.groups.front().overlap, 100.0 / 130.0);
}

TEST(MeaningDuplicates, SkippedPairsAreNotReported)
{
    TestStore ts;
    addCheckout(ts);
    auto index = ts.index();
    auto defs = checkoutDefinitions();
    defs.push_back(definitionOf("checkout_pay_now_clicked", {clickOn("#pay-now")})); // 6: same as 0
    const auto compiled = compileAll(defs, *index);
    // 0 and 6 are already duplicates by name (as a caller would say): only 0~1 and 1~6 remain.
    const auto report = findMeaningDuplicates(*index, compiled.pointers(), {},
                                              [](std::size_t a, std::size_t b) { return a == 0 && b == 6; });
    std::set<std::pair<std::size_t, std::size_t>> found;
    for (const auto &pair : report.pairs)
        found.insert({pair.first, pair.second});
    EXPECT_EQ(found, (std::set<std::pair<std::size_t, std::size_t>>{{0, 1}, {1, 6}}));
    ASSERT_EQ(report.groups.size(), 1u);
    EXPECT_EQ(report.groups.front().members, (std::vector<std::size_t>{0, 1, 6}));
}

TEST(MeaningDuplicates, EmptyIndexAndSingleDefinition)
{
    TestStore ts;
    auto index = ts.index();
    const auto compiled = compileAll(checkoutDefinitions(), *index);
    const auto report = findMeaningDuplicates(*index, compiled.pointers());
    EXPECT_TRUE(report.pairs.empty());
    EXPECT_EQ(report.matched, std::vector<std::uint64_t>(6, 0));

    TestStore one;
    addCheckout(one);
    auto index2 = one.index();
    const auto single = compileAll({checkoutDefinitions().front()}, *index2);
    const auto report2 = findMeaningDuplicates(*index2, single.pointers());
    EXPECT_TRUE(report2.pairs.empty());
    EXPECT_EQ(report2.matched, std::vector<std::uint64_t>{100});
}

TEST(MeaningDuplicates, AgreesWithCheckingEveryPairOverManyBlocks)
{
    // 150,000 rows (three blocks, the last one partial) over 12 kinds of element with skewed
    // frequencies; 40 definitions, each a union of a few kinds, so that many pairs overlap
    // partly. The pruning must never lose a pair that checking every pair finds.
    std::mt19937 rng(20240301);
    std::discrete_distribution<int> kind({30, 20, 12, 8, 6, 5, 5, 4, 4, 3, 2, 1});
    TestStore ts;
    std::vector<EventSpec> events;
    const int n = 150'000;
    events.reserve(n);
    for (int i = 0; i < n; ++i) {
        const int k = kind(rng);
        EventSpec e;
        e.ms = kMarch1 + static_cast<std::int64_t>(i) * 100;
        e.type = (i % 7 == 0) ? "submit" : "click";
        e.chain = "button.k" + std::to_string(k) + ":text=\"Go\";div";
        // Later rows favour other pages, so that block profiles differ.
        e.url = "https://shop.example/p" + std::to_string((i / 40'000 + k) % 3);
        events.push_back(std::move(e));
    }
    ts.add(events);
    auto index = ts.index();
    ASSERT_EQ(index->size(), static_cast<std::size_t>(n));

    std::vector<Definition> defs;
    std::uniform_int_distribution<int> anyKind(0, 11), howMany(1, 3), coin(0, 3);
    for (int d = 0; d < 40; ++d) {
        std::set<int> kinds;
        const int m = howMany(rng);
        while (static_cast<int>(kinds.size()) < m)
            kinds.insert(anyKind(rng));
        std::string selector;
        for (int k : kinds)
            selector += (selector.empty() ? "" : ", ") + std::string("button.k") + std::to_string(k);
        Step s;
        s.selector = selector;
        const int variant = coin(rng);
        if (variant == 1) s.eventTypes = {"click"};
        if (variant == 2) s.url = UrlCriterion{"/p1", TextMatchMode::Exact, true, UrlScope::Path};
        defs.push_back(definitionOf("d" + std::to_string(d), {s}));
    }
    const auto compiled = compileAll(defs, *index);

    std::vector<std::vector<std::size_t>> rows;
    for (const auto &c : compiled.defs)
        rows.push_back(matchingRows(c, *index));
    for (const double threshold : {0.9, 0.6, 0.3}) {
        std::set<std::pair<std::size_t, std::size_t>> expected;
        for (std::size_t a = 0; a < rows.size(); ++a)
            for (std::size_t b = a + 1; b < rows.size(); ++b) {
                if (rows[a].empty() || rows[b].empty()) continue;
                std::vector<std::size_t> common;
                std::set_intersection(rows[a].begin(), rows[a].end(), rows[b].begin(), rows[b].end(),
                                      std::back_inserter(common));
                const double j = static_cast<double>(common.size()) /
                                 static_cast<double>(rows[a].size() + rows[b].size() - common.size());
                if (j >= threshold) expected.insert({a, b});
            }
        for (const std::size_t threads : {std::size_t(1), std::size_t(3)}) {
            MeaningDuplicateOptions options;
            options.minJaccard = threshold;
            options.threads = threads;
            const auto report = findMeaningDuplicates(*index, compiled.pointers(), options);
            std::set<std::pair<std::size_t, std::size_t>> found;
            for (const auto &pair : report.pairs) {
                found.insert({pair.first, pair.second});
                EXPECT_EQ(pair.firstSize, rows[pair.first].size());
                EXPECT_EQ(pair.secondSize, rows[pair.second].size());
            }
            EXPECT_EQ(found, expected) << "threshold " << threshold << ", threads " << threads;
            if (threshold == 0.9) {
                EXPECT_FALSE(expected.empty()) << "the data should hold some duplicates";
            }
        }
    }
}

} // namespace
