// Catalog::renameMany, merge and unmerge: many renames in one transaction, duplicates merged
// into one definition or a combo, and the undo of each.
#include "core/definitions/catalog.h"
#include "core/definitions/definitionjson.h"
#include "core/definitions/workspacesettings.h"
#include "core/naming/conventionjson.h"
#include "core/naming/conventionpresets.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "tests/support/tempdir.h"

#include <gtest/gtest.h>

using namespace hindsight;
using namespace hindsight::definitions;

namespace {

constexpr std::int64_t kT0 = 1709287200000; // 2024-03-01T10:00:00Z

Change by(std::string actor, std::int64_t atMs, std::string reason = {})
{
    return Change{std::move(actor), std::move(reason), atMs};
}

Step clickOn(std::string selector)
{
    Step s;
    s.eventTypes = {"click"};
    s.selector = std::move(selector);
    return s;
}

Definition clicks(std::string name, std::string selector)
{
    Definition d;
    d.name = std::move(name);
    d.steps.push_back(clickOn(std::move(selector)));
    return d;
}

Definition comboOf(std::string name, std::vector<std::string> members)
{
    Definition d;
    d.name = std::move(name);
    d.combo = std::move(members);
    return d;
}

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

    void create(Definition d, std::int64_t at = kT0)
    {
        const auto r = catalog->create(std::move(d), by("ana", at));
        ASSERT_TRUE(r) << r.error;
    }

    /// Every catalog row, to check that a refused change left everything as it was.
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

    std::vector<std::string> actions(const std::string &name)
    {
        std::vector<std::string> out;
        const auto h = catalog->history(name);
        if (h)
            for (const auto &e : *h)
                out.push_back(e.action);
        return out;
    }
};

// ---- renameMany ----

TEST(CatalogRenameMany, AppliesEveryRenameInOneGoWithHistoryAndAliases)
{
    Workspace w;
    w.create(clicks("clicked_pay", "#pay"));
    w.create(clicks("cart viewed", "#cart"));
    w.create(clicks("Signup", "#signup"));
    const auto r = w.catalog->renameMany(
        {{"clicked_pay", "Pay Clicked"}, {"CART VIEWED", "Cart Viewed"}, {"Signup", "Signup"}},
        by("lint", kT0 + 10, "naming convention"));
    ASSERT_TRUE(r) << r.error;
    ASSERT_EQ(r.definitions.size(), 3u);
    EXPECT_EQ(r.definitions[0].name, "Pay Clicked");
    EXPECT_EQ(r.definitions[1].name, "Cart Viewed");
    EXPECT_EQ(r.changed, (std::vector<bool>{true, true, false}));

    EXPECT_EQ(w.catalog->find("clicked_pay")->name, "Pay Clicked");
    EXPECT_EQ(w.catalog->aliases("Pay Clicked"), std::vector<std::string>{"clicked_pay"});
    // Only the case changed: no alias (names compare ignoring case), but still a new version.
    EXPECT_TRUE(w.catalog->aliases("Cart Viewed").empty());
    const auto history = w.catalog->history("Pay Clicked");
    ASSERT_EQ(history->size(), 2u);
    EXPECT_EQ(history->back().action, "rename");
    EXPECT_EQ(history->back().actor, "lint");
    EXPECT_EQ(history->back().reason, "naming convention");
    EXPECT_EQ(w.actions("Signup"), std::vector<std::string>{"create"}) << "an unchanged name writes nothing";
}

TEST(CatalogRenameMany, OneBadRenameRefusesAllOfThem)
{
    Workspace w;
    w.create(clicks("clicked_pay", "#pay"));
    w.create(clicks("cart viewed", "#cart"));
    w.create(clicks("Order Completed", "#done"));
    ASSERT_TRUE(w.catalog->rename("Order Completed", "Order Done", by("ana", kT0 + 1)));
    const std::string before = w.dump();

    // Another definition's current name.
    auto r = w.catalog->renameMany({{"clicked_pay", "Pay Clicked"}, {"cart viewed", "order done"}},
                                   by("lint", kT0 + 5));
    EXPECT_FALSE(r);
    EXPECT_NE(r.error.find(
                  "rename of 'cart viewed' to 'order done': a definition named 'Order Done' already exists"),
              std::string::npos)
        << r.error;
    EXPECT_EQ(w.dump(), before);

    // Another definition's former name.
    r = w.catalog->renameMany({{"clicked_pay", "Pay Clicked"}, {"cart viewed", "Order Completed"}},
                              by("lint", kT0 + 5));
    EXPECT_FALSE(r);
    EXPECT_NE(r.error.find("is a former name of 'Order Done'"), std::string::npos) << r.error;
    EXPECT_EQ(w.dump(), before);

    // Two renames to the same name, the same definition twice, an unknown name, a bad name.
    r = w.catalog->renameMany({{"clicked_pay", "Clicked"}, {"cart viewed", "clicked"}}, by("lint", kT0 + 5));
    EXPECT_FALSE(r);
    EXPECT_NE(r.error.find("rename of 'cart viewed' to 'clicked'"), std::string::npos) << r.error;
    r = w.catalog->renameMany({{"clicked_pay", "A"}, {"CLICKED_PAY", "B"}}, by("lint", kT0 + 5));
    EXPECT_FALSE(r);
    EXPECT_NE(r.error.find("renamed twice"), std::string::npos) << r.error;
    r = w.catalog->renameMany({{"clicked_pay", "A"}, {"nope", "B"}}, by("lint", kT0 + 5));
    EXPECT_FALSE(r);
    EXPECT_NE(r.error.find("no definition named 'nope'"), std::string::npos) << r.error;
    r = w.catalog->renameMany({{"clicked_pay", "A"}, {"cart viewed", "  "}}, by("lint", kT0 + 5));
    EXPECT_FALSE(r);
    EXPECT_EQ(w.dump(), before);
}

TEST(CatalogRenameMany, RenamingBackIsTheUndoAndDropsTheAlias)
{
    Workspace w;
    w.create(clicks("clicked_pay", "#pay"));
    w.create(clicks("cart viewed", "#cart"));
    ASSERT_TRUE(w.catalog->renameMany({{"clicked_pay", "Pay Clicked"}, {"cart viewed", "Cart Viewed Page"}},
                                      by("lint", kT0 + 1)));
    ASSERT_TRUE(w.catalog->renameMany({{"Pay Clicked", "clicked_pay"}, {"Cart Viewed Page", "cart viewed"}},
                                      by("ana", kT0 + 2, "undo")));
    EXPECT_EQ(w.catalog->aliases("clicked_pay"), std::vector<std::string>{"Pay Clicked"});
    EXPECT_EQ(w.catalog->find("clicked_pay")->name, "clicked_pay");
    EXPECT_EQ(w.catalog->find("pay clicked")->name, "clicked_pay") << "the undone name still resolves";
    EXPECT_EQ(w.actions("clicked_pay"), (std::vector<std::string>{"create", "rename", "rename"}));
    EXPECT_EQ(
        w.store->db().scalar(
            "SELECT count(*) FROM definition_aliases WHERE alias_key IN ('clicked_pay', 'cart viewed')"),
        0);
}

TEST(CatalogRenameMany, CombosShowTheNewNamesOfTheirMembers)
{
    Workspace w;
    w.create(clicks("a_clicked", "#a"));
    w.create(clicks("b_clicked", "#b"));
    w.create(comboOf("Either", {"a_clicked", "b_clicked"}));
    ASSERT_TRUE(
        w.catalog->renameMany({{"a_clicked", "A Clicked"}, {"b_clicked", "B Clicked"}}, by("lint", kT0 + 1)));
    EXPECT_EQ(w.catalog->find("Either")->combo, (std::vector<std::string>{"A Clicked", "B Clicked"}));
}

// ---- merge into the target ----

TEST(CatalogMerge, SourcesStepsJoinTheTargetAndTheirNamesResolveToIt)
{
    Workspace w;
    w.create(clicks("Checkout - Click Pay Now", "#pay-now"));
    Definition payButton = clicks("Pay button", "button.btn-primary");
    payButton.steps.push_back(clickOn("#pay-now")); // already in the target: not repeated
    w.create(payButton);
    w.create(clicks("pay_clicked", "#pay"));
    ASSERT_TRUE(w.catalog->rename("pay_clicked", "Pay Clicked", by("ana", kT0 + 1)));

    const auto r = w.catalog->merge("checkout - click pay now", {"Pay button", "pay_clicked"},
                                    MergeMode::IntoTarget, by("bo", kT0 + 100, "duplicates by meaning"));
    ASSERT_TRUE(r) << r.error;
    EXPECT_EQ(r.stepsAdded, 2u);
    EXPECT_EQ(r.target.name, "Checkout - Click Pay Now");
    EXPECT_EQ(r.target.steps,
              (std::vector<Step>{clickOn("#pay-now"), clickOn("button.btn-primary"), clickOn("#pay")}));
    EXPECT_EQ(r.names, (std::vector<std::string>{"Pay button", "Pay Clicked", "pay_clicked"}));

    // Every name of the sources now finds the target.
    for (const char *name : {"Pay button", "PAY CLICKED", "pay_clicked"})
        EXPECT_EQ(w.catalog->find(name)->name, "Checkout - Click Pay Now") << name;
    // The sources are archived under tombstone names, their history kept and extended.
    ASSERT_EQ(r.sources.size(), 2u);
    const auto archived = w.catalog->findById(r.sources[0].id);
    ASSERT_TRUE(archived);
    EXPECT_EQ(archived->name, "Pay button [merged #2]");
    EXPECT_EQ(archived->status, DefinitionStatus::Archived);
    EXPECT_EQ(archived->steps, payButton.steps);
    EXPECT_EQ(w.actions("Pay button [merged #2]"), (std::vector<std::string>{"create", "merge"}));
    const auto sourceHistory = w.catalog->history("Pay button [merged #2]");
    EXPECT_EQ(sourceHistory->back().reason, "duplicates by meaning (merged into 'Checkout - Click Pay Now')");
    const auto targetHistory = w.catalog->history("Checkout - Click Pay Now");
    ASSERT_EQ(targetHistory->size(), 2u);
    EXPECT_EQ(targetHistory->back().action, "merge");
    EXPECT_EQ(targetHistory->back().actor, "bo");
    EXPECT_EQ(targetHistory->back().reason,
              "duplicates by meaning (merged 'Pay button' and 'Pay Clicked' into this definition)");
    EXPECT_EQ(w.catalog->aliases("Checkout - Click Pay Now"),
              (std::vector<std::string>{"pay_clicked", "Pay Clicked", "Pay button"}));
}

TEST(CatalogMerge, TargetGetsAMergeVersionEvenWhenNothingIsAdded)
{
    Workspace w;
    w.create(clicks("Order Completed", "#done"));
    w.create(clicks("order_completed", "#done"));
    const auto r =
        w.catalog->merge("Order Completed", {"order_completed"}, MergeMode::IntoTarget, by("bo", kT0 + 1));
    ASSERT_TRUE(r) << r.error;
    EXPECT_EQ(r.stepsAdded, 0u);
    EXPECT_EQ(r.target.version, 2);
    EXPECT_EQ(w.actions("Order Completed"), (std::vector<std::string>{"create", "merge"}));
    EXPECT_EQ(w.catalog->find("order_completed")->name, "Order Completed");
}

TEST(CatalogMerge, CombosThatContainedASourceContainTheTarget)
{
    Workspace w;
    w.create(clicks("Cart - Add Item", "#add"));
    w.create(clicks("clicked_add_to_cart", "#add-to-cart"));
    w.create(clicks("Checkout", "#checkout"));
    w.create(comboOf("Intent", {"clicked_add_to_cart", "Checkout"}));
    w.create(comboOf("Both", {"Cart - Add Item", "clicked_add_to_cart"}));
    const auto r = w.catalog->merge("Cart - Add Item", {"clicked_add_to_cart"}, MergeMode::IntoTarget,
                                    by("bo", kT0 + 1));
    ASSERT_TRUE(r) << r.error;
    EXPECT_EQ(r.combos, (std::vector<std::string>{"Intent", "Both"}));
    EXPECT_EQ(w.catalog->find("Intent")->combo, (std::vector<std::string>{"Cart - Add Item", "Checkout"}));
    EXPECT_EQ(w.catalog->find("Both")->combo, std::vector<std::string>{"Cart - Add Item"});
    EXPECT_EQ(w.actions("Intent"), (std::vector<std::string>{"create", "merge"}));
}

TEST(CatalogMerge, RefusalsLeaveTheCatalogAsItWas)
{
    Workspace w;
    w.create(clicks("A", "#a"));
    w.create(clicks("B", "#b"));
    w.create(comboOf("C", {"A"}));
    const std::string before = w.dump();
    struct Case
    {
        std::string target;
        std::vector<std::string> sources;
        std::string error;
    };
    for (const Case &c : std::vector<Case>{
             {"A", {}, "nothing to merge"},
             {"A", {"a"}, "is the target 'A' itself"},
             {"A", {"B", "b"}, "listed twice"},
             {"A", {"Nope"}, "no definition named 'Nope'"},
             {"Nope", {"B"}, "no definition named 'Nope'"},
             {"A", {"C"}, "'C' is a combo but 'A' has criteria"},
         }) {
        const auto r = w.catalog->merge(c.target, c.sources, MergeMode::IntoTarget, by("bo", kT0 + 1));
        EXPECT_FALSE(r);
        EXPECT_NE(r.error.find(c.error), std::string::npos) << r.error;
        EXPECT_EQ(w.dump(), before);
    }
    const auto noActor = w.catalog->merge("A", {"B"}, MergeMode::IntoTarget, by("", kT0 + 1));
    EXPECT_FALSE(noActor);
    EXPECT_EQ(w.dump(), before);
}

TEST(CatalogMerge, CombosMergeTheirMembers)
{
    Workspace w;
    for (const char *n : {"A", "B", "C"})
        w.create(clicks(n, std::string("#") + n));
    w.create(comboOf("AB", {"A", "B"}));
    w.create(comboOf("BC", {"B", "C"}));
    const auto r = w.catalog->merge("AB", {"BC"}, MergeMode::IntoTarget, by("bo", kT0 + 1));
    ASSERT_TRUE(r) << r.error;
    EXPECT_EQ(r.target.combo, (std::vector<std::string>{"A", "B", "C"}));
    EXPECT_EQ(w.catalog->find("BC")->name, "AB");
}

TEST(CatalogMerge, LongNamesGetATombstoneWithinTheLengthLimit)
{
    Workspace w;
    w.create(clicks("Target", "#t"));
    const std::string longName = std::string(190, 'x') + "ü";
    w.create(clicks(longName, "#s"));
    const auto r = w.catalog->merge("Target", {longName}, MergeMode::IntoTarget, by("bo", kT0 + 1));
    ASSERT_TRUE(r) << r.error;
    EXPECT_EQ(r.sources.front().name, std::string(188, 'x') + " [merged #2]"); // 200 characters
    EXPECT_EQ(w.catalog->find(longName)->name, "Target");
}

// ---- merge into a combo ----

TEST(CatalogMerge, IntoANewOrExistingCombo)
{
    Workspace w;
    w.create(clicks("Add To Cart", "#add"));
    w.create(clicks("Quick Add", "#quick"));
    w.create(clicks("Wishlist Add", "#wish"));
    auto r = w.catalog->merge("Any Add", {"Add To Cart", "quick add"}, MergeMode::IntoCombo,
                              by("bo", kT0 + 1, "one chart"));
    ASSERT_TRUE(r) << r.error;
    EXPECT_TRUE(r.changed);
    EXPECT_EQ(r.target.combo, (std::vector<std::string>{"Add To Cart", "Quick Add"}));
    EXPECT_EQ(r.target.description, "Any of 'Add To Cart' and 'Quick Add'.");
    EXPECT_EQ(w.actions("Any Add"), std::vector<std::string>{"merge"});
    EXPECT_EQ(w.catalog->history("Any Add")->front().reason,
              "one chart (merged 'Add To Cart' and 'Quick Add' into this combo)");
    // The members stay as they were.
    EXPECT_EQ(w.actions("Add To Cart"), std::vector<std::string>{"create"});

    r = w.catalog->merge("Any Add", {"Quick Add", "Wishlist Add"}, MergeMode::IntoCombo, by("bo", kT0 + 2));
    ASSERT_TRUE(r) << r.error;
    EXPECT_EQ(r.stepsAdded, 1u);
    EXPECT_EQ(r.target.combo, (std::vector<std::string>{"Add To Cart", "Quick Add", "Wishlist Add"}));
    r = w.catalog->merge("Any Add", {"Quick Add"}, MergeMode::IntoCombo, by("bo", kT0 + 3));
    ASSERT_TRUE(r) << r.error;
    EXPECT_FALSE(r.changed);
    EXPECT_EQ(w.catalog->find("Any Add")->version, 2);

    r = w.catalog->merge("Wishlist Add", {"Quick Add"}, MergeMode::IntoCombo, by("bo", kT0 + 4));
    EXPECT_FALSE(r);
    EXPECT_NE(r.error.find("has criteria of its own"), std::string::npos) << r.error;
    r = w.catalog->merge("Any Add", {"Any Add"}, MergeMode::IntoCombo, by("bo", kT0 + 4));
    EXPECT_FALSE(r);
}

// ---- unmerge ----

TEST(CatalogUnmerge, TakesASourceBackOutWithItsNamesStatusAndSteps)
{
    Workspace w;
    w.create(clicks("Checkout - Click Pay Now", "#pay-now"));
    w.create(clicks("pay_clicked", "#pay"));
    ASSERT_TRUE(w.catalog->rename("pay_clicked", "Pay Clicked", by("ana", kT0 + 1)));
    ASSERT_TRUE(w.catalog->setStatus("Pay Clicked", DefinitionStatus::Verified, by("ana", kT0 + 2)));
    w.create(clicks("Pay button", "button.primary"));
    w.create(comboOf("Pay Any", {"Pay Clicked", "Checkout - Click Pay Now"}));
    ASSERT_TRUE(w.catalog->merge("Checkout - Click Pay Now", {"Pay Clicked", "Pay button"},
                                 MergeMode::IntoTarget, by("bo", kT0 + 100)));
    EXPECT_EQ(w.catalog->find("Pay Any")->combo, std::vector<std::string>{"Checkout - Click Pay Now"});

    const auto r = w.catalog->unmerge("pay clicked", by("cy", kT0 + 200, "not the same button"));
    ASSERT_TRUE(r) << r.error;
    ASSERT_EQ(r.sources.size(), 1u);
    EXPECT_EQ(r.sources.front().name, "Pay Clicked");
    EXPECT_EQ(r.sources.front().status, DefinitionStatus::Verified);
    EXPECT_EQ(w.catalog->find("pay_clicked")->name, "Pay Clicked") << "its older alias comes back too";
    EXPECT_EQ(w.catalog->aliases("Pay Clicked"), std::vector<std::string>{"pay_clicked"})
        << "the archived name does not linger";
    // The target loses the step that came with it, keeps the other source's step.
    EXPECT_EQ(r.target.steps, (std::vector<Step>{clickOn("#pay-now"), clickOn("button.primary")}));
    EXPECT_EQ(w.catalog->find("Pay button")->name, "Checkout - Click Pay Now")
        << "the other source stays merged";
    EXPECT_EQ(w.catalog->find("Pay Any")->combo,
              (std::vector<std::string>{"Pay Clicked", "Checkout - Click Pay Now"}));
    EXPECT_EQ(w.actions("Pay Clicked"),
              (std::vector<std::string>{"create", "rename", "status", "merge", "unmerge"}));
    EXPECT_EQ(w.actions("Checkout - Click Pay Now"),
              (std::vector<std::string>{"create", "merge", "unmerge"}));
    EXPECT_EQ(w.catalog->history("Pay Clicked")->back().actor, "cy");

    // Twice is refused.
    const auto again = w.catalog->unmerge("Pay Clicked", by("cy", kT0 + 300));
    EXPECT_FALSE(again);
    EXPECT_NE(again.error.find("no merged definition named 'Pay Clicked'"), std::string::npos) << again.error;

    // The other one, by its archived name; the target changed since, so its steps stay.
    ASSERT_TRUE(w.catalog->update("Checkout - Click Pay Now",
                                  clicks("Checkout - Click Pay Now", "#pay-now, button.primary"),
                                  by("ana", kT0 + 400)));
    const auto tomb = w.catalog->findById(3);
    ASSERT_TRUE(tomb);
    const auto second = w.catalog->unmerge(tomb->name, by("cy", kT0 + 500));
    ASSERT_TRUE(second) << second.error;
    EXPECT_EQ(second.sources.front().name, "Pay button");
    ASSERT_EQ(second.notes.size(), 1u);
    EXPECT_NE(second.notes.front().find("changed since the merge"), std::string::npos);
    EXPECT_EQ(w.catalog->find("Pay button")->status, DefinitionStatus::Draft);
}

// ---- workspace settings ----

TEST(WorkspaceSettings, StoresAndRemovesValues)
{
    Workspace w;
    WorkspaceSettings settings(*w.store);
    std::string error;
    EXPECT_FALSE(settings.get(kNamingConventionSetting, &error));
    EXPECT_TRUE(error.empty());
    ASSERT_TRUE(settings.set(kNamingConventionSetting, R"({"extends": "segment"})", &error)) << error;
    EXPECT_EQ(settings.get(kNamingConventionSetting), R"({"extends": "segment"})");
    ASSERT_TRUE(settings.set(kNamingConventionSetting, R"({"extends": "heap"})", &error)) << error;
    EXPECT_EQ(settings.get(kNamingConventionSetting), R"({"extends": "heap"})");
    ASSERT_TRUE(settings.remove(kNamingConventionSetting, &error));
    EXPECT_FALSE(settings.get(kNamingConventionSetting));

    const std::string path = w.store->path();
    ASSERT_TRUE(settings.set("x", "1"));
    std::unique_ptr<store::Store> readOnly =
        store::Store::open(path, store::Store::OpenMode::ReadOnly, &error);
    ASSERT_TRUE(readOnly) << error;
    WorkspaceSettings ro(*readOnly);
    EXPECT_EQ(ro.get("x"), "1");
    EXPECT_FALSE(ro.set("x", "2", &error));
    EXPECT_NE(error.find("cannot save the setting 'x'"), std::string::npos) << error;
}

TEST(WorkspaceSettings, StoredConventionIsTheStoredOneOrTheHeapPresetWithTheReason)
{
    Workspace w;
    WorkspaceSettings settings(*w.store);
    const naming::Convention heap = *naming::conventionPreset("heap");
    const naming::Convention segment = *naming::conventionPreset("segment");

    StoredConvention none = readStoredConvention(*w.store);
    EXPECT_TRUE(none.ok());
    EXPECT_FALSE(none.stored);
    EXPECT_TRUE(none.json.empty());
    EXPECT_EQ(none.convention, heap);

    const std::string json = naming::conventionToJson(segment);
    ASSERT_TRUE(settings.set(kNamingConventionSetting, json));
    StoredConvention stored = readStoredConvention(*w.store);
    EXPECT_TRUE(stored.ok());
    EXPECT_TRUE(stored.stored);
    EXPECT_EQ(stored.json, json);
    EXPECT_EQ(stored.convention, segment);

    ASSERT_TRUE(settings.set(kNamingConventionSetting, R"({"extends": "segment", "maxLength": "long"})"));
    StoredConvention broken = readStoredConvention(*w.store);
    EXPECT_FALSE(broken.ok());
    EXPECT_FALSE(broken.stored);
    EXPECT_TRUE(broken.readError.empty());
    ASSERT_FALSE(broken.errors.empty());
    EXPECT_EQ(broken.errors.front().path, "$.maxLength") << broken.errors.front().toString();
    EXPECT_EQ(broken.convention, heap) << "a convention that does not read falls back to the preset";
}

} // namespace
