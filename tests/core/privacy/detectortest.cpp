#include "tests/core/privacy/detectortesthelpers.h"

#include <gtest/gtest.h>

using namespace hindsight::privacy;
using test::Found;
using test::found;

TEST(Detector, ReportsEveryKindInOneTextInOrder)
{
    const std::string text = "Jane <jane@example.org>, +1 (415) 555-2671, card 4111 1111 1111 1111, "
                             "IBAN DE89370400440532013000, SSN 078-05-1120, from 10.1.2.3, "
                             "key AKIAIOSFODNN7EXAMPLE";
    EXPECT_EQ(found(text),
              (Found{"EMAIL:jane@example.org", "PHONE:+1 (415) 555-2671", "CREDIT_CARD:4111 1111 1111 1111",
                     "IBAN:DE89370400440532013000", "US_SSN:078-05-1120", "IP_ADDRESS:10.1.2.3",
                     "SECRET:AKIAIOSFODNN7EXAMPLE"}));
    for (const Finding &f : detect(text)) {
        EXPECT_GT(f.confidence, 0.0);
        EXPECT_LE(f.confidence, 1.0);
        EXPECT_LT(f.start, f.end);
        EXPECT_LE(f.end, text.size());
    }
}

TEST(Detector, OffsetsAreUtf8ByteOffsets)
{
    const std::string text = "Grüße an jane@example.org";
    const auto f = detect(text);
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].start, text.find("jane"));
    EXPECT_EQ(f[0].start, 11u); // "ü" and "ß" take two bytes each
    EXPECT_EQ(f[0].end, text.size());
}

TEST(Detector, FindingsDoNotOverlapAndTheMoreSpecificTypeWins)
{
    // The phone-like digits are part of the e-mail address.
    EXPECT_EQ(found("415-555-2671@example.com"), Found{"EMAIL:415-555-2671@example.com"});
    const std::string t = "https://x.example/?access_token=ghp_16C7e42F292c6912E7710c838347Ae178B4a";
    EXPECT_EQ(found(t), Found{"SECRET:ghp_16C7e42F292c6912E7710c838347Ae178B4a"});
}

TEST(Detector, OptionsSelectTypesAndMinimumConfidence)
{
    const std::string text = "jane@example.org 415-555-2671 10.0.0.1";
    EXPECT_EQ(found(text, DetectOptions::only({DetectorType::Phone})), Found{"PHONE:415-555-2671"});
    EXPECT_EQ(found(text, DetectOptions::only({DetectorType::Email, DetectorType::IpAddress})),
              (Found{"EMAIL:jane@example.org", "IP_ADDRESS:10.0.0.1"}));
    EXPECT_EQ(found(text, DetectOptions::only({})), Found{});
    DetectOptions strict;
    strict.minConfidence = 0.86;
    EXPECT_EQ(found(text, strict), Found{"EMAIL:jane@example.org"});
}

TEST(Detector, EmptyAndUnremarkableTextGiveNothing)
{
    EXPECT_TRUE(detect("").empty());
    EXPECT_TRUE(detect("The quick brown fox jumps over the lazy dog.").empty());
    EXPECT_TRUE(detect(std::string(1000, '9')).empty());
    EXPECT_TRUE(detect(std::string("\0\0\xff\xfe", 4)).empty());
}

TEST(Detector, FindsValuesAtTheVeryStartAndEndOfTheText)
{
    EXPECT_EQ(found("4111111111111111"), Found{"CREDIT_CARD:4111111111111111"});
    EXPECT_EQ(found("::1"), Found{"IP_ADDRESS:::1"});
    EXPECT_EQ(found("a@example.io"), Found{"EMAIL:a@example.io"});
    EXPECT_EQ(found("+44 20 7946 0958"), Found{"PHONE:+44 20 7946 0958"});
}

TEST(Detector, HandlesLongAndRepetitiveInput)
{
    // Runs that keep the scanner looking (digits, colons, '@', '+') must neither crash nor
    // find anything, and a value after them is still found.
    for (const std::string unit : {"1 ", "a1:", "a@", "+1 ", "(1", "%40", "DE89 ", "eyJhbGciOiJIUzI1NiJ9."}) {
        std::string text;
        while (text.size() < 200000)
            text += unit;
        EXPECT_TRUE(detect(text).empty()) << unit;
        text += " jane@example.org";
        const auto f = detect(text);
        ASSERT_FALSE(f.empty()) << unit;
        EXPECT_EQ(f.back().type, DetectorType::Email) << unit;
    }
}
