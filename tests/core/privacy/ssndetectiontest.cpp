#include "tests/core/privacy/detectortesthelpers.h"

#include <gtest/gtest.h>

using namespace hindsight::privacy;
using test::Found;
using test::found;

TEST(SsnDetection, FindsDashedAndSpacedNumbers)
{
    EXPECT_EQ(found("SSN 078-05-1120"), Found{"US_SSN:078-05-1120"});
    EXPECT_EQ(found("Applicant 457-55-5462 approved"), Found{"US_SSN:457-55-5462"});
    EXPECT_EQ(found("SSN 321 54 9876 on file"), Found{"US_SSN:321 54 9876"});
}

TEST(SsnDetection, BareNineDigitsOnlyWithContext)
{
    EXPECT_EQ(found("SSN: 078051120"), Found{"US_SSN:078051120"});
    EXPECT_EQ(found("Social Security No. 219099999"), Found{"US_SSN:219099999"});
    EXPECT_EQ(found("Order 078051120 shipped"), Found{});
}

TEST(SsnDetection, RejectsInvalidAreasGroupsSerialsAndLongerNumbers)
{
    EXPECT_EQ(found("SSN 000-12-3456"), Found{});
    EXPECT_EQ(found("SSN 666-12-3456"), Found{});
    EXPECT_EQ(found("SSN 912-12-3456"), Found{});
    EXPECT_EQ(found("SSN 123-00-4567"), Found{});
    EXPECT_EQ(found("SSN 123-45-0000"), Found{});
    EXPECT_EQ(found("SSN 123-45-6789-01"), Found{});
    EXPECT_EQ(found("ref A123-45-6789"), Found{});
    EXPECT_EQ(found("SSN 078-05-11200"), Found{});
}

TEST(SsnDetection, ContextRaisesConfidence)
{
    const auto withContext = detect("ssn 078-05-1120");
    const auto without = detect("id 078-05-1120");
    ASSERT_EQ(withContext.size(), 1u);
    ASSERT_EQ(without.size(), 1u);
    EXPECT_GT(withContext[0].confidence, without[0].confidence);
}

TEST(SsnDetection, StandsApartFromNeighbouringNumbers)
{
    EXPECT_EQ(found("12:30:45 078-05-1120"), Found{"US_SSN:078-05-1120"});
    EXPECT_EQ(found("94103 078-05-1120"), Found{"US_SSN:078-05-1120"});
    EXPECT_EQ(found("ref 12 078 05 1120"), Found{}); // spaced, and part of a longer spaced number
}
