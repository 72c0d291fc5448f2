// The `hindsight` executable, run as a real child process.
#include "core/store/statement.h"
#include "core/store/store.h"
#include "tests/support/tempdir.h"
#include "tests/support/testpaths.h"

#include <chrono>
#include <csignal>
#include <filesystem>
#include <gtest/gtest.h>
#include <thread>

using namespace hindsight;
using test::runProcess;

namespace {

test::ProcessResult cli(const std::vector<std::string> &args, std::string_view input = {})
{
    std::vector<std::string> argv{test::kCliPath};
    argv.insert(argv.end(), args.begin(), args.end());
    return runProcess(argv, input);
}

std::string pageview(int i)
{
    char uuid[40];
    std::snprintf(uuid, sizeof uuid, "018f0000-0000-7000-8000-%012d", i);
    return std::string(R"({"uuid":")") + uuid + R"(","event":"$pageview","distinct_id":"u)" +
           std::to_string(i % 100) + R"(","timestamp":"2024-01-01T00:00:00.)" +
           std::to_string(100 + i % 900) +
           R"(Z","properties":{"$current_url":"https://x.example/","$session_id":"s)" +
           std::to_string(i % 300) + R"("}})";
}

std::string statsJson(const std::string &store)
{
    return cli({"--store", store, "stats", "--json"}).out;
}

} // namespace

TEST(Cli, HelpAndVersion)
{
    auto r = cli({"--help"});
    EXPECT_EQ(r.exitCode, 0);
    for (const char *command : {"import", "stats", "demo"})
        EXPECT_NE(r.out.find(command), std::string::npos) << command;
    for (const char *command : {"import", "stats", "demo"}) {
        r = cli({command, "--help"});
        EXPECT_EQ(r.exitCode, 0) << command;
        EXPECT_NE(r.out.find("Usage: hindsight"), std::string::npos) << command;
    }
    r = cli({"--version"});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_EQ(r.out.rfind("hindsight ", 0), 0u);
    EXPECT_EQ(cli({"frobnicate"}).exitCode, 2);
    EXPECT_EQ(cli({}).exitCode, 2);
    EXPECT_EQ(cli({"import", "--bogus", "x"}).exitCode, 2);
}

TEST(Cli, ImportExitStatusAndLineReports)
{
    test::TempDir dir;
    const auto store = dir.file("w.hindsight");
    const auto good = dir.write("good.ndjson", pageview(1) + "\n" + pageview(2) + "\n");
    auto r = cli({"--store", store, "import", good});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("2 stored"), std::string::npos) << r.err;

    const auto bad = dir.write("bad.ndjson", pageview(3) + "\nnot json\n" + pageview(4) + "\n");
    r = cli({"--store", store, "import", bad});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find(bad + ":2: invalid JSON"), std::string::npos) << r.err;
    EXPECT_NE(statsJson(store).find("\"interactions\": 4"), std::string::npos) << statsJson(store);

    r = cli({"--store", store, "import", dir.file("missing.ndjson")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("missing.ndjson"), std::string::npos);

    r = cli({"--store", store, "import", "-"}, pageview(5) + "\n");
    EXPECT_EQ(r.exitCode, 0) << r.err;
    r = cli({"--store", store, "import", "--format", "native", good});
    EXPECT_EQ(r.exitCode, 1); // PostHog lines read as native are rejected, line by line
    EXPECT_NE(r.err.find(good + ":1: missing field 'hindsight'"), std::string::npos) << r.err;
    EXPECT_EQ(cli({"--store", store, "import", "--format", "xml", good}).exitCode, 2);
}

TEST(Cli, StatsJsonHasTheDocumentedFields)
{
    test::TempDir dir;
    const auto store = dir.file("w.hindsight");
    std::string content;
    for (int i = 0; i < 1000; ++i)
        content += pageview(i) + "\n";
    ASSERT_EQ(cli({"--store", store, "import", dir.write("e.ndjson", content)}).exitCode, 0);
    const auto out = statsJson(store);
    EXPECT_NE(out.find("\"interactions\": 1000"), std::string::npos) << out;
    EXPECT_NE(out.find("\"people\": 100"), std::string::npos) << out;
    EXPECT_NE(out.find("\"sessions\": 300"), std::string::npos) << out;
    EXPECT_NE(out.find("\"elements\": 0"), std::string::npos) << out;
    EXPECT_NE(out.find("\"first\": \"2024-01-01T00:00:00.100Z\""), std::string::npos) << out;
    EXPECT_NE(out.find("\"last\": \"2024-01-01T00:00:00.999Z\""), std::string::npos) << out;
}

TEST(Cli, RefusesFilesThatAreNotStoresWithoutTouchingThem)
{
    test::TempDir dir;
    const std::string text = "just some notes\n";
    const auto path = dir.write("notes.txt", text);
    auto r = cli({"--store", path, "stats"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("not a Hindsight store"), std::string::npos) << r.err;
    r = cli({"--store", path, "import", dir.write("e.ndjson", pageview(1) + "\n")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(test::readFile(path), text);
    r = cli({"--store", dir.file("absent.hindsight"), "stats"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("no workspace store"), std::string::npos) << r.err;
}

TEST(Cli, KilledImportLeavesWholeBatchesAndRerunCompletesIt)
{
    test::TempDir dir;
    const auto store = dir.file("w.hindsight");
    const int total = 400'000;
    {
        std::string content;
        content.reserve(static_cast<std::size_t>(total) * 200);
        for (int i = 0; i < total; ++i)
            content += pageview(i) + "\n";
        dir.write("big.ndjson", content);
    }
    const auto file = dir.file("big.ndjson");
    const int pid =
        test::startProcess({test::kCliPath, "--store", store, "import", "--batch-size", "1000", file});
    // Wait until some batches are committed, then kill without warning.
    std::int64_t seen = 0;
    for (int i = 0; i < 600 && seen == 0; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        std::string error;
        if (auto s = store::Store::open(store, store::Store::OpenMode::ReadOnly, &error))
            seen = s->stats().interactions;
    }
    kill(pid, SIGKILL);
    EXPECT_EQ(test::waitProcess(pid), -SIGKILL);
    {
        std::string error;
        auto s = store::Store::open(store, store::Store::OpenMode::Existing, &error);
        ASSERT_TRUE(s) << error;
        bool ok = false;
        const auto rows = s->db().scalar("SELECT count(*) FROM interactions", &ok);
        EXPECT_TRUE(ok);
        EXPECT_EQ(rows, s->stats().interactions); // counters and rows agree
        EXPECT_EQ(rows % 1000, 0) << "only whole batches may be stored";
        EXPECT_LT(rows, total) << "the import finished before it could be killed; make the input larger";
        std::string integrity;
        store::Statement check(s->db(), "PRAGMA integrity_check");
        ASSERT_TRUE(check.next());
        EXPECT_EQ(check.text(0), "ok");
        EXPECT_EQ(s->db().scalar("SELECT count(*) FROM pragma_foreign_key_check"), 0);
    }
    const auto again = cli({"--store", store, "import", file});
    EXPECT_EQ(again.exitCode, 0) << again.err;
    const auto out = statsJson(store);
    EXPECT_NE(out.find("\"interactions\": " + std::to_string(total)), std::string::npos) << out;
}
