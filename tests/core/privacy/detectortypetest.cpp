#include "core/privacy/detectortype.h"

#include <gtest/gtest.h>

using namespace hindsight::privacy;

TEST(DetectorType, NamesRoundTrip)
{
    for (DetectorType t : kAllDetectorTypes)
        EXPECT_EQ(detectorTypeFromString(toString(t)), t);
    EXPECT_EQ(toString(DetectorType::CreditCard), "CREDIT_CARD");
    EXPECT_EQ(toString(DetectorType::IpAddress), "IP_ADDRESS");
}

TEST(DetectorType, ParsingIgnoresCaseAndRejectsUnknownNames)
{
    EXPECT_EQ(detectorTypeFromString("email"), DetectorType::Email);
    EXPECT_EQ(detectorTypeFromString("Us_Ssn"), DetectorType::UsSsn);
    EXPECT_FALSE(detectorTypeFromString("MAIL"));
    EXPECT_FALSE(detectorTypeFromString(""));
    EXPECT_FALSE(detectorTypeFromString("EMAIL "));
    EXPECT_EQ(detectorTypeNames(), "EMAIL, PHONE, CREDIT_CARD, IBAN, US_SSN, IP_ADDRESS, JWT, SECRET");
}
