#include "core/privacy/personaldata.h"

#include "core/store/scrubber.h"
#include "tests/core/privacy/rightstesthelpers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <filesystem>
#include <gtest/gtest.h>
#include <set>
#include <sstream>

using namespace hindsight;
using namespace hindsight::privacy;

namespace {

constexpr const char *kMarker = "erase.me.q9@example.org";
constexpr const char *kSubjectUser = "person.q9.user";

// Maria browses as two anonymous ids (two devices), both linked to her user id by $identify.
// Her URL query and an element text carry a unique marker. Bob and Chen share some pages, a
// title and an element with her; Chen is linked to an anonymous id of his own.
std::string peopleEvents()
{
    using test::postHogEvent;
    const std::string chain =
        R"(,"$event_type":"click","$elements_chain":"span.user:text=\"Signed in as erase.me.q9@example.org\";div.header")";
    const std::string shared = R"(,"$event_type":"click","$elements_chain":"button.buy:text=\"Buy\"")";
    return postHogEvent("00000000-0000-4000-8000-000000000001", "anon-m1", "2024-05-01T08:00:00Z",
                        "https://shop.example/account?email=erase.me.q9%40example.org",
                        R"(,"$session_id":"s-m1","title":"My account")") +
           postHogEvent("00000000-0000-4000-8000-000000000002", "anon-m1", "2024-05-01T08:01:00Z",
                        "https://shop.example/cart", R"(,"$session_id":"s-m1","title":"Cart")" + shared,
                        "$autocapture") +
           postHogEvent("00000000-0000-4000-8000-000000000003", "anon-m2", "2024-05-02T09:00:00Z",
                        "https://shop.example/profile", R"(,"$session_id":"s-m2")" + chain, "$autocapture") +
           postHogEvent("00000000-0000-4000-8000-000000000004", kSubjectUser, "2024-05-02T09:01:00Z",
                        "https://shop.example/profile",
                        R"(,"$session_id":"s-m2","$anon_distinct_id":"anon-m1","plan":"q9-unique-plan")",
                        "$identify") +
           postHogEvent("00000000-0000-4000-8000-000000000005", kSubjectUser, "2024-05-02T09:02:00Z",
                        "https://shop.example/profile",
                        R"(,"$session_id":"s-m2","$anon_distinct_id":"anon-m2")", "$identify") +
           postHogEvent("00000000-0000-4000-8000-000000000011", "bob", "2024-05-01T10:00:00Z",
                        "https://shop.example/cart", R"(,"$session_id":"s-b","title":"Cart")" + shared,
                        "$autocapture") +
           postHogEvent("00000000-0000-4000-8000-000000000012", "bob", "2024-05-01T10:01:00Z",
                        "https://shop.example/home",
                        R"(,"$session_id":"s-b","$referrer":"https://shop.example/profile")") +
           postHogEvent("00000000-0000-4000-8000-000000000021", "anon-c", "2024-05-03T10:00:00Z",
                        "https://shop.example/home", R"(,"$session_id":"s-c")") +
           postHogEvent("00000000-0000-4000-8000-000000000022", "chen", "2024-05-03T10:01:00Z",
                        "https://shop.example/home", R"(,"$session_id":"s-c","$anon_distinct_id":"anon-c")",
                        "$identify");
}

struct Workspace
{
    test::TempDir dir;
    std::string path = dir.file("w.hindsight");
    std::unique_ptr<store::Store> store = test::openStore(path);
    Workspace() { test::importLines(*store, peopleEvents()); }
};

QJsonObject parse(const std::string &json)
{
    QJsonParseError err;
    const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(json), &err);
    EXPECT_EQ(err.error, QJsonParseError::NoError) << err.errorString().toStdString() << "\n" << json;
    return doc.object();
}

} // namespace

TEST(PersonalData, FindsThePersonAndEveryLinkedIdFromAnyOfThem)
{
    Workspace w;
    for (const char *id : {"anon-m1", "anon-m2", kSubjectUser}) {
        SCOPED_TRACE(id);
        std::string error;
        auto person = findPerson(*w.store, id, &error);
        ASSERT_TRUE(person) << error;
        EXPECT_EQ(person->subject, id);
        EXPECT_EQ(person->personDistinctId, kSubjectUser);
        EXPECT_EQ(person->distinctIds, (std::vector<std::string>{"anon-m1", "anon-m2", kSubjectUser}));
        EXPECT_EQ(person->rows.size(), 3u);
        auto summary = summarizePerson(*w.store, *person, &error);
        ASSERT_TRUE(summary) << error;
        EXPECT_EQ(summary->interactions, 5);
        EXPECT_EQ(summary->sessions, 2);
    }
    std::string error;
    bool unknown = false;
    EXPECT_FALSE(findPerson(*w.store, "nobody", &error, &unknown));
    EXPECT_TRUE(unknown);
    EXPECT_NE(error.find("no one with the distinct id 'nobody'"), std::string::npos) << error;
}

TEST(PersonalData, ExportHoldsEveryInteractionOfAllLinkedIdsWithValuesResolved)
{
    Workspace w;
    std::string error;
    auto person = findPerson(*w.store, "anon-m2", &error);
    ASSERT_TRUE(person) << error;
    std::ostringstream out;
    auto n = exportPerson(*w.store, *person, out, &error);
    ASSERT_TRUE(n) << error;
    EXPECT_EQ(*n, 5);
    const QJsonObject root = parse(out.str());
    EXPECT_EQ(root["subject"].toString(), "anon-m2");
    EXPECT_EQ(root["person"].toString(), kSubjectUser);
    EXPECT_EQ(root["distinct_ids"].toArray().size(), 3);
    EXPECT_EQ(root["interaction_count"].toInt(), 5);
    const QJsonArray interactions = root["interactions"].toArray();
    ASSERT_EQ(interactions.size(), 5);
    std::set<std::string> uuids, ids;
    double lastId = 0;
    for (const auto &v : interactions) {
        const QJsonObject i = v.toObject();
        uuids.insert(i["uuid"].toString().toStdString());
        ids.insert(i["distinct_id"].toString().toStdString());
        EXPECT_GT(i["id"].toDouble(), lastId) << "oldest first";
        lastId = i["id"].toDouble();
        for (const char *key :
             {"time", "type", "session", "url", "title", "referrer", "chain", "properties", "consent"})
            EXPECT_TRUE(i.contains(key)) << key;
    }
    EXPECT_EQ(uuids.size(), 5u);
    EXPECT_EQ(uuids.count("00000000-0000-4000-8000-000000000011"), 0u) << "not Bob's";
    EXPECT_EQ(ids, (std::set<std::string>{"anon-m1", "anon-m2", kSubjectUser}));
    const QJsonObject first = interactions[0].toObject();
    EXPECT_EQ(first["url"].toString(), "https://shop.example/account?email=erase.me.q9%40example.org");
    EXPECT_EQ(first["title"].toString(), "My account");
    EXPECT_EQ(first["session"].toString(), "s-m1");
    EXPECT_EQ(first["time"].toString(), "2024-05-01T08:00:00.000Z");
    EXPECT_TRUE(first["referrer"].isNull());
    EXPECT_EQ(first["consent"].toString(), "unknown");
    EXPECT_NE(out.str().find("Signed in as erase.me.q9@example.org"), std::string::npos);
    EXPECT_EQ(interactions[3].toObject()["properties"].toObject()["plan"].toString(), "q9-unique-plan");

    // The same bytes every time.
    std::ostringstream again;
    ASSERT_TRUE(exportPerson(*w.store, *person, again, &error));
    EXPECT_EQ(again.str(), out.str());
}

TEST(PersonalData, EraseRemovesThePersonAndEveryValueOnlyTheyUsedFromTheFiles)
{
    Workspace w;
    store::Store &s = *w.store;
    ASSERT_TRUE(
        s.db().exec("INSERT INTO definitions(name, name_key, content, status, version, created_by, "
                    "created_ms, changed_by, changed_ms) VALUES('Signed in', 'signed in', '{}', 'draft', 1, "
                    "'t', 0, 't', 0)"));
    ASSERT_TRUE(s.db().exec("PRAGMA wal_checkpoint(TRUNCATE)"));
    const std::string before = test::allStoreBytes(w.path);
    ASSERT_NE(before.find(kMarker), std::string::npos) << "the element text is in the file";
    ASSERT_NE(before.find("erase.me.q9%40example.org"), std::string::npos) << "the URL is in the file";
    ASSERT_NE(before.find("q9-unique-plan"), std::string::npos);
    const std::int64_t generation = s.metaInt("generation");
    ASSERT_EQ(s.metaInt("people"), 3);
    ASSERT_EQ(s.metaInt("interactions"), 9);

    std::string error;
    auto expectedHash = subjectHash(s, "anon-m1", &error);
    ASSERT_TRUE(expectedHash) << error;
    EXPECT_EQ(expectedHash->size(), 64u);
    auto report = erasePerson(s, "anon-m1", "dpo", &error);
    ASSERT_TRUE(report) << error;
    EXPECT_EQ(report->deleted.interactions, 5);
    EXPECT_EQ(report->deleted.distinctIds, 3);
    EXPECT_EQ(report->deleted.people, 1);
    EXPECT_EQ(report->deleted.sessions, 2);
    EXPECT_EQ(report->deleted.urls, 1);   // /account?email=…; /cart and /profile are still used by Bob
    EXPECT_EQ(report->deleted.texts, 1);  // "My account"; "Cart" is Bob's too
    EXPECT_EQ(report->deleted.chains, 1); // the marker chain; the Buy button is Bob's too
    EXPECT_EQ(report->deleted.properties, 1);
    EXPECT_EQ(report->log.subjectHash, *expectedHash);
    EXPECT_EQ(report->log.actor, "dpo");
    EXPECT_EQ(report->log.interactions, 5);

    // No residue in any file.
    const std::string after = test::allStoreBytes(w.path);
    for (const char *gone : {kMarker, "erase.me.q9%40example.org", "q9-unique-plan", "anon-m1", "anon-m2",
                             kSubjectUser, "s-m1", "s-m2", "My account"})
        EXPECT_EQ(after.find(gone), std::string::npos) << gone;
    EXPECT_FALSE(std::filesystem::exists(w.path + ".columns"));
    EXPECT_EQ(std::filesystem::file_size(w.path + "-wal"), 0u);

    // Everyone else is intact, the counters are right, the catalog is untouched.
    EXPECT_EQ(s.metaInt("interactions"), 4);
    EXPECT_EQ(s.metaInt("people"), 2);
    EXPECT_EQ(s.metaInt("sessions"), 2);
    EXPECT_GT(s.metaInt("generation"), generation);
    test::expectCountersMatchTables(s);
    for (const char *id : {"bob", "chen", "anon-c"})
        EXPECT_EQ(
            test::count(s, std::string("SELECT count(*) FROM distinct_ids WHERE distinct_id = '") + id + "'"),
            1)
            << id;
    EXPECT_EQ(test::count(s, "SELECT count(*) FROM urls WHERE url = 'https://shop.example/profile'"), 1)
        << "Bob's referrer";
    EXPECT_EQ(test::count(s, "SELECT count(*) FROM texts WHERE value = 'Cart'"), 1);
    EXPECT_EQ(test::count(s, "SELECT count(*) FROM definitions WHERE name = 'Signed in'"), 1);
    auto bob = findPerson(s, "bob", &error);
    ASSERT_TRUE(bob) << error;
    std::ostringstream bobExport;
    EXPECT_EQ(exportPerson(s, *bob, bobExport, &error).value_or(-1), 2);
    EXPECT_NE(bobExport.str().find("button.buy"), std::string::npos);

    // The log holds the keyed hash, and finds it again from the id.
    store::Statement log(s.db(), "SELECT subject_hash, actor, distinct_ids, interactions FROM erasures");
    ASSERT_TRUE(log.next());
    EXPECT_EQ(log.text(0), *expectedHash);
    EXPECT_EQ(log.int64(2), 3);
    EXPECT_EQ(log.int64(3), 5);
    EXPECT_FALSE(log.next());
    auto entries = erasuresOf(s, "anon-m1", &error);
    ASSERT_TRUE(entries) << error;
    ASSERT_EQ(entries->size(), 1u);
    EXPECT_EQ(entries->front().id, report->log.id);
    EXPECT_TRUE(erasuresOf(s, "anon-m2", &error)->empty()) << "the hash is of the id given";
}

TEST(PersonalData, ErasingSomeoneUnknownWritesNothing)
{
    Workspace w;
    const std::int64_t generation = w.store->metaInt("generation");
    std::string error;
    EXPECT_FALSE(erasePerson(*w.store, "nobody", "dpo", &error));
    EXPECT_NE(error.find("no one with the distinct id"), std::string::npos) << error;
    EXPECT_EQ(test::count(*w.store, "SELECT count(*) FROM erasures"), 0);
    EXPECT_EQ(w.store->metaInt("generation"), generation);
    EXPECT_EQ(w.store->metaInt("interactions"), 9);
}

TEST(PersonalData, SubjectHashIsKeyedByTheWorkspaceSecret)
{
    Workspace a;
    Workspace b;
    std::string error;
    const auto ha = subjectHash(*a.store, "bob", &error);
    const auto hb = subjectHash(*b.store, "bob", &error);
    ASSERT_TRUE(ha && hb) << error;
    EXPECT_NE(*ha, *hb) << "each workspace has its own secret";
    EXPECT_EQ(*subjectHash(*a.store, "bob", &error), *ha);
    EXPECT_NE(*subjectHash(*a.store, "bob2", &error), *ha);
    ASSERT_TRUE(a.store->db().exec("UPDATE meta SET value = zeroblob(32) WHERE key = 'secret'"));
    // HMAC-SHA-256(key = 32 zero bytes, "abc"), computed independently (Python hmac module).
    EXPECT_EQ(*subjectHash(*a.store, "abc", &error),
              "fd7adb152c05ef80dccf50a1fa4c05d5a3ec6da95575fc312ae7c5d091836351");
}
