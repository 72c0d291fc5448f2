#include "ui/window/mainwindow.h"

#include "core/demo/demogenerator.h"
#include "core/store/store.h"
#include "tests/support/tempdir.h"
#include "tests/ui/uitesthelpers.h"
#include "ui/common/humanformat.h"
#include "ui/common/studiosettings.h"
#include "ui/models/interactiontablemodel.h"
#include "ui/store/workspacesession.h"
#include "ui/views/elidinglabel.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QMimeData>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>
#include <QUrl>
#include <gtest/gtest.h>
#include <sstream>

using namespace hindsight;
using ui::MainWindow;
using ui::StudioView;
using ui::WorkspaceSession;

namespace {

constexpr int kWaitMs = 15'000;

ui::StudioOptions optionsFor(const std::string &path)
{
    ui::StudioOptions options;
    options.storePath = QString::fromStdString(path);
    options.initialView = StudioView::Overview;
    options.persistSettings = false;
    options.pollIntervalMs = 100;
    return options;
}

template <typename T> T *find(const QWidget &window, const char *name)
{
    T *widget = window.findChild<T *>(QString::fromLatin1(name));
    EXPECT_NE(widget, nullptr) << "no widget named " << name;
    return widget;
}

QString currentPage(const MainWindow &window)
{
    const auto *pages = window.findChild<QStackedWidget *>(QStringLiteral("pages"));
    return pages && pages->currentWidget() ? pages->currentWidget()->objectName() : QString();
}

QString labelText(const MainWindow &window, const char *name)
{
    const auto *label = window.findChild<QLabel *>(QString::fromLatin1(name));
    return label ? label->text() : QString();
}

void showAndActivate(MainWindow &window)
{
    window.resize(1280, 800);
    window.show();
    window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
}

} // namespace

TEST(MainWindow, ShowsTheWorkspaceAndTheDetailOfASelectedInteraction)
{
    test::TempDir dir;
    const std::string path = dir.file("shop.hindsight");
    ASSERT_TRUE(test::writeInteractions(path, 320));

    MainWindow window(optionsFor(path));
    showAndActivate(window);

    // The overview shows the count once the worker has delivered it.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return labelText(window, "overviewInteractionsValue") == QStringLiteral("320"); }, kWaitMs))
        << labelText(window, "overviewInteractionsValue").toStdString();
    EXPECT_EQ(currentPage(window), QStringLiteral("workspacePage"));
    EXPECT_EQ(labelText(window, "overviewPeopleValue"), QStringLiteral("7"));
    EXPECT_EQ(labelText(window, "overviewSessionsValue"), QStringLiteral("11"));
    EXPECT_EQ(labelText(window, "overviewWorkspaceName"), QStringLiteral("shop"));
    EXPECT_EQ(labelText(window, "statusInteractions"), QStringLiteral("320 interactions"));
    EXPECT_EQ(labelText(window, "statusNewest"),
              QStringLiteral("Newest ") + ui::formatLocalDateTime(test::kNewestMs));
    EXPECT_EQ(window.windowTitle(), QStringLiteral("shop"));

    // Ctrl+2 switches to Interactions.
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    EXPECT_EQ(window.currentView(), StudioView::Interactions);
    auto *table = find<QTableView>(window, "interactionsTable");
    ASSERT_TRUE(table);
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return table->model()->rowCount() > 0 && table->isVisible(); }, kWaitMs));
    EXPECT_LT(table->model()->rowCount(), 320) << "only a page is loaded, not everything";
    EXPECT_EQ(table->model()->index(0, ui::InteractionTableModel::PageColumn).data().toString(),
              QStringLiteral("/rent/319"));

    // Select the second row (interaction 318) with the keyboard and wait for its detail.
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Home);
    QTest::keyClick(table, Qt::Key_Down);
    ASSERT_EQ(table->currentIndex().row(), 1);
    auto *chain = find<QTreeWidget>(window, "detailChainTree");
    ASSERT_TRUE(chain);
    ASSERT_TRUE(QTest::qWaitFor([&] { return chain->topLevelItemCount() == 1; }, kWaitMs));
    // The tree runs from body down to the target, one level per element.
    QTreeWidgetItem *body = chain->topLevelItem(0);
    EXPECT_EQ(body->text(0), QStringLiteral("body"));
    ASSERT_EQ(body->childCount(), 1);
    QTreeWidgetItem *card = body->child(0);
    EXPECT_EQ(card->text(0), QStringLiteral("div.card"));
    EXPECT_TRUE(card->text(2).contains(QStringLiteral("data-plan=\"basic\""))) << card->text(2).toStdString();
    ASSERT_EQ(card->childCount(), 1);
    QTreeWidgetItem *target = card->child(0);
    EXPECT_EQ(target->text(0), QStringLiteral("button#rent-now.btn"));
    EXPECT_EQ(target->text(1), QStringLiteral("Rent now 318"));
    EXPECT_EQ(target->childCount(), 0);
    EXPECT_TRUE(target->font(0).bold()) << "the target stands out";
    EXPECT_EQ(chain->currentItem(), target);

    // The selected element's attributes are listed.
    auto *attributes = find<QTreeWidget>(window, "detailAttributesTree");
    ASSERT_TRUE(attributes);
    QStringList names;
    for (int i = 0; i < attributes->topLevelItemCount(); ++i)
        names << attributes->topLevelItem(i)->text(0);
    EXPECT_TRUE(names.contains(QStringLiteral("nth-child"))) << names.join(',').toStdString();

    // The URL is split into host, path, query parameters and hash.
    auto *url = find<QTreeWidget>(window, "detailUrlTree");
    ASSERT_TRUE(url);
    QMap<QString, QTreeWidgetItem *> parts;
    for (int i = 0; i < url->topLevelItemCount(); ++i)
        parts.insert(url->topLevelItem(i)->text(0), url->topLevelItem(i));
    ASSERT_TRUE(parts.contains(QStringLiteral("Host")));
    EXPECT_EQ(parts[QStringLiteral("Host")]->text(1), QStringLiteral("shop.example"));
    EXPECT_EQ(parts[QStringLiteral("Path")]->text(1), QStringLiteral("/rent/318"));
    EXPECT_EQ(parts[QStringLiteral("Hash")]->text(1), QStringLiteral("terms"));
    QTreeWidgetItem *query = parts[QStringLiteral("Query")];
    ASSERT_EQ(query->childCount(), 2);
    EXPECT_EQ(query->child(0)->text(0), QStringLiteral("plan"));
    EXPECT_EQ(query->child(0)->text(1), QStringLiteral("basic"));
    EXPECT_EQ(query->child(1)->text(0), QStringLiteral("ref"));

    auto *person = find<ui::ElidingLabel>(window, "detailPerson");
    ASSERT_TRUE(person);
    EXPECT_EQ(person->text(), QStringLiteral("person-3")); // 318 % 7

    // Ctrl+1 … Ctrl+6 switch views.
    QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
    EXPECT_EQ(window.currentView(), StudioView::Overview);
    const std::pair<Qt::Key, StudioView> keys[] = {{Qt::Key_3, StudioView::Definitions},
                                                   {Qt::Key_4, StudioView::Naming},
                                                   {Qt::Key_5, StudioView::Privacy},
                                                   {Qt::Key_6, StudioView::Charts}};
    for (const auto &[key, view] : keys) {
        QTest::keyClick(&window, key, Qt::ControlModifier);
        EXPECT_EQ(window.currentView(), view);
    }
}

TEST(MainWindow, ScrollingFetchesFurtherPagesUntilTheOldest)
{
    test::TempDir dir;
    const std::string path = dir.file("long.hindsight");
    ASSERT_TRUE(test::writeInteractions(path, 700));
    MainWindow window(optionsFor(path));
    showAndActivate(window);
    window.showView(StudioView::Interactions);
    auto *table = find<QTableView>(window, "interactionsTable");
    ASSERT_TRUE(table);
    ASSERT_TRUE(QTest::qWaitFor([&] { return table->model()->rowCount() > 0; }, kWaitMs));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            QTest::keyClick(table, Qt::Key_End, Qt::ControlModifier); // to the last row loaded
            return table->model()->rowCount() == 700;
        },
        kWaitMs))
        << table->model()->rowCount() << " fetching " << window.session()->interactions()->isFetching()
        << " end " << window.session()->interactions()->reachedEnd() << " can "
        << table->model()->canFetchMore({}) << " current " << table->currentIndex().row();
    EXPECT_EQ(table->model()->index(699, ui::InteractionTableModel::PageColumn).data().toString(),
              QStringLiteral("/rent/0"));
}

TEST(MainWindow, OffersTheFirstRunScreenForAMissingStoreAndCreatesNothing)
{
    test::TempDir dir;
    const std::string path = dir.file("nothing-here.hindsight");
    MainWindow window(optionsFor(path));
    showAndActivate(window);
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return currentPage(window) == QStringLiteral("firstRunView"); }, kWaitMs));
    EXPECT_EQ(window.session()->state(), WorkspaceSession::State::Missing);
    EXPECT_EQ(labelText(window, "firstRunHeading"), QStringLiteral("Start a workspace"));
    auto *demo = find<QWidget>(window, "firstRunDemoButton");
    auto *import = find<QWidget>(window, "firstRunImportButton");
    ASSERT_TRUE(demo && import);
    EXPECT_TRUE(demo->isEnabled());
    EXPECT_TRUE(import->isEnabled());
    QTest::qWait(300); // several poll intervals
    EXPECT_FALSE(QFile::exists(QString::fromStdString(path))) << "opening must not create the store";
}

TEST(MainWindow, TheDemoButtonBuildsTheWorkspaceWithProgressAndShowsIt)
{
    test::TempDir dir;
    const std::string path = dir.file("demo.hindsight");
    MainWindow window(optionsFor(path));
    showAndActivate(window);
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return currentPage(window) == QStringLiteral("firstRunView"); }, kWaitMs));
    // A small demo keeps the test quick; the button runs the same job with the default size.
    window.session()->buildDemo(3'000, 3);
    EXPECT_TRUE(window.session()->isJobRunning());
    ASSERT_TRUE(QTest::qWaitFor([&] { return !window.session()->isJobRunning(); }, 60'000));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return labelText(window, "overviewInteractionsValue") == QStringLiteral("3,000"); }, kWaitMs))
        << labelText(window, "overviewInteractionsValue").toStdString() << " on page "
        << currentPage(window).toStdString() << ", session state "
        << static_cast<int>(window.session()->state()) << ", error '"
        << window.session()->errorMessage().toStdString() << "'";
    EXPECT_EQ(currentPage(window), QStringLiteral("workspacePage"));
}

TEST(MainWindow, ANonStoreFileShowsTheReasonAndStaysByteForByteTheSame)
{
    test::TempDir dir;
    const std::string content = "name,email\nAda,ada@example.com\n";
    const std::string path = dir.write("notes.hindsight", content);
    {
        MainWindow window(optionsFor(path));
        showAndActivate(window);
        ASSERT_TRUE(QTest::qWaitFor(
            [&] { return currentPage(window) == QStringLiteral("workspaceErrorView"); }, kWaitMs));
        EXPECT_EQ(window.session()->state(), WorkspaceSession::State::Failed);
        const QString message = labelText(window, "workspaceErrorMessage");
        EXPECT_TRUE(message.contains(QStringLiteral("not a Hindsight store"))) << message.toStdString();
        EXPECT_EQ(labelText(window, "workspaceErrorHeading"),
                  QStringLiteral("This workspace cannot be opened"));
        // Importing into it is refused.
        EXPECT_FALSE(window.session()->canStartJob());
    }
    EXPECT_EQ(test::readFile(path), content);
    EXPECT_FALSE(QFile::exists(QString::fromStdString(path + "-wal")));
    EXPECT_FALSE(QFile::exists(QString::fromStdString(path + "-shm")));
}

TEST(MainWindow, ANewerStoreVersionIsExplainedInWords)
{
    test::TempDir dir;
    const std::string path = dir.file("future.hindsight");
    ASSERT_TRUE(test::writeInteractions(path, 3));
    {
        std::string error;
        auto store = store::Store::open(path, store::Store::OpenMode::Existing, &error);
        ASSERT_TRUE(store) << error;
        ASSERT_TRUE(store->db().exec("PRAGMA user_version = 999"));
    }
    const std::string before = test::readFile(path);
    MainWindow window(optionsFor(path));
    showAndActivate(window);
    ASSERT_TRUE(QTest::qWaitFor([&] { return currentPage(window) == QStringLiteral("workspaceErrorView"); },
                                kWaitMs));
    const QString message = labelText(window, "workspaceErrorMessage");
    EXPECT_TRUE(message.contains(QStringLiteral("newer Hindsight"))) << message.toStdString();
    EXPECT_EQ(test::readFile(path), before);
}

TEST(MainWindow, LiveRefreshPicksUpRowsAddedByAnotherConnection)
{
    test::TempDir dir;
    const std::string path = dir.file("live.hindsight");
    ASSERT_TRUE(test::writeInteractions(path, 50));
    MainWindow window(optionsFor(path));
    showAndActivate(window);
    window.showView(StudioView::Interactions);
    auto *table = find<QTableView>(window, "interactionsTable");
    ASSERT_TRUE(table);
    ASSERT_TRUE(QTest::qWaitFor([&] { return table->model()->rowCount() == 50; }, kWaitMs));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return labelText(window, "statusInteractions") == QStringLiteral("50 interactions"); },
        kWaitMs));

    // Another connection (as an import in another process would) adds 30 newer interactions.
    ASSERT_TRUE(test::writeInteractions(path, 30, test::kNewestMs + 60'000, 1000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return table->model()->rowCount() == 80; }, kWaitMs))
        << table->model()->rowCount();
    EXPECT_EQ(table->model()->index(0, ui::InteractionTableModel::PageColumn).data().toString(),
              QStringLiteral("/rent/1029"));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return labelText(window, "statusInteractions") == QStringLiteral("80 interactions"); },
        kWaitMs));
    EXPECT_EQ(labelText(window, "overviewInteractionsValue"), QStringLiteral("80"));

    // Rows imported with older timestamps land among those shown: the table reloads.
    ASSERT_TRUE(test::writeInteractions(path, 5, test::kNewestMs - 10'500, 2000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return table->model()->rowCount() == 85; }, kWaitMs))
        << table->model()->rowCount();
}

TEST(MainWindow, AStoreCreatedByAnotherProgramReplacesTheFirstRunScreen)
{
    test::TempDir dir;
    const std::string path = dir.file("later.hindsight");
    MainWindow window(optionsFor(path));
    showAndActivate(window);
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return currentPage(window) == QStringLiteral("firstRunView"); }, kWaitMs));
    ASSERT_TRUE(test::writeInteractions(path, 12));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return labelText(window, "overviewInteractionsValue") == QStringLiteral("12"); }, kWaitMs));
    EXPECT_EQ(currentPage(window), QStringLiteral("workspacePage"));
}

TEST(MainWindow, DroppedEventFilesAreImported)
{
    test::TempDir dir;
    demo::DemoOptions options;
    options.interactions = 1'500;
    options.days = 2;
    std::ostringstream ndjson;
    demo::DemoGenerator(options).writePostHogNdjson(ndjson);
    const std::string events = dir.write("export.ndjson", ndjson.str());

    MainWindow window(optionsFor(dir.file("dropped.hindsight")));
    showAndActivate(window);
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return currentPage(window) == QStringLiteral("firstRunView"); }, kWaitMs));

    // A link from a web page is not a file: refused.
    QMimeData web;
    web.setUrls({QUrl(QStringLiteral("https://example.com/events.ndjson"))});
    QDragEnterEvent refused(QPoint(20, 20), Qt::CopyAction, &web, Qt::LeftButton, Qt::NoModifier);
    refused.setAccepted(false);
    QApplication::sendEvent(&window, &refused);
    EXPECT_FALSE(refused.isAccepted());

    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(QString::fromStdString(events))});
    QDragEnterEvent enter(QPoint(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    enter.setAccepted(false);
    QApplication::sendEvent(&window, &enter);
    ASSERT_TRUE(enter.isAccepted());
    QDropEvent drop(QPointF(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    EXPECT_TRUE(window.session()->isJobRunning());

    ASSERT_TRUE(QTest::qWaitFor([&] { return !window.session()->isJobRunning(); }, 60'000));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return labelText(window, "overviewInteractionsValue") == QStringLiteral("1,500"); }, kWaitMs))
        << labelText(window, "overviewInteractionsValue").toStdString();
    EXPECT_EQ(currentPage(window), QStringLiteral("workspacePage"));
    EXPECT_TRUE(
        window.statusBar()->currentMessage().contains(QStringLiteral("Imported 1,500 new interactions")))
        << window.statusBar()->currentMessage().toStdString();
}

TEST(MainWindow, RemembersTheWorkspaceTheViewAndTheRecentList)
{
    test::TempDir dir;
    const std::string path = dir.file("remembered.hindsight");
    ASSERT_TRUE(test::writeInteractions(path, 4));
    QFile::remove(ui::StudioSettings().fileName()); // test-mode location, never the user's
    {
        ui::StudioOptions options = optionsFor(path);
        options.persistSettings = true;
        options.initialView.reset();
        MainWindow window(options);
        showAndActivate(window);
        ASSERT_TRUE(QTest::qWaitFor(
            [&] { return window.session()->state() == WorkspaceSession::State::Ready; }, kWaitMs));
        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
        window.resize(1111, 777);
        window.close();
    }
    {
        ui::StudioSettings settings;
        ASSERT_FALSE(settings.recentWorkspaces().isEmpty());
        EXPECT_EQ(settings.recentWorkspaces().front(), QString::fromStdString(path));
    }
    ui::StudioOptions options;
    options.pollIntervalMs = 100; // no path: the last workspace is reopened
    MainWindow again(options);
    again.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&again));
    EXPECT_EQ(again.currentView(), StudioView::Interactions);
    EXPECT_EQ(again.size(), QSize(1111, 777));
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return again.session()->state() == WorkspaceSession::State::Ready; }, kWaitMs));
    EXPECT_EQ(again.session()->path(), QString::fromStdString(path));
    again.close();
    QFile::remove(ui::StudioSettings().fileName());
}

TEST(MainWindow, PutsTheDividersBackWhereTheUserLeftThem)
{
    test::TempDir dir;
    const std::string path = dir.file("dividers.hindsight");
    ASSERT_TRUE(test::writeInteractions(path, 4));
    QFile::remove(ui::StudioSettings().fileName()); // test-mode location, never the user's
    ui::StudioOptions options = optionsFor(path);
    options.persistSettings = true;
    options.initialView = StudioView::Definitions;
    // A splitter once its view is shown in the opened workspace and laid out at the window's size
    // (a hidden page keeps the default size of a new widget).
    auto shown = [](MainWindow &window, const char *name) -> QSplitter * {
        auto *splitter = window.findChild<QSplitter *>(QString::fromLatin1(name));
        if (!splitter) return nullptr;
        const bool ready = QTest::qWaitFor(
            [&] {
                return window.session()->state() == WorkspaceSession::State::Ready && splitter->isVisible() &&
                       splitter->width() > 700;
            },
            kWaitMs);
        QTest::qWait(20); // layout requests still posted
        return ready ? splitter : nullptr;
    };
    QList<int> definitions;
    QList<int> charts;
    {
        MainWindow window(options);
        window.resize(1200, 800);
        showAndActivate(window);
        QSplitter *splitter = shown(window, "definitionsSplitter");
        ASSERT_NE(splitter, nullptr);
        const QList<int> before = splitter->sizes();
        ASSERT_EQ(before.size(), 2);
        splitter->setSizes({before[0] + before[1] - 500, 500});
        window.showView(StudioView::Charts);
        QSplitter *chartsSplitter = shown(window, "chartsSplitter");
        ASSERT_NE(chartsSplitter, nullptr);
        const QList<int> chartsBefore = chartsSplitter->sizes();
        chartsSplitter->setSizes({chartsBefore[0] + 90, chartsBefore[1] - 90});
        definitions = splitter->sizes();
        charts = chartsSplitter->sizes();
        ASSERT_EQ(definitions.back(), 500);
        window.close();
    }
    MainWindow again(options);
    showAndActivate(again);
    QSplitter *splitter = shown(again, "definitionsSplitter");
    ASSERT_NE(splitter, nullptr);
    EXPECT_EQ(splitter->sizes(), definitions);
    again.showView(StudioView::Charts);
    QSplitter *chartsSplitter = shown(again, "chartsSplitter");
    ASSERT_NE(chartsSplitter, nullptr);
    EXPECT_EQ(chartsSplitter->sizes(), charts);
    again.close();
    QFile::remove(ui::StudioSettings().fileName());
}

TEST(MainWindow, NewRowsDoNotMoveWhatTheUserIsReading)
{
    test::TempDir dir;
    const std::string path = dir.file("reading.hindsight");
    ASSERT_TRUE(test::writeInteractions(path, 150));
    MainWindow window(optionsFor(path));
    showAndActivate(window);
    window.showView(StudioView::Interactions);
    auto *table = find<QTableView>(window, "interactionsTable");
    ASSERT_TRUE(table);
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return table->model()->rowCount() == 150 && table->isVisible(); }, kWaitMs));
    table->scrollTo(table->model()->index(60, 0), QAbstractItemView::PositionAtTop);
    const QString topBefore = table->indexAt(QPoint(5, 5)).siblingAtColumn(2).data().toString();
    ASSERT_FALSE(topBefore.isEmpty());

    ASSERT_TRUE(test::writeInteractions(path, 5, test::kNewestMs + 60'000, 5000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return table->model()->rowCount() == 155; }, kWaitMs));
    EXPECT_EQ(table->indexAt(QPoint(5, 5)).siblingAtColumn(2).data().toString(), topBefore)
        << "the row at the top of the view stays there";
    EXPECT_EQ(table->model()->index(0, 2).data().toString(), QStringLiteral("/rent/5004"));
}
