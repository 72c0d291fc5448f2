#include "ui/store/workspacesession.h"

#include "ui/models/interactiontablemodel.h"
#include "ui/store/interactionpage.h"
#include "ui/store/jobworker.h"
#include "ui/store/storeworker.h"

#include <QFileInfo>

namespace hindsight::ui {

namespace {

/// While a job writes, the studio checks for new rows more often so the counts move visibly.
constexpr int kPollDuringJobMs = 500;

void registerValueTypes()
{
    qRegisterMetaType<WorkspaceStats>();
    qRegisterMetaType<InteractionRow>();
    qRegisterMetaType<InteractionPage>();
    qRegisterMetaType<InteractionDetail>();
    qRegisterMetaType<JobResult>();
}

} // namespace

WorkspaceSession::WorkspaceSession(QObject *parent)
    : QObject(parent), m_reader(new StoreWorker), m_jobs(new JobWorker),
      m_interactions(new InteractionTableModel(this))
{
    registerValueTypes();
    m_readThread.setObjectName(QStringLiteral("hindsight-store-reader"));
    m_jobThread.setObjectName(QStringLiteral("hindsight-store-jobs"));
    m_reader->moveToThread(&m_readThread);
    m_jobs->moveToThread(&m_jobThread);
    connect(&m_readThread, &QThread::finished, m_reader, &QObject::deleteLater);
    connect(&m_jobThread, &QThread::finished, m_jobs, &QObject::deleteLater);

    connect(m_reader, &StoreWorker::workspaceOpened, this, &WorkspaceSession::onOpened);
    connect(m_reader, &StoreWorker::workspaceMissing, this, &WorkspaceSession::onMissing);
    connect(m_reader, &StoreWorker::workspaceFailed, this, &WorkspaceSession::onFailed);
    connect(m_reader, &StoreWorker::workspaceReplaced, this, [this](const QString &path) {
        if (path == m_path) m_interactions->reset(false);
    });
    connect(m_reader, &StoreWorker::statsReady, this, &WorkspaceSession::onStats);
    connect(m_reader, &StoreWorker::pageReady, this, &WorkspaceSession::onPage);
    connect(m_reader, &StoreWorker::detailReady, this, &WorkspaceSession::detailReady);
    connect(m_reader, &StoreWorker::storeChanged, this, &WorkspaceSession::onStoreChanged);

    connect(m_jobs, &JobWorker::storeReady, this, &WorkspaceSession::onStoreReady);
    connect(m_jobs, &JobWorker::progress, this, &WorkspaceSession::jobProgress);
    connect(m_jobs, &JobWorker::finished, this, &WorkspaceSession::onJobFinished);

    StoreWorker *reader = m_reader;
    connect(m_interactions, &InteractionTableModel::olderRowsWanted, this,
            [reader](quint64 generation, qint64 beforeId, int limit) {
                QMetaObject::invokeMethod(reader, [=] { reader->fetchOlder(generation, beforeId, limit); });
            });
    connect(m_interactions, &InteractionTableModel::newerRowsWanted, this,
            [reader](quint64 generation, qint64 afterId, qint64 oldestId, int heldRows, int limit) {
                QMetaObject::invokeMethod(
                    reader, [=] { reader->fetchNewer(generation, afterId, oldestId, heldRows, limit); });
            });

    m_readThread.start();
    m_jobThread.start();
}

WorkspaceSession::~WorkspaceSession()
{
    // A running job stops at its next batch (what it committed stays); then both threads end
    // and their workers are deleted in them.
    m_jobs->cancel();
    m_jobThread.quit();
    m_readThread.quit();
    m_jobThread.wait();
    m_readThread.wait();
}

void WorkspaceSession::setState(State state)
{
    if (m_state == state) return;
    m_state = state;
    emit stateChanged(state);
}

void WorkspaceSession::setPollInterval(int ms)
{
    m_pollIntervalMs = ms;
    const int effective = m_jobRunning ? std::min(ms, kPollDuringJobMs) : ms;
    StoreWorker *reader = m_reader;
    QMetaObject::invokeMethod(reader, [=] { reader->setPollInterval(effective); });
}

void WorkspaceSession::open(const QString &path)
{
    m_path = QFileInfo(path).absoluteFilePath();
    m_error.clear();
    m_hasStats = false;
    m_stats = WorkspaceStats();
    m_stats.path = m_path;
    m_interactions->reset(false);
    setState(State::Opening);
    StoreWorker *reader = m_reader;
    const QString target = m_path;
    QMetaObject::invokeMethod(reader, [=] { reader->openWorkspace(target); });
}

void WorkspaceSession::refresh()
{
    if (m_state != State::Ready && m_state != State::Empty) return;
    StoreWorker *reader = m_reader;
    QMetaObject::invokeMethod(reader, [=] { reader->fetchStats(); });
    m_interactions->refreshNewest();
}

void WorkspaceSession::requestDetail(qint64 id, const QString &uuid)
{
    StoreWorker *reader = m_reader;
    QMetaObject::invokeMethod(reader, [=] { reader->fetchDetail(id, uuid); });
}

void WorkspaceSession::onOpened(const QString &path, bool readOnly)
{
    if (path != m_path) return;
    m_stats.readOnly = readOnly;
    m_interactions->reset(true);
    // Ask for the first page now, so that it is there when the Interactions view is shown.
    m_interactions->fetchMore({});
    // The state follows from the stats, which arrive right after.
}

void WorkspaceSession::onMissing(const QString &path)
{
    if (path != m_path) return;
    m_interactions->reset(false);
    m_hasStats = false;
    setState(State::Missing);
}

void WorkspaceSession::onFailed(const QString &path, const QString &message)
{
    if (path != m_path) return;
    m_interactions->reset(false);
    m_hasStats = false;
    m_error = message;
    setState(State::Failed);
}

void WorkspaceSession::onStats(const WorkspaceStats &stats)
{
    if (stats.path != m_path) return;
    m_stats = stats;
    m_hasStats = true;
    emit statsChanged(m_stats);
    setState(stats.interactions > 0 ? State::Ready : State::Empty);
}

void WorkspaceSession::onPage(const InteractionPage &page)
{
    m_interactions->acceptPage(page);
}

void WorkspaceSession::onStoreChanged()
{
    refresh();
}

bool WorkspaceSession::canStartJob() const
{
    return !m_jobRunning && !m_path.isEmpty() && m_state != State::Failed && m_state != State::Opening &&
           !(m_hasStats && m_stats.readOnly);
}

void WorkspaceSession::startJob(JobResult::Kind kind, const QString &title)
{
    m_jobRunning = true;
    m_jobs->resetCancel();
    setPollInterval(m_pollIntervalMs);
    emit jobStarted(kind, title);
}

void WorkspaceSession::create(const QString &path)
{
    if (m_jobRunning) return;
    // The reader is asked to open the file only once the job has set it up (onStoreReady), so
    // it never sees a half-created store.
    m_path = QFileInfo(path).absoluteFilePath();
    m_error.clear();
    m_hasStats = false;
    m_stats = WorkspaceStats();
    m_stats.path = m_path;
    m_interactions->reset(false);
    setState(State::Opening);
    StoreWorker *reader = m_reader;
    QMetaObject::invokeMethod(reader, [=] { reader->closeWorkspace(); });
    startJob(JobResult::Kind::CreateWorkspace, tr("Creating the workspace"));
    JobWorker *jobs = m_jobs;
    const QString target = m_path;
    QMetaObject::invokeMethod(jobs, [=] { jobs->createWorkspace(target); });
}

void WorkspaceSession::buildDemo(qint64 interactions, int days, qint64 endMs)
{
    if (!canStartJob()) return;
    startJob(JobResult::Kind::Demo, tr("Creating the demo workspace"));
    JobWorker *jobs = m_jobs;
    const QString target = m_path;
    QMetaObject::invokeMethod(jobs, [=] { jobs->buildDemo(target, interactions, days, endMs); });
}

void WorkspaceSession::importFiles(const QStringList &files)
{
    if (!canStartJob() || files.isEmpty()) return;
    startJob(JobResult::Kind::Import, files.size() == 1
                                          ? tr("Importing %1").arg(QFileInfo(files.front()).fileName())
                                          : tr("Importing %1 files").arg(files.size()));
    JobWorker *jobs = m_jobs;
    const QString target = m_path;
    QMetaObject::invokeMethod(jobs, [=] { jobs->importFiles(target, files); });
}

void WorkspaceSession::cancelJob()
{
    if (m_jobRunning) m_jobs->cancel();
}

void WorkspaceSession::onStoreReady(const QString &path)
{
    // The job has created (or opened) the store. If the studio was waiting for it to exist,
    // open it for reading now; from here on the reader's poll sees each committed batch.
    if (path == m_path && (m_state == State::Missing || m_state == State::Opening)) {
        StoreWorker *reader = m_reader;
        QMetaObject::invokeMethod(reader, [=] { reader->openWorkspace(path); });
    }
}

void WorkspaceSession::onJobFinished(const JobResult &result)
{
    m_jobRunning = false;
    setPollInterval(m_pollIntervalMs);
    if (result.kind == JobResult::Kind::CreateWorkspace && result.storePath == m_path && !result.ok()) {
        // The store could not be created (for example, the folder is not writable).
        m_error = result.error;
        setState(State::Failed);
    } else if (result.storePath == m_path) {
        refresh();
    }
    emit jobFinished(result);
}

} // namespace hindsight::ui
