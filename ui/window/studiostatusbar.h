#pragma once

#include "ui/store/workspacestats.h"

#include <QStatusBar>

class QLabel;
class QProgressBar;
class QToolButton;

namespace hindsight::ui {

class ElidingLabel;

/// The status bar: interactions held, the newest interaction's time, background work (with
/// progress and a cancel button) and the store path.
class StudioStatusBar : public QStatusBar
{
    Q_OBJECT

  public:
    explicit StudioStatusBar(QWidget *parent = nullptr);

    void setWorkspacePath(const QString &path);
    void setStats(const hindsight::ui::WorkspaceStats &stats);
    /// No stats to show (no store, or it failed to open).
    void clearStats(const QString &why = {});
    void showJob(const QString &title);
    void setJobProgress(qint64 done, qint64 total, const QString &text);
    void hideJob();
    /// The analysis thread's work ("Reading interactions…"); an empty text hides it.
    void setAnalysisStatus(const QString &text);

  signals:
    void cancelRequested();

  private:
    QLabel *m_count;
    QLabel *m_analysis;
    QWidget *m_analysisSeparator;
    QLabel *m_newest;
    QWidget *m_job;
    QLabel *m_jobText;
    QProgressBar *m_jobBar;
    QToolButton *m_cancel;
    ElidingLabel *m_path;
    QWidget *m_countSeparator;
    QWidget *m_newestSeparator;
    QWidget *m_jobSeparator;
};

} // namespace hindsight::ui
