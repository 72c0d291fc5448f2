#include "core/demo/demogenerator.h"

#include "core/capture/elementchain.h"
#include "core/capture/eventdecoder.h"
#include "core/capture/posthognames.h"
#include "core/capture/timestamp.h"
#include "core/model/url.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <algorithm>
#include <cstdint>
#include <gtest/gtest.h>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

using hindsight::demo::DemoGenerator;
using hindsight::demo::DemoOptions;
using hindsight::model::CapturedEvent;

namespace {

constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;

std::uint64_t fnv(std::uint64_t h, std::string_view s)
{
    for (unsigned char c : s) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    h ^= 0xff; // field separator
    h *= 0x100000001b3ULL;
    return h;
}

std::uint64_t streamHash(const DemoOptions &o)
{
    std::uint64_t h = 0xcbf29ce484222325ULL;
    DemoGenerator(o).generate([&](const CapturedEvent &e) {
        h = fnv(h, e.uuid);
        h = fnv(h, e.type);
        h = fnv(h, std::to_string(e.timestampMs));
        h = fnv(h, e.distinctId);
        h = fnv(h, e.sessionId);
        h = fnv(h, e.url);
        h = fnv(h, e.title);
        h = fnv(h, e.referrer);
        h = fnv(h, e.chain);
        h = fnv(h, e.anonDistinctId);
        h = fnv(h, e.properties);
        return true;
    });
    return h;
}

bool isCanonicalUuidV7(const std::string &s)
{
    if (s.size() != 36) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-') return false;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return s[14] == '7' && (s[19] == '8' || s[19] == '9' || s[19] == 'a' || s[19] == 'b');
}

/// Value of the hex digits in s[from, to), dashes skipped.
std::uint64_t hexValue(const std::string &s, std::size_t from, std::size_t to)
{
    std::uint64_t v = 0;
    for (std::size_t i = from; i < to; ++i) {
        const char c = s[i];
        if (c == '-') continue;
        v = v << 4 | static_cast<std::uint64_t>(c <= '9' ? c - '0' : c - 'a' + 10);
    }
    return v;
}

std::int64_t uuidMillis(const std::string &s)
{
    return static_cast<std::int64_t>(hexValue(s, 0, 13));
}

/// Everything the content tests look at, gathered in one pass over a stream.
struct Summary
{
    std::int64_t count = 0;
    bool ordered = true;
    std::int64_t first = 0, last = 0;
    std::int64_t badUuids = 0, uuidTimeMismatch = 0, duplicateUuids = 0;
    std::map<std::string, std::int64_t> byType;
    std::unordered_set<std::string> chains, urls, properties, titles, sessionIds;
    std::map<std::string, std::int64_t> pageviewsByPath;
    struct SessionPages
    {
        std::string lastUrl;
        int pageChanges = 0;
    };
    std::unordered_map<std::string, SessionPages> pagesBySession;
    struct Visitor
    {
        std::string lastSession;
        int sessions = 0;
        std::int64_t firstDay = 0, lastDay = 0;
    };
    std::unordered_map<std::string, Visitor> visitors;
    std::int64_t identifies = 0, identifyWellFormed = 0, userIdsLikeEmail = 0;
    std::int64_t afterIdentifyAsUser = 0, afterIdentifyTotal = 0;
    std::int64_t userIds = 0, userIdsFirstSeenInIdentify = 0;
    std::int64_t anonIdFromTheFuture = 0;
    std::int64_t badProperties = 0, emptyUrl = 0, emptyTitle = 0, emptyReferrer = 0, chainOnPageview = 0;
    std::int64_t autocaptureWithoutChain = 0;
    std::int64_t hourCount[24] = {};
    std::int64_t weekdayCount[7] = {};
    bool greetingEmail = false, tokenUrl = false, accessTokenUrl = false, cardText = false, phoneText = false;
};

Summary summarize(const DemoOptions &o)
{
    Summary s;
    std::unordered_set<std::uint64_t> uuids; // the last 64 bits of each uuid (62 random)
    std::unordered_map<std::string, std::string> userAfterIdentify; // session -> user id
    std::unordered_set<std::string> userIdsSeen;
    DemoGenerator(o).generate([&](const CapturedEvent &e) {
        if (s.count == 0)
            s.first = e.timestampMs;
        else if (e.timestampMs < s.last)
            s.ordered = false;
        s.last = e.timestampMs;
        ++s.count;
        if (!isCanonicalUuidV7(e.uuid))
            ++s.badUuids;
        else if (uuidMillis(e.uuid) != e.timestampMs)
            ++s.uuidTimeMismatch;
        if (e.uuid.size() == 36 && !uuids.insert(hexValue(e.uuid, 19, 36)).second) ++s.duplicateUuids;
        ++s.byType[e.type];
        if (!e.chain.empty()) s.chains.insert(e.chain);
        s.urls.insert(e.url);
        s.titles.insert(e.title);
        s.properties.insert(e.properties);
        if (e.url.empty()) ++s.emptyUrl;
        if (e.title.empty()) ++s.emptyTitle;
        if (e.referrer.empty()) ++s.emptyReferrer;
        const bool autocapture =
            e.type == "click" || e.type == "submit" || e.type == "change" || e.type == "rageclick";
        if (autocapture && e.chain.empty()) ++s.autocaptureWithoutChain;
        if (e.type == "pageview") {
            if (!e.chain.empty()) ++s.chainOnPageview;
            ++s.pageviewsByPath[hindsight::model::splitUrl(e.url).path];
            auto &pages = s.pagesBySession[e.sessionId];
            if (pages.lastUrl.empty()) s.sessionIds.insert(e.sessionId);
            pages.pageChanges += pages.lastUrl != e.url;
            pages.lastUrl = e.url;
        }
        auto &visitor = s.visitors[e.distinctId];
        if (visitor.sessions == 0) visitor.firstDay = e.timestampMs / kDayMs;
        visitor.lastDay = e.timestampMs / kDayMs;
        if (visitor.lastSession != e.sessionId) {
            ++visitor.sessions;
            visitor.lastSession = e.sessionId;
        }
        const std::int64_t local = e.timestampMs + 3600 * 1000; // the shop's time zone
        ++s.hourCount[(local % kDayMs) / (3600 * 1000)];
        ++s.weekdayCount[(local / kDayMs + 4) % 7];

        if (isCanonicalUuidV7(e.distinctId) && uuidMillis(e.distinctId) > e.timestampMs)
            ++s.anonIdFromTheFuture;
        if (!isCanonicalUuidV7(e.distinctId) && userIdsSeen.insert(e.distinctId).second) {
            ++s.userIds;
            s.userIdsFirstSeenInIdentify += e.type == "identify";
        }
        if (e.type == "identify") {
            ++s.identifies;
            if (!e.anonDistinctId.empty() && isCanonicalUuidV7(e.anonDistinctId) &&
                e.distinctId != e.anonDistinctId &&
                (e.distinctId.rfind("user-", 0) == 0 || e.distinctId.find('@') != std::string::npos))
                ++s.identifyWellFormed;
            if (e.distinctId.find('@') != std::string::npos) ++s.userIdsLikeEmail;
            userAfterIdentify[e.sessionId] = e.distinctId;
        } else if (auto it = userAfterIdentify.find(e.sessionId); it != userAfterIdentify.end()) {
            ++s.afterIdentifyTotal;
            if (e.distinctId == it->second) ++s.afterIdentifyAsUser;
        }

        if (e.chain.find("text=\"Hi ") != std::string::npos && e.chain.find('@') != std::string::npos)
            s.greetingEmail = true;
        if (auto p = e.url.find("token="); p != std::string::npos && e.url.size() - (p + 6) >= 32)
            s.tokenUrl = true;
        if (e.url.find("?access_token=") != std::string::npos) s.accessTokenUrl = true;
        if (e.chain.find("4111 1111 1111 1111") != std::string::npos) s.cardText = true;
        if (e.chain.find("+44 7700 900123") != std::string::npos) s.phoneText = true;
        return true;
    });
    for (const auto &p : s.properties) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(p), &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject() || p.find(": ") != std::string::npos)
            ++s.badProperties;
    }
    return s;
}

const Summary &defaultSummary()
{
    static const Summary s = summarize(DemoOptions{});
    return s;
}

std::int64_t count(const Summary &s, const std::string &type)
{
    auto it = s.byType.find(type);
    return it == s.byType.end() ? 0 : it->second;
}

} // namespace

TEST(DemoGenerator, SameOptionsGiveTheSameStreamAndAnotherSeedAnotherOne)
{
    DemoOptions o;
    o.interactions = 50000;
    const std::uint64_t a = streamHash(o);
    const std::uint64_t b = streamHash(o);
    EXPECT_EQ(a, b);
    DemoOptions other = o;
    other.seed = 43;
    EXPECT_NE(a, streamHash(other));
    DemoOptions longer = o;
    longer.days = 14;
    EXPECT_NE(a, streamHash(longer));
}

TEST(DemoGenerator, ProducesExactlyTheRequestedNumberOfInteractions)
{
    for (std::int64_t n : {0LL, 1LL, 2LL, 7LL, 999LL, 12345LL}) {
        DemoOptions o;
        o.interactions = n;
        std::int64_t seen = 0;
        DemoGenerator(o).generate([&](const CapturedEvent &) {
            ++seen;
            return true;
        });
        EXPECT_EQ(seen, n) << "interactions=" << n;
    }
    EXPECT_EQ(defaultSummary().count, 200000);
}

TEST(DemoGenerator, SinkReturningFalseStopsTheStream)
{
    std::int64_t seen = 0;
    DemoGenerator(DemoOptions{}).generate([&](const CapturedEvent &) { return ++seen < 10; });
    EXPECT_EQ(seen, 10);
}

TEST(DemoGenerator, EventsAreInTimeOrderAndEndAtTheEndTime)
{
    const Summary &s = defaultSummary();
    const DemoGenerator g{DemoOptions{}};
    EXPECT_TRUE(s.ordered);
    EXPECT_EQ(s.last, DemoGenerator::kDefaultEndMs);
    EXPECT_EQ(g.endMs(), DemoGenerator::kDefaultEndMs);
    EXPECT_GE(s.first, s.last - 30 * kDayMs);
    // Spread over the whole period, not bunched at its end.
    EXPECT_LT(s.first, s.last - 29 * kDayMs);

    DemoOptions o;
    o.interactions = 20000;
    o.days = 3;
    o.endMs = 1700000000000;
    const Summary t = summarize(o);
    EXPECT_TRUE(t.ordered);
    EXPECT_EQ(t.last, o.endMs);
    EXPECT_GE(t.first, o.endMs - 3 * kDayMs);
    EXPECT_LT(t.first, o.endMs - 2 * kDayMs);
}

TEST(DemoGenerator, UuidsAreUniqueCanonicalVersion7CarryingTheTimestamp)
{
    const Summary &s = defaultSummary();
    EXPECT_EQ(s.badUuids, 0);
    EXPECT_EQ(s.uuidTimeMismatch, 0);
    EXPECT_EQ(s.duplicateUuids, 0);
    for (const auto &id : s.sessionIds)
        ASSERT_TRUE(isCanonicalUuidV7(id)) << id;
}

TEST(DemoGenerator, HasEveryKindOfInteraction)
{
    const Summary &s = defaultSummary();
    for (const char *type :
         {"pageview", "click", "submit", "change", "pageleave", "rageclick", "identify", "newsletter_signup",
          "Coupon Applied", "video_played", "Order Completed", "signup_completed"})
        EXPECT_GT(count(s, type), 0) << type;
    // A plausible mix: clicks and pageviews dominate, identify and rage clicks are rare.
    EXPECT_GT(count(s, "click"), s.count / 5);
    EXPECT_GT(count(s, "pageview"), s.count / 6);
    EXPECT_GT(count(s, "change"), s.count / 50);
    EXPECT_LT(count(s, "identify"), s.count / 50);
    EXPECT_LT(count(s, "rageclick"), s.count / 50);
    EXPECT_EQ(s.autocaptureWithoutChain, 0);
    EXPECT_EQ(s.chainOnPageview, 0);
    EXPECT_EQ(s.emptyUrl, 0);
    EXPECT_EQ(s.emptyTitle, 0);
    EXPECT_EQ(s.emptyReferrer, 0);
    EXPECT_EQ(s.badProperties, 0);
}

TEST(DemoGenerator, ShopPagesAndCheckoutFunnelNarrowTowardsPayment)
{
    const Summary &s = defaultSummary();
    auto pv = [&](const std::string &path) {
        auto it = s.pageviewsByPath.find(path);
        return it == s.pageviewsByPath.end() ? 0 : it->second;
    };
    for (const char *path :
         {"/", "/cart", "/checkout", "/checkout/payment", "/checkout/confirmation", "/account",
          "/account/orders", "/login", "/signup", "/help/faq", "/search", "/reset-password"})
        EXPECT_GT(pv(path), 0) << path;
    std::int64_t category = 0, product = 0;
    for (const auto &[path, n] : s.pageviewsByPath) {
        if (path.rfind("/category/", 0) == 0) category += n;
        if (path.rfind("/product/", 0) == 0) product += n;
    }
    EXPECT_GT(category, 0);
    EXPECT_GT(product, pv("/cart"));
    EXPECT_GT(pv("/cart"), pv("/checkout"));
    EXPECT_GT(pv("/checkout"), pv("/checkout/payment"));
    EXPECT_GT(pv("/checkout/payment"), pv("/checkout/confirmation"));
    EXPECT_EQ(count(s, "Order Completed"), pv("/checkout/confirmation"));
}

TEST(DemoGenerator, VisitorsHaveMultiPageSessionsAndComeBackOnOtherDays)
{
    const Summary &s = defaultSummary();
    // Several thousand visitors in thousands of sessions.
    EXPECT_GT(s.visitors.size(), 2000u);
    EXPECT_LT(s.visitors.size(), 40000u);
    EXPECT_GT(s.sessionIds.size(), 5000u);
    std::size_t multiPage = 0;
    for (const auto &[session, pages] : s.pagesBySession)
        multiPage += pages.pageChanges >= 3;
    EXPECT_GT(multiPage, s.sessionIds.size() / 5);
    std::size_t returning = 0;
    for (const auto &[id, v] : s.visitors)
        returning += v.sessions >= 2 && v.lastDay > v.firstDay;
    EXPECT_GT(returning, s.visitors.size() / 20);
}

TEST(DemoGenerator, IdentifyLinksTheAnonymousIdToAUserId)
{
    const Summary &s = defaultSummary();
    ASSERT_GT(s.identifies, 50);
    EXPECT_EQ(s.identifyWellFormed, s.identifies);
    EXPECT_GT(s.userIdsLikeEmail, 0);
    EXPECT_LT(s.userIdsLikeEmail, s.identifies);
    // After identify, the session continues under the user id (except after a rare log-out).
    ASSERT_GT(s.afterIdentifyTotal, 0);
    EXPECT_GT(s.afterIdentifyAsUser, s.afterIdentifyTotal * 9 / 10);
    // A user id first appears in the identify that introduced it, never before it in time.
    ASSERT_GT(s.userIds, 50);
    EXPECT_EQ(s.userIdsFirstSeenInIdentify, s.userIds);
    // Anonymous ids are UUIDv7s made when the visitor arrived (or logged out): never after use.
    EXPECT_EQ(s.anonIdFromTheFuture, 0);
}

TEST(DemoGenerator, DictionariesStaySmall)
{
    const Summary &s = defaultSummary();
    EXPECT_GE(s.chains.size(), 300u);
    EXPECT_LE(s.chains.size(), 5000u);
    EXPECT_GE(s.properties.size(), 20u);
    EXPECT_LE(s.properties.size(), 2000u);
    EXPECT_LE(s.urls.size(), 3000u);
    EXPECT_LE(s.titles.size(), 400u);
}

TEST(DemoGenerator, ChainsAreCanonicalAndVariedEnoughForSelectorSuggestions)
{
    const Summary &s = defaultSummary();
    bool spanInButton = false, dataTrack = false, emotion = false, styled = false, positionOnly = false,
         password = false, ccNumber = false, email = false;
    for (const auto &text : s.chains) {
        hindsight::model::ElementChain chain;
        hindsight::capture::ChainError error;
        ASSERT_TRUE(hindsight::capture::parseElementsChain(text, chain, &error))
            << error.reason << " in " << text;
        ASSERT_FALSE(chain.empty());
        EXPECT_EQ(hindsight::capture::serializeElementsChain(chain), text);
        const auto &target = chain.front();
        if (target.tag == "span" && chain.size() > 1 && chain[1].tag == "button" && !target.text.empty())
            spanInButton = true;
        dataTrack = dataTrack || target.attribute("data-track") != nullptr;
        for (const auto &c : target.classes) {
            emotion = emotion || c.rfind("css-", 0) == 0;
            styled = styled || c.rfind("sc-", 0) == 0;
        }
        if (target.tag == "button" && target.classes.empty() && target.id.empty() && target.nthChild > 0 &&
            chain.size() > 1 && chain[1].classes.empty() && chain[1].id.empty())
            positionOnly = true;
        if (const auto *type = target.attribute("type"); type && *type == "password") password = true;
        if (const auto *ac = target.attribute("autocomplete")) {
            ccNumber = ccNumber || *ac == "cc-number";
            email = email || *ac == "email";
        }
    }
    EXPECT_TRUE(spanInButton);
    EXPECT_TRUE(dataTrack);
    EXPECT_TRUE(emotion);
    EXPECT_TRUE(styled);
    EXPECT_TRUE(positionOnly);
    EXPECT_TRUE(password);
    EXPECT_TRUE(ccNumber);
    EXPECT_TRUE(email);
}

TEST(DemoGenerator, PlantedPrivacyProblemsArePresentButRare)
{
    const Summary &s = defaultSummary();
    EXPECT_TRUE(s.greetingEmail);
    EXPECT_TRUE(s.tokenUrl);
    EXPECT_TRUE(s.accessTokenUrl);
    EXPECT_TRUE(s.cardText);
    EXPECT_TRUE(s.phoneText);
    // Not an accident of one seed; and rare: well under one interaction in a thousand each.
    for (std::uint64_t seed : {1ULL, 2024ULL}) {
        DemoOptions o;
        o.seed = seed;
        std::int64_t greeting = 0, token = 0, card = 0, phone = 0, total = 0;
        DemoGenerator(o).generate([&](const CapturedEvent &e) {
            ++total;
            greeting +=
                e.chain.find("text=\"Hi ") != std::string::npos && e.chain.find('@') != std::string::npos;
            token += e.type == "pageview" && e.url.find("token=") != std::string::npos;
            card += e.chain.find("4111 1111 1111 1111") != std::string::npos;
            phone += e.chain.find("+44 7700 900123") != std::string::npos;
            return true;
        });
        for (std::int64_t n : {greeting, token, card, phone}) {
            EXPECT_GT(n, 0) << "seed " << seed;
            EXPECT_LT(n, total / 1000) << "seed " << seed;
        }
    }
    bool jane = false;
    for (const auto &c : s.chains)
        jane = jane || c.find("text=\"Hi jane.doe@example.org\"") != std::string::npos;
    EXPECT_TRUE(jane);
}

TEST(DemoGenerator, FollowsADailyAndWeeklyRhythm)
{
    const Summary &s = defaultSummary();
    const std::int64_t evening = s.hourCount[19] + s.hourCount[20] + s.hourCount[21];
    const std::int64_t night = s.hourCount[3] + s.hourCount[4] + s.hourCount[5];
    EXPECT_GT(evening, 4 * night);
    // 30 days ending on a Sunday: every weekday occurs 4 or 5 times; compare per-day averages
    // of Saturday+Sunday with Tuesday+Wednesday.
    const double weekend = static_cast<double>(s.weekdayCount[0] + s.weekdayCount[6]);
    const double midweek = static_cast<double>(s.weekdayCount[2] + s.weekdayCount[3]);
    EXPECT_GT(weekend, midweek * 1.15);
}

TEST(DemoGenerator, RejectsOptionsOutOfRange)
{
    DemoOptions o;
    o.interactions = -1;
    EXPECT_THROW(DemoGenerator{o}, std::invalid_argument);
    o = {};
    o.days = 0;
    EXPECT_THROW(DemoGenerator{o}, std::invalid_argument);
    o = {};
    o.interactions = DemoGenerator::kMaxInteractions + 1;
    EXPECT_THROW(DemoGenerator{o}, std::invalid_argument);
    o = {};
    o.endMs = -5;
    EXPECT_THROW(DemoGenerator{o}, std::invalid_argument);
    o = {};
    o.endMs = 1000;
    EXPECT_THROW(DemoGenerator{o}, std::invalid_argument);
}

TEST(DemoGenerator, PostHogNdjsonRoundTripsToTheSameEvents)
{
    DemoOptions o;
    o.interactions = 20000;
    o.seed = 7;
    std::vector<CapturedEvent> events;
    DemoGenerator(o).generate([&](const CapturedEvent &e) {
        events.push_back(e);
        return true;
    });
    std::ostringstream out;
    DemoGenerator(o).writePostHogNdjson(out);
    const std::string text = out.str();
    ASSERT_FALSE(text.empty());
    ASSERT_EQ(text.back(), '\n');

    std::size_t line = 0, pos = 0;
    hindsight::capture::EventDecoder decoder(hindsight::capture::InputFormat::PostHog);
    bool backslashInChain = false, utf8InChain = false, utf8InTitle = false;
    while (pos < text.size()) {
        const std::size_t end = text.find('\n', pos);
        ASSERT_NE(end, std::string::npos);
        const std::string json = text.substr(pos, end - pos);
        pos = end + 1;
        ASSERT_LT(line, events.size());
        const CapturedEvent &e = events[line++];
        backslashInChain = backslashInChain || e.chain.find('\\') != std::string::npos;
        const auto nonAscii = [](const std::string &t) {
            return std::any_of(t.begin(), t.end(),
                               [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
        };
        utf8InChain = utf8InChain || nonAscii(e.chain);
        utf8InTitle = utf8InTitle || nonAscii(e.title);

        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json), &error);
        ASSERT_EQ(error.error, QJsonParseError::NoError) << "line " << line << ": " << json;
        ASSERT_TRUE(doc.isObject());
        const QJsonObject obj = doc.object();
        const QJsonObject props = obj.value("properties").toObject();
        EXPECT_EQ(obj.value("uuid").toString().toStdString(), e.uuid);
        EXPECT_EQ(obj.value("distinct_id").toString().toStdString(), e.distinctId);
        const std::string event = obj.value("event").toString().toStdString();
        const std::string eventType = props.value("$event_type").toString().toStdString();
        EXPECT_EQ(hindsight::capture::typeForPostHogEvent(event, eventType), e.type);
        EXPECT_EQ(props.contains("$event_type"), event == "$autocapture");
        EXPECT_EQ(hindsight::capture::parseIsoTimestamp(obj.value("timestamp").toString().toStdString()),
                  e.timestampMs);
        EXPECT_EQ(props.value("$current_url").toString().toStdString(), e.url);
        const auto parts = hindsight::model::splitUrl(e.url);
        EXPECT_EQ(props.value("$host").toString().toStdString(), parts.host);
        EXPECT_EQ(props.value("$pathname").toString().toStdString(), parts.path);
        EXPECT_EQ(props.value("$session_id").toString().toStdString(), e.sessionId);
        EXPECT_EQ(props.value("$elements_chain").toString().toStdString(), e.chain);
        EXPECT_EQ(props.contains("$elements_chain"), !e.chain.empty());
        EXPECT_EQ(props.value("title").toString().toStdString(), e.title);
        EXPECT_EQ(props.value("$referrer").toString().toStdString(), e.referrer);
        EXPECT_EQ(props.value("$anon_distinct_id").toString().toStdString(), e.anonDistinctId);
        EXPECT_EQ(props.contains("$anon_distinct_id"), e.type == "identify");

        // The remaining properties are exactly the event's property object, in its order.
        QJsonObject rest = props;
        for (const char *known : {"$current_url", "$host", "$pathname", "$session_id", "$event_type",
                                  "$elements_chain", "title", "$referrer", "$anon_distinct_id"})
            rest.remove(known);
        const QJsonObject expected =
            QJsonDocument::fromJson(QByteArray::fromStdString(e.properties)).object();
        EXPECT_EQ(rest, expected);
        const std::size_t restAt = json.find(e.properties.substr(1, e.properties.size() - 2));
        EXPECT_NE(restAt, std::string::npos);

        // Hindsight's own PostHog reader gives back exactly the generated interaction.
        int decoded = 0;
        decoder.decode(
            json,
            [&](CapturedEvent &back) {
                ++decoded;
                EXPECT_EQ(back.uuid, e.uuid);
                EXPECT_EQ(back.type, e.type);
                EXPECT_EQ(back.timestampMs, e.timestampMs);
                EXPECT_EQ(back.distinctId, e.distinctId);
                EXPECT_EQ(back.sessionId, e.sessionId);
                EXPECT_EQ(back.url, e.url);
                EXPECT_EQ(back.title, e.title);
                EXPECT_EQ(back.referrer, e.referrer);
                EXPECT_EQ(back.chain, e.chain);
                EXPECT_EQ(back.anonDistinctId, e.anonDistinctId);
                EXPECT_EQ(back.properties, e.properties);
            },
            [&](const std::string &reason) { ADD_FAILURE() << "line " << line << ": " << reason; });
        EXPECT_EQ(decoded, 1);
        if (::testing::Test::HasFailure()) break;
    }
    EXPECT_EQ(line, events.size());
    // The sample exercised the escaping: `\"` inside a chain value, and UTF-8 text.
    EXPECT_TRUE(backslashInChain);
    EXPECT_TRUE(utf8InChain);
    EXPECT_TRUE(utf8InTitle);
}

TEST(DemoGenerator, WritingToABrokenStreamIsReportedNotIgnored)
{
    std::ostringstream out;
    out.setstate(std::ios::badbit);
    DemoOptions o;
    o.interactions = 5000;
    EXPECT_THROW(DemoGenerator(o).writePostHogNdjson(out), std::runtime_error);
}
