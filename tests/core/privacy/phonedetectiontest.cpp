#include "core/privacy/callingcode.h"
#include "core/privacy/phonescanner.h"
#include "tests/core/privacy/detectortesthelpers.h"

#include <gtest/gtest.h>

using namespace hindsight::privacy;
using test::Found;
using test::found;

TEST(PhoneDetection, FindsInternationalNumbers)
{
    EXPECT_EQ(found("call +44 20 7946 0958 now"), Found{"PHONE:+44 20 7946 0958"});
    EXPECT_EQ(found("Berlin +49 30 901820"), Found{"PHONE:+49 30 901820"});
    EXPECT_EQ(found("US +1 (415) 555-2671"), Found{"PHONE:+1 (415) 555-2671"});
    EXPECT_EQ(found("London +44 (0)20 7946 0958"), Found{"PHONE:+44 (0)20 7946 0958"});
    EXPECT_EQ(found("(+44) 20 7946 0958"), Found{"PHONE:(+44) 20 7946 0958"});
    EXPECT_EQ(found("tel:+14155552671"), Found{"PHONE:+14155552671"});
    EXPECT_EQ(found("dial 0044 20 7946 0958"), Found{"PHONE:0044 20 7946 0958"});
}

TEST(PhoneDetection, FindsNationalNumbers)
{
    EXPECT_EQ(found("(415) 555-2671"), Found{"PHONE:(415) 555-2671"});
    EXPECT_EQ(found("at 415-555-2671 after 6"), Found{"PHONE:415-555-2671"});
    EXPECT_EQ(found("415.555.2671"), Found{"PHONE:415.555.2671"});
    EXPECT_EQ(found("1-800-555-0199"), Found{"PHONE:1-800-555-0199"});
    EXPECT_EQ(found("020 7946 0958"), Found{"PHONE:020 7946 0958"});
    EXPECT_EQ(found("030/901820"), Found{"PHONE:030/901820"});
    EXPECT_EQ(found("01 23 45 67 89"), Found{"PHONE:01 23 45 67 89"});
}

TEST(PhoneDetection, BareDigitsNeedAContextWord)
{
    EXPECT_EQ(found("Phone: 4155552671"), Found{"PHONE:4155552671"});
    EXPECT_EQ(found("ID: 4155552671"), Found{});
    EXPECT_EQ(found("Tel 415 555 2671"), Found{"PHONE:415 555 2671"});
    EXPECT_EQ(found("Items 200 300 4000"), Found{});
}

TEST(PhoneDetection, IgnoresUuidsTimestampsDatesPricesAndCodes)
{
    EXPECT_EQ(found("123e4567-e89b-12d3-a456-426614174000"), Found{});
    EXPECT_EQ(found("12345678-1234-5678-1234-567812345678"), Found{});
    EXPECT_EQ(found("ts=1700000000000"), Found{});
    EXPECT_EQ(found("2024-05-01T12:30:00Z"), Found{});
    EXPECT_EQ(found("at 12:30:45"), Found{});
    EXPECT_EQ(found("05/01/2024 and 01.05.2024"), Found{});
    EXPECT_EQ(found("$1,299.99"), Found{});
    EXPECT_EQ(found("1 299,00 €"), Found{});
    EXPECT_EQ(found("ZIP 94103-1234, Boston 02139-4307"), Found{});
    EXPECT_EQ(found("ISBN 978-3-16-148410-0"), Found{});
    EXPECT_EQ(found("ref INV-415-555-2671"), Found{});
    EXPECT_EQ(found("x=4155552671abc"), Found{});
    EXPECT_EQ(found("Serial: 0123 4567 8901"), Found{});
}

TEST(PhoneDetection, ValidatesNorthAmericanAreaCodesAndExchanges)
{
    EXPECT_TRUE(nanpValid("4155552671"));
    EXPECT_FALSE(nanpValid("1155552671")); // area cannot start with 1
    EXPECT_FALSE(nanpValid("4115552671")); // N11 is a service code
    EXPECT_FALSE(nanpValid("4955552671")); // N9X is reserved
    EXPECT_FALSE(nanpValid("4151552671")); // exchange cannot start with 1
    EXPECT_EQ(found("(123) 555-2671"), Found{});
}

TEST(PhoneDetection, KnowsCountryCallingCodes)
{
    EXPECT_EQ(callingCodeLength("14155552671"), 1);
    EXPECT_EQ(callingCodeLength("4930901820"), 2);
    EXPECT_EQ(callingCodeLength("35312345678"), 3);
    EXPECT_EQ(callingCodeLength("2812345678"), 0); // 28x is unassigned
    EXPECT_EQ(callingCodeLength("8012345678"), 0);
    EXPECT_EQ(found("+28 12 345 6789"), Found{});
}

TEST(PhoneDetection, EndsBeforeWhatFollowsTheNumber)
{
    EXPECT_EQ(found("+44 20 7946 0958 12:30:45"), Found{"PHONE:+44 20 7946 0958"});
    EXPECT_EQ(found("+44 20 7946 0958 (415) 555-2671"),
              (Found{"PHONE:+44 20 7946 0958", "PHONE:(415) 555-2671"}));
    EXPECT_EQ(found("12:30:45 415-555-2671"), Found{"PHONE:415-555-2671"});
}

TEST(PhoneDetection, WordsForOtherNumbersOnlyOverruleNationalForms)
{
    EXPECT_EQ(found("Order 020 7946 0958"), Found{});
    EXPECT_EQ(found("Order hotline: call 020 7946 0958"), Found{"PHONE:020 7946 0958"});
    EXPECT_EQ(found("questions about your order (415) 555-2671"), Found{"PHONE:(415) 555-2671"});
    EXPECT_EQ(found("account +44 20 7946 0958"), Found{"PHONE:+44 20 7946 0958"});
    EXPECT_EQ(found("FR76 3000 6000 0112 3456 7890 18"), Found{}); // a broken IBAN, not a phone
}
