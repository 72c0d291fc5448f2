#include "core/ingest/importer.h"

#include "core/store/store.h"
#include "tests/support/tempdir.h"

#include <gtest/gtest.h>

using namespace hindsight;

namespace {

std::string pageview(int i, const std::string &distinct = "a")
{
    char uuid[40];
    std::snprintf(uuid, sizeof uuid, "018f0000-0000-7000-8000-%012d", i);
    return std::string(R"({"uuid":")") + uuid + R"(","event":"$pageview","distinct_id":")" + distinct +
           R"(","timestamp":"2024-01-01T00:00:00.)" + std::to_string(100 + i % 900) +
           R"(Z","properties":{"$current_url":"https://x.example/p)" + std::to_string(i % 7) + R"("}})";
}

struct Run
{
    ingest::FileReport report;
    std::vector<std::string> issues;
};

Run importPath(store::Store &s, const std::string &path, ingest::ImportOptions options = {})
{
    Run r;
    ingest::Importer importer(s, std::move(options));
    r.report =
        importer.importFile(path, [&](const std::string &file, std::int64_t line, const std::string &why) {
            r.issues.push_back(file + ":" + std::to_string(line) + ": " + why);
        });
    return r;
}

} // namespace

TEST(Importer, ImportingTheSameFileTwiceStoresEachEventOnce)
{
    test::TempDir dir;
    std::string content;
    for (int i = 0; i < 5000; ++i)
        content += pageview(i, "u" + std::to_string(i % 50)) + "\n";
    const auto path = dir.write("events.ndjson", content);
    std::string error;
    auto s = store::Store::open(dir.file("w.hindsight"), store::Store::OpenMode::CreateIfMissing, &error);
    ASSERT_TRUE(s) << error;

    ingest::ImportOptions small;
    small.batchSize = 700; // several transactions
    auto first = importPath(*s, path, small);
    EXPECT_TRUE(first.report.ok()) << first.report.error;
    EXPECT_EQ(first.report.stored, 5000);
    EXPECT_EQ(first.report.duplicates, 0);
    auto second = importPath(*s, path, small);
    EXPECT_EQ(second.report.stored, 0);
    EXPECT_EQ(second.report.duplicates, 5000);
    const auto stats = s->stats();
    EXPECT_EQ(stats.interactions, 5000);
    EXPECT_EQ(stats.people, 50);
    EXPECT_EQ(s->db().scalar("SELECT count(*) FROM interactions"), 5000);
    // The bulk writer skips per-row foreign-key lookups; every reference must still hold.
    EXPECT_EQ(s->db().scalar("SELECT count(*) FROM pragma_foreign_key_check"), 0);
    EXPECT_EQ(s->db().scalar("PRAGMA foreign_keys"), 1) << "the writer must switch enforcement back on";
}

TEST(Importer, PartialImportIsCompletedByRunningItAgain)
{
    test::TempDir dir;
    std::string firstHalf, all;
    for (int i = 0; i < 3000; ++i) {
        all += pageview(i) + "\n";
        if (i < 1700) firstHalf += pageview(i) + "\n";
    }
    std::string error;
    auto s = store::Store::open(dir.file("w.hindsight"), store::Store::OpenMode::CreateIfMissing, &error);
    ASSERT_TRUE(s);
    EXPECT_EQ(importPath(*s, dir.write("half.ndjson", firstHalf)).report.stored, 1700);
    const auto rest = importPath(*s, dir.write("all.ndjson", all));
    EXPECT_EQ(rest.report.stored, 1300);
    EXPECT_EQ(rest.report.duplicates, 1700);
    EXPECT_EQ(s->stats().interactions, 3000);
}

TEST(Importer, ReportsRejectedLinesWithFileAndLineAndKeepsTheRest)
{
    test::TempDir dir;
    const auto path = dir.write(
        "mixed.ndjson", pageview(1) + "\n{oops\n" + pageview(2) + "\n" +
                            R"({"event":"x","distinct_id":"a","timestamp":"1969-12-31T23:59:59Z"})" + "\n");
    std::string error;
    auto s = store::Store::open(dir.file("w.hindsight"), store::Store::OpenMode::CreateIfMissing, &error);
    const auto r = importPath(*s, path);
    EXPECT_EQ(r.report.stored, 2);
    EXPECT_EQ(r.report.rejected, 2);
    ASSERT_EQ(r.issues.size(), 2u);
    EXPECT_EQ(r.issues[0].rfind(path + ":2: invalid JSON", 0), 0u) << r.issues[0];
    EXPECT_EQ(r.issues[1].rfind(path + ":4: timestamp outside the storable range", 0), 0u) << r.issues[1];
}

TEST(Importer, FilterRunsBeforeAnythingIsWritten)
{
    test::TempDir dir;
    std::string content;
    for (int i = 0; i < 10; ++i)
        content += pageview(i) + "\n";
    std::string error;
    auto s = store::Store::open(dir.file("w.hindsight"), store::Store::OpenMode::CreateIfMissing, &error);
    ingest::ImportOptions options;
    options.filter = [](model::CapturedEvent &e) {
        e.url = "https://x.example/masked";
        return e.uuid.back() != '3';
    };
    const auto r = importPath(*s, dir.write("e.ndjson", content), options);
    EXPECT_EQ(r.report.stored, 9);
    EXPECT_EQ(r.report.dropped, 1);
    EXPECT_EQ(s->db().scalar("SELECT count(*) FROM urls"), 1);
}

TEST(Importer, CancellingKeepsWholeBatchesOnly)
{
    test::TempDir dir;
    std::string content;
    for (int i = 0; i < 20000; ++i)
        content += pageview(i) + "\n";
    const auto path = dir.write("e.ndjson", content);
    std::string error;
    auto s = store::Store::open(dir.file("w.hindsight"), store::Store::OpenMode::CreateIfMissing, &error);
    std::atomic<bool> cancel{false};
    ingest::ImportOptions options;
    options.batchSize = 1000;
    ingest::Importer importer(*s, options);
    const auto report = importer.importFile(
        path, [](const std::string &, std::int64_t, const std::string &) {},
        [&](const ingest::FileReport &soFar, std::int64_t, std::int64_t) {
            if (soFar.stored >= 5000) cancel = true;
        },
        &cancel);
    EXPECT_TRUE(report.cancelled);
    EXPECT_LT(report.stored, 20000);
    EXPECT_EQ(s->stats().interactions, report.stored);
    EXPECT_EQ(importPath(*s, path).report.stored, 20000 - report.stored);
}

TEST(Importer, DecodingOnSeveralThreadsKeepsFileOrderForIssuesAndInteractions)
{
    // Enough lines for many chunks, so that several decoding threads take part; bad lines are
    // spread through the file and must still be reported in line order, and every good event
    // stored once, whichever thread decoded it.
    test::TempDir dir;
    std::string content;
    std::vector<std::int64_t> badLines;
    const int lines = 12000;
    for (int i = 0; i < lines; ++i) {
        if (i % 997 == 500) {
            content += "{\"event\":\"broken\"\n";
            badLines.push_back(i + 1);
        } else {
            content += pageview(i, "u" + std::to_string(i % 40)) + "\n";
        }
    }
    const auto path = dir.write("many.ndjson", content);
    std::string error;
    auto s = store::Store::open(dir.file("w.hindsight"), store::Store::OpenMode::CreateIfMissing, &error);
    ASSERT_TRUE(s) << error;
    const auto r = importPath(*s, path);
    ASSERT_TRUE(r.report.ok()) << r.report.error;
    EXPECT_EQ(r.report.rejected, static_cast<std::int64_t>(badLines.size()));
    EXPECT_EQ(r.report.stored, lines - static_cast<std::int64_t>(badLines.size()));
    EXPECT_EQ(r.report.documents, lines);
    ASSERT_EQ(r.issues.size(), badLines.size());
    for (std::size_t i = 0; i < badLines.size(); ++i)
        EXPECT_EQ(r.issues[i].rfind(path + ":" + std::to_string(badLines[i]) + ": ", 0), 0u) << r.issues[i];
    EXPECT_EQ(s->db().scalar("SELECT count(*) FROM interactions"), r.report.stored);
    EXPECT_EQ(s->db().scalar("SELECT count(DISTINCT uuid) FROM interactions"), r.report.stored);
    EXPECT_EQ(s->db().scalar("SELECT count(*) FROM distinct_ids"), 40);
    EXPECT_EQ(s->db().scalar("PRAGMA foreign_key_check"), 0);
}

TEST(Importer, TheFirstDecodableDocumentDecidesTheFormatEvenFarIntoTheFile)
{
    // Over a chunk's worth of undecodable lines, one event in Hindsight's own format, then PostHog
    // events: the native event decides for the whole file, as with a single reader, so the PostHog
    // lines are refused for lacking the version field -- whichever thread decodes them.
    test::TempDir dir;
    std::string content;
    for (int i = 0; i < 2500; ++i)
        content += "not json " + std::to_string(i) + "\n";
    content += R"({"hindsight":1,"id":"n-1","time":"2024-03-01T00:00:00Z","type":"click","distinct_id":"p"})"
               "\n";
    for (int i = 0; i < 3000; ++i)
        content += pageview(i) + "\n";
    std::string error;
    auto s = store::Store::open(dir.file("w.hindsight"), store::Store::OpenMode::CreateIfMissing, &error);
    ASSERT_TRUE(s) << error;
    const auto path = dir.write("late.ndjson", content);
    const auto r = importPath(*s, path);
    EXPECT_EQ(r.report.format, capture::InputFormat::Native);
    EXPECT_EQ(r.report.stored, 1);
    EXPECT_EQ(r.report.rejected, 5500);
    ASSERT_EQ(r.issues.size(), 5500u);
    EXPECT_EQ(r.issues.front().rfind(path + ":1: invalid JSON", 0), 0u) << r.issues.front();
    EXPECT_EQ(r.issues.back().rfind(path + ":5501: missing field 'hindsight'", 0), 0u) << r.issues.back();
}

TEST(Importer, AFileThatCannotBeOpenedIsAnErrorAndWritesNothing)
{
    test::TempDir dir;
    std::string error;
    auto s = store::Store::open(dir.file("w.hindsight"), store::Store::OpenMode::CreateIfMissing, &error);
    ASSERT_TRUE(s) << error;
    const auto r = importPath(*s, dir.file("absent.ndjson"));
    EXPECT_FALSE(r.report.ok());
    EXPECT_NE(r.report.error.find("cannot open"), std::string::npos) << r.report.error;
    EXPECT_EQ(s->stats().interactions, 0);
}
