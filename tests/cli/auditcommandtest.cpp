// `hindsight audit`, run as a real child process on a store filled by `hindsight import`.
#include "tests/support/tempdir.h"
#include "tests/support/testpaths.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <gtest/gtest.h>

using namespace hindsight;

namespace {

test::ProcessResult hindsightCli(const std::vector<std::string> &args)
{
    std::vector<std::string> argv{test::kCliPath};
    argv.insert(argv.end(), args.begin(), args.end());
    return test::runProcess(argv);
}

/// Imports `ndjson` into a new store in `dir` with the real `hindsight import`.
std::string importedStore(const test::TempDir &dir, const std::string &ndjson)
{
    const std::string store = dir.file("w.hindsight");
    const auto r = hindsightCli({"--store", store, "import", dir.write("events.ndjson", ndjson)});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    return store;
}

std::string event(const std::string &time, const std::string &url, const std::string &chain = {},
                  const std::string &extra = {})
{
    std::string s = R"({"event":")" + std::string(chain.empty() ? "$pageview" : "$autocapture") +
                    R"(","distinct_id":"d1","timestamp":")" + time + R"(","properties":{"$current_url":")" +
                    url + "\"";
    if (!chain.empty()) s += R"(,"$event_type":"click","$elements_chain":")" + chain + "\"";
    s += extra + "}}\n";
    return s;
}

std::string leakyEvents()
{
    return event("2024-05-01T08:00:00Z", "https://shop.example/reset?token=Zx81kQp0rT5vWm2nB7cY4dE9&step=1") +
           event("2024-05-02T08:00:00Z", "https://shop.example/reset?token=Zx81kQp0rT5vWm2nB7cY4dE9&step=1") +
           event("2024-05-03T08:00:00Z", "https://shop.example/account",
                 R"(span.hello:text=\"Signed in as maria.rossi@example.com\")",
                 R"(,"$set":{"phone":"+44 20 7946 0958"})") +
           event("2024-05-04T08:00:00Z", "https://shop.example/checkout",
                 R"(input:attr__autocomplete=\"cc-number\"attr__type=\"text\"attr_id=\"card\")");
}

QJsonObject parseObject(const std::string &json)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json), &err);
    EXPECT_EQ(err.error, QJsonParseError::NoError) << err.errorString().toStdString() << "\n" << json;
    return doc.object();
}

QJsonObject findingOf(const QJsonObject &root, const QString &field, const QString &detector)
{
    for (const auto &f : root["fields"].toArray()) {
        if (f.toObject()["field"].toString() != field) continue;
        for (const auto &d : f.toObject()["findings"].toArray())
            if (d.toObject()["detector"].toString() == detector) return d.toObject();
    }
    return {};
}

} // namespace

TEST(AuditCommand, JsonReportsFindingsWithMaskedExamplesAndExitsOne)
{
    test::TempDir dir;
    const std::string store = importedStore(dir, leakyEvents());
    const auto r = hindsightCli({"--store", store, "audit", "--json"});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    for (const char *raw : {"Zx81kQp0rT5vWm2nB7cY4dE9", "maria.rossi", "7946 0958"})
        EXPECT_EQ(r.out.find(raw), std::string::npos) << raw;

    const QJsonObject root = parseObject(r.out);
    EXPECT_EQ(root["interactions"].toInt(), 4);
    EXPECT_EQ(root["first"].toString(), "2024-05-01T08:00:00.000Z");
    EXPECT_EQ(root["last"].toString(), "2024-05-04T08:00:00.000Z");

    const QJsonObject token = findingOf(root, "url.query.token", "SECRET");
    EXPECT_EQ(token["severity"].toString(), "high");
    EXPECT_EQ(token["valuesAffected"].toInt(), 1);
    EXPECT_EQ(token["interactionsAffected"].toInt(), 2);
    EXPECT_EQ(token["firstSeen"].toString(), "2024-05-01T08:00:00.000Z");
    EXPECT_EQ(token["lastSeen"].toString(), "2024-05-02T08:00:00.000Z");
    EXPECT_EQ(token["example"].toString(), "Z***9");

    const QJsonObject text = findingOf(root, "element.text", "EMAIL");
    EXPECT_EQ(text["interactionsAffected"].toInt(), 1);
    EXPECT_EQ(text["example"].toString(), "Signed in as m***@e***.com");

    const QJsonObject phone = findingOf(root, "properties.$set.phone", "PHONE");
    EXPECT_EQ(phone["valuesAffected"].toInt(), 1);
    EXPECT_EQ(phone["example"].toString(), "+***8");

    const QJsonArray sensitive = root["sensitiveElements"].toArray();
    ASSERT_EQ(sensitive.size(), 1);
    EXPECT_EQ(sensitive[0].toObject()["kind"].toString(), "card");
    EXPECT_EQ(sensitive[0].toObject()["element"].toString(), "input#card[type=text][autocomplete=cc-number]");
    EXPECT_EQ(sensitive[0].toObject()["interactions"].toInt(), 1);
    EXPECT_FALSE(sensitive[0].toObject()["textCaptured"].toBool());

    EXPECT_EQ(root["consent"].toObject()["unknown"].toInt(), 4);
    EXPECT_EQ(root["summary"].toObject()["findings"].toInt(), 3);
}

TEST(AuditCommand, HumanOutputSortsBySeverityAndShowsNoRawValue)
{
    test::TempDir dir;
    const std::string store = importedStore(dir, leakyEvents());
    const auto r = hindsightCli({"--store", store, "audit"});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    for (const char *raw : {"Zx81kQp0rT5vWm2nB7cY4dE9", "maria.rossi", "7946 0958"})
        EXPECT_EQ(r.out.find(raw), std::string::npos) << raw;
    const auto secret = r.out.find("url.query.token");
    const auto email = r.out.find("element.text");
    ASSERT_NE(secret, std::string::npos) << r.out;
    ASSERT_NE(email, std::string::npos) << r.out;
    EXPECT_LT(secret, email) << "high severity first\n" << r.out;
    EXPECT_NE(r.out.find("Signed in as m***@e***.com"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("2024-05-01 08:00"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("input#card[type=text][autocomplete=cc-number]"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Consent"), std::string::npos) << r.out;
}

TEST(AuditCommand, FieldPatternNarrowsTheReportAndTheExitStatus)
{
    test::TempDir dir;
    const std::string store = importedStore(dir, leakyEvents());
    auto r = hindsightCli({"--store", store, "audit", "--json", "--field", "properties.*"});
    EXPECT_EQ(r.exitCode, 1);
    QJsonObject root = parseObject(r.out);
    ASSERT_EQ(root["fields"].toArray().size(), 1);
    EXPECT_EQ(root["fields"].toArray()[0].toObject()["field"].toString(), "properties.$set.phone");

    r = hindsightCli({"--store", store, "audit", "--json", "--field", "url.path"});
    EXPECT_EQ(r.exitCode, 0) << "no findings in url.path";
    root = parseObject(r.out);
    ASSERT_EQ(root["fields"].toArray().size(), 1);
    EXPECT_EQ(root["fields"].toArray()[0].toObject()["distinctValues"].toInt(), 3);
    EXPECT_TRUE(root["fields"].toArray()[0].toObject()["findings"].toArray().isEmpty());
}

TEST(AuditCommand, CleanStoreExitsZero)
{
    test::TempDir dir;
    const std::string store = importedStore(
        dir, event("2024-05-01T08:00:00Z", "https://shop.example/cart?step=2") +
                 event("2024-05-01T08:00:01Z", "https://shop.example/", R"(button.buy:text=\"Buy now\")"));
    auto r = hindsightCli({"--store", store, "audit"});
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("No personal data found"), std::string::npos) << r.out;
    r = hindsightCli({"--store", store, "audit", "--json"});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_EQ(parseObject(r.out)["summary"].toObject()["findings"].toInt(), 0);
}

TEST(AuditCommand, UsageErrorsAndMissingStoreExitTwo)
{
    test::TempDir dir;
    const std::string store = importedStore(dir, event("2024-05-01T08:00:00Z", "https://shop.example/"));
    EXPECT_EQ(hindsightCli({"--store", store, "audit", "--bogus"}).exitCode, 2);
    EXPECT_EQ(hindsightCli({"--store", store, "audit", "stray"}).exitCode, 2);
    EXPECT_EQ(hindsightCli({"--store", store, "audit", "--field"}).exitCode, 2);
    EXPECT_EQ(hindsightCli({"--store", store, "audit", "--field", ""}).exitCode, 2);
    const auto missing = hindsightCli({"--store", dir.file("nope.hindsight"), "audit"});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_NE(missing.err.find("nope.hindsight"), std::string::npos) << missing.err;
    const auto help = hindsightCli({"audit", "--help"});
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_NE(help.out.find("Exit status"), std::string::npos);
}
