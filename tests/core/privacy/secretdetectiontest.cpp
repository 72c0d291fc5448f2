#include "core/privacy/secretscanner.h"
#include "tests/core/privacy/detectortesthelpers.h"

#include <gtest/gtest.h>

using namespace hindsight::privacy;
using test::Found;
using test::found;

TEST(SecretDetection, FindsWellKnownKeyPrefixes)
{
    EXPECT_EQ(found("STRIPE=sk_live_4eC39HqLyjWDarjtT1zdp7dc"),
              Found{"SECRET:sk_live_4eC39HqLyjWDarjtT1zdp7dc"});
    EXPECT_EQ(found("ghp_16C7e42F292c6912E7710c838347Ae178B4a"),
              Found{"SECRET:ghp_16C7e42F292c6912E7710c838347Ae178B4a"});
    EXPECT_EQ(found("key AKIAIOSFODNN7EXAMPLE"), Found{"SECRET:AKIAIOSFODNN7EXAMPLE"});
    EXPECT_EQ(found("ASIAY34FZKBOKMUTVV7A"), Found{"SECRET:ASIAY34FZKBOKMUTVV7A"});
    EXPECT_EQ(found("AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY"),
              Found{"SECRET:AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY"});
    EXPECT_EQ(found("glpat-xYz12AbC34dEf56GhI78j"), Found{"SECRET:glpat-xYz12AbC34dEf56GhI78j"});
    EXPECT_EQ(found("xoxb-2244668800-1357924680-AbCdEfGhIjKlMnOpQrStUvWx"),
              Found{"SECRET:xoxb-2244668800-1357924680-AbCdEfGhIjKlMnOpQrStUvWx"});
}

TEST(SecretDetection, RejectsPrefixesWithTheWrongBody)
{
    EXPECT_EQ(found("sk_live_short"), Found{});
    EXPECT_EQ(found("ghp_tooShort123"), Found{});
    EXPECT_EQ(found("AKIA1234567890ABCDE"), Found{});                    // 15 characters
    EXPECT_EQ(found("AKIAIOSFODNN7EXAMPLEX"), Found{});                  // 17 characters
    EXPECT_EQ(found("AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBW"), Found{}); // 34 characters
    EXPECT_EQ(found("my_sk_live_4eC39HqLyjWDarjtT1zdp7dc"), Found{});    // glued to an identifier
}

TEST(SecretDetection, FindsTheValueOfCredentialNamedUrlParameters)
{
    EXPECT_EQ(found("https://a.example/d?token=9f8e7d6c5b4a39281706f5e4"),
              Found{"SECRET:9f8e7d6c5b4a39281706f5e4"});
    EXPECT_EQ(found("/login?user=jd&password=Summer2024!Secret"), Found{"SECRET:Summer2024!Secret"});
    EXPECT_EQ(found("/x?API_KEY=0123456789abcdef0123&v=3"), Found{"SECRET:0123456789abcdef0123"});
    EXPECT_EQ(found("/reset?token=AbCdEfGhIjKlMnOpQrSt."), Found{"SECRET:AbCdEfGhIjKlMnOpQrSt"});
    // The value only: the finding starts after '='.
    const std::string url = "/a?session=7c4a8d09ca3762af61e59520943dc264";
    const auto f = detect(url);
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].start, url.find('=') + 1);
    EXPECT_EQ(f[0].end, url.size());
}

TEST(SecretDetection, IgnoresShortValuesAndOtherParameterNames)
{
    EXPECT_EQ(found("/?token=abc123"), Found{});
    EXPECT_EQ(found("/search?key=value&page=2"), Found{});
    EXPECT_EQ(found("/search?keyword=verylongsearchtermvalue123"), Found{});
    EXPECT_EQ(found("/list?page=12345678901234567890"), Found{});
    EXPECT_EQ(found("no query token=abcdefghijklmnopqrstuvwxyz"), Found{});
    EXPECT_TRUE(isSecretParameterName("Access-Token"));
    EXPECT_TRUE(isSecretParameterName("sessionid"));
    EXPECT_FALSE(isSecretParameterName("monkey"));
    EXPECT_FALSE(isSecretParameterName("tokens"));
}
