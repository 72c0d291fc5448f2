#include "core/capture/documentsource.h"

#include "tests/support/tempdir.h"

#include <gtest/gtest.h>
#include <simdjson.h>

using namespace hindsight;
using capture::DocumentChunk;
using capture::DocumentSource;

namespace {

struct Split
{
    std::vector<std::pair<std::int64_t, std::string>> documents; // line, text
    std::vector<std::pair<std::int64_t, std::string>> issues;    // line, reason
    int chunks = 0;
    std::int64_t documentsSeen = 0;
    std::string error;
};

Split splitAll(const std::string &path, std::size_t maxDocuments, std::size_t maxBytes)
{
    Split out;
    DocumentSource source(path);
    if (!source.open()) {
        out.error = source.error();
        return out;
    }
    DocumentChunk chunk;
    while (source.fill(chunk, maxDocuments, maxBytes)) {
        ++out.chunks;
        EXPECT_LE(chunk.used, maxDocuments);
        // Every chunk ends with room for simdjson to read past its last document.
        std::size_t end = 0;
        for (std::size_t i = 0; i < chunk.used; ++i) {
            const auto &e = chunk.entries[i];
            if (e.isIssue) {
                out.issues.emplace_back(e.line, e.reason);
            } else {
                out.documents.emplace_back(e.line, std::string(chunk.document(e)));
                end = e.offset + e.size;
            }
        }
        EXPECT_GE(chunk.text.size(), end + simdjson::SIMDJSON_PADDING);
    }
    out.error = source.error();
    out.documentsSeen = source.documents();
    return out;
}

std::string doc(int i)
{
    return R"({"n":)" + std::to_string(i) + R"(,"s":"a,b]}\"{"})";
}

} // namespace

TEST(DocumentSource, SplitsLinesIntoChunksOfAtMostTheAskedSize)
{
    test::TempDir dir;
    std::string content;
    for (int i = 0; i < 25; ++i)
        content += doc(i) + (i % 5 == 4 ? "\r\n\n" : "\n"); // CRLF and empty lines in between
    const auto r = splitAll(dir.write("a.ndjson", content), 4, 1 << 20);
    ASSERT_TRUE(r.error.empty()) << r.error;
    ASSERT_EQ(r.documents.size(), 25u);
    EXPECT_GE(r.chunks, 7);
    EXPECT_TRUE(r.issues.empty());
    std::int64_t line = 1;
    for (int i = 0; i < 25; ++i) {
        EXPECT_EQ(r.documents[static_cast<std::size_t>(i)].second, doc(i));
        EXPECT_EQ(r.documents[static_cast<std::size_t>(i)].first, line);
        line += i % 5 == 4 ? 2 : 1;
    }
    EXPECT_EQ(r.documentsSeen, 30); // empty lines count as seen
}

TEST(DocumentSource, ByteLimitEndsAChunkButAlwaysTakesOneDocument)
{
    test::TempDir dir;
    const std::string big(5000, 'x');
    const auto r = splitAll(dir.write("a.ndjson", "\"" + big + "\"\n\"" + big + "\"\n[1]\n"), 100, 1000);
    ASSERT_EQ(r.documents.size(), 3u);
    EXPECT_EQ(r.chunks, 3);
}

TEST(DocumentSource, SplitsAJsonArrayAcrossChunksWithTheLineEachElementStartsOn)
{
    test::TempDir dir;
    std::string content = "\xEF\xBB\xBF  [\n";
    for (int i = 0; i < 10; ++i)
        content += "  " + doc(i) + (i < 9 ? ",\n" : "\n");
    content += "]\n";
    const auto r = splitAll(dir.write("a.json", content), 3, 1 << 20);
    ASSERT_TRUE(r.error.empty()) << r.error;
    ASSERT_EQ(r.documents.size(), 10u);
    for (int i = 0; i < 10; ++i) {
        EXPECT_EQ(r.documents[static_cast<std::size_t>(i)].second, doc(i));
        EXPECT_EQ(r.documents[static_cast<std::size_t>(i)].first, i + 2);
    }
    EXPECT_TRUE(r.issues.empty());
    EXPECT_GE(r.chunks, 4);
}

TEST(DocumentSource, ReportsATruncatedArrayAndTextAfterIt)
{
    test::TempDir dir;
    auto r = splitAll(dir.write("cut.json", "[\n" + doc(1) + ",\n" + doc(2).substr(0, 5)), 2, 1 << 20);
    ASSERT_EQ(r.documents.size(), 1u);
    ASSERT_EQ(r.issues.size(), 1u);
    EXPECT_EQ(r.issues[0].first, 3);
    EXPECT_NE(r.issues[0].second.find("not closed"), std::string::npos);

    r = splitAll(dir.write("after.json", "[" + doc(1) + "]\n\nextra"), 2, 1 << 20);
    ASSERT_EQ(r.documents.size(), 1u);
    ASSERT_EQ(r.issues.size(), 1u);
    EXPECT_EQ(r.issues[0].first, 3);
    EXPECT_NE(r.issues[0].second.find("after the end"), std::string::npos);
}

TEST(DocumentSource, MissingFileIsAnErrorNamingTheReason)
{
    test::TempDir dir;
    const auto r = splitAll(dir.file("absent.ndjson"), 10, 1 << 20);
    EXPECT_NE(r.error.find("cannot open"), std::string::npos) << r.error;
}
