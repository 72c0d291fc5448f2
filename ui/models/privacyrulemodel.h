#pragma once

#include "core/privacy/maskapply.h"
#include "core/privacy/maskrule.h"

#include <QAbstractTableModel>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace hindsight::ui {

namespace PrivacyRuleRole {
enum : int {
    Id = Qt::UserRole + 1, ///< qint64: the rule's id
    Description,           ///< QString: describeMaskRule()
};
}

/// The workspace's active masking rules with what each would still change in the store (the
/// dry run of the active rules: "pending" until it arrives, "up to date" when nothing is left
/// to mask).
class PrivacyRuleModel : public QAbstractTableModel
{
    Q_OBJECT

  public:
    enum Column { IdColumn, RuleColumn, ActionColumn, PendingColumn, ChangedColumn, ColumnCount };

    explicit PrivacyRuleModel(QObject *parent = nullptr);

    void setRules(const std::vector<privacy::MaskRule> &rules);
    /// The dry run of the active rules (matched to rows by rule id).
    void setImpact(const privacy::MaskImpact &impact);
    /// Forgets the dry run (the store changed): the pending column says "checking…".
    void clearImpact();
    bool hasRules() const { return m_hasRules; }
    bool hasImpact() const { return m_impact.has_value(); }
    /// False once the dry run says the stored data already follows every rule.
    bool hasPendingChanges() const { return !m_impact || m_impact->changesSomething(); }
    const privacy::MaskRule *ruleAt(int row) const;
    int rowOfId(qint64 id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// "Redact", "Hash", … (translated).
    static QString actionWord(privacy::MaskAction action);

  private:
    const privacy::RuleImpact *impactOf(const privacy::MaskRule &rule) const;

    std::vector<privacy::MaskRule> m_rules;
    std::optional<privacy::MaskImpact> m_impact;
    bool m_hasRules = false;
};

} // namespace hindsight::ui
