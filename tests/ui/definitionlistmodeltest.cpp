#include "ui/models/definitionlistmodel.h"

#include "tests/ui/uitesthelpers.h"
#include "ui/common/definitiondescription.h"
#include "ui/common/humanformat.h"
#include "ui/models/definitionfiltermodel.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <gtest/gtest.h>

using namespace hindsight;
using definitions::Definition;
using definitions::DefinitionStatus;
using definitions::Step;
using ui::CatalogEntry;
using ui::CatalogHealth;
using ui::CatalogStats;
using ui::DefinitionFilterModel;
using ui::DefinitionListModel;
namespace DefinitionRole = ui::DefinitionRole;

namespace {

constexpr qint64 kChangedMs = 1'790'000'000'000;

Definition clicks(std::string name, std::string selector, DefinitionStatus status = DefinitionStatus::Draft)
{
    Definition d;
    d.name = std::move(name);
    d.status = status;
    Step s;
    s.eventTypes = {"click"};
    s.selector = std::move(selector);
    d.steps.push_back(std::move(s));
    d.changedBy = "ana";
    d.changedMs = kChangedMs;
    d.version = 1;
    return d;
}

/// A small catalog: ids 1..5.
std::vector<CatalogEntry> sampleCatalog()
{
    std::vector<CatalogEntry> out;
    Definition buy = clicks("Checkout - Buy", "button.buy", DefinitionStatus::Verified);
    buy.description = "The big green button on the payment page";
    buy.category = "Checkout";
    buy.owner = "payments@shop.example";
    buy.tags = {"revenue"};
    buy.id = 1;
    out.push_back({buy, {"buy_clicked"}});
    Definition cart = clicks("Cart - Add Item", "button.add");
    cart.category = "Cart";
    cart.tags = {"cart", "revenue"};
    cart.id = 2;
    out.push_back({cart, {}});
    Definition old = clicks("Add to cart (old)", "a.add", DefinitionStatus::Deprecated);
    old.category = "cart"; // another spelling of the same category
    old.id = 3;
    out.push_back({old, {}});
    Definition gone = clicks("Promo banner", "a.promo", DefinitionStatus::Archived);
    gone.id = 4;
    out.push_back({gone, {}});
    Definition search = clicks("Search", "input#q");
    search.owner = "growth@shop.example";
    search.id = 5;
    out.push_back({search, {}});
    return out;
}

CatalogStats sampleStats()
{
    CatalogStats stats;
    stats.ok = true;
    auto add = [&](qint64 id, qint64 count, qint64 people, CatalogHealth health, std::optional<qint64> last) {
        ui::DefinitionStats s;
        s.id = id;
        s.version = 1;
        s.counted = true;
        s.totals.count = count;
        s.totals.people = people;
        s.health = health;
        s.lastSeenMs = last;
        stats.stats.push_back(s);
    };
    add(1, 12'408, 900, CatalogHealth::Ok, kChangedMs);
    add(2, 95, 40, CatalogHealth::Stale, kChangedMs - 5 * 86'400'000LL);
    add(3, 1'000, 10, CatalogHealth::Broken, kChangedMs - 86'400'000LL);
    add(4, 0, 0, CatalogHealth::NotChecked, std::nullopt);
    add(5, 0, 0, CatalogHealth::NeverMatched, std::nullopt);
    return stats;
}

QString cell(const QAbstractItemModel &m, int row, int column, int role = Qt::DisplayRole)
{
    return m.index(row, column).data(role).toString();
}

QStringList names(const QAbstractItemModel &m)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << m.index(r, 0).data(DefinitionRole::Name).toString();
    return out;
}

} // namespace

TEST(DefinitionListModel, ShowsStatusAsWordAndIconCountsWhenTheyArriveAndHealth)
{
    DefinitionListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setCatalog(sampleCatalog());
    ASSERT_EQ(model.rowCount(), 5);
    ASSERT_EQ(model.columnCount(), DefinitionListModel::ColumnCount);

    EXPECT_EQ(cell(model, 0, DefinitionListModel::NameColumn), QStringLiteral("Checkout - Buy"));
    EXPECT_EQ(cell(model, 0, DefinitionListModel::StatusColumn), QStringLiteral("Verified"));
    EXPECT_FALSE(
        model.index(0, DefinitionListModel::StatusColumn).data(Qt::DecorationRole).value<QIcon>().isNull())
        << "the status has an icon as well as its word";
    EXPECT_EQ(cell(model, 2, DefinitionListModel::StatusColumn), QStringLiteral("Deprecated"));
    EXPECT_EQ(cell(model, 0, DefinitionListModel::TagsColumn), QStringLiteral("revenue"));
    EXPECT_EQ(cell(model, 1, DefinitionListModel::TagsColumn), QStringLiteral("cart, revenue"));
    EXPECT_TRUE(cell(model, 0, DefinitionListModel::NameColumn, Qt::ToolTipRole)
                    .contains(QStringLiteral("buy_clicked")))
        << "the former name is in the tooltip";
    EXPECT_EQ(cell(model, 0, DefinitionListModel::UpdatedColumn),
              ui::formatLocalDateTime(kChangedMs).left(16) + QStringLiteral(" by ana"));

    // Counts are pending until they arrive.
    EXPECT_TRUE(model.statsPending());
    EXPECT_EQ(cell(model, 0, DefinitionListModel::CountColumn), QStringLiteral("…"));
    EXPECT_EQ(cell(model, 0, DefinitionListModel::HealthColumn), QStringLiteral("Checking…"));

    model.setStats(sampleStats());
    EXPECT_EQ(cell(model, 0, DefinitionListModel::CountColumn), QStringLiteral("12,408"));
    EXPECT_EQ(cell(model, 0, DefinitionListModel::PeopleColumn), QStringLiteral("900"));
    EXPECT_EQ(cell(model, 0, DefinitionListModel::LastSeenColumn),
              ui::formatLocalDateTime(kChangedMs).left(16));
    EXPECT_EQ(cell(model, 4, DefinitionListModel::LastSeenColumn), QStringLiteral("never"));
    EXPECT_EQ(cell(model, 0, DefinitionListModel::HealthColumn), QStringLiteral("OK"));
    EXPECT_EQ(cell(model, 1, DefinitionListModel::HealthColumn), QStringLiteral("Stale"));
    EXPECT_EQ(cell(model, 2, DefinitionListModel::HealthColumn), QStringLiteral("Broken"));
    EXPECT_EQ(cell(model, 4, DefinitionListModel::HealthColumn), QStringLiteral("Never matched"));
    EXPECT_FALSE(
        model.index(2, DefinitionListModel::HealthColumn).data(Qt::DecorationRole).value<QIcon>().isNull());

    EXPECT_EQ(model.categories(), (QStringList{QStringLiteral("Cart"), QStringLiteral("Checkout")}))
        << "one entry per category, ignoring case";

    // A new list keeps the counts of definitions still there; a range change marks them pending.
    auto entries = sampleCatalog();
    entries.erase(entries.begin() + 1);
    model.setCatalog(entries);
    EXPECT_EQ(model.rowCount(), 4);
    EXPECT_EQ(cell(model, 0, DefinitionListModel::CountColumn), QStringLiteral("12,408"));
    // A definition changed since it was counted waits for its new counts; the others do not.
    entries[0].definition.version = 2;
    model.setCatalog(entries);
    EXPECT_EQ(cell(model, 0, DefinitionListModel::CountColumn), QStringLiteral("…"));
    EXPECT_EQ(cell(model, 1, DefinitionListModel::CountColumn), QStringLiteral("1,000"));
    model.markStatsPending();
    EXPECT_EQ(cell(model, 1, DefinitionListModel::CountColumn), QStringLiteral("…"));

    EXPECT_EQ(model.rowOf(QStringLiteral("BUY_CLICKED")), 0) << "found by a former name, any case";
    EXPECT_EQ(model.rowOf(QStringLiteral("nope")), -1);
}

TEST(DefinitionFilterModel, SearchesNamesDescriptionsTagsAndFormerNames)
{
    DefinitionListModel model;
    model.setCatalog(sampleCatalog());
    model.setStats(sampleStats());
    DefinitionFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::Fatal);
    filter.sort(DefinitionListModel::NameColumn);

    EXPECT_EQ(filter.rowCount(), 4) << "archived definitions are hidden by default";
    EXPECT_FALSE(names(filter).contains(QStringLiteral("Promo banner")));
    EXPECT_FALSE(filter.isFiltering());

    filter.setSearchText(QStringLiteral("GREEN button"));
    EXPECT_EQ(names(filter), QStringList{QStringLiteral("Checkout - Buy")}) << "by description, every word";
    filter.setSearchText(QStringLiteral("buy_clicked"));
    EXPECT_EQ(names(filter), QStringList{QStringLiteral("Checkout - Buy")}) << "by a former name";
    filter.setSearchText(QStringLiteral("revenue"));
    EXPECT_EQ(names(filter),
              (QStringList{QStringLiteral("Cart - Add Item"), QStringLiteral("Checkout - Buy")}))
        << "by tag";
    EXPECT_TRUE(filter.isFiltering());
    filter.setSearchText(QStringLiteral("nothing like this"));
    EXPECT_EQ(filter.rowCount(), 0);
    filter.clearFilters();
    EXPECT_EQ(filter.rowCount(), 4);
}

TEST(DefinitionFilterModel, FiltersByStatusCategoryOwnerTagAndHealth)
{
    DefinitionListModel model;
    model.setCatalog(sampleCatalog());
    model.setStats(sampleStats());
    DefinitionFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::Fatal);
    filter.sort(DefinitionListModel::NameColumn);

    filter.setStatusFilter(DefinitionFilterModel::StatusFilter::Verified);
    EXPECT_EQ(names(filter), QStringList{QStringLiteral("Checkout - Buy")});
    filter.setStatusFilter(DefinitionFilterModel::StatusFilter::Archived);
    EXPECT_EQ(names(filter), QStringList{QStringLiteral("Promo banner")});
    filter.setStatusFilter(DefinitionFilterModel::StatusFilter::Any);
    EXPECT_EQ(filter.rowCount(), 5);

    filter.setCategoryFilter(QStringLiteral("CART"));
    EXPECT_EQ(names(filter),
              (QStringList{QStringLiteral("Add to cart (old)"), QStringLiteral("Cart - Add Item")}))
        << "category compared ignoring case";
    filter.setCategoryFilter(DefinitionFilterModel::noneValue());
    EXPECT_EQ(names(filter), (QStringList{QStringLiteral("Promo banner"), QStringLiteral("Search")}));
    filter.setCategoryFilter({});

    filter.setOwnerFilter(QStringLiteral("growth@shop.example"));
    EXPECT_EQ(names(filter), QStringList{QStringLiteral("Search")});
    filter.setOwnerFilter({});
    filter.setTagFilter(QStringLiteral("cart"));
    EXPECT_EQ(names(filter), QStringList{QStringLiteral("Cart - Add Item")});
    filter.setTagFilter({});
    filter.setHealthFilter(CatalogHealth::NeverMatched);
    EXPECT_EQ(names(filter), QStringList{QStringLiteral("Search")});
    filter.setHealthFilter(CatalogHealth::Broken);
    EXPECT_EQ(names(filter), QStringList{QStringLiteral("Add to cart (old)")});
    filter.setHealthFilter(std::nullopt);

    // Counts sort as numbers, not as text ("95" < "1,000" < "12,408").
    filter.setStatusFilter(DefinitionFilterModel::StatusFilter::NotArchived);
    filter.sort(DefinitionListModel::CountColumn, Qt::DescendingOrder);
    EXPECT_EQ(names(filter),
              (QStringList{QStringLiteral("Checkout - Buy"), QStringLiteral("Add to cart (old)"),
                           QStringLiteral("Cart - Add Item"), QStringLiteral("Search")}));
}

TEST(DefinitionText, DescribesDifferencesFieldByField)
{
    using namespace ui::definitiontext;
    Definition before = clicks("Buy", "button.buy");
    Definition after = before;
    after.steps[0].selector = "#checkout-submit";
    after.tags = {"checkout"};
    after.status = DefinitionStatus::Verified;
    const QStringList lines = changes(before, after);
    EXPECT_TRUE(lines.contains(QStringLiteral("selector: button.buy → #checkout-submit")))
        << lines.join('\n').toStdString();
    EXPECT_TRUE(lines.contains(QStringLiteral("tags: (none) → checkout"))) << lines.join('\n').toStdString();
    EXPECT_TRUE(lines.contains(QStringLiteral("status: Draft → Verified"))) << lines.join('\n').toStdString();
    EXPECT_EQ(lines.size(), 3);
    EXPECT_TRUE(changes(before, before).isEmpty());

    // Several steps: the changed one is named, added ones are described in words.
    Definition two = before;
    Step submit;
    submit.eventTypes = {"submit"};
    submit.selector = "form#pay";
    two.steps.push_back(submit);
    EXPECT_EQ(
        changes(before, two),
        QStringList{QStringLiteral("step added: submit on an element matching form#pay (or inside one)")});
    Definition twoChanged = two;
    twoChanged.steps[1].selector = "form#payment";
    EXPECT_EQ(changes(two, twoChanged),
              QStringList{QStringLiteral("step 2 selector: form#pay → form#payment")});

    EXPECT_TRUE(creation(before).contains(
        QStringLiteral("criteria: click on an element matching button.buy (or inside one)")));
    // Captured text stays one plain line.
    Definition odd = before;
    odd.description = "line one\nline two <b>bold</b>";
    EXPECT_EQ(changes(before, odd),
              QStringList{QStringLiteral("description: (none) → line one line two <b>bold</b>")});
}
