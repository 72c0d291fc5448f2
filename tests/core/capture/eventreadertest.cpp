#include "core/capture/eventreader.h"

#include "tests/support/tempdir.h"

#include <gtest/gtest.h>
#include <zlib.h>

using namespace hindsight;

namespace {

struct ReadResult
{
    std::vector<std::pair<std::int64_t, model::CapturedEvent>> events;
    std::vector<std::pair<std::int64_t, std::string>> issues;
    bool ok = false;
    std::string error;
};

ReadResult readAll(const std::string &path, capture::InputFormat format = capture::InputFormat::Auto)
{
    capture::EventReader reader(path, format);
    ReadResult r;
    r.ok =
        reader.run([&](const model::CapturedEvent &e, std::int64_t line) { r.events.emplace_back(line, e); },
                   [&](std::int64_t line, const std::string &why) { r.issues.emplace_back(line, why); });
    r.error = reader.error();
    return r;
}

std::string event(int i)
{
    return R"({"uuid":"00000000-0000-7000-8000-)" + std::string(12 - std::to_string(i).size(), '0') +
           std::to_string(i) + R"(","event":"$pageview","distinct_id":"a","timestamp":"2024-01-01T00:00:0)" +
           std::to_string(i % 10) + R"(Z","properties":{"$current_url":"https://x.example/"}})";
}

void writeGzip(const std::string &path, const std::string &content)
{
    gzFile f = gzopen(path.c_str(), "wb");
    gzwrite(f, content.data(), static_cast<unsigned>(content.size()));
    gzclose(f);
}

} // namespace

TEST(EventReader, AcceptsByteOrderMarkCrlfAndEmptyLines)
{
    test::TempDir dir;
    const auto path = dir.write("events.ndjson",
                                "\xEF\xBB\xBF" + event(1) + "\r\n\r\n" + event(2) + "\r\n   \n" + event(3));
    const auto r = readAll(path);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_TRUE(r.issues.empty()) << r.issues.front().second;
    ASSERT_EQ(r.events.size(), 3u);
    EXPECT_EQ(r.events[0].first, 1);
    EXPECT_EQ(r.events[1].first, 3);
    EXPECT_EQ(r.events[2].first, 5);
}

TEST(EventReader, ReportsEachBadLineAndKeepsTheGoodOnes)
{
    test::TempDir dir;
    std::string content = event(1) + "\n";
    content += "{not json\n";                                     // 2
    content += event(3) + "\n";                                   // 3
    content += std::string("\x00\x01\x02\xff binary", 12) + "\n"; // 4
    content += R"({"event":"x","distinct_id":"a","timestamp":"2024-02-31T00:00:00Z"})"
               "\n"; // 5
    content += "{\"event\":\"$autocapture\",\"distinct_id\":\"a\",\"timestamp\":\"2024-01-01T00:00:00Z\","
               "\"properties\":{\"$elements_chain\":\"a:text=\\\"x" +
               std::string(300 * 1024, 'y') + "\"}}\n"; // 6: 300 KB, unterminated chain quote
    content += event(7) + "\n";
    const auto r = readAll(dir.write("mixed.ndjson", content));
    ASSERT_TRUE(r.ok);
    ASSERT_EQ(r.events.size(), 3u);
    ASSERT_EQ(r.issues.size(), 4u);
    EXPECT_EQ(r.issues[0].first, 2);
    EXPECT_EQ(r.issues[1].first, 4);
    EXPECT_EQ(r.issues[2].first, 5);
    EXPECT_EQ(r.issues[3].first, 6);
    EXPECT_NE(r.issues[3].second.find("$elements_chain"), std::string::npos) << r.issues[3].second;
}

TEST(EventReader, ReadsLongValidLines)
{
    test::TempDir dir;
    const std::string big =
        R"({"event":"x","distinct_id":"a","timestamp":"2024-01-01T00:00:00Z","properties":{"blob":")" +
        std::string(300 * 1024, 'z') + R"("}})";
    const auto r = readAll(dir.write("big.ndjson", big + "\n" + event(2) + "\n"));
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_EQ(r.events[0].second.properties.size(), 300u * 1024 + 11);
}

TEST(EventReader, ReadsGzipWhateverItIsCalled)
{
    test::TempDir dir;
    std::string content;
    for (int i = 0; i < 1000; ++i)
        content += event(i) + "\n";
    writeGzip(dir.file("events.gz"), content);
    writeGzip(dir.file("events.ndjson"), content);
    for (const char *name : {"events.gz", "events.ndjson"}) {
        const auto r = readAll(dir.file(name));
        ASSERT_TRUE(r.ok) << r.error;
        EXPECT_EQ(r.events.size(), 1000u) << name;
        EXPECT_TRUE(r.issues.empty());
    }
}

TEST(EventReader, TruncatedGzipIsAnError)
{
    test::TempDir dir;
    std::string content;
    for (int i = 0; i < 5000; ++i)
        content += event(i) + "\n";
    writeGzip(dir.file("full.gz"), content);
    const std::string bytes = test::readFile(dir.file("full.gz"));
    const auto r = readAll(dir.write("cut.gz", bytes.substr(0, bytes.size() / 2)));
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.error.find("truncated"), std::string::npos) << r.error;
}

TEST(EventReader, ReadsJsonArraysPrettyOrOnOneLine)
{
    test::TempDir dir;
    const std::string pretty =
        "[\n  " + event(1) + ",\n  " + event(2) + ",\n  {\"bad\": true},\n  " + event(4) + "\n]\n";
    auto r = readAll(dir.write("pretty.json", pretty));
    ASSERT_TRUE(r.ok);
    ASSERT_EQ(r.events.size(), 3u);
    EXPECT_EQ(r.events[1].first, 3);
    ASSERT_EQ(r.issues.size(), 1u);
    EXPECT_EQ(r.issues[0].first, 4);

    std::string oneLine = "[";
    for (int i = 0; i < 500; ++i)
        oneLine += (i ? "," : "") + event(i);
    oneLine += "]";
    r = readAll(dir.write("oneline.json", oneLine));
    EXPECT_EQ(r.events.size(), 500u);
    EXPECT_TRUE(r.issues.empty());
}

TEST(EventReader, UnclosedArrayIsReported)
{
    test::TempDir dir;
    const auto r = readAll(dir.write("cut.json", "[" + event(1) + ",\n" + event(2).substr(0, 20)));
    EXPECT_EQ(r.events.size(), 1u);
    ASSERT_EQ(r.issues.size(), 1u);
    EXPECT_NE(r.issues[0].second.find("not closed"), std::string::npos);
}

TEST(EventReader, MissingFileIsAnIoError)
{
    const auto r = readAll("/nonexistent/dir/events.ndjson");
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.error.find("No such file"), std::string::npos) << r.error;
}
