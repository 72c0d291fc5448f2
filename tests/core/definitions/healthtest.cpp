#include "core/definitions/definitionhealth.h"
#include "tests/core/definitions/indextesthelpers.h"

#include <gtest/gtest.h>

using namespace hindsight;
using namespace hindsight::definitions;
using namespace hindsight::definitions::test;

namespace {

/// Day d of March 2024 (1-based), 00:00 UTC.
constexpr std::int64_t march(int d)
{
    return kMarch1 + (d - 1) * kDay;
}

void addDay(std::vector<EventSpec> &events, const std::string &type, int day, int count)
{
    for (int i = 0; i < count; ++i) {
        EventSpec e;
        e.type = type;
        e.ms = march(day) + kHour + i * (10 * kHour / count); // 01:00 to 11:00
        events.push_back(e);
    }
}

Definition byType(std::string name, std::string type)
{
    Step s;
    s.eventTypes = {std::move(type)};
    return definitionOf(std::move(name), {s});
}

const DefinitionHealth *find(const HealthReport &r, std::string_view name)
{
    for (const auto &d : r.definitions)
        if (d.name == name) return &d;
    return nullptr;
}

class HealthTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        std::vector<EventSpec> events;
        EventSpec first; // the data start exactly at 2024-03-01 00:00 UTC ...
        first.type = "marker";
        first.ms = march(1);
        events.push_back(first);
        for (int day = 1; day <= 8; ++day) {
            addDay(events, "steady", day, 30);
            addDay(events, "small", day, day == 4 ? 0 : 10);
            addDay(events, "partial", day, day == 8 ? 0 : 30);
            addDay(events, "exact", day, day == 3 ? 5 : day == 7 ? 4 : 50);
            addDay(events, "archived", day, day <= 4 ? 40 : 0);
        }
        for (int day = 1; day <= 4; ++day)
            addDay(events, "broke", day, 40);
        addDay(events, "broke", 5, 2); // 01:00 and 06:00 on March 5, then nothing
        EventSpec last;                // ... and end at 2024-03-08 12:00 UTC.
        last.type = "marker";
        last.ms = march(8) + 12 * kHour;
        events.push_back(last);
        std::sort(events.begin(), events.end(),
                  [](const EventSpec &a, const EventSpec &b) { return a.ms < b.ms; });
        store.add(events);
        index = store.index();
        ASSERT_TRUE(index);

        defs = {byType("Steady", "steady"),    byType("Small", "small"), byType("Partial", "partial"),
                byType("Exact", "exact"),      byType("Broke", "broke"), byType("Never", "nothing-like-this"),
                byType("Archived", "archived")};
        defs.back().status = DefinitionStatus::Archived;
        Step bad;
        bad.text = TextCriterion{"(unclosed", TextMatchMode::Regex, true};
        defs.push_back(definitionOf("Bad regex", {bad}));
    }

    TestStore store;
    std::unique_ptr<InteractionIndex> index;
    std::vector<Definition> defs;
};

} // namespace

TEST_F(HealthTest, QuietWindowIsMeasuredFromTheNewestData)
{
    const HealthReport r = checkHealth(*index, defs);
    ASSERT_TRUE(r.newestMs);
    EXPECT_EQ(*r.newestMs, march(8) + 12 * kHour);
    EXPECT_EQ(r.quietFromMs, march(5) + 12 * kHour);
    EXPECT_NE(r.basis.find("newest interaction"), std::string::npos) << r.basis;
    EXPECT_NE(r.basis.find("2024-03-08 12:00 UTC"), std::string::npos) << r.basis;
    EXPECT_NE(r.basis.find("not the current time"), std::string::npos) << r.basis;

    const DefinitionHealth *broke = find(r, "Broke");
    ASSERT_TRUE(broke);
    ASSERT_EQ(broke->issues.size(), 2u);
    EXPECT_EQ(broke->issues[0].kind, HealthIssueKind::NoRecentMatches);
    ASSERT_TRUE(broke->issues[0].lastMatchMs);
    EXPECT_EQ(*broke->issues[0].lastMatchMs, march(5) + 6 * kHour);
    EXPECT_NE(broke->issues[0].message.find("72 hours"), std::string::npos) << broke->issues[0].message;
    EXPECT_NE(broke->issues[0].message.find("last match 2024-03-05 06:00 UTC"), std::string::npos)
        << broke->issues[0].message;

    const DefinitionHealth *never = find(r, "Never");
    ASSERT_TRUE(never);
    ASSERT_EQ(never->issues.size(), 1u);
    EXPECT_EQ(never->issues[0].kind, HealthIssueKind::NoRecentMatches);
    EXPECT_FALSE(never->issues[0].lastMatchMs);
    EXPECT_NE(never->issues[0].message.find("never matched"), std::string::npos);
}

TEST_F(HealthTest, DropsOfMoreThanNinetyPercentBetweenCompleteDays)
{
    const HealthReport r = checkHealth(*index, defs);
    const DefinitionHealth *broke = find(r, "Broke");
    ASSERT_TRUE(broke);
    ASSERT_EQ(broke->issues.size(), 2u);
    const HealthIssue &drop = broke->issues[1];
    EXPECT_EQ(drop.kind, HealthIssueKind::SuddenDrop);
    EXPECT_EQ(drop.dayBeforeMs, march(4));
    EXPECT_EQ(drop.dayMs, march(5));
    EXPECT_EQ(drop.countBefore, 40);
    EXPECT_EQ(drop.countAfter, 2);
    EXPECT_EQ(drop.message, "daily count fell from 40 on 2024-03-04 to 2 on 2024-03-05 (-95%)");

    // Exactly 90% (50 -> 5) is not "more than 90%"; 50 -> 4 is.
    const DefinitionHealth *exact = find(r, "Exact");
    ASSERT_TRUE(exact);
    ASSERT_EQ(exact->issues.size(), 1u);
    EXPECT_EQ(exact->issues[0].kind, HealthIssueKind::SuddenDrop);
    EXPECT_EQ(exact->issues[0].dayMs, march(7));
    EXPECT_EQ(exact->issues[0].countBefore, 50);
    EXPECT_EQ(exact->issues[0].countAfter, 4);

    // Below 20 a day a fall to zero is noise; the partial newest day is never judged.
    EXPECT_TRUE(find(r, "Small")->healthy());
    EXPECT_TRUE(find(r, "Partial")->healthy());
    EXPECT_TRUE(find(r, "Steady")->healthy());
}

TEST_F(HealthTest, ArchivedSkippedAndBrokenReported)
{
    const HealthReport r = checkHealth(*index, defs);
    EXPECT_FALSE(find(r, "Archived"));
    EXPECT_EQ(r.definitions.size(), 6u);
    ASSERT_EQ(r.notChecked.size(), 1u);
    EXPECT_EQ(r.notChecked[0].rfind("Bad regex: ", 0), 0u) << r.notChecked[0];

    // The same definition un-archived is checked (and flagged: it stopped on March 5).
    defs[6].status = DefinitionStatus::Deprecated;
    const HealthReport again = checkHealth(*index, defs);
    const DefinitionHealth *archived = find(again, "Archived");
    ASSERT_TRUE(archived);
    ASSERT_EQ(archived->issues.size(), 2u);
    EXPECT_EQ(archived->issues[1].dayMs, march(5));
    EXPECT_EQ(archived->issues[1].countAfter, 0);
}

TEST_F(HealthTest, OptionsChangeTheThresholds)
{
    HealthOptions o;
    o.quietWindowMs = 10 * kHour;
    o.minDailyCount = 5;
    const HealthReport r = checkHealth(*index, defs, {}, o);
    EXPECT_EQ(r.quietFromMs, march(8) + 2 * kHour);
    // Small: 10 on March 3, 0 on March 4 now counts as a drop.
    const DefinitionHealth *small = find(r, "Small");
    ASSERT_TRUE(small);
    ASSERT_EQ(small->issues.size(), 1u);
    EXPECT_EQ(small->issues[0].dayMs, march(4));
    // Partial has nothing on March 8, which holds the last 10 hours.
    const DefinitionHealth *partial = find(r, "Partial");
    ASSERT_TRUE(partial);
    ASSERT_EQ(partial->issues.size(), 1u);
    EXPECT_EQ(partial->issues[0].kind, HealthIssueKind::NoRecentMatches);
    EXPECT_NE(partial->issues[0].message.find("10 hours"), std::string::npos);
}

TEST(Health, EmptyStoreFlagsNothing)
{
    TestStore store;
    auto index = store.index();
    ASSERT_TRUE(index);
    std::vector<Definition> defs{byType("Anything", "click")};
    const HealthReport r = checkHealth(*index, defs);
    EXPECT_FALSE(r.newestMs);
    ASSERT_EQ(r.definitions.size(), 1u);
    EXPECT_TRUE(r.definitions[0].healthy());
    EXPECT_NE(r.basis.find("no interactions"), std::string::npos);
}
