// The field audit on a real store, built by reading NDJSON files through the capture reader
// and the store writer (the import path).
#include "core/privacy/fieldaudit.h"

#include "core/capture/eventreader.h"
#include "core/capture/timestamp.h"
#include "core/privacy/fieldauditjson.h"
#include "core/privacy/fieldscan.h"
#include "core/privacy/masking.h"
#include "core/privacy/propertyflattener.h"
#include "core/privacy/sensitiveelement.h"
#include "core/store/store.h"
#include "core/store/storewriter.h"
#include "tests/support/tempdir.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <atomic>
#include <gtest/gtest.h>

using namespace hindsight;
using namespace hindsight::privacy;

namespace {

// A real JSON Web Token shape: header {"alg":"HS256","typ":"JWT"}, payload {"sub":"1234567890"}.
const std::string kJwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0."
                         "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";

std::int64_t ms(const char *iso)
{
    return *capture::parseIsoTimestamp(iso);
}

/// PostHog events with planted personal data (times are distinct so first/last seen are exact).
std::string posthogEvents()
{
    const std::string greeting =
        R"(span.greeting:nth-child=\"1\"text=\"Hi jane.doe@example.org\";div.header:attr__id=\"top\")";
    std::string s;
    // 1. The greeting shows the e-mail; the URL and the properties carry it too.
    s +=
        R"({"event":"$autocapture","distinct_id":"u1","timestamp":"2024-03-01T10:00:00.000Z","properties":{"$event_type":"click","$current_url":"https://shop.example/account?email=jane.doe%40example.org&tab=orders","$elements_chain":")" +
        greeting +
        R"(","$set":{"email":"jane.doe@example.org"},"plan":"pro"}})"
        "\n";
    // 2. The same greeting on another page, a day later.
    s +=
        R"({"event":"$autocapture","distinct_id":"u2","timestamp":"2024-03-02T10:00:00.000Z","properties":{"$event_type":"click","$current_url":"https://shop.example/account?tab=orders","$elements_chain":")" +
        greeting +
        R"(","plan":"pro"}})"
        "\n";
    // 3. An id token left in the hash; the referrer's query names the sender.
    s +=
        R"({"event":"$pageview","distinct_id":"u3","timestamp":"2024-03-03T10:00:00.000Z","properties":{"$current_url":"https://shop.example/callback#id_token=)" +
        kJwt +
        R"(","$referrer":"https://mail.example/inbox?from=bob%40example.com&x=1","title":"Welcome Bob"}})"
        "\n";
    // 4. A click into the password field (nothing typed is captured).
    s +=
        R"({"event":"$autocapture","distinct_id":"u1","timestamp":"2024-03-04T10:00:00.000Z","properties":{"$event_type":"click","$current_url":"https://shop.example/login","$elements_chain":"input:attr__autocomplete=\"current-password\"attr__name=\"password\"attr__type=\"password\"attr_id=\"login-password\";form.login:attr__id=\"login\""}})"
        "\n";
    // 5. A card number in a data attribute.
    s +=
        R"({"event":"$autocapture","distinct_id":"u4","timestamp":"2024-03-05T10:00:00.000Z","properties":{"$event_type":"click","$current_url":"https://shop.example/pay","$elements_chain":"div.card-preview:attr__data-card=\"4111 1111 1111 1111\"nth-child=\"1\""}})"
        "\n";
    // 6. A badly built password field whose text was captured.
    s +=
        R"({"event":"$autocapture","distinct_id":"u4","timestamp":"2024-03-06T10:00:00.000Z","properties":{"$event_type":"change","$current_url":"https://shop.example/pay","$elements_chain":"input:attr__type=\"password\"attr_id=\"pw\"text=\"hunter2\""}})"
        "\n";
    return s;
}

/// Native events with consent states; one distinct id is an e-mail address.
std::string nativeEvents()
{
    std::string s;
    const char *states[] = {"denied", "denied", "denied", "granted", "granted"};
    for (int i = 0; i < 5; ++i)
        s += std::string(R"({"hindsight": 1, "time": "2024-03-07T10:00:0)") + std::to_string(i) +
             R"(.000Z", "type": "pageview", "distinct_id": ")" +
             (i == 0 ? "alice@example.net" : "v" + std::to_string(i)) +
             R"(", "url": "https://shop.example/", "consent": ")" + states[i] + "\"}\n";
    return s;
}

/// Reads the files into a new store in `dir` through the capture reader and the store writer.
std::unique_ptr<store::Store> buildStore(const test::TempDir &dir, const std::vector<std::string> &contents)
{
    std::string error;
    auto s = store::Store::open(dir.file("w.hindsight"), store::Store::OpenMode::CreateIfMissing, &error);
    EXPECT_TRUE(s) << error;
    if (!s) return nullptr;
    store::StoreWriter writer(*s);
    for (std::size_t i = 0; i < contents.size(); ++i) {
        const std::string path = dir.write("events" + std::to_string(i) + ".ndjson", contents[i]);
        capture::EventReader reader(path, capture::InputFormat::Auto);
        const bool ok = reader.run(
            [&](model::CapturedEvent &e, std::int64_t line) {
                EXPECT_EQ(writer.add(e), store::StoreWriter::Outcome::Accepted)
                    << line << ": " << writer.error();
            },
            [&](std::int64_t line, const std::string &reason) {
                ADD_FAILURE() << path << ":" << line << ": " << reason;
            });
        EXPECT_TRUE(ok) << reader.error();
    }
    EXPECT_TRUE(writer.commit()) << writer.error();
    return s;
}

const FieldReport *field(const FieldAuditReport &r, const std::string &name)
{
    for (const FieldReport &f : r.fields)
        if (f.field == name) return &f;
    return nullptr;
}

const DetectorFinding *finding(const FieldAuditReport &r, const std::string &name, DetectorType type)
{
    const FieldReport *f = field(r, name);
    if (!f) return nullptr;
    for (const DetectorFinding &d : f->findings)
        if (d.type == type) return &d;
    return nullptr;
}

class FieldAuditTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        store = buildStore(dir, {posthogEvents(), nativeEvents()});
        ASSERT_TRUE(store);
        std::string error;
        auto r = auditFields(*store, {}, &error);
        ASSERT_TRUE(r) << error;
        report = std::move(*r);
    }

    test::TempDir dir;
    std::unique_ptr<store::Store> store;
    FieldAuditReport report;
};

} // namespace

TEST_F(FieldAuditTest, CountsInteractionsAndTheirTimeRange)
{
    EXPECT_EQ(report.interactions, 11);
    ASSERT_TRUE(report.firstMs && report.lastMs);
    EXPECT_EQ(*report.firstMs, ms("2024-03-01T10:00:00Z"));
    EXPECT_EQ(*report.lastMs, ms("2024-03-07T10:00:04Z"));
}

TEST_F(FieldAuditTest, EmailInElementTextIsCountedOncePerValueWithEveryInteraction)
{
    const DetectorFinding *d = finding(report, "element.text", DetectorType::Email);
    ASSERT_TRUE(d);
    EXPECT_EQ(d->valuesAffected, 1);
    EXPECT_EQ(d->interactionsAffected, 2);
    EXPECT_EQ(d->firstSeenMs, ms("2024-03-01T10:00:00Z"));
    EXPECT_EQ(d->lastSeenMs, ms("2024-03-02T10:00:00Z"));
    EXPECT_EQ(d->example, "Hi j***@e***.org");
    const FieldReport *f = field(report, "element.text");
    ASSERT_TRUE(f);
    EXPECT_EQ(f->distinctValues, 2); // the greeting and "hunter2"
    EXPECT_EQ(f->interactions, 3);
    EXPECT_EQ(f->findings.size(), 1u);
}

TEST_F(FieldAuditTest, EmailInQueryParameterPropertiesReferrerAndDistinctId)
{
    const DetectorFinding *q = finding(report, "url.query.email", DetectorType::Email);
    ASSERT_TRUE(q);
    EXPECT_EQ(q->valuesAffected, 1);
    EXPECT_EQ(q->interactionsAffected, 1);
    EXPECT_EQ(q->firstSeenMs, ms("2024-03-01T10:00:00Z"));
    EXPECT_EQ(q->example, "j***@e***.org");

    const DetectorFinding *p = finding(report, "properties.$set.email", DetectorType::Email);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->valuesAffected, 1);
    EXPECT_EQ(p->interactionsAffected, 1);
    EXPECT_EQ(p->example, "j***@e***.org");

    const DetectorFinding *ref = finding(report, "referrer.query.from", DetectorType::Email);
    ASSERT_TRUE(ref);
    EXPECT_EQ(ref->interactionsAffected, 1);
    EXPECT_EQ(ref->firstSeenMs, ms("2024-03-03T10:00:00Z"));
    EXPECT_EQ(ref->lastSeenMs, ms("2024-03-03T10:00:00Z"));
    EXPECT_EQ(ref->example, "b***@e***.com");
    EXPECT_EQ(finding(report, "referrer", DetectorType::Email), nullptr)
        << "the query is not part of `referrer`";

    const DetectorFinding *id = finding(report, "distinct_id", DetectorType::Email);
    ASSERT_TRUE(id);
    EXPECT_EQ(id->valuesAffected, 1);
    EXPECT_EQ(id->interactionsAffected, 1);
    EXPECT_EQ(id->firstSeenMs, ms("2024-03-07T10:00:00Z"));
    EXPECT_EQ(id->example, "a***@e***.net");
    const FieldReport *ids = field(report, "distinct_id");
    ASSERT_TRUE(ids);
    EXPECT_EQ(ids->distinctValues, 9); // u1-u4, alice, v1-v4
    EXPECT_EQ(ids->interactions, 11);

    // Fields without findings are reported with their counts.
    const FieldReport *tab = field(report, "url.query.tab");
    ASSERT_TRUE(tab);
    EXPECT_EQ(tab->distinctValues, 1);
    EXPECT_EQ(tab->interactions, 2);
    EXPECT_TRUE(tab->findings.empty());
    const FieldReport *plan = field(report, "properties.plan");
    ASSERT_TRUE(plan);
    EXPECT_EQ(plan->interactions, 2);
    const FieldReport *title = field(report, "title");
    ASSERT_TRUE(title);
    EXPECT_EQ(title->distinctValues, 1);
    EXPECT_TRUE(title->findings.empty());
}

TEST_F(FieldAuditTest, JwtInHashAndCardInAttribute)
{
    const DetectorFinding *jwt = finding(report, "url.hash", DetectorType::Jwt);
    ASSERT_TRUE(jwt);
    EXPECT_EQ(jwt->valuesAffected, 1);
    EXPECT_EQ(jwt->interactionsAffected, 1);
    EXPECT_EQ(jwt->firstSeenMs, ms("2024-03-03T10:00:00Z"));
    EXPECT_EQ(jwt->example, "id_token=" + maskValue(kJwt, DetectorType::Jwt));
    EXPECT_EQ(jwt->example.find(kJwt.substr(0, 20)), std::string::npos);

    const DetectorFinding *card = finding(report, "element.attr.data-card", DetectorType::CreditCard);
    ASSERT_TRUE(card);
    EXPECT_EQ(card->valuesAffected, 1);
    EXPECT_EQ(card->interactionsAffected, 1);
    EXPECT_EQ(card->firstSeenMs, ms("2024-03-05T10:00:00Z"));
    EXPECT_EQ(card->example, "4111 **** **** 1111");

    EXPECT_EQ(report.findingCount(), 7);
    EXPECT_TRUE(report.hasFindings());
}

TEST_F(FieldAuditTest, SensitiveElementsWithAndWithoutCapturedText)
{
    ASSERT_EQ(report.sensitiveElements.size(), 2u);
    const SensitiveElement &login = report.sensitiveElements[0]; // more interactions? both 1: by name
    const SensitiveElement &pw = report.sensitiveElements[1];
    EXPECT_EQ(login.kind, SensitiveKind::Password);
    EXPECT_EQ(login.element,
              "input#login-password[type=password][name=password][autocomplete=current-password]");
    EXPECT_EQ(login.reasons, (std::vector<std::string>{"type=password", "autocomplete=current-password",
                                                       "name=password", "id=login-password"}));
    EXPECT_EQ(login.interactions, 1);
    EXPECT_EQ(login.chains, 1);
    EXPECT_FALSE(login.textCaptured());
    EXPECT_EQ(login.firstSeenMs, ms("2024-03-04T10:00:00Z"));

    EXPECT_EQ(pw.kind, SensitiveKind::Password);
    EXPECT_EQ(pw.element, "input#pw[type=password]");
    EXPECT_TRUE(pw.textCaptured());
    EXPECT_EQ(pw.interactionsWithText, 1);
    EXPECT_EQ(pw.lastSeenMs, ms("2024-03-06T10:00:00Z"));
}

TEST_F(FieldAuditTest, CountsConsentStates)
{
    EXPECT_EQ(report.consent.unknown, 6);
    EXPECT_EQ(report.consent.denied, 3);
    EXPECT_EQ(report.consent.granted, 2);
    EXPECT_EQ(report.consent.other, 0);
}

TEST_F(FieldAuditTest, JsonHoldsTheReportAndNoRawValue)
{
    const std::string json = fieldAuditToJson(report);
    for (const std::string &raw :
         {std::string("jane.doe@example.org"), std::string("jane.doe%40example.org"),
          std::string("bob@example.com"), std::string("bob%40example.com"), std::string("alice@example.net"),
          std::string("4111 1111 1111 1111"), kJwt, kJwt.substr(0, 36), std::string("hunter2")})
        EXPECT_EQ(json.find(raw), std::string::npos) << raw;

    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json), &err);
    ASSERT_EQ(err.error, QJsonParseError::NoError) << err.errorString().toStdString();
    const QJsonObject root = doc.object();
    EXPECT_EQ(root["interactions"].toInt(), 11);
    EXPECT_EQ(root["first"].toString(), "2024-03-01T10:00:00.000Z");
    EXPECT_EQ(root["summary"].toObject()["findings"].toInt(), 7);
    EXPECT_EQ(root["summary"].toObject()["sensitiveElementsWithText"].toInt(), 1);
    const QJsonArray fields = root["fields"].toArray();
    EXPECT_EQ(fields.size(), static_cast<qsizetype>(report.fields.size()));
    QStringList names;
    for (const auto &f : fields)
        names << f.toObject()["field"].toString();
    QStringList sorted = names;
    sorted.sort();
    EXPECT_EQ(names, sorted) << "fields are in name order";
    bool seen = false;
    for (const auto &f : fields) {
        const QJsonObject o = f.toObject();
        if (o["field"].toString() != "element.text") continue;
        seen = true;
        const QJsonObject d = o["findings"].toArray().at(0).toObject();
        EXPECT_EQ(d["detector"].toString(), "EMAIL");
        EXPECT_EQ(d["severity"].toString(), "medium");
        EXPECT_EQ(d["valuesAffected"].toInt(), 1);
        EXPECT_EQ(d["interactionsAffected"].toInt(), 2);
        EXPECT_EQ(d["firstSeen"].toString(), "2024-03-01T10:00:00.000Z");
        EXPECT_EQ(d["lastSeenMs"].toInteger(), ms("2024-03-02T10:00:00Z"));
        EXPECT_EQ(d["example"].toString(), "Hi j***@e***.org");
    }
    EXPECT_TRUE(seen);
    const QJsonObject consent = root["consent"].toObject();
    EXPECT_EQ(consent["denied"].toInt(), 3);
    EXPECT_EQ(consent["granted"].toInt(), 2);
    EXPECT_EQ(consent["unknown"].toInt(), 6);
    const QJsonArray sensitive = root["sensitiveElements"].toArray();
    ASSERT_EQ(sensitive.size(), 2);
    EXPECT_EQ(sensitive[1].toObject()["textCaptured"].toBool(), true);
    EXPECT_EQ(sensitive[0].toObject()["kind"].toString(), "password");
}

TEST_F(FieldAuditTest, SameReportWithOneOrManyThreads)
{
    const std::string expected = fieldAuditToJson(report);
    for (int threads : {1, 3, 7}) {
        FieldAuditOptions options;
        options.threads = threads;
        auto r = auditFields(*store, options);
        ASSERT_TRUE(r);
        EXPECT_EQ(fieldAuditToJson(*r), expected) << threads << " threads";
    }
}

TEST_F(FieldAuditTest, StopsWhenCancelledAtAnyPointAndOtherwiseReportsTheSame)
{
    const std::string expected = fieldAuditToJson(report);
    // How often an audit that is never cancelled asks.
    std::atomic<int> asked{0};
    FieldAuditOptions options;
    options.threads = 1;
    options.cancelled = [&] {
        ++asked;
        return false;
    };
    auto whole = auditFields(*store, options);
    ASSERT_TRUE(whole);
    EXPECT_EQ(fieldAuditToJson(*whole), expected);
    const int checks = asked.load();
    ASSERT_GT(checks, 10) << "the scan and the detection both ask, piece by piece";

    for (int threads : {1, 3}) {
        for (int after : {0, 1, checks / 2, checks - 1}) {
            asked = 0;
            options.threads = threads;
            options.cancelled = [&asked, after] { return asked++ >= after; };
            std::string error = "unchanged";
            EXPECT_FALSE(auditFields(*store, options, &error)) << threads << " threads, after " << after;
            EXPECT_EQ(error, kAuditCancelled) << threads << " threads, after " << after;
        }
    }
}

TEST_F(FieldAuditTest, FieldPatternSelectsFields)
{
    FieldAuditOptions options;
    options.fieldPattern = "url.query.*";
    auto r = auditFields(*store, options);
    ASSERT_TRUE(r);
    ASSERT_EQ(r->fields.size(), 2u);
    EXPECT_EQ(r->fields[0].field, "url.query.email");
    EXPECT_EQ(r->fields[1].field, "url.query.tab");
    EXPECT_EQ(r->findingCount(), 1);
    EXPECT_EQ(r->consent.denied, 3) << "consent and sensitive elements are always reported";
    EXPECT_EQ(r->sensitiveElements.size(), 2u);

    options.fieldPattern = "*email*";
    r = auditFields(*store, options);
    ASSERT_TRUE(r);
    std::vector<std::string> names;
    for (const auto &f : r->fields)
        names.push_back(f.field);
    EXPECT_EQ(names, (std::vector<std::string>{"properties.$set.email", "url.query.email"}));
}

TEST(FieldAudit, EmptyStoreHasNothingToReport)
{
    test::TempDir dir;
    auto s = buildStore(dir, {});
    ASSERT_TRUE(s);
    std::string error;
    auto r = auditFields(*s, {}, &error);
    ASSERT_TRUE(r) << error;
    EXPECT_EQ(r->interactions, 0);
    EXPECT_FALSE(r->firstMs);
    EXPECT_TRUE(r->fields.empty());
    EXPECT_FALSE(r->hasFindings());
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(fieldAuditToJson(*r)));
    EXPECT_TRUE(doc.isObject());
    EXPECT_TRUE(doc.object()["first"].isNull());
}

TEST(FieldAudit, NamesHoldingPersonalDataAreMaskedInFieldNames)
{
    test::TempDir dir;
    auto s = buildStore(
        dir,
        {R"({"event":"$pageview","distinct_id":"x","timestamp":"2024-03-01T10:00:00Z","properties":{"$current_url":"https://a.example/p?jane.doe%40example.org=1","carl@example.com":"yes","nested":{"deep":{"phone":"+44 20 7946 0958"}}}})"
         "\n"});
    ASSERT_TRUE(s);
    auto r = auditFields(*s);
    ASSERT_TRUE(r);
    EXPECT_TRUE(field(*r, "url.query.j***@e***.org"));
    EXPECT_TRUE(field(*r, "properties.c***@e***.com"));
    const DetectorFinding *phone = finding(*r, "properties.nested.deep.phone", DetectorType::Phone);
    ASSERT_TRUE(phone);
    EXPECT_EQ(phone->example, "+***8");
    const std::string json = fieldAuditToJson(*r);
    EXPECT_EQ(json.find("jane.doe"), std::string::npos);
    EXPECT_EQ(json.find("carl@"), std::string::npos);
}

TEST(FieldAudit, PathSegmentsAndNamedValuesAreScannedInContext)
{
    // A '/' glues a value to its neighbours, so the path is scanned segment by segment.
    const ScannedValue path = scanPath("/users/jane%40example.org/orders", {});
    EXPECT_EQ(path.types, DetectOptions::bit(DetectorType::Email));
    EXPECT_EQ(path.masked, "/users/j***@e***.org/orders");
    // The name is context: a bare digit run is a phone number only when named like one.
    EXPECT_TRUE(scanNamedValue("phone", "4155552671", {}).any());
    EXPECT_FALSE(scanText("4155552671", {}).any());
    // A credential-named parameter with a long value is a secret.
    EXPECT_EQ(scanNamedValue("token", "a8f3k2m9x7q1w5e6r4t2", {}).types,
              DetectOptions::bit(DetectorType::Secret));
    EXPECT_FALSE(scanNamedValue("page", "a8f3k2m9x7q1w5e6r4t2", {}).any());
    const ScannedValue url = scanUrl("https://x.example/a?email=bob%40example.com#top", true, {});
    EXPECT_EQ(url.masked, "https://x.example/a?email=b***@e***.com#top");
    EXPECT_EQ(scanUrl("https://x.example/a?email=bob%40example.com", false, {}).types, 0u);
}

TEST(FieldAudit, ExamplesOfLongValuesShowAWindowAndNeverPartOfAFinding)
{
    const std::string text = std::string(300, 'x') +
                             " call me at +44 20 7946 0958 or write to jane@example.org " +
                             std::string(300, 'y');
    const ScannedValue v = scanText(text, {});
    EXPECT_EQ(v.masked, "…call me at +***8 or write to…") << "whole words around the first finding";
    // A window edge inside a finding is moved to the finding's end (a card has spaces).
    const std::string spaced = "jane@example.org and then 4111 1111 1111 1111 " + std::string(200, 'z');
    EXPECT_EQ(scanText(spaced, {}).masked, "j***@e***.org and then 4111 **** **** 1111…");
    const std::string glued =
        "abcdefghijklmnopqrstuvwxyz0123456789 4111 1111 1111 1111 " + std::string(200, 'z');
    EXPECT_EQ(scanText(glued, {}).masked, "…4111 **** **** 1111…");
}

TEST(FieldAudit, FieldPatterns)
{
    EXPECT_TRUE(fieldMatchesPattern("url.query.*", "url.query.email"));
    EXPECT_FALSE(fieldMatchesPattern("url.query.*", "referrer.query.email"));
    EXPECT_TRUE(fieldMatchesPattern("*email*", "properties.$set.email"));
    EXPECT_TRUE(fieldMatchesPattern("element.text", "element.text"));
    EXPECT_FALSE(fieldMatchesPattern("element.text", "element.textual"));
    EXPECT_TRUE(fieldMatchesPattern("element.attr.data-?", "element.attr.data-x"));
    EXPECT_TRUE(fieldMatchesPattern("*", ""));
    EXPECT_TRUE(fieldMatchesPattern("a*b*c", "aXXbYYbc"));
    EXPECT_FALSE(fieldMatchesPattern("a*b*c", "aXXbYYb"));
}

TEST(FieldAudit, SensitiveElementsAreJudgedByTypeAutocompleteNameAndId)
{
    auto el = [](std::string tag, std::vector<std::pair<std::string, std::string>> attrs,
                 std::string id = "") {
        model::Element e;
        e.tag = std::move(tag);
        e.attributes = std::move(attrs);
        e.id = std::move(id);
        return e;
    };
    auto kind = [](const model::Element &e) { return classifySensitiveElement(e).value().kind; };
    EXPECT_EQ(kind(el("input", {{"type", "password"}})), SensitiveKind::Password);
    EXPECT_EQ(kind(el("input", {{"autocomplete", "cc-number"}})), SensitiveKind::Card);
    EXPECT_EQ(kind(el("input", {{"name", "cardNumber"}})), SensitiveKind::Card);
    EXPECT_EQ(kind(el("input", {{"name", "user_ssn"}})), SensitiveKind::Ssn);
    EXPECT_EQ(kind(el("input", {{"type", "email"}, {"name", "login"}})), SensitiveKind::Email);
    EXPECT_EQ(kind(el("input", {{"type", "email"}, {"name", "password"}})), SensitiveKind::Password);
    EXPECT_EQ(kind(el("textarea", {}, "mobilePhone")), SensitiveKind::Phone);
    EXPECT_EQ(kind(el("input", {{"autocomplete", "shipping tel"}})), SensitiveKind::Phone);
    EXPECT_FALSE(classifySensitiveElement(el("input", {{"type", "hidden"}, {"name", "password"}})));
    EXPECT_FALSE(classifySensitiveElement(el("button", {{"name", "password"}})));
    EXPECT_FALSE(classifySensitiveElement(el("input", {{"name", "hotel"}, {"type", "text"}})));
    EXPECT_FALSE(classifySensitiveElement(el("input", {{"name", "q"}, {"type", "search"}})));
}

TEST(FieldAudit, PropertyFlattenerWalksNestedObjectsAndArrays)
{
    PropertyFlattener flattener;
    std::vector<std::string> seen;
    EXPECT_TRUE(flattener.flatten(R"({"a":"x","b":{"c":1.5,"d":[true,"y",{"e":7}]},"n":null})",
                                  [&](std::string_view path, std::string_view key, std::string_view value) {
                                      seen.push_back(std::string(path) + "|" + std::string(key) + "|" +
                                                     std::string(value));
                                  }));
    EXPECT_EQ(seen, (std::vector<std::string>{"a|a|x", "b.c|c|1.5", "b.d[]|d|y", "b.d[].e|e|7"}));
    EXPECT_FALSE(flattener.flatten("[1,2]", [](auto, auto, auto) {}));
    EXPECT_FALSE(flattener.flatten("{not json", [](auto, auto, auto) {}));
}

TEST(FieldAudit, DistinctIdsAndTitlesCountEachValueOnceWithTheBusiestExample)
{
    // Distinct ids and titles come from dictionaries whose rows are unique: every row is a value
    // of its own. Counts, first/last seen and the example must not depend on how many workers
    // read those dictionaries.
    struct Row
    {
        const char *id;
        const char *title;
    };
    const Row rows[] = {
        {"carl@example.net", "Hi carl@example.net"}, // carl: 3 interactions, the first at :00
        {"ann@example.org", "Hi ann@example.org"},   // ann: 3, tied with carl
        {"v1", "Home"},
        {"carl@example.net", "Hi carl@example.net"},
        {"ann@example.org", "Home"},
        {"bob@example.com", "Hi bob@example.com"}, // bob: 1
        {"v1", "Home"},
        {"carl@example.net", "Home"},
        {"ann@example.org", "Hi ann@example.org"}, // the last at :08
    };
    std::string events;
    for (std::size_t i = 0; i < std::size(rows); ++i)
        events += std::string(R"({"hindsight": 1, "time": "2024-03-07T10:00:0)") + std::to_string(i) +
                  R"(.000Z", "type": "pageview", "distinct_id": ")" + rows[i].id +
                  R"(", "url": "https://shop.example/", "title": ")" + rows[i].title + "\"}\n";
    test::TempDir dir;
    auto s = buildStore(dir, {events});
    ASSERT_TRUE(s);
    std::string expected;
    for (int threads : {1, 2, 5}) {
        FieldAuditOptions options;
        options.threads = threads;
        auto r = auditFields(*s, options);
        ASSERT_TRUE(r);

        const FieldReport *ids = field(*r, "distinct_id");
        ASSERT_TRUE(ids);
        EXPECT_EQ(ids->distinctValues, 4) << threads;
        EXPECT_EQ(ids->interactions, 9);
        const DetectorFinding *email = finding(*r, "distinct_id", DetectorType::Email);
        ASSERT_TRUE(email);
        EXPECT_EQ(email->valuesAffected, 3);
        EXPECT_EQ(email->interactionsAffected, 7);
        EXPECT_EQ(email->firstSeenMs, ms("2024-03-07T10:00:00.000Z"));
        EXPECT_EQ(email->lastSeenMs, ms("2024-03-07T10:00:08.000Z"));
        // ann and carl have the most interactions; of the two, the smaller masked text.
        EXPECT_EQ(email->example, "a***@e***.org") << threads;

        const FieldReport *titles = field(*r, "title");
        ASSERT_TRUE(titles);
        EXPECT_EQ(titles->distinctValues, 4);
        EXPECT_EQ(titles->interactions, 9);
        const DetectorFinding *inTitle = finding(*r, "title", DetectorType::Email);
        ASSERT_TRUE(inTitle);
        EXPECT_EQ(inTitle->valuesAffected, 3);
        EXPECT_EQ(inTitle->interactionsAffected, 5);
        EXPECT_EQ(inTitle->firstSeenMs, ms("2024-03-07T10:00:00.000Z"));
        EXPECT_EQ(inTitle->lastSeenMs, ms("2024-03-07T10:00:08.000Z"));
        // "Hi carl@…" and "Hi ann@…" were shown twice each; "Hi a***" sorts first.
        EXPECT_EQ(inTitle->example, "Hi a***@e***.org") << threads;

        if (expected.empty())
            expected = fieldAuditToJson(*r);
        else
            EXPECT_EQ(fieldAuditToJson(*r), expected) << threads << " threads";
    }
}
