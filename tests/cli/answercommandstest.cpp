// `hindsight coverage`, `health`, `funnel`, `which` and `suggest` on a real demo workspace made
// by `hindsight demo` (its catalog is deliberately messy: duplicates, a stale definition...).
#include "tests/support/tempdir.h"
#include "tests/support/testpaths.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <gtest/gtest.h>

using namespace hindsight;

namespace {

class AnswerCommands : public ::testing::Test
{
  protected:
    static void SetUpTestSuite()
    {
        s_dir = new test::TempDir();
        s_store = s_dir->file("demo.hindsight");
        const auto r = test::runProcess(
            {test::kCliPath, "--store", s_store, "demo", "--interactions", "30000", "--days", "10"});
        ASSERT_EQ(r.exitCode, 0) << r.err;
    }
    static void TearDownTestSuite() { delete s_dir; }

    static test::ProcessResult cli(std::vector<std::string> args)
    {
        args.insert(args.begin(), {test::kCliPath, "--store", s_store});
        return test::runProcess(args);
    }
    static QJsonDocument json(const test::ProcessResult &r)
    {
        QJsonParseError error;
        auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(r.out), &error);
        EXPECT_EQ(error.error, QJsonParseError::NoError) << r.out << r.err;
        return doc;
    }
    static std::string newestMatchId(const std::string &definition)
    {
        const auto r = cli({"matches", definition, "--json", "--limit", "1"});
        EXPECT_EQ(r.exitCode, 0) << r.err;
        const auto list = json(r).object()["interactions"].toArray();
        EXPECT_EQ(list.size(), 1);
        return list.isEmpty() ? std::string() : std::to_string(list[0].toObject()["id"].toInteger());
    }

    static test::TempDir *s_dir;
    static std::string s_store;
};

test::TempDir *AnswerCommands::s_dir = nullptr;
std::string AnswerCommands::s_store;

TEST_F(AnswerCommands, HealthFlagsTheStaleDefinitionOnly)
{
    const auto r = cli({"health", "--json"});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    std::vector<std::string> flagged;
    for (const auto &v : json(r).object()["definitions"].toArray())
        if (!v.toObject()["healthy"].toBool())
            flagged.push_back(v.toObject()["name"].toString().toStdString());
    ASSERT_EQ(flagged.size(), 1u);
    EXPECT_EQ(flagged.front(), "Home - Click Promo Banner");
}

TEST_F(AnswerCommands, CoverageAddsUpAndListsLargestGapsFirst)
{
    const auto r = cli({"coverage", "--json", "--limit", "5"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto o = json(r).object();
    const auto considered = o["considered"].toInteger();
    EXPECT_GT(considered, 0);
    EXPECT_EQ(o["matched"].toInteger() + o["unmatched"].toInteger(), considered);
    EXPECT_NEAR(o["unmatched_share"].toDouble(),
                static_cast<double>(o["unmatched"].toInteger()) / static_cast<double>(considered), 1e-9);
    const auto elements = o["elements"].toArray();
    ASSERT_EQ(elements.size(), 5);
    for (qsizetype i = 1; i < elements.size(); ++i)
        EXPECT_GE(elements[i - 1].toObject()["count"].toInteger(),
                  elements[i].toObject()["count"].toInteger());
    // Counting every type considers more interactions than the element types alone.
    const auto all = json(cli({"coverage", "--json", "--event", "all"})).object();
    EXPECT_GT(all["considered"].toInteger(), considered);
}

TEST_F(AnswerCommands, FunnelNarrowsStepByStep)
{
    const auto r =
        cli({"funnel", "Product - View Page", "Cart - Add Item", "Cart - Click Checkout", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto steps = json(r).object()["steps"].toArray();
    ASSERT_EQ(steps.size(), 3);
    EXPECT_GT(steps[0].toObject()["entered"].toInteger(), 0);
    for (qsizetype i = 1; i < steps.size(); ++i) {
        EXPECT_LE(steps[i].toObject()["entered"].toInteger(), steps[i - 1].toObject()["entered"].toInteger());
        EXPECT_GT(steps[i].toObject()["median_ms_from_previous"].toInteger(), 0);
    }
    EXPECT_TRUE(steps[0].toObject()["median_ms_from_previous"].isNull());
    EXPECT_EQ(cli({"funnel", "Cart - Add Item", "No Such Definition"}).exitCode, 2);
    EXPECT_EQ(cli({"funnel", "Cart - Add Item", "Cart - Click Checkout", "--within", "soon"}).exitCode, 2);
}

TEST_F(AnswerCommands, WhichFindsTheDuplicatesOfAnInteraction)
{
    const std::string id = newestMatchId("clicked_add_to_cart");
    ASSERT_FALSE(id.empty());
    const auto r = cli({"which", "--interaction", id, "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    std::vector<std::string> names;
    for (const auto &v : json(r).array())
        names.push_back(v.toObject()["name"].toString().toStdString());
    EXPECT_NE(std::find(names.begin(), names.end(), "clicked_add_to_cart"), names.end());
    EXPECT_NE(std::find(names.begin(), names.end(), "Cart - Add Item"), names.end());
    EXPECT_NE(std::find(names.begin(), names.end(), "Any Purchase Intent"), names.end()) << "combos too";
    EXPECT_EQ(std::find(names.begin(), names.end(), "Cart - Click Checkout"), names.end());

    // An element pasted as a chain: only element conditions count.
    const auto byChain =
        cli({"which", "--chain", R"(a.btn:attr__data-track="cart-checkout"text="Checkout";aside;body)"});
    EXPECT_EQ(byChain.exitCode, 0) << byChain.err;
    EXPECT_NE(byChain.out.find("Cart - Click Checkout"), std::string::npos) << byChain.out;
    EXPECT_EQ(cli({"which", "--chain", R"(a:text="unterminated)"}).exitCode, 2);
    EXPECT_EQ(cli({"which", "--interaction", "999"}).exitCode, 2);
}

TEST_F(AnswerCommands, SuggestProposesARobustSelectorThatCountsTheSame)
{
    const std::string id = newestMatchId("Checkout - Click Pay Now");
    ASSERT_FALSE(id.empty());
    const auto r = cli({"suggest", "--interaction", id, "--json", "--name", "Pay"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto o = json(r).object();
    const auto step = o["definition"].toObject()["steps"].toArray()[0].toObject();
    EXPECT_EQ(step["selector"].toString(), "#pay-now");
    EXPECT_EQ(o["alternatives"].toArray()[0].toObject()["selector"].toString(), "#pay-now");
    EXPECT_GT(o["preview"].toObject()["total"].toInteger(), 0);

    // The same selector, as a draft, counts every pay-now click on every page.
    const auto draft = json(cli({"count", "--event", "click", "--selector", "#pay-now", "--json"})).object();
    const auto saved = json(cli({"count", "Checkout - Click Pay Now", "--json"})).object();
    EXPECT_EQ(draft["total"].toInteger(), saved["total"].toInteger());
}

} // namespace
