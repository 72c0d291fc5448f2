#include "core/capture/timestamp.h"

#include <gtest/gtest.h>

using hindsight::capture::formatIsoTimestamp;
using hindsight::capture::parseIsoTimestamp;

TEST(Timestamp, ParsesUtcWithMilliseconds)
{
    EXPECT_EQ(parseIsoTimestamp("2026-11-01T10:00:00.123Z"), 1793527200123);
    EXPECT_EQ(formatIsoTimestamp(1793527200123), "2026-11-01T10:00:00.123Z");
}

TEST(Timestamp, NormalisesAnyOffsetToUtc)
{
    const auto utc = parseIsoTimestamp("2024-03-10T12:00:00Z");
    EXPECT_EQ(parseIsoTimestamp("2024-03-10T14:00:00+02:00"), utc);
    EXPECT_EQ(parseIsoTimestamp("2024-03-10T07:00:00-0500"), utc);
    EXPECT_EQ(parseIsoTimestamp("2024-03-10T17:30:00+05:30"), utc);
    EXPECT_EQ(parseIsoTimestamp("2024-03-10T13:00:00+01"), utc);
    EXPECT_EQ(parseIsoTimestamp("2024-03-10 12:00:00"), utc); // PostHog export style, no offset = UTC
    EXPECT_EQ(parseIsoTimestamp("2024-03-10T12:00:00.000000+00:00"), utc);
}

TEST(Timestamp, TruncatesBeyondMilliseconds)
{
    EXPECT_EQ(parseIsoTimestamp("2024-01-01T00:00:00.123456789Z"),
              *parseIsoTimestamp("2024-01-01T00:00:00Z") + 123);
}

TEST(Timestamp, RefusesImpossibleDatesWithAReason)
{
    std::string why;
    EXPECT_FALSE(parseIsoTimestamp("2023-02-29T00:00:00Z", &why));
    EXPECT_NE(why.find("day 29"), std::string::npos) << why;
    EXPECT_TRUE(parseIsoTimestamp("2024-02-29T00:00:00Z"));
    EXPECT_FALSE(parseIsoTimestamp("2024-13-01T00:00:00Z", &why));
    EXPECT_NE(why.find("month 13"), std::string::npos) << why;
    EXPECT_FALSE(parseIsoTimestamp("2024-01-01T24:00:00Z"));
    EXPECT_FALSE(parseIsoTimestamp("2024-01-01T10:61:00Z"));
    EXPECT_FALSE(parseIsoTimestamp("yesterday"));
    EXPECT_FALSE(parseIsoTimestamp("2024-01-01T10:00:00Zjunk"));
    EXPECT_FALSE(parseIsoTimestamp("2024-01-01T10:00:00+25:00"));
    EXPECT_FALSE(parseIsoTimestamp(""));
}
