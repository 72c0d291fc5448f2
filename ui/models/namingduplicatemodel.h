#pragma once

#include "ui/store/namingjobs.h"

#include <QAbstractItemModel>
#include <QString>
#include <vector>

namespace hindsight::ui {

/// Groups of likely duplicates as a tree: one top-level row per group ("By name" with the
/// reason, or "By meaning" with the overlap), under it its definitions with their status and
/// how many interactions they match. Duplicates by name come first, then by meaning; the two
/// lists arrive from different jobs and are set separately.
class NamingDuplicateModel : public QAbstractItemModel
{
    Q_OBJECT

  public:
    enum Column { NameColumn, StatusColumn, MatchesColumn, ReasonColumn, ColumnCount };
    enum Role {
        DefinitionRole = Qt::UserRole + 1, ///< QString: a member's name ("" on group rows)
        IsGroupRole,                       ///< bool
        KindRole,                          ///< int: NamingDuplicateGroup::Kind
        OverlapRole,                       ///< double: meaning groups, 0..1
        GroupRole,                         ///< int: the group's row
    };

    explicit NamingDuplicateModel(QObject *parent = nullptr);

    void setNameGroups(std::vector<NamingDuplicateGroup> groups);
    void setMeaningGroups(std::vector<NamingDuplicateGroup> groups);
    /// Interactions matched per definition (fills the Matches column of name groups too).
    void setMatched(const std::vector<std::pair<QString, qint64>> &matched);
    void clearMeaning();

    int groupCount() const { return static_cast<int>(m_groups.size()); }
    const NamingDuplicateGroup &group(int row) const { return m_groups[static_cast<std::size_t>(row)]; }
    /// The row of the group (top level) that `index` is in or is; -1 for none.
    int groupRowOf(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// "Draft", "Verified"... for a status name.
    static QString statusTitle(const QString &status);
    /// "0.875" -> "87.5 %".
    static QString overlapText(double overlap);

    /// Interactions `name` matches (from setMatched()); -1 when not known.
    qint64 matchedOf(const QString &name) const;

  private:
    void rebuild();

    std::vector<NamingDuplicateGroup> m_byName, m_byMeaning;
    std::vector<NamingDuplicateGroup> m_groups; ///< m_byName then m_byMeaning
    std::vector<std::pair<QString, qint64>> m_matched;
};

} // namespace hindsight::ui
