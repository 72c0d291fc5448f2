#include "ui/window/screenshotrunner.h"

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
#include "ui/views/interactiondetailview.h"
#include "ui/views/interactionsview.h"
#include "ui/window/mainwindow.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QImage>
#include <QItemSelectionModel>
#include <QPixmap>
#include <QTabWidget>
#include <QTableView>

namespace hindsight::ui {

namespace {

/// The demo workspace's definitions the chart scenes show (core/demo/demodefinitions.cpp).
const QStringList kTrendDefinitions = {QStringLiteral("Product - View Page"),
                                       QStringLiteral("Cart - Add Item"),
                                       QStringLiteral("Checkout - Click Pay Now")};
const QStringList kFunnelSteps = {QStringLiteral("Product - View Page"), QStringLiteral("Cart - Add Item"),
                                  QStringLiteral("Cart - Click Checkout"),
                                  QStringLiteral("Checkout - Click Pay Now")};
const QString kShownDefinition = QStringLiteral("Checkout - Click Pay Now");
/// How long the analysis thread must stay idle before its answers count as shown.
constexpr qint64 kSettleMs = 700;

} // namespace

QStringList ScreenshotRunner::scenes()
{
    QStringList keys;
    for (StudioView view : kAllStudioViews)
        keys << studioViewKey(view);
    keys.insert(2, QStringLiteral("elements"));
    keys.insert(4, QStringLiteral("editor"));
    keys << QStringLiteral("funnel");
    return keys;
}

std::optional<StudioView> ScreenshotRunner::viewOf(const QString &scene)
{
    if (scene == QLatin1String("funnel")) return StudioView::Charts;
    if (scene == QLatin1String("elements")) return StudioView::Interactions;
    if (scene == QLatin1String("editor")) return StudioView::Definitions;
    return studioViewFromKey(scene);
}

ScreenshotRunner::ScreenshotRunner(MainWindow *window, const QString &outputPath, const QString &scene,
                                   QObject *parent)
    : QObject(parent), m_window(window), m_output(outputPath), m_scene(scene),
      m_view(viewOf(scene).value_or(StudioView::Overview))
{
    m_poll.setInterval(25);
    connect(&m_poll, &QTimer::timeout, this, &ScreenshotRunner::check);
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(kTimeoutMs);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        fail(tr("the workspace did not finish loading within %1 seconds").arg(kTimeoutMs / 1000));
    });
}

void ScreenshotRunner::start()
{
    m_window->showView(m_view);
    m_poll.start();
    m_timeout.start();
}

bool ScreenshotRunner::isReady()
{
    const WorkspaceSession *session = m_window->session();
    switch (session->state()) {
    case WorkspaceSession::State::Closed:
    case WorkspaceSession::State::Opening:
        return false;
    case WorkspaceSession::State::Missing:
    case WorkspaceSession::State::Failed:
        return true;
    case WorkspaceSession::State::Empty:
        return session->hasStats();
    case WorkspaceSession::State::Ready:
        break;
    }
    if (!session->hasStats()) return false;
    if (!m_sceneSetUp) {
        setUpScene();
        m_sceneSetUp = true;
        return false;
    }
    return isViewReady();
}

void ScreenshotRunner::setUpScene()
{
    if (m_view == StudioView::Charts) {
        ChartsView *charts = m_window->chartsView();
        const bool funnel = m_scene == QLatin1String("funnel");
        charts->showDefinitions(funnel ? kFunnelSteps : kTrendDefinitions);
        if (funnel) charts->setMode(ChartsView::Mode::Funnel);
    }
}

bool ScreenshotRunner::isEditorReady()
{
    DefinitionsView *view = m_window->definitionsView();
    if (!view->isEditing()) {
        // "Define event" on the newest click on an element, as a user would press D on it.
        const InteractionTableModel *model = m_window->session()->interactions();
        for (int row = 0; row < model->rowCount(); ++row) {
            const InteractionRow *r = model->rowAt(row);
            if (r && r->type == QLatin1String("click") && !r->targetSelector.isEmpty()) {
                view->defineFromInteractions({r->id});
                m_idleSinceMs = -1;
                return false;
            }
        }
        return false; // the first page has not arrived yet
    }
    return analysisSettled() && !view->editor()->isLoading();
}

bool ScreenshotRunner::analysisSettled()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_window->analysis()->pendingJobs() > 0) {
        m_idleSinceMs = -1;
        return false;
    }
    if (m_idleSinceMs < 0) m_idleSinceMs = now;
    return now - m_idleSinceMs >= kSettleMs;
}

bool ScreenshotRunner::isViewReady()
{
    switch (m_view) {
    case StudioView::Overview:
    case StudioView::Naming:
    case StudioView::Privacy:
        return analysisSettled(); // their cards and lists are answers of the analysis thread
    case StudioView::Definitions: {
        DefinitionsView *view = m_window->definitionsView();
        if (m_scene == QLatin1String("editor")) return isEditorReady();
        if (!analysisSettled() || view->listModel()->rowCount() == 0) return false;
        if (view->selectedNames() != QStringList{kShownDefinition}) {
            view->showDefinition(kShownDefinition);
            m_idleSinceMs = -1; // its history and counts are asked for now
            return false;
        }
        return true;
    }
    case StudioView::Charts:
        return analysisSettled() && m_window->chartsView()->chart()->kind() != StudioChart::Kind::Empty;
    case StudioView::Interactions:
        if (m_scene == QLatin1String("elements")) {
            InteractionsView *view = m_window->interactionsView();
            if (view->tabs()->currentWidget() != view->elementsView()) {
                view->tabs()->setCurrentWidget(view->elementsView());
                return false;
            }
            const ElementTableModel *elements = view->elementsView()->model();
            if (!analysisSettled() || elements->rowCount() == 0) return false;
            QTableView *table = view->elementsView()->table();
            if (!table->selectionModel()->currentIndex().isValid()) {
                table->selectRow(0);
                m_idleSinceMs = -1;
                return false;
            }
            return view->detailView()->hasDetail();
        }
        break;
    }
    const InteractionTableModel *model = m_window->session()->interactions();
    if (model->rowCount() == 0) return model->reachedEnd() && !model->isFetching();
    QTableView *table = m_window->interactionsView()->table();
    if (!table->selectionModel()->currentIndex().isValid()) {
        table->setCurrentIndex(table->model()->index(0, 0));
        return false;
    }
    return m_window->interactionsView()->detailView()->hasDetail() && analysisSettled(); // "Matched by" too
}

void ScreenshotRunner::check()
{
    if (m_done || !isReady()) return;
    m_poll.stop();
    // Let the last answers lay out and paint before grabbing.
    QTimer::singleShot(150, this, &ScreenshotRunner::capture);
}

void ScreenshotRunner::capture()
{
    if (m_done) return;
    QCoreApplication::processEvents();
    const QPixmap shot = m_window->grab();
    if (shot.isNull() || !shot.save(m_output, "PNG")) {
        fail(tr("cannot write %1").arg(m_output));
        return;
    }
    m_done = true;
    m_timeout.stop();
    emit finished(0);
}

void ScreenshotRunner::fail(const QString &message)
{
    if (m_done) return;
    m_done = true;
    m_poll.stop();
    m_timeout.stop();
    m_error = message;
    emit finished(1);
}

} // namespace hindsight::ui
