#pragma once

#include "ui/store/interactiondetail.h"
#include "ui/store/interactionpage.h"
#include "ui/store/workspacestats.h"

#include <QObject>
#include <QString>
#include <memory>

class QTimer;

namespace hindsight::store {
class Store;
}

namespace hindsight::ui {

class InteractionConverter;

/// Answers the studio's read requests on its own thread with its own store connection, and
/// watches the store for changes made by other connections (an import in another process, or
/// the studio's own job worker). Lives in a QThread; call its slots through queued
/// invocations only. Everything it emits is a plain value.
class StoreWorker : public QObject
{
    Q_OBJECT

  public:
    explicit StoreWorker(QObject *parent = nullptr);
    ~StoreWorker() override;

  public slots:
    /// Opens the workspace at `path` (closing any other). Emits exactly one of
    /// workspaceMissing, workspaceFailed or workspaceOpened (followed by statsReady).
    /// A missing or empty file is left alone: nothing is created.
    void openWorkspace(const QString &requested);
    void closeWorkspace();
    void fetchStats();
    /// Rows older than `beforeId` (0 = the newest), newest first.
    void fetchOlder(quint64 generation, qint64 beforeId, int limit);
    /// Rows newer than `afterId`, newest first. `oldestId` and `heldRows` describe what the
    /// table holds: when the store no longer has exactly `heldRows` rows from `oldestId` to
    /// `afterId`, the answer restarts the table from the newest page.
    void fetchNewer(quint64 generation, qint64 afterId, qint64 oldestId, int heldRows, int limit);
    void fetchDetail(qint64 id, const QString &uuid);
    /// How often the store is checked for changes by other connections (and, while the
    /// workspace is missing, for the file to appear).
    void setPollInterval(int ms);

  signals:
    void workspaceOpened(const QString &path, bool readOnly);
    void workspaceMissing(const QString &path);
    void workspaceFailed(const QString &path, const QString &message);
    /// The file was replaced or removed behind the studio's back; it has been reopened
    /// (followed by workspaceOpened / workspaceMissing / workspaceFailed).
    void workspaceReplaced(const QString &path);
    void statsReady(const hindsight::ui::WorkspaceStats &stats);
    void pageReady(const hindsight::ui::InteractionPage &page);
    void detailReady(const hindsight::ui::InteractionDetail &detail);
    /// Another connection committed changes to the store.
    void storeChanged();

  private:
    void poll();
    void startPolling();
    qint64 dataVersion();
    WorkspaceStats readStats();

    std::unique_ptr<store::Store> m_store;
    std::unique_ptr<InteractionConverter> m_converter;
    QString m_path;
    bool m_readOnly = false;
    bool m_missing = false;
    qint64 m_dataVersion = -1;
    quint64 m_fileIdentity = 0;
    QTimer *m_pollTimer = nullptr;
    int m_pollIntervalMs = 2000;
};

} // namespace hindsight::ui
