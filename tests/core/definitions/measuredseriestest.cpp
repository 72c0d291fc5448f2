#include "core/definitions/measuredseries.h"

#include "tests/core/definitions/indextesthelpers.h"

#include <QDateTime>
#include <QTimeZone>
#include <algorithm>
#include <gtest/gtest.h>
#include <random>
#include <set>

using namespace hindsight;
using namespace hindsight::definitions;
using namespace hindsight::definitions::test;

namespace {

std::int64_t utc(int y, int mo, int d, int h = 0, int mi = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), QTimeZone::utc()).toMSecsSinceEpoch();
}

const std::string kBuy = R"(button.buy:text="Add to cart";form)";
const std::string kNav = R"(a.nav:href="/orders"text="Orders";nav)";

Definition buyClicks()
{
    Step s;
    s.eventTypes = {"click"};
    s.selector = "button.buy";
    return definitionOf("Buy clicked", {s});
}

EventSpec event(std::int64_t ms, std::string distinct, std::string session, std::string chain = kBuy)
{
    EventSpec e;
    e.ms = ms;
    e.chain = std::move(chain);
    e.distinctId = std::move(distinct);
    e.session = std::move(session);
    return e;
}

std::vector<std::int64_t> countsOf(const std::optional<std::vector<SeriesPoint>> &points)
{
    std::vector<std::int64_t> out;
    if (points)
        for (const SeriesPoint &p : *points)
            out.push_back(p.count);
    return out;
}

/// The measure per bucket the plain way: each matching row in the range goes to the last bucket
/// that starts at or before it, into a set per bucket.
std::vector<std::int64_t> bruteForce(const InteractionIndex &index, const CompiledDefinition &def,
                                     SeriesMeasure measure, const std::vector<SeriesPoint> &buckets,
                                     const TimeRange &range)
{
    std::vector<std::int64_t> counts(buckets.size(), 0);
    std::vector<std::set<std::uint32_t>> seen(buckets.size());
    for (std::size_t row = 0; row < index.size(); ++row) {
        const std::int64_t t = index.timestampMs(row);
        if ((range.fromMs && t < *range.fromMs) || (range.toMs && t >= *range.toMs)) continue;
        if (!def.matchesRow(row)) continue;
        const auto after =
            std::upper_bound(buckets.begin(), buckets.end(), t,
                             [](std::int64_t ms, const SeriesPoint &p) { return ms < p.startMs; });
        if (after == buckets.begin()) continue;
        const auto b = static_cast<std::size_t>(after - buckets.begin() - 1);
        ++counts[b];
        const std::uint32_t key = measure == SeriesMeasure::People
                                      ? index.dictionaries().personOf[index.distinctIds()[row]]
                                      : index.sessions()[row];
        if (key != 0) seen[b].insert(key);
    }
    if (measure == SeriesMeasure::Interactions) return counts;
    std::vector<std::int64_t> out;
    for (const auto &keys : seen)
        out.push_back(static_cast<std::int64_t>(keys.size()));
    return out;
}

} // namespace

TEST(MeasuredSeries, PeopleAndSessionsPerDayCountEachOnceAndFollowIdentify)
{
    TestStore ts;
    ts.add({
        event(utc(2024, 3, 1, 9), "anon-1", "s1"),
        event(utc(2024, 3, 1, 10), "anon-1", "s1"), // same person, same session
        event(utc(2024, 3, 1, 11), "anon-1", "s2"), // same person, new session
        event(utc(2024, 3, 1, 12), "anon-2", "s3"),
        event(utc(2024, 3, 1, 13), "anon-3", "s4", kNav), // not a buy click
        event(utc(2024, 3, 3, 8), "jane", "s5"),
        event(utc(2024, 3, 3, 9), "anon-2", "s6"),
    });
    auto index = ts.index();
    const CompiledDefinition def = compileOrDie(buyClicks(), *index);
    std::string error;
    EXPECT_EQ(
        countsOf(measuredSeries(*index, def, SeriesMeasure::Interactions, Granularity::Day, {}, "", &error)),
        (std::vector<std::int64_t>{4, 0, 2}));
    EXPECT_EQ(countsOf(measuredSeries(*index, def, SeriesMeasure::People, Granularity::Day, {}, "", &error)),
              (std::vector<std::int64_t>{2, 0, 2}));
    EXPECT_EQ(
        countsOf(measuredSeries(*index, def, SeriesMeasure::Sessions, Granularity::Day, {}, "", &error)),
        (std::vector<std::int64_t>{3, 0, 2}));
    // Over the whole range: a person in two buckets counts in each.
    EXPECT_EQ(
        countsOf(measuredSeries(*index, def, SeriesMeasure::People, Granularity::Month, {}, "", &error)),
        (std::vector<std::int64_t>{3}));

    // anon-2 turns out to be jane: on Mar 3 that is one person.
    EventSpec identify = event(utc(2024, 3, 3, 10), "jane", "s7", "");
    identify.type = "identify";
    identify.anonDistinctId = "anon-2";
    ts.add({identify});
    index = ts.index();
    const CompiledDefinition again = compileOrDie(buyClicks(), *index);
    EXPECT_EQ(
        countsOf(measuredSeries(*index, again, SeriesMeasure::People, Granularity::Day, {}, "", &error)),
        (std::vector<std::int64_t>{2, 0, 1}));
    EXPECT_EQ(
        countsOf(measuredSeries(*index, again, SeriesMeasure::People, Granularity::Month, {}, "", &error)),
        (std::vector<std::int64_t>{2}));
}

TEST(MeasuredSeries, KeepsTheBucketsAndErrorsOfSeries)
{
    TestStore ts;
    ts.add({event(utc(2024, 3, 30, 23), "a", "s1"), event(utc(2024, 3, 31, 1, 30), "b", "s2"),
            event(utc(2024, 3, 31, 22, 30), "a", "s1")});
    auto index = ts.index();
    const CompiledDefinition def = compileOrDie(buyClicks(), *index);
    std::string error;
    const auto plain = series(*index, def, Granularity::Day, {}, "Europe/Berlin", &error);
    const auto people =
        measuredSeries(*index, def, SeriesMeasure::People, Granularity::Day, {}, "Europe/Berlin", &error);
    ASSERT_TRUE(plain && people) << error;
    ASSERT_EQ(plain->size(), people->size());
    for (std::size_t i = 0; i < plain->size(); ++i)
        EXPECT_EQ((*plain)[i].startMs, (*people)[i].startMs);
    // Berlin: Mar 31 00:00 is Mar 30 23:00 UTC; Apr 1 00:00 (summer time) is Mar 31 22:00 UTC.
    EXPECT_EQ(countsOf(people), (std::vector<std::int64_t>{2, 1}));

    EXPECT_FALSE(
        measuredSeries(*index, def, SeriesMeasure::Sessions, Granularity::Day, {}, "Mars/Olympus", &error));
    EXPECT_NE(error.find("Mars/Olympus"), std::string::npos);

    // An empty store gives no points.
    TestStore empty;
    auto none = empty.index();
    const CompiledDefinition onEmpty = compileOrDie(buyClicks(), *none);
    const auto nothing =
        measuredSeries(*none, onEmpty, SeriesMeasure::People, Granularity::Day, {}, "", &error);
    ASSERT_TRUE(nothing);
    EXPECT_TRUE(nothing->empty());
}

TEST(MeasuredSeries, MatchesBruteForceOnRandomStoresZonesAndRanges)
{
    std::mt19937 rng(20261003);
    TestStore ts;
    std::vector<EventSpec> events;
    std::int64_t t = utc(2024, 3, 20);
    for (int i = 0; i < 3000; ++i) {
        t += std::uniform_int_distribution<std::int64_t>(1, 40 * 60'000)(rng);
        const int person = std::uniform_int_distribution<int>(0, 40)(rng);
        const int session = std::uniform_int_distribution<int>(0, 120)(rng);
        EventSpec e = event(t, "p" + std::to_string(person),
                            session == 0 ? "" : "s" + std::to_string(session), i % 3 == 0 ? kNav : kBuy);
        if (i % 97 == 0) {
            e.type = "identify";
            e.chain.clear();
            e.anonDistinctId = "p" + std::to_string((person + 7) % 41);
        }
        events.push_back(e);
    }
    ts.add(events);
    auto index = ts.index();
    const CompiledDefinition def = compileOrDie(buyClicks(), *index);
    const std::int64_t first = index->timestampMs(0), last = index->timestampMs(index->size() - 1);
    const std::vector<TimeRange> ranges = {{},
                                           {first + 5 * kHour + 123, std::nullopt},
                                           {std::nullopt, last - 3 * kDay},
                                           {first + kDay / 3, last - kDay / 2}};
    int compared = 0;
    for (const char *zone : {"", "Europe/Berlin", "America/St_Johns", "Asia/Kolkata"})
        for (const Granularity g :
             {Granularity::Hour, Granularity::Day, Granularity::Week, Granularity::Month})
            for (const TimeRange &range : ranges)
                for (const SeriesMeasure m :
                     {SeriesMeasure::Interactions, SeriesMeasure::People, SeriesMeasure::Sessions}) {
                    std::string error;
                    const auto points = measuredSeries(*index, def, m, g, range, zone, &error);
                    ASSERT_TRUE(points) << error;
                    ASSERT_FALSE(points->empty());
                    EXPECT_EQ(countsOf(points), bruteForce(*index, def, m, *points, range))
                        << "zone " << zone << ", " << granularityName(g) << ", " << seriesMeasureName(m);
                    ++compared;
                }
    EXPECT_EQ(compared, 4 * 4 * 4 * 3);
}

TEST(MeasuredSeries, LargeScansSplitOverThreadsGiveTheSameAnswers)
{
    TestStore ts;
    std::vector<EventSpec> events;
    const int n = 300'000;
    events.reserve(n);
    for (int i = 0; i < n; ++i)
        events.push_back(event(kMarch1 + static_cast<std::int64_t>(i) * 5000, "p" + std::to_string(i % 1000),
                               "s" + std::to_string(i % 5000), i % 3 == 0 ? kBuy : kNav));
    ts.add(events);
    auto index = ts.index();
    const CompiledDefinition def = compileOrDie(buyClicks(), *index);
    std::string error;
    const auto people = measuredSeries(*index, def, SeriesMeasure::People, Granularity::Day, {}, "", &error);
    const auto sessions =
        measuredSeries(*index, def, SeriesMeasure::Sessions, Granularity::Day, {}, "", &error);
    ASSERT_TRUE(people && sessions) << error;
    // 17,280 interactions a day, so every one of the 1000 people and 5000 sessions is seen on a full day.
    ASSERT_GT(people->size(), 4u);
    EXPECT_EQ((*people)[1].count, 1000);
    EXPECT_EQ((*sessions)[1].count, 5000);
    EXPECT_EQ(countsOf(people), bruteForce(*index, def, SeriesMeasure::People, *people, {}));
    EXPECT_EQ(countsOf(sessions), bruteForce(*index, def, SeriesMeasure::Sessions, *sessions, {}));
}
