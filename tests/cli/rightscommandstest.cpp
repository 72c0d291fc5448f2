// `hindsight consent`, `export-user` and `erase-user`, run as real child processes on stores
// filled by `hindsight import`.
#include "tests/support/tempdir.h"
#include "tests/support/testpaths.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <filesystem>
#include <gtest/gtest.h>
#include <set>
#include <sqlite3.h>

using namespace hindsight;

namespace {

constexpr const char *kMarker = "erase.me.q9@example.org";

test::ProcessResult hindsightCli(const std::vector<std::string> &args)
{
    std::vector<std::string> argv{test::kCliPath};
    argv.insert(argv.end(), args.begin(), args.end());
    return test::runProcess(argv);
}

std::string event(const std::string &name, const std::string &uuid, const std::string &distinctId,
                  const std::string &time, const std::string &url, const std::string &extra = {})
{
    return R"({"event":")" + name + R"(","uuid":")" + uuid + R"(","distinct_id":")" + distinctId +
           R"(","timestamp":")" + time + R"(","properties":{"$current_url":")" + url + "\"" + extra + "}}\n";
}

// Two anonymous ids of one person (linked to "maria.q9" by $identify), with a unique marker in
// her URL query and in an element text; Bob and Chen share pages, a title and a button with her.
std::string peopleEvents()
{
    const std::string buy = R"(,"$event_type":"click","$elements_chain":"button.buy:text=\"Buy\"")";
    return event("$pageview", "00000000-0000-4000-8000-000000000001", "anon-m1", "2024-05-01T08:00:00Z",
                 "https://shop.example/account?email=erase.me.q9@example.org",
                 R"(,"$session_id":"s-m1","title":"My account")") +
           event("$autocapture", "00000000-0000-4000-8000-000000000002", "anon-m1", "2024-05-01T08:01:00Z",
                 "https://shop.example/cart", R"(,"$session_id":"s-m1","title":"Cart")" + buy) +
           event(
               "$autocapture", "00000000-0000-4000-8000-000000000003", "anon-m2", "2024-05-02T09:00:00Z",
               "https://shop.example/profile",
               R"(,"$session_id":"s-m2","$event_type":"click","$elements_chain":"span.user:text=\"Signed in as erase.me.q9@example.org\"")") +
           event("$identify", "00000000-0000-4000-8000-000000000004", "maria.q9", "2024-05-02T09:01:00Z",
                 "https://shop.example/profile", R"(,"$session_id":"s-m2","$anon_distinct_id":"anon-m1")") +
           event("$identify", "00000000-0000-4000-8000-000000000005", "maria.q9", "2024-05-02T09:02:00Z",
                 "https://shop.example/profile", R"(,"$session_id":"s-m2","$anon_distinct_id":"anon-m2")") +
           event("$autocapture", "00000000-0000-4000-8000-000000000011", "bob", "2024-05-01T10:00:00Z",
                 "https://shop.example/cart", R"(,"$session_id":"s-b","title":"Cart")" + buy) +
           event("$pageview", "00000000-0000-4000-8000-000000000012", "bob", "2024-05-01T10:01:00Z",
                 "https://shop.example/home",
                 R"(,"$session_id":"s-b","$referrer":"https://shop.example/profile")") +
           event("$pageview", "00000000-0000-4000-8000-000000000021", "anon-c", "2024-05-03T10:00:00Z",
                 "https://shop.example/home", R"(,"$session_id":"s-c")") +
           event("$identify", "00000000-0000-4000-8000-000000000022", "chen", "2024-05-03T10:01:00Z",
                 "https://shop.example/home", R"(,"$session_id":"s-c","$anon_distinct_id":"anon-c")");
}

// Consent signals: none, granted ($consent), opted out ($opt_out) with a marker in the URL, and
// a native-format event denied by its consent field.
std::string consentEvents()
{
    return event("$pageview", "00000000-0000-4000-8000-00000000c001", "u-none", "2024-06-01T08:00:00Z",
                 "https://shop.example/home") +
           event("$pageview", "00000000-0000-4000-8000-00000000c002", "u-yes", "2024-06-01T08:01:00Z",
                 "https://shop.example/home", R"(,"$consent":"granted")") +
           event("$pageview", "00000000-0000-4000-8000-00000000c003", "u-out", "2024-06-01T08:02:00Z",
                 "https://shop.example/account?ref=optout.marker.k7", R"(,"$opt_out":true)") +
           event("$opt_in", "00000000-0000-4000-8000-00000000c004", "u-yes", "2024-06-01T08:03:00Z",
                 "https://shop.example/home");
}

std::string nativeConsentEvents()
{
    return R"({"hindsight":1,"id":"n1","time":"2024-06-02T08:00:00Z","type":"pageview","distinct_id":"n-yes","url":"https://shop.example/n","consent":"granted"})"
           "\n"
           R"({"hindsight":1,"id":"n2","time":"2024-06-02T08:01:00Z","type":"pageview","distinct_id":"n-no","url":"https://shop.example/n?who=native.denied.k8","consent":"denied"})"
           "\n";
}

QJsonObject parseObject(const std::string &json)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json), &err);
    EXPECT_EQ(err.error, QJsonParseError::NoError) << err.errorString().toStdString() << "\n" << json;
    return doc.object();
}

std::string allStoreBytes(const std::string &store)
{
    std::string all;
    for (const char *suffix : {"", "-wal", "-shm", ".columns"})
        all += test::readFile(store + suffix);
    return all;
}

/// Runs one SQL statement on the store with the SQLite C API and returns the first column of
/// every row, joined by "\n".
std::string sqlRows(const std::string &store, const std::string &sql)
{
    sqlite3 *db = nullptr;
    EXPECT_EQ(sqlite3_open_v2(store.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt *st = nullptr;
    std::string out;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK) {
        while (sqlite3_step(st) == SQLITE_ROW) {
            const auto *text = sqlite3_column_text(st, 0);
            if (!out.empty()) out += "\n";
            out += text ? reinterpret_cast<const char *>(text) : "NULL";
        }
    } else {
        ADD_FAILURE() << sqlite3_errmsg(db);
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

QJsonObject stats(const std::string &store)
{
    const auto r = hindsightCli({"--store", store, "stats", "--json"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    return parseObject(r.out);
}

std::string importedStore(const test::TempDir &dir, const std::string &ndjson, const std::string &name = "w")
{
    const std::string store = dir.file(name + ".hindsight");
    const auto r = hindsightCli({"--store", store, "import", dir.write(name + ".ndjson", ndjson)});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    return store;
}

} // namespace

TEST(RightsCommands, EraseUserLeavesNoResidueInAnyFileAndLogsOnlyAKeyedHash)
{
    test::TempDir dir;
    const std::string store = importedStore(dir, peopleEvents());
    // Build the column cache, so the erasure must remove it too.
    ASSERT_EQ(hindsightCli({"--store", store, "count", "--event", "click"}).exitCode, 0);
    ASSERT_TRUE(std::filesystem::exists(store + ".columns"));
    const std::string before = test::readFile(store) + test::readFile(store + "-wal");
    ASSERT_NE(before.find(kMarker), std::string::npos) << "the marker is in the store before";
    ASSERT_NE(before.find("anon-m2"), std::string::npos);

    // Without --yes: counts, exit 1, nothing changed.
    auto r = hindsightCli({"--store", store, "erase-user", "anon-m2"});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_NE(r.out.find("Would erase 5 interactions in 2 sessions of 3 linked distinct ids"),
              std::string::npos)
        << r.out;
    EXPECT_EQ(stats(store)["interactions"].toInt(), 9);

    r = hindsightCli({"--store", store, "erase-user", "anon-m2", "--yes", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const QJsonObject result = parseObject(r.out);
    EXPECT_TRUE(result["erased"].toBool());
    EXPECT_EQ(result["deleted"].toObject()["interactions"].toInt(), 5);
    EXPECT_EQ(result["deleted"].toObject()["distinctIds"].toInt(), 3);
    const QJsonObject log = result["log"].toObject();
    const std::string hash = log["subject_hash"].toString().toStdString();
    EXPECT_EQ(hash.size(), 64u);
    EXPECT_EQ(hash.find_first_not_of("0123456789abcdef"), std::string::npos);

    // Byte level: the marker and the ids are in none of the store's files.
    const std::string after = allStoreBytes(store);
    for (const char *gone : {kMarker, "anon-m1", "anon-m2", "maria.q9", "My account", "s-m1"})
        EXPECT_EQ(after.find(gone), std::string::npos) << gone;
    EXPECT_FALSE(std::filesystem::exists(store + ".columns"));
    EXPECT_EQ(sqlRows(store, "PRAGMA integrity_check"), "ok");
    EXPECT_EQ(sqlRows(store, "PRAGMA foreign_key_check"), "");
    EXPECT_EQ(
        sqlRows(store, "SELECT subject_hash || ' ' || distinct_ids || ' ' || interactions FROM erasures"),
        hash + " 3 5");

    // Other people and the counts are intact.
    const QJsonObject s = stats(store);
    EXPECT_EQ(s["interactions"].toInt(), 4);
    EXPECT_EQ(s["people"].toInt(), 2);
    EXPECT_EQ(s["sessions"].toInt(), 2);
    EXPECT_EQ(s["elements"].toInt(), 1);
    r = hindsightCli({"--store", store, "export-user", "bob"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(parseObject(r.out)["interaction_count"].toInt(), 2);
    r = hindsightCli({"--store", store, "count", "--event", "click"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("1 interactions, 1 people"), std::string::npos) << r.out;

    // The id is recognised from the log; an unknown one is an error that writes nothing.
    r = hindsightCli({"--store", store, "erase-user", "anon-m2"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("Already erased: log entry 1"), std::string::npos) << r.out;
    r = hindsightCli({"--store", store, "erase-user", "maria.q9"});
    EXPECT_EQ(r.exitCode, 2) << "the log holds the hash of the id given, anon-m2";
    const std::string bytes = test::readFile(store);
    r = hindsightCli({"--store", store, "erase-user", "nobody", "--yes"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("no one with the distinct id 'nobody'"), std::string::npos) << r.err;
    EXPECT_EQ(sqlRows(store, "SELECT count(*) FROM erasures"), "1");
    EXPECT_EQ(test::readFile(store), bytes);
}

TEST(RightsCommands, ExportUserWritesEveryInteractionOfBothLinkedIds)
{
    test::TempDir dir;
    const std::string store = importedStore(dir, peopleEvents());
    const std::string file = dir.file("maria.json");
    auto r = hindsightCli({"--store", store, "export-user", "anon-m1", "--output", file});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("Wrote 5 interactions of 3 distinct ids"), std::string::npos) << r.err;
    const auto perms = std::filesystem::status(file).permissions();
    EXPECT_EQ(perms & std::filesystem::perms::all,
              std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    const std::string json = test::readFile(file);
    const QJsonObject root = parseObject(json);
    EXPECT_EQ(root["subject"].toString(), "anon-m1");
    EXPECT_EQ(root["person"].toString(), "maria.q9");
    std::set<std::string> ids;
    for (const auto &v : root["distinct_ids"].toArray())
        ids.insert(v.toString().toStdString());
    EXPECT_EQ(ids, (std::set<std::string>{"anon-m1", "anon-m2", "maria.q9"}));
    const QJsonArray interactions = root["interactions"].toArray();
    ASSERT_EQ(interactions.size(), 5);
    std::set<std::string> uuids, byId;
    for (const auto &v : interactions) {
        uuids.insert(v.toObject()["uuid"].toString().toStdString());
        byId.insert(v.toObject()["distinct_id"].toString().toStdString());
    }
    for (int i = 1; i <= 5; ++i)
        EXPECT_EQ(uuids.count("00000000-0000-4000-8000-00000000000" + std::to_string(i)), 1u) << i;
    EXPECT_EQ(byId, ids) << "interactions of both anonymous ids and the user id";
    EXPECT_NE(json.find(kMarker), std::string::npos);
    EXPECT_EQ(interactions[0].toObject()["title"].toString(), "My account");

    // Standard output gives the same document; the store is not changed by exporting.
    r = hindsightCli({"--store", store, "export-user", "maria.q9"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(parseObject(r.out)["interactions"].toArray(), interactions);

    r = hindsightCli({"--store", store, "export-user", "nobody", "--output", dir.file("nobody.json")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_FALSE(std::filesystem::exists(dir.file("nobody.json")));
    EXPECT_EQ(hindsightCli({"--store", store, "export-user"}).exitCode, 2);
    EXPECT_EQ(hindsightCli({"--store", store, "export-user", "a", "b"}).exitCode, 2);
}

TEST(RightsCommands, ConsentSetShowAndApplyDropStoredInteractionsWithoutResidue)
{
    test::TempDir dir;
    const std::string store = importedStore(dir, consentEvents());
    ASSERT_NE(allStoreBytes(store).find("optout.marker.k7"), std::string::npos);

    auto r = hindsightCli({"--store", store, "consent", "show", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    QJsonObject shown = parseObject(r.out);
    EXPECT_EQ(shown["policy"].toObject()["unknown"].toString(), "keep");
    EXPECT_EQ(shown["policy"].toObject()["denied"].toString(), "flag");
    EXPECT_TRUE(shown["policy"].toObject()["changedAt"].isNull());
    EXPECT_EQ(shown["consent"].toObject()["granted"].toInt(), 2);
    EXPECT_EQ(shown["consent"].toObject()["denied"].toInt(), 1);
    EXPECT_EQ(shown["consent"].toObject()["unknown"].toInt(), 1);
    EXPECT_EQ(shown["toDrop"].toInt(), 0);

    EXPECT_EQ(hindsightCli({"--store", store, "consent", "set"}).exitCode, 2);
    EXPECT_EQ(hindsightCli({"--store", store, "consent", "set", "--denied", "keep"}).exitCode, 2);
    EXPECT_EQ(hindsightCli({"--store", store, "consent", "set", "--unknown", "flag"}).exitCode, 2);
    EXPECT_EQ(hindsightCli({"--store", store, "consent", "frobnicate"}).exitCode, 2);
    r = hindsightCli({"--store", store, "consent", "set", "--denied", "drop"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("1 stored interactions are dropped by it"), std::string::npos) << r.out;

    // Without --yes: what would go, exit 1, nothing changed.
    r = hindsightCli({"--store", store, "consent", "apply"});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_NE(r.out.find("1 of 4 interactions would be deleted"), std::string::npos) << r.out;
    EXPECT_EQ(stats(store)["interactions"].toInt(), 4);

    r = hindsightCli({"--store", store, "consent", "apply", "--yes", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(parseObject(r.out)["deleted"].toObject()["interactions"].toInt(), 1);
    EXPECT_EQ(allStoreBytes(store).find("optout.marker.k7"), std::string::npos);
    EXPECT_EQ(allStoreBytes(store).find("u-out"), std::string::npos);
    EXPECT_EQ(sqlRows(store, "PRAGMA integrity_check"), "ok");
    EXPECT_EQ(sqlRows(store, "PRAGMA foreign_key_check"), "");
    const QJsonObject s = stats(store);
    EXPECT_EQ(s["interactions"].toInt(), 3);
    EXPECT_EQ(s["people"].toInt(), 2);

    r = hindsightCli({"--store", store, "consent", "show", "--json"});
    shown = parseObject(r.out);
    EXPECT_EQ(shown["policy"].toObject()["denied"].toString(), "drop");
    EXPECT_FALSE(shown["policy"].toObject()["changedAt"].isNull());
    EXPECT_EQ(shown["consent"].toObject()["denied"].toInt(), 0);
    EXPECT_EQ(sqlRows(store, "SELECT count(*) FROM interactions WHERE consent = 1"), "2")
        << "the granted ones are marked in the consent column";
    EXPECT_EQ(hindsightCli({"--store", store, "consent", "apply"}).exitCode, 0) << "nothing left to drop";
}

// Needs the consent filter chained into `hindsight import` (app/cli/importcommand.cpp).
TEST(RightsCommands, ImportAppliesTheConsentPolicyAtTheDoor)
{
    struct Case
    {
        std::vector<std::string> set;
        int stored;
        std::int64_t granted, denied, unknown;
    };
    const Case cases[] = {
        {{}, 6, 3, 2, 1},
        {{"--denied", "drop"}, 4, 3, 0, 1},
        {{"--unknown", "drop"}, 5, 3, 2, 0},
        {{"--unknown", "drop", "--denied", "drop"}, 3, 3, 0, 0},
    };
    for (const Case &c : cases) {
        std::string label;
        for (const auto &a : c.set)
            label += a + " ";
        SCOPED_TRACE(label);
        test::TempDir dir;
        const std::string store = dir.file("w.hindsight");
        std::vector<std::string> set{"--store", store, "consent", "set"};
        set.insert(set.end(), c.set.begin(), c.set.end());
        // A store must exist before its policy can be set: import nothing first.
        ASSERT_EQ(hindsightCli({"--store", store, "import", dir.write("empty.ndjson", "")}).exitCode, 0);
        if (!c.set.empty()) {
            ASSERT_EQ(hindsightCli(set).exitCode, 0);
        }
        auto r = hindsightCli({"--store", store, "import", dir.write("p.ndjson", consentEvents())});
        EXPECT_EQ(r.exitCode, 0) << r.err;
        r = hindsightCli({"--store", store, "import", dir.write("n.ndjson", nativeConsentEvents())});
        EXPECT_EQ(r.exitCode, 0) << r.err;
        EXPECT_EQ(stats(store)["interactions"].toInt(), c.stored);
        EXPECT_EQ(sqlRows(store, "SELECT count(*) FROM interactions WHERE consent = 1"),
                  std::to_string(c.granted));
        EXPECT_EQ(sqlRows(store, "SELECT count(*) FROM interactions WHERE consent = 2"),
                  std::to_string(c.denied));
        EXPECT_EQ(sqlRows(store, "SELECT count(*) FROM interactions WHERE consent = 0"),
                  std::to_string(c.unknown));
        const bool deniedKept = c.denied > 0;
        EXPECT_EQ(allStoreBytes(store).find("optout.marker.k7") != std::string::npos, deniedKept);
        EXPECT_EQ(allStoreBytes(store).find("native.denied.k8") != std::string::npos, deniedKept);
    }
}
