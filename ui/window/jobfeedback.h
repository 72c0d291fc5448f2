#pragma once

#include "ui/store/jobresult.h"

#include <QObject>
#include <QPointer>

class QProgressDialog;
class QWidget;

namespace hindsight::ui {

class FirstRunView;
class StudioStatusBar;
class WorkspaceSession;

/// Shows background work to the user: progress in the status bar (and on the first-run
/// screen), a cancellable progress dialog for imports, and how each job ended, in words.
class JobFeedback : public QObject
{
    Q_OBJECT

  public:
    static constexpr int kStatusMessageMs = 10'000;

    JobFeedback(QWidget *window, WorkspaceSession *session, StudioStatusBar *status, FirstRunView *firstRun);

    void started(hindsight::ui::JobResult::Kind kind, const QString &title);
    void progress(qint64 done, qint64 total, const QString &text);
    void finished(const hindsight::ui::JobResult &result);

  private:
    void reportImport(const JobResult &result);

    QWidget *m_window;
    WorkspaceSession *m_session;
    StudioStatusBar *m_status;
    FirstRunView *m_firstRun;
    QPointer<QProgressDialog> m_importProgress;
};

} // namespace hindsight::ui
