#include "tests/core/privacy/detectortesthelpers.h"

#include <gtest/gtest.h>

using namespace hindsight::privacy;
using test::Found;
using test::found;

namespace {
const std::string kJwt =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0"
    "IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
}

TEST(JwtDetection, FindsTokensInHeadersUrlsAndJson)
{
    EXPECT_EQ(found("Authorization: Bearer " + kJwt), Found{"JWT:" + kJwt});
    EXPECT_EQ(found("{\"token\":\"" + kJwt + "\"}"), Found{"JWT:" + kJwt});
    // In a credential-named URL parameter the JWT wins over the generic SECRET.
    EXPECT_EQ(found("https://x.example/cb#id_token=" + kJwt + "&state=1"), Found{"JWT:" + kJwt});
}

TEST(JwtDetection, RejectsDottedTextThatIsNoToken)
{
    EXPECT_EQ(found("eyes.open.wide"), Found{});
    EXPECT_EQ(found("eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiIxIn0.c2ln"), Found{}); // header without alg
    EXPECT_EQ(found("eyJhbGciOiJIUzI1NiJ9 alone"), Found{});
    EXPECT_EQ(found(kJwt + ".bW9yZQ.cGFydHM"), Found{}); // five parts
    EXPECT_EQ(found("x" + kJwt), Found{});
}
