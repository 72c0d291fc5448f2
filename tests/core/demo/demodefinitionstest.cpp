// The demo workspace's catalog: valid, messy on purpose, and answering what it promises.
#include "core/demo/demodefinitions.h"

#include "core/definitions/answers.h"
#include "core/definitions/catalog.h"
#include "core/definitions/compileddefinition.h"
#include "core/definitions/definitionvalidator.h"
#include "core/definitions/interactionindex.h"
#include "core/demo/demoworkspace.h"
#include "core/store/store.h"
#include "tests/support/tempdir.h"

#include <gtest/gtest.h>
#include <map>
#include <set>

using namespace hindsight;
using definitions::Definition;

namespace {

TEST(DemoDefinitions, AreValidAndUniquelyNamed)
{
    const auto defs = demo::demoDefinitions();
    ASSERT_GE(defs.size(), 15u);
    std::set<std::string> keys;
    for (const auto &d : defs) {
        EXPECT_TRUE(definitions::validateDefinition(d).empty()) << d.name;
        EXPECT_TRUE(keys.insert(definitions::definitionNameKey(d.name)).second)
            << "duplicate name " << d.name;
    }
}

class DemoWorkspaceCatalog : public ::testing::Test
{
  protected:
    static void SetUpTestSuite()
    {
        s_dir = new test::TempDir();
        std::string error;
        s_store =
            store::Store::open(s_dir->file("demo.hindsight"), store::Store::OpenMode::CreateIfMissing, &error)
                .release();
        ASSERT_NE(s_store, nullptr) << error;
        demo::DemoOptions options;
        options.interactions = 60'000;
        options.days = 14;
        const auto result = demo::buildDemoWorkspace(*s_store, options);
        ASSERT_TRUE(result.error.empty()) << result.error;
        ASSERT_EQ(result.definitions, static_cast<std::int64_t>(demo::demoDefinitions().size()));
    }
    static void TearDownTestSuite()
    {
        delete s_store;
        delete s_dir;
    }
    static test::TempDir *s_dir;
    static store::Store *s_store;
};

test::TempDir *DemoWorkspaceCatalog::s_dir = nullptr;
store::Store *DemoWorkspaceCatalog::s_store = nullptr;

TEST_F(DemoWorkspaceCatalog, AnswersWhatTheCatalogPromises)
{
    definitions::Catalog catalog(*s_store);
    const auto defs = catalog.list();
    ASSERT_EQ(defs.size(), demo::demoDefinitions().size());
    std::string error;
    auto index = definitions::InteractionIndex::load(*s_store, &error);
    ASSERT_NE(index, nullptr) << error;
    auto lookup = [&](std::string_view name) -> const Definition * {
        for (const auto &d : defs)
            if (definitions::definitionNameKey(d.name) == definitions::definitionNameKey(name)) return &d;
        return nullptr;
    };
    std::map<std::string, std::int64_t> counts;
    std::map<std::string, std::vector<std::uint8_t>> rows;
    for (const auto &d : defs) {
        definitions::CompileError compileError;
        auto compiled = definitions::CompiledDefinition::compile(d, *index, lookup, &compileError);
        ASSERT_TRUE(compiled) << d.name << ": " << compileError.message();
        counts[d.name] = definitions::totals(*index, *compiled).count;
        auto &r = rows[d.name];
        r.resize(index->size());
        compiled->matchRows(0, index->size(), r.data());
    }
    // The stale definition matches nothing: the health check has something to flag.
    EXPECT_EQ(counts.at("Home - Click Promo Banner"), 0);
    // Everything else matches something in two weeks of data.
    for (const auto &[name, n] : counts)
        if (name != "Home - Click Promo Banner") {
            EXPECT_GT(n, 0) << name;
        }
    // Duplicates by meaning under unrelated names: the same button.
    const auto &a = rows.at("Checkout - Click Pay Now");
    const auto &b = rows.at("Pay button");
    std::int64_t both = 0, either = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        both += a[i] && b[i];
        either += a[i] || b[i];
    }
    ASSERT_GT(either, 0);
    EXPECT_GE(static_cast<double>(both) / static_cast<double>(either), 0.9);
    // The combo covers both of its members.
    EXPECT_GE(counts.at("Any Purchase Intent"), counts.at("Cart - Click Checkout"));
    EXPECT_GT(counts.at("Any Purchase Intent"), counts.at("Cart - Add Item"));
}

} // namespace
