#include "ui/models/elementtablemodel.h"

#include "ui/common/humanformat.h"
#include "ui/common/untrustedtext.h"
#include "ui/models/interactionroles.h"

#include <QDateTime>
#include <QFontDatabase>
#include <QList>
#include <QTimeZone>
#include <algorithm>

namespace hindsight::ui {

namespace {

constexpr qint64 kDayMs = 86'400'000;

QString utcDate(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).date().toString(Qt::ISODate);
}

} // namespace

ElementTableModel::ElementTableModel(QObject *parent)
    : QAbstractTableModel(parent), m_fixedFont(QFontDatabase::systemFont(QFontDatabase::FixedFont))
{
}

int ElementTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ElementTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const browse::ElementRow *ElementTableModel::rowAt(int row) const
{
    if (row < 0 || row >= static_cast<int>(m_rows.size())) return nullptr;
    return &m_rows[static_cast<std::size_t>(row)];
}

QVariant ElementTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const browse::ElementRow &row = m_rows[static_cast<std::size_t>(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case ElementColumn:
            return row.text.isEmpty() ? row.selector : row.selector + QLatin1Char(' ') + row.text;
        case InteractionsColumn:
            return formatCount(row.interactions);
        case PeopleColumn:
            return formatCount(row.people);
        case PagesColumn:
            return formatCount(row.pages);
        case FirstSeenColumn:
            return formatLocalDateTime(row.firstMs);
        case LastSeenColumn:
            return formatLocalDateTime(row.lastMs);
        case TrendColumn: {
            qint64 sum = 0;
            for (const qint64 n : row.sparkline)
                sum += n;
            return tr("%1 in the last 30 days").arg(formatCount(sum));
        }
        }
        break;
    case Qt::ToolTipRole:
        switch (column) {
        case ElementColumn:
            return untrusted::toolTip(
                tr("%1\n\nElement chain of the newest interaction:\n%2")
                    .arg(row.text.isEmpty() ? row.selector : row.selector + QLatin1Char(' ') + row.text,
                         row.chain));
        case FirstSeenColumn:
            return untrusted::toolTip(formatUtcInstant(row.firstMs));
        case LastSeenColumn:
            return untrusted::toolTip(formatUtcInstant(row.lastMs));
        case TrendColumn: {
            qint64 sum = 0, busiest = 0;
            int busiestDay = 0;
            for (int d = 0; d < static_cast<int>(row.sparkline.size()); ++d) {
                sum += row.sparkline[static_cast<std::size_t>(d)];
                if (row.sparkline[static_cast<std::size_t>(d)] > busiest) {
                    busiest = row.sparkline[static_cast<std::size_t>(d)];
                    busiestDay = d;
                }
            }
            const qint64 last = m_sparkStartMs + (static_cast<qint64>(row.sparkline.size()) - 1) * kDayMs;
            QString text = tr("Interactions per day (UTC), %1 to %2: %3 in all")
                               .arg(utcDate(m_sparkStartMs), utcDate(last), formatCount(sum));
            if (busiest > 0)
                text += tr("\nBusiest day: %1 with %2")
                            .arg(utcDate(m_sparkStartMs + busiestDay * kDayMs), formatCount(busiest));
            return text;
        }
        default:
            break;
        }
        break;
    case Qt::TextAlignmentRole:
        if (column == InteractionsColumn || column == PeopleColumn || column == PagesColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        break;
    case Qt::AccessibleTextRole:
        if (column == TrendColumn) return data(index, Qt::ToolTipRole);
        break;
    case InteractionRole::Id:
        return row.representativeId;
    case InteractionRole::TargetSelector:
        return row.selector;
    case InteractionRole::TargetText:
        return row.text;
    case SparklineRole: {
        QList<qint64> values(row.sparkline.begin(), row.sparkline.end());
        return QVariant::fromValue(values);
    }
    case SparklineStartRole:
        return m_sparkStartMs;
    case SortValueRole:
        switch (column) {
        case InteractionsColumn:
            return row.interactions;
        case PeopleColumn:
            return row.people;
        case PagesColumn:
            return row.pages;
        case FirstSeenColumn:
            return row.firstMs;
        case LastSeenColumn:
            return row.lastMs;
        default:
            return {};
        }
    default:
        break;
    }
    return {};
}

QVariant ElementTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case ElementColumn:
            return tr("Element");
        case InteractionsColumn:
            return tr("Interactions");
        case PeopleColumn:
            return tr("People");
        case PagesColumn:
            return tr("Pages");
        case FirstSeenColumn:
            return tr("First seen");
        case LastSeenColumn:
            return tr("Last seen");
        case TrendColumn:
            return tr("Last 30 days");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case ElementColumn:
            return tr("The element interacted with: tag, id and classes, then its text. The same element "
                      "in different page layouts counts once.");
        case PeopleColumn:
            return tr("Distinct people, after linking anonymous ids to identified users");
        case PagesColumn:
            return tr("Distinct page paths it was used on");
        case TrendColumn:
            return tr("Interactions per day over the 30 days up to the newest interaction in the time range");
        default:
            break;
        }
    }
    return {};
}

bool ElementTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_active && !m_atEnd && !m_pending &&
           static_cast<int>(m_rows.size()) < kMaxRows;
}

void ElementTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent)) return;
    m_pending = true;
    const int offset = static_cast<int>(m_rows.size());
    emit moreWanted(m_generation, offset, std::min(m_pageSize, kMaxRows - offset));
}

void ElementTableModel::reset(bool active)
{
    beginResetModel();
    m_rows.clear();
    m_rows.shrink_to_fit();
    ++m_generation;
    m_active = active;
    m_pending = false;
    m_atEnd = false;
    m_answered = false;
    m_total = -1;
    m_withElement = 0;
    m_error.clear();
    endResetModel();
}

void ElementTableModel::acceptPage(quint64 generation, int offset, const browse::ElementsResult &page)
{
    if (generation != m_generation || !m_active || !m_pending || offset != static_cast<int>(m_rows.size()))
        return;
    if (!page.rows.empty()) {
        const int first = static_cast<int>(m_rows.size());
        const int room = kMaxRows - first;
        const int count = std::min(room, static_cast<int>(page.rows.size()));
        if (count > 0) {
            beginInsertRows({}, first, first + count - 1);
            m_rows.insert(m_rows.end(), page.rows.begin(), page.rows.begin() + count);
            endInsertRows();
        }
    }
    m_pending = false;
    m_answered = true;
    m_total = page.total;
    m_withElement = page.withElement;
    m_sparkStartMs = page.sparklineStartMs;
    m_error = page.error;
    m_atEnd = !page.error.isEmpty() || static_cast<qint64>(m_rows.size()) >= page.total || page.rows.empty();
    if (!m_rows.empty())
        emit dataChanged(index(0, TrendColumn), index(static_cast<int>(m_rows.size()) - 1, TrendColumn));
    emit pageAccepted();
}

} // namespace hindsight::ui
