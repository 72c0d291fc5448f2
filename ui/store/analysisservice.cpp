#include "ui/store/analysisservice.h"

#include "ui/store/analysiscontext.h"

#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <exception>

namespace hindsight::ui {

/// Lives on the analysis thread and owns the context. Which job of each key is the newest is
/// shared with the GUI thread under a mutex (jobs check it while they run).
class AnalysisWorker : public QObject
{
  public:
    explicit AnalysisWorker(AnalysisService *service) : m_service(service)
    {
        m_context.onIndexStatus = [this](const QString &text, bool loading) {
            QMetaObject::invokeMethod(
                m_service,
                [service = m_service, text, loading] { emit service->indexStatusChanged(text, loading); },
                Qt::QueuedConnection);
        };
    }

    AnalysisContext &context() { return m_context; }

    void setLatest(const QString &key, quint64 seq)
    {
        QMutexLocker lock(&m_mutex);
        m_latest.insert(key, seq);
    }
    bool isLatest(const QString &key, quint64 seq) const
    {
        if (key.isEmpty()) return true;
        QMutexLocker lock(&m_mutex);
        return m_latest.value(key) == seq;
    }
    /// Makes every queued or running keyed job stale (the service is going away).
    void cancelAll()
    {
        QMutexLocker lock(&m_mutex);
        for (auto it = m_latest.begin(); it != m_latest.end(); ++it)
            it.value() = 0;
    }

  private:
    AnalysisService *m_service;
    AnalysisContext m_context;
    mutable QMutex m_mutex;
    QHash<QString, quint64> m_latest;
};

namespace {
quint64 nextSequence()
{
    static quint64 sequence = 0;
    return ++sequence; // GUI thread only
}
} // namespace

AnalysisService::AnalysisService(QObject *parent) : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("hindsight-analysis"));
    m_worker = new AnalysisWorker(this);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start(QThread::LowPriority);
}

AnalysisService::~AnalysisService()
{
    m_worker->cancelAll();
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->context().close(); }, Qt::QueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void AnalysisService::open(const QString &path)
{
    ++m_epoch;
    m_path = path;
    m_indexReady = false;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, path] { worker->context().open(path); }, Qt::QueuedConnection);
    emit catalogChanged(); // another workspace, another catalog: views ask again (after the open)
}

void AnalysisService::close()
{
    ++m_epoch;
    m_path.clear();
    m_indexReady = false;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->context().close(); }, Qt::QueuedConnection);
    emit catalogChanged();
}

void AnalysisService::post(const QString &key, std::function<void(AnalysisContext &)> work,
                           std::function<void()> done, QObject *receiver)
{
    const quint64 seq = nextSequence();
    const quint64 epoch = m_epoch;
    if (!key.isEmpty()) m_worker->setLatest(key, seq);
    if (m_pending++ == 0) emit busyChanged(true);

    QPointer<QObject> target(receiver);
    auto deliver = [target, hasReceiver = receiver != nullptr, done = std::move(done)] {
        if (done && (!hasReceiver || target)) done();
    };
    QMetaObject::invokeMethod(
        m_worker,
        [this, worker = m_worker, key, seq, epoch, work = std::move(work),
         deliver = std::move(deliver)]() mutable {
            AnalysisContext &ctx = worker->context();
            bool ran = false;
            if (worker->isLatest(key, seq)) {
                ctx.isCancelled = [worker, key, seq] { return !worker->isLatest(key, seq); };
                try {
                    work(ctx);
                    ran = true;
                } catch (const std::exception &e) {
                    qWarning("hindsight-studio: an analysis job failed: %s", e.what());
                }
                ctx.isCancelled = nullptr;
            }
            const bool catalogChanged = ctx.takeCatalogChanged();
            const bool indexLoaded = ctx.loadedIndex() != nullptr;
            const bool deliverResult = ran && worker->isLatest(key, seq);
            QMetaObject::invokeMethod(
                this,
                [this, epoch, catalogChanged, indexLoaded, deliverResult, deliver = std::move(deliver)] {
                    if (epoch == m_epoch && indexLoaded) m_indexReady = true;
                    finishJob(epoch, catalogChanged, deliverResult ? deliver : std::function<void()>());
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void AnalysisService::finishJob(quint64 epoch, bool catalogChanged, const std::function<void()> &done)
{
    if (epoch == m_epoch && done) done();
    if (catalogChanged) emit this->catalogChanged();
    if (--m_pending == 0) emit busyChanged(false);
}

} // namespace hindsight::ui
