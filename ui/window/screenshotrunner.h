#pragma once

#include "ui/common/studioview.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <optional>

namespace hindsight::ui {

class MainWindow;

/// Takes one screenshot of the studio for scripts and documentation: shows a scene (a view,
/// set up as a user would leave it), waits until the workers have delivered what it shows,
/// grabs the window to a PNG and reports the exit code. Works on the offscreen platform.
///
/// Scenes: the six views by their keys (overview, interactions, definitions, naming, privacy,
/// charts), plus `elements` (the Interactions view's Elements tab), `editor` (a new definition
/// from the first interaction with an element, as "Define event" opens it) and `funnel`
/// (the Charts view's funnel of the demo's checkout steps).
class ScreenshotRunner : public QObject
{
    Q_OBJECT

  public:
    static constexpr int kTimeoutMs = 60'000;

    ScreenshotRunner(MainWindow *window, const QString &outputPath, const QString &scene,
                     QObject *parent = nullptr);

    /// Every scene key, in the order the README shows them.
    static QStringList scenes();
    /// The view a scene is shown in (nullopt for an unknown scene).
    static std::optional<StudioView> viewOf(const QString &scene);

    /// Starts waiting; finished() follows.
    void start();
    /// What went wrong, when finished() reported a failure.
    QString error() const { return m_error; }

  signals:
    void finished(int exitCode);

  private:
    bool isReady();
    bool isViewReady();
    bool analysisSettled();
    bool isEditorReady();
    void setUpScene();
    void check();
    void capture();
    void fail(const QString &message);

    MainWindow *m_window;
    QString m_output;
    QString m_scene;
    StudioView m_view;
    bool m_sceneSetUp = false;
    qint64 m_idleSinceMs = -1;
    QTimer m_poll;
    QTimer m_timeout;
    QString m_error;
    bool m_done = false;
};

} // namespace hindsight::ui
