#include "ui/store/storeworker.h"

#include "core/store/statement.h"
#include "core/store/store.h"
#include "ui/store/interactionconverter.h"

#include <QFileInfo>
#include <QTimer>
#include <limits>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace hindsight::ui {

namespace {

/// Identifies the file behind a path (device and inode), so that a store replaced by another
/// file of the same name is noticed. 0 = no file.
quint64 fileIdentity(const QString &path)
{
#ifdef Q_OS_UNIX
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0) return 0;
    return (static_cast<quint64>(st.st_dev) << 40) ^ static_cast<quint64>(st.st_ino) ^ 1u;
#else
    return QFileInfo::exists(path) ? 1 : 0;
#endif
}

qint64 storeBytes(const QString &path)
{
    qint64 total = 0;
    for (const QString &file : {path, path + QStringLiteral("-wal")}) {
        const QFileInfo info(file);
        if (info.exists()) total += info.size();
    }
    return total;
}

bool mayWrite(const QString &path)
{
    const QFileInfo file(path);
    return file.isWritable() && QFileInfo(file.absolutePath()).isWritable();
}

} // namespace

StoreWorker::StoreWorker(QObject *parent)
    : QObject(parent), m_converter(std::make_unique<InteractionConverter>()), m_pollTimer(new QTimer(this))
{
    // The timer is a child, so it moves to the worker thread with this object.
    connect(m_pollTimer, &QTimer::timeout, this, &StoreWorker::poll);
}

StoreWorker::~StoreWorker() = default;

void StoreWorker::setPollInterval(int ms)
{
    m_pollIntervalMs = std::max(50, ms);
    if (m_pollTimer->isActive()) m_pollTimer->start(m_pollIntervalMs);
}

void StoreWorker::startPolling()
{
    m_pollTimer->start(m_pollIntervalMs);
}

void StoreWorker::closeWorkspace()
{
    m_pollTimer->stop();
    m_store.reset();
    m_path.clear();
    m_missing = false;
    m_dataVersion = -1;
    m_fileIdentity = 0;
}

void StoreWorker::openWorkspace(const QString &requested)
{
    const QString path = requested; // a copy: `requested` may refer to m_path, which is cleared next
    closeWorkspace();
    m_path = path;
    const QFileInfo info(path);
    if (!info.exists() || (info.isFile() && info.size() == 0)) {
        // Nothing to open yet; creating the workspace is the user's choice (or another
        // program's: the poll notices when the file appears).
        m_missing = true;
        startPolling();
        emit workspaceMissing(path);
        return;
    }

    std::string error;
    const std::string native = QFile::encodeName(path).toStdString();
    m_store = store::Store::open(native, store::Store::OpenMode::Existing, &error);
    m_readOnly = false;
    if (!m_store && info.isFile() && !mayWrite(path)) {
        std::string readOnlyError;
        m_store = store::Store::open(native, store::Store::OpenMode::ReadOnly, &readOnlyError);
        m_readOnly = m_store != nullptr;
    }
    if (!m_store) {
        const QString message = QString::fromStdString(error);
        m_path.clear();
        emit workspaceFailed(path, message);
        return;
    }
    // Pages of a table and single rows need few pages cached; the studio's memory goes to the
    // analysis thread's index (see docs/performance.md, "Studio").
    m_store->db().exec("PRAGMA cache_size = -8192");
    m_fileIdentity = fileIdentity(path);
    m_dataVersion = dataVersion();
    startPolling();
    emit workspaceOpened(path, m_readOnly);
    emit statsReady(readStats());
}

qint64 StoreWorker::dataVersion()
{
    if (!m_store) return -1;
    bool ok = false;
    const qint64 version = m_store->db().scalar("PRAGMA data_version", &ok);
    return ok ? version : -1;
}

WorkspaceStats StoreWorker::readStats()
{
    WorkspaceStats s;
    s.path = m_path;
    s.readOnly = m_readOnly;
    if (!m_store) return s;
    const store::StoreStats core = m_store->stats();
    s.interactions = core.interactions;
    s.people = core.people;
    s.sessions = core.sessions;
    s.elements = core.elements;
    s.hasRange = core.firstMs.has_value() && core.lastMs.has_value();
    s.firstMs = core.firstMs.value_or(0);
    s.lastMs = core.lastMs.value_or(0);
    s.fileBytes = storeBytes(m_path);
    return s;
}

void StoreWorker::fetchStats()
{
    if (m_store) emit statsReady(readStats());
}

void StoreWorker::fetchOlder(quint64 generation, qint64 beforeId, int limit)
{
    InteractionPage page;
    page.kind = InteractionPage::Kind::Older;
    page.generation = generation;
    page.anchorId = beforeId;
    page.limit = limit;
    if (m_store) {
        const auto records = m_store->newest(limit, beforeId);
        page.rows.reserve(records.size());
        for (const auto &record : records)
            page.rows.push_back(m_converter->toRow(record));
    }
    emit pageReady(page);
}

void StoreWorker::fetchNewer(quint64 generation, qint64 afterId, qint64 oldestId, int heldRows, int limit)
{
    InteractionPage page;
    page.kind = InteractionPage::Kind::Newer;
    page.generation = generation;
    page.anchorId = afterId;
    page.limit = limit;
    if (!m_store) {
        emit pageReady(page);
        return;
    }
    // Rows imported with older timestamps land among those the table holds (ids are
    // time-ordered); counting the held id range on its primary key notices that cheaply.
    bool unchanged = true;
    if (heldRows > 0) {
        store::Statement count(m_store->db(), "SELECT count(*) FROM interactions WHERE id BETWEEN ?1 AND ?2");
        count.bind(1, static_cast<std::int64_t>(oldestId));
        count.bind(2, static_cast<std::int64_t>(afterId));
        unchanged = count.next() && count.int64(0) == heldRows;
    }
    const auto records = m_store->newest(limit, 0);
    for (const auto &record : records) {
        if (unchanged && record.id <= afterId) break;
        page.rows.push_back(m_converter->toRow(record));
    }
    page.restart = !unchanged || (limit > 0 && static_cast<int>(page.rows.size()) == limit);
    emit pageReady(page);
}

void StoreWorker::fetchDetail(qint64 id, const QString &uuid)
{
    InteractionDetail detail;
    detail.id = id;
    detail.uuid = uuid;
    if (m_store) {
        if (auto record = m_store->findByUuid(uuid.toStdString())) detail = m_converter->toDetail(*record);
    }
    emit detailReady(detail);
}

void StoreWorker::poll()
{
    if (m_path.isEmpty()) return;
    if (m_missing) {
        const QFileInfo info(m_path);
        if (!info.exists() || info.size() == 0) return;
        // The file appeared (another program created the workspace). It may still be in the
        // middle of being set up; only switch over once it opens cleanly.
        std::string error;
        if (!store::Store::open(QFile::encodeName(m_path).toStdString(), store::Store::OpenMode::ReadOnly,
                                &error))
            return;
        const QString path = m_path; // openWorkspace() clears m_path first
        openWorkspace(path);
        return;
    }
    if (!m_store) return;
    if (fileIdentity(m_path) != m_fileIdentity) {
        const QString path = m_path;
        emit workspaceReplaced(path);
        openWorkspace(path);
        return;
    }
    const qint64 version = dataVersion();
    if (version != m_dataVersion) {
        m_dataVersion = version;
        emit storeChanged();
    }
}

} // namespace hindsight::ui
