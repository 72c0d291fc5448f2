#include "tests/core/privacy/detectortesthelpers.h"

#include <gtest/gtest.h>

using namespace hindsight::privacy;
using test::Found;
using test::found;

TEST(CardDetection, FindsGroupedAndUnbrokenNumbers)
{
    EXPECT_EQ(found("Card 4111 1111 1111 1111 exp 12/25"), Found{"CREDIT_CARD:4111 1111 1111 1111"});
    EXPECT_EQ(found("Visa 4242-4242-4242-4242"), Found{"CREDIT_CARD:4242-4242-4242-4242"});
    EXPECT_EQ(found("pan=4111111111111111"), Found{"CREDIT_CARD:4111111111111111"});
    EXPECT_EQ(found("Amex 3714 496353 98431"), Found{"CREDIT_CARD:3714 496353 98431"});
    EXPECT_EQ(found("Diners 3056 930902 5904"), Found{"CREDIT_CARD:3056 930902 5904"});
    EXPECT_EQ(found("Maestro 6759649826438453"), Found{"CREDIT_CARD:6759649826438453"});
    EXPECT_EQ(found("19 digits 4438244753095410336"), Found{"CREDIT_CARD:4438244753095410336"});
}

TEST(CardDetection, ContextRaisesConfidence)
{
    const auto withContext = detect("credit card 4111111111111111");
    const auto without = detect("value 4111111111111111");
    ASSERT_EQ(withContext.size(), 1u);
    ASSERT_EQ(without.size(), 1u);
    EXPECT_GT(withContext[0].confidence, without[0].confidence);
}

TEST(CardDetection, RejectsLuhnFailuresUnknownIssuersAndGluedDigits)
{
    EXPECT_EQ(found("Order id 4111111111111112"), Found{});
    EXPECT_EQ(found("4111 1111 1111 1112"), Found{});
    EXPECT_EQ(found("id 1234567812345670"), Found{});  // Luhn-valid, but no network starts with 1
    EXPECT_EQ(found("IMEI 490154203237518"), Found{}); // Luhn-valid, 15 digits starting with 4
    EXPECT_EQ(found("abc4111111111111111"), Found{});
    EXPECT_EQ(found("4111111111111111abc"), Found{});
    EXPECT_EQ(found("serial 4111.1111.1111.1111"), Found{});
    EXPECT_EQ(found("4111 111 1111 1111 1"), Found{}); // not a card grouping
    EXPECT_EQ(found("ts 1717171717171"), Found{});
}

TEST(CardDetection, WordsForOtherNumbersSuppressAMatchUnlessACardIsMentioned)
{
    // 4915112345678 passes Luhn and looks like a 13-digit Visa.
    EXPECT_EQ(found("EAN 4915112345678"), Found{});
    EXPECT_EQ(found("card 4915112345678"), Found{"CREDIT_CARD:4915112345678"});
    EXPECT_EQ(found("order paid by card 4111111111111111"), Found{"CREDIT_CARD:4111111111111111"});
}

TEST(CardDetection, StopsAtTheLongestValidGroupPrefix)
{
    EXPECT_EQ(found("Card 4111 1111 1111 1111 2025"), Found{"CREDIT_CARD:4111 1111 1111 1111"});
}

TEST(CardDetection, FollowsOtherNumbersWithoutMergingIntoThem)
{
    EXPECT_EQ(found("12:30:45 4111 1111 1111 1111"), Found{"CREDIT_CARD:4111 1111 1111 1111"});
    EXPECT_EQ(found("#100234987 4111 1111 1111 1111"), Found{"CREDIT_CARD:4111 1111 1111 1111"});
    EXPECT_EQ(found("order 4111 1111 1111 1111"), Found{"CREDIT_CARD:4111 1111 1111 1111"}); // grouped
}
