#include "core/capture/eventdecoder.h"

#include "core/capture/timestamp.h"

#include <gtest/gtest.h>
#include <vector>

using namespace hindsight;
using capture::EventDecoder;
using capture::InputFormat;

namespace {

struct Decoded
{
    std::vector<model::CapturedEvent> events;
    std::vector<std::string> errors;
};

Decoded decode(std::string_view json, InputFormat format = InputFormat::Auto)
{
    EventDecoder decoder(format);
    Decoded d;
    decoder.decode(
        json, [&](const model::CapturedEvent &e) { d.events.push_back(e); },
        [&](const std::string &r) { d.errors.push_back(r); });
    return d;
}

} // namespace

TEST(EventDecoder, ReadsAPostHogAutocaptureEvent)
{
    const auto d = decode(
        R"({"uuid":"0190B0F1-2C3D-7E4F-8A9B-0C1D2E3F4A5B","event":"$autocapture","distinct_id":"anon-1",
        "timestamp":"2026-11-01T10:00:00.250+01:00","properties":{"$current_url":"https://shop.example/cart?x=1#top",
        "$host":"shop.example","$pathname":"/cart","$event_type":"submit","$session_id":"s-9","title":"Cart",
        "$referrer":"https://google.com/","$elements_chain":"button.primary.btn:text=\"Pay\"nth-child=\"2\";form:attr__id=\"f\"",
        "$browser":"Firefox","$screen_width":1920}})");
    ASSERT_TRUE(d.errors.empty()) << d.errors.front();
    ASSERT_EQ(d.events.size(), 1u);
    const auto &e = d.events[0];
    EXPECT_EQ(e.uuid, "0190B0F1-2C3D-7E4F-8A9B-0C1D2E3F4A5B");
    EXPECT_EQ(e.type, "submit");
    EXPECT_EQ(e.distinctId, "anon-1");
    EXPECT_EQ(e.timestampMs, *capture::parseIsoTimestamp("2026-11-01T09:00:00.250Z"));
    EXPECT_EQ(e.url, "https://shop.example/cart?x=1#top");
    EXPECT_EQ(e.sessionId, "s-9");
    EXPECT_EQ(e.title, "Cart");
    EXPECT_EQ(e.referrer, "https://google.com/");
    // Canonical chain: classes sorted, keys sorted.
    // (attr__id also fills the element id, which the canonical form writes as attr_id.)
    EXPECT_EQ(e.chain, R"(button.btn.primary:nth-child="2"text="Pay";form:attr__id="f"attr_id="f")");
    // What was mapped to columns is gone from the properties; the rest is kept in order.
    EXPECT_EQ(e.properties, R"({"$browser":"Firefox","$screen_width":1920})");
}

TEST(EventDecoder, MapsEventNamesToTypes)
{
    auto typeOf = [](std::string_view name) {
        const auto d = decode(std::string(R"({"event":")") + std::string(name) +
                              R"(","distinct_id":"a","timestamp":"2024-01-01T00:00:00Z"})");
        return d.events.empty() ? std::string("<error>") : d.events[0].type;
    };
    EXPECT_EQ(typeOf("$pageview"), "pageview");
    EXPECT_EQ(typeOf("$pageleave"), "pageleave");
    EXPECT_EQ(typeOf("$rageclick"), "rageclick");
    EXPECT_EQ(typeOf("$autocapture"), "click");
    EXPECT_EQ(typeOf("Order Completed"), "Order Completed");
}

TEST(EventDecoder, ReadsTheElementsArrayWhenThereIsNoChainString)
{
    const auto d = decode(R"({"event":"$autocapture","distinct_id":"a","timestamp":"2024-01-01T00:00:00Z",
        "properties":{"$event_type":"click","$elements":[
          {"tag_name":"SPAN","$el_text":"Buy \"now\"","nth_child":1,"nth_of_type":1},
          {"tag_name":"button","classes":["buy","btn"],"attr__class":"btn buy","attr__data-track":"buy","attr_id":"b1","nth_child":3,"nth_of_type":2}]}})");
    ASSERT_TRUE(d.errors.empty()) << d.errors.front();
    ASSERT_EQ(d.events.size(), 1u);
    EXPECT_EQ(
        d.events[0].chain,
        R"(span:nth-child="1"nth-of-type="1"text="Buy \"now\"";button.btn.buy:attr__class="btn buy"attr__data-track="buy"attr_id="b1"nth-child="3"nth-of-type="2")");
}

TEST(EventDecoder, OffsetIsCountedBackFromSentAt)
{
    const auto d = decode(R"({"api_key":"phc_x","sent_at":"2024-05-01T12:00:10.000Z","batch":[
        {"event":"$pageview","distinct_id":"a","offset":10000,"properties":{"$current_url":"https://x.example/"}},
        {"event":"$pageview","properties":{"distinct_id":"b"},"offset":500},
        {"event":"$pageview","offset":5}]})");
    ASSERT_EQ(d.events.size(), 2u);
    EXPECT_EQ(d.events[0].timestampMs, *capture::parseIsoTimestamp("2024-05-01T12:00:00Z"));
    EXPECT_EQ(d.events[1].distinctId, "b");
    EXPECT_EQ(d.events[1].timestampMs, *capture::parseIsoTimestamp("2024-05-01T12:00:09.500Z"));
    ASSERT_EQ(d.errors.size(), 1u);
    EXPECT_EQ(d.errors[0], "batch[2]: missing field 'distinct_id'");
}

TEST(EventDecoder, OffsetWithoutSentAtIsRefused)
{
    const auto d = decode(R"({"event":"$pageview","distinct_id":"a","offset":10})");
    ASSERT_EQ(d.errors.size(), 1u);
    EXPECT_NE(d.errors[0].find("sent_at"), std::string::npos);
}

TEST(EventDecoder, EventsWithoutUuidGetAStableOne)
{
    const std::string line = R"({"event":"x","distinct_id":"a","timestamp":"2024-01-01T00:00:00Z"})";
    const auto a = decode(line), b = decode(line);
    ASSERT_EQ(a.events.size(), 1u);
    EXPECT_EQ(a.events[0].uuid.size(), 36u);
    EXPECT_EQ(a.events[0].uuid, b.events[0].uuid);
}

TEST(EventDecoder, ReadsTheNativeFormat)
{
    const auto d = decode(R"({"hindsight":1,"id":"e-1","time":"2024-01-01T00:00:00Z","type":"click",
        "distinct_id":"u1","session":"s1","url":"https://a.example/p","consent":"granted",
        "elements":[{"tag":"a","id":"home","classes":["nav","b"],"text":"Home","href":"/","attributes":{"data-x":"1"},"nth_child":1}],
        "properties":{"plan":"pro"}})");
    ASSERT_TRUE(d.errors.empty()) << d.errors.front();
    ASSERT_EQ(d.events.size(), 1u);
    const auto &e = d.events[0];
    EXPECT_EQ(e.uuid, "e-1");
    EXPECT_EQ(e.type, "click");
    EXPECT_EQ(e.consent, model::Consent::Granted);
    EXPECT_EQ(e.chain, R"(a.b.nav:attr__data-x="1"attr_id="home"href="/"nth-child="1"text="Home")");
    EXPECT_EQ(e.properties, R"({"plan":"pro"})");
}

TEST(EventDecoder, BadDocumentsGetReasonsThatNameTheField)
{
    struct Case
    {
        const char *json;
        const char *expected;
    };
    const Case cases[] = {
        {R"({"event":"x","distinct_id":"a","timestamp":"2024-01-01T00:00:00Z")", "invalid JSON"},
        {R"([1,2])", "expected a JSON object"},
        {R"({"distinct_id":"a","timestamp":"2024-01-01T00:00:00Z"})", "missing field 'event'"},
        {R"({"event":5,"distinct_id":"a","timestamp":"2024-01-01T00:00:00Z"})",
         "event must be a string, not a number"},
        {R"({"event":"x","distinct_id":"a","timestamp":1700000000})", "timestamp must be an ISO 8601 string"},
        {R"({"event":"x","distinct_id":"a","timestamp":"2024-02-30T00:00:00Z"})", "day 30 does not exist"},
        {R"({"event":"x","distinct_id":{"a":1},"timestamp":"2024-01-01T00:00:00Z"})",
         "distinct_id must be a string"},
        {R"({"event":"x","distinct_id":"a","timestamp":"2024-01-01T00:00:00Z","properties":[]})",
         "properties must be an object"},
        {R"({"event":"$autocapture","distinct_id":"a","timestamp":"2024-01-01T00:00:00Z","properties":{"$elements_chain":"a:text=\"open"}})",
         "properties.$elements_chain at position"},
        {R"({"event":"x","distinct_id":"a","timestamp":"2024-01-01T00:00:00Z","properties":{"$current_url":7}})",
         "properties.$current_url must be a string"},
        {"{\"event\":\"x\xff\xfe\",\"distinct_id\":\"a\",\"timestamp\":\"2024-01-01T00:00:00Z\"}",
         "not valid UTF-8"},
        {R"({"hindsight":2,"id":"x"})", "format version 2 is not supported"},
    };
    for (const auto &c : cases) {
        const auto d = decode(c.json);
        ASSERT_EQ(d.errors.size(), 1u) << c.json;
        EXPECT_NE(d.errors[0].find(c.expected), std::string::npos) << c.json << " -> " << d.errors[0];
        EXPECT_TRUE(d.events.empty());
    }
}

TEST(EventDecoder, ReadsPostHogConsentSignals)
{
    auto consentOf = [](std::string_view event, std::string_view props) {
        const auto d = decode(std::string(R"({"event":")") + std::string(event) +
                              R"(","distinct_id":"a","timestamp":"2024-01-01T00:00:00Z","properties":{)" +
                              std::string(props) + "}}");
        EXPECT_TRUE(d.errors.empty()) << d.errors.front();
        return d.events.empty() ? model::Consent::Unknown : d.events[0].consent;
    };
    EXPECT_EQ(consentOf("$pageview", ""), model::Consent::Unknown);
    EXPECT_EQ(consentOf("$opt_in", ""), model::Consent::Granted);
    EXPECT_EQ(consentOf("$pageview", R"("$opt_out":true)"), model::Consent::Denied);
    EXPECT_EQ(consentOf("$pageview", R"("$opt_in":true)"), model::Consent::Granted);
    EXPECT_EQ(consentOf("$pageview", R"("$opt_out":false)"), model::Consent::Unknown);
    EXPECT_EQ(consentOf("$pageview", R"("$opt_out":"yes")"), model::Consent::Unknown)
        << "only a JSON true counts";
    EXPECT_EQ(consentOf("$pageview", R"("$consent":"denied")"), model::Consent::Denied);
    EXPECT_EQ(consentOf("$pageview", R"("$consent":"Yes")"), model::Consent::Granted);
    EXPECT_EQ(consentOf("$pageview", R"("$consent":false)"), model::Consent::Denied);
    EXPECT_EQ(consentOf("$pageview", R"("$consent":"maybe")"), model::Consent::Unknown);
    EXPECT_EQ(consentOf("$pageview", R"("$opt_out":true,"$opt_in":true)"), model::Consent::Denied)
        << "denied wins";
    EXPECT_EQ(consentOf("$opt_in", R"("$opt_out":true)"), model::Consent::Denied);
    // The flag stays among the properties.
    const auto d = decode(
        R"({"event":"$pageview","distinct_id":"a","timestamp":"2024-01-01T00:00:00Z","properties":{"$opt_out":true}})");
    ASSERT_EQ(d.events.size(), 1u);
    EXPECT_EQ(d.events[0].properties, R"({"$opt_out":true})");
}
