#include "core/definitions/interactionindex.h"

#include "core/definitions/answers.h"
#include "core/definitions/columncache.h"
#include "tests/core/definitions/indextesthelpers.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>

using namespace hindsight;
using namespace hindsight::definitions;
using namespace hindsight::definitions::test;
namespace fs = std::filesystem;

namespace {

const std::string kButton = R"(span:text="Buy";button.buy:attr_id="buy"text="Buy";body)";

std::vector<EventSpec> someEvents(int n, std::int64_t start = kMarch1, const std::string &prefix = "u")
{
    std::vector<EventSpec> events;
    for (int i = 0; i < n; ++i) {
        EventSpec e;
        e.ms = start + i * 60'000;
        e.type = i % 3 == 0 ? "pageview" : "click";
        e.url = "https://shop.example/p/" + std::to_string(i % 4) + "?q=" + std::to_string(i % 2);
        e.chain = i % 3 == 0 ? "" : (i % 2 ? kButton : R"(a.nav:href="/x"text="X")");
        e.properties = i % 5 == 0 ? "{}" : R"({"plan":")" + std::to_string(i % 3) + "\"}";
        e.distinctId = prefix + std::to_string(i % 7);
        e.session = prefix + "s" + std::to_string(i % 11);
        events.push_back(std::move(e));
    }
    return events;
}

void expectSameColumns(const InteractionIndex &a, const InteractionIndex &b)
{
    ASSERT_EQ(a.size(), b.size());
    auto same = [](auto x, auto y) { return std::equal(x.begin(), x.end(), y.begin(), y.end()); };
    EXPECT_TRUE(same(a.ids(), b.ids()));
    EXPECT_TRUE(same(a.properties(), b.properties()));
    EXPECT_TRUE(same(a.sessions(), b.sessions()));
    EXPECT_TRUE(same(a.distinctIds(), b.distinctIds()));
    EXPECT_TRUE(same(a.shapes(), b.shapes()));
    EXPECT_TRUE(same(a.shapeDictionary(), b.shapeDictionary()));
    // The per-row values agree with the shape and the distinct id they come from.
    for (std::size_t r = 0; r < a.size(); ++r) {
        const IndexShape &shape = a.shapeDictionary()[a.shapes()[r]];
        ASSERT_EQ(shape, (IndexShape{a.type(r), a.url(r), a.chain(r)})) << r;
        ASSERT_EQ(shape, (IndexShape{b.type(r), b.url(r), b.chain(r)})) << r;
        ASSERT_EQ(a.person(r), b.person(r)) << r;
        ASSERT_EQ(a.person(r), a.dictionaries().personOf[a.distinctIds()[r]]) << r;
    }
}

/// Clicks on the buy button, counted through a compiled definition (what a user sees).
std::int64_t buyClicks(const InteractionIndex &index)
{
    Step s;
    s.selector = "button.buy";
    s.eventTypes = {"click"};
    return totals(index, compileOrDie(definitionOf("buy", {s}), index)).count;
}

} // namespace

TEST(InteractionIndex, LoadsEveryInteractionInTimeOrderWithItsDictionaries)
{
    TestStore ts;
    auto events = someEvents(30);
    std::reverse(events.begin(), events.end()); // written newest first; the index is in time order
    ts.add(events);
    auto index = ts.index();
    ASSERT_EQ(index->size(), 30u);
    std::reverse(events.begin(), events.end());
    const IndexDictionaries &d = index->dictionaries();
    EXPECT_EQ(d.eventTypes[0], "");
    EXPECT_EQ(d.urls[0].url, "");
    EXPECT_EQ(d.chainTexts[0], "");
    EXPECT_EQ(d.propertyJson[0], "");
    EXPECT_EQ(d.distinctIds[0], "");
    for (std::size_t r = 0; r < index->size(); ++r) {
        const EventSpec &e = events[r];
        EXPECT_EQ(index->timestampMs(r), e.ms);
        EXPECT_EQ(d.eventTypes[index->type(r)], e.type);
        const auto &url = d.urls[index->url(r)];
        EXPECT_EQ(url.url, e.url);
        EXPECT_EQ(url.host, "shop.example");
        EXPECT_EQ(url.path, "/p/" + std::to_string(r % 4));
        EXPECT_EQ(url.query, "q=" + std::to_string(r % 2));
        EXPECT_EQ(d.chains[index->chain(r)], parsedChain(e.chain)) << r;
        EXPECT_EQ(index->chain(r) == 0, e.chain.empty());
        EXPECT_EQ(d.propertyJson[index->properties()[r]], e.properties == "{}" ? "" : e.properties);
        EXPECT_EQ(d.distinctIds[index->distinctIds()[r]], e.distinctId);
        EXPECT_EQ(index->person(r), index->distinctIds()[r]); // nobody identified yet
        EXPECT_GT(index->sessions()[r], 0u);
        EXPECT_LT(index->sessions()[r], index->sessionCount());
        EXPECT_EQ(index->rowOf(index->ids()[r]), static_cast<std::ptrdiff_t>(r));
    }
    EXPECT_EQ(index->sessionCount(), 12u); // 11 sessions and "none"
    EXPECT_TRUE(std::is_sorted(index->ids().begin(), index->ids().end()));
    EXPECT_EQ(index->rowOf(index->ids()[3] + 1), -1);
    EXPECT_EQ(index->firstRowAtOrAfter(kMarch1), 0u);
    EXPECT_EQ(index->firstRowAtOrAfter(kMarch1 + 1), 1u);
    EXPECT_EQ(index->firstRowAtOrAfter(kMarch1 + 60'000 * 5), 5u);
    EXPECT_EQ(index->firstRowAtOrAfter(kMarch1 + kDay), 30u);
}

TEST(InteractionIndex, PeopleFollowIdentify)
{
    TestStore ts;
    std::vector<EventSpec> events = someEvents(14);
    ts.add(events);
    {
        auto index = ts.index();
        EXPECT_NE(index->person(0), index->person(1)); // u0 and u1 are different people
    }
    // u1 logs in as "jane", then u0 logs in as "jane" too: all three are one person.
    EventSpec identify;
    identify.ms = kMarch1 + kDay;
    identify.type = "identify";
    identify.distinctId = "jane";
    identify.anonDistinctId = "u1";
    EventSpec second = identify;
    second.ms += 1000;
    second.anonDistinctId = "u0";
    ts.add({identify, second});
    auto index = ts.index(true);
    const auto &d = index->dictionaries();
    const std::uint32_t jane = index->person(index->size() - 1);
    EXPECT_EQ(index->person(0), jane);
    EXPECT_EQ(index->person(1), jane);
    EXPECT_NE(index->person(2), jane);
    EXPECT_EQ(d.distinctIds[index->distinctIds()[0]], "u0");
    // Again from the cache file: identity resolution is applied on load, not frozen in the file.
    auto again = ts.index(true);
    EXPECT_TRUE(again->loadInfo().fromCache);
    EXPECT_EQ(again->person(0), jane);
    EXPECT_EQ(again->person(1), jane);
}

TEST(InteractionIndex, AnEmptyStoreGivesAnEmptyIndex)
{
    TestStore ts;
    auto index = ts.index(true);
    ASSERT_TRUE(index);
    EXPECT_EQ(index->size(), 0u);
    EXPECT_EQ(index->firstRowAtOrAfter(kMarch1), 0u);
    EXPECT_EQ(buyClicks(*index), 0);
    auto again = ts.index(true);
    EXPECT_EQ(again->size(), 0u);
}

TEST(ColumnCache, IsWrittenAfterABuildAndReusedWhileValid)
{
    TestStore ts;
    ts.add(someEvents(200));
    const std::string cache = InteractionIndex::cachePathFor(ts.path());
    EXPECT_EQ(cache, ts.path() + ".columns");
    EXPECT_FALSE(fs::exists(cache));
    auto first = ts.index(true);
    EXPECT_FALSE(first->loadInfo().fromCache);
    EXPECT_TRUE(first->loadInfo().cacheWritten);
    EXPECT_TRUE(fs::exists(cache));
    // No temporary file is left behind.
    for (const auto &entry : fs::directory_iterator(ts.dir().path()))
        EXPECT_EQ(entry.path().filename().string().find(".tmp"), std::string::npos) << entry.path();

    auto second = ts.index(true);
    EXPECT_TRUE(second->loadInfo().fromCache);
    EXPECT_FALSE(second->loadInfo().cacheWritten);
    expectSameColumns(*first, *second);
    EXPECT_EQ(buyClicks(*second), buyClicks(*first));
    EXPECT_TRUE(second->isCurrent(ts.store()));
}

TEST(ColumnCache, IsRebuiltAfterAnImport)
{
    TestStore ts;
    ts.add(someEvents(100));
    auto before = ts.index(true);
    const std::int64_t clicksBefore = buyClicks(*before);
    ts.add(someEvents(60, kMarch1 + kDay, "v"));
    EXPECT_FALSE(before->isCurrent(ts.store()));
    auto after = ts.index(true);
    EXPECT_FALSE(after->loadInfo().fromCache);
    EXPECT_TRUE(after->loadInfo().cacheWritten);
    EXPECT_EQ(after->size(), 160u);
    EXPECT_GT(buyClicks(*after), clicksBefore);
    expectSameColumns(*after, *ts.index(false));
}

TEST(ColumnCache, AGenerationChangeAloneMakesItStale)
{
    TestStore ts;
    ts.add(someEvents(50));
    ts.index(true);
    ASSERT_TRUE(ts.index(true)->loadInfo().fromCache);
    // Same rows, same count, same newest id: only the store's generation moved on (as an import
    // that changed rows in place would do).
    ASSERT_TRUE(ts.store().db().exec("INSERT OR REPLACE INTO meta(key, value) VALUES('generation', 7)"));
    auto index = ts.index(true);
    EXPECT_FALSE(index->loadInfo().fromCache);
    EXPECT_NE(index->loadInfo().cacheRejected.find("stale"), std::string::npos)
        << index->loadInfo().cacheRejected;
    EXPECT_TRUE(ts.index(true)->loadInfo().fromCache);
}

TEST(ColumnCache, ATruncatedOrGarbageFileIsIgnoredAndResultsStayRight)
{
    TestStore ts;
    ts.add(someEvents(300));
    auto reference = ts.index(false);
    const std::int64_t clicks = buyClicks(*reference);
    ASSERT_GT(clicks, 0);
    const std::string cache = InteractionIndex::cachePathFor(ts.path());
    ts.index(true);
    const std::string good = hindsight::test::readFile(cache);
    ASSERT_GT(good.size(), 1000u);

    auto overwrite = [&](const std::string &bytes) {
        std::ofstream(cache, std::ios::binary | std::ios::trunc) << bytes;
    };
    const std::vector<std::pair<std::string, std::string>> damaged = {
        {"truncated in the payload", good.substr(0, good.size() - 100)},
        {"truncated in the header", good.substr(0, 40)},
        {"empty", ""},
        {"garbage of the right size", std::string(good.size(), '\x5a')},
        {"one payload byte flipped",
         [&] {
             std::string b = good;
             b[b.size() - 7] ^= 0x01;
             return b;
         }()},
        {"one header byte flipped",
         [&] {
             std::string b = good;
             b[20] ^= 0x10;
             return b;
         }()},
        {"extra bytes at the end", good + "junk"},
    };
    for (const auto &[what, bytes] : damaged) {
        overwrite(bytes);
        auto index = ts.index(true);
        ASSERT_TRUE(index) << what;
        EXPECT_FALSE(index->loadInfo().fromCache) << what;
        EXPECT_FALSE(index->loadInfo().cacheRejected.empty()) << what;
        EXPECT_EQ(buyClicks(*index), clicks) << what;
        expectSameColumns(*index, *reference);
        // ... and a good cache was written in its place.
        EXPECT_TRUE(ts.index(true)->loadInfo().fromCache) << what;
    }
}

TEST(ColumnCache, WorksWithoutACacheWhenItCannotBeWritten)
{
    TestStore ts;
    ts.add(someEvents(40));
    // A folder where the cache file should go: it can be neither read nor replaced.
    fs::create_directory(InteractionIndex::cachePathFor(ts.path()));
    auto index = ts.index(true);
    ASSERT_TRUE(index);
    EXPECT_FALSE(index->loadInfo().fromCache);
    EXPECT_FALSE(index->loadInfo().cacheWritten);
    EXPECT_EQ(index->size(), 40u);
    EXPECT_GT(buyClicks(*index), 0);
    for (const auto &entry : fs::directory_iterator(ts.dir().path()))
        EXPECT_EQ(entry.path().filename().string().find(".tmp"), std::string::npos) << entry.path();
}

TEST(ColumnCache, ReadRefusesIndexesPastTheDictionariesEvenWithGoodChecksums)
{
    hindsight::test::TempDir dir;
    const std::string path = dir.file("x.columns");
    ColumnCacheKey key;
    key.storeCreated = 1;
    key.minId = 10;
    key.maxId = 30;
    for (auto &s : key.sizes)
        s = 3;
    ColumnData data;
    data.ids = {10, 20, 30};
    data.shapes = {1, 0, 1};
    data.shapeDictionary = {{1, 2, 0}, {2, 1, 2}};
    data.properties = data.distinctIds = data.sessions = {0, 1, 2};
    ASSERT_TRUE(writeColumnCache(path, key, data, nullptr));
    ColumnData read;
    std::string why;
    ASSERT_TRUE(readColumnCache(path, key, read, &why)) << why;
    EXPECT_EQ(read.ids, data.ids);
    EXPECT_EQ(read.shapes, data.shapes);
    EXPECT_EQ(read.shapeDictionary, data.shapeDictionary);
    EXPECT_EQ(read.properties, data.properties);
    EXPECT_EQ(read.distinctIds, data.distinctIds);
    EXPECT_EQ(read.sessions, data.sessions);

    data.shapeDictionary = {{1, 2, 0}, {2, 1, 3}}; // chain 3 is past a dictionary of 3 entries
    ASSERT_TRUE(writeColumnCache(path, key, data, nullptr));
    EXPECT_FALSE(readColumnCache(path, key, read, &why));
    EXPECT_NE(why.find("past a dictionary"), std::string::npos) << why;
    EXPECT_TRUE(read.ids.empty());

    data.shapeDictionary = {{1, 2, 0}, {2, 1, 2}};
    data.shapes = {1, 2, 0}; // shape 2 does not exist
    ASSERT_TRUE(writeColumnCache(path, key, data, nullptr));
    EXPECT_FALSE(readColumnCache(path, key, read, &why));
    EXPECT_NE(why.find("past a dictionary"), std::string::npos) << why;

    data.shapes = {1, 0, 1};
    data.sessions = {0, 3, 1}; // past the sessions
    ASSERT_TRUE(writeColumnCache(path, key, data, nullptr));
    EXPECT_FALSE(readColumnCache(path, key, read, &why));

    data.sessions = {0, 1, 2};
    data.ids = {10, 30, 30}; // not ascending
    key.maxId = 30;
    ASSERT_TRUE(writeColumnCache(path, key, data, nullptr));
    EXPECT_FALSE(readColumnCache(path, key, read, &why));

    data.ids = {10, 20, 30};
    ASSERT_TRUE(writeColumnCache(path, key, data, nullptr));
    ColumnCacheKey other = key;
    other.dictionaryFingerprint = 99;
    EXPECT_FALSE(readColumnCache(path, other, read, &why));
    EXPECT_NE(why.find("stale"), std::string::npos) << why;
}
