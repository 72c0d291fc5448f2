#include "ui/common/humanformat.h"

#include "tests/ui/uitesthelpers.h"

#include <QDateTime>
#include <gtest/gtest.h>

using namespace hindsight::ui;

// The tests run in the C locale, for which the studio uses English separators.
TEST(HumanFormat, CountsHaveThousandsSeparators)
{
    EXPECT_EQ(formatCount(0), QStringLiteral("0"));
    EXPECT_EQ(formatCount(999), QStringLiteral("999"));
    EXPECT_EQ(formatCount(12'408), QStringLiteral("12,408"));
    EXPECT_EQ(formatCount(10'000'000), QStringLiteral("10,000,000"));
}

TEST(HumanFormat, CompactCountsReadLikeAPersonWouldSayThem)
{
    EXPECT_EQ(formatCompactCount(9'999), QStringLiteral("9,999"));
    EXPECT_EQ(formatCompactCount(12'408), QStringLiteral("12.4K"));
    EXPECT_EQ(formatCompactCount(124'000), QStringLiteral("124K"));
    EXPECT_EQ(formatCompactCount(999'960), QStringLiteral("1M"));
    EXPECT_EQ(formatCompactCount(10'000'000), QStringLiteral("10M"));
    EXPECT_EQ(formatCompactCount(10'049'999), QStringLiteral("10M"));
    EXPECT_EQ(formatCompactCount(10'050'000), QStringLiteral("10.1M"));
    EXPECT_EQ(formatCompactCount(3'104'221), QStringLiteral("3.1M"));
    EXPECT_EQ(formatCompactCount(1'200'000'000), QStringLiteral("1.2B"));
}

TEST(HumanFormat, SizesAndTimes)
{
    EXPECT_EQ(formatBytes(1), QStringLiteral("1 byte"));
    EXPECT_EQ(formatBytes(512), QStringLiteral("512 bytes"));
    EXPECT_EQ(formatBytes(3'250'000), QStringLiteral("3.1 MB"));
    EXPECT_EQ(formatUtcInstant(0), QStringLiteral("1970-01-01T00:00:00.000Z (UTC)"));
    EXPECT_EQ(formatLocalDateTime(0),
              QDateTime::fromMSecsSinceEpoch(0).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
}
