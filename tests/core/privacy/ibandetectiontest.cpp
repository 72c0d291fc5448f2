#include "tests/core/privacy/detectortesthelpers.h"

#include <gtest/gtest.h>

using namespace hindsight::privacy;
using test::Found;
using test::found;

TEST(IbanDetection, FindsElectronicAndPrintForms)
{
    EXPECT_EQ(found("IBAN: DE89370400440532013000"), Found{"IBAN:DE89370400440532013000"});
    EXPECT_EQ(found("an DE89 3704 0044 0532 0130 00 (Bank)"), Found{"IBAN:DE89 3704 0044 0532 0130 00"});
    EXPECT_EQ(found("UK GB82 WEST 1234 5698 7654 32."), Found{"IBAN:GB82 WEST 1234 5698 7654 32"});
    EXPECT_EQ(found("{\"iban\":\"NL91ABNA0417164300\"}"), Found{"IBAN:NL91ABNA0417164300"});
}

TEST(IbanDetection, RejectsBadChecksumsLengthsAndGroupings)
{
    EXPECT_EQ(found("DE88370400440532013000"), Found{});
    EXPECT_EQ(found("DE8937040044053201300"), Found{});
    EXPECT_EQ(found("DE893704004405320130009"), Found{});
    EXPECT_EQ(found("DE89 37040044 0532013000"), Found{});
    EXPECT_EQ(found("XX89370400440532013000"), Found{});
    EXPECT_EQ(found("Part number AB12 3456 7890"), Found{});
    EXPECT_EQ(found("xDE89370400440532013000"), Found{});
}
