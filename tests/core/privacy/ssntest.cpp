#include "core/privacy/ssn.h"

#include <gtest/gtest.h>

using hindsight::privacy::ssnValid;

TEST(Ssn, AcceptsNumbersTheSsaCanIssue)
{
    EXPECT_TRUE(ssnValid("078051120"));
    EXPECT_TRUE(ssnValid("219099999"));
    EXPECT_TRUE(ssnValid("665123456"));
    EXPECT_TRUE(ssnValid("899451234"));
    EXPECT_TRUE(ssnValid("001010001"));
}

TEST(Ssn, RejectsInvalidAreaGroupAndSerial)
{
    EXPECT_FALSE(ssnValid("000123456")); // area 000
    EXPECT_FALSE(ssnValid("666123456")); // area 666
    EXPECT_FALSE(ssnValid("900123456")); // area 900-999
    EXPECT_FALSE(ssnValid("999123456"));
    EXPECT_FALSE(ssnValid("123004567")); // group 00
    EXPECT_FALSE(ssnValid("123450000")); // serial 0000
}

TEST(Ssn, NeedsExactlyNineDigits)
{
    EXPECT_FALSE(ssnValid("078-05-1120"));
    EXPECT_FALSE(ssnValid("07805112"));
    EXPECT_FALSE(ssnValid("0780511200"));
    EXPECT_FALSE(ssnValid("07805112a"));
}
