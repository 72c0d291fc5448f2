#include "core/store/store.h"

#include "core/store/schema.h"
#include "core/store/storewriter.h"
#include "core/store/uuidcodec.h"
#include "tests/support/tempdir.h"

#include <chrono>
#include <filesystem>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <thread>

using namespace hindsight;
using store::Store;

namespace {

model::CapturedEvent makeEvent(std::string uuid, std::int64_t ms, std::string distinct,
                               std::string type = "click")
{
    model::CapturedEvent e;
    e.uuid = std::move(uuid);
    e.timestampMs = ms;
    e.distinctId = std::move(distinct);
    e.type = std::move(type);
    e.sessionId = "s-" + e.distinctId;
    e.url = "https://shop.example/cart?step=2#pay";
    e.title = "Cart";
    e.chain = R"(button.btn:text="Pay";form)";
    e.properties = R"({"$browser":"Firefox"})";
    return e;
}

std::unique_ptr<Store> openNew(const std::string &path)
{
    std::string error;
    auto s = Store::open(path, Store::OpenMode::CreateIfMissing, &error);
    EXPECT_TRUE(s) << error;
    return s;
}

} // namespace

TEST(Store, CreatesAVersionedWalStore)
{
    test::TempDir dir;
    auto s = openNew(dir.file("sub/dir/w.hindsight"));
    ASSERT_TRUE(s);
    bool ok = false;
    EXPECT_EQ(s->db().scalar("PRAGMA user_version", &ok), store::currentSchemaVersion());
    EXPECT_EQ(s->db().scalar("PRAGMA application_id"), store::kApplicationId);
    EXPECT_EQ(s->db().scalar("PRAGMA foreign_keys"), 1);
    EXPECT_GT(s->db().scalar("PRAGMA busy_timeout"), 0);
    const auto stats = s->stats();
    EXPECT_EQ(stats.interactions, 0);
    EXPECT_FALSE(stats.firstMs);
}

TEST(Store, MissingStoreIsReportedWithAHint)
{
    test::TempDir dir;
    std::string error;
    EXPECT_FALSE(Store::open(dir.file("none.hindsight"), Store::OpenMode::Existing, &error));
    EXPECT_NE(error.find("no workspace store"), std::string::npos) << error;
    EXPECT_FALSE(std::filesystem::exists(dir.file("none.hindsight")));
}

TEST(Store, RefusesAFileThatIsNotAStoreAndLeavesItUntouched)
{
    test::TempDir dir;
    const std::string text = "name,email\njane,jane@example.org\n" + std::string(200, 'x');
    const auto path = dir.write("notes.csv", text);
    std::string error;
    EXPECT_FALSE(Store::open(path, Store::OpenMode::CreateIfMissing, &error));
    EXPECT_NE(error.find("not a Hindsight store"), std::string::npos) << error;
    EXPECT_EQ(test::readFile(path), text);
}

TEST(Store, RefusesAnotherApplicationsSqliteFileUntouched)
{
    test::TempDir dir;
    const auto path = dir.file("other.db");
    {
        sqlite3 *db = nullptr;
        sqlite3_open(path.c_str(), &db);
        sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES(1);", nullptr, nullptr, nullptr);
        sqlite3_close(db);
    }
    const std::string before = test::readFile(path);
    std::string error;
    EXPECT_FALSE(Store::open(path, Store::OpenMode::CreateIfMissing, &error));
    EXPECT_NE(error.find("not a Hindsight store"), std::string::npos) << error;
    EXPECT_EQ(test::readFile(path), before);
    EXPECT_FALSE(std::filesystem::exists(path + "-wal"));
}

TEST(Store, RefusesAStoreFromANewerVersionUntouched)
{
    test::TempDir dir;
    const auto path = dir.file("future.hindsight");
    {
        auto s = openNew(path);
        store::StoreWriter w(*s);
        ASSERT_EQ(w.add(makeEvent("a", 1000, "u")), store::StoreWriter::Outcome::Accepted);
        ASSERT_TRUE(w.commit());
        s->db().exec("PRAGMA user_version = " + std::to_string(store::currentSchemaVersion() + 1));
        s->db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    const std::string before = test::readFile(path);
    for (auto mode : {Store::OpenMode::Existing, Store::OpenMode::ReadOnly}) {
        std::string error;
        EXPECT_FALSE(Store::open(path, mode, &error));
        EXPECT_NE(error.find("newer Hindsight"), std::string::npos) << error;
    }
    EXPECT_EQ(test::readFile(path), before);
}

TEST(Store, OpeningWaitsForAnotherConnectionsLockInsteadOfRefusingTheFile)
{
    test::TempDir dir;
    const std::string path = dir.file("w.hindsight");
    openNew(path).reset();

    // Another program holds the file exclusively for a moment (as the last connection does while
    // it moves the WAL into the database).
    sqlite3 *holder = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &holder), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(holder,
                           "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; "
                           "INSERT INTO meta(key, value) VALUES ('held', 1); COMMIT;",
                           nullptr, nullptr, nullptr),
              SQLITE_OK)
        << sqlite3_errmsg(holder);
    std::thread release([holder] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        sqlite3_close(holder);
    });
    std::string error;
    auto reader = Store::open(path, Store::OpenMode::ReadOnly, &error);
    release.join();
    ASSERT_TRUE(reader) << error;
    EXPECT_EQ(reader->metaInt("held"), 1);
    EXPECT_TRUE(Store::open(path, Store::OpenMode::Existing, &error)) << error;
}

TEST(Store, KeepsEveryFieldOfAnInteraction)
{
    test::TempDir dir;
    auto s = openNew(dir.file("w.hindsight"));
    store::StoreWriter w(*s);
    auto e = makeEvent("0190B0F1-2C3D-7E4F-8A9B-0C1D2E3F4A5B", 1'700'000'000'123, "anon-1", "submit");
    e.referrer = "https://google.com/";
    e.consent = model::Consent::Denied;
    ASSERT_EQ(w.add(e), store::StoreWriter::Outcome::Accepted);
    ASSERT_TRUE(w.commit());
    const auto r = s->findByUuid("0190b0f1-2c3d-7e4f-8a9b-0c1d2e3f4a5b");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->uuid, "0190b0f1-2c3d-7e4f-8a9b-0c1d2e3f4a5b");
    EXPECT_EQ(r->timestampMs, 1'700'000'000'123);
    EXPECT_EQ(r->type, "submit");
    EXPECT_EQ(r->distinctId, "anon-1");
    EXPECT_EQ(r->sessionId, "s-anon-1");
    EXPECT_EQ(r->url, e.url);
    EXPECT_EQ(r->title, "Cart");
    EXPECT_EQ(r->referrer, "https://google.com/");
    EXPECT_EQ(r->chain, e.chain);
    EXPECT_EQ(r->properties, e.properties);
    EXPECT_EQ(r->consent, model::Consent::Denied);
    EXPECT_EQ(s->db().scalar("SELECT count(*) FROM urls WHERE host='shop.example' AND path='/cart' AND "
                             "query='step=2' AND hash='pay'"),
              1);
}

TEST(Store, StoresRepeatedValuesOnceAndEachUuidOnce)
{
    test::TempDir dir;
    auto s = openNew(dir.file("w.hindsight"));
    store::StoreWriter w(*s);
    for (int i = 0; i < 100; ++i)
        ASSERT_EQ(w.add(makeEvent("id-" + std::to_string(i), 5000 + i / 10, "u" + std::to_string(i % 3))),
                  store::StoreWriter::Outcome::Accepted);
    EXPECT_EQ(w.add(makeEvent("id-7", 9999, "u1")), store::StoreWriter::Outcome::Accepted);
    ASSERT_TRUE(w.commit());
    EXPECT_EQ(w.totals().stored, 100);
    EXPECT_EQ(w.totals().duplicates, 1);
    EXPECT_EQ(s->db().scalar("SELECT count(*) FROM interactions"), 100);
    EXPECT_EQ(s->db().scalar("SELECT count(*) FROM urls"), 1);
    EXPECT_EQ(s->db().scalar("SELECT count(*) FROM chains"), 1);
    EXPECT_EQ(s->db().scalar("SELECT count(*) FROM properties"), 1);
    EXPECT_EQ(s->db().scalar("SELECT count(*) FROM distinct_ids"), 3);
    const auto stats = s->stats();
    EXPECT_EQ(stats.interactions, 100);
    EXPECT_EQ(stats.people, 3);
    EXPECT_EQ(stats.sessions, 3);
    EXPECT_EQ(stats.elements, 1);
    EXPECT_EQ(stats.firstMs, 5000);
    EXPECT_EQ(stats.lastMs, 5009);
    // Ten interactions share each millisecond and are still kept apart, in time order.
    const auto newest = s->newest(100);
    ASSERT_EQ(newest.size(), 100u);
    for (std::size_t i = 1; i < newest.size(); ++i)
        EXPECT_GE(newest[i - 1].timestampMs, newest[i].timestampMs);
}

TEST(Store, IdentifyLinksAnonymousIdsToOnePerson)
{
    test::TempDir dir;
    auto s = openNew(dir.file("w.hindsight"));
    store::StoreWriter w(*s);
    w.add(makeEvent("1", 1000, "anon-a"));
    w.add(makeEvent("2", 1001, "anon-b"));
    w.add(makeEvent("3", 1002, "anon-c"));
    EXPECT_EQ(w.pending(), 3);
    auto identify = makeEvent("4", 1003, "jane", "identify");
    identify.anonDistinctId = "anon-a";
    w.add(identify);
    ASSERT_TRUE(w.commit());
    EXPECT_EQ(s->stats().people, 3); // jane+anon-a, anon-b, anon-c

    store::StoreWriter w2(*s);
    auto again = makeEvent("5", 2000, "jane", "identify");
    again.anonDistinctId = "anon-b";
    w2.add(again);
    auto same = makeEvent("6", 2001, "jane", "identify");
    same.anonDistinctId = "anon-a"; // already linked: no change
    w2.add(same);
    ASSERT_TRUE(w2.commit());
    EXPECT_EQ(s->stats().people, 2);
    const auto r = s->findByUuid("2");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->personDistinctId, "jane");
}

TEST(Store, UncommittedBatchLeavesNoTrace)
{
    test::TempDir dir;
    const auto path = dir.file("w.hindsight");
    {
        auto s = openNew(path);
        store::StoreWriter w(*s);
        w.add(makeEvent("kept", 1000, "u"));
        ASSERT_TRUE(w.commit());
        w.add(makeEvent("lost", 2000, "v"));
        // destroyed without commit
    }
    std::string error;
    auto s = Store::open(path, Store::OpenMode::Existing, &error);
    ASSERT_TRUE(s) << error;
    EXPECT_EQ(s->stats().interactions, 1);
    EXPECT_EQ(s->stats().people, 1);
    EXPECT_TRUE(s->findByUuid("kept"));
    EXPECT_FALSE(s->findByUuid("lost"));
    EXPECT_EQ(s->db().scalar("SELECT count(*) FROM distinct_ids"), 1);
}

TEST(Store, RefusesTimestampsOutsideTheStorableRange)
{
    test::TempDir dir;
    auto s = openNew(dir.file("w.hindsight"));
    store::StoreWriter w(*s);
    EXPECT_EQ(w.add(makeEvent("old", -1, "u")), store::StoreWriter::Outcome::Rejected);
    EXPECT_NE(w.error().find("1970"), std::string::npos);
    EXPECT_FALSE(w.failed());
    EXPECT_EQ(w.add(makeEvent("ok", 1, "u")), store::StoreWriter::Outcome::Accepted);
    ASSERT_TRUE(w.commit());
}

TEST(UuidCodec, UuidsTakeSixteenBytesAndOtherIdsCannotCollide)
{
    EXPECT_EQ(store::encodeUuid("0190b0f1-2c3d-7e4f-8a9b-0c1d2e3f4a5b").size(), 16u);
    EXPECT_EQ(store::encodeUuid("0190B0F12C3D7E4F8A9B0C1D2E3F4A5B"),
              store::encodeUuid("0190b0f1-2c3d-7e4f-8a9b-0c1d2e3f4a5b"));
    EXPECT_EQ(store::decodeUuid(store::encodeUuid("0190B0F1-2C3D-7E4F-8A9B-0C1D2E3F4A5B")),
              "0190b0f1-2c3d-7e4f-8a9b-0c1d2e3f4a5b");
    EXPECT_EQ(store::decodeUuid(store::encodeUuid("abcdefghijklmnop")), "abcdefghijklmnop");
    EXPECT_NE(store::encodeUuid("abcdefghijklmnop").size(), 16u);
    EXPECT_EQ(store::decodeUuid(store::encodeUuid("0190b0f1-2c3d-7e4f-8a9b-0c1d2e3f4a5g")),
              "0190b0f1-2c3d-7e4f-8a9b-0c1d2e3f4a5g");
}

TEST(StoreWriter, GroupsOfRowsSortOutDuplicatesAndTimeConflicts)
{
    // Whole groups go through one multi-row statement; mixed groups must still count exactly.
    test::TempDir dir;
    auto s = openNew(dir.file("w.hindsight"));
    const int n = store::StoreWriter::kRowsPerStatement * 5 + 7;
    {
        store::StoreWriter w(*s);
        for (int i = 0; i < n; i += 2) // every other event, all in the same few milliseconds
            w.add(makeEvent("e" + std::to_string(i), 1000 + i / 50, "u"));
        ASSERT_TRUE(w.commit());
        EXPECT_EQ(w.totals().stored, (n + 1) / 2);
    }
    store::StoreWriter w(*s);
    for (int i = 0; i < n; ++i) // all events: half are stored already, the rest collide in time
        w.add(makeEvent("e" + std::to_string(i), 1000 + i / 50, "u"));
    w.add(makeEvent("e3", 5000, "u")); // same uuid twice in one run
    ASSERT_TRUE(w.commit());
    EXPECT_EQ(w.totals().stored, n / 2);
    EXPECT_EQ(w.totals().duplicates, (n + 1) / 2 + 1);
    EXPECT_EQ(s->stats().interactions, n);
    EXPECT_EQ(s->db().scalar("SELECT count(*) FROM interactions"), n);
    EXPECT_EQ(s->db().scalar("SELECT count(DISTINCT uuid) FROM interactions"), n);
}

TEST(StoreWriter, AValueAnotherWriterStoredMeanwhileIsFoundNotDuplicated)
{
    // A writer that starts on an empty store inserts new dictionary values without looking for
    // them first; another connection storing the same values in between must not break it.
    test::TempDir dir;
    const auto path = dir.file("w.hindsight");
    auto first = openNew(path);
    std::string error;
    auto second = Store::open(path, Store::OpenMode::Existing, &error);
    ASSERT_TRUE(second) << error;

    store::StoreWriter early(*first); // sees empty dictionaries
    {
        store::StoreWriter other(*second);
        ASSERT_EQ(other.add(makeEvent("other-1", 1000, "shared-person")),
                  store::StoreWriter::Outcome::Accepted);
        ASSERT_TRUE(other.commit()) << other.error();
    }
    ASSERT_EQ(early.add(makeEvent("early-1", 2000, "shared-person")), store::StoreWriter::Outcome::Accepted)
        << early.error();
    ASSERT_EQ(early.add(makeEvent("early-2", 2001, "new-person")), store::StoreWriter::Outcome::Accepted);
    ASSERT_TRUE(early.commit()) << early.error();

    EXPECT_EQ(first->db().scalar("SELECT count(*) FROM interactions"), 3);
    EXPECT_EQ(first->db().scalar("SELECT count(*) FROM distinct_ids"), 2);
    EXPECT_EQ(first->db().scalar("SELECT count(*) FROM sessions"), 2);
    EXPECT_EQ(first->db().scalar("SELECT count(*) FROM urls"), 1);
    EXPECT_EQ(first->db().scalar("SELECT count(*) FROM chains"), 1);
    EXPECT_EQ(first->stats().people, 2);
    const auto a = first->findByUuid("other-1");
    const auto b = first->findByUuid("early-1");
    ASSERT_TRUE(a && b);
    EXPECT_EQ(a->distinctId, b->distinctId);
    EXPECT_EQ(a->url, b->url);
}

TEST(UuidCodec, OnlyWellFormedUuidsAreStoredAsBytes)
{
    // Dashes in the wrong places, 36 characters without dashes, or a stray non-hex digit keep
    // the text (and decode back to it exactly).
    for (const std::string &id : std::vector<std::string>{
             "0190b0f12-c3d-7e4f-8a9b-0c1d2e3f4a5b", "0190b0f1c2c3d07e4f08a9b00c1d2e3f4a5b",
             "0190b0f1-2c3d-7e4f-8a9b-0c1d2e3f4a5", "0190B0F12C3D7E4F8A9B0C1D2E3F4A5Z",
             std::string("0190b0f1-2c3d-7e4f-8a9b-0c1d2e3f4a5\0", 36)}) {
        const auto stored = store::encodeUuid(id);
        EXPECT_NE(stored.size(), 16u) << id;
        EXPECT_EQ(store::decodeUuid(stored), id);
    }
    EXPECT_EQ(store::encodeUuid("00000000-0000-0000-0000-000000000000"), std::string(16, '\0'));
    EXPECT_EQ(store::decodeUuid(store::encodeUuid("FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF")),
              "ffffffff-ffff-ffff-ffff-ffffffffffff");
}
