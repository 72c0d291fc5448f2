#pragma once

#include "ui/store/jobresult.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <atomic>

namespace hindsight::ui {

/// Runs the long writing jobs on a workspace (creating it, building the demo, importing
/// files) on its own thread with its own store connection, so that the read worker keeps
/// answering (and sees the new rows batch by batch) while a job runs. Lives in a QThread; call
/// its slots through queued invocations. cancel() may be called from any thread.
class JobWorker : public QObject
{
    Q_OBJECT

  public:
    explicit JobWorker(QObject *parent = nullptr);

    /// Asks the running (or next queued) job to stop at its next batch boundary. Thread-safe.
    void cancel();
    /// Clears an earlier cancel; called by whoever queues a job, before queueing it, so that a
    /// cancel that arrives before the job starts is not lost. Thread-safe.
    void resetCancel();

    /// Interactions per transaction for the demo build (each commit is one progress step and
    /// one moment at which the read worker sees new rows).
    static constexpr qint64 kDemoBatch = 20'000;

  public slots:
    /// Creates an empty workspace at `path` (nothing happens to an existing store).
    void createWorkspace(const QString &path);
    /// Generates the demo workspace (see core/demo) into the store at `path`, creating it.
    void buildDemo(const QString &path, qint64 interactions, int days, qint64 endMs);
    /// Imports event files into the store at `path`, creating it.
    void importFiles(const QString &path, const QStringList &files);

  signals:
    /// The store exists at `path` with its schema in place (emitted before any data is written).
    void storeReady(const QString &path);
    /// `done` of `total` units (interactions for the demo, bytes for an import); `text` says
    /// what is happening.
    void progress(qint64 done, qint64 total, const QString &text);
    void finished(const hindsight::ui::JobResult &result);

  private:
    bool shouldReport();

    std::atomic<bool> m_cancel{false};
    qint64 m_lastReportMs = 0;
};

} // namespace hindsight::ui
