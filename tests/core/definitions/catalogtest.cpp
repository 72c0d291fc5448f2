#include "core/definitions/catalog.h"

#include "core/definitions/definitionjson.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "tests/support/tempdir.h"
#include "tests/support/testpaths.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <tuple>

using namespace hindsight;
using namespace hindsight::definitions;

namespace {

constexpr std::int64_t kT0 = 1709287200000; // 2024-03-01T10:00:00Z

Change by(std::string actor, std::int64_t atMs, std::string reason = {})
{
    Change c;
    c.actor = std::move(actor);
    c.atMs = atMs;
    c.reason = std::move(reason);
    return c;
}

Definition clicks(std::string name, std::string selector)
{
    Definition d;
    d.name = std::move(name);
    Step s;
    s.eventTypes = {"click"};
    s.selector = std::move(selector);
    d.steps.push_back(std::move(s));
    return d;
}

Definition comboOf(std::string name, std::vector<std::string> members)
{
    Definition d;
    d.name = std::move(name);
    d.combo = std::move(members);
    return d;
}

/// A fresh store file in a temp dir with its catalog.
struct Workspace
{
    test::TempDir dir;
    std::unique_ptr<store::Store> store;
    std::unique_ptr<Catalog> catalog;

    Workspace()
    {
        std::string error;
        store = store::Store::open(dir.file("w.hindsight"), store::Store::OpenMode::CreateIfMissing, &error);
        EXPECT_TRUE(store) << error;
        catalog = std::make_unique<Catalog>(*store);
    }

    std::int64_t count(const std::string &sql) { return store->db().scalar(sql); }

    /// Every catalog row, as text, to check that a refused change left it as it was.
    std::string dump()
    {
        std::string out;
        for (const char *sql :
             {"SELECT * FROM definitions ORDER BY id", "SELECT * FROM definition_history ORDER BY id",
              "SELECT * FROM definition_aliases ORDER BY alias_key",
              "SELECT * FROM definition_members ORDER BY definition, position"}) {
            store::Statement st(store->db(), sql);
            while (st.next()) {
                for (int c = 0; c < st.columnCount(); ++c)
                    out += std::string(st.isNull(c) ? "NULL" : st.text(c)) + "|";
                out += "\n";
            }
            out += "--\n";
        }
        return out;
    }
};

std::vector<std::string> names(const std::vector<Definition> &defs)
{
    std::vector<std::string> out;
    for (const auto &d : defs)
        out.push_back(d.name);
    return out;
}

} // namespace

TEST(Catalog, CreateStoresTheDefinitionWithBookkeepingAndHistory)
{
    Workspace w;
    Definition d = clicks("  Add to cart ", "button.add");
    d.tags = {"core", "cart", "core"};
    d.description = "Product page button";
    d.id = 99; // bookkeeping of the input is ignored
    d.version = 42;
    const auto r = w.catalog->create(d, by("ana", kT0, "first cut"));
    ASSERT_TRUE(r) << r.error;
    EXPECT_TRUE(r.changed);
    EXPECT_EQ(r.definition.name, "Add to cart");
    EXPECT_EQ(r.definition.version, 1);
    EXPECT_NE(r.definition.id, 99);

    const auto found = w.catalog->find("add to CART");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->name, "Add to cart");
    EXPECT_EQ(found->tags, (std::vector<std::string>{"cart", "core"}));
    EXPECT_EQ(found->description, "Product page button");
    EXPECT_EQ(found->steps, d.steps);
    EXPECT_EQ(found->version, 1);
    EXPECT_EQ(found->createdBy, "ana");
    EXPECT_EQ(found->createdMs, kT0);
    EXPECT_EQ(found->changedBy, "ana");
    EXPECT_EQ(found->changedMs, kT0);
    EXPECT_FALSE(found->verifiedMs);

    const auto history = w.catalog->history("Add to cart");
    ASSERT_TRUE(history);
    ASSERT_EQ(history->size(), 1u);
    const HistoryEntry &h = history->front();
    EXPECT_EQ(h.version, 1);
    EXPECT_EQ(h.action, "create");
    EXPECT_EQ(h.actor, "ana");
    EXPECT_EQ(h.atMs, kT0);
    EXPECT_EQ(h.reason, "first cut");
    EXPECT_FALSE(h.beforeJson) << "before is NULL on create";
    EXPECT_EQ(h.afterJson, definitionToCompactJson(*found));
}

TEST(Catalog, NamesAreUniqueIgnoringCase)
{
    Workspace w;
    ASSERT_TRUE(w.catalog->create(clicks("Sign Up", "form#signup"), by("ana", kT0)));
    const auto again = w.catalog->create(clicks("sign up", "form"), by("bo", kT0 + 1));
    EXPECT_FALSE(again);
    EXPECT_NE(again.error.find("a definition named 'Sign Up' already exists"), std::string::npos)
        << again.error;
    EXPECT_FALSE(w.catalog->create(clicks("SIGN UP", "form"), by("bo", kT0 + 1)));
    EXPECT_FALSE(w.catalog->create(clicks("Sign Up ", "form"), by("bo", kT0 + 1))) << "trimmed first";
    ASSERT_TRUE(w.catalog->create(clicks("Ärger", "a"), by("bo", kT0 + 1)));
    EXPECT_FALSE(w.catalog->create(clicks("ärger", "a"), by("bo", kT0 + 1)));
    EXPECT_EQ(w.count("SELECT count(*) FROM definitions"), 2);
}

TEST(Catalog, InvalidDefinitionsAreRefusedNamingTheField)
{
    Workspace w;
    const auto r = w.catalog->create(clicks("Hover", "button:hover"), by("ana", kT0));
    EXPECT_FALSE(r);
    EXPECT_EQ(r.error.find("definition 'Hover': steps[0].selector: invalid selector"), 0u) << r.error;
    EXPECT_NE(r.error.find("(at position 6)"), std::string::npos) << r.error;
    ASSERT_EQ(r.issues.size(), 1u);
    EXPECT_EQ(r.issues[0].position, 6u);

    EXPECT_FALSE(w.catalog->create(clicks("", "a"), by("ana", kT0)));
    const auto noActor = w.catalog->create(clicks("A", "a"), by("", kT0));
    EXPECT_FALSE(noActor);
    EXPECT_NE(noActor.error.find("actor"), std::string::npos);
    EXPECT_EQ(w.count("SELECT count(*) FROM definitions"), 0);
    EXPECT_EQ(w.count("SELECT count(*) FROM definition_history"), 0);
}

TEST(Catalog, UpdateRecordsBeforeAndAfterAndNoOpsRecordNothing)
{
    Workspace w;
    ASSERT_TRUE(w.catalog->create(clicks("Add to cart", "button.add"), by("ana", kT0)));
    const auto v1 = *w.catalog->find("Add to cart");

    Definition edited = clicks("Add to cart", "button.add-to-cart");
    edited.owner = "growth";
    const auto r = w.catalog->update("add to cart", edited, by("bo", kT0 + 1000, "class renamed"));
    ASSERT_TRUE(r) << r.error;
    EXPECT_TRUE(r.changed);
    EXPECT_EQ(r.definition.version, 2);
    const auto v2 = *w.catalog->find("Add to cart");
    EXPECT_EQ(v2.version, 2);
    EXPECT_EQ(v2.owner, "growth");
    EXPECT_EQ(*v2.steps[0].selector, "button.add-to-cart");
    EXPECT_EQ(v2.createdBy, "ana");
    EXPECT_EQ(v2.createdMs, kT0);
    EXPECT_EQ(v2.changedBy, "bo");
    EXPECT_EQ(v2.changedMs, kT0 + 1000);

    auto history = *w.catalog->history("Add to cart");
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history[1].action, "update");
    EXPECT_EQ(history[1].reason, "class renamed");
    ASSERT_TRUE(history[1].beforeJson);
    EXPECT_EQ(*history[1].beforeJson, definitionToCompactJson(v1));
    EXPECT_EQ(history[1].afterJson, definitionToCompactJson(v2));
    EXPECT_EQ(*history[1].beforeJson, history[0].afterJson);

    // The same content again: nothing written, reported unchanged.
    const std::string before = w.dump();
    const auto same = w.catalog->update("Add to cart", edited, by("cy", kT0 + 2000));
    ASSERT_TRUE(same) << same.error;
    EXPECT_FALSE(same.changed);
    EXPECT_EQ(same.definition.version, 2);
    EXPECT_EQ(w.dump(), before);

    const auto missing = w.catalog->update("Nope", edited, by("cy", kT0));
    EXPECT_FALSE(missing);
    EXPECT_EQ(missing.error, "no definition named 'Nope'");

    const auto broken = w.catalog->update("Add to cart", clicks("Add to cart", "a[x=1]"), by("cy", kT0));
    EXPECT_FALSE(broken);
    EXPECT_EQ(w.dump(), before);
}

TEST(Catalog, RenameKeepsTheOldNameAsAnAlias)
{
    Workspace w;
    ASSERT_TRUE(w.catalog->create(clicks("Signup", "form#signup"), by("ana", kT0)));
    ASSERT_TRUE(w.catalog->create(clicks("Checkout", "form#checkout"), by("ana", kT0)));

    auto r = w.catalog->rename("signup", "Sign up", by("bo", kT0 + 1, "naming convention"));
    ASSERT_TRUE(r) << r.error;
    EXPECT_EQ(r.definition.name, "Sign up");
    EXPECT_EQ(r.definition.version, 2);
    EXPECT_EQ(w.catalog->find("SIGNUP")->name, "Sign up") << "the old name resolves";
    EXPECT_EQ(w.catalog->aliases("Sign up"), (std::vector<std::string>{"Signup"}));
    const auto history = *w.catalog->history("signup");
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history[1].action, "rename");
    EXPECT_NE(history[1].beforeJson->find("\"name\":\"Signup\""), std::string::npos);
    EXPECT_NE(history[1].afterJson.find("\"name\":\"Sign up\""), std::string::npos);

    // Names and aliases of other definitions are taken.
    auto clash = w.catalog->rename("Checkout", "sign UP", by("bo", kT0 + 2));
    EXPECT_FALSE(clash);
    EXPECT_NE(clash.error.find("already exists"), std::string::npos) << clash.error;
    clash = w.catalog->rename("Checkout", "signup", by("bo", kT0 + 2));
    EXPECT_FALSE(clash);
    EXPECT_NE(clash.error.find("'signup' is a former name of 'Sign up'"), std::string::npos) << clash.error;
    EXPECT_FALSE(w.catalog->create(clicks("SignUp", "a"), by("bo", kT0 + 2)));

    // A case-only rename adds no alias; renaming back removes the alias.
    r = w.catalog->rename("Sign up", "Sign Up", by("bo", kT0 + 3));
    ASSERT_TRUE(r) << r.error;
    EXPECT_EQ(w.catalog->aliases("Sign Up"), (std::vector<std::string>{"Signup"}));
    r = w.catalog->rename("Sign Up", "Signup", by("bo", kT0 + 4));
    ASSERT_TRUE(r) << r.error;
    EXPECT_EQ(w.catalog->find("signup")->name, "Signup");
    EXPECT_EQ(w.catalog->aliases("Signup"), (std::vector<std::string>{"Sign Up"})) << "as last spelled";
    EXPECT_EQ(w.count("SELECT count(*) FROM definition_aliases"), 1);
    EXPECT_EQ(w.catalog->find("sign up")->name, "Signup");

    // Renaming to the current name changes nothing.
    r = w.catalog->rename("Signup", "Signup", by("bo", kT0 + 5));
    ASSERT_TRUE(r);
    EXPECT_FALSE(r.changed);
    EXPECT_EQ(w.catalog->history("Signup")->size(), 4u);
    EXPECT_FALSE(w.catalog->rename("Nope", "X", by("bo", kT0)));
    const auto empty = w.catalog->rename("Signup", "  ", by("bo", kT0));
    EXPECT_EQ(empty.error, "definition 'Signup': name: is empty; a definition needs a name");
}

TEST(Catalog, UpdateWithANewNameRenamesToo)
{
    Workspace w;
    ASSERT_TRUE(w.catalog->create(clicks("Buy", "button.buy"), by("ana", kT0)));
    const auto r = w.catalog->update("Buy", clicks("Purchase", "button.buy"), by("bo", kT0 + 1));
    ASSERT_TRUE(r) << r.error;
    EXPECT_EQ(w.catalog->find("buy")->name, "Purchase");
    EXPECT_EQ(w.catalog->history("Purchase")->back().action, "update");
}

TEST(Catalog, StatusAndVerification)
{
    Workspace w;
    ASSERT_TRUE(w.catalog->create(clicks("Buy", "button.buy"), by("ana", kT0)));
    auto r =
        w.catalog->setStatus("buy", DefinitionStatus::Verified, by("lead", kT0 + 10, "checked in staging"));
    ASSERT_TRUE(r) << r.error;
    auto d = *w.catalog->find("Buy");
    EXPECT_EQ(d.status, DefinitionStatus::Verified);
    EXPECT_EQ(d.verifiedBy, "lead");
    EXPECT_EQ(d.verifiedMs, kT0 + 10);
    EXPECT_EQ(w.catalog->history("Buy")->back().action, "status");

    // Verifying again changes nothing; an edit keeps the verification.
    EXPECT_FALSE(w.catalog->setStatus("Buy", DefinitionStatus::Verified, by("x", kT0 + 20)).changed);
    Definition edited = d;
    edited.description = "the buy button";
    ASSERT_TRUE(w.catalog->update("Buy", edited, by("bo", kT0 + 30)));
    d = *w.catalog->find("Buy");
    EXPECT_EQ(d.verifiedBy, "lead");
    EXPECT_EQ(d.verifiedMs, kT0 + 10);

    ASSERT_TRUE(w.catalog->setStatus("Buy", DefinitionStatus::Deprecated, by("bo", kT0 + 40)));
    d = *w.catalog->find("Buy");
    EXPECT_EQ(d.status, DefinitionStatus::Deprecated);
    EXPECT_FALSE(d.verifiedMs);
    EXPECT_TRUE(d.verifiedBy.empty());

    ASSERT_TRUE(w.catalog->setStatus("Buy", DefinitionStatus::Archived, by("bo", kT0 + 50)));
    ASSERT_TRUE(w.catalog->create(clicks("Other", "a"), by("bo", kT0 + 60)));
    CatalogFilter archived;
    archived.status = DefinitionStatus::Archived;
    EXPECT_EQ(names(w.catalog->list(archived)), (std::vector<std::string>{"Buy"}));
    EXPECT_EQ(names(w.catalog->list()), (std::vector<std::string>{"Buy", "Other"}));
}

TEST(Catalog, ListFiltersByCategoryAndTagAndSortsByName)
{
    Workspace w;
    Definition a = clicks("beta", "a");
    a.category = "Cart";
    a.tags = {"core"};
    Definition b = clicks("Alpha", "b");
    b.category = "cart";
    Definition c = clicks("gamma", "c");
    c.tags = {"Core", "legacy"};
    for (const auto &d : {a, b, c})
        ASSERT_TRUE(w.catalog->create(d, by("ana", kT0)));
    EXPECT_EQ(names(w.catalog->list()), (std::vector<std::string>{"Alpha", "beta", "gamma"}));
    CatalogFilter cart;
    cart.category = "CART";
    EXPECT_EQ(names(w.catalog->list(cart)), (std::vector<std::string>{"Alpha", "beta"}));
    CatalogFilter core;
    core.tag = "core";
    EXPECT_EQ(names(w.catalog->list(core)), (std::vector<std::string>{"beta", "gamma"}));
}

TEST(Catalog, RestoreBringsBackAnEarlierVersionAsANewOne)
{
    Workspace w;
    Definition v1 = clicks("Buy", "button.buy");
    v1.description = "first";
    ASSERT_TRUE(w.catalog->create(v1, by("ana", kT0)));
    Definition v2 = clicks("Buy", "button.purchase");
    v2.description = "second";
    v2.tags = {"x"};
    ASSERT_TRUE(w.catalog->update("Buy", v2, by("bo", kT0 + 1)));
    ASSERT_TRUE(w.catalog->rename("Buy", "Purchase", by("bo", kT0 + 2)));
    ASSERT_TRUE(w.catalog->setStatus("Purchase", DefinitionStatus::Verified, by("lead", kT0 + 3)));

    const auto r = w.catalog->restore("buy", 1, by("cy", kT0 + 4, "new class broke it"));
    ASSERT_TRUE(r) << r.error;
    EXPECT_TRUE(r.changed);
    const auto d = *w.catalog->find("Purchase");
    EXPECT_EQ(d.version, 5);
    EXPECT_EQ(d.description, "first");
    EXPECT_EQ(*d.steps[0].selector, "button.buy");
    EXPECT_TRUE(d.tags.empty());
    EXPECT_EQ(d.name, "Purchase") << "the current name stays";
    EXPECT_EQ(d.status, DefinitionStatus::Verified) << "the current status stays";
    const auto h = w.catalog->history("Purchase")->back();
    EXPECT_EQ(h.action, "restore");
    EXPECT_EQ(h.version, 5);
    EXPECT_EQ(h.reason, "new class broke it (restored version 1)");

    // Restoring what is already there changes nothing; unknown versions are refused.
    EXPECT_FALSE(w.catalog->restore("Purchase", 1, by("cy", kT0 + 5)).changed);
    const auto bad = w.catalog->restore("Purchase", 9, by("cy", kT0 + 5));
    EXPECT_FALSE(bad);
    EXPECT_NE(bad.error.find("versions 1 to 5"), std::string::npos) << bad.error;
    EXPECT_FALSE(w.catalog->restore("Purchase", 0, by("cy", kT0 + 5)));
    const auto v2Again = w.catalog->restore("Purchase", 2, by("cy", kT0 + 6));
    ASSERT_TRUE(v2Again) << v2Again.error;
    EXPECT_EQ(w.catalog->history("Purchase")->back().reason, "restored version 2");
    EXPECT_EQ(*w.catalog->find("Purchase")->steps[0].selector, "button.purchase");
}

TEST(Catalog, CombosResolveMembersAndSurviveRenames)
{
    Workspace w;
    ASSERT_TRUE(w.catalog->create(clicks("Checkout A", "#a"), by("ana", kT0)));
    ASSERT_TRUE(w.catalog->create(clicks("Checkout B", "#b"), by("ana", kT0)));
    auto r = w.catalog->create(comboOf("Any checkout", {"checkout b", "Checkout A"}), by("ana", kT0));
    ASSERT_TRUE(r) << r.error;
    EXPECT_EQ(r.definition.combo, (std::vector<std::string>{"Checkout B", "Checkout A"}))
        << "members are shown by their current names";

    ASSERT_TRUE(w.catalog->rename("Checkout A", "Express checkout", by("bo", kT0 + 1)));
    auto combo = *w.catalog->find("Any checkout");
    EXPECT_EQ(combo.combo, (std::vector<std::string>{"Checkout B", "Express checkout"}));
    EXPECT_EQ(combo.version, 1) << "a member's rename is not a change of the combo";
    const auto parts = w.catalog->criteriaDefinitions(combo);
    ASSERT_TRUE(parts);
    EXPECT_EQ(names(*parts), (std::vector<std::string>{"Checkout B", "Express checkout"}));

    // Members named by a former name resolve too.
    r = w.catalog->create(comboOf("Checkouts and more", {"Checkout A", "Any checkout"}), by("ana", kT0 + 2));
    ASSERT_TRUE(r) << r.error;
    EXPECT_EQ(r.definition.combo, (std::vector<std::string>{"Express checkout", "Any checkout"}));
    const auto nested = w.catalog->criteriaDefinitions(r.definition);
    ASSERT_TRUE(nested);
    EXPECT_EQ(names(*nested), (std::vector<std::string>{"Express checkout", "Checkout B"}));

    const auto missing = w.catalog->create(comboOf("Broken", {"Checkout B", "Nope"}), by("ana", kT0));
    EXPECT_FALSE(missing);
    EXPECT_EQ(missing.error, "definition 'Broken': combo[1]: no definition named 'Nope'");
    const auto twice =
        w.catalog->create(comboOf("Twice", {"Checkout A", "Express checkout"}), by("ana", kT0));
    EXPECT_FALSE(twice);
    EXPECT_NE(twice.error.find("combo[1]"), std::string::npos) << twice.error;
}

TEST(Catalog, ComboCyclesAndSelfReferencesAreRefused)
{
    Workspace w;
    ASSERT_TRUE(w.catalog->create(clicks("Leaf", "a"), by("ana", kT0)));
    ASSERT_TRUE(w.catalog->create(comboOf("A", {"Leaf"}), by("ana", kT0)));
    ASSERT_TRUE(w.catalog->create(comboOf("B", {"A"}), by("ana", kT0)));
    ASSERT_TRUE(w.catalog->create(comboOf("C", {"B"}), by("ana", kT0)));
    const std::string before = w.dump();

    auto r = w.catalog->update("A", comboOf("A", {"Leaf", "C"}), by("bo", kT0 + 1));
    EXPECT_FALSE(r);
    EXPECT_NE(r.error.find("circle: 'A' → 'C' → 'B' → 'A'"), std::string::npos) << r.error;
    EXPECT_EQ(w.dump(), before);

    r = w.catalog->update("A", comboOf("A", {"a"}), by("bo", kT0 + 1));
    EXPECT_FALSE(r);
    EXPECT_NE(r.error.find("cannot contain itself"), std::string::npos) << r.error;

    // Through a former name.
    ASSERT_TRUE(w.catalog->rename("A", "A2", by("bo", kT0 + 2)));
    r = w.catalog->update("A2", comboOf("A2", {"A"}), by("bo", kT0 + 3));
    EXPECT_FALSE(r);
    EXPECT_NE(r.error.find("cannot contain itself"), std::string::npos) << r.error;
}

TEST(Catalog, ImportAddsChangesAndReportsUnchanged)
{
    Workspace w;
    ASSERT_TRUE(w.catalog->create(clicks("Buy", "button.buy"), by("ana", kT0)));
    ASSERT_TRUE(w.catalog->create(clicks("Keep", "a.keep"), by("ana", kT0)));

    std::vector<Definition> file = {clicks("keep", "a.keep"), clicks("Buy", "button.purchase"),
                                    comboOf("All", {"Buy", "New one"}), clicks("New one", "#new")};
    file[0].name = "Keep"; // the same, by the stored spelling
    const auto report = w.catalog->importDefinitions(file, by("ci", kT0 + 1, "from git"));
    ASSERT_TRUE(report) << report.error;
    EXPECT_EQ(report.added, (std::vector<std::string>{"All", "New one"}));
    EXPECT_EQ(report.changed, (std::vector<std::string>{"Buy"}));
    EXPECT_EQ(report.unchanged, (std::vector<std::string>{"Keep"}));
    EXPECT_EQ(w.catalog->find("All")->combo, (std::vector<std::string>{"Buy", "New one"}));
    const auto buyHistory = *w.catalog->history("Buy");
    ASSERT_EQ(buyHistory.size(), 2u);
    EXPECT_EQ(buyHistory[1].action, "import");
    EXPECT_EQ(buyHistory[1].reason, "from git");
    const auto allHistory = *w.catalog->history("All");
    ASSERT_EQ(allHistory.size(), 1u);
    EXPECT_EQ(allHistory[0].action, "import");
    EXPECT_FALSE(allHistory[0].beforeJson);
    EXPECT_EQ(w.catalog->history("Keep")->size(), 1u);
}

TEST(Catalog, ImportIsAllOrNothingWithJsonPaths)
{
    Workspace w;
    ASSERT_TRUE(w.catalog->create(clicks("Buy", "button.buy"), by("ana", kT0)));
    ASSERT_TRUE(w.catalog->rename("Buy", "Purchase", by("ana", kT0)));
    const std::string before = w.dump();

    auto refused = [&](std::vector<Definition> file, const std::string &expected) {
        const auto report = w.catalog->importDefinitions(std::move(file), by("ci", kT0 + 1));
        EXPECT_FALSE(report);
        EXPECT_NE(report.error.find(expected), std::string::npos) << report.error;
        EXPECT_TRUE(report.added.empty() && report.changed.empty() && report.unchanged.empty());
        EXPECT_EQ(w.dump(), before);
    };
    refused({clicks("Good", "a"), clicks("Purchase", "button.new"), clicks("Bad", "a:hover")},
            "definitions[2].steps[0].selector: invalid selector");
    refused({clicks("Good", "a"), comboOf("Combo", {"Good", "Missing"})},
            "definitions[1].combo[1]: no definition named 'Missing'");
    refused({clicks("Good", "a"), clicks("GOOD", "b")},
            "definitions[1].name: 'GOOD' is already the name of definitions[0]");
    refused({clicks("buy", "a")}, "definitions[0].name: 'buy' is a former name of 'Purchase'");
    refused({comboOf("X", {"Y"}), comboOf("Y", {"X"})},
            "definitions[0].combo: combos may not contain each other");
    const auto noActor = w.catalog->importDefinitions({clicks("Good", "a")}, by("", kT0));
    EXPECT_FALSE(noActor);
    EXPECT_EQ(w.dump(), before);
}

TEST(Catalog, RecentChangesAreTheNewestHistoryEntriesAcrossTheCatalog)
{
    Workspace w;
    EXPECT_TRUE(w.catalog->recentChanges(5)->empty());
    EXPECT_EQ(w.catalog->changeCount(0, kT0), 0);

    // Several definitions, changes interleaved in time, two at the same millisecond.
    ASSERT_TRUE(w.catalog->create(clicks("Pay", "#pay"), by("ana", kT0)));
    ASSERT_TRUE(w.catalog->create(clicks("Add", "#add"), by("bo", kT0 + 10)));
    ASSERT_TRUE(w.catalog->update("Pay", clicks("Pay", "#pay-now"), by("cy", kT0 + 20, "new id")));
    ASSERT_TRUE(w.catalog->create(clicks("Cart", "#cart"), by("ana", kT0 + 30)));
    ASSERT_TRUE(w.catalog->rename("Add", "Add to cart", by("bo", kT0 + 30)));
    ASSERT_TRUE(w.catalog->setStatus("Pay", DefinitionStatus::Verified, by("cy", kT0 + 40)));

    // What the definitions' own histories give, newest first.
    std::vector<std::tuple<std::int64_t, int, std::string, std::string>> expected;
    for (const auto &d : w.catalog->list()) {
        const auto history = w.catalog->history(d.name);
        ASSERT_TRUE(history);
        for (const auto &h : *history)
            expected.emplace_back(h.atMs, h.version, d.name, h.action);
    }
    std::sort(expected.begin(), expected.end(), [](const auto &a, const auto &b) {
        if (std::get<0>(a) != std::get<0>(b)) return std::get<0>(a) > std::get<0>(b);
        if (std::get<1>(a) != std::get<1>(b)) return std::get<1>(a) > std::get<1>(b);
        return std::get<2>(a) < std::get<2>(b);
    });
    ASSERT_EQ(expected.size(), 6u);

    std::string error;
    const auto all = w.catalog->recentChanges(100, &error);
    ASSERT_TRUE(all) << error;
    ASSERT_EQ(all->size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const CatalogChange &c = (*all)[i];
        EXPECT_EQ(std::make_tuple(c.entry.atMs, c.entry.version, c.definition, c.entry.action), expected[i])
            << "entry " << i;
        EXPECT_TRUE(c.entry.afterJson.empty());
    }
    // The rename is listed under the current name, before the creation made at the same
    // millisecond (its version is the higher one).
    EXPECT_EQ((*all)[1].definition, "Add to cart");
    EXPECT_EQ((*all)[1].entry.action, "rename");
    EXPECT_EQ((*all)[2].definition, "Cart");
    EXPECT_EQ((*all)[0].entry.actor, "cy");

    const auto three = w.catalog->recentChanges(3);
    ASSERT_TRUE(three);
    ASSERT_EQ(three->size(), 3u);
    EXPECT_EQ((*three)[2].definition, "Cart");
    EXPECT_TRUE(w.catalog->recentChanges(0)->empty());

    EXPECT_EQ(w.catalog->changeCount(kT0, kT0 + 40), 6);
    EXPECT_EQ(w.catalog->changeCount(kT0 + 10, kT0 + 30), 4) << "both ends count";
    EXPECT_EQ(w.catalog->changeCount(kT0 + 41, kT0 + 1000), 0);
}

TEST(Catalog, ExportImportExportIsByteStable)
{
    Workspace w;
    Definition a = clicks("Add to cart", "button[data-testid=\"add\"]");
    a.tags = {"cart"};
    a.steps[0].url = UrlCriterion{"*/products/*", TextMatchMode::Wildcard, true, UrlScope::Path};
    a.steps[0].properties = {{"plan", PropertyOp::Equals, "pro"}};
    ASSERT_TRUE(w.catalog->create(a, by("ana", kT0)));
    ASSERT_TRUE(w.catalog->create(clicks("checkout", "form#checkout"), by("ana", kT0)));
    ASSERT_TRUE(w.catalog->create(comboOf("Buying", {"checkout", "Add to cart"}), by("ana", kT0)));
    ASSERT_TRUE(w.catalog->setStatus("checkout", DefinitionStatus::Verified, by("lead", kT0 + 1)));
    ASSERT_TRUE(w.catalog->rename("checkout", "Checkout", by("lead", kT0 + 2)));

    for (bool audit : {false, true}) {
        SCOPED_TRACE(audit ? "with audit" : "without audit");
        DefinitionJsonOptions options;
        options.audit = audit;
        const std::string first = definitionsToJsonFile(w.catalog->list(), options);
        EXPECT_EQ(definitionsToJsonFile(w.catalog->list(), options), first);
        EXPECT_NE(first.find("\"combo\": [\"Checkout\", \"Add to cart\"]"), std::string::npos) << first;

        const auto parsed = parseDefinitionFile(first);
        ASSERT_TRUE(parsed.ok()) << parsed.message();
        const std::string before = w.dump();
        const auto report = w.catalog->importDefinitions(parsed.definitions, by("ci", kT0 + 10));
        ASSERT_TRUE(report) << report.error;
        EXPECT_TRUE(report.added.empty());
        EXPECT_TRUE(report.changed.empty());
        EXPECT_EQ(report.unchanged.size(), 3u);
        EXPECT_EQ(w.dump(), before);
        EXPECT_EQ(definitionsToJsonFile(w.catalog->list(), options), first);
    }

    // Into another, empty store: everything added, and the export is the same (without audit).
    Workspace other;
    const std::string exported = definitionsToJsonFile(w.catalog->list());
    const auto report =
        other.catalog->importDefinitions(parseDefinitionFile(exported).definitions, by("ci", kT0));
    ASSERT_TRUE(report) << report.error;
    EXPECT_EQ(report.added.size(), 3u);
    EXPECT_EQ(definitionsToJsonFile(other.catalog->list()), exported);
    EXPECT_EQ(other.catalog->find("Checkout")->verifiedBy, "ci")
        << "imported as verified: the importer verified it";
}

TEST(Catalog, ReadingWorksOnAReadOnlyStoreAndWritingFailsCleanly)
{
    test::TempDir dir;
    const std::string path = dir.file("w.hindsight");
    {
        std::string error;
        auto s = store::Store::open(path, store::Store::OpenMode::CreateIfMissing, &error);
        ASSERT_TRUE(s) << error;
        Catalog c(*s);
        ASSERT_TRUE(c.create(clicks("Buy", "button.buy"), by("ana", kT0)));
    }
    std::string error;
    auto s = store::Store::open(path, store::Store::OpenMode::ReadOnly, &error);
    ASSERT_TRUE(s) << error;
    Catalog c(*s);
    ASSERT_TRUE(c.find("buy"));
    EXPECT_EQ(c.list().size(), 1u);
    const auto r = c.create(clicks("Other", "a"), by("ana", kT0));
    EXPECT_FALSE(r);
    EXPECT_NE(r.error.find("readonly"), std::string::npos) << r.error;
    EXPECT_FALSE(c.find("Other"));
}

TEST(Catalog, DamagedStoredContentIsReportedNotACrash)
{
    Workspace w;
    ASSERT_TRUE(w.catalog->create(clicks("Good", "a"), by("ana", kT0)));
    ASSERT_TRUE(w.catalog->create(clicks("Damaged", "b"), by("ana", kT0)));
    ASSERT_TRUE(w.store->db().exec("UPDATE definitions SET content = '{not json' WHERE name = 'Damaged'"));
    std::string error;
    EXPECT_EQ(names(w.catalog->list({}, &error)), (std::vector<std::string>{"Good"}));
    EXPECT_NE(error.find("'Damaged'"), std::string::npos) << error;
    EXPECT_FALSE(w.catalog->find("Damaged", &error));
    EXPECT_NE(error.find("unreadable stored content"), std::string::npos) << error;
    const auto r = w.catalog->update("Damaged", clicks("Damaged", "c"), by("ana", kT0));
    EXPECT_FALSE(r);
    EXPECT_NE(r.error.find("unreadable"), std::string::npos) << r.error;
}

TEST(Catalog, ImportsAThousandDefinitionsInOneGo)
{
    Workspace w;
    std::vector<Definition> file;
    for (int i = 0; i < 900; ++i) {
        Definition d = clicks("Button " + std::to_string(i), "button[data-id=\"" + std::to_string(i) + "\"]");
        d.tags = {"generated"};
        file.push_back(std::move(d));
    }
    for (int i = 0; i < 100; ++i)
        file.push_back(comboOf("Group " + std::to_string(i),
                               {"Button " + std::to_string(i), "Button " + std::to_string(i + 100),
                                i > 0 ? "Group " + std::to_string(i - 1) : "Button 899"}));
    auto report = w.catalog->importDefinitions(file, by("ci", kT0));
    ASSERT_TRUE(report) << report.error;
    EXPECT_EQ(report.added.size(), 1000u);
    EXPECT_EQ(w.count("SELECT count(*) FROM definition_history"), 1000);
    const auto deepest = w.catalog->criteriaDefinitions(*w.catalog->find("group 99"));
    ASSERT_TRUE(deepest);
    EXPECT_EQ(deepest->size(), 201u) << "Buttons 0-99, 100-199 and 899";

    const std::string exported = definitionsToJsonFile(w.catalog->list());
    report = w.catalog->importDefinitions(parseDefinitionFile(exported).definitions, by("ci", kT0 + 1));
    ASSERT_TRUE(report) << report.error;
    EXPECT_EQ(report.unchanged.size(), 1000u);
    EXPECT_EQ(w.count("SELECT count(*) FROM definition_history"), 1000);

    // Closing the chain of groups into a circle refuses the whole file.
    file[900].combo.back() = "Group 99";
    file.front().description = "changed";
    report = w.catalog->importDefinitions(file, by("ci", kT0 + 2));
    EXPECT_FALSE(report);
    EXPECT_NE(report.error.find("definitions[900].combo: combos may not contain each other in a circle: "
                                "'Group 0' → 'Group 99' → 'Group 98'"),
              std::string::npos)
        << report.error.substr(0, 300);
    EXPECT_TRUE(w.catalog->find("Button 0")->description.empty());
}

TEST(Catalog, WorksInAStoreUpgradedFromVersionOne)
{
    test::TempDir dir;
    const std::string path =
        dir.write("old.hindsight", test::readFile(std::string(test::kSourceDir) +
                                                  "/tests/core/store/fixtures/v1-store.hindsight"));
    std::string error;
    auto s = store::Store::open(path, store::Store::OpenMode::Existing, &error);
    ASSERT_TRUE(s) << error;
    Catalog catalog(*s);
    EXPECT_TRUE(catalog.list().empty());
    ASSERT_TRUE(catalog.create(clicks("Add to cart", "[data-testid=\"add-to-cart\"]"), by("ana", kT0)));
    ASSERT_TRUE(catalog.rename("add to cart", "Cart – add", by("ana", kT0 + 1)));
    EXPECT_EQ(catalog.find("ADD TO CART")->name, "Cart – add");
    EXPECT_EQ(s->stats().interactions, 20) << "the captured data is untouched";
}
