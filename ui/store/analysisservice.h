#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>
#include <functional>
#include <memory>
#include <type_traits>
#include <utility>

namespace hindsight::ui {

class AnalysisContext;
class AnalysisWorker;

/// Runs the studio's questions about definitions and interactions (answers, previews, charts,
/// filtered browsing, catalog edits) on one background thread that holds the workspace's
/// interaction index and catalog (see AnalysisContext). The GUI thread never touches the store:
/// it hands the service a job (a function of the context) and gets the result back, on the GUI
/// thread, in a callback.
///
///     service->run<Totals>(QStringLiteral("preview"), this,
///         [def](AnalysisContext &ctx) { ... return totals; },
///         [this](const Totals &t) { show(t); });
///
/// - Jobs run one at a time, in the order given.
/// - A job with a non-empty `key` supersedes the jobs with the same key that have not started
///   yet (they are skipped) and, once started, makes ctx.cancelled() true for the one running;
///   only the newest job of a key delivers its result. Use one key per live view ("preview",
///   "browse") so that typing never queues stale work.
/// - The callback is not called when `receiver` has been destroyed, or when the workspace was
///   switched (open()/close()) after the job was queued.
/// - Results are passed by value across threads: make them plain values (no pointers into the
///   index or the context).
class AnalysisService : public QObject
{
    Q_OBJECT

  public:
    explicit AnalysisService(QObject *parent = nullptr);
    ~AnalysisService() override;

    /// Switches to the workspace at `path` (nothing is loaded until a job asks).
    void open(const QString &path);
    void close();
    QString path() const { return m_path; }

    template <typename Result, typename Work, typename Done>
    void run(const QString &key, QObject *receiver, Work &&work, Done &&done)
    {
        static_assert(std::is_invocable_r_v<Result, Work, AnalysisContext &>);
        auto result = std::make_shared<Result>();
        QPointer<QObject> target(receiver);
        post(
            key,
            [result, work = std::forward<Work>(work)](AnalysisContext &ctx) mutable { *result = work(ctx); },
            [result, target, done = std::forward<Done>(done)]() mutable {
                if (target) done(std::as_const(*result));
            },
            receiver);
    }

    /// As run(), for jobs without a result (`done` may be empty).
    void post(const QString &key, std::function<void(AnalysisContext &)> work, std::function<void()> done,
              QObject *receiver);

    /// Jobs queued or running.
    int pendingJobs() const { return m_pending; }
    /// True once a job has loaded the index and it was current at that time.
    bool isIndexReady() const { return m_indexReady; }

  signals:
    /// "Loading interactions for definitions…" (loading = true), then "" (loading = false).
    void indexStatusChanged(const QString &text, bool loading);
    /// A job changed the catalog (it called AnalysisContext::markCatalogChanged()), or another
    /// workspace was opened or closed; views that show definitions ask again.
    void catalogChanged();
    /// pendingJobs() went from 0 to more, or back to 0.
    void busyChanged(bool busy);

  private:
    void finishJob(quint64 epoch, bool catalogChanged, const std::function<void()> &done);

    QThread m_thread;
    AnalysisWorker *m_worker = nullptr; // lives in m_thread; deleted when it finishes
    QString m_path;
    quint64 m_epoch = 0;
    int m_pending = 0;
    bool m_indexReady = false;
};

} // namespace hindsight::ui
