// `hindsight lint`, `rename`, `merge` and `convention`, run as real child processes on a demo
// workspace (its catalog is deliberately messy: duplicates by name and by meaning, a combo,
// a definition that matches nothing) and on definitions files without any workspace.
#include "tests/support/tempdir.h"
#include "tests/support/testpaths.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <filesystem>
#include <gtest/gtest.h>
#include <set>

using namespace hindsight;

namespace {

class LintCommand : public ::testing::Test
{
  protected:
    static void SetUpTestSuite()
    {
        s_dir = new test::TempDir();
        s_demo = s_dir->file("demo.hindsight");
        const auto r = test::runProcess(
            {test::kCliPath, "--store", s_demo, "demo", "--interactions", "30000", "--days", "10"});
        ASSERT_EQ(r.exitCode, 0) << r.err;
    }
    static void TearDownTestSuite() { delete s_dir; }

    /// A copy of the demo workspace this test may change.
    std::string copyOfDemo()
    {
        const std::string path = m_dir.file("copy.hindsight");
        std::filesystem::copy_file(s_demo, path);
        return path;
    }

    static test::ProcessResult cli(const std::string &store, std::vector<std::string> args)
    {
        args.insert(args.begin(), {test::kCliPath, "--store", store});
        return test::runProcess(args);
    }
    static QJsonDocument json(const test::ProcessResult &r)
    {
        QJsonParseError error;
        auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(r.out), &error);
        EXPECT_EQ(error.error, QJsonParseError::NoError) << r.out << r.err;
        return doc;
    }
    static std::set<std::string> keys(const QJsonObject &o)
    {
        std::set<std::string> out;
        for (const auto &k : o.keys())
            out.insert(k.toStdString());
        return out;
    }
    static std::vector<std::string> names(const QJsonObject &group)
    {
        std::vector<std::string> out;
        for (const auto &n : group["names"].toArray())
            out.push_back(n.toString().toStdString());
        return out;
    }
    /// The duplicate groups of one kind, by their names.
    static std::vector<QJsonObject> groups(const QJsonDocument &doc, const char *kind)
    {
        std::vector<QJsonObject> out;
        for (const auto &g : doc.object()["duplicates"].toArray())
            if (g.toObject()["kind"].toString() == kind) out.push_back(g.toObject());
        return out;
    }
    static const QJsonObject *findGroup(const std::vector<QJsonObject> &list,
                                        const std::vector<std::string> &members)
    {
        for (const auto &g : list)
            if (names(g) == members) return &g;
        return nullptr;
    }
    static std::int64_t total(const std::string &store, const std::string &definition)
    {
        const auto r = cli(store, {"count", definition, "--json"});
        EXPECT_EQ(r.exitCode, 0) << r.err;
        return json(r).object()["total"].toInteger();
    }

    test::TempDir m_dir;
    static test::TempDir *s_dir;
    static std::string s_demo;
};

test::TempDir *LintCommand::s_dir = nullptr;
std::string LintCommand::s_demo;

TEST_F(LintCommand, JsonHasTheDocumentedShapeAndFindsThePlantedDuplicates)
{
    const auto r = cli(s_demo, {"lint", "--json"});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    const auto doc = json(r);
    EXPECT_EQ(keys(doc.object()), (std::set<std::string>{"violations", "duplicates"}));

    const auto violations = doc.object()["violations"].toArray();
    ASSERT_FALSE(violations.isEmpty());
    bool verifiedBreaks = false, missingOwner = false;
    for (const auto &v : violations) {
        const auto o = v.toObject();
        EXPECT_EQ(keys(o), (std::set<std::string>{"definition", "rule", "message", "suggestion"}));
        EXPECT_TRUE(o["definition"].isString());
        EXPECT_FALSE(o["message"].toString().isEmpty());
        EXPECT_TRUE(o["suggestion"].isString() || o["suggestion"].isNull());
        if (o["definition"] == "Order Completed" && o["rule"] == "verified-breaks-convention")
            verifiedBreaks = true;
        if (o["definition"] == "Pay button" && o["rule"] == "missing-owner") missingOwner = true;
        // Deprecated and archived definitions are not reviewed.
        EXPECT_NE(o["definition"].toString(), "Add To Cart Click (old)");
    }
    EXPECT_TRUE(verifiedBreaks) << r.out;
    EXPECT_TRUE(missingOwner) << r.out;

    for (const auto &g : doc.object()["duplicates"].toArray())
        EXPECT_EQ(keys(g.toObject()), (std::set<std::string>{"kind", "names", "overlap"}));
    const auto byName = groups(doc, "name");
    const auto *orderCompleted = findGroup(byName, {"Order Completed", "order_completed"});
    ASSERT_TRUE(orderCompleted) << r.out;
    EXPECT_TRUE((*orderCompleted)["overlap"].isNull());

    const auto byMeaning = groups(doc, "meaning");
    const auto *pay = findGroup(byMeaning, {"Checkout - Click Pay Now", "Pay button"});
    ASSERT_TRUE(pay) << r.out;
    EXPECT_DOUBLE_EQ((*pay)["overlap"].toDouble(), 1.0);
    const auto *cart = findGroup(byMeaning, {"Cart - Add Item", "clicked_add_to_cart"});
    ASSERT_TRUE(cart) << r.out;
    EXPECT_GE((*cart)["overlap"].toDouble(), 0.9);
    EXPECT_LT((*cart)["overlap"].toDouble(), 1.0);
    for (const auto &g : byMeaning) {
        for (const auto &n : names(g)) {
            // Matches nothing: never a duplicate by meaning. A combo is not a duplicate of its members.
            EXPECT_NE(n, "Home - Click Promo Banner");
            EXPECT_NE(n, "Any Purchase Intent");
        }
        // Already duplicates by name: not reported again by meaning.
        EXPECT_NE(names(g), (std::vector<std::string>{"Order Completed", "order_completed"}));
    }
}

TEST_F(LintCommand, TextReportShowsSuggestionsAndTheOverlap)
{
    const auto r = cli(s_demo, {"lint", "--preset", "segment"});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_NE(r.out.find("Convention: segment (Object Action)"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("'clicked_add_to_cart'\n  suggestion: 'Add to Cart Clicked'"), std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("Duplicates by name\n  'Order Completed', 'order_completed' — same-name"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("'Checkout - Click Pay Now' and 'Pay button': 100.0 % overlap"), std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("1 duplicate group by name, 2 by meaning."), std::string::npos) << r.out;

    const auto noMeaning = cli(s_demo, {"lint", "--no-meaning", "--json"});
    EXPECT_EQ(noMeaning.exitCode, 1);
    EXPECT_TRUE(groups(json(noMeaning), "meaning").empty());
    EXPECT_FALSE(groups(json(noMeaning), "name").empty());

    // A looser threshold finds more; the numbers are the Jaccard index.
    const auto loose = cli(s_demo, {"lint", "--json", "--min-overlap", "0.6"});
    bool oldOne = false;
    for (const auto &g : groups(json(loose), "meaning"))
        for (const auto &n : names(g))
            if (n == "Add To Cart Click (old)") oldOne = true; // deprecated, but it still answers
    EXPECT_TRUE(oldOne) << loose.out;
}

TEST_F(LintCommand, FixPreviewsThenAppliesAllRenamesWhichCanBeUndone)
{
    const std::string store = copyOfDemo();
    ASSERT_EQ(cli(store, {"convention", "set", "--preset", "segment"}).exitCode, 0);
    const auto before = cli(store, {"lint", "--json"});
    const auto beforeViolations = json(before).object()["violations"].toArray().size();
    const std::int64_t cartClicks = total(store, "clicked_add_to_cart");

    // Preview only: nothing changes, exit 1.
    const auto preview = cli(store, {"lint", "--fix"});
    EXPECT_EQ(preview.exitCode, 1) << preview.err;
    EXPECT_NE(preview.out.find("Convention: segment"), std::string::npos) << "the stored convention is used";
    EXPECT_NE(preview.out.find("Suggested renames ("), std::string::npos) << preview.out;
    EXPECT_NE(preview.out.find("  'clicked_add_to_cart' → 'Add to Cart Clicked'\n"), std::string::npos)
        << preview.out;
    // A suggestion that is another definition's name is skipped and said so.
    EXPECT_NE(
        preview.out.find("'order_completed' → 'Order Completed': that is the name of another definition"),
        std::string::npos)
        << preview.out;
    EXPECT_NE(preview.out.find("Nothing was changed"), std::string::npos);
    EXPECT_EQ(cli(store, {"lint", "--json"}).out, before.out);

    // Applied, in one go, recorded in the history.
    const auto fixed = test::runProcess({"/usr/bin/env", "HINDSIGHT_ACTOR=lint-bot", test::kCliPath,
                                         "--store", store, "lint", "--fix", "--yes"});
    EXPECT_EQ(fixed.exitCode, 1) << fixed.err << fixed.out; // missing owners and descriptions remain
    EXPECT_NE(fixed.out.find("in one change"), std::string::npos) << fixed.out;
    const auto after = cli(store, {"lint", "--json"});
    EXPECT_LT(json(after).object()["violations"].toArray().size(), beforeViolations);
    EXPECT_TRUE(findGroup(groups(json(after), "meaning"), {"Add to Cart Clicked", "Cart Item Added"}))
        << "duplicates by meaning are found under the new names" << after.out;

    auto history = cli(store, {"definitions", "history", "clicked_add_to_cart", "--json"});
    ASSERT_EQ(history.exitCode, 0) << history.err;
    auto versions = json(history).array();
    ASSERT_EQ(versions.size(), 2);
    EXPECT_EQ(versions[1].toObject()["action"].toString(), "rename");
    EXPECT_EQ(versions[1].toObject()["actor"].toString(), "lint-bot");
    EXPECT_TRUE(versions[1].toObject()["reason"].toString().startsWith("hindsight lint --fix"));

    // Old names still resolve, to the same answers.
    EXPECT_EQ(total(store, "clicked_add_to_cart"), cartClicks);
    EXPECT_EQ(total(store, "Add to Cart Clicked"), cartClicks);

    // Undo: rename back; the new name stays as an alias, the old one is the name again.
    const auto undo =
        cli(store, {"rename", "Add to Cart Clicked", "clicked_add_to_cart", "--reason", "undo"});
    EXPECT_EQ(undo.exitCode, 0) << undo.err;
    const auto show = cli(store, {"definitions", "show", "clicked_add_to_cart", "--json"});
    EXPECT_EQ(json(show).object()["name"].toString(), "clicked_add_to_cart");
    EXPECT_EQ(total(store, "Add to Cart Clicked"), cartClicks);
    history = cli(store, {"definitions", "history", "clicked_add_to_cart", "--json"});
    versions = json(history).array();
    ASSERT_EQ(versions.size(), 3);
    EXPECT_EQ(versions[2].toObject()["reason"].toString(), "undo");
}

TEST_F(LintCommand, MergeJoinsDuplicatesKeepsOldNamesAndCanBeUndone)
{
    const std::string store = copyOfDemo();
    const std::int64_t pay = total(store, "Checkout - Click Pay Now");
    auto r = cli(store, {"merge", "Checkout - Click Pay Now", "Pay button", "--reason", "same button"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("These names now resolve to it: 'Pay button'"), std::string::npos) << r.out;
    EXPECT_EQ(total(store, "Pay button"), pay);
    EXPECT_EQ(total(store, "pay BUTTON"), pay);
    EXPECT_FALSE(findGroup(groups(json(cli(store, {"lint", "--json"})), "meaning"),
                           {"Checkout - Click Pay Now", "Pay button"}));
    auto history = json(cli(store, {"definitions", "history", "Checkout - Click Pay Now", "--json"})).array();
    ASSERT_EQ(history.size(), 2);
    EXPECT_EQ(history[1].toObject()["action"].toString(), "merge");
    EXPECT_EQ(history[1].toObject()["reason"].toString(),
              "same button (merged 'Pay button' into this definition)");

    r = cli(store, {"merge", "--undo", "Pay button"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("Took 'Pay button' back out of 'Checkout - Click Pay Now'; it is draft again."),
              std::string::npos)
        << r.out;
    const auto show = json(cli(store, {"definitions", "show", "Pay button", "--json"})).object();
    EXPECT_EQ(show["name"].toString(), "Pay button");
    EXPECT_EQ(show["status"].toString(), "draft");

    // Into a combo: the members stay, and the combo is not a duplicate of its own members.
    r = cli(store, {"merge", "Cart - Add Item", "clicked_add_to_cart", "--combo", "Cart - Add Item (Any)"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(total(store, "Cart - Add Item (Any)"), total(store, "Cart - Add Item"));
    const auto lint = json(cli(store, {"lint", "--json"}));
    for (const auto &g : groups(lint, "meaning"))
        for (const auto &n : names(g))
            EXPECT_NE(n, "Cart - Add Item (Any)");
    EXPECT_TRUE(findGroup(groups(lint, "meaning"), {"Cart - Add Item", "clicked_add_to_cart"}));

    // Refusals.
    r = cli(store, {"merge", "Cart - Add Item", "no such thing"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("no definition named 'no such thing'"), std::string::npos) << r.err;
    r = cli(store, {"merge", "Cart - Add Item", "Any Purchase Intent"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("is a combo but"), std::string::npos) << r.err;
    EXPECT_EQ(cli(store, {"merge", "Cart - Add Item"}).exitCode, 2);
}

TEST_F(LintCommand, RenameShortcut)
{
    const std::string store = copyOfDemo();
    auto r = cli(store, {"rename", "Pay button", "Checkout - Click Pay Button", "--reason", "convention"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("Renamed 'Pay button' to 'Checkout - Click Pay Button'"), std::string::npos)
        << r.out;
    EXPECT_EQ(total(store, "Pay button"), total(store, "Checkout - Click Pay Button"));
    r = cli(store, {"rename", "Checkout - Click Pay Button", "Order Completed"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("already exists"), std::string::npos) << r.err;
    r = cli(store, {"rename", "nope", "x"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(cli(store, {"rename", "only-one"}).exitCode, 2);
}

TEST_F(LintCommand, WorkspaceStoresItsConvention)
{
    const std::string store = copyOfDemo();
    auto r = cli(store, {"convention", "show"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("Convention: heap"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("(default: the workspace stores none)"), std::string::npos) << r.out;

    const std::string file = m_dir.write("shop.json", R"({"extends": "snake_case", "id": "shop"})");
    ASSERT_EQ(cli(store, {"convention", "set", "--file", file}).exitCode, 0);
    r = cli(store, {"convention", "show", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(json(r).object()["id"].toString(), "shop");
    r = cli(store, {"lint", "--no-meaning"});
    EXPECT_NE(r.out.find("Convention: shop (object_action), the workspace's convention"), std::string::npos)
        << r.out;
    // --preset wins over the stored convention.
    r = cli(store, {"lint", "--no-meaning", "--preset", "heap"});
    EXPECT_NE(r.out.find("Convention: heap"), std::string::npos) << r.out;

    // A bad file is refused with the JSON path, and the stored convention stays.
    const std::string bad = m_dir.write("bad.json", R"({"extends": "heap", "segmnts": []})");
    r = cli(store, {"convention", "set", "--file", bad});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("$.segmnts: unknown key"), std::string::npos) << r.err;
    EXPECT_EQ(json(cli(store, {"convention", "show", "--json"})).object()["id"].toString(), "shop");
    EXPECT_EQ(cli(store, {"convention", "set", "--preset", "nope"}).exitCode, 2);
    EXPECT_EQ(cli(store, {"convention", "set"}).exitCode, 2);

    ASSERT_EQ(cli(store, {"convention", "reset"}).exitCode, 0);
    EXPECT_NE(cli(store, {"convention", "show"}).out.find("(default: the workspace stores none)"),
              std::string::npos);
}

TEST_F(LintCommand, DefinitionsFileWithoutAnyWorkspace)
{
    const std::string missingStore = m_dir.file("nowhere/none.hindsight");
    const std::string file = m_dir.write("defs.json", R"({"hindsight_definitions": 1, "definitions": [
      {"name": "Order Completed", "description": "d", "owner": "o", "category": "Checkout",
       "steps": [{"events": ["Order Completed"]}]},
      {"name": "order_completed", "steps": [{"events": ["Order Completed"]}]},
      {"name": "Clicked Button", "description": "d", "owner": "o", "category": "Misc",
       "steps": [{"events": ["click"], "selector": "button"}]}
    ]})");
    auto r = cli(missingStore, {"lint", "--definitions", file, "--preset", "segment", "--json"});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    const auto doc = json(r);
    EXPECT_TRUE(groups(doc, "meaning").empty());
    EXPECT_TRUE(findGroup(groups(doc, "name"), {"Order Completed", "order_completed"})) << r.out;
    bool swapped = false;
    for (const auto &v : doc.object()["violations"].toArray())
        if (v.toObject()["definition"] == "Clicked Button" && v.toObject()["rule"] == "word-order")
            swapped = v.toObject()["suggestion"].toString() == "Button Clicked";
    EXPECT_TRUE(swapped) << r.out;
    EXPECT_FALSE(std::filesystem::exists(missingStore)) << "no workspace is created";

    const std::string clean = m_dir.write("clean.json", R"({"hindsight_definitions": 1, "definitions": [
      {"name": "Order Completed", "description": "d", "owner": "o", "category": "Checkout",
       "steps": [{"events": ["Order Completed"]}]}]})");
    r = cli(missingStore, {"lint", "--definitions", clean, "--preset", "segment"});
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("Clean: no violations, no duplicates by name."), std::string::npos) << r.out;
    r = cli(missingStore, {"lint", "--definitions", clean, "--preset", "segment", "--json"});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_EQ(r.out, "{\"violations\": [],\n \"duplicates\": []}\n");

    const std::string broken =
        m_dir.write("broken.json", R"({"hindsight_definitions": 1, "definitions": [{"nme": "x"}]})");
    r = cli(missingStore, {"lint", "--definitions", broken});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("definitions[0]"), std::string::npos) << r.err;
    EXPECT_EQ(cli(missingStore, {"lint", "--definitions", m_dir.file("absent.json")}).exitCode, 2);
}

TEST_F(LintCommand, UsageErrors)
{
    for (const std::vector<std::string> &args : std::vector<std::vector<std::string>>{
             {"lint", "--yes"},
             {"lint", "--preset", "heap", "--conventions", "x.json"},
             {"lint", "--preset", "camel"},
             {"lint", "--min-overlap", "1.5"},
             {"lint", "--min-overlap", "abc"},
             {"lint", "--fix", "--json"},
             {"lint", "--fix", "--definitions", "x.json"},
             {"lint", "extra"},
             {"lint", "--conventions", "/nonexistent/conv.json", "--no-meaning"},
         }) {
        const auto r = cli(s_demo, args);
        EXPECT_EQ(r.exitCode, 2) << args.back() << ": " << r.out;
        EXPECT_NE(r.err.find("hindsight lint: "), std::string::npos) << r.err;
    }
    EXPECT_EQ(cli(m_dir.file("missing.hindsight"), {"lint"}).exitCode, 2);
}

} // namespace
