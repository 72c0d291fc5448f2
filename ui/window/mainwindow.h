#pragma once

#include "core/definitions/interactionbrowse.h"
#include "ui/common/studiooptions.h"
#include "ui/common/studioview.h"
#include "ui/store/jobresult.h"
#include "ui/store/workspacesession.h"

#include <QMainWindow>
#include <memory>

class QAction;
class QActionGroup;
class QStackedWidget;

namespace hindsight::ui {

class AnalysisService;
class CatalogEditor;
class ChartsView;
class NamingView;
class PrivacyView;
class DefinitionsView;
class FirstRunView;
class SharedTimeRange;
class TimeRangePicker;
class JobFeedback;
class InteractionsView;
class NavigationRail;
class OpeningView;
class StudioSettings;
class StudioStatusBar;
class WorkspaceBar;
class WorkspaceErrorView;
class WorkspaceOverviewView;

/// The studio's window: top bar, left rail, the current view, status bar. It composes the
/// views and routes the user's commands to the WorkspaceSession; it holds no store access.
class MainWindow : public QMainWindow
{
    Q_OBJECT

  public:
    explicit MainWindow(const StudioOptions &options = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    WorkspaceSession *session() const { return m_session; }
    StudioView currentView() const;
    void showView(StudioView view);
    /// Opens the workspace at `path`.
    void openWorkspace(const QString &path);
    /// Imports event files into the current workspace (progress dialog, cancellable).
    void importFiles(const QStringList &files);
    InteractionsView *interactionsView() const { return m_interactionsView; }
    DefinitionsView *definitionsView() const { return m_definitionsView; }
    ChartsView *chartsView() const { return m_chartsView; }
    NamingView *namingView() const { return m_namingView; }
    PrivacyView *privacyView() const { return m_privacyView; }
    WorkspaceOverviewView *overviewView() const { return m_overview; }
    /// Shows the Interactions view filtered by `filter` (its range becomes the shared range).
    void showInteractions(const definitions::BrowseFilter &filter);
    AnalysisService *analysis() const { return m_analysis; }
    CatalogEditor *catalogEditor() const { return m_catalogEditor; }
    SharedTimeRange *timeRange() const { return m_timeRange; }

  protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

  private:
    void createActions();
    void createMenus();
    void restoreWindowState();
    void saveWindowState();
    QString initialWorkspace() const;

    void chooseWorkspaceToOpen();
    void chooseNewWorkspace();
    void chooseFilesToImport();
    void createDemo();
    void showAbout();

    void onStateChanged(WorkspaceSession::State state);
    void onStatsChanged(const WorkspaceStats &stats);
    void onJobStarted(JobResult::Kind kind, const QString &title);
    void onJobFinished(const JobResult &result);
    void updateActions();
    void rememberWorkspace();

    StudioOptions m_options;
    std::unique_ptr<StudioSettings> m_settings; // null when settings are not persisted
    WorkspaceSession *m_session;
    AnalysisService *m_analysis;
    CatalogEditor *m_catalogEditor;
    SharedTimeRange *m_timeRange;
    TimeRangePicker *m_timeRangePicker = nullptr;

    WorkspaceBar *m_bar = nullptr;
    StudioStatusBar *m_status = nullptr;
    QStackedWidget *m_pages = nullptr;
    QWidget *m_workspacePage = nullptr;
    NavigationRail *m_rail = nullptr;
    QStackedWidget *m_views = nullptr;
    WorkspaceOverviewView *m_overview = nullptr;
    InteractionsView *m_interactionsView = nullptr;
    DefinitionsView *m_definitionsView = nullptr;
    ChartsView *m_chartsView = nullptr;
    NamingView *m_namingView = nullptr;
    PrivacyView *m_privacyView = nullptr;
    FirstRunView *m_firstRun = nullptr;
    WorkspaceErrorView *m_error = nullptr;
    OpeningView *m_opening = nullptr;
    JobFeedback *m_jobFeedback = nullptr;

    QAction *m_openAction = nullptr;
    QAction *m_newAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_demoAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_detailAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QActionGroup *m_viewGroup = nullptr;
    QList<QAction *> m_viewActions;
};

} // namespace hindsight::ui
