#include "core/privacy/masking.h"

#include "core/privacy/detector.h"

#include <gtest/gtest.h>

using namespace hindsight::privacy;

TEST(Masking, KeepsAHintOfEachValue)
{
    EXPECT_EQ(maskValue("jane@example.org", DetectorType::Email), "j***@e***.org");
    EXPECT_EQ(maskValue("bob%40mail.example.com", DetectorType::Email), "b***%40m***.com");
    EXPECT_EQ(maskValue("4111 1111 1111 1111", DetectorType::CreditCard), "4111 **** **** 1111");
    EXPECT_EQ(maskValue("4111-1111-1111-1111", DetectorType::CreditCard), "4111-****-****-1111");
    EXPECT_EQ(maskValue("4111111111111111", DetectorType::CreditCard), "4111********1111");
    EXPECT_EQ(maskValue("378282246310005", DetectorType::CreditCard), "3782*******0005");
    EXPECT_EQ(maskValue("415-555-2671", DetectorType::Phone), "4***1");
    EXPECT_EQ(maskValue("DE89370400440532013000", DetectorType::Iban), "D***0");
    EXPECT_EQ(maskValue("ab", DetectorType::Secret), "***");
    EXPECT_EQ(maskValue("abc", DetectorType::Secret), "a***c");
}

TEST(Masking, KeepsWholeUtf8Characters)
{
    EXPECT_EQ(maskValue("山田@例え.jp", DetectorType::Email), "山***@例***.jp");
    EXPECT_EQ(maskValue("müller@bücher.de", DetectorType::Email), "m***@b***.de");
    EXPECT_EQ(maskValue("é1é", DetectorType::Secret), "é***é");
    EXPECT_EQ(maskValue("éé", DetectorType::Secret), "***");
}

TEST(Masking, MasksTheFoundSpansInAText)
{
    const std::string text = "mail jane@example.org or call 415-555-2671, card 4111 1111 1111 1111.";
    EXPECT_EQ(maskExample(text, detect(text)), "mail j***@e***.org or call 4***1, card 4111 **** **** 1111.");
    EXPECT_EQ(maskExample("nothing here", detect("nothing here")), "nothing here");
}

TEST(Masking, SkipsFindingsThatDoNotFitTheValue)
{
    const std::vector<Finding> bad = {{DetectorType::Phone, 5, 50, 0.5}, {DetectorType::Phone, 3, 2, 0.5}};
    EXPECT_EQ(maskExample("short text", bad), "short text");
    const std::vector<Finding> overlapping = {{DetectorType::Secret, 0, 5, 0.9},
                                              {DetectorType::Secret, 3, 8, 0.9}};
    EXPECT_EQ(maskExample("abcdefghij", overlapping), "a***efghij"); // the second one overlaps: left as is
}
