#include "ui/views/definitionhistoryview.h"

#include "ui/common/humanformat.h"
#include "ui/common/untrustedtext.h"
#include "ui/store/analysiscontext.h"
#include "ui/store/analysisservice.h"
#include "ui/store/catalogeditor.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace hindsight::ui {

namespace {

constexpr int kVersionRole = Qt::UserRole + 1;

} // namespace

DefinitionHistoryView::DefinitionHistoryView(AnalysisService *analysis, CatalogEditor *catalog,
                                             QWidget *parent)
    : QWidget(parent), m_analysis(analysis), m_catalog(catalog)
{
    setObjectName(QStringLiteral("definitionHistoryView"));
    m_jobKey = QStringLiteral("definition-history-%1").arg(reinterpret_cast<quintptr>(this));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("historyStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_status);

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->setObjectName(QStringLiteral("historySplitter"));
    splitter->setChildrenCollapsible(false);
    m_versions = new QTreeWidget;
    m_versions->setObjectName(QStringLiteral("historyVersions"));
    m_versions->setAccessibleName(tr("Versions"));
    m_versions->setRootIsDecorated(false);
    m_versions->setUniformRowHeights(true);
    m_versions->setAlternatingRowColors(true);
    m_versions->setSelectionMode(QAbstractItemView::SingleSelection);
    m_versions->setHeaderLabels({tr("Version"), tr("Action"), tr("Who"), tr("When"), tr("Why")});
    m_versions->header()->setStretchLastSection(true);
    m_versions->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_versions->setColumnWidth(0, fontMetrics().horizontalAdvance(QStringLiteral("Version")) + 12);
    m_versions->setColumnWidth(1, fontMetrics().horizontalAdvance(QStringLiteral("Status changed")) + 12);
    m_versions->setColumnWidth(2, fontMetrics().horizontalAdvance(QStringLiteral("someone")) + 12);
    m_versions->setColumnWidth(3, fontMetrics().horizontalAdvance(QStringLiteral("2026-10-31 23:59")) + 12);
    splitter->addWidget(m_versions);

    auto *lower = new QWidget;
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    m_changesTitle = new QLabel;
    m_changesTitle->setObjectName(QStringLiteral("historyChangesTitle"));
    m_changesTitle->setTextFormat(Qt::PlainText);
    QFont bold = m_changesTitle->font();
    bold.setBold(true);
    m_changesTitle->setFont(bold);
    row->addWidget(m_changesTitle, 1);
    m_restore = new QPushButton(tr("Restore this version"));
    m_restore->setObjectName(QStringLiteral("historyRestore"));
    m_restore->setAccessibleName(tr("Restore the selected version"));
    m_restore->setToolTip(tr("Brings back this version's description, category, owner, tags and criteria "
                             "as a new version (the name and status stay). Undo with Ctrl+Z."));
    row->addWidget(m_restore);
    lowerLayout->addLayout(row);
    m_changesBy = new QLabel;
    m_changesBy->setObjectName(QStringLiteral("historyChangesBy"));
    m_changesBy->setTextFormat(Qt::PlainText);
    m_changesBy->setWordWrap(true);
    lowerLayout->addWidget(m_changesBy);
    m_changes = new QListWidget;
    m_changes->setObjectName(QStringLiteral("historyChanges"));
    m_changes->setAccessibleName(tr("Changes in the selected version"));
    m_changes->setSelectionMode(QAbstractItemView::NoSelection);
    m_changes->setWordWrap(true);
    m_changes->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    lowerLayout->addWidget(m_changes, 1);
    splitter->addWidget(lower);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);

    connect(m_versions, &QTreeWidget::currentItemChanged, this, [this] {
        showSelectedChanges();
        updateRestore();
    });
    connect(m_restore, &QPushButton::clicked, this, &DefinitionHistoryView::restoreSelected);
    connect(m_analysis, &AnalysisService::catalogChanged, this, [this] {
        if (!m_name.isEmpty()) reload();
    });
    if (m_catalog) connect(m_catalog, &CatalogEditor::busyChanged, this, [this] { updateRestore(); });
    showHistory({});
}

void DefinitionHistoryView::setDefinition(const QString &name)
{
    if (name == m_name && (m_loading || m_history.ok)) return;
    m_name = name;
    m_history = {};
    m_versions->clear();
    m_changes->clear();
    reload();
}

void DefinitionHistoryView::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    updateRestore();
}

void DefinitionHistoryView::reload()
{
    if (m_name.isEmpty()) {
        m_loading = false;
        showHistory({});
        return;
    }
    m_loading = true;
    if (m_history.versions.empty()) m_status->setText(tr("Loading the history…"));
    const QString name = m_name;
    m_analysis->run<DefinitionHistory>(
        m_jobKey, this, [name](AnalysisContext &ctx) { return catalogjobs::loadHistory(ctx, name); },
        [this, name](const DefinitionHistory &history) {
            if (name != m_name) return;
            m_loading = false;
            showHistory(history);
            emit loaded();
        });
}

void DefinitionHistoryView::showHistory(const DefinitionHistory &history)
{
    const int keep = selectedVersion();
    const bool sameDefinition = history.ok && m_history.ok && history.name == m_history.name;
    const int previousCurrent = m_history.currentVersion;
    m_history = history;
    if (history.ok) m_name = history.name;
    m_versions->clear();
    m_changes->clear();
    if (!history.ok) {
        m_status->setText(m_name.isEmpty() ? tr("Select a definition to see its history.")
                          : m_loading      ? tr("Loading the history…")
                                           : tr("The history cannot be read: %1").arg(history.error));
        m_status->show();
        m_changesTitle->clear();
        updateRestore();
        return;
    }
    m_status->setText(history.versions.size() == 1
                          ? tr("1 version.")
                          : tr("%1 versions. Select one to see what changed.").arg(history.versions.size()));
    QTreeWidgetItem *select = nullptr;
    for (auto it = history.versions.rbegin(); it != history.versions.rend(); ++it) {
        auto *item = new QTreeWidgetItem(m_versions);
        item->setText(0, QString::number(it->version));
        item->setText(1, actionWord(it->action));
        item->setText(2, untrusted::line(it->actor, 80));
        item->setText(3, formatLocalDateTime(it->atMs).left(16));
        item->setToolTip(3, formatUtcInstant(it->atMs));
        item->setText(4, untrusted::line(it->reason));
        if (!it->reason.isEmpty()) item->setToolTip(4, untrusted::toolTip(it->reason));
        item->setData(0, kVersionRole, it->version);
        if (it->version == history.currentVersion) {
            QFont f = item->font(0);
            f.setBold(true);
            item->setFont(0, f);
            item->setToolTip(0, tr("The current version"));
        }
        // Keep the user's choice across reloads; after a new version appears, show that one.
        if (sameDefinition && keep > 0 && previousCurrent == history.currentVersion && it->version == keep)
            select = item;
    }
    if (!select && m_versions->topLevelItemCount() > 0) select = m_versions->topLevelItem(0);
    if (select) m_versions->setCurrentItem(select);
    showSelectedChanges();
    updateRestore();
}

void DefinitionHistoryView::showSelectedChanges()
{
    m_changes->clear();
    const int version = selectedVersion();
    const auto it = std::find_if(m_history.versions.begin(), m_history.versions.end(),
                                 [&](const HistoryVersion &v) { return v.version == version; });
    if (it == m_history.versions.end()) {
        m_changesTitle->setText(m_history.ok ? tr("Select a version") : QString());
        m_changesBy->clear();
        return;
    }
    QString by =
        tr("%1 by %2 on %3")
            .arg(actionWord(it->action), untrusted::line(it->actor, 80), formatLocalDateTime(it->atMs));
    if (!it->reason.isEmpty()) by += QLatin1Char('\n') + tr("Why: %1").arg(untrusted::line(it->reason, 500));
    m_changesBy->setText(by);
    m_changesTitle->setText(version == 1
                                ? tr("Version 1: created with")
                                : tr("Version %1: changes from version %2").arg(version).arg(version - 1));
    for (const auto &line : it->changes) {
        auto *item = new QListWidgetItem(line, m_changes);
        item->setToolTip(untrusted::toolTip(line));
    }
}

void DefinitionHistoryView::updateRestore()
{
    const int version = selectedVersion();
    const bool older = m_history.ok && version > 0 && version < m_history.currentVersion;
    m_restore->setEnabled(older && !m_readOnly && m_catalog && !m_catalog->isBusy());
    m_restore->setText(older ? tr("Restore version %1").arg(version) : tr("Restore this version"));
    if (m_readOnly)
        m_restore->setToolTip(tr("This workspace is read-only."));
    else if (m_history.ok && version == m_history.currentVersion)
        m_restore->setToolTip(tr("This is the current version."));
    else
        m_restore->setToolTip(tr("Brings back this version's description, category, owner, tags and "
                                 "criteria as a new version (the name and status stay). Undo with Ctrl+Z."));
}

int DefinitionHistoryView::selectedVersion() const
{
    const QTreeWidgetItem *item = m_versions->currentItem();
    return item ? item->data(0, kVersionRole).toInt() : 0;
}

void DefinitionHistoryView::selectVersion(int version)
{
    for (int i = 0; i < m_versions->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_versions->topLevelItem(i);
        if (item->data(0, kVersionRole).toInt() == version) {
            m_versions->setCurrentItem(item);
            return;
        }
    }
}

void DefinitionHistoryView::restoreSelected()
{
    const int version = selectedVersion();
    if (!m_catalog || m_readOnly || !m_history.ok || version <= 0 || version >= m_history.currentVersion)
        return;
    m_catalog->restoreVersion(m_history.name, version);
}

QString DefinitionHistoryView::actionWord(const QString &action)
{
    if (action == QLatin1String("create")) return tr("Created");
    if (action == QLatin1String("update")) return tr("Edited");
    if (action == QLatin1String("rename")) return tr("Renamed");
    if (action == QLatin1String("status")) return tr("Status changed");
    if (action == QLatin1String("restore")) return tr("Restored");
    if (action == QLatin1String("import")) return tr("Imported");
    if (action == QLatin1String("merge")) return tr("Merged");
    if (action == QLatin1String("unmerge")) return tr("Unmerged");
    return untrusted::line(action, 40);
}

} // namespace hindsight::ui
