#include "core/definitions/interactionbrowse.h"

#include "core/model/url.h"
#include "tests/core/definitions/indextesthelpers.h"

#include <QString>
#include <algorithm>
#include <cctype>
#include <map>
#include <random>
#include <set>

using namespace hindsight;
using namespace hindsight::definitions;
using namespace hindsight::definitions::test;

namespace {

const std::vector<std::string> kChains = {
    R"(span.label:text="Add";button.buy:text="Add to cart";form:attr_id="order";body)",
    R"(button.buy:text="Buy now";div.card;body)",
    R"(button.buy:attr__data-x="1"text="Buy now";section;body)", // same element as above, other layout
    R"(a.nav:href="/orders"text="Orders";nav;body)",
    R"(svg.icon;button.btn:attr_id="close"text="Close dialog";div.modal;body)",
    R"(input:attr__type="email"attr_id="email";form:attr_id="signup";body)",
    R"(li:text="ÄRGER und Freude";ul.menu;body)",
    R"(div;div.wrapper;body)",
    "",
};
const std::vector<std::string> kUrls = {
    "https://shop.example/",
    "https://shop.example/product/merino?c=red",
    "https://shop.example/product/linen#reviews",
    "https://shop.example/Product/Shoes",
    "https://shop.example/cart",
    "https://other.example/checkout/pay?step=2",
    "",
};
const std::vector<std::string> kTypes = {"click", "submit", "change", "pageview", "custom event"};

/// Random events over 40 days, with a few identify events linking anonymous ids to users.
std::vector<EventSpec> randomEvents(unsigned seed, int n)
{
    std::mt19937 rng(seed);
    auto pick = [&](std::size_t size) { return static_cast<std::size_t>(rng() % size); };
    std::vector<EventSpec> events;
    for (int i = 0; i < n; ++i) {
        EventSpec e;
        e.ms = kMarch1 + static_cast<std::int64_t>(rng() % (40 * kDay));
        e.type = kTypes[pick(kTypes.size())];
        e.url = kUrls[pick(kUrls.size())];
        e.chain = e.type == "pageview" ? std::string() : kChains[pick(kChains.size())];
        e.distinctId = (rng() % 3 == 0 ? "user-" : "anon-") + std::to_string(pick(6));
        e.session = rng() % 10 == 0 ? std::string() : "s-" + std::to_string(pick(25));
        events.push_back(e);
    }
    for (int k = 0; k < 6; k += 2) {
        EventSpec e;
        e.ms = kMarch1 + k * kDay;
        e.type = "identify";
        e.distinctId = "user-" + std::to_string(k);
        e.anonDistinctId = "anon-" + std::to_string(k);
        e.chain.clear();
        events.push_back(e);
    }
    return events;
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

/// The reference: every interaction read back from SQLite (not from the index).
struct Reference
{
    std::vector<store::InteractionRecord> records; ///< in id order
    explicit Reference(store::Store &store)
    {
        std::int64_t before = 0;
        for (;;) {
            auto page = store.newest(500, before);
            if (page.empty()) break;
            before = page.back().id;
            records.insert(records.end(), page.begin(), page.end());
        }
        std::reverse(records.begin(), records.end());
    }

    std::string personOf(const std::string &distinctId) const
    {
        for (const auto &r : records)
            if (r.distinctId == distinctId) return r.personDistinctId;
        return "\x01none";
    }

    bool matches(const store::InteractionRecord &r, const BrowseFilter &f) const
    {
        if (f.range.fromMs && r.timestampMs < *f.range.fromMs) return false;
        if (f.range.toMs && r.timestampMs >= *f.range.toMs) return false;
        if (!f.eventTypes.empty() &&
            std::find(f.eventTypes.begin(), f.eventTypes.end(), r.type) == f.eventTypes.end())
            return false;
        if (!f.page.empty()) {
            if (r.url.empty()) return false;
            const std::string path = lower(model::splitUrl(r.url).path);
            const std::string p = lower(f.page);
            if (p.find('*') == std::string::npos) {
                if (path.find(p) == std::string::npos) return false;
            } else {
                // Only `prefix*` patterns are used below.
                const std::string prefix = p.substr(0, p.find('*'));
                if (path.compare(0, prefix.size(), prefix) != 0) return false;
            }
        }
        if (!f.selector.empty() || !f.text.empty()) {
            const model::ElementChain chain = parsedChain(r.chain);
            if (chain.empty()) return false;
            std::size_t at = 0;
            if (!f.selector.empty()) {
                const auto sel = Selector::parse(f.selector);
                EXPECT_TRUE(sel);
                const int i = sel->matchIndex(chain);
                if (i < 0) return false;
                at = static_cast<std::size_t>(i);
            }
            if (!f.text.empty()) {
                std::string text;
                for (std::size_t k = at + 1; k-- > 0;)
                    if (!chain[k].text.empty()) {
                        text = chain[k].text;
                        break;
                    }
                if (text.empty() || !QString::fromStdString(text).toCaseFolded().contains(
                                        QString::fromStdString(f.text).toCaseFolded()))
                    return false;
            }
        }
        if (!f.person.empty() && r.personDistinctId != personOf(f.person)) return false;
        if (!f.session.empty() && r.sessionId != f.session) return false;
        return true;
    }

    std::vector<std::int64_t> newestFirst(const BrowseFilter &f) const
    {
        std::vector<std::int64_t> ids;
        for (auto it = records.rbegin(); it != records.rend(); ++it)
            if (matches(*it, f)) ids.push_back(it->id);
        return ids;
    }
};

struct Fixture
{
    TestStore ts;
    std::unique_ptr<InteractionIndex> index;
    std::unique_ptr<Reference> ref;
    explicit Fixture(unsigned seed, int n = 1500)
    {
        ts.add(randomEvents(seed, n));
        index = ts.index();
        ref = std::make_unique<Reference>(ts.store());
    }
    BrowseQuery query(const BrowseFilter &f)
    {
        BrowseError error;
        auto q = BrowseQuery::compile(*index, f, &ts.store(), &error);
        if (!q) {
            ADD_FAILURE() << error.message();
            std::abort();
        }
        return std::move(*q);
    }
};

std::vector<BrowseFilter> sampleFilters()
{
    std::vector<BrowseFilter> filters;
    auto add = [&](auto fill) {
        BrowseFilter f;
        fill(f);
        filters.push_back(f);
    };
    add([](BrowseFilter &) {});
    add([](BrowseFilter &f) { f.eventTypes = {"click"}; });
    add([](BrowseFilter &f) { f.eventTypes = {"click", "submit"}; });
    add([](BrowseFilter &f) { f.eventTypes = {"custom event"}; });
    add([](BrowseFilter &f) { f.page = "product"; });
    add([](BrowseFilter &f) { f.page = "/product/*"; });
    add([](BrowseFilter &f) { f.page = "CART"; });
    add([](BrowseFilter &f) { f.text = "buy"; });
    add([](BrowseFilter &f) { f.text = "ärger"; });
    add([](BrowseFilter &f) { f.text = "add"; }); // the span target "Add"
    add([](BrowseFilter &f) {
        f.selector = "button.buy"; // the button's own text, though the target is the span
        f.text = "add to";
    });
    add([](BrowseFilter &f) { f.selector = "button.buy"; });
    add([](BrowseFilter &f) { f.selector = "form#order button"; });
    add([](BrowseFilter &f) {
        f.selector = "button";
        f.text = "close";
    });
    add([](BrowseFilter &f) {
        f.selector = "body";
        f.text = "orders";
    });
    add([](BrowseFilter &f) { f.person = "anon-2"; });
    add([](BrowseFilter &f) { f.person = "user-2"; });
    add([](BrowseFilter &f) { f.person = "anon-1"; });
    add([](BrowseFilter &f) { f.session = "s-7"; });
    add([](BrowseFilter &f) {
        f.eventTypes = {"click"};
        f.page = "product";
        f.person = "user-4";
        f.range.fromMs = kMarch1 + 5 * kDay;
        f.range.toMs = kMarch1 + 30 * kDay;
    });
    add([](BrowseFilter &f) {
        f.selector = "button";
        f.session = "s-3";
        f.range.toMs = kMarch1 + 20 * kDay;
    });
    add([](BrowseFilter &f) { f.range.fromMs = kMarch1 + 39 * kDay; });
    return filters;
}

} // namespace

TEST(InteractionBrowse, CountsAndPagesAgreeWithBruteForce)
{
    Fixture fx(7);
    for (const BrowseFilter &f : sampleFilters()) {
        SCOPED_TRACE("types " + std::to_string(f.eventTypes.size()) + " page '" + f.page + "' text '" +
                     f.text + "' selector '" + f.selector + "' person '" + f.person + "' session '" +
                     f.session + "'");
        const std::vector<std::int64_t> expected = fx.ref->newestFirst(f);
        EXPECT_FALSE(expected.empty()) << "every sample filter matches something in this data";
        const BrowseQuery q = fx.query(f);
        EXPECT_EQ(q.count(), static_cast<std::int64_t>(expected.size()));
        EXPECT_EQ(q.page(0, 0), expected);
        // Paged: 37 at a time, each page before the last id of the previous one.
        std::vector<std::int64_t> paged;
        std::int64_t before = 0;
        for (;;) {
            const auto ids = q.page(before, 37);
            paged.insert(paged.end(), ids.begin(), ids.end());
            if (ids.size() < 37) break;
            before = ids.back();
        }
        EXPECT_EQ(paged, expected);
    }
}

TEST(InteractionBrowse, SeveralSeedsAgree)
{
    for (unsigned seed : {1u, 2u, 3u}) {
        Fixture fx(seed, 600);
        for (const BrowseFilter &f : sampleFilters()) {
            const auto expected = fx.ref->newestFirst(f);
            EXPECT_EQ(fx.query(f).page(0, 0), expected) << "seed " << seed << " selector " << f.selector;
        }
    }
}

TEST(InteractionBrowse, FilterNarrowsTheRowsShown)
{
    Fixture fx(11);
    BrowseFilter all;
    BrowseFilter buy;
    buy.selector = "button.buy";
    buy.eventTypes = {"click"};
    const std::int64_t total = fx.query(all).count();
    const std::int64_t buys = fx.query(buy).count();
    EXPECT_EQ(total, static_cast<std::int64_t>(fx.index->size()));
    EXPECT_GT(buys, 0);
    EXPECT_LT(buys, total / 4);
    for (const std::int64_t id : fx.query(buy).page(0, 0)) {
        const auto record = fx.ts.store().findById(id);
        ASSERT_TRUE(record);
        EXPECT_EQ(record->type, "click");
        EXPECT_NE(record->chain.find("button.buy"), std::string::npos) << record->chain;
    }
}

TEST(InteractionBrowse, UnknownPersonOrSessionMatchesNothing)
{
    Fixture fx(5, 300);
    BrowseFilter f;
    f.person = "nobody@example";
    EXPECT_EQ(fx.query(f).count(), 0);
    EXPECT_TRUE(fx.query(f).page(0, 10).empty());
    EXPECT_TRUE(fx.query(f).elementGroups(0, 10).groups.empty());
    f.person.clear();
    f.session = "no-such-session";
    EXPECT_EQ(fx.query(f).count(), 0);
}

TEST(InteractionBrowse, InvalidSelectorNamesThePosition)
{
    Fixture fx(5, 50);
    BrowseFilter f;
    f.selector = "button[";
    BrowseError error;
    EXPECT_FALSE(BrowseQuery::compile(*fx.index, f, nullptr, &error));
    EXPECT_EQ(error.field, "selector");
    EXPECT_FALSE(error.reason.empty());
    ASSERT_TRUE(error.position);
    EXPECT_NE(error.message().find("selector: "), std::string::npos);
}

TEST(InteractionBrowse, SessionFilterWithoutStoreIsAnError)
{
    Fixture fx(5, 50);
    BrowseFilter f;
    f.session = "s-1";
    BrowseError error;
    EXPECT_FALSE(BrowseQuery::compile(*fx.index, f, nullptr, &error));
    EXPECT_EQ(error.field, "session");
}

TEST(InteractionBrowse, SessionIndexAgreesWithTheIndexColumn)
{
    Fixture fx(9, 800);
    std::map<std::string, std::set<std::uint32_t>> seen;
    for (const auto &r : fx.ref->records) {
        const std::ptrdiff_t row = fx.index->rowOf(r.id);
        ASSERT_GE(row, 0);
        seen[r.sessionId].insert(fx.index->sessions()[static_cast<std::size_t>(row)]);
    }
    for (const auto &[session, numbers] : seen) {
        ASSERT_EQ(numbers.size(), 1u) << session;
        if (session.empty()) {
            EXPECT_EQ(*numbers.begin(), 0u);
            continue;
        }
        EXPECT_EQ(sessionIndexOf(fx.ts.store(), session), *numbers.begin()) << session;
    }
    EXPECT_FALSE(sessionIndexOf(fx.ts.store(), "nope"));
}

namespace {

struct ExpectedGroup
{
    std::int64_t interactions = 0;
    std::set<std::string> people, pages;
    std::int64_t firstMs = 0, lastMs = 0, newestId = 0;
    std::array<std::int64_t, 30> spark{};
};

std::map<std::pair<std::string, std::string>, ExpectedGroup>
expectedGroups(const Reference &ref, const BrowseFilter &f, std::int64_t sparkStartMs)
{
    std::map<std::pair<std::string, std::string>, ExpectedGroup> out;
    for (const auto &r : ref.records) {
        if (!ref.matches(r, f)) continue;
        const model::ElementChain chain = parsedChain(r.chain);
        if (chain.empty()) continue;
        model::Element bare = chain.front();
        bare.text.clear();
        bare.attributes.clear();
        bare.href.clear();
        bare.nthChild = bare.nthOfType = 0;
        ExpectedGroup &g = out[{capture::summarizeTarget({bare}), chain.front().text}];
        if (g.interactions++ == 0) g.firstMs = r.timestampMs;
        g.lastMs = r.timestampMs;
        g.newestId = r.id;
        g.people.insert(r.personDistinctId);
        if (!r.url.empty()) g.pages.insert(model::splitUrl(r.url).path);
        const std::int64_t day = (r.timestampMs - sparkStartMs) / kDay;
        if (r.timestampMs >= sparkStartMs && day < 30) ++g.spark[static_cast<std::size_t>(day)];
    }
    return out;
}

} // namespace

TEST(InteractionBrowse, ElementGroupsAgreeWithBruteForce)
{
    Fixture fx(13);
    for (const BrowseFilter &f : sampleFilters()) {
        SCOPED_TRACE("selector '" + f.selector + "' text '" + f.text + "' person '" + f.person + "'");
        const BrowseQuery q = fx.query(f);
        const ElementGroups groups = q.elementGroups(0, 0);
        // The sparkline ends on the UTC day of the newest interaction in the range.
        std::int64_t newestInRange = 0;
        for (const auto &r : fx.ref->records)
            if ((!f.range.fromMs || r.timestampMs >= *f.range.fromMs) &&
                (!f.range.toMs || r.timestampMs < *f.range.toMs))
                newestInRange = r.timestampMs;
        if (newestInRange > 0) {
            EXPECT_EQ(groups.sparklineStartMs, (newestInRange / kDay - 29) * kDay);
        }
        const auto expected = expectedGroups(*fx.ref, f, groups.sparklineStartMs);
        EXPECT_EQ(groups.totalGroups, expected.size());
        ASSERT_EQ(groups.groups.size(), expected.size());
        std::int64_t withElement = 0;
        for (std::size_t i = 0; i < groups.groups.size(); ++i) {
            const ElementGroup &g = groups.groups[i];
            if (i > 0) {
                EXPECT_GE(groups.groups[i - 1].interactions, g.interactions);
            }
            const auto it = expected.find({g.selector, g.text});
            ASSERT_NE(it, expected.end()) << g.summary;
            const ExpectedGroup &e = it->second;
            withElement += e.interactions;
            EXPECT_EQ(g.interactions, e.interactions) << g.summary;
            EXPECT_EQ(g.people, static_cast<std::int64_t>(e.people.size() - e.people.count(""))) << g.summary;
            EXPECT_EQ(g.pages, static_cast<std::int64_t>(e.pages.size())) << g.summary;
            EXPECT_EQ(g.firstMs, e.firstMs) << g.summary;
            EXPECT_EQ(g.lastMs, e.lastMs) << g.summary;
            EXPECT_EQ(g.representativeId, e.newestId) << g.summary;
            EXPECT_EQ(g.sparkline, e.spark) << g.summary;
            EXPECT_EQ(g.summary.rfind(g.selector, 0), 0u) << g.summary;
            EXPECT_FALSE(g.chain.empty());
        }
        EXPECT_EQ(groups.matchingWithElement, withElement);
    }
}

TEST(InteractionBrowse, ElementGroupsMergeLayoutsAndPage)
{
    Fixture fx(21);
    BrowseFilter f;
    f.selector = "button.buy";
    const BrowseQuery q = fx.query(f);
    const ElementGroups all = q.elementGroups(0, 0);
    // "Buy now" inside div.card and inside section is one element; "Add to cart" is another
    // (the span inside it is its own target).
    std::set<std::string> summaries;
    for (const auto &g : all.groups)
        summaries.insert(g.summary);
    EXPECT_TRUE(summaries.count("button.buy \"Buy now\"")) << all.groups.size();
    EXPECT_TRUE(summaries.count("span.label \"Add\""));
    EXPECT_EQ(all.groups.size(), 2u);
    // Pages of groups.
    const ElementGroups second = q.elementGroups(1, 1);
    ASSERT_EQ(second.groups.size(), 1u);
    EXPECT_EQ(second.totalGroups, 2u);
    EXPECT_EQ(second.groups[0].summary, all.groups[1].summary);
    EXPECT_EQ(second.groups[0].people, all.groups[1].people);
    EXPECT_EQ(second.groups[0].sparkline, all.groups[1].sparkline);
    EXPECT_TRUE(q.elementGroups(5, 10).groups.empty());
}
