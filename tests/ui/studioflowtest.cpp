// The studio's main flows end to end, in the real window on a real store: define an event from a
// selected interaction (D, Ctrl+S), check what was saved and its count, undo it; filter the
// browser; chart a definition and export the chart.
#include "ui/window/mainwindow.h"

#include "core/definitions/answers.h"
#include "core/definitions/catalog.h"
#include "core/definitions/compileddefinition.h"
#include "core/definitions/interactionindex.h"
#include "core/store/store.h"
#include "tests/support/tempdir.h"
#include "tests/ui/uitesthelpers.h"
#include "ui/charts/studiochart.h"
#include "ui/models/interactiontablemodel.h"
#include "ui/store/workspacesession.h"
#include "ui/views/chartsview.h"
#include "ui/views/definitioneditor.h"
#include "ui/views/definitionsview.h"
#include "ui/views/interactionfilterbar.h"
#include "ui/views/interactionsview.h"
#include "ui/views/stepeditor.h"

#include <QAction>
#include <QFile>
#include <QImage>
#include <QLineEdit>
#include <QTableView>
#include <QTest>
#include <gtest/gtest.h>

using namespace hindsight;
using ui::MainWindow;
using ui::StudioView;
using ui::WorkspaceSession;

namespace {

constexpr int kWaitMs = 30'000;

ui::StudioOptions optionsFor(const std::string &path)
{
    ui::StudioOptions options;
    options.storePath = QString::fromStdString(path);
    options.initialView = StudioView::Interactions;
    options.persistSettings = false;
    options.pollIntervalMs = 100;
    return options;
}

void showReady(MainWindow &window)
{
    window.resize(1280, 800);
    window.show();
    window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return window.session()->state() == WorkspaceSession::State::Ready &&
                   window.session()->interactions()->rowCount() > 0;
        },
        kWaitMs));
}

/// The definition as a separate connection sees it.
std::optional<definitions::Definition> stored(const std::string &path, const std::string &name)
{
    std::string error;
    auto store = store::Store::open(path, store::Store::OpenMode::ReadOnly, &error);
    if (!store) return std::nullopt;
    return definitions::Catalog(*store).find(name);
}

/// How many interactions `def` matches, computed by the core over a fresh index.
std::int64_t coreCount(const std::string &path, const definitions::Definition &def)
{
    std::string error;
    auto store = store::Store::open(path, store::Store::OpenMode::ReadOnly, &error);
    if (!store) return -1;
    auto index = definitions::InteractionIndex::loadWithoutCache(*store, &error);
    if (!index) return -1;
    definitions::CompileError compileError;
    auto compiled = definitions::CompiledDefinition::compile(def, *index, {}, &compileError);
    if (!compiled) return -1;
    return definitions::totals(*index, *compiled).count;
}

} // namespace

TEST(StudioFlow, DefinesAnEventFromASelectedInteractionSavesItAndUndoesIt)
{
    test::TempDir dir;
    const std::string path = dir.file("shop.hindsight");
    ASSERT_TRUE(test::writeInteractions(path, 200)); // 180 clicks on button#rent-now, 20 pageviews
    MainWindow window(optionsFor(path));
    showReady(window);

    // Select a click in the table and press D.
    ui::InteractionsView *browser = window.interactionsView();
    const ui::InteractionTableModel *rows = window.session()->interactions();
    int clickRow = -1;
    for (int r = 0; r < rows->rowCount() && clickRow < 0; ++r)
        if (rows->rowAt(r)->type == QLatin1String("click")) clickRow = r;
    ASSERT_GE(clickRow, 0);
    browser->selectRow(clickRow);
    QTest::keyClick(browser->table(), Qt::Key_D);

    ui::DefinitionsView *definitions = window.definitionsView();
    EXPECT_EQ(window.currentView(), StudioView::Definitions);
    ASSERT_TRUE(definitions->isEditing());
    ui::DefinitionEditor *editor = definitions->editor();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !editor->isLoading() && !editor->nameEdit()->text().isEmpty(); },
                                kWaitMs));
    const definitions::Definition draft = editor->draft();
    ASSERT_EQ(draft.steps.size(), 1u);
    ASSERT_TRUE(draft.steps[0].selector.has_value()) << "the suggester proposes a selector";
    EXPECT_NE(draft.steps[0].selector->find("rent-now"), std::string::npos) << *draft.steps[0].selector;

    // One example proposes its own text ("Rent now 17") and page (/rent/17); broaden to every
    // click on the button, as a user would, by clearing both.
    ui::StepEditor *step = editor->stepEditor(0);
    ASSERT_NE(step, nullptr);
    step->textEdit()->clear();
    step->urlEdit()->clear();
    ASSERT_FALSE(editor->draft().steps.at(0).text.has_value());
    ASSERT_FALSE(editor->draft().steps.at(0).url.has_value());
    editor->nameEdit()->setText(QStringLiteral("Rent - Click Rent Now"));
    QTest::keyClick(editor->nameEdit(), Qt::Key_S, Qt::ControlModifier);
    ASSERT_TRUE(QTest::qWaitFor([&] { return stored(path, "Rent - Click Rent Now").has_value(); }, kWaitMs));
    const auto saved = stored(path, "Rent - Click Rent Now");
    EXPECT_EQ(saved->steps.at(0).selector, draft.steps[0].selector);
    EXPECT_EQ(coreCount(path, *saved), 180) << "every click on the button, all 200 interactions considered";
    EXPECT_TRUE(QTest::qWaitFor([&] { return !definitions->isEditing(); }, kWaitMs)) << "saving closes the editor";

    // Undo (the window's action, as Ctrl+Z triggers it) removes it again; redo brings it back.
    auto *undo = window.findChild<QAction *>(QStringLiteral("undoAction"));
    auto *redo = window.findChild<QAction *>(QStringLiteral("redoAction"));
    ASSERT_NE(undo, nullptr);
    ASSERT_TRUE(QTest::qWaitFor([&] { return undo->isEnabled(); }, kWaitMs));
    undo->trigger();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !stored(path, "Rent - Click Rent Now").has_value(); }, kWaitMs));
    ASSERT_TRUE(QTest::qWaitFor([&] { return redo->isEnabled(); }, kWaitMs));
    redo->trigger();
    EXPECT_TRUE(QTest::qWaitFor([&] { return stored(path, "Rent - Click Rent Now").has_value(); }, kWaitMs));
}

TEST(StudioFlow, FiltersTheBrowserAndExportsAChart)
{
    test::TempDir dir;
    const std::string path = dir.file("shop.hindsight");
    ASSERT_TRUE(test::writeInteractions(path, 200));
    {
        std::string error;
        auto store = store::Store::open(path, store::Store::OpenMode::Existing, &error);
        ASSERT_TRUE(store) << error;
        definitions::Definition def;
        def.name = "Rent Clicks";
        definitions::Step step;
        step.eventTypes = {"click"};
        step.selector = "#rent-now";
        def.steps.push_back(step);
        ASSERT_TRUE(definitions::Catalog(*store).create(def, {"tester", "", std::nullopt}));
    }
    MainWindow window(optionsFor(path));
    showReady(window);

    ui::InteractionsView *browser = window.interactionsView();
    browser->filterBar()->setChip(ui::InteractionFilterBar::Kind::Type, QStringLiteral("pageview"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return browser->isFiltered() && browser->filteredCount() == 20; }, kWaitMs))
        << browser->filteredCount();
    ASSERT_TRUE(QTest::qWaitFor([&] { return browser->shownModel()->rowCount() == 20; }, kWaitMs));
    for (int r = 0; r < 20; ++r)
        EXPECT_EQ(browser->shownModel()->rowAt(r)->type, QStringLiteral("pageview"));
    browser->filterBar()->clearAll();
    EXPECT_TRUE(QTest::qWaitFor([&] { return !browser->isFiltered(); }, kWaitMs));

    QTest::keyClick(&window, Qt::Key_6, Qt::ControlModifier);
    ASSERT_EQ(window.currentView(), StudioView::Charts);
    ui::ChartsView *charts = window.chartsView();
    charts->showDefinitions({QStringLiteral("Rent Clicks")});
    ASSERT_TRUE(QTest::qWaitFor([&] { return charts->chart()->kind() == ui::StudioChart::Kind::Trend; }, kWaitMs));
    const QString csvPath = QString::fromStdString(dir.file("trend.csv"));
    const QString pngPath = QString::fromStdString(dir.file("trend.png"));
    QString error;
    ASSERT_TRUE(charts->exportCsv(csvPath, &error)) << error.toStdString();
    ASSERT_TRUE(charts->exportPng(pngPath, &error)) << error.toStdString();

    QFile csv(csvPath);
    ASSERT_TRUE(csv.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(csv.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_GE(lines.size(), 2);
    EXPECT_EQ(lines.front(), QStringLiteral("time,Rent Clicks"));
    qint64 sum = 0;
    for (int i = 1; i < lines.size(); ++i)
        sum += lines[i].section(QLatin1Char(','), 1, 1).toLongLong();
    EXPECT_EQ(sum, 180) << "the exported series adds up to the definition's count";
    const QImage png(pngPath);
    EXPECT_FALSE(png.isNull());
    EXPECT_EQ(png.size(), charts->chart()->size());
}
