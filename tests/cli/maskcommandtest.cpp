// `hindsight mask` and masking at the door of `hindsight import`, run as real child processes.
#include "core/store/store.h"
#include "tests/support/tempdir.h"
#include "tests/support/testpaths.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <gtest/gtest.h>

using namespace hindsight;

namespace {

const std::string kEmail = "zq7.unique.marker@example.org";
const std::string kToken = "Tk9unique8Marker7Tok3n6Xq";

test::ProcessResult cli(const std::vector<std::string> &args)
{
    std::vector<std::string> argv{test::kCliPath};
    argv.insert(argv.end(), args.begin(), args.end());
    return test::runProcess(argv);
}

std::string event(int i, const std::string &url, const std::string &chain = {}, const std::string &extra = {})
{
    char uuid[40];
    std::snprintf(uuid, sizeof uuid, "018f0000-0000-7000-8000-%012d", i);
    std::string s = std::string(R"({"uuid":")") + uuid + R"(","event":")" +
                    (chain.empty() ? "$pageview" : "$autocapture") + R"(","distinct_id":"d)" +
                    std::to_string(i % 3) + R"(","timestamp":"2024-05-01T08:00:)" + (i < 10 ? "0" : "") +
                    std::to_string(i) + R"(Z","properties":{"$current_url":")" + url + "\"";
    if (!chain.empty()) s += R"(,"$event_type":"click","$elements_chain":")" + chain + "\"";
    s += extra + "}}\n";
    return s;
}

/// 10 events; 2 carry the e-mail marker, 1 the token.
std::string leakyEvents()
{
    std::string s;
    for (int i = 0; i < 7; ++i)
        s += event(i, "https://shop.example/p/" + std::to_string(i % 3));
    s += event(7, "https://shop.example/signup?email=" + kEmail + "&step=1");
    s += event(8, "https://shop.example/account", R"(span.hello:text=\"Signed in as )" + kEmail + R"(\")",
               R"(,"$set":{"email":")" + kEmail + "\"}");
    s += event(9, "https://shop.example/reset?token=" + kToken);
    return s;
}

std::string storeBytes(const std::string &path)
{
    {
        std::string error;
        auto store = store::Store::open(path, store::Store::OpenMode::Existing, &error);
        EXPECT_TRUE(store) << error;
        if (store) store->db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    return test::readFile(path) + test::readFile(path + "-wal") + test::readFile(path + "-shm");
}

QJsonDocument parse(const std::string &json)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json), &err);
    EXPECT_EQ(err.error, QJsonParseError::NoError) << json;
    return doc;
}

} // namespace

TEST(MaskCommand, RulesRunAtTheDoorSoRawValuesNeverReachTheStore)
{
    test::TempDir dir;
    const std::string store = dir.file("w.hindsight");
    // A store with one harmless event, so that rules can be added.
    ASSERT_EQ(cli({"--store", store, "import", dir.write("first.ndjson", event(50, "https://shop.example/"))})
                  .exitCode,
              0);
    auto r = cli({"--store", store, "mask", "add", "--field", "*", "--detector", "EMAIL", "--action", "hash",
                  "--reason", "no addresses"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("Added rule 1: hash * where EMAIL"), std::string::npos) << r.out;
    r = cli({"--store", store, "mask", "add", "--field", "url.query.token", "--action", "drop-interaction"});
    ASSERT_EQ(r.exitCode, 0) << r.err;

    r = cli({"--store", store, "import", dir.write("events.ndjson", leakyEvents())});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("9 stored"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("1 dropped at the door"), std::string::npos) << r.err;
    const std::string bytes = storeBytes(store);
    EXPECT_EQ(bytes.find("zq7.unique"), std::string::npos);
    EXPECT_EQ(bytes.find(kToken), std::string::npos);
    EXPECT_NE(bytes.find("hmac:"), std::string::npos);

    // Nothing stored needs masking; test exits 0.
    r = cli({"--store", store, "mask", "test"});
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
}

TEST(MaskCommand, ApplyRemovesStoredValuesAndTheBytesAreGone)
{
    test::TempDir dir;
    const std::string store = dir.file("w.hindsight");
    const std::string events = dir.write("events.ndjson", leakyEvents());
    ASSERT_EQ(cli({"--store", store, "import", events}).exitCode, 0);
    ASSERT_NE(storeBytes(store).find(kEmail), std::string::npos) << "the marker is in the file before";

    auto r =
        cli({"--store", store, "mask", "add", "--field", "*", "--detector", "email", "--action", "redact"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("rewrite 2 and drop 0 of 10"), std::string::npos) << r.out;
    r = cli({"--store", store, "mask", "add", "--field", "url.query.token", "--action", "hash"});
    ASSERT_EQ(r.exitCode, 0) << r.err;

    // test: counts, masked examples, exit 1, nothing changed.
    r = cli({"--store", store, "mask", "test", "--json"});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    const QJsonObject impact = parse(r.out).object();
    EXPECT_EQ(impact["interactions"].toInt(), 10);
    EXPECT_EQ(impact["rewritten"].toInt(), 3);
    EXPECT_EQ(impact["dropped"].toInt(), 0);
    const QJsonArray rules = impact["rules"].toArray();
    ASSERT_EQ(rules.size(), 2);
    EXPECT_EQ(rules[0].toObject()["interactionsAffected"].toInt(), 2);
    EXPECT_EQ(rules[1].toObject()["interactionsAffected"].toInt(), 1);
    EXPECT_FALSE(rules[0].toObject()["examples"].toArray().isEmpty());
    EXPECT_EQ(r.out.find("zq7.unique"), std::string::npos) << "examples are masked";
    EXPECT_EQ(r.out.find(kToken), std::string::npos);
    r = cli({"--store", store, "mask", "test", "1"});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.out.find("Rule 1: redact * where EMAIL"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("Rule 2"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Nothing was changed"), std::string::npos);
    ASSERT_NE(storeBytes(store).find(kEmail), std::string::npos) << "test changes nothing";

    r = cli({"--store", store, "mask", "apply"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("Masked 3 interactions and dropped 0 (of 10)"), std::string::npos) << r.out;
    const std::string after = storeBytes(store);
    EXPECT_EQ(after.find("zq7.unique"), std::string::npos);
    EXPECT_EQ(after.find(kToken), std::string::npos);

    r = cli({"--store", store, "mask", "test"});
    EXPECT_EQ(r.exitCode, 0) << r.out;
    r = cli({"--store", store, "stats", "--json"});
    EXPECT_NE(r.out.find("\"interactions\": 10"), std::string::npos) << r.out;
    // The same raw file again: masked at the door, all already present.
    r = cli({"--store", store, "import", events});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("0 stored, 10 already present"), std::string::npos) << r.err;
    EXPECT_EQ(storeBytes(store).find("zq7.unique"), std::string::npos);
}

TEST(MaskCommand, RulesThatDropEverythingOrRewriteMostNeedYes)
{
    test::TempDir dir;
    const std::string store = dir.file("w.hindsight");
    ASSERT_EQ(cli({"--store", store, "import", dir.write("events.ndjson", leakyEvents())}).exitCode, 0);
    auto r = cli({"--store", store, "mask", "add", "--field", "url", "--action", "drop-interaction"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("drop every interaction (10 of 10)"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("--yes"), std::string::npos);
    r = cli({"--store", store, "mask", "list", "--json"});
    EXPECT_EQ(parse(r.out).array().size(), 0) << "nothing was added";

    r = cli({"--store", store, "mask", "add", "--field", "url.path", "--action", "hash", "--yes"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    r = cli({"--store", store, "mask", "apply"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("more than half of the interactions (10 rewritten and 0 dropped of 10)"),
              std::string::npos)
        << r.err;
    EXPECT_NE(storeBytes(store).find("/signup"), std::string::npos) << "refused: nothing changed";
    r = cli({"--store", store, "mask", "apply", "--yes"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(storeBytes(store).find("/signup"), std::string::npos);
}

TEST(MaskCommand, ListRemoveHistoryAndUsageErrors)
{
    test::TempDir dir;
    const std::string store = dir.file("w.hindsight");
    ASSERT_EQ(cli({"--store", store, "import", dir.write("events.ndjson", leakyEvents())}).exitCode, 0);
    auto r = cli({"--store", store, "mask", "add", "--field", "element.attr.data-user", "--selector",
                  "form >", "--action", "redact"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("option '--selector':"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("(at position"), std::string::npos) << r.err;
    r = cli({"--store", store, "mask", "add", "--field", "elements.text", "--action", "redact"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("unknown field 'elements'"), std::string::npos) << r.err;
    r = cli({"--store", store, "mask", "add", "--field", "title", "--action", "shred"});
    EXPECT_EQ(r.exitCode, 2);
    r = cli(
        {"--store", store, "mask", "add", "--field", "title", "--detector", "NAME", "--action", "redact"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("unknown detector 'NAME'"), std::string::npos) << r.err;
    r = cli({"--store", store, "mask", "add", "--field", "title", "--action", "truncate"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("--keep"), std::string::npos) << r.err;

    r = cli({"--store", store, "mask", "add", "--field", "element.text", "--action", "truncate", "--keep",
             "8", "--url", "*/account*", "--reason", "long texts"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    r = cli({"--store", store, "mask", "list", "--json"});
    const QJsonArray list = parse(r.out).array();
    ASSERT_EQ(list.size(), 1);
    EXPECT_EQ(list[0].toObject()["rule"].toObject()["keep"].toInt(), 8);
    EXPECT_EQ(list[0].toObject()["rule"].toObject()["url"].toString(), "*/account*");

    EXPECT_EQ(cli({"--store", store, "mask", "remove", "7"}).exitCode, 2);
    EXPECT_EQ(cli({"--store", store, "mask", "remove", "x"}).exitCode, 2);
    r = cli({"--store", store, "mask", "remove", "1", "--reason", "done"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(cli({"--store", store, "mask", "remove", "1"}).exitCode, 2) << "already removed";
    EXPECT_NE(cli({"--store", store, "mask", "list"}).out.find("No masking rules active"), std::string::npos);
    EXPECT_NE(cli({"--store", store, "mask", "list", "--all"}).out.find("(removed)"), std::string::npos);
    r = cli({"--store", store, "mask", "history", "1", "--json"});
    const QJsonArray history = parse(r.out).array();
    ASSERT_EQ(history.size(), 2);
    EXPECT_EQ(history[0].toObject()["action"].toString(), "add");
    EXPECT_EQ(history[0].toObject()["reason"].toString(), "long texts");
    EXPECT_EQ(history[1].toObject()["action"].toString(), "remove");
    EXPECT_TRUE(history[1].toObject()["after"].isNull());

    r = cli({"--store", store, "mask", "apply"});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_NE(r.out.find("No active masking rules"), std::string::npos);
    EXPECT_EQ(cli({"--store", store, "mask", "frobnicate"}).exitCode, 2);
    EXPECT_EQ(cli({"--store", dir.file("missing.hindsight"), "mask", "list"}).exitCode, 2);
}
