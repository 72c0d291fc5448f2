#pragma once

#include "ui/store/namingjobs.h"

#include <QAbstractItemModel>
#include <QSet>
#include <QString>
#include <utility>
#include <vector>

namespace hindsight::ui {

/// The naming review's violations as a tree: one top-level row per rule ("Casing (4)"), under
/// it one row per violation, "current name → suggested name" with the problem in words. Rows
/// whose suggestion can be applied are checkable; checks belong to the definition (a name with
/// two violations is checked in both groups at once). A rule row's check box checks or clears
/// every fixable row under it.
class NamingViolationModel : public QAbstractItemModel
{
    Q_OBJECT

  public:
    enum Column { NameColumn, SuggestionColumn, ProblemColumn, ColumnCount };
    enum Role {
        DefinitionRole = Qt::UserRole + 1, ///< QString: the definition's current name (violation rows)
        SuggestionRole,                    ///< QString: the suggested name ("" = none)
        RuleRole,                          ///< QString: the rule id
        IsRuleRole,                        ///< bool: a rule (group) row
        FixableRole,                       ///< bool: the suggestion can be applied
        BlockedRole,                       ///< QString: why it cannot ("" = it can)
    };

    explicit NamingViolationModel(QObject *parent = nullptr);

    /// Replaces the violations. Checks are kept for definitions that still have the same
    /// suggestion.
    void setViolations(std::vector<NamingViolation> violations);
    const std::vector<NamingViolation> &violations() const { return m_rows; }
    int ruleCount() const { return static_cast<int>(m_groups.size()); }

    /// Definitions with an applicable suggestion, and how many of them are checked.
    int fixableCount() const;
    int checkedCount() const;
    /// (current, suggested) of every checked definition, in review order, each once.
    std::vector<std::pair<QString, QString>> checkedRenames() const;
    void setChecked(const QString &definition, bool checked);
    void setAllChecked(bool checked);

    /// "Casing", "Verb tense", "Missing owner"... for a rule id.
    static QString ruleTitle(const QString &ruleId);
    /// What the rule asks for, in a sentence.
    static QString ruleDescription(const QString &ruleId);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

  signals:
    void checkedChanged();

  private:
    struct Group
    {
        QString ruleId;
        std::vector<int> rows; ///< indexes into m_rows
    };
    bool isFixable(const NamingViolation &v) const { return !v.suggestion.isEmpty() && v.blocked.isEmpty(); }
    Qt::CheckState groupState(const Group &group) const;
    void emitChecksChanged();

    std::vector<NamingViolation> m_rows;
    std::vector<Group> m_groups;
    QSet<QString> m_checked; ///< definition names
};

} // namespace hindsight::ui
