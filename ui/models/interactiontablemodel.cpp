#include "ui/models/interactiontablemodel.h"

#include "ui/common/humanformat.h"
#include "ui/common/untrustedtext.h"
#include "ui/models/interactionroles.h"

#include <QFontDatabase>
#include <algorithm>

namespace hindsight::ui {

InteractionTableModel::InteractionTableModel(QObject *parent)
    : QAbstractTableModel(parent), m_fixedFont(QFontDatabase::systemFont(QFontDatabase::FixedFont))
{
}

int InteractionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int InteractionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const InteractionRow *InteractionTableModel::rowAt(int row) const
{
    if (row < 0 || row >= static_cast<int>(m_rows.size())) return nullptr;
    return &m_rows[static_cast<std::size_t>(row)];
}

int InteractionTableModel::rowOfId(qint64 id) const
{
    // Rows are held newest first, so ids descend.
    const auto it =
        std::lower_bound(m_rows.begin(), m_rows.end(), id,
                         [](const InteractionRow &row, qint64 wanted) { return row.id > wanted; });
    if (it == m_rows.end() || it->id != id) return -1;
    return static_cast<int>(it - m_rows.begin());
}

QVariant InteractionTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const InteractionRow &row = m_rows[static_cast<std::size_t>(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case TimeColumn:
            return formatLocalDateTime(row.timestampMs);
        case TypeColumn:
            return row.type;
        case PageColumn:
            return row.pagePath;
        case TargetColumn:
            return row.targetText.isEmpty() ? row.targetSelector
                                            : row.targetSelector + QLatin1Char(' ') + row.targetText;
        case PersonColumn:
            return row.person;
        case SessionColumn:
            return row.session;
        }
        break;
    case Qt::ToolTipRole:
        switch (column) {
        case TimeColumn:
            return untrusted::toolTip(formatUtcInstant(row.timestampMs));
        case TypeColumn:
            return untrusted::toolTip(row.type);
        case PageColumn:
            return row.pageUrl.isEmpty() ? QVariant() : QVariant(untrusted::toolTip(row.pageUrl));
        case TargetColumn:
            if (row.targetSelector.isEmpty()) return {};
            return untrusted::toolTip(row.targetText.isEmpty()
                                          ? row.targetSelector
                                          : row.targetSelector + QLatin1Char(' ') + row.targetText);
        case PersonColumn:
            return untrusted::toolTip(row.person);
        case SessionColumn:
            return row.session.isEmpty() ? QVariant() : QVariant(untrusted::toolTip(row.session));
        }
        break;
    case Qt::FontRole:
        if (column == PageColumn || column == SessionColumn) return m_fixedFont;
        break;
    case InteractionRole::Id:
        return row.id;
    case InteractionRole::Uuid:
        return row.uuid;
    case InteractionRole::TimestampMs:
        return row.timestampMs;
    case InteractionRole::TargetSelector:
        return row.targetSelector;
    case InteractionRole::TargetText:
        return row.targetText;
    case InteractionRole::PageUrl:
        return row.pageUrl;
    default:
        break;
    }
    return {};
}

QVariant InteractionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case TimeColumn:
            return tr("Time");
        case TypeColumn:
            return tr("Type");
        case PageColumn:
            return tr("Page");
        case TargetColumn:
            return tr("Target");
        case PersonColumn:
            return tr("Person");
        case SessionColumn:
            return tr("Session");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case TimeColumn:
            return tr("When the interaction happened, in your time zone (hover a cell for UTC)");
        case PageColumn:
            return tr("The path of the page the interaction happened on");
        case TargetColumn:
            return tr("The element interacted with: tag, id and classes, then its text");
        case PersonColumn:
            return tr("The person, after linking anonymous ids to identified users");
        default:
            break;
        }
    }
    return {};
}

bool InteractionTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_active && !m_atEnd && !m_olderPending && !isFull();
}

void InteractionTableModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent)) requestOlder();
}

void InteractionTableModel::requestOlder()
{
    m_olderPending = true;
    // Never more than the room left under maxRows().
    const int room = m_maxRows - static_cast<int>(m_rows.size());
    emit olderRowsWanted(m_generation, m_rows.empty() ? 0 : m_rows.back().id,
                         std::max(1, std::min(m_pageSize, room)));
}

void InteractionTableModel::reset(bool active)
{
    beginResetModel();
    m_rows.clear();
    m_rows.shrink_to_fit();
    ++m_generation;
    m_active = active;
    m_atEnd = false;
    m_olderPending = false;
    m_newerPending = false;
    m_newerAgain = false;
    endResetModel();
}

void InteractionTableModel::refreshNewest()
{
    if (!m_active) return;
    if (m_rows.empty()) {
        // Nothing held yet (the store was empty, or the first page is still on its way).
        if (!m_olderPending) {
            m_atEnd = false;
            requestOlder();
        }
        return;
    }
    if (m_newerPending) {
        m_newerAgain = true;
        return;
    }
    m_newerPending = true;
    emit newerRowsWanted(m_generation, m_rows.front().id, m_rows.back().id, static_cast<int>(m_rows.size()),
                         m_pageSize);
}

void InteractionTableModel::setMaxRows(int rows)
{
    m_maxRows = std::clamp(rows, 1, kMaxRows);
}

void InteractionTableModel::setPageSize(int rows)
{
    m_pageSize = std::max(1, rows);
}

void InteractionTableModel::acceptPage(const InteractionPage &page)
{
    if (page.generation != m_generation || !m_active) return;
    if (page.kind == InteractionPage::Kind::Older) {
        const qint64 expectedAnchor = m_rows.empty() ? 0 : m_rows.back().id;
        if (!m_olderPending || page.anchorId != expectedAnchor) return;
        // Views and testers may call fetchMore() from the insertion signals, so the request
        // stays marked as pending until the rows are in (a request cut at the old oldest row
        // would be answered with rows already held).
        if (!page.rows.empty()) {
            const int first = static_cast<int>(m_rows.size());
            beginInsertRows({}, first, first + static_cast<int>(page.rows.size()) - 1);
            m_rows.insert(m_rows.end(), page.rows.begin(), page.rows.end());
            endInsertRows();
        }
        m_olderPending = false;
        m_atEnd = static_cast<int>(page.rows.size()) < page.limit || !page.error.isEmpty();
        emit pageAccepted();
        return;
    }

    // Newer rows.
    m_newerPending = false;
    if (page.restart) {
        beginResetModel();
        ++m_generation; // answers to requests made before the restart no longer fit
        m_rows = page.rows;
        m_atEnd = static_cast<int>(page.rows.size()) < page.limit;
        m_olderPending = false;
        m_newerAgain = false;
        endResetModel();
        // (a fetchMore() from the reset signal is a request of the new generation)
        emit pageAccepted();
        return;
    }
    const qint64 top = m_rows.empty() ? 0 : m_rows.front().id;
    std::size_t fresh = 0;
    while (fresh < page.rows.size() && page.rows[fresh].id > top)
        ++fresh;
    if (fresh > 0) {
        beginInsertRows({}, 0, static_cast<int>(fresh) - 1);
        m_rows.insert(m_rows.begin(), page.rows.begin(), page.rows.begin() + static_cast<long>(fresh));
        endInsertRows();
    }
    if (static_cast<int>(m_rows.size()) > m_maxRows) {
        // New rows pushed the oldest ones past the limit: drop those.
        beginRemoveRows({}, m_maxRows, static_cast<int>(m_rows.size()) - 1);
        m_rows.resize(static_cast<std::size_t>(m_maxRows));
        endRemoveRows();
        m_atEnd = false;
    }
    emit pageAccepted();
    if (m_newerAgain) {
        m_newerAgain = false;
        refreshNewest();
    }
}

} // namespace hindsight::ui
