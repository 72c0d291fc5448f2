#include "tests/benchmarks/studio/studioscenario.h"

#include "tests/benchmarks/studio/stallmonitor.h"
#include "ui/charts/studiochart.h"
#include "ui/models/definitionlistmodel.h"
#include "ui/models/elementtablemodel.h"
#include "ui/models/interactiontablemodel.h"
#include "ui/store/analysisservice.h"
#include "ui/store/workspacesession.h"
#include "ui/views/chartsview.h"
#include "ui/views/definitioneditor.h"
#include "ui/views/definitionsview.h"
#include "ui/views/elementsview.h"
#include "ui/views/interactionfilterbar.h"
#include "ui/views/interactionsview.h"
#include "ui/window/mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QScrollBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <algorithm>

namespace hindsight::bench {

namespace {

constexpr int kStepTimeoutMs = 180'000;

double peakRssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) return 0;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:")) return line.mid(6).trimmed().split(' ').front().toDouble() / 1024.0;
    return 0;
}

double median(std::vector<double> v)
{
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

ScenarioResult runStudioScenario(const QString &storePath)
{
    ScenarioResult result;
    StallMonitor whole;
    auto fail = [&](const QString &why) {
        result.error = why;
        return result;
    };

    QElapsedTimer clock;
    clock.start();
    ui::StudioOptions options;
    options.storePath = storePath;
    options.initialView = ui::StudioView::Interactions;
    options.persistSettings = false;
    ui::MainWindow window(options);
    window.resize(1400, 900);
    window.show();
    whole.start();
    ui::WorkspaceSession *session = window.session();
    if (!QTest::qWaitFor(
            [&] {
                return session->state() == ui::WorkspaceSession::State::Ready &&
                       session->interactions()->rowCount() > 0;
            },
            kStepTimeoutMs))
        return fail(QStringLiteral("the workspace did not open"));
    result.usableMs = static_cast<double>(clock.elapsed());

    auto step = [&](const QString &name, const std::function<bool()> &action) {
        StallMonitor monitor;
        monitor.start();
        const bool ok = action();
        monitor.stop();
        result.stepStallMs.emplace_back(name, monitor.longestMs());
        result.stepPeakRssMb.emplace_back(name, peakRssMb());
        return ok;
    };
    ui::AnalysisService *analysis = window.analysis();
    auto idle = [&] { return QTest::qWaitFor([&] { return analysis->pendingJobs() == 0; }, kStepTimeoutMs); };

    // Scroll far back: 100 pages of 200 interactions, each fetched as the end comes into view.
    ui::InteractionsView *browser = window.interactionsView();
    if (!step(QStringLiteral("scroll"), [&] {
            QTableView *table = browser->table();
            ui::InteractionTableModel *model = session->interactions();
            for (int i = 0; i < 100; ++i) {
                table->verticalScrollBar()->setValue(table->verticalScrollBar()->maximum());
                if (!QTest::qWaitFor([&] { return !model->isFetching(); }, kStepTimeoutMs)) return false;
                QTest::qWait(5);
            }
            table->scrollToTop();
            return model->rowCount() >= 10'000;
        }))
        return fail(QStringLiteral("scrolling did not load 10,000 rows"));

    // Filters, typed key by key as a user types them.
    std::vector<double> filterTimes;
    ui::InteractionFilterBar *bar = browser->filterBar();
    auto typeChip = [&](ui::InteractionFilterBar::Kind kind, const QString &text) {
        bar->setChip(kind, QString(), true);
        QLineEdit *field = bar->field(kind);
        if (!field) return false;
        QElapsedTimer t;
        t.start();
        QTest::keyClicks(field, text, Qt::NoModifier, 30);
        const bool ok = QTest::qWaitFor(
            [&] {
                return browser->isFiltered() && browser->filteredCount() >= 0 && analysis->pendingJobs() == 0;
            },
            kStepTimeoutMs);
        filterTimes.push_back(static_cast<double>(t.elapsed()) - 30.0 * text.size());
        return ok;
    };
    if (!step(QStringLiteral("filter"), [&] {
            return typeChip(ui::InteractionFilterBar::Kind::Type, QStringLiteral("click")) &&
                   typeChip(ui::InteractionFilterBar::Kind::Selector, QStringLiteral("button.btn")) &&
                   typeChip(ui::InteractionFilterBar::Kind::Text, QStringLiteral("add")) &&
                   typeChip(ui::InteractionFilterBar::Kind::Page, QStringLiteral("/product/*"));
        }))
        return fail(QStringLiteral("a filter did not answer"));
    result.firstFilterMs = filterTimes.front();
    result.filterMs = median(std::vector<double>(filterTimes.begin() + 1, filterTimes.end()));

    if (!step(QStringLiteral("elements"), [&] {
            browser->tabs()->setCurrentWidget(browser->elementsView());
            const bool ok = QTest::qWaitFor(
                [&] {
                    return analysis->pendingJobs() == 0 && browser->elementsView()->model()->rowCount() > 0;
                },
                kStepTimeoutMs);
            bar->clearAll();
            browser->tabs()->setCurrentIndex(0);
            return ok && idle();
        }))
        return fail(QStringLiteral("the elements did not load"));

    if (!step(QStringLiteral("definitions"), [&] {
            QElapsedTimer t;
            t.start();
            window.showView(ui::StudioView::Definitions);
            const bool ok = QTest::qWaitFor(
                [&] {
                    return window.definitionsView()->listModel()->rowCount() > 0 &&
                           analysis->pendingJobs() == 0;
                },
                kStepTimeoutMs);
            result.definitionsMs = static_cast<double>(t.elapsed());
            return ok;
        }))
        return fail(QStringLiteral("the definitions did not load"));

    if (!step(QStringLiteral("charts"), [&] {
            window.showView(ui::StudioView::Charts);
            window.chartsView()->showDefinitions({QStringLiteral("Product - View Page"),
                                                  QStringLiteral("Cart - Add Item"),
                                                  QStringLiteral("Checkout - Click Pay Now")});
            return QTest::qWaitFor(
                [&] {
                    return analysis->pendingJobs() == 0 &&
                           window.chartsView()->chart()->kind() == ui::StudioChart::Kind::Trend;
                },
                kStepTimeoutMs);
        }))
        return fail(QStringLiteral("the chart did not draw"));

    if (!step(QStringLiteral("editor"), [&] {
            const ui::InteractionTableModel *model = session->interactions();
            qint64 id = 0;
            for (int r = 0; r < model->rowCount() && id == 0; ++r)
                if (model->rowAt(r)->type == QLatin1String("click") &&
                    !model->rowAt(r)->targetSelector.isEmpty())
                    id = model->rowAt(r)->id;
            window.showView(ui::StudioView::Definitions);
            window.definitionsView()->defineFromInteractions({id});
            return QTest::qWaitFor(
                [&] {
                    return !window.definitionsView()->editor()->isLoading() && analysis->pendingJobs() == 0;
                },
                kStepTimeoutMs);
        }))
        return fail(QStringLiteral("the editor did not load"));

    // Part 2's views: the review lists and the field audit (seconds on 10M rows, off the GUI thread).
    for (const auto &[name, view] : {std::pair{QStringLiteral("naming"), ui::StudioView::Naming},
                                     std::pair{QStringLiteral("privacy"), ui::StudioView::Privacy},
                                     std::pair{QStringLiteral("overview"), ui::StudioView::Overview}}) {
        if (!step(name, [&, v = view] {
                window.showView(v);
                QTest::qWait(50);
                return idle();
            }))
            return fail(QStringLiteral("the %1 view did not load").arg(name));
    }

    whole.stop();
    result.longestStallMs = whole.longestMs();
    result.stallP99Ms = whole.quantileMs(0.99);
    result.stallsOver100 = whole.countOver(100);
    result.peakRssMb = peakRssMb();
    window.close();
    return result;
}

} // namespace hindsight::bench
