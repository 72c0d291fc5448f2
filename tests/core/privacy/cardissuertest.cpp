#include "core/privacy/cardissuer.h"

#include <gtest/gtest.h>

using namespace hindsight::privacy;

TEST(CardIssuer, RecognisesEachNetworkByPrefixAndLength)
{
    EXPECT_EQ(cardIssuer("4111111111111111"), CardIssuer::Visa);
    EXPECT_EQ(cardIssuer("4222222222222"), CardIssuer::Visa);
    EXPECT_EQ(cardIssuer("4438244753095410336"), CardIssuer::Visa);
    EXPECT_EQ(cardIssuer("5555555555554444"), CardIssuer::Mastercard);
    EXPECT_EQ(cardIssuer("2221000000000009"), CardIssuer::Mastercard);
    EXPECT_EQ(cardIssuer("2720990000000000"), CardIssuer::Mastercard);
    EXPECT_EQ(cardIssuer("378282246310005"), CardIssuer::Amex);
    EXPECT_EQ(cardIssuer("341111111111111"), CardIssuer::Amex);
    EXPECT_EQ(cardIssuer("6011111111111117"), CardIssuer::Discover);
    EXPECT_EQ(cardIssuer("6500000000000002"), CardIssuer::Discover);
    EXPECT_EQ(cardIssuer("6440000000000000"), CardIssuer::Discover);
    EXPECT_EQ(cardIssuer("3530111333300000"), CardIssuer::Jcb);
    EXPECT_EQ(cardIssuer("3589000000000000"), CardIssuer::Jcb);
    EXPECT_EQ(cardIssuer("30569309025904"), CardIssuer::Diners);
    EXPECT_EQ(cardIssuer("36000000000000"), CardIssuer::Diners);
    EXPECT_EQ(cardIssuer("38520000023237"), CardIssuer::Diners);
    EXPECT_EQ(cardIssuer("6200000000000005"), CardIssuer::UnionPay);
    EXPECT_EQ(cardIssuer("6759649826438453"), CardIssuer::Maestro);
    EXPECT_EQ(cardIssuer("5018000000000000"), CardIssuer::Maestro);
}

TEST(CardIssuer, RejectsUnknownPrefixesAndWrongLengths)
{
    EXPECT_EQ(cardIssuer("1234567812345670"), CardIssuer::None); // no network starts with 1
    EXPECT_EQ(cardIssuer("9111111111111111"), CardIssuer::None);
    EXPECT_EQ(cardIssuer("2220990000000000"), CardIssuer::None);  // just below the 2221 range
    EXPECT_EQ(cardIssuer("2721000000000000"), CardIssuer::None);  // just above 2720
    EXPECT_EQ(cardIssuer("3500000000000000"), CardIssuer::None);  // 3500-3527 is not JCB
    EXPECT_EQ(cardIssuer("306000000000000"), CardIssuer::None);   // 306 is not Diners
    EXPECT_EQ(cardIssuer("411111111111111"), CardIssuer::None);   // Visa with 15 digits
    EXPECT_EQ(cardIssuer("37828224631000"), CardIssuer::None);    // Amex with 14 digits
    EXPECT_EQ(cardIssuer("55555555555544440"), CardIssuer::None); // Mastercard with 17 digits
    EXPECT_EQ(cardIssuer("41111111111"), CardIssuer::None);
    EXPECT_EQ(cardIssuer("4111-1111-1111-1111"), CardIssuer::None);
    EXPECT_EQ(toString(CardIssuer::Amex), "American Express");
}
