#include "core/definitions/answers.h"
#include "core/definitions/catalog.h"
#include "core/definitions/compileddefinition.h"
#include "core/definitions/coverage.h"
#include "core/definitions/interactionindex.h"
#include "core/demo/demodefinitions.h"
#include "core/demo/demogenerator.h"
#include "core/demo/demoworkspace.h"
#include "core/naming/cataloglinter.h"
#include "core/privacy/fieldaudit.h"
#include "core/store/store.h"
#include "tests/support/tempdir.h"
#include "tests/ui/uitesthelpers.h"
#include "ui/charts/studiochart.h"
#include "ui/common/humanformat.h"
#include "ui/common/sharedtimerange.h"
#include "ui/store/analysisservice.h"
#include "ui/store/catalogeditor.h"
#include "ui/store/definitionjobs.h"
#include "ui/store/workspacesession.h"
#include "ui/views/elidinglabel.h"
#include "ui/views/overviewcard.h"
#include "ui/views/overviewgrid.h"
#include "ui/views/overviewlinkrow.h"
#include "ui/views/workspaceoverviewview.h"

#include <QCoreApplication>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <cmath>
#include <gtest/gtest.h>

using namespace hindsight;
using definitions::DefinitionStatus;
using ui::StudioView;
using ui::WorkspaceOverviewView;

namespace {

constexpr int kWaitMs = 60'000;

/// A real demo workspace (20,000 interactions over 30 days and the demo's messy catalog) with
/// the studio's session, analysis service, catalog editor and time range, and the Overview.
struct OverviewStudio
{
    test::TempDir dir;
    std::string path;
    ui::WorkspaceSession session;
    ui::AnalysisService analysis;
    ui::CatalogEditor editor{&analysis};
    ui::SharedTimeRange range;
    std::unique_ptr<WorkspaceOverviewView> view;

    OverviewStudio()
    {
        qputenv("HINDSIGHT_ACTOR", "overview-tester");
        path = dir.file("demo.hindsight");
        std::string error;
        auto store = store::Store::open(path, store::Store::OpenMode::CreateIfMissing, &error);
        EXPECT_TRUE(store) << error;
        demo::DemoOptions options;
        options.interactions = 20'000;
        options.days = 30;
        const auto built = demo::buildDemoWorkspace(*store, options);
        EXPECT_TRUE(built.error.empty()) << built.error;
        range.setNewestMs(demo::DemoGenerator(options).endMs());
        store.reset();

        session.open(QString::fromStdString(path));
        analysis.open(QString::fromStdString(path));
        view = std::make_unique<WorkspaceOverviewView>(session.interactions(), &analysis, &range);
        QObject::connect(&session, &ui::WorkspaceSession::statsChanged, view.get(),
                         &WorkspaceOverviewView::setStats);
        view->resize(1400, 900);
        view->show();
    }

    std::unique_ptr<store::Store> openStore()
    {
        std::string error;
        auto store = store::Store::open(path, store::Store::OpenMode::ReadOnly, &error);
        EXPECT_TRUE(store) << error;
        return store;
    }

    /// Every card has its figures (the audit included).
    bool waitForFigures()
    {
        if (QTest::qWaitFor([&] { return session.hasStats() && !view->isBusy() && !analysis.pendingJobs(); },
                            kWaitMs))
            return true;
        // Say what is still missing.
        std::string state = "session state " + std::to_string(static_cast<int>(session.state())) + " '" +
                            session.errorMessage().toStdString() + "', stats " +
                            std::string(session.hasStats() ? "yes" : "no") + ", view busy " +
                            (view->isBusy() ? "yes" : "no") + ", analysis jobs " +
                            std::to_string(analysis.pendingJobs());
        for (const char *key : {"Volume", "Coverage", "Catalog", "Naming", "Privacy", "Changes"})
            if (auto *c = view->findChild<ui::OverviewCard *>(
                    QStringLiteral("overview%1Card").arg(QLatin1String(key))))
                state += std::string(", ") + key + " '" + c->value().toStdString() + "' (" +
                         c->caption().toStdString() + ")";
        ADD_FAILURE() << "the figures did not all arrive: " << state;
        return false;
    }

    ui::OverviewCard *card(const char *key) const
    {
        auto *c =
            view->findChild<ui::OverviewCard *>(QStringLiteral("overview%1Card").arg(QLatin1String(key)));
        EXPECT_NE(c, nullptr) << "no card " << key;
        return c;
    }
    QString label(const char *name) const
    {
        auto *l = view->findChild<QLabel *>(QString::fromLatin1(name));
        EXPECT_NE(l, nullptr) << "no label " << name;
        return l ? l->text() : QString();
    }
    ui::OverviewLinkRow *changeRow(int i) const
    {
        return view->findChild<ui::OverviewLinkRow *>(QStringLiteral("overviewChange%1").arg(i));
    }
};

/// As the Overview shows a share: whole percent rounded down, one decimal below 10 %.
QString percentOf(std::int64_t matched, std::int64_t considered)
{
    const double percent = 100.0 * double(matched) / double(considered);
    const QLocale locale = ui::displayLocale();
    if (percent > 0 && percent < 10) return locale.toString(std::floor(percent * 10) / 10, 'f', 1) + " %";
    return locale.toString(static_cast<qint64>(std::floor(percent))) + " %";
}

void saveShot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("HINDSIGHT_OVERVIEW_SHOTS");
    if (dir.isEmpty()) return;
    widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

} // namespace

TEST(OverviewView, HealthCardsAnswerWhatCoreAnswers)
{
    OverviewStudio s;
    ASSERT_TRUE(s.waitForFigures());
    auto store = s.openStore();
    std::string error;
    auto index = definitions::InteractionIndex::loadWithoutCache(*store, &error);
    ASSERT_TRUE(index) << error;
    definitions::Catalog catalog(*store);
    const auto defs = catalog.list({}, &error);
    ASSERT_FALSE(defs.empty()) << error;
    const definitions::TimeRange range = s.range.resolved();

    // Volume: every interaction of the range, with people and sessions.
    {
        const auto [first, last] = definitions::rowRange(*index, range);
        EXPECT_EQ(s.card("Volume")->value(), ui::formatCount(static_cast<qint64>(last - first)));
        EXPECT_TRUE(s.card("Volume")->caption().contains(QStringLiteral("sessions")));
        auto *chart = s.view->findChild<ui::StudioChart *>(QStringLiteral("overviewVolumeChart"));
        ASSERT_NE(chart, nullptr);
        EXPECT_EQ(chart->kind(), ui::StudioChart::Kind::Trend);
        // The chart's CSV adds up to the same count.
        const QStringList rows = chart->toCsv().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        qint64 sum = 0;
        for (int i = 1; i < rows.size(); ++i)
            sum += rows[i].section(QLatin1Char(','), -1).toLongLong();
        EXPECT_EQ(sum, static_cast<qint64>(last - first));
    }

    // Coverage equals core coverage over the non-archived definitions.
    {
        std::vector<definitions::CompiledDefinition> compiled;
        const auto lookup = [&](std::string_view name) -> const definitions::Definition * {
            for (const auto &d : defs)
                if (d.name == name) return &d;
            return nullptr;
        };
        for (const auto &d : defs) {
            if (d.status == DefinitionStatus::Archived) continue;
            if (auto c = definitions::CompiledDefinition::compile(d, *index, lookup, nullptr))
                compiled.push_back(std::move(*c));
        }
        std::vector<const definitions::CompiledDefinition *> pointers;
        for (const auto &c : compiled)
            pointers.push_back(&c);
        definitions::CoverageOptions options;
        options.range = range;
        const auto report = definitions::coverage(*index, pointers, options);
        ASSERT_GT(report.considered, 0);
        ASSERT_GT(report.unmatched, 0) << "the demo leaves elements uncovered";
        EXPECT_EQ(s.card("Coverage")->value(), percentOf(report.matched, report.considered));
        EXPECT_TRUE(s.card("Coverage")->caption().contains(ui::formatCount(report.considered)))
            << s.card("Coverage")->caption().toStdString();
        // The most frequent uncovered element is listed first, with its count.
        auto *top = s.view->findChild<ui::ElidingLabel *>(QStringLiteral("overviewUncovered0"));
        ASSERT_NE(top, nullptr);
        EXPECT_TRUE(top->isVisible());
        const QString topText = top->text();
        ASSERT_FALSE(report.elements.empty());
        EXPECT_TRUE(topText.contains(ui::formatCount(report.elements.front().count)))
            << topText.toStdString();
    }

    // Catalog by status, as the store has it.
    {
        int verified = 0, draft = 0, deprecated = 0, archived = 0;
        for (const auto &d : defs) {
            verified += d.status == DefinitionStatus::Verified;
            draft += d.status == DefinitionStatus::Draft;
            deprecated += d.status == DefinitionStatus::Deprecated;
            archived += d.status == DefinitionStatus::Archived;
        }
        EXPECT_EQ(s.card("Catalog")->value(), ui::formatCount(static_cast<qint64>(defs.size())));
        EXPECT_EQ(s.label("overviewCatalogStatuses"),
                  QStringLiteral("Verified %1 · Draft %2 · Deprecated %3 · Archived %4")
                      .arg(verified)
                      .arg(draft)
                      .arg(deprecated)
                      .arg(archived));
        EXPECT_GT(verified, 0);
        EXPECT_GT(draft, 0);
        // …which is the demo's catalog as shipped.
        int demoVerified = 0, demoDeprecated = 0;
        for (const auto &d : demo::demoDefinitions()) {
            demoVerified += d.status == DefinitionStatus::Verified;
            demoDeprecated += d.status == DefinitionStatus::Deprecated;
        }
        EXPECT_EQ(verified, demoVerified);
        EXPECT_EQ(deprecated, demoDeprecated);
        EXPECT_EQ(defs.size(), demo::demoDefinitions().size());
    }

    // Naming: core lint with the workspace's convention.
    {
        const auto convention = ui::loadWorkspaceConvention(*store);
        std::vector<naming::CatalogEntry> entries;
        for (const auto &d : defs)
            entries.push_back(
                {d.name, d.description, d.owner, d.category, std::string(definitions::statusName(d.status))});
        const auto report = naming::CatalogLinter(convention.convention).lint(entries);
        ASSERT_GT(report.violations.size(), 0u) << "the demo's names are messy";
        EXPECT_EQ(s.card("Naming")->value(), ui::formatCount(static_cast<qint64>(report.violations.size())));
        ASSERT_GT(report.duplicates.size(), 0u);
        EXPECT_TRUE(s.label("overviewNamingDetail")
                        .startsWith(QStringLiteral("%1 group").arg(report.duplicates.size())))
            << s.label("overviewNamingDetail").toStdString();
    }

    // Privacy: the demo's planted findings, the riskiest field named.
    {
        const auto audit = privacy::auditFields(*store, {}, &error);
        ASSERT_TRUE(audit) << error;
        ASSERT_GT(audit->findingCount(), 0);
        EXPECT_FALSE(s.view->isCheckingPrivacy());
        EXPECT_EQ(s.card("Privacy")->value(), ui::formatCount(audit->findingCount()));
        const privacy::FieldReport *best = nullptr;
        const privacy::DetectorFinding *bestFinding = nullptr;
        for (const auto &f : audit->fields)
            for (const auto &d : f.findings)
                if (!bestFinding || privacy::severityOf(d.type) < privacy::severityOf(bestFinding->type) ||
                    (privacy::severityOf(d.type) == privacy::severityOf(bestFinding->type) &&
                     d.interactionsAffected > bestFinding->interactionsAffected)) {
                    best = &f;
                    bestFinding = &d;
                }
        ASSERT_NE(best, nullptr);
        EXPECT_TRUE(s.label("overviewPrivacyRiskiest").contains(QString::fromStdString(best->field)))
            << s.label("overviewPrivacyRiskiest").toStdString();
    }

    // Recent changes: the newest history entry first.
    {
        std::int64_t newestMs = -1;
        std::string newestName;
        for (const auto &d : defs) {
            const auto history = catalog.history(d.name);
            ASSERT_TRUE(history);
            for (const auto &h : *history)
                if (h.atMs > newestMs) {
                    newestMs = h.atMs;
                    newestName = d.name;
                }
        }
        auto *row = s.changeRow(0);
        ASSERT_NE(row, nullptr);
        EXPECT_TRUE(row->isVisible());
        // Entries at the same millisecond may come in any order among themselves.
        bool listed = false;
        for (int i = 0; i < 5; ++i)
            if (auto *r = s.changeRow(i); r && r->isVisible())
                listed = listed || r->primaryText() == QString::fromStdString(newestName);
        EXPECT_TRUE(listed) << newestName;
        EXPECT_TRUE(row->detailText().startsWith(QStringLiteral("imported by demo")))
            << row->detailText().toStdString();
    }
    saveShot(s.view.get(), QStringLiteral("overview-1400x900"));
}

TEST(OverviewView, FollowsCatalogEditsAndTheRange)
{
    OverviewStudio s;
    ASSERT_TRUE(s.waitForFigures());
    const QString statuses = s.label("overviewCatalogStatuses");
    const QString allTime = s.card("Volume")->value();

    // An edit through the catalog editor: the newest change, and one more verified definition.
    s.editor.setStatus(QStringLiteral("Pay button"), DefinitionStatus::Verified, QStringLiteral("checked"));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return s.changeRow(0) && s.changeRow(0)->primaryText() == QStringLiteral("Pay button"); },
        kWaitMs));
    ASSERT_TRUE(s.waitForFigures());
    EXPECT_EQ(s.changeRow(0)->detailText(), QStringLiteral("status changed by overview-tester · just now"));
    EXPECT_NE(s.label("overviewCatalogStatuses"), statuses);
    QSignalSpy opened(s.view.get(), &WorkspaceOverviewView::definitionActivated);
    QSignalSpy views(s.view.get(), &WorkspaceOverviewView::viewRequested);
    QTest::mouseClick(s.changeRow(0), Qt::LeftButton);
    ASSERT_EQ(opened.size(), 1);
    EXPECT_EQ(opened.front().front().toString(), QStringLiteral("Pay button"));
    EXPECT_EQ(views.size(), 0) << "the row's click does not open the card's view too";

    // A narrower range counts again.
    ui::StudioTimeRange lastWeek;
    lastWeek.preset = ui::StudioTimeRange::Preset::Last7Days;
    s.range.setValue(lastWeek);
    ASSERT_TRUE(QTest::qWaitFor([&] { return s.card("Volume")->value() != allTime; }, kWaitMs));
    ASSERT_TRUE(s.waitForFigures());
    auto store = s.openStore();
    std::string error;
    auto index = definitions::InteractionIndex::loadWithoutCache(*store, &error);
    ASSERT_TRUE(index) << error;
    const auto [first, last] = definitions::rowRange(*index, s.range.resolved());
    EXPECT_EQ(s.card("Volume")->value(), ui::formatCount(static_cast<qint64>(last - first)));
    EXPECT_TRUE(s.card("Volume")->caption().startsWith(QStringLiteral("interactions in the last 7 days")))
        << s.card("Volume")->caption().toStdString();
}

TEST(OverviewView, EveryCardOpensItsView)
{
    OverviewStudio s;
    ASSERT_TRUE(s.waitForFigures());
    QSignalSpy views(s.view.get(), &WorkspaceOverviewView::viewRequested);
    QSignalSpy interactions(s.view.get(), &WorkspaceOverviewView::interactionsRequested);
    const std::pair<const char *, StudioView> cards[] = {
        {"Volume", StudioView::Interactions}, {"Coverage", StudioView::Interactions},
        {"Catalog", StudioView::Definitions}, {"Naming", StudioView::Naming},
        {"Privacy", StudioView::Privacy},     {"Changes", StudioView::Definitions},
    };
    for (const auto &[key, view] : cards) {
        views.clear();
        ui::OverviewCard *card = s.card(key);
        ASSERT_NE(card, nullptr);
        // Clicked on its title (not on a row or the chart inside it).
        QWidget *title = card->findChild<QLabel *>(QStringLiteral("overview%1Title").arg(QLatin1String(key)));
        ASSERT_NE(title, nullptr);
        QTest::mouseClick(card, Qt::LeftButton, {}, title->geometry().center());
        ASSERT_EQ(views.size(), 1) << key;
        EXPECT_EQ(views.front().front().value<StudioView>(), view) << key;
    }
    // From the keyboard: focus and Enter.
    views.clear();
    s.view->activateWindow();
    s.card("Naming")->setFocus();
    QTest::keyClick(s.card("Naming"), Qt::Key_Return);
    ASSERT_EQ(views.size(), 1);
    EXPECT_EQ(views.front().front().value<StudioView>(), StudioView::Naming);
    // The workspace's own figures keep working as before.
    EXPECT_EQ(s.label("overviewInteractionsValue"), ui::formatCount(20'000));
    QTest::mouseClick(s.card("Interactions"), Qt::LeftButton);
    EXPECT_EQ(interactions.size(), 1);
}

TEST(OverviewView, CardsReflowForANarrowWindow)
{
    OverviewStudio s;
    // Before any figure: every card says it is counting, the audit says "Checking…". Results reach
    // the view as queued calls, so none can have arrived before the event loop runs.
    EXPECT_EQ(s.card("Privacy")->value(), QStringLiteral("Checking…"));
    EXPECT_EQ(s.card("Catalog")->value(), QStringLiteral("—"));
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents(); // the posted layout requests of the cards and the grid
    // On a fast machine the audit of 20,000 interactions may be done by now; while it is not,
    // the card says so.
    if (s.view->isCheckingPrivacy()) {
        EXPECT_EQ(s.card("Privacy")->value(), QStringLiteral("Checking…"));
    }
    saveShot(s.view.get(), QStringLiteral("overview-pending"));
    ASSERT_TRUE(s.waitForFigures());
    auto *grid = s.view->findChild<ui::OverviewGrid *>(QStringLiteral("overviewHealthGrid"));
    ASSERT_NE(grid, nullptr);
    EXPECT_EQ(grid->columns(), 3);
    saveShot(s.view.get(), QStringLiteral("overview-1400x900-after"));

    s.view->resize(1000, 700);
    QTest::qWait(50);
    auto *scroll = s.view->findChild<QScrollArea *>();
    ASSERT_NE(scroll, nullptr);
    EXPECT_FALSE(scroll->horizontalScrollBar()->isVisible()) << "nothing is cut at the right";
    EXPECT_LE(grid->width(), scroll->viewport()->width());
    saveShot(s.view.get(), QStringLiteral("overview-1000x700"));

    // In the window the rail takes its share: the view is narrower still.
    s.view->resize(760, 700);
    QTest::qWait(50);
    EXPECT_EQ(grid->columns(), 2);
    EXPECT_FALSE(scroll->horizontalScrollBar()->isVisible());
    // Cards never overlap.
    const QList<ui::OverviewCard *> cards =
        grid->findChildren<ui::OverviewCard *>(Qt::FindDirectChildrenOnly);
    for (int i = 0; i < cards.size(); ++i)
        for (int j = i + 1; j < cards.size(); ++j)
            EXPECT_FALSE(cards[i]->geometry().intersects(cards[j]->geometry()))
                << cards[i]->objectName().toStdString() << " and " << cards[j]->objectName().toStdString();
    saveShot(s.view.get(), QStringLiteral("overview-760x700"));
}

TEST(OverviewView, WithoutAnalysisShowsTheWorkspaceFiguresOnly)
{
    test::TempDir dir;
    const std::string path = dir.file("shop.hindsight");
    ASSERT_TRUE(test::writeInteractions(path, 40));
    ui::WorkspaceSession session;
    session.open(QString::fromStdString(path));
    WorkspaceOverviewView view(session.interactions());
    QObject::connect(&session, &ui::WorkspaceSession::statsChanged, &view, &WorkspaceOverviewView::setStats);
    view.resize(1000, 700);
    view.show();
    ASSERT_TRUE(QTest::qWaitFor([&] { return session.hasStats(); }, kWaitMs));
    QTest::qWait(20);
    EXPECT_EQ(view.findChild<ui::OverviewCard *>(QStringLiteral("overviewInteractionsCard"))->value(),
              QStringLiteral("40"));
    EXPECT_EQ(view.findChild<ui::OverviewCard *>(QStringLiteral("overviewCoverageCard")), nullptr);
    EXPECT_FALSE(view.isBusy());
}
