#include "core/privacy/consentpolicy.h"

#include "core/store/scrubber.h"
#include "tests/core/privacy/rightstesthelpers.h"

#include <gtest/gtest.h>

using namespace hindsight;
using namespace hindsight::privacy;
using model::Consent;

namespace {

ConsentPolicy policy(UnknownConsentAction unknown, DeniedConsentAction denied)
{
    ConsentPolicy p;
    p.unknown = unknown;
    p.denied = denied;
    return p;
}

// Six PostHog events: two without a signal (one with `$consent` nested, which does not count),
// `$consent: granted`, `$opt_out: true` (the decoder reads it), `$consent: denied` (only the
// consent filter reads it) and posthog-js's `$opt_in` event (the decoder reads it). The
// opted-out visitor's URL carries a unique marker.
std::string signalEvents()
{
    return test::postHogEvent("00000000-0000-4000-8000-00000000a001", "u-none", "2024-05-01T08:00:00Z",
                              "https://shop.example/home") +
           test::postHogEvent("00000000-0000-4000-8000-00000000a002", "u-none", "2024-05-01T08:01:00Z",
                              "https://shop.example/cart", R"(,"$set":{"$consent":"denied"})") +
           test::postHogEvent("00000000-0000-4000-8000-00000000a003", "u-yes", "2024-05-01T08:02:00Z",
                              "https://shop.example/home", R"(,"$consent":"granted")") +
           test::postHogEvent("00000000-0000-4000-8000-00000000a004", "u-out", "2024-05-01T08:03:00Z",
                              "https://shop.example/account?ref=optout.marker.k7", R"(,"$opt_out":true)") +
           test::postHogEvent("00000000-0000-4000-8000-00000000a005", "u-out2", "2024-05-01T08:04:00Z",
                              "https://shop.example/home", R"(,"$consent":"denied")") +
           test::postHogEvent("00000000-0000-4000-8000-00000000a006", "u-yes", "2024-05-01T08:05:00Z",
                              "https://shop.example/home", "", "$opt_in");
}

std::int64_t byConsent(store::Store &s, Consent c)
{
    return test::count(s, "SELECT count(*) FROM interactions WHERE consent = " +
                              std::to_string(static_cast<int>(c)));
}

} // namespace

TEST(ConsentPolicy, JsonRoundTripsAndRejectsWhatItDoesNotKnow)
{
    ConsentPolicy p = policy(UnknownConsentAction::Drop, DeniedConsentAction::Flag);
    p.changedBy = "dpo \"anna\"";
    p.changedMs = 1714550400000;
    const std::string json = consentPolicyToJson(p);
    EXPECT_EQ(json,
              R"({"unknown":"drop","denied":"flag","changedBy":"dpo \"anna\"","changedMs":1714550400000})");
    std::string error;
    auto back = consentPolicyFromJson(json, &error);
    ASSERT_TRUE(back) << error;
    EXPECT_EQ(back->unknown, UnknownConsentAction::Drop);
    EXPECT_EQ(back->denied, DeniedConsentAction::Flag);
    EXPECT_EQ(back->changedBy, p.changedBy);
    EXPECT_EQ(back->changedMs, p.changedMs);

    EXPECT_FALSE(consentPolicyFromJson(R"({"unknown":"flag"})", &error));
    EXPECT_NE(error.find("'unknown' must be"), std::string::npos) << error;
    EXPECT_FALSE(consentPolicyFromJson(R"({"denied":"keep"})", &error));
    EXPECT_NE(error.find("'denied' must be"), std::string::npos) << error;
    EXPECT_FALSE(consentPolicyFromJson(R"({"unknown":"keep","granted":"drop"})", &error));
    EXPECT_NE(error.find("unknown member 'granted'"), std::string::npos) << error;
    EXPECT_FALSE(consentPolicyFromJson("[1]", &error));
    EXPECT_FALSE(consentPolicyFromJson("{", &error));
}

TEST(ConsentPolicy, DefaultKeepsEverythingAndIsStoredInSettings)
{
    test::TempDir dir;
    auto s = test::openStore(dir.file("w.hindsight"));
    ASSERT_TRUE(s);
    std::string error;
    auto p = loadConsentPolicy(*s, &error);
    ASSERT_TRUE(p) << error;
    EXPECT_EQ(p->unknown, UnknownConsentAction::Keep);
    EXPECT_EQ(p->denied, DeniedConsentAction::Flag);
    EXPECT_FALSE(p->dropsSomething());
    EXPECT_EQ(p->changedMs, 0);

    ConsentPolicy strict = policy(UnknownConsentAction::Drop, DeniedConsentAction::Drop);
    strict.changedBy = "anna";
    strict.changedMs = 42;
    ASSERT_TRUE(saveConsentPolicy(*s, strict, &error)) << error;
    store::Statement st(s->db(), "SELECT value FROM settings WHERE key = 'consent.policy'");
    ASSERT_TRUE(st.next());
    EXPECT_EQ(st.text(0), consentPolicyToJson(strict));

    // Another connection sees it.
    auto again = test::openStore(dir.file("w.hindsight"));
    auto loaded = loadConsentPolicy(*again, &error);
    ASSERT_TRUE(loaded) << error;
    EXPECT_TRUE(loaded->dropsSomething());
    EXPECT_EQ(loaded->changedBy, "anna");

    // A damaged setting is an error, not silently the default.
    ASSERT_TRUE(
        s->db().exec("UPDATE settings SET value = '{\"unknown\":\"maybe\"}' WHERE key = 'consent.policy'"));
    EXPECT_FALSE(loadConsentPolicy(*s, &error));
    EXPECT_NE(error.find("'unknown' must be"), std::string::npos) << error;
}

TEST(ConsentPolicy, SignalsOfPostHogEventsSettleUnknownConsent)
{
    EXPECT_EQ(consentFromSignals("pageview", "{}"), Consent::Unknown);
    EXPECT_EQ(consentFromSignals("pageview", R"({"$consent":"granted"})"), Consent::Granted);
    EXPECT_EQ(consentFromSignals("pageview", R"({"$consent":"DENIED"})"), Consent::Denied);
    EXPECT_EQ(consentFromSignals("pageview", R"({"$consent":true})"), Consent::Granted);
    EXPECT_EQ(consentFromSignals("pageview", R"({"$consent":"pending"})"), Consent::Unknown);
    EXPECT_EQ(consentFromSignals("pageview", R"({"$opt_out":true})"), Consent::Denied);
    EXPECT_EQ(consentFromSignals("pageview", R"({"$opt_in":true})"), Consent::Granted);
    EXPECT_EQ(consentFromSignals("pageview", R"({"$opt_out":false})"), Consent::Unknown);
    EXPECT_EQ(consentFromSignals("pageview", R"({"$opt_in":false})"), Consent::Unknown);
    EXPECT_EQ(consentFromSignals("$opt_in", "{}"), Consent::Granted);
    EXPECT_EQ(consentFromSignals("$opt_out", "{}"), Consent::Denied);
    // Denied wins over granted; only top-level properties count.
    EXPECT_EQ(consentFromSignals("$opt_in", R"({"$opt_out":true})"), Consent::Denied);
    EXPECT_EQ(consentFromSignals("pageview", R"({"$set":{"$consent":"denied"}})"), Consent::Unknown);
    EXPECT_EQ(consentFromSignals("pageview", R"({"text":"$opt_out"})"), Consent::Unknown);
    EXPECT_EQ(consentFromSignals("pageview", "not json \"$consent\""), Consent::Unknown);
}

TEST(ConsentPolicy, FilterAtTheDoorDropsOrFlagsUnderEachPolicy)
{
    struct Case
    {
        ConsentPolicy policy;
        int dropped;
        std::int64_t unknown, granted, denied;
    };
    const Case cases[] = {
        {policy(UnknownConsentAction::Keep, DeniedConsentAction::Flag), 0, 2, 2, 2},
        {policy(UnknownConsentAction::Keep, DeniedConsentAction::Drop), 2, 2, 2, 0},
        {policy(UnknownConsentAction::Drop, DeniedConsentAction::Flag), 2, 0, 2, 2},
        {policy(UnknownConsentAction::Drop, DeniedConsentAction::Drop), 4, 0, 2, 0},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(consentPolicyToJson(c.policy));
        test::TempDir dir;
        auto s = test::openStore(dir.file("w.hindsight"));
        ASSERT_TRUE(s);
        EXPECT_EQ(test::importLines(*s, signalEvents(), consentFilter(c.policy)), c.dropped);
        EXPECT_EQ(byConsent(*s, Consent::Unknown), c.unknown);
        EXPECT_EQ(byConsent(*s, Consent::Granted), c.granted);
        EXPECT_EQ(byConsent(*s, Consent::Denied), c.denied);
        test::expectCountersMatchTables(*s);
    }
}

TEST(ConsentPolicy, NativeConsentFieldWinsOverPropertiesAndIsFiltered)
{
    const std::string native =
        R"({"hindsight":1,"id":"n1","time":"2024-05-01T08:00:00Z","type":"pageview","distinct_id":"a","consent":"granted","properties":{"$opt_out":true}})"
        "\n"
        R"({"hindsight":1,"id":"n2","time":"2024-05-01T08:01:00Z","type":"pageview","distinct_id":"b","consent":"denied"})"
        "\n"
        R"({"hindsight":1,"id":"n3","time":"2024-05-01T08:02:00Z","type":"pageview","distinct_id":"c"})"
        "\n";
    test::TempDir dir;
    auto s = test::openStore(dir.file("w.hindsight"));
    ASSERT_TRUE(s);
    EXPECT_EQ(test::importLines(*s, native,
                                consentFilter(policy(UnknownConsentAction::Keep, DeniedConsentAction::Drop))),
              1);
    EXPECT_EQ(byConsent(*s, Consent::Granted), 1);
    EXPECT_EQ(byConsent(*s, Consent::Unknown), 1);
    EXPECT_EQ(byConsent(*s, Consent::Denied), 0);
    EXPECT_EQ(test::count(*s, "SELECT count(*) FROM distinct_ids WHERE distinct_id = 'b'"), 0);
}

TEST(ConsentPolicy, ChainedFiltersRunInOrderAndStopAtTheFirstDrop)
{
    int secondRuns = 0;
    auto second = [&](model::CapturedEvent &e) {
        ++secondRuns;
        e.title = "seen";
        return true;
    };
    auto chained = chainEventFilters(
        consentFilter(policy(UnknownConsentAction::Drop, DeniedConsentAction::Flag)), second);
    model::CapturedEvent unknown;
    EXPECT_FALSE(chained(unknown));
    EXPECT_EQ(secondRuns, 0);
    model::CapturedEvent granted;
    granted.properties = R"({"$consent":"granted"})";
    EXPECT_TRUE(chained(granted));
    EXPECT_EQ(secondRuns, 1);
    EXPECT_EQ(granted.consent, Consent::Granted);
    EXPECT_EQ(granted.title, "seen");
    EXPECT_FALSE(chainEventFilters({}, {}));
    EXPECT_TRUE(chainEventFilters({}, second)(granted));
}

TEST(ConsentPolicy, ApplyMarksFromSignalsDeletesWhatThePolicyDropsAndLeavesNoResidue)
{
    test::TempDir dir;
    const std::string path = dir.file("w.hindsight");
    auto s = test::openStore(path);
    ASSERT_TRUE(s);
    test::importLines(*s, signalEvents()); // no filter: stored as the decoder saw them
    EXPECT_EQ(byConsent(*s, Consent::Unknown), 2);
    // A store imported by a build that did not read the signals yet: every consent unknown.
    ASSERT_TRUE(s->db().exec("UPDATE interactions SET consent = 0"));
    EXPECT_EQ(byConsent(*s, Consent::Unknown), 6);
    ASSERT_TRUE(s->db().exec("PRAGMA wal_checkpoint(TRUNCATE)"));
    ASSERT_NE(test::allStoreBytes(path).find("optout.marker.k7"), std::string::npos);

    std::string error;
    const ConsentPolicy dropDenied = policy(UnknownConsentAction::Keep, DeniedConsentAction::Drop);
    auto impact = assessConsent(*s, dropDenied, &error);
    ASSERT_TRUE(impact) << error;
    EXPECT_EQ(impact->interactions, 6);
    EXPECT_EQ(impact->granted, 2);
    EXPECT_EQ(impact->denied, 2);
    EXPECT_EQ(impact->unknown, 2);
    EXPECT_EQ(impact->toDrop, 2);
    EXPECT_EQ(impact->toMark, 2); // the granted ones; the denied ones are deleted instead
    EXPECT_EQ(byConsent(*s, Consent::Unknown), 6) << "assessing changes nothing";

    const std::int64_t generation = s->metaInt("generation");
    auto report = applyConsentPolicy(*s, dropDenied, &error);
    ASSERT_TRUE(report) << error;
    EXPECT_EQ(report->deleted.interactions, 2);
    EXPECT_EQ(report->marked, 2);
    EXPECT_EQ(report->deleted.distinctIds, 2); // u-out and u-out2 had nothing else
    EXPECT_EQ(report->deleted.people, 2);
    EXPECT_EQ(report->deleted.urls, 1); // the marker URL; /home is still used
    EXPECT_GT(s->metaInt("generation"), generation);
    EXPECT_EQ(byConsent(*s, Consent::Granted), 2);
    EXPECT_EQ(byConsent(*s, Consent::Unknown), 2);
    EXPECT_EQ(byConsent(*s, Consent::Denied), 0);
    EXPECT_EQ(test::count(*s, "SELECT count(*) FROM urls WHERE url = 'https://shop.example/home'"), 1);
    test::expectCountersMatchTables(*s);
    EXPECT_EQ(test::allStoreBytes(path).find("optout.marker.k7"), std::string::npos);

    // Applying again changes nothing.
    auto again = applyConsentPolicy(*s, dropDenied, &error);
    ASSERT_TRUE(again) << error;
    EXPECT_EQ(again->deleted.interactions, 0);
    EXPECT_EQ(again->marked, 0);

    // Requiring consent drops the rest of the unknown ones.
    auto strict =
        applyConsentPolicy(*s, policy(UnknownConsentAction::Drop, DeniedConsentAction::Drop), &error);
    ASSERT_TRUE(strict) << error;
    EXPECT_EQ(strict->deleted.interactions, 2);
    EXPECT_EQ(test::count(*s, "SELECT count(*) FROM interactions"), 2);
    test::expectCountersMatchTables(*s);
}

TEST(ConsentPolicy, ApplyKeepsADistinctIdThatStandsForARemainingPerson)
{
    // The anonymous visitor granted consent; the interactions of the id they were identified
    // as carry none. Dropping those leaves user-1 without interactions, but anon-1 is linked to
    // it (user-1's row stands for the person), so the row must stay.
    const std::string events =
        test::postHogEvent("00000000-0000-4000-8000-00000000b001", "anon-1", "2024-05-01T08:00:00Z",
                           "https://shop.example/a", R"(,"$consent":"granted")") +
        test::postHogEvent("00000000-0000-4000-8000-00000000b002", "user-1", "2024-05-01T08:01:00Z",
                           "https://shop.example/b", R"(,"$anon_distinct_id":"anon-1")", "$identify") +
        test::postHogEvent("00000000-0000-4000-8000-00000000b003", "user-1", "2024-05-01T08:02:00Z",
                           "https://shop.example/c");
    test::TempDir dir;
    auto s = test::openStore(dir.file("w.hindsight"));
    ASSERT_TRUE(s);
    test::importLines(*s, events);
    ASSERT_EQ(s->metaInt("people"), 1);
    std::string error;
    auto report =
        applyConsentPolicy(*s, policy(UnknownConsentAction::Drop, DeniedConsentAction::Flag), &error);
    ASSERT_TRUE(report) << error;
    EXPECT_EQ(report->deleted.interactions, 2);
    EXPECT_EQ(report->deleted.distinctIds, 0);
    EXPECT_EQ(report->deleted.people, 0);
    EXPECT_EQ(report->deleted.urls, 2);
    EXPECT_EQ(test::count(*s, "SELECT count(*) FROM distinct_ids"), 2);
    EXPECT_EQ(test::count(*s, "SELECT count(*) FROM event_types WHERE name = 'identify'"), 0);
    test::expectCountersMatchTables(*s);
}
