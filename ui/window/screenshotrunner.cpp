#include "ui/window/screenshotrunner.h"

#include "ui/models/interactiontablemodel.h"
#include "ui/store/workspacesession.h"
#include "ui/views/interactiondetailview.h"
#include "ui/views/interactionsview.h"
#include "ui/window/mainwindow.h"

#include <QCoreApplication>
#include <QImage>
#include <QItemSelectionModel>
#include <QPixmap>
#include <QTableView>

namespace hindsight::ui {

ScreenshotRunner::ScreenshotRunner(MainWindow *window, const QString &outputPath, StudioView view,
                                   QObject *parent)
    : QObject(parent), m_window(window), m_output(outputPath), m_view(view)
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
    if (m_view != StudioView::Interactions) return true;
    const InteractionTableModel *model = session->interactions();
    if (model->rowCount() == 0) return model->reachedEnd() && !model->isFetching();
    QTableView *table = m_window->interactionsView()->table();
    if (!table->selectionModel()->currentIndex().isValid()) {
        table->setCurrentIndex(table->model()->index(0, 0));
        return false;
    }
    return m_window->interactionsView()->detailView()->hasDetail();
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
