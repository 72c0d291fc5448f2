// `hindsight detect`, run as a child process like a user would.
#include "tests/support/tempdir.h"
#include "tests/support/testpaths.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <filesystem>
#include <gtest/gtest.h>

using hindsight::test::kCliPath;
using hindsight::test::runProcess;

namespace {

QJsonArray parseArray(const std::string &out)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(out), &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError) << error.errorString().toStdString() << "\n" << out;
    EXPECT_TRUE(doc.isArray()) << out;
    return doc.array();
}

} // namespace

TEST(DetectCommand, JsonReportsEachLineWithTypedSpans)
{
    const std::string input = "Contact jane.doe@example.org today\r\n"
                              "nothing to see here\n"
                              "card 4111 1111 1111 1111, call +44 20 7946 0958\n";
    const auto r = runProcess({kCliPath, "detect", "--json"}, input);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.err, "");
    const QJsonArray lines = parseArray(r.out);
    ASSERT_EQ(lines.size(), 3);

    const QJsonObject first = lines[0].toObject();
    EXPECT_EQ(first["line"].toInt(), 1);
    const QJsonArray f1 = first["findings"].toArray();
    ASSERT_EQ(f1.size(), 1);
    EXPECT_EQ(f1[0]["type"].toString(), "EMAIL");
    EXPECT_EQ(f1[0]["start"].toInt(), 8);
    EXPECT_EQ(f1[0]["end"].toInt(), 28); // the CR was stripped, offsets are into the line
    EXPECT_GT(f1[0]["confidence"].toDouble(), 0.0);
    EXPECT_LE(f1[0]["confidence"].toDouble(), 1.0);

    EXPECT_EQ(lines[1].toObject()["line"].toInt(), 2);
    EXPECT_TRUE(lines[1].toObject()["findings"].toArray().isEmpty());

    const QJsonArray f3 = lines[2].toObject()["findings"].toArray();
    ASSERT_EQ(f3.size(), 2);
    EXPECT_EQ(f3[0]["type"].toString(), "CREDIT_CARD");
    EXPECT_EQ(f3[0]["start"].toInt(), 5);
    EXPECT_EQ(f3[0]["end"].toInt(), 24);
    EXPECT_EQ(f3[1]["type"].toString(), "PHONE");
    EXPECT_EQ(f3[1]["start"].toInt(), 31);
    EXPECT_EQ(f3[1]["end"].toInt(), 47);
}

TEST(DetectCommand, TypesOptionLimitsTheDetectors)
{
    const auto r = runProcess({kCliPath, "detect", "--json", "--types", "phone,IP_ADDRESS"},
                              "jane@example.org 415-555-2671 10.0.0.1\n");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const QJsonArray lines = parseArray(r.out);
    ASSERT_EQ(lines.size(), 1);
    const QJsonArray f = lines[0].toObject()["findings"].toArray();
    ASSERT_EQ(f.size(), 2);
    EXPECT_EQ(f[0]["type"].toString(), "PHONE");
    EXPECT_EQ(f[1]["type"].toString(), "IP_ADDRESS");
}

TEST(DetectCommand, PlainOutputShowsPositionsTypesAndMaskedValues)
{
    const auto r = runProcess({kCliPath, "detect"}, "a\nmail jane@example.org, card 4111-1111-1111-1111\n");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out, "2:5-21 EMAIL 0.97  j***@e***.org\n"
                     "2:28-47 CREDIT_CARD 0.98  4111-****-****-1111\n");
}

TEST(DetectCommand, EmptyInputGivesAnEmptyArray)
{
    const auto r = runProcess({kCliPath, "detect", "--json"}, "");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(parseArray(r.out).isEmpty());
}

TEST(DetectCommand, LongLinesAreRead)
{
    std::string line(3 << 20, 'x');
    line += " jane@example.org";
    const auto r = runProcess({kCliPath, "detect", "--json"}, line + "\nsecond 10.0.0.1");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const QJsonArray lines = parseArray(r.out);
    ASSERT_EQ(lines.size(), 2);
    const QJsonArray f = lines[0].toObject()["findings"].toArray();
    ASSERT_EQ(f.size(), 1);
    EXPECT_EQ(f[0]["start"].toInt(), (3 << 20) + 1);
    EXPECT_EQ(lines[1].toObject()["findings"].toArray().size(), 1); // last line without newline
}

TEST(DetectCommand, UsageErrorsExitWithTwo)
{
    auto r = runProcess({kCliPath, "detect", "--types", "EMAIL,NOPE"}, "x\n");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("unknown type 'NOPE'"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("CREDIT_CARD"), std::string::npos) << r.err; // lists the known types
    EXPECT_EQ(r.out, "");

    r = runProcess({kCliPath, "detect", "--types", "EMAIL,"}, "x\n");
    EXPECT_EQ(r.exitCode, 2);
    r = runProcess({kCliPath, "detect", "--bogus"}, "x\n");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("--bogus"), std::string::npos) << r.err;
    r = runProcess({kCliPath, "detect", "file.txt"}, "x\n");
    EXPECT_EQ(r.exitCode, 2);
    r = runProcess({kCliPath, "detect", "--types"}, "x\n");
    EXPECT_EQ(r.exitCode, 2);
}

TEST(DetectCommand, NeedsNoWorkspaceStore)
{
    hindsight::test::TempDir dir;
    const std::string missing = dir.file("does/not/exist.hindsight");
    const auto r = runProcess({kCliPath, "--store", missing, "detect", "--json"}, "ip 192.168.1.1\n");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(parseArray(r.out).size(), 1);
    EXPECT_FALSE(std::filesystem::exists(missing));
}

TEST(DetectCommand, HelpDescribesOutputAndExitStatus)
{
    const auto r = runProcess({kCliPath, "detect", "--help"});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_NE(r.out.find("--json"), std::string::npos);
    EXPECT_NE(r.out.find("Exit status"), std::string::npos);
}
