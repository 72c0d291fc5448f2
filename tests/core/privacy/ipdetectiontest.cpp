#include "tests/core/privacy/detectortesthelpers.h"

#include <gtest/gtest.h>

using namespace hindsight::privacy;
using test::Found;
using test::found;

TEST(IpDetection, FindsIPv4WithoutPortOrPrefix)
{
    EXPECT_EQ(found("Client 192.168.1.20 connected"), Found{"IP_ADDRESS:192.168.1.20"});
    EXPECT_EQ(found("listening on 10.0.0.1:8080"), Found{"IP_ADDRESS:10.0.0.1"});
    EXPECT_EQ(found("route 172.16.0.0/12"), Found{"IP_ADDRESS:172.16.0.0"});
    EXPECT_EQ(found("http://127.0.0.1/admin"), Found{"IP_ADDRESS:127.0.0.1"});
    EXPECT_EQ(found("peer 100.64.0.1."), Found{"IP_ADDRESS:100.64.0.1"});
    EXPECT_EQ(found("203.0.113.7, 198.51.100.23"),
              (Found{"IP_ADDRESS:203.0.113.7", "IP_ADDRESS:198.51.100.23"}));
}

TEST(IpDetection, FindsIPv6InItsForms)
{
    EXPECT_EQ(found("loopback ::1"), Found{"IP_ADDRESS:::1"});
    EXPECT_EQ(found("addr 2001:db8::8a2e:370:7334"), Found{"IP_ADDRESS:2001:db8::8a2e:370:7334"});
    EXPECT_EQ(found("fe80::1%eth0"), Found{"IP_ADDRESS:fe80::1"});
    EXPECT_EQ(found("http://[2001:db8::1]:8080/"), Found{"IP_ADDRESS:2001:db8::1"});
    EXPECT_EQ(found("mapped ::ffff:192.0.2.128"), Found{"IP_ADDRESS:::ffff:192.0.2.128"});
    EXPECT_EQ(found("from 2001:db8::1: refused"), Found{"IP_ADDRESS:2001:db8::1"});
}

TEST(IpDetection, RejectsInvalidAddressesVersionsTimesAndCode)
{
    EXPECT_EQ(found("999.1.1.1"), Found{});
    EXPECT_EQ(found("256.0.0.1"), Found{});
    EXPECT_EQ(found("1.2.3"), Found{});
    EXPECT_EQ(found("1.2.3.4.5"), Found{});
    EXPECT_EQ(found("OID 1.3.6.1.4.1.311"), Found{});
    EXPECT_EQ(found("Chrome/120.0.0.0 Safari/537.36"), Found{});
    EXPECT_EQ(found("lib-1.2.3.4.jar"), Found{});
    EXPECT_EQ(found("1.2.3.4-beta"), Found{});
    EXPECT_EQ(found("12:30:45"), Found{});
    EXPECT_EQ(found("MAC 00:1A:2B:3C:4D:5E"), Found{});
    EXPECT_EQ(found("std::vector<int> v; Foo::Bar::baz();"), Found{});
    EXPECT_EQ(found("just :: and dead::beef"), Found{});
}

TEST(IpDetection, TreatsADottedQuadAnnouncedAsVersionAsAVersion)
{
    EXPECT_EQ(found("version 1.2.3.4 released"), Found{});
    EXPECT_EQ(found("Version: 10.0.0.1"), Found{});
    EXPECT_EQ(found("ver. 4.1.2.7"), Found{});
    EXPECT_EQ(found("v 4.1.2.7"), Found{});
    EXPECT_EQ(found("app v1.2.3.4"), Found{});
    // Unannounced, a valid dotted quad is an address.
    EXPECT_EQ(found("ping 1.2.3.4 failed"), Found{"IP_ADDRESS:1.2.3.4"});
    EXPECT_EQ(found("conversion 1.2.3.4"), Found{"IP_ADDRESS:1.2.3.4"});
}
