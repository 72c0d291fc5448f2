#include "ui/models/namingduplicatemodel.h"

#include "ui/common/humanformat.h"
#include "ui/common/untrustedtext.h"

#include <QFont>
#include <cmath>

namespace hindsight::ui {

namespace {

/// Group rows have internal id 0; a member row has its group's row + 1.
constexpr quintptr kGroupRow = 0;

QString nameRuleTitle(const QString &ruleId)
{
    if (ruleId == QLatin1String("same-name")) return NamingDuplicateModel::tr("same name");
    if (ruleId == QLatin1String("word-order")) return NamingDuplicateModel::tr("same words");
    if (ruleId == QLatin1String("verb-form")) return NamingDuplicateModel::tr("same verb");
    if (ruleId == QLatin1String("synonym")) return NamingDuplicateModel::tr("synonym verbs");
    if (ruleId == QLatin1String("edit-distance")) return NamingDuplicateModel::tr("almost the same spelling");
    return ruleId;
}

} // namespace

NamingDuplicateModel::NamingDuplicateModel(QObject *parent) : QAbstractItemModel(parent) {}

QString NamingDuplicateModel::statusTitle(const QString &status)
{
    if (status == QLatin1String("draft")) return tr("Draft");
    if (status == QLatin1String("verified")) return tr("Verified");
    if (status == QLatin1String("deprecated")) return tr("Deprecated");
    if (status == QLatin1String("archived")) return tr("Archived");
    return status;
}

QString NamingDuplicateModel::overlapText(double overlap)
{
    return tr("%1 %").arg(std::floor(overlap * 1000.0) / 10.0, 0, 'f', 1);
}

void NamingDuplicateModel::setNameGroups(std::vector<NamingDuplicateGroup> groups)
{
    m_byName = std::move(groups);
    rebuild();
}

void NamingDuplicateModel::setMeaningGroups(std::vector<NamingDuplicateGroup> groups)
{
    m_byMeaning = std::move(groups);
    rebuild();
}

void NamingDuplicateModel::clearMeaning()
{
    m_byMeaning.clear();
    m_matched.clear();
    rebuild();
}

void NamingDuplicateModel::setMatched(const std::vector<std::pair<QString, qint64>> &matched)
{
    m_matched = matched;
    if (m_groups.empty()) return;
    emit dataChanged(index(0, MatchesColumn), index(groupCount() - 1, MatchesColumn));
    for (int g = 0; g < groupCount(); ++g) {
        const int n = static_cast<int>(m_groups[static_cast<std::size_t>(g)].members.size());
        const QModelIndex parentIndex = index(g, NameColumn);
        if (n > 0)
            emit dataChanged(index(0, MatchesColumn, parentIndex), index(n - 1, MatchesColumn, parentIndex));
    }
}

void NamingDuplicateModel::rebuild()
{
    beginResetModel();
    m_groups = m_byName;
    m_groups.insert(m_groups.end(), m_byMeaning.begin(), m_byMeaning.end());
    endResetModel();
}

qint64 NamingDuplicateModel::matchedOf(const QString &name) const
{
    for (const auto &[n, count] : m_matched)
        if (n == name) return count;
    return -1;
}

int NamingDuplicateModel::groupRowOf(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this) return -1;
    return index.internalId() == kGroupRow ? index.row() : static_cast<int>(index.internalId() - 1);
}

QModelIndex NamingDuplicateModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount) return {};
    if (!parent.isValid()) {
        if (row >= groupCount()) return {};
        return createIndex(row, column, kGroupRow);
    }
    if (parent.internalId() != kGroupRow || parent.row() >= groupCount()) return {};
    if (row >= static_cast<int>(m_groups[static_cast<std::size_t>(parent.row())].members.size())) return {};
    return createIndex(row, column, static_cast<quintptr>(parent.row()) + 1);
}

QModelIndex NamingDuplicateModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kGroupRow) return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, kGroupRow);
}

int NamingDuplicateModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid()) return groupCount();
    if (parent.column() != 0 || parent.internalId() != kGroupRow || parent.row() >= groupCount()) return 0;
    return static_cast<int>(m_groups[static_cast<std::size_t>(parent.row())].members.size());
}

int NamingDuplicateModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant NamingDuplicateModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this) return {};
    const bool isGroup = index.internalId() == kGroupRow;
    const int groupRow = isGroup ? index.row() : static_cast<int>(index.internalId() - 1);
    const NamingDuplicateGroup &g = m_groups[static_cast<std::size_t>(groupRow)];
    const bool meaning = g.kind == NamingDuplicateGroup::Kind::Meaning;
    switch (role) {
    case IsGroupRole:
        return isGroup;
    case KindRole:
        return static_cast<int>(g.kind);
    case OverlapRole:
        return meaning ? QVariant(g.overlap) : QVariant();
    case GroupRole:
        return groupRow;
    default:
        break;
    }
    if (isGroup) {
        switch (role) {
        case Qt::DisplayRole:
            if (index.column() == NameColumn)
                return meaning ? tr("By meaning: overlap %1").arg(overlapText(g.overlap))
                               : tr("By name: %1").arg(nameRuleTitle(g.ruleId));
            if (index.column() == ReasonColumn)
                return untrusted::line(
                    meaning && !g.details.isEmpty() ? g.details.join(QStringLiteral("; ")) : g.reason, 400);
            return {};
        case Qt::ToolTipRole:
            return untrusted::toolTip(g.details.isEmpty() ? g.reason : g.details.join(QLatin1Char('\n')));
        case Qt::FontRole: {
            if (index.column() != NameColumn) return {};
            QFont font;
            font.setBold(true);
            return font;
        }
        default:
            return {};
        }
    }
    const NamingDuplicateMember &m = g.members[static_cast<std::size_t>(index.row())];
    const qint64 matched = m.matched >= 0 ? m.matched : matchedOf(m.name);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return untrusted::line(m.name);
        case StatusColumn:
            return m.isCombo ? tr("%1, combo").arg(statusTitle(m.status)) : statusTitle(m.status);
        case MatchesColumn:
            return matched >= 0 ? formatCount(matched) : QString();
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == NameColumn) return untrusted::toolTip(m.name);
        if (index.column() == MatchesColumn && matched >= 0)
            return tr("%1 interactions in the whole workspace").arg(formatCount(matched));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == MatchesColumn) return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case DefinitionRole:
        return m.name;
    default:
        return {};
    }
}

Qt::ItemFlags NamingDuplicateModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this) return Qt::NoItemFlags;
    const Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    return index.internalId() == kGroupRow ? f : f | Qt::ItemNeverHasChildren;
}

QVariant NamingDuplicateModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case NameColumn:
        return tr("Definition");
    case StatusColumn:
        return tr("Status");
    case MatchesColumn:
        return tr("Matches");
    case ReasonColumn:
        return tr("Why");
    }
    return {};
}

} // namespace hindsight::ui
