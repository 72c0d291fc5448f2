#include "core/privacy/iban.h"

#include <gtest/gtest.h>

using namespace hindsight::privacy;

TEST(Iban, KnowsTheRegisteredLengthOfACountry)
{
    EXPECT_EQ(ibanLength("DE"), 22);
    EXPECT_EQ(ibanLength("GB"), 22);
    EXPECT_EQ(ibanLength("NO"), 15);
    EXPECT_EQ(ibanLength("FR"), 27);
    EXPECT_EQ(ibanLength("RU"), 33);
    EXPECT_EQ(ibanLength("US"), 0);
    EXPECT_EQ(ibanLength("de"), 0);
    EXPECT_EQ(ibanLength("D"), 0);
}

TEST(Iban, AcceptsValidIbansOfSeveralCountries)
{
    EXPECT_TRUE(ibanValid("DE89370400440532013000"));
    EXPECT_TRUE(ibanValid("GB82WEST12345698765432"));
    EXPECT_TRUE(ibanValid("NL91ABNA0417164300"));
    EXPECT_TRUE(ibanValid("FR1420041010050500013M02606"));
    EXPECT_TRUE(ibanValid("NO9386011117947"));
    EXPECT_TRUE(ibanValid("CH9300762011623852957"));
}

TEST(Iban, RejectsWrongChecksumLengthCountryOrCharacters)
{
    EXPECT_FALSE(ibanValid("DE88370400440532013000"));      // check digits off by one
    EXPECT_FALSE(ibanValid("DE89370400440532013001"));      // account digit changed
    EXPECT_FALSE(ibanValid("DE8937040044053201300"));       // one digit short
    EXPECT_FALSE(ibanValid("DE893704004405320130000"));     // one digit long
    EXPECT_FALSE(ibanValid("XX89370400440532013000"));      // no such country
    EXPECT_FALSE(ibanValid("de89370400440532013000"));      // electronic form is upper case
    EXPECT_FALSE(ibanValid("DE89 3704 0044 0532 0130 00")); // print form: strip spaces first
    EXPECT_FALSE(ibanValid("GB82west12345698765432"));
    EXPECT_FALSE(ibanValid(""));
}

TEST(Iban, RejectsCheckDigitsOutsideTwoToNinetyEight)
{
    // 00, 01 and 99 never come out of the ISO 7064 computation.
    EXPECT_FALSE(ibanValid("DE00370400440532013000"));
    EXPECT_FALSE(ibanValid("DE01370400440532013000"));
    EXPECT_FALSE(ibanValid("DE99370400440532013000"));
}
