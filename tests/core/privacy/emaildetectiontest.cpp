#include "core/privacy/emailscanner.h"
#include "tests/core/privacy/detectortesthelpers.h"

#include <gtest/gtest.h>

using namespace hindsight::privacy;
using test::Found;
using test::found;

TEST(EmailDetection, FindsAddressesWithTheirExactSpan)
{
    const std::string text = "Contact: jane.doe@example.org, thanks";
    const auto findings = detect(text);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].type, DetectorType::Email);
    EXPECT_EQ(findings[0].start, 9u);
    EXPECT_EQ(findings[0].end, 29u);
    EXPECT_GT(findings[0].confidence, 0.9); // "Contact" raises it
}

TEST(EmailDetection, LeavesSentencePunctuationAndQuotesOut)
{
    EXPECT_EQ(found("Write to hr@acme-corp.com."), Found{"EMAIL:hr@acme-corp.com"});
    EXPECT_EQ(found("owner: 'sales@company.travel'"), Found{"EMAIL:sales@company.travel"});
    EXPECT_EQ(found("(ops@example.net)"), Found{"EMAIL:ops@example.net"});
    EXPECT_EQ(found("<jane@example.org>"), Found{"EMAIL:jane@example.org"});
}

TEST(EmailDetection, FindsUrlEncodedAndInternationalAddresses)
{
    EXPECT_EQ(found("/signup?email=bob%40example.com&ref=1"), Found{"EMAIL:bob%40example.com"});
    EXPECT_EQ(found("für müller@example.de"), Found{"EMAIL:müller@example.de"});
    EXPECT_EQ(found("an kontakt@bücher.de"), Found{"EMAIL:kontakt@bücher.de"});
    EXPECT_EQ(found("info@xn--mnchen-3ya.de"), Found{"EMAIL:info@xn--mnchen-3ya.de"});
}

TEST(EmailDetection, IgnoresThingsThatOnlyLookLikeAddresses)
{
    EXPECT_EQ(found("<img src=\"logo@2x.png\">"), Found{});
    EXPECT_EQ(found("npm install @scope/package@1.4.2"), Found{});
    EXPECT_EQ(found("root@localhost"), Found{});
    EXPECT_EQ(found("name@domain..com"), Found{});
    EXPECT_EQ(found("a..b@example.com"), Found{});
    EXPECT_EQ(found("@media screen"), Found{});
    EXPECT_EQ(found("user@.example.com"), Found{});
    EXPECT_EQ(found("x@example.c0m"), Found{});
    EXPECT_EQ(found(std::string(65, 'a') + "@example.com"), Found{}); // local part over 64
}

TEST(EmailDetection, IsEmailAddressJudgesAWholeString)
{
    EXPECT_TRUE(isEmailAddress("jane@example.org"));
    EXPECT_TRUE(isEmailAddress("first.last+tag@sub.example.co.uk"));
    EXPECT_FALSE(isEmailAddress("jane@example.org extra"));
    EXPECT_FALSE(isEmailAddress("jane"));
    EXPECT_FALSE(isEmailAddress("jane@-example.org"));
}
