#include "ui/views/definitionsview.h"

#include "core/definitions/answers.h"
#include "core/definitions/catalog.h"
#include "core/definitions/compileddefinition.h"
#include "core/definitions/interactionindex.h"
#include "core/demo/demodefinitions.h"
#include "core/demo/demogenerator.h"
#include "core/demo/demoworkspace.h"
#include "core/store/store.h"
#include "tests/support/tempdir.h"
#include "tests/ui/uitesthelpers.h"
#include "ui/common/humanformat.h"
#include "ui/common/sharedtimerange.h"
#include "ui/models/definitionfiltermodel.h"
#include "ui/models/definitionlistmodel.h"
#include "ui/store/analysisservice.h"
#include "ui/store/catalogeditor.h"
#include "ui/views/definitioneditor.h"
#include "ui/views/definitionhistoryview.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>
#include <gtest/gtest.h>

using namespace hindsight;
using definitions::DefinitionStatus;
using ui::DefinitionListModel;
using ui::DefinitionsView;
namespace DefinitionRole = ui::DefinitionRole;

namespace {

constexpr int kWaitMs = 30'000;

/// A real demo workspace (a small stream and the demo's messy catalog) with the studio's
/// analysis service, catalog editor and time range, and the view over them.
struct DemoStudio
{
    test::TempDir dir;
    std::string path;
    ui::AnalysisService analysis;
    ui::CatalogEditor editor{&analysis};
    ui::SharedTimeRange range;
    std::unique_ptr<DefinitionsView> view;

    explicit DemoStudio(bool withDefinitions = true)
    {
        qputenv("HINDSIGHT_ACTOR", "catalog-tester");
        path = dir.file("demo.hindsight");
        std::string error;
        auto store = store::Store::open(path, store::Store::OpenMode::CreateIfMissing, &error);
        EXPECT_TRUE(store) << error;
        if (withDefinitions) {
            demo::DemoOptions options;
            options.interactions = 4'000;
            options.days = 10;
            const auto built = demo::buildDemoWorkspace(*store, options);
            EXPECT_TRUE(built.error.empty()) << built.error;
            range.setNewestMs(demo::DemoGenerator(options).endMs());
        } else {
            EXPECT_TRUE(test::writeInteractions(path, 50));
            range.setNewestMs(test::kNewestMs);
        }
        store.reset();
        analysis.open(QString::fromStdString(path));
        view = std::make_unique<DefinitionsView>(&analysis, &editor, &range);
        view->resize(1400, 800);
        view->show();
    }

    /// The catalog as the store has it now (a connection of the test's own).
    std::unique_ptr<store::Store> openStore()
    {
        std::string error;
        auto store = store::Store::open(path, store::Store::OpenMode::ReadOnly, &error);
        EXPECT_TRUE(store) << error;
        return store;
    }

    bool waitForList()
    {
        return QTest::qWaitFor([&] { return view->listModel()->hasCatalog(); }, kWaitMs);
    }
    bool waitForCounts()
    {
        return QTest::qWaitFor(
            [&] { return view->listModel()->hasCatalog() && !view->listModel()->statsPending(); }, kWaitMs);
    }

    int tableRowOf(const QString &name) const
    {
        const auto *m = view->table()->model();
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->index(r, 0).data(DefinitionRole::Name).toString() == name) return r;
        return -1;
    }
    QString tableCell(const QString &name, int column) const
    {
        const int row = tableRowOf(name);
        return row < 0 ? QString() : view->table()->model()->index(row, column).data().toString();
    }
    QStringList tableNames() const
    {
        QStringList out;
        const auto *m = view->table()->model();
        for (int r = 0; r < m->rowCount(); ++r)
            out << m->index(r, 0).data(DefinitionRole::Name).toString();
        return out;
    }
    void select(const QString &name)
    {
        const int row = tableRowOf(name);
        ASSERT_GE(row, 0) << name.toStdString() << " is not in the table";
        view->table()->selectRow(row);
    }
    template <typename T> T *child(const char *name) const
    {
        auto *w = view->findChild<T *>(QString::fromLatin1(name));
        EXPECT_NE(w, nullptr) << "no child named " << name;
        return w;
    }
    QAction *action(const char *name) const { return child<QAction>(name); }
};

std::size_t visibleDemoDefinitions()
{
    std::size_t n = 0;
    for (const auto &d : demo::demoDefinitions())
        n += d.status == DefinitionStatus::Archived ? 0 : 1;
    return n;
}

void saveShot(QWidget *widget, const char *name)
{
    const QString dir = qEnvironmentVariable("HINDSIGHT_CATALOG_SHOTS");
    if (dir.isEmpty()) return;
    widget->grab().save(dir + QLatin1Char('/') + QString::fromLatin1(name) + QStringLiteral(".png"));
}

} // namespace

TEST(DefinitionsView, ListsTheDemoCatalogWithCountsAndHealth)
{
    DemoStudio s;
    QAbstractItemModelTester listTester(s.view->listModel(),
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester filterTester(s.view->filterModel(),
                                          QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_TRUE(s.waitForList());
    EXPECT_EQ(static_cast<std::size_t>(s.view->table()->model()->rowCount()), visibleDemoDefinitions());
    EXPECT_TRUE(s.tableNames().contains(QStringLiteral("Cart - Add Item")));
    EXPECT_TRUE(s.view->table()->isVisible()) << "the table, not the empty state";
    EXPECT_EQ(s.tableCell(QStringLiteral("Pay button"), DefinitionListModel::StatusColumn),
              QStringLiteral("Draft"));
    EXPECT_EQ(s.tableCell(QStringLiteral("Order Completed"), DefinitionListModel::StatusColumn),
              QStringLiteral("Verified"));

    ASSERT_TRUE(s.waitForCounts());
    // The count is what core answers for the same definition over the same range.
    {
        auto store = s.openStore();
        std::string error;
        auto index = definitions::InteractionIndex::loadWithoutCache(*store, &error);
        ASSERT_TRUE(index) << error;
        definitions::Catalog catalog(*store);
        const auto def = catalog.find("Cart - Add Item");
        ASSERT_TRUE(def);
        definitions::CompileError compileError;
        const auto compiled = definitions::CompiledDefinition::compile(*def, *index, {}, &compileError);
        ASSERT_TRUE(compiled) << compileError.message();
        const auto totals = definitions::totals(*index, *compiled, s.range.resolved());
        ASSERT_GT(totals.count, 0);
        EXPECT_EQ(s.tableCell(QStringLiteral("Cart - Add Item"), DefinitionListModel::CountColumn),
                  ui::formatCount(totals.count));
        EXPECT_EQ(s.tableCell(QStringLiteral("Cart - Add Item"), DefinitionListModel::PeopleColumn),
                  ui::formatCount(totals.people));
    }
    EXPECT_EQ(s.tableCell(QStringLiteral("Home - Click Promo Banner"), DefinitionListModel::HealthColumn),
              QStringLiteral("Never matched"));
    EXPECT_EQ(s.tableCell(QStringLiteral("Home - Click Promo Banner"), DefinitionListModel::LastSeenColumn),
              QStringLiteral("never"));
    EXPECT_EQ(s.tableCell(QStringLiteral("Cart - Add Item"), DefinitionListModel::HealthColumn),
              QStringLiteral("OK"));

    // The inspector describes the selected definition in words.
    s.select(QStringLiteral("Pay button"));
    EXPECT_EQ(s.child<QLabel>("definitionDetailName")->text(), QStringLiteral("Pay button"));
    EXPECT_TRUE(
        s.child<QLabel>("definitionDetailCriteria")
            ->text()
            .contains(QStringLiteral("click on an element matching button.btn-primary (or inside one), "
                                     "where the page path is \"/checkout/payment\"")))
        << s.child<QLabel>("definitionDetailCriteria")->text().toStdString();
    saveShot(s.view.get(), "definitions-catalog");

    // A narrower range counts again.
    const QString allTime = s.tableCell(QStringLiteral("Cart - Add Item"), DefinitionListModel::CountColumn);
    ui::StudioTimeRange lastDays;
    lastDays.preset = ui::StudioTimeRange::Preset::Last7Days;
    s.range.setValue(lastDays);
    ASSERT_TRUE(s.waitForCounts());
    const QString lastWeek = s.tableCell(QStringLiteral("Cart - Add Item"), DefinitionListModel::CountColumn);
    EXPECT_LT(QLocale(QLocale::English).toLongLong(lastWeek), QLocale(QLocale::English).toLongLong(allTime))
        << lastWeek.toStdString() << " vs " << allTime.toStdString();
    EXPECT_TRUE(s.child<QLabel>("definitionsSummary")->text().contains(lastDays.label()));
}

TEST(DefinitionsView, SearchAndFiltersNarrowTheList)
{
    DemoStudio s;
    ASSERT_TRUE(s.waitForList());
    const int all = s.view->table()->model()->rowCount();

    auto *search = s.child<QLineEdit>("definitionsSearch");
    s.view->activateWindow();
    QTest::keyClick(s.view.get(), Qt::Key_F, Qt::ControlModifier);
    EXPECT_TRUE(search->hasFocus()) << "Ctrl+F goes to the search field";
    QTest::keyClicks(search, QStringLiteral("cart"));
    const QStringList found = s.tableNames();
    EXPECT_LT(found.size(), all);
    EXPECT_TRUE(found.contains(QStringLiteral("Cart - Add Item")));
    EXPECT_TRUE(found.contains(QStringLiteral("nav cart icon")));
    EXPECT_FALSE(found.contains(QStringLiteral("Rage Click")));
    EXPECT_TRUE(s.child<QLabel>("definitionsSummary")->text().contains(QStringLiteral(" of ")));

    search->clear();
    auto *status = s.child<QComboBox>("definitionsStatusFilter");
    status->setCurrentIndex(status->findText(QStringLiteral("Verified")));
    const QStringList verified = s.tableNames();
    ASSERT_FALSE(verified.isEmpty());
    EXPECT_LT(verified.size(), all);
    for (const auto &name : verified)
        EXPECT_EQ(s.tableCell(name, DefinitionListModel::StatusColumn), QStringLiteral("Verified"))
            << name.toStdString();

    auto *category = s.child<QComboBox>("definitionsCategoryFilter");
    category->setCurrentIndex(category->findText(QStringLiteral("Account")));
    EXPECT_EQ(s.tableNames(),
              (QStringList{QStringLiteral("Login Form Submitted"), QStringLiteral("signup completed")}));

    // Nothing left: the empty state says so and clears the filters.
    QTest::keyClicks(search, QStringLiteral("zzz-no-such"));
    EXPECT_EQ(s.view->table()->model()->rowCount(), 0);
    auto *empty = s.child<QLabel>("definitionsEmpty");
    EXPECT_TRUE(empty->isVisible());
    EXPECT_EQ(empty->text(), QStringLiteral("No definitions match the search and filters."));
    s.child<QPushButton>("definitionsEmptyButton")->click();
    EXPECT_EQ(s.view->table()->model()->rowCount(), all);
    EXPECT_TRUE(search->text().isEmpty());
}

TEST(DefinitionsView, VerifyRecordsTheActorAndUndoPutsItBack)
{
    DemoStudio s;
    ASSERT_TRUE(s.waitForList());
    s.select(QStringLiteral("Pay button"));
    QAction *verify = s.action("verifyDefinitionAction");
    ASSERT_TRUE(verify->isEnabled());
    EXPECT_FALSE(s.action("draftDefinitionAction")->isEnabled()) << "it is a draft already";
    verify->trigger();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return s.tableCell(QStringLiteral("Pay button"), DefinitionListModel::StatusColumn) ==
                   QStringLiteral("Verified");
        },
        kWaitMs));
    EXPECT_EQ(s.view->selectedNames(), QStringList{QStringLiteral("Pay button")}) << "the selection stays";
    EXPECT_FALSE(s.action("verifyDefinitionAction")->isEnabled());
    {
        auto store = s.openStore();
        definitions::Catalog catalog(*store);
        const auto def = catalog.find("Pay button");
        ASSERT_TRUE(def);
        EXPECT_EQ(def->status, DefinitionStatus::Verified);
        EXPECT_EQ(def->verifiedBy, "catalog-tester");
        const auto history = catalog.history("Pay button");
        ASSERT_TRUE(history);
        EXPECT_EQ(history->back().actor, "catalog-tester");
        EXPECT_EQ(history->back().action, "status");
    }
    // The inspector's history shows the new version with who did it.
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return s.view->historyView()->history().currentVersion == 2; }, kWaitMs));
    auto *versions = s.view->historyView()->versionList();
    ASSERT_EQ(versions->topLevelItemCount(), 2);
    EXPECT_EQ(versions->topLevelItem(0)->text(2), QStringLiteral("catalog-tester"));
    EXPECT_EQ(versions->topLevelItem(0)->text(1), QStringLiteral("Status changed"));
    EXPECT_TRUE(s.view->historyView()
                    ->changeList()
                    ->findItems(QStringLiteral("status: Draft → Verified"), Qt::MatchExactly)
                    .size() == 1);

    s.editor.undoStack()->undo();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return s.tableCell(QStringLiteral("Pay button"), DefinitionListModel::StatusColumn) ==
                   QStringLiteral("Draft");
        },
        kWaitMs));
    auto store = s.openStore();
    EXPECT_EQ(definitions::Catalog(*store).find("Pay button")->status, DefinitionStatus::Draft);
}

TEST(DefinitionsView, ArchivedDefinitionsLeaveTheDefaultList)
{
    DemoStudio s;
    ASSERT_TRUE(s.waitForList());
    const int all = s.view->table()->model()->rowCount();
    s.select(QStringLiteral("order_completed"));
    s.action("archiveDefinitionAction")->trigger();
    ASSERT_TRUE(QTest::qWaitFor([&] { return s.view->table()->model()->rowCount() == all - 1; }, kWaitMs));
    EXPECT_EQ(s.tableRowOf(QStringLiteral("order_completed")), -1);
    // showDefinition() finds it anyway, switching the status filter to one that shows it.
    s.view->showDefinition(QStringLiteral("order_completed"));
    EXPECT_EQ(s.view->selectedNames(), QStringList{QStringLiteral("order_completed")});
    EXPECT_EQ(s.tableCell(QStringLiteral("order_completed"), DefinitionListModel::StatusColumn),
              QStringLiteral("Archived"));
}

TEST(DefinitionsView, HistoryShowsDifferencesAndRestoresAnOlderVersion)
{
    DemoStudio s;
    ASSERT_TRUE(s.waitForList());
    // Change the selector through the catalog editor, as the definition editor would.
    definitions::Definition changed;
    {
        auto store = s.openStore();
        changed = *definitions::Catalog(*store).find("Pay button");
    }
    changed.steps[0].selector = "#pay-v2";
    QSignalSpy done(&s.editor, &ui::CatalogEditor::succeeded);
    s.editor.update(QStringLiteral("Pay button"), changed, QStringLiteral("new checkout markup"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return done.size() == 1; }, kWaitMs));

    // The list counts the new version: nothing on the demo's pages has #pay-v2.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return s.tableCell(QStringLiteral("Pay button"), DefinitionListModel::CountColumn) ==
                   QStringLiteral("0");
        },
        kWaitMs));
    EXPECT_EQ(s.tableCell(QStringLiteral("Pay button"), DefinitionListModel::HealthColumn),
              QStringLiteral("Never matched"));

    s.view->showDefinition(QStringLiteral("Pay button"));
    auto *history = s.view->historyView();
    ASSERT_TRUE(QTest::qWaitFor([&] { return history->history().currentVersion == 2; }, kWaitMs));
    ASSERT_EQ(history->versionList()->topLevelItemCount(), 2);
    EXPECT_EQ(history->versionList()->topLevelItem(0)->text(4), QStringLiteral("new checkout markup"));
    EXPECT_EQ(history->selectedVersion(), 2) << "the newest version is shown first";
    EXPECT_TRUE(history->changeAuthor()->text().startsWith(QStringLiteral("Edited by catalog-tester on ")));
    EXPECT_TRUE(history->changeAuthor()->text().endsWith(QStringLiteral("Why: new checkout markup")));
    EXPECT_EQ(history->changeList()->count(), 1);
    EXPECT_EQ(history->changeList()->item(0)->text(),
              QStringLiteral("selector: button.btn-primary → #pay-v2"));
    EXPECT_FALSE(history->restoreButton()->isEnabled()) << "the current version cannot be restored";
    s.child<QTabWidget>("definitionsInspector")->setCurrentWidget(history);
    saveShot(s.view.get(), "definitions-history");

    history->selectVersion(1);
    EXPECT_TRUE(history->changeList()->item(0)->text().startsWith(QStringLiteral("name: Pay button")));
    ASSERT_TRUE(history->restoreButton()->isEnabled());
    EXPECT_EQ(history->restoreButton()->text(), QStringLiteral("Restore version 1"));
    history->restoreButton()->click();
    ASSERT_TRUE(QTest::qWaitFor([&] { return history->history().currentVersion == 3; }, kWaitMs));
    EXPECT_EQ(history->versionList()->topLevelItem(0)->text(1), QStringLiteral("Restored"));
    EXPECT_EQ(history->changeList()->item(0)->text(),
              QStringLiteral("selector: #pay-v2 → button.btn-primary"));
    auto store = s.openStore();
    EXPECT_EQ(definitions::Catalog(*store).find("Pay button")->steps[0].selector, "button.btn-primary");
}

TEST(DefinitionsView, AnEmptyCatalogSaysHowToStart)
{
    DemoStudio s(false);
    ASSERT_TRUE(s.waitForList());
    auto *empty = s.child<QLabel>("definitionsEmpty");
    EXPECT_TRUE(empty->isVisible());
    EXPECT_EQ(empty->text(), QStringLiteral("No definitions yet — select an interaction and press D"));
    EXPECT_FALSE(s.view->table()->isVisible());
    saveShot(s.view.get(), "definitions-empty");
}

TEST(DefinitionsView, HostsTheEditorWithTheHistoryTabAndChartsTheSelection)
{
    DemoStudio s;
    ASSERT_TRUE(s.waitForList());
    auto *pages = s.child<QStackedWidget>("definitionsPages");

    // Chart the selected definitions.
    QSignalSpy chart(s.view.get(), &DefinitionsView::chartRequested);
    s.select(QStringLiteral("Order Completed"));
    s.action("chartDefinitionsAction")->trigger();
    ASSERT_EQ(chart.size(), 1);
    EXPECT_EQ(chart.at(0).at(0).toStringList(), QStringList{QStringLiteral("Order Completed")});

    // Enter on a row opens it in the editor, with its history as a side tab.
    s.view->table()->setFocus();
    QTest::keyClick(s.view->table(), Qt::Key_Return);
    EXPECT_TRUE(s.view->isEditing());
    EXPECT_EQ(pages->currentWidget(), s.view->editor());
    QTabWidget *tabs = s.view->editor()->sideTabs();
    ASSERT_NE(tabs, nullptr);
    const auto *history =
        s.view->editor()->findChild<ui::DefinitionHistoryView *>(QStringLiteral("editorHistory"));
    ASSERT_NE(history, nullptr);
    const int tab = tabs->indexOf(const_cast<ui::DefinitionHistoryView *>(history));
    ASSERT_GE(tab, 0);
    EXPECT_EQ(tabs->tabText(tab), QStringLiteral("History"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return history->history().ok; }, kWaitMs));
    EXPECT_EQ(history->definitionName(), QStringLiteral("Order Completed"));

    // Closing the editor goes back to the catalog with the definition still selected.
    emit s.view->editor()->closed();
    EXPECT_FALSE(s.view->isEditing());
    EXPECT_EQ(s.view->selectedNames(), QStringList{QStringLiteral("Order Completed")});

    // A new definition has no history yet.
    s.view->defineFromInteractions({1, 2, 3});
    EXPECT_TRUE(s.view->isEditing());
    EXPECT_EQ(tabs->indexOf(const_cast<ui::DefinitionHistoryView *>(history)), -1);
    emit s.view->editor()->closed();

    // Ctrl+N opens a new one too.
    s.view->table()->setFocus();
    QTest::keyClick(s.view->table(), Qt::Key_N, Qt::ControlModifier);
    EXPECT_TRUE(s.view->isEditing());
    emit s.view->editor()->closed();

    // Once the editor saves a new definition, its history appears.
    emit s.view->editor()->saved(QStringLiteral("Wishlist Saved"));
    EXPECT_GE(tabs->indexOf(const_cast<ui::DefinitionHistoryView *>(history)), 0);
}
