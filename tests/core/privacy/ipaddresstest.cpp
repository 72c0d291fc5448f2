#include "core/privacy/ipaddress.h"

#include <gtest/gtest.h>

using namespace hindsight::privacy;

TEST(IPv4, ParsesDottedQuads)
{
    std::array<std::uint8_t, 4> bytes{};
    ASSERT_TRUE(parseIPv4("192.168.1.20", &bytes));
    EXPECT_EQ(bytes, (std::array<std::uint8_t, 4>{192, 168, 1, 20}));
    EXPECT_TRUE(parseIPv4("0.0.0.0"));
    EXPECT_TRUE(parseIPv4("255.255.255.255"));
}

TEST(IPv4, RejectsOutOfRangePartsAndOtherShapes)
{
    EXPECT_FALSE(parseIPv4("999.1.1.1"));
    EXPECT_FALSE(parseIPv4("256.0.0.1"));
    EXPECT_FALSE(parseIPv4("1.2.3"));
    EXPECT_FALSE(parseIPv4("1.2.3.4.5"));
    EXPECT_FALSE(parseIPv4("1.2.3."));
    EXPECT_FALSE(parseIPv4(".1.2.3"));
    EXPECT_FALSE(parseIPv4("01.2.3.4")); // leading zero
    EXPECT_FALSE(parseIPv4("1..2.3"));
    EXPECT_FALSE(parseIPv4("1.2.3.4 "));
    EXPECT_FALSE(parseIPv4("+1.2.3.4"));
    EXPECT_FALSE(parseIPv4("1000.2.3.4"));
}

TEST(IPv6, ParsesFullCompressedAndMappedForms)
{
    std::array<std::uint8_t, 16> bytes{};
    ASSERT_TRUE(parseIPv6("::1", &bytes));
    EXPECT_EQ(bytes[15], 1);
    EXPECT_EQ(bytes[0], 0);
    ASSERT_TRUE(parseIPv6("2001:db8::8a2e:370:7334", &bytes));
    EXPECT_EQ(bytes[0], 0x20);
    EXPECT_EQ(bytes[1], 0x01);
    EXPECT_EQ(bytes[2], 0x0d);
    EXPECT_EQ(bytes[3], 0xb8);
    EXPECT_EQ(bytes[10], 0x8a);
    EXPECT_EQ(bytes[15], 0x34);
    ASSERT_TRUE(parseIPv6("::ffff:192.0.2.128", &bytes));
    EXPECT_EQ(bytes[10], 0xff);
    EXPECT_EQ(bytes[12], 192);
    EXPECT_EQ(bytes[15], 128);
    EXPECT_TRUE(parseIPv6("2001:0db8:85a3:0000:0000:8a2e:0370:7334"));
    EXPECT_TRUE(parseIPv6("fe80::1"));
    EXPECT_TRUE(parseIPv6("1::"));
    EXPECT_TRUE(parseIPv6("::"));
    EXPECT_TRUE(parseIPv6("1:2:3:4:5:6:7::"));
    EXPECT_TRUE(parseIPv6("64:ff9b::192.0.2.33"));
}

TEST(IPv6, RejectsMalformedAddresses)
{
    EXPECT_FALSE(parseIPv6("12:30:45"));          // a time
    EXPECT_FALSE(parseIPv6("00:1A:2B:3C:4D:5E")); // a MAC address
    EXPECT_FALSE(parseIPv6("1:2:3:4:5:6:7:8:9"));
    EXPECT_FALSE(parseIPv6("1::2::3"));
    EXPECT_FALSE(parseIPv6(":1:2:3:4:5:6:7"));
    EXPECT_FALSE(parseIPv6("1:2:3:4:5:6:7:"));
    EXPECT_FALSE(parseIPv6("12345::1"));
    EXPECT_FALSE(parseIPv6("g::1"));
    EXPECT_FALSE(parseIPv6("1:::2"));
    EXPECT_FALSE(parseIPv6("1:2:3:4:5:6:7:8::"));
    EXPECT_FALSE(parseIPv6("::ffff:999.0.2.128"));
    EXPECT_FALSE(parseIPv6("1.2.3.4"));
    EXPECT_FALSE(parseIPv6("fe80::1%eth0"));
}
