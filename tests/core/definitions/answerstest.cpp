#include "core/definitions/answers.h"

#include "tests/core/definitions/indextesthelpers.h"

#include <QDateTime>
#include <QTimeZone>
#include <gtest/gtest.h>

using namespace hindsight;
using namespace hindsight::definitions;
using namespace hindsight::definitions::test;

namespace {

/// UTC milliseconds of a UTC wall-clock time.
std::int64_t utc(int y, int mo, int d, int h = 0, int mi = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), QTimeZone::utc()).toMSecsSinceEpoch();
}

const std::string kBuy = R"(span.label:text="Add";button.buy:text="Add to cart";form)";
const std::string kBuyNow = R"(button.buy:text="Buy now";div)";
const std::string kNav = R"(a.nav:href="/orders"text="Orders";nav)";

EventSpec at(std::int64_t ms, std::string chain = kBuy, std::string type = "click")
{
    EventSpec e;
    e.ms = ms;
    e.chain = std::move(chain);
    e.type = std::move(type);
    return e;
}

Definition buyClicks()
{
    Step s;
    s.eventTypes = {"click"};
    s.selector = "button.buy";
    return definitionOf("Buy clicked", {s});
}

struct Point
{
    std::int64_t start;
    std::int64_t count;
    bool operator==(const Point &) const = default;
};
std::ostream &operator<<(std::ostream &os, const Point &p)
{
    return os << "{"
              << QDateTime::fromMSecsSinceEpoch(p.start, QTimeZone::utc()).toString(Qt::ISODate).toStdString()
              << ", " << p.count << "}";
}

std::vector<Point> seriesOf(const InteractionIndex &index, const CompiledDefinition &def, Granularity g,
                            std::string_view zone, const TimeRange &range = {})
{
    std::string error;
    const auto points = series(index, def, g, range, zone, &error);
    EXPECT_TRUE(points) << error;
    std::vector<Point> out;
    if (points)
        for (const SeriesPoint &p : *points)
            out.push_back({p.startMs, p.count});
    return out;
}

} // namespace

TEST(Answers, TotalsCountPeopleThroughIdentifyAndSessions)
{
    TestStore ts;
    std::vector<EventSpec> events;
    auto add = [&](std::string distinct, std::string session, std::string chain, std::string type = "click") {
        EventSpec e = at(kMarch1 + static_cast<std::int64_t>(events.size()) * 60'000, std::move(chain),
                         std::move(type));
        e.distinctId = std::move(distinct);
        e.session = std::move(session);
        events.push_back(e);
    };
    add("anon-1", "s1", kBuy);
    add("anon-1", "s1", kBuyNow);
    add("anon-2", "s2", kBuy);
    add("anon-3", "s3", kNav);              // not a buy click
    add("anon-3", "s3", kBuy, "pageleave"); // not a click
    add("jane", "s4", kBuy);
    ts.add(events);
    {
        auto index = ts.index();
        const Totals t = totals(*index, compileOrDie(buyClicks(), *index));
        EXPECT_EQ(t.count, 4);
        EXPECT_EQ(t.people, 3); // anon-1, anon-2, jane
        EXPECT_EQ(t.sessions, 3);
    }
    // anon-1 turns out to be jane.
    EventSpec identify = at(kMarch1 + kDay, "", "identify");
    identify.distinctId = "jane";
    identify.anonDistinctId = "anon-1";
    ts.add({identify});
    auto index = ts.index();
    const CompiledDefinition def = compileOrDie(buyClicks(), *index);
    const Totals t = totals(*index, def);
    EXPECT_EQ(t.count, 4);
    EXPECT_EQ(t.people, 2);
    EXPECT_EQ(t.sessions, 3);

    // [from, to): from the second interaction, up to (not including) the sixth.
    const Totals part = totals(*index, def, TimeRange{kMarch1 + 60'000, kMarch1 + 5 * 60'000});
    EXPECT_EQ(part.count, 2);
    EXPECT_EQ(part.people, 2);
    EXPECT_EQ(part.sessions, 2);
    const Totals none = totals(*index, def, TimeRange{kMarch1 + kDay, std::nullopt});
    EXPECT_EQ(none.count, 0);
    EXPECT_EQ(none.people, 0);
    const Totals empty = totals(*index, def, TimeRange{kMarch1 + 5 * 60'000, kMarch1});
    EXPECT_EQ(empty.count, 0);
}

TEST(Answers, DailySeriesInUtcIsZeroFilledOverTheWholeHistory)
{
    TestStore ts;
    ts.add({at(utc(2024, 3, 1, 9)), at(utc(2024, 3, 1, 23, 59)), at(utc(2024, 3, 2, 12), kNav),
            at(utc(2024, 3, 4, 0))});
    auto index = ts.index();
    const auto def = compileOrDie(buyClicks(), *index);
    EXPECT_EQ(seriesOf(*index, def, Granularity::Day, ""),
              (std::vector<Point>{
                  {utc(2024, 3, 1), 2}, {utc(2024, 3, 2), 0}, {utc(2024, 3, 3), 0}, {utc(2024, 3, 4), 1}}));
    // A closed range: [Mar 1 23:59, Mar 4 00:00): the bucket of `from` starts at its midnight,
    // the interaction exactly at `to` is left out.
    EXPECT_EQ(
        seriesOf(*index, def, Granularity::Day, "", TimeRange{utc(2024, 3, 1, 23, 59), utc(2024, 3, 4)}),
        (std::vector<Point>{{utc(2024, 3, 1), 1}, {utc(2024, 3, 2), 0}, {utc(2024, 3, 3), 0}}));
    // A range before any data is all zeros.
    EXPECT_EQ(seriesOf(*index, def, Granularity::Day, "", TimeRange{utc(2024, 2, 1), utc(2024, 2, 3)}),
              (std::vector<Point>{{utc(2024, 2, 1), 0}, {utc(2024, 2, 2), 0}}));
}

TEST(Answers, BerlinDaysAcrossDaylightSavingChangesAre23And25Hours)
{
    TestStore ts;
    ts.add({
        at(utc(2024, 3, 30, 22, 30)), // Mar 30, 23:30 CET
        at(utc(2024, 3, 30, 23, 30)), // Mar 31, 00:30 CET
        at(utc(2024, 3, 31, 21, 30)), // Mar 31, 23:30 CEST
        at(utc(2024, 3, 31, 22, 30)), // Apr 1, 00:30 CEST
    });
    auto index = ts.index();
    const auto def = compileOrDie(buyClicks(), *index);
    const auto berlin = seriesOf(*index, def, Granularity::Day, "Europe/Berlin");
    EXPECT_EQ(berlin, (std::vector<Point>{
                          {utc(2024, 3, 29, 23), 1}, {utc(2024, 3, 30, 23), 2}, {utc(2024, 3, 31, 22), 1}}));
    ASSERT_EQ(berlin.size(), 3u);
    EXPECT_EQ(berlin[2].start - berlin[1].start, 23 * kHour);
    // The same interactions by UTC day fall differently.
    EXPECT_EQ(seriesOf(*index, def, Granularity::Day, ""),
              (std::vector<Point>{{utc(2024, 3, 30), 2}, {utc(2024, 3, 31), 2}}));
}

TEST(Answers, BerlinAutumnDayHas25HourBuckets)
{
    TestStore ts;
    ts.add({
        at(utc(2024, 10, 26, 22, 30)), // Oct 27, 00:30 CEST
        at(utc(2024, 10, 27, 0, 30)),  // Oct 27, 02:30 CEST (first time round)
        at(utc(2024, 10, 27, 1, 30)),  // Oct 27, 02:30 CET (second time round)
        at(utc(2024, 10, 27, 22, 30)), // Oct 27, 23:30 CET
    });
    auto index = ts.index();
    const auto def = compileOrDie(buyClicks(), *index);
    EXPECT_EQ(seriesOf(*index, def, Granularity::Day, "Europe/Berlin"),
              (std::vector<Point>{{utc(2024, 10, 26, 22), 4}}));
    const auto hours = seriesOf(*index, def, Granularity::Hour, "Europe/Berlin",
                                TimeRange{utc(2024, 10, 26, 22), utc(2024, 10, 27, 23)});
    ASSERT_EQ(hours.size(), 25u);
    std::int64_t total = 0;
    for (std::size_t i = 0; i < hours.size(); ++i) {
        EXPECT_EQ(hours[i].start, utc(2024, 10, 26, 22) + static_cast<std::int64_t>(i) * kHour);
        total += hours[i].count;
    }
    EXPECT_EQ(total, 4);
    // The two "02:30" clicks land in two different local hours.
    EXPECT_EQ(hours[2].count, 1);
    EXPECT_EQ(hours[3].count, 1);
}

TEST(Answers, HalfHourZonesStStJohnsAndKolkata)
{
    TestStore ts;
    ts.add({
        at(utc(2024, 1, 15, 3, 20)), // St. John's (UTC-3:30): Jan 14, 23:50
        at(utc(2024, 1, 15, 3, 40)), // St. John's: Jan 15, 00:10
        at(utc(2024, 3, 9, 18, 15)), // Kolkata (UTC+5:30): Mar 9, 23:45
        at(utc(2024, 3, 9, 18, 45)), // Kolkata: Mar 10, 00:15
    });
    auto index = ts.index();
    const auto def = compileOrDie(buyClicks(), *index);
    const TimeRange jan{utc(2024, 1, 15, 3), utc(2024, 1, 15, 5)};
    EXPECT_EQ(seriesOf(*index, def, Granularity::Hour, "America/St_Johns", jan),
              (std::vector<Point>{
                  {utc(2024, 1, 15, 2, 30), 1}, {utc(2024, 1, 15, 3, 30), 1}, {utc(2024, 1, 15, 4, 30), 0}}));
    EXPECT_EQ(seriesOf(*index, def, Granularity::Day, "America/St_Johns", jan),
              (std::vector<Point>{{utc(2024, 1, 14, 3, 30), 1}, {utc(2024, 1, 15, 3, 30), 1}}));
    const TimeRange mar{utc(2024, 3, 9, 12), utc(2024, 3, 10, 12)};
    EXPECT_EQ(seriesOf(*index, def, Granularity::Day, "Asia/Kolkata", mar),
              (std::vector<Point>{{utc(2024, 3, 8, 18, 30), 1}, {utc(2024, 3, 9, 18, 30), 1}}));
    EXPECT_EQ(seriesOf(*index, def, Granularity::Day, "", mar),
              (std::vector<Point>{{utc(2024, 3, 9), 2}, {utc(2024, 3, 10), 0}}));
}

TEST(Answers, WeeksStartOnMondayAndMonthsAreZeroFilled)
{
    TestStore ts;
    ts.add({
        at(utc(2024, 1, 15, 12)), at(utc(2024, 3, 6, 12)), // Wednesday
        at(utc(2024, 3, 10, 23)),                          // Sunday
        at(utc(2024, 3, 11, 0)),                           // Monday
    });
    auto index = ts.index();
    const auto def = compileOrDie(buyClicks(), *index);
    const auto weeks =
        seriesOf(*index, def, Granularity::Week, "", TimeRange{utc(2024, 3, 6), utc(2024, 3, 12)});
    EXPECT_EQ(weeks, (std::vector<Point>{{utc(2024, 3, 4), 2}, {utc(2024, 3, 11), 1}}));
    EXPECT_EQ(QDateTime::fromMSecsSinceEpoch(weeks[0].start, QTimeZone::utc()).date().dayOfWeek(), 1);
    EXPECT_EQ(seriesOf(*index, def, Granularity::Month, ""),
              (std::vector<Point>{{utc(2024, 1, 1), 1}, {utc(2024, 2, 1), 0}, {utc(2024, 3, 1), 3}}));
    // Months in Berlin start at local midnight: 23:00 UTC the day before in winter.
    const auto berlin = seriesOf(*index, def, Granularity::Month, "Europe/Berlin");
    ASSERT_EQ(berlin.size(), 3u);
    EXPECT_EQ(berlin[0].start, utc(2023, 12, 31, 23));
    EXPECT_EQ(berlin[2].start, utc(2024, 2, 29, 23));
}

TEST(Answers, UnknownTimeZoneIsRefusedByName)
{
    TestStore ts;
    ts.add({at(kMarch1)});
    auto index = ts.index();
    const auto def = compileOrDie(buyClicks(), *index);
    std::string error;
    EXPECT_FALSE(series(*index, def, Granularity::Day, {}, "Mars/Olympus_Mons", &error));
    EXPECT_NE(error.find("Mars/Olympus_Mons"), std::string::npos) << error;
    EXPECT_EQ(granularityFromName("week"), Granularity::Week);
    EXPECT_FALSE(granularityFromName("fortnight"));
    EXPECT_EQ(granularityName(Granularity::Month), "month");
}

TEST(Answers, BreakdownsByPathTextAndProperty)
{
    TestStore ts;
    std::vector<EventSpec> events;
    auto add = [&](std::string chain, std::string url, std::string props) {
        EventSpec e = at(kMarch1 + static_cast<std::int64_t>(events.size()) * 1000, std::move(chain));
        e.url = std::move(url);
        e.properties = std::move(props);
        events.push_back(e);
    };
    add(kBuy, "https://shop.example/products/a?c=red", R"({"plan":"pro","qty":2})");
    add(kBuy, "https://shop.example/products/a?c=blue", R"({"plan":"pro","qty":1})");
    add(kBuyNow, "https://shop.example/products/b", R"({"plan":"free"})");
    add(kBuy, "", R"({"qty":2})");
    add(kNav, "https://shop.example/products/a", R"({"plan":"pro"})"); // not a buy click
    ts.add(events);
    auto index = ts.index();
    const auto def = compileOrDie(buyClicks(), *index);
    using Rows = std::vector<std::tuple<std::string, bool, std::int64_t>>;
    auto rows = [](const std::vector<BreakdownRow> &in) {
        Rows out;
        for (const auto &r : in)
            out.emplace_back(r.value, r.missing, r.count);
        return out;
    };
    EXPECT_EQ(rows(breakdown(*index, def, BreakdownKind::Path, "", {}, 0)),
              (Rows{{"/products/a", false, 2}, {"/products/b", false, 1}, {"", true, 1}}));
    // The text of the button (the element the selector matched), not of the span clicked.
    EXPECT_EQ(rows(breakdown(*index, def, BreakdownKind::Text, "", {}, 0)),
              (Rows{{"Add to cart", false, 3}, {"Buy now", false, 1}}));
    EXPECT_EQ(rows(breakdown(*index, def, BreakdownKind::Property, "plan", {}, 0)),
              (Rows{{"pro", false, 2}, {"free", false, 1}, {"", true, 1}}));
    // Numbers by their JSON spelling; on equal counts values come before "missing".
    EXPECT_EQ(rows(breakdown(*index, def, BreakdownKind::Property, "qty", {}, 0)),
              (Rows{{"2", false, 2}, {"1", false, 1}, {"", true, 1}}));
    EXPECT_EQ(rows(breakdown(*index, def, BreakdownKind::Path, "", {}, 1)),
              (Rows{{"/products/a", false, 2}}));
    EXPECT_EQ(
        rows(breakdown(*index, def, BreakdownKind::Path, "", TimeRange{kMarch1 + 1000, std::nullopt}, 0)),
        (Rows{{"/products/a", false, 1}, {"/products/b", false, 1}, {"", true, 1}}));

    // Without element conditions, the text is the target's (the span's).
    Step clicks;
    clicks.eventTypes = {"click"};
    const auto anyClick = compileOrDie(definitionOf("clicks", {clicks}), *index);
    EXPECT_EQ(rows(breakdown(*index, anyClick, BreakdownKind::Text, "", {}, 0)),
              (Rows{{"Add", false, 3}, {"Buy now", false, 1}, {"Orders", false, 1}}));
}

TEST(Answers, TextBreakdownFallsBackToTheLabelInsideATextlessElement)
{
    // posthog-js records a button's label on the inner span it wraps; the button has no text.
    TestStore ts;
    ts.add({at(kMarch1, R"(span.label:text="Save";button.save;form)"),
            at(kMarch1 + 1000, R"(svg.icon;button.save;form)"),
            at(kMarch1 + 2000, R"(button.save:text="Keep";form)")});
    auto index = ts.index();
    Step s;
    s.selector = "button.save";
    const auto def = compileOrDie(definitionOf("Save", {s}), *index);
    std::vector<std::tuple<std::string, bool, std::int64_t>> got;
    for (const auto &r : breakdown(*index, def, BreakdownKind::Text, "", {}, 0))
        got.emplace_back(r.value, r.missing, r.count);
    EXPECT_EQ(got, (std::vector<std::tuple<std::string, bool, std::int64_t>>{
                       {"Keep", false, 1}, {"Save", false, 1}, {"", true, 1}}));
}

TEST(Answers, MatchingIdsAreNewestFirstAndPaged)
{
    TestStore ts;
    std::vector<EventSpec> events;
    for (int i = 0; i < 20; ++i)
        events.push_back(at(kMarch1 + i * 1000, i % 2 ? kBuy : kNav));
    ts.add(events);
    auto index = ts.index();
    const auto def = compileOrDie(buyClicks(), *index);
    std::vector<std::int64_t> expected; // odd rows, newest first
    for (int r = 19; r >= 0; r -= 2)
        expected.push_back(index->ids()[static_cast<std::size_t>(r)]);
    EXPECT_EQ(matchingIds(*index, def, {}, 0, 0), expected);
    EXPECT_EQ(matchingIds(*index, def, {}, 3, 4),
              (std::vector<std::int64_t>(expected.begin() + 3, expected.begin() + 7)));
    EXPECT_EQ(matchingIds(*index, def, {}, 8, 5),
              (std::vector<std::int64_t>(expected.begin() + 8, expected.end())));
    EXPECT_TRUE(matchingIds(*index, def, {}, 10, 5).empty());
    // Within [row 4, row 10): rows 5, 7, 9.
    EXPECT_EQ(matchingIds(*index, def, TimeRange{kMarch1 + 4000, kMarch1 + 10'000}, 0, 0),
              (std::vector<std::int64_t>{index->ids()[9], index->ids()[7], index->ids()[5]}));
    for (std::int64_t id : expected) {
        const auto row = index->rowOf(id);
        ASSERT_GE(row, 0);
        EXPECT_TRUE(def.matchesRow(static_cast<std::size_t>(row)));
    }
}

TEST(Answers, LargeScansSplitOverThreadsGiveTheSameAnswers)
{
    // More rows than one thread takes alone, so that totals and series run in two halves.
    TestStore ts;
    std::vector<EventSpec> events;
    const int n = 300'000;
    events.reserve(n);
    for (int i = 0; i < n; ++i) {
        EventSpec e = at(kMarch1 + static_cast<std::int64_t>(i) * 5000, i % 3 == 0 ? kBuy : kNav);
        e.distinctId = "p" + std::to_string(i % 1000);
        e.session = "s" + std::to_string(i % 5000);
        events.push_back(std::move(e));
    }
    ts.add(events);
    auto index = ts.index();
    ASSERT_EQ(index->size(), static_cast<std::size_t>(n));
    const auto def = compileOrDie(buyClicks(), *index);
    const Totals t = totals(*index, def);
    EXPECT_EQ(t.count, n / 3);
    EXPECT_EQ(t.people, 1000); // every third of 1000 cycling ids still reaches all of them
    EXPECT_EQ(t.sessions, 5000);
    const auto days = seriesOf(*index, def, Granularity::Day, "");
    std::int64_t sum = 0;
    for (const auto &p : days)
        sum += p.count;
    EXPECT_EQ(sum, n / 3);
    // 5 s apart: 17,280 interactions a day, a third of them buy clicks.
    ASSERT_GT(days.size(), 2u);
    EXPECT_EQ(days[1].count, 17'280 / 3);
}
