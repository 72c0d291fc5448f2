#include "core/privacy/jwt.h"

#include "core/privacy/base64url.h"

#include <gtest/gtest.h>

using namespace hindsight::privacy;

namespace {
const char *const kJwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
                         "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIy"
                         "fQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
}

TEST(Base64Url, DecodesWithoutPadding)
{
    EXPECT_EQ(base64UrlDecode("eyJhbGciOiJIUzI1NiJ9").value_or("?"), "{\"alg\":\"HS256\"}");
    EXPECT_EQ(base64UrlDecode("").value_or("?"), "");
    EXPECT_EQ(base64UrlDecode("_-8").value_or("?"), "\xff\xef");
}

TEST(Base64Url, RejectsForeignCharactersAndImpossibleLengths)
{
    EXPECT_FALSE(base64UrlDecode("ab+c"));
    EXPECT_FALSE(base64UrlDecode("ab/c"));
    EXPECT_FALSE(base64UrlDecode("abc="));
    EXPECT_FALSE(base64UrlDecode("abcde")); // 4n+1
}

TEST(Jwt, HeaderMustBeAJsonObjectWithAlg)
{
    EXPECT_TRUE(isJwtHeader("eyJhbGciOiJIUzI1NiJ9")); // {"alg":"HS256"}
    EXPECT_FALSE(isJwtHeader("eyJ0eXAiOiJKV1QifQ"));  // {"typ":"JWT"}
    EXPECT_FALSE(isJwtHeader("aGVsbG8gd29ybGQ"));     // hello world
    EXPECT_FALSE(isJwtHeader("WyJhbGciXQ"));          // ["alg"]
    EXPECT_FALSE(isJwtHeader("eyJhbGciOjF9"));        // {"alg":1}
    EXPECT_FALSE(isJwtHeader("eyJhbGciOiJIUzI1NiJ9!"));
}

TEST(Jwt, AcceptsCompactTokensAndRejectsOtherDottedText)
{
    EXPECT_TRUE(isJwt(kJwt));
    EXPECT_TRUE(isJwt("eyJhbGciOiJub25lIn0.eyJzdWIiOiJndWVzdCJ9.")); // alg none, no signature
    EXPECT_FALSE(isJwt("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0."));    // signed alg, no signature
    EXPECT_FALSE(isJwt("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0"));     // two parts
    EXPECT_FALSE(isJwt("eyJhbGciOiJIUzI1NiJ9..c2ln"));               // empty payload
    EXPECT_FALSE(isJwt("eyes.open.wide"));
    EXPECT_FALSE(isJwt(std::string(kJwt) + ".extra"));
}
