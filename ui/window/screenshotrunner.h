#pragma once

#include "ui/common/studioview.h"

#include <QObject>
#include <QString>
#include <QTimer>

namespace hindsight::ui {

class MainWindow;

/// Takes one screenshot of the studio for scripts and documentation: waits until the worker
/// has delivered what the chosen view shows (the stats; for Interactions also the first page
/// and the detail of the first row, which it selects), grabs the window to a PNG and reports
/// the exit code. Works on the offscreen platform.
class ScreenshotRunner : public QObject
{
    Q_OBJECT

  public:
    static constexpr int kTimeoutMs = 60'000;

    ScreenshotRunner(MainWindow *window, const QString &outputPath, StudioView view,
                     QObject *parent = nullptr);

    /// Starts waiting; finished() follows.
    void start();
    /// What went wrong, when finished() reported a failure.
    QString error() const { return m_error; }

  signals:
    void finished(int exitCode);

  private:
    bool isReady();
    void check();
    void capture();
    void fail(const QString &message);

    MainWindow *m_window;
    QString m_output;
    StudioView m_view;
    QTimer m_poll;
    QTimer m_timeout;
    QString m_error;
    bool m_done = false;
};

} // namespace hindsight::ui
