#include "ui/store/jobworker.h"

#include "core/demo/demoworkspace.h"
#include "core/ingest/importer.h"
#include "core/store/store.h"
#include "ui/common/humanformat.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>

namespace hindsight::ui {

namespace {

constexpr int kMaxIssues = 5;

std::unique_ptr<store::Store> openForWriting(const QString &path, QString *error)
{
    std::string why;
    auto store = store::Store::open(QFile::encodeName(path).toStdString(),
                                    store::Store::OpenMode::CreateIfMissing, &why);
    if (!store) *error = QString::fromStdString(why);
    return store;
}

} // namespace

JobWorker::JobWorker(QObject *parent) : QObject(parent) {}

void JobWorker::cancel()
{
    m_cancel.store(true);
}

void JobWorker::resetCancel()
{
    m_cancel.store(false);
}

bool JobWorker::shouldReport()
{
    // At most ten progress signals a second: the GUI thread only needs to repaint a bar.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - m_lastReportMs < 100) return false;
    m_lastReportMs = now;
    return true;
}

void JobWorker::createWorkspace(const QString &path)
{
    JobResult result;
    result.kind = JobResult::Kind::CreateWorkspace;
    result.storePath = path;
    QString error;
    if (openForWriting(path, &error))
        emit storeReady(path);
    else
        result.error = error;
    emit finished(result);
}

void JobWorker::buildDemo(const QString &path, qint64 interactions, int days, qint64 endMs)
{
    JobResult result;
    result.kind = JobResult::Kind::Demo;
    result.storePath = path;
    QString error;
    auto store = openForWriting(path, &error);
    if (!store) {
        result.error = error;
        emit finished(result);
        return;
    }
    emit storeReady(path);

    demo::DemoOptions options;
    options.interactions = interactions;
    options.days = days;
    options.endMs = endMs;
    emit progress(0, interactions, tr("Creating the demo workspace…"));
    demo::DemoBuildControl control;
    control.batch = kDemoBatch;
    control.cancel = &m_cancel;
    control.progress = [&](std::int64_t seen) {
        emit progress(seen, interactions,
                      tr("Creating the demo workspace: %1 of %2 interactions")
                          .arg(formatCount(seen), formatCount(interactions)));
    };
    const demo::DemoBuildResult built = demo::buildDemoWorkspace(*store, options, control);
    result.error = QString::fromStdString(built.error);
    result.cancelled = built.cancelled;
    result.stored = built.stored;
    emit finished(result);
}

void JobWorker::importFiles(const QString &path, const QStringList &files)
{
    JobResult result;
    result.kind = JobResult::Kind::Import;
    result.storePath = path;
    QString error;
    auto store = openForWriting(path, &error);
    if (!store) {
        result.error = error;
        emit finished(result);
        return;
    }
    emit storeReady(path);

    qint64 totalBytes = 0;
    for (const QString &file : files)
        totalBytes += QFileInfo(file).size();
    qint64 doneBefore = 0;
    ingest::Importer importer(*store);
    for (const QString &file : files) {
        if (m_cancel.load()) {
            result.cancelled = true;
            break;
        }
        const QString name = QFileInfo(file).fileName();
        auto onIssue = [&](const std::string &source, std::int64_t line, const std::string &reason) {
            if (result.issues.size() < kMaxIssues) {
                result.issues.append(tr("%1, line %2: %3")
                                         .arg(QFileInfo(QString::fromStdString(source)).fileName())
                                         .arg(line)
                                         .arg(QString::fromStdString(reason)));
            }
        };
        auto onProgress = [&](const ingest::FileReport &soFar, std::int64_t bytesDone, std::int64_t) {
            if (!shouldReport()) return;
            emit progress(doneBefore + bytesDone, totalBytes,
                          tr("Importing %1: %2 interactions stored")
                              .arg(name, formatCount(result.stored + soFar.stored)));
        };
        emit progress(doneBefore, totalBytes, tr("Importing %1…").arg(name));
        const ingest::FileReport report =
            importer.importFile(QFile::encodeName(file).toStdString(), onIssue, onProgress, &m_cancel);
        ++result.files;
        result.stored += report.stored;
        result.duplicates += report.duplicates;
        result.rejected += report.rejected;
        doneBefore += QFileInfo(file).size();
        if (report.cancelled) {
            result.cancelled = true;
            break;
        }
        if (!report.ok()) {
            result.error = QString::fromStdString(report.error);
            break;
        }
    }
    emit progress(doneBefore, totalBytes, QString());
    emit finished(result);
}

} // namespace hindsight::ui
