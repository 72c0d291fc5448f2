#include "core/privacy/luhn.h"

#include <gtest/gtest.h>

using hindsight::privacy::luhnValid;

TEST(Luhn, AcceptsKnownValidNumbers)
{
    EXPECT_TRUE(luhnValid("4111111111111111"));
    EXPECT_TRUE(luhnValid("378282246310005"));
    EXPECT_TRUE(luhnValid("79927398713")); // the textbook example
    EXPECT_TRUE(luhnValid("490154203237518"));
}

TEST(Luhn, RejectsAChangedDigitOrSwappedNeighbours)
{
    EXPECT_FALSE(luhnValid("4111111111111112"));
    EXPECT_FALSE(luhnValid("79927398710"));
    EXPECT_FALSE(luhnValid("79927398731")); // last two swapped
}

TEST(Luhn, RejectsNonDigitsAndTooShortInput)
{
    EXPECT_FALSE(luhnValid(""));
    EXPECT_FALSE(luhnValid("0"));
    EXPECT_FALSE(luhnValid("4111 1111 1111 1111"));
    EXPECT_FALSE(luhnValid("4111-1111-1111-1111"));
    EXPECT_FALSE(luhnValid("41111111111111a1"));
}
