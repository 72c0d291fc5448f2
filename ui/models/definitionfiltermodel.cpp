#include "ui/models/definitionfiltermodel.h"

#include "ui/models/definitionlistmodel.h"

namespace hindsight::ui {

using definitions::DefinitionStatus;

namespace {

bool matchesText(const QString &filter, const QString &value)
{
    if (filter.isEmpty()) return true;
    if (filter == DefinitionFilterModel::noneValue()) return value.isEmpty();
    return QString::compare(filter, value, Qt::CaseInsensitive) == 0;
}

} // namespace

DefinitionFilterModel::DefinitionFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(DefinitionRole::Sort);
    setDynamicSortFilter(true);
}

QString DefinitionFilterModel::noneValue()
{
    return QStringLiteral("\x01none");
}

void DefinitionFilterModel::setSearchText(const QString &text)
{
    if (text == m_search) return;
    m_search = text;
    m_words = text.toCaseFolded().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateRowsFilter();
}

void DefinitionFilterModel::setStatusFilter(StatusFilter filter)
{
    if (filter == m_status) return;
    m_status = filter;
    invalidateRowsFilter();
}

void DefinitionFilterModel::setCategoryFilter(const QString &category)
{
    if (category == m_category) return;
    m_category = category;
    invalidateRowsFilter();
}

void DefinitionFilterModel::setOwnerFilter(const QString &owner)
{
    if (owner == m_owner) return;
    m_owner = owner;
    invalidateRowsFilter();
}

void DefinitionFilterModel::setTagFilter(const QString &tag)
{
    if (tag == m_tag) return;
    m_tag = tag;
    invalidateRowsFilter();
}

void DefinitionFilterModel::setHealthFilter(std::optional<CatalogHealth> health)
{
    if (health == m_health) return;
    m_health = health;
    invalidateRowsFilter();
}

bool DefinitionFilterModel::isFiltering() const
{
    return !m_words.isEmpty() || m_status != StatusFilter::NotArchived || !m_category.isEmpty() ||
           !m_owner.isEmpty() || !m_tag.isEmpty() || m_health.has_value();
}

void DefinitionFilterModel::clearFilters()
{
    m_search.clear();
    m_words.clear();
    m_status = StatusFilter::NotArchived;
    m_category.clear();
    m_owner.clear();
    m_tag.clear();
    m_health.reset();
    invalidateRowsFilter();
}

bool DefinitionFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto status = static_cast<DefinitionStatus>(index.data(DefinitionRole::Status).toInt());
    switch (m_status) {
    case StatusFilter::NotArchived:
        if (status == DefinitionStatus::Archived) return false;
        break;
    case StatusFilter::Any:
        break;
    case StatusFilter::Draft:
        if (status != DefinitionStatus::Draft) return false;
        break;
    case StatusFilter::Verified:
        if (status != DefinitionStatus::Verified) return false;
        break;
    case StatusFilter::Deprecated:
        if (status != DefinitionStatus::Deprecated) return false;
        break;
    case StatusFilter::Archived:
        if (status != DefinitionStatus::Archived) return false;
        break;
    }
    if (!matchesText(m_category, index.data(DefinitionRole::Category).toString())) return false;
    if (!matchesText(m_owner, index.data(DefinitionRole::Owner).toString())) return false;
    if (!m_tag.isEmpty() &&
        !index.data(DefinitionRole::Tags).toStringList().contains(m_tag, Qt::CaseInsensitive))
        return false;
    if (m_health && index.data(DefinitionRole::Health).toInt() != static_cast<int>(*m_health)) return false;
    if (!m_words.isEmpty()) {
        const QString text = index.data(DefinitionRole::SearchText).toString();
        for (const auto &word : m_words)
            if (!text.contains(word)) return false;
    }
    return true;
}

bool DefinitionFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant a = left.data(DefinitionRole::Sort);
    const QVariant b = right.data(DefinitionRole::Sort);
    const int c = QVariant::compare(a, b) == QPartialOrdering::Less      ? -1
                  : QVariant::compare(a, b) == QPartialOrdering::Greater ? 1
                                                                         : 0;
    if (c != 0) return c < 0;
    // Ties by name, so the order is stable.
    return left.sibling(left.row(), DefinitionListModel::NameColumn).data(DefinitionRole::Sort).toString() <
           right.sibling(right.row(), DefinitionListModel::NameColumn).data(DefinitionRole::Sort).toString();
}

} // namespace hindsight::ui
