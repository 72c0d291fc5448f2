#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace hindsight::ui {

class ElidingLabel;

/// Shown when the workspace has no interactions yet (no store at the path, an empty file,
/// or a store without rows): offers to create the demo workspace or to import events, and
/// shows the progress of either while it runs.
class FirstRunView : public QWidget
{
    Q_OBJECT

  public:
    explicit FirstRunView(QWidget *parent = nullptr);

    /// `exists`: a store is there but empty (otherwise nothing is there yet).
    void setWorkspace(const QString &path, bool exists, bool readOnly);
    /// While a job runs the buttons are disabled and its progress shows here.
    void setJobRunning(bool running, const QString &text = {});
    void setJobProgress(qint64 done, qint64 total, const QString &text);

  signals:
    void createDemoRequested();
    void importRequested();
    void openRequested();
    void cancelRequested();

  private:
    QLabel *m_heading;
    QLabel *m_explanation;
    ElidingLabel *m_path;
    QPushButton *m_demo;
    QPushButton *m_import;
    QPushButton *m_open;
    QWidget *m_jobBox;
    QLabel *m_jobText;
    QProgressBar *m_jobBar;
    QPushButton *m_cancel;
    bool m_readOnly = false;
};

} // namespace hindsight::ui
