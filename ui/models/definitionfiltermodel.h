#pragma once

#include "core/definitions/definition.h"
#include "ui/store/catalogjobs.h"

#include <QSortFilterProxyModel>
#include <QStringList>
#include <optional>

namespace hindsight::ui {

/// Narrows a DefinitionListModel: search text and filters on status, category, owner, tag and
/// health (all must hold). Sorts by DefinitionRole::Sort (numbers as numbers).
class DefinitionFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

  public:
    /// What the status filter keeps.
    enum class StatusFilter { NotArchived, Any, Draft, Verified, Deprecated, Archived };

    explicit DefinitionFilterModel(QObject *parent = nullptr);

    /// Words separated by spaces, each of which must occur (ignoring case) in the name,
    /// description, a tag or a former name.
    void setSearchText(const QString &text);
    QString searchText() const { return m_search; }
    void setStatusFilter(StatusFilter filter);
    StatusFilter statusFilter() const { return m_status; }
    /// Empty = any; compared ignoring case. noneValue() keeps definitions without one.
    void setCategoryFilter(const QString &category);
    void setOwnerFilter(const QString &owner);
    void setTagFilter(const QString &tag);
    void setHealthFilter(std::optional<CatalogHealth> health);

    /// Whether any filter or search narrows the list.
    bool isFiltering() const;
    /// Clears the search and every filter (status back to "not archived").
    void clearFilters();

    /// The value the category and owner filters use for "none set".
    static QString noneValue();

  protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

  private:
    QString m_search;
    QStringList m_words;
    StatusFilter m_status = StatusFilter::NotArchived;
    QString m_category, m_owner, m_tag;
    std::optional<CatalogHealth> m_health;
};

} // namespace hindsight::ui
