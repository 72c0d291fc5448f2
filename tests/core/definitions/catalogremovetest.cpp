#include "core/definitions/catalog.h"
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

struct RemoveWorkspace
{
    test::TempDir dir;
    std::unique_ptr<store::Store> store;
    std::unique_ptr<Catalog> catalog;

    RemoveWorkspace()
    {
        std::string error;
        store = store::Store::open(dir.file("w.hindsight"), store::Store::OpenMode::CreateIfMissing, &error);
        EXPECT_TRUE(store) << error;
        catalog = std::make_unique<Catalog>(*store);
    }

    std::int64_t count(const std::string &sql) { return store->db().scalar(sql); }

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

} // namespace

TEST(CatalogRemove, DeletesTheDefinitionItsHistoryAndItsFormerNames)
{
    RemoveWorkspace w;
    ASSERT_TRUE(w.catalog->create(clicks("Keep me", "a.keep"), by("ana", kT0)));
    ASSERT_TRUE(w.catalog->create(clicks("Buy", "button.buy"), by("ana", kT0 + 1)));
    ASSERT_TRUE(w.catalog->rename("Buy", "Checkout", by("bo", kT0 + 2)));
    ASSERT_TRUE(w.catalog->setStatus("Checkout", DefinitionStatus::Verified, by("cy", kT0 + 3)));
    ASSERT_EQ(w.count("SELECT count(*) FROM definition_history"), 4);

    const auto r = w.catalog->remove("buy", by("dee", kT0 + 4)); // by its former name, any case
    ASSERT_TRUE(r) << r.error;
    EXPECT_TRUE(r.changed);
    EXPECT_EQ(r.definition.name, "Checkout") << "the result is the definition as it was";
    EXPECT_EQ(r.definition.version, 3);

    EXPECT_FALSE(w.catalog->find("Checkout"));
    EXPECT_FALSE(w.catalog->find("Buy")) << "its former name no longer resolves";
    EXPECT_FALSE(w.catalog->history("Checkout"));
    EXPECT_EQ(w.count("SELECT count(*) FROM definitions"), 1);
    EXPECT_EQ(w.count("SELECT count(*) FROM definition_history"), 1) << "only 'Keep me' has history";
    EXPECT_EQ(w.count("SELECT count(*) FROM definition_aliases"), 0);
    ASSERT_EQ(w.catalog->list().size(), 1u);
    EXPECT_EQ(w.catalog->list().front().name, "Keep me");

    // Both names are free again: a new definition may take them, starting at version 1.
    const auto again = w.catalog->create(clicks("Buy", "#checkout-submit"), by("ana", kT0 + 5));
    ASSERT_TRUE(again) << again.error;
    EXPECT_EQ(again.definition.version, 1);
    const auto history = w.catalog->history("Buy");
    ASSERT_TRUE(history);
    ASSERT_EQ(history->size(), 1u) << "no history of the deleted definition leaks into the new one";
    EXPECT_EQ(history->front().action, "create");
    EXPECT_TRUE(w.catalog->create(clicks("Checkout", "form"), by("ana", kT0 + 6)));
}

TEST(CatalogRemove, UndoesACreateExactly)
{
    RemoveWorkspace w;
    ASSERT_TRUE(w.catalog->create(clicks("Sign up", "form#signup"), by("ana", kT0)));
    ASSERT_TRUE(w.catalog->create(comboOf("Any", {"Sign up"}), by("ana", kT0 + 1)));
    const std::string before = w.dump();

    ASSERT_TRUE(w.catalog->create(clicks("Pay", "button.pay"), by("bo", kT0 + 2)));
    EXPECT_NE(w.dump(), before);
    const auto r = w.catalog->remove("Pay", by("bo", kT0 + 3, "undo"));
    ASSERT_TRUE(r) << r.error;
    EXPECT_EQ(w.dump(), before) << "deleting what was just created leaves the catalog as it was";
}

TEST(CatalogRemove, DeletesACombosOwnMembershipRows)
{
    RemoveWorkspace w;
    ASSERT_TRUE(w.catalog->create(clicks("A", "a"), by("ana", kT0)));
    ASSERT_TRUE(w.catalog->create(clicks("B", "b"), by("ana", kT0)));
    ASSERT_TRUE(w.catalog->create(comboOf("A or B", {"A", "B"}), by("ana", kT0 + 1)));
    ASSERT_EQ(w.count("SELECT count(*) FROM definition_members"), 2);

    const auto r = w.catalog->remove("A or B", by("ana", kT0 + 2));
    ASSERT_TRUE(r) << r.error;
    EXPECT_EQ(w.count("SELECT count(*) FROM definition_members"), 0);
    EXPECT_TRUE(w.catalog->find("A")) << "members stay";
    EXPECT_TRUE(w.catalog->find("B"));
    // With the combo gone, its former members can be deleted too.
    EXPECT_TRUE(w.catalog->remove("A", by("ana", kT0 + 3)));
}

TEST(CatalogRemove, RefusesWhileCombosContainItAndNamesThem)
{
    RemoveWorkspace w;
    ASSERT_TRUE(w.catalog->create(clicks("Pay", "button.pay"), by("ana", kT0)));
    ASSERT_TRUE(w.catalog->create(clicks("Other", "a"), by("ana", kT0)));
    ASSERT_TRUE(w.catalog->create(comboOf("Money", {"Pay"}), by("ana", kT0 + 1)));
    const std::string before = w.dump();

    const auto one = w.catalog->remove("Pay", by("bo", kT0 + 2));
    EXPECT_FALSE(one);
    EXPECT_NE(one.error.find("combo 'Money' contains it"), std::string::npos) << one.error;
    EXPECT_EQ(w.dump(), before) << "a refused delete changes nothing";

    ASSERT_TRUE(w.catalog->create(comboOf("All paths", {"Other", "Pay"}), by("ana", kT0 + 3)));
    const auto two = w.catalog->remove("Pay", by("bo", kT0 + 4));
    EXPECT_FALSE(two);
    EXPECT_NE(two.error.find("combos 'All paths' and 'Money' contain it"), std::string::npos) << two.error;
    EXPECT_TRUE(w.catalog->find("Pay"));
}

TEST(CatalogRemove, RefusesUnknownNamesAndAMissingActor)
{
    RemoveWorkspace w;
    ASSERT_TRUE(w.catalog->create(clicks("Pay", "button.pay"), by("ana", kT0)));
    const std::string before = w.dump();

    const auto unknown = w.catalog->remove("Nope", by("bo", kT0 + 1));
    EXPECT_FALSE(unknown);
    EXPECT_NE(unknown.error.find("no definition named 'Nope'"), std::string::npos) << unknown.error;

    const auto anonymous = w.catalog->remove("Pay", by("", kT0 + 1));
    EXPECT_FALSE(anonymous);
    EXPECT_NE(anonymous.error.find("no actor"), std::string::npos) << anonymous.error;
    EXPECT_EQ(w.dump(), before);
}
