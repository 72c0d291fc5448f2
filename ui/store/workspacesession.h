#pragma once

#include "ui/store/interactiondetail.h"
#include "ui/store/jobresult.h"
#include "ui/store/workspacestats.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QThread>
#include <memory>

namespace hindsight::ui {

class InteractionTableModel;
class JobWorker;
class StoreWorker;
struct InteractionPage;

/// The open workspace as the GUI sees it: its state, its latest stats, the interactions
/// model, and any background job. Owns the two worker threads (reads, writing jobs) and is
/// the only place that talks to them; the GUI thread never runs a store query.
class WorkspaceSession : public QObject
{
    Q_OBJECT

  public:
    enum class State {
        Closed,  ///< no workspace chosen
        Opening, ///< waiting for the worker
        Missing, ///< no store at the path yet (or an empty file): offer to create one
        Empty,   ///< a store without interactions
        Ready,   ///< a store with interactions
        Failed,  ///< the file cannot be opened (not a store, a newer version, unreadable)
    };
    Q_ENUM(State)

    /// Defaults for the demo workspace built from the first-run screen.
    static constexpr qint64 kDemoInteractions = 200'000;
    static constexpr int kDemoDays = 30;

    explicit WorkspaceSession(QObject *parent = nullptr);
    ~WorkspaceSession() override;

    /// Opens the workspace at `path` (asynchronously; watch stateChanged).
    void open(const QString &path);
    /// Reads the stats and the newest interactions again.
    void refresh();
    void setPollInterval(int ms);

    QString path() const { return m_path; }
    State state() const { return m_state; }
    /// Why the workspace could not be opened (state Failed).
    QString errorMessage() const { return m_error; }
    bool hasStats() const { return m_hasStats; }
    const WorkspaceStats &stats() const { return m_stats; }
    bool isReadOnly() const { return m_stats.readOnly; }
    InteractionTableModel *interactions() const { return m_interactions; }

    /// Asks for the detail of one interaction (answered by detailReady).
    void requestDetail(qint64 id, const QString &uuid);

    bool isJobRunning() const { return m_jobRunning; }
    /// False while a job runs or the workspace cannot be written.
    bool canStartJob() const;
    /// Creates an empty workspace at `path` and opens it (state Opening, then Empty). An
    /// existing store there is opened as it is.
    void create(const QString &path);
    /// Builds the demo workspace into the current path (creating the store).
    void buildDemo(qint64 interactions = kDemoInteractions, int days = kDemoDays, qint64 endMs = 0);
    /// Imports event files into the current workspace (creating the store if needed).
    void importFiles(const QStringList &files);
    /// Asks the running job to stop at its next batch.
    void cancelJob();

  signals:
    void stateChanged(hindsight::ui::WorkspaceSession::State state);
    void statsChanged(const hindsight::ui::WorkspaceStats &stats);
    void detailReady(const hindsight::ui::InteractionDetail &detail);
    void jobStarted(hindsight::ui::JobResult::Kind kind, const QString &title);
    void jobProgress(qint64 done, qint64 total, const QString &text);
    void jobFinished(const hindsight::ui::JobResult &result);

  private:
    void setState(State state);
    void startJob(JobResult::Kind kind, const QString &title);
    void onOpened(const QString &path, bool readOnly);
    void onMissing(const QString &path);
    void onFailed(const QString &path, const QString &message);
    void onStats(const WorkspaceStats &stats);
    void onPage(const InteractionPage &page);
    void onStoreReady(const QString &path);
    void onJobFinished(const JobResult &result);
    void onStoreChanged();

    QThread m_readThread;
    QThread m_jobThread;
    StoreWorker *m_reader = nullptr; // lives in m_readThread; deleted when it finishes
    JobWorker *m_jobs = nullptr;     // lives in m_jobThread; deleted when it finishes
    InteractionTableModel *m_interactions = nullptr;

    QString m_path;
    State m_state = State::Closed;
    QString m_error;
    WorkspaceStats m_stats;
    bool m_hasStats = false;
    bool m_jobRunning = false;
    int m_pollIntervalMs = 2000;
};

} // namespace hindsight::ui
