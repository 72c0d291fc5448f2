#include "ui/window/mainwindow.h"

#include "core/model/version.h"
#include "core/store/storepaths.h"
#include "ui/common/plainmessagebox.h"
#include "ui/common/sharedtimerange.h"
#include "ui/common/studioicons.h"
#include "ui/common/studiosettings.h"
#include "ui/common/untrustedtext.h"
#include "ui/store/analysisservice.h"
#include "ui/store/catalogeditor.h"
#include "ui/views/chartsview.h"
#include "ui/views/definitionsview.h"
#include "ui/views/firstrunview.h"
#include "ui/views/interactionfilterbar.h"
#include "ui/views/interactionsview.h"
#include "ui/views/namingview.h"
#include "ui/views/openingview.h"
#include "ui/views/privacyview.h"
#include "ui/views/workspaceerrorview.h"
#include "ui/views/workspaceoverviewview.h"
#include "ui/window/jobfeedback.h"
#include "ui/window/navigationrail.h"
#include "ui/window/studiostatusbar.h"
#include "ui/window/timerangepicker.h"
#include "ui/window/workspacebar.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QSplitter>
#include <QStackedWidget>
#include <QUndoStack>

namespace hindsight::ui {

namespace {

constexpr int kStatusMessageMs = JobFeedback::kStatusMessageMs;

QString workspaceFilter()
{
    return MainWindow::tr("Hindsight workspaces (*.hindsight);;All files (*)");
}

QStringList localFiles(const QMimeData *mime)
{
    QStringList files;
    if (!mime || !mime->hasUrls()) return files;
    for (const QUrl &url : mime->urls()) {
        if (!url.isLocalFile()) return {};
        const QFileInfo info(url.toLocalFile());
        if (!info.isFile()) return {};
        files << info.absoluteFilePath();
    }
    return files;
}

} // namespace

MainWindow::MainWindow(const StudioOptions &options, QWidget *parent)
    : QMainWindow(parent), m_options(options), m_session(new WorkspaceSession(this)),
      m_analysis(new AnalysisService(this)), m_catalogEditor(new CatalogEditor(m_analysis, this)),
      m_timeRange(new SharedTimeRange(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(StudioIcons::icon(StudioIcons::Glyph::Application));
    setAcceptDrops(true);
    if (options.persistSettings) m_settings = std::make_unique<StudioSettings>();
    m_session->setPollInterval(options.pollIntervalMs);

    createActions();
    m_bar = new WorkspaceBar(m_openAction, m_newAction, m_importAction, this);
    addToolBar(Qt::TopToolBarArea, m_bar);
    m_bar->addSeparator();
    m_timeRangePicker = new TimeRangePicker(m_timeRange);
    m_bar->addWidget(m_timeRangePicker);
    m_bar->addSeparator();
    m_bar->addAction(m_undoAction);
    m_bar->addAction(m_redoAction);
    createMenus();

    m_pages = new QStackedWidget;
    m_pages->setObjectName(QStringLiteral("pages"));
    setCentralWidget(m_pages);

    m_workspacePage = new QWidget;
    m_workspacePage->setObjectName(QStringLiteral("workspacePage"));
    auto *workspaceLayout = new QHBoxLayout(m_workspacePage);
    workspaceLayout->setContentsMargins(0, 0, 0, 0);
    workspaceLayout->setSpacing(0);
    m_rail = new NavigationRail;
    workspaceLayout->addWidget(m_rail);
    auto *railLine = new QFrame;
    railLine->setFrameShape(QFrame::VLine);
    railLine->setFrameShadow(QFrame::Sunken);
    workspaceLayout->addWidget(railLine);
    m_views = new QStackedWidget;
    m_views->setObjectName(QStringLiteral("views"));
    workspaceLayout->addWidget(m_views, 1);
    m_overview = new WorkspaceOverviewView(m_session->interactions(), m_analysis, m_timeRange);
    m_interactionsView = new InteractionsView(m_session, m_analysis, m_timeRange);
    m_definitionsView = new DefinitionsView(m_analysis, m_catalogEditor, m_timeRange);
    m_views->addWidget(m_overview);
    m_views->addWidget(m_interactionsView);
    m_views->addWidget(m_definitionsView);
    m_namingView = new NamingView(m_analysis, m_catalogEditor, m_timeRange);
    m_views->addWidget(m_namingView);
    m_privacyView = new PrivacyView(m_analysis, m_timeRange);
    m_views->addWidget(m_privacyView);
    m_chartsView = new ChartsView(m_analysis, m_timeRange);
    m_views->addWidget(m_chartsView);
    m_pages->addWidget(m_workspacePage);

    m_opening = new OpeningView;
    m_firstRun = new FirstRunView;
    m_error = new WorkspaceErrorView;
    m_pages->addWidget(m_opening);
    m_pages->addWidget(m_firstRun);
    m_pages->addWidget(m_error);

    m_status = new StudioStatusBar(this);
    setStatusBar(m_status);
    m_jobFeedback = new JobFeedback(this, m_session, m_status, m_firstRun);

    connect(m_rail, &NavigationRail::viewSelected, this, &MainWindow::showView);
    connect(m_overview, &WorkspaceOverviewView::interactionsRequested, this,
            [this] { showView(StudioView::Interactions); });
    connect(m_overview, &WorkspaceOverviewView::interactionActivated, this, [this](int row) {
        showView(StudioView::Interactions);
        m_interactionsView->selectRow(row);
    });
    connect(m_interactionsView, &InteractionsView::defineRequested, this, [this](const QVector<qint64> &ids) {
        showView(StudioView::Definitions);
        m_definitionsView->defineFromInteractions(ids);
    });
    connect(m_interactionsView, &InteractionsView::definitionActivated, this, [this](const QString &name) {
        showView(StudioView::Definitions);
        m_definitionsView->showDefinition(name);
    });
    auto openDefinition = [this](const QString &name) {
        showView(StudioView::Definitions);
        m_definitionsView->showDefinition(name);
    };
    connect(m_overview, &WorkspaceOverviewView::viewRequested, this, &MainWindow::showView);
    connect(m_overview, &WorkspaceOverviewView::definitionActivated, this, openDefinition);
    connect(m_namingView, &NamingView::definitionActivated, this, openDefinition);
    connect(m_privacyView, &PrivacyView::interactionsRequested, this, &MainWindow::showInteractions);
    connect(m_privacyView, &PrivacyView::storeChanged, this, [this] {
        // Masking rewrites values without changing counts: everything shown is read again.
        m_session->refresh();
        m_overview->refreshAll();
    });
    connect(m_definitionsView, &DefinitionsView::chartRequested, this, [this](const QStringList &names) {
        showView(StudioView::Charts);
        m_chartsView->showDefinitions(names);
    });
    connect(m_firstRun, &FirstRunView::createDemoRequested, this, &MainWindow::createDemo);
    connect(m_firstRun, &FirstRunView::importRequested, this, &MainWindow::chooseFilesToImport);
    connect(m_firstRun, &FirstRunView::openRequested, this, &MainWindow::chooseWorkspaceToOpen);
    connect(m_firstRun, &FirstRunView::cancelRequested, m_session, &WorkspaceSession::cancelJob);
    connect(m_error, &WorkspaceErrorView::openRequested, this, &MainWindow::chooseWorkspaceToOpen);
    connect(m_error, &WorkspaceErrorView::newRequested, this, &MainWindow::chooseNewWorkspace);
    connect(m_error, &WorkspaceErrorView::retryRequested, this, [this] { openWorkspace(m_session->path()); });
    connect(m_status, &StudioStatusBar::cancelRequested, m_session, &WorkspaceSession::cancelJob);
    connect(m_bar, &WorkspaceBar::recentChosen, this, &MainWindow::openWorkspace);
    connect(m_bar, &WorkspaceBar::clearRecentRequested, this, [this] {
        if (m_settings) m_settings->clearRecentWorkspaces();
        m_bar->setRecentWorkspaces({});
    });

    connect(m_analysis, &AnalysisService::indexStatusChanged, m_status,
            [this](const QString &text, bool) { m_status->setAnalysisStatus(text); });
    connect(m_catalogEditor, &CatalogEditor::succeeded, this,
            [this](const QString &text) { statusBar()->showMessage(text, kStatusMessageMs); });
    connect(m_catalogEditor, &CatalogEditor::failed, this, [this](const QString &text, const QString &error) {
        showPlainMessage(this, QMessageBox::Warning, tr("The change was not made"),
                         tr("%1 could not be done: %2").arg(text, error));
    });

    connect(m_session, &WorkspaceSession::stateChanged, this, &MainWindow::onStateChanged);
    connect(m_session, &WorkspaceSession::statsChanged, this, &MainWindow::onStatsChanged);
    connect(m_session, &WorkspaceSession::jobStarted, this, &MainWindow::onJobStarted);
    connect(m_session, &WorkspaceSession::jobProgress, m_jobFeedback, &JobFeedback::progress);
    connect(m_session, &WorkspaceSession::jobFinished, this, &MainWindow::onJobFinished);

    if (m_settings) m_bar->setRecentWorkspaces(m_settings->recentWorkspaces());
    restoreWindowState();
    showView(options.initialView.value_or(m_settings ? m_settings->lastView() : StudioView::Overview));
    openWorkspace(initialWorkspace());
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_openAction = new QAction(StudioIcons::icon(StudioIcons::Glyph::Open), tr("&Open Workspace…"), this);
    m_openAction->setObjectName(QStringLiteral("openWorkspaceAction"));
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setStatusTip(tr("Open a workspace file"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::chooseWorkspaceToOpen);

    m_newAction = new QAction(tr("&New Workspace…"), this);
    m_newAction->setObjectName(QStringLiteral("newWorkspaceAction"));
    m_newAction->setShortcut(QKeySequence::New);
    m_newAction->setStatusTip(tr("Create an empty workspace file"));
    connect(m_newAction, &QAction::triggered, this, &MainWindow::chooseNewWorkspace);

    m_importAction = new QAction(StudioIcons::icon(StudioIcons::Glyph::Import), tr("&Import Events…"), this);
    m_importAction->setObjectName(QStringLiteral("importAction"));
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_importAction->setStatusTip(tr("Import PostHog exports or Hindsight event files into this workspace"));
    m_importAction->setToolTip(tr("Import events into this workspace (Ctrl+I)"));
    connect(m_importAction, &QAction::triggered, this, &MainWindow::chooseFilesToImport);

    m_demoAction =
        new QAction(StudioIcons::icon(StudioIcons::Glyph::Demo), tr("Create &Demo Workspace"), this);
    m_demoAction->setObjectName(QStringLiteral("demoAction"));
    m_demoAction->setStatusTip(tr("Fill this empty workspace with the demo shop's interactions"));
    connect(m_demoAction, &QAction::triggered, this, &MainWindow::createDemo);

    m_refreshAction = new QAction(tr("&Refresh"), this);
    m_refreshAction->setObjectName(QStringLiteral("refreshAction"));
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    connect(m_refreshAction, &QAction::triggered, m_session, &WorkspaceSession::refresh);

    m_detailAction = new QAction(tr("&Details Pane"), this);
    m_detailAction->setObjectName(QStringLiteral("detailPaneAction"));
    m_detailAction->setCheckable(true);
    m_detailAction->setChecked(true);
    m_detailAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Backslash));
    connect(m_detailAction, &QAction::toggled, this,
            [this](bool on) { m_interactionsView->setDetailVisible(on); });

    QUndoStack *undo = m_catalogEditor->undoStack();
    m_undoAction = undo->createUndoAction(this, tr("&Undo"));
    m_undoAction->setObjectName(QStringLiteral("undoAction"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setIcon(QIcon::fromTheme(QStringLiteral("edit-undo")));
    m_redoAction = undo->createRedoAction(this, tr("&Redo"));
    m_redoAction->setObjectName(QStringLiteral("redoAction"));
    m_redoAction->setShortcut(QKeySequence::Redo);
    m_redoAction->setIcon(QIcon::fromTheme(QStringLiteral("edit-redo")));
    connect(m_catalogEditor, &CatalogEditor::busyChanged, this, [this](bool busy) {
        // While a change runs on the analysis thread, another undo would act on a stale state.
        m_undoAction->setEnabled(!busy && m_catalogEditor->undoStack()->canUndo());
        m_redoAction->setEnabled(!busy && m_catalogEditor->undoStack()->canRedo());
    });

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_viewGroup = new QActionGroup(this);
    m_viewGroup->setExclusive(true);
    int number = 1;
    for (StudioView view : kAllStudioViews) {
        auto *action = new QAction(studioViewTitle(view), m_viewGroup);
        action->setObjectName(studioViewKey(view) + QStringLiteral("ViewAction"));
        action->setCheckable(true);
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_0 + number++)));
        connect(action, &QAction::triggered, this, [this, view] { showView(view); });
        m_viewActions << action;
    }
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newAction);
    file->addAction(m_openAction);
    file->addSeparator();
    file->addAction(m_importAction);
    file->addAction(m_demoAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addActions(m_viewActions);
    view->addSeparator();
    view->addAction(m_detailAction);
    view->addAction(m_refreshAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Hindsight Studio"), this, &MainWindow::showAbout);
}

namespace {

/// The dividers the studio puts back where the user left them (the Interactions view keeps its
/// own, with its columns).
QStringList rememberedSplitters()
{
    return {QStringLiteral("definitionsSplitter"), QStringLiteral("editorSplitter"),
            QStringLiteral("historySplitter"),     QStringLiteral("detailChainSplitter"),
            QStringLiteral("chartsSplitter"),      QStringLiteral("privacyFindingsSplitter"),
            QStringLiteral("privacyRulesSplitter")};
}

} // namespace

QString MainWindow::initialWorkspace() const
{
    if (m_settings) return m_settings->workspaceToOpen(m_options.storePath);
    if (!m_options.storePath.isEmpty()) return m_options.storePath;
    return QString::fromStdString(store::defaultStorePath());
}

void MainWindow::restoreWindowState()
{
    bool restored = false;
    if (m_settings) {
        restored = restoreGeometry(m_settings->windowGeometry());
        restoreState(m_settings->windowState());
        m_interactionsView->restoreState(m_settings->interactionsSplitterState(),
                                         m_settings->interactionsHeaderState());
        for (const QString &name : rememberedSplitters())
            if (auto *splitter = findChild<QSplitter *>(name))
                splitter->restoreState(m_settings->splitterState(name));
    }
    if (!restored) {
        QSize size(1280, 820);
        if (const QScreen *screen = QGuiApplication::primaryScreen()) {
            const QSize available = screen->availableSize();
            size = size.boundedTo(available * 0.9);
        }
        resize(size);
    }
}

void MainWindow::saveWindowState()
{
    if (!m_settings) return;
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setWindowState(saveState());
    m_settings->setLastView(currentView());
    m_settings->setInteractionsSplitterState(m_interactionsView->splitterState());
    m_settings->setInteractionsHeaderState(m_interactionsView->headerState());
    for (const QString &name : rememberedSplitters())
        if (const auto *splitter = findChild<QSplitter *>(name))
            m_settings->setSplitterState(name, splitter->saveState());
    m_settings->sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_session->isJobRunning()) {
        QMessageBox box(
            QMessageBox::Question, tr("Background work is running"),
            tr("Quitting stops it after the current batch; what was written so far is kept. Quit now?"),
            QMessageBox::Yes | QMessageBox::No, this);
        box.setTextFormat(Qt::PlainText);
        box.setDefaultButton(QMessageBox::No);
        if (box.exec() != QMessageBox::Yes) {
            event->ignore();
            return;
        }
    }
    saveWindowState();
    event->accept();
}

StudioView MainWindow::currentView() const
{
    return m_rail->currentView();
}

void MainWindow::showView(StudioView view)
{
    m_rail->setCurrentView(view);
    m_views->setCurrentIndex(static_cast<int>(view));
    m_viewActions[static_cast<int>(view)]->setChecked(true);
    m_detailAction->setEnabled(view == StudioView::Interactions);
}

void MainWindow::showInteractions(const definitions::BrowseFilter &filter)
{
    if (filter.range.fromMs || filter.range.toMs) {
        StudioTimeRange range;
        range.preset = StudioTimeRange::Preset::Custom;
        range.customFromMs = filter.range.fromMs.value_or(m_session->stats().firstMs);
        range.customToMs = filter.range.toMs.value_or(m_session->stats().lastMs + 1);
        m_timeRange->setValue(range);
    }
    InteractionFilterBar *bar = m_interactionsView->filterBar();
    bar->clearAll();
    using Kind = InteractionFilterBar::Kind;
    QStringList types;
    for (const std::string &type : filter.eventTypes)
        types << QString::fromStdString(type);
    const std::pair<Kind, QString> chips[] = {
        {Kind::Type, types.join(QStringLiteral(", "))},
        {Kind::Page, QString::fromStdString(filter.page)},
        {Kind::Text, QString::fromStdString(filter.text)},
        {Kind::Selector, QString::fromStdString(filter.selector)},
        {Kind::Person, QString::fromStdString(filter.person)},
        {Kind::Session, QString::fromStdString(filter.session)},
    };
    for (const auto &[kind, value] : chips)
        if (!value.isEmpty()) bar->setChip(kind, value);
    showView(StudioView::Interactions);
}

void MainWindow::openWorkspace(const QString &path)
{
    if (path.isEmpty()) return;
    m_session->open(path);
}

void MainWindow::chooseWorkspaceToOpen()
{
    const QString dir = QFileInfo(m_session->path()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Workspace"), dir, workspaceFilter());
    if (!path.isEmpty()) openWorkspace(path);
}

void MainWindow::chooseNewWorkspace()
{
    if (m_session->isJobRunning()) {
        statusBar()->showMessage(tr("Wait for the current work to finish, or cancel it, first."),
                                 kStatusMessageMs);
        return;
    }
    const QString dir = QFileInfo(m_session->path()).absolutePath();
    QString path =
        QFileDialog::getSaveFileName(this, tr("New Workspace"), dir + QStringLiteral("/untitled.hindsight"),
                                     workspaceFilter(), nullptr, QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty()) return;
    if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".hindsight");
    if (QFileInfo::exists(path)) {
        // Never overwrite: a file that is already there is opened as it is (and if it is not
        // a workspace, the studio says so without touching it).
        statusBar()->showMessage(tr("%1 already exists, so it was opened instead of replaced.")
                                     .arg(untrusted::line(QFileInfo(path).fileName(), 80)),
                                 kStatusMessageMs);
        openWorkspace(path);
        return;
    }
    m_session->create(path);
}

void MainWindow::chooseFilesToImport()
{
    const QString dir = QFileInfo(m_session->path()).absolutePath();
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Import Events"), dir, tr("Event files (*.ndjson *.jsonl *.json *.gz);;All files (*)"));
    if (!files.isEmpty()) importFiles(files);
}

void MainWindow::importFiles(const QStringList &files)
{
    if (files.isEmpty()) return;
    if (m_session->isJobRunning()) {
        statusBar()->showMessage(tr("Wait for the current work to finish, or cancel it, before importing."),
                                 kStatusMessageMs);
        return;
    }
    if (m_session->state() == WorkspaceSession::State::Failed ||
        m_session->state() == WorkspaceSession::State::Opening || m_session->isReadOnly()) {
        showPlainMessage(
            this, QMessageBox::Warning, tr("Cannot import here"),
            m_session->isReadOnly()
                ? tr("This workspace is read-only, so nothing can be imported into it.")
                : tr("The current workspace is not open, so nothing can be imported into it. Open or "
                     "create a workspace first."));
        return;
    }
    m_session->importFiles(files);
}

void MainWindow::createDemo()
{
    const auto state = m_session->state();
    if (state != WorkspaceSession::State::Missing && state != WorkspaceSession::State::Empty) return;
    m_session->buildDemo();
}

void MainWindow::showAbout()
{
    QMessageBox box(
        QMessageBox::NoIcon, tr("About Hindsight Studio"),
        tr("Hindsight Studio %1\n\nGoverns autocaptured product-analytics data in a local workspace: "
           "see what was captured, define events from it, keep names tidy and personal data out.")
            .arg(QString::fromLatin1(kVersion)),
        QMessageBox::Ok, this);
    box.setTextFormat(Qt::PlainText);
    box.setIconPixmap(StudioIcons::icon(StudioIcons::Glyph::Application).pixmap(64, 64));
    box.exec();
}

void MainWindow::rememberWorkspace()
{
    if (!m_settings) return;
    m_settings->addRecentWorkspace(m_session->path());
    m_settings->setLastWorkspace(m_session->path());
    m_bar->setRecentWorkspaces(m_settings->recentWorkspaces());
}

void MainWindow::onStateChanged(WorkspaceSession::State state)
{
    const QString path = m_session->path();
    const QString name = QFileInfo(path).completeBaseName();
    // The platform adds the application's display name ("Hindsight Studio") to the title.
    setWindowTitle(name.isEmpty() ? QGuiApplication::applicationDisplayName() : untrusted::line(name, 80));
    m_bar->setWorkspace(path);
    m_status->setWorkspacePath(path);
    const bool usable = state == WorkspaceSession::State::Ready || state == WorkspaceSession::State::Empty;
    if (usable && m_analysis->path() != path) {
        m_catalogEditor->undoStack()->clear(); // undo never reaches into another workspace
        m_analysis->open(path);
    } else if (!usable && !m_analysis->path().isEmpty()) {
        m_catalogEditor->undoStack()->clear();
        m_analysis->close();
    }
    switch (state) {
    case WorkspaceSession::State::Closed:
    case WorkspaceSession::State::Opening:
        m_opening->setPath(path);
        m_pages->setCurrentWidget(m_opening);
        m_status->clearStats(tr("Opening…"));
        break;
    case WorkspaceSession::State::Missing:
        m_firstRun->setWorkspace(path, QFileInfo::exists(path), false);
        m_pages->setCurrentWidget(m_firstRun);
        m_status->clearStats(tr("No workspace here yet"));
        break;
    case WorkspaceSession::State::Empty:
        m_firstRun->setWorkspace(path, true, m_session->isReadOnly());
        m_pages->setCurrentWidget(m_firstRun);
        rememberWorkspace();
        break;
    case WorkspaceSession::State::Ready:
        m_pages->setCurrentWidget(m_workspacePage);
        rememberWorkspace();
        break;
    case WorkspaceSession::State::Failed:
        m_error->setError(QDir::toNativeSeparators(path), m_session->errorMessage());
        m_pages->setCurrentWidget(m_error);
        m_status->clearStats(tr("Cannot open this workspace"));
        break;
    }
    updateActions();
}

void MainWindow::onStatsChanged(const WorkspaceStats &stats)
{
    m_overview->setStats(stats);
    m_status->setStats(stats);
    m_timeRange->setNewestMs(stats.hasRange ? stats.lastMs : 0);
}

void MainWindow::updateActions()
{
    const auto state = m_session->state();
    const bool canJob = m_session->canStartJob();
    m_importAction->setEnabled(canJob);
    m_demoAction->setEnabled(
        canJob && (state == WorkspaceSession::State::Missing || state == WorkspaceSession::State::Empty));
    m_refreshAction->setEnabled(state == WorkspaceSession::State::Ready ||
                                state == WorkspaceSession::State::Empty);
    m_newAction->setEnabled(!m_session->isJobRunning());
}

void MainWindow::onJobStarted(JobResult::Kind kind, const QString &title)
{
    m_jobFeedback->started(kind, title);
    updateActions();
}

void MainWindow::onJobFinished(const JobResult &result)
{
    m_jobFeedback->finished(result);
    updateActions();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!localFiles(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QStringList files = localFiles(event->mimeData());
    if (files.isEmpty()) return;
    event->acceptProposedAction();
    importFiles(files);
}

} // namespace hindsight::ui
