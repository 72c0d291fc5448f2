#pragma once

#include "ui/store/catalogjobs.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QStringList>
#include <vector>

namespace hindsight::ui {

/// Item data roles of the definitions catalog (DefinitionListModel), on every column.
namespace DefinitionRole {
enum : int {
    Name = Qt::UserRole + 1, ///< QString: the current name
    Status,                  ///< int: definitions::DefinitionStatus
    Category,                ///< QString
    Owner,                   ///< QString
    Tags,                    ///< QStringList
    Health,                  ///< int: CatalogHealth
    SearchText,              ///< QString: name, description, tags and former names, lower case
    Sort,                    ///< the column's value for sorting (numbers as numbers)
    Id,                      ///< qint64: the definition's id
};
} // namespace DefinitionRole

/// The definitions catalog as a table: one row per definition with its status (word and icon),
/// metadata, counts in the shared time range, last match, health and last change. The list
/// comes first (setCatalog); counts and health arrive later (setStats) and show "…" until then.
class DefinitionListModel : public QAbstractTableModel
{
    Q_OBJECT

  public:
    enum Column {
        NameColumn,
        StatusColumn,
        CategoryColumn,
        OwnerColumn,
        TagsColumn,
        CountColumn,
        PeopleColumn,
        LastSeenColumn,
        HealthColumn,
        UpdatedColumn,
        ColumnCount
    };

    explicit DefinitionListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Replaces the list. Counts of definitions still there at the same version stay shown
    /// until setStats() brings new ones; changed ones show "…" meanwhile.
    void setCatalog(std::vector<CatalogEntry> entries);
    /// Fills counts, last match and health (matched by definition id).
    void setStats(const CatalogStats &stats);
    /// Marks counts and health as being computed again (shown as "…").
    void markStatsPending();
    bool hasCatalog() const { return m_loaded; }
    /// True from setCatalog() or markStatsPending() until setStats().
    bool statsPending() const { return m_statsPending; }

    /// The row of the definition with this current or former name (ignoring case), or -1.
    int rowOf(const QString &nameOrAlias) const;
    const CatalogEntry *entryAt(int row) const;
    const DefinitionStats *statsAt(int row) const;

    /// Distinct values present in the list, sorted ignoring case (for the filter choices).
    QStringList categories() const;
    QStringList owners() const;
    QStringList tags() const;

    /// The word for a health state ("OK", "Stale", "Broken", "Never matched", "Not checked").
    static QString healthWord(CatalogHealth health);
    /// Small icons that go with the status and health words (never colour alone).
    static QIcon statusIcon(definitions::DefinitionStatus status);
    static QIcon healthIcon(CatalogHealth health);

  private:
    QVariant displayData(int row, int column) const;
    QVariant sortData(int row, int column) const;

    std::vector<CatalogEntry> m_entries;
    std::vector<QString> m_searchText;
    QHash<qint64, DefinitionStats> m_stats;
    bool m_loaded = false;
    bool m_statsPending = true; ///< new counts are on their way
    bool m_statsValid = false;  ///< m_stats answer for the current time range
};

} // namespace hindsight::ui
