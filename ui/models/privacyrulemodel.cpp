#include "ui/models/privacyrulemodel.h"

#include "ui/common/humanformat.h"
#include "ui/common/untrustedtext.h"

namespace hindsight::ui {

namespace {

QString fromUtf8(const std::string &text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

} // namespace

PrivacyRuleModel::PrivacyRuleModel(QObject *parent) : QAbstractTableModel(parent) {}

void PrivacyRuleModel::setRules(const std::vector<privacy::MaskRule> &rules)
{
    beginResetModel();
    m_rules = rules;
    m_impact.reset();
    m_hasRules = true;
    endResetModel();
}

void PrivacyRuleModel::setImpact(const privacy::MaskImpact &impact)
{
    m_impact = impact;
    if (!m_rules.empty()) emit dataChanged(index(0, PendingColumn), index(rowCount() - 1, PendingColumn));
}

void PrivacyRuleModel::clearImpact()
{
    m_impact.reset();
    if (!m_rules.empty()) emit dataChanged(index(0, PendingColumn), index(rowCount() - 1, PendingColumn));
}

const privacy::MaskRule *PrivacyRuleModel::ruleAt(int row) const
{
    return row >= 0 && row < rowCount() ? &m_rules[static_cast<std::size_t>(row)] : nullptr;
}

int PrivacyRuleModel::rowOfId(qint64 id) const
{
    for (std::size_t i = 0; i < m_rules.size(); ++i)
        if (m_rules[i].id == id) return static_cast<int>(i);
    return -1;
}

const privacy::RuleImpact *PrivacyRuleModel::impactOf(const privacy::MaskRule &rule) const
{
    if (!m_impact) return nullptr;
    for (const auto &r : m_impact->rules)
        if (r.rule.id == rule.id) return &r;
    return nullptr;
}

int PrivacyRuleModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rules.size());
}

int PrivacyRuleModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PrivacyRuleModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const privacy::MaskRule &r = m_rules[static_cast<std::size_t>(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case IdColumn:
            return QString::number(r.id);
        case RuleColumn:
            return untrusted::line(fromUtf8(privacy::describeMaskRule(r)));
        case ActionColumn:
            return actionWord(r.action);
        case PendingColumn: {
            if (!m_impact) return tr("Checking…");
            const privacy::RuleImpact *i = impactOf(r);
            if (!i) return tr("—");
            if (i->interactionsAffected == 0) return tr("Up to date");
            return r.action == privacy::MaskAction::DropInteraction
                       ? tr("%1 interactions to drop").arg(formatCount(i->interactionsDropped))
                       : tr("%1 interactions to mask").arg(formatCount(i->interactionsAffected));
        }
        case ChangedColumn:
            return tr("%1 by %2")
                .arg(formatLocalDateTime(r.changedMs).left(16), untrusted::line(r.changedBy, 40));
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (column == RuleColumn) return untrusted::toolTip(fromUtf8(privacy::describeMaskRule(r)));
        if (column == PendingColumn) {
            const privacy::RuleImpact *i = impactOf(r);
            if (!i) return {};
            QStringList lines;
            lines
                << tr("What applying it would still change in the stored data: %1 interactions, %2 distinct "
                      "values")
                       .arg(formatCount(i->interactionsAffected), formatCount(i->valuesChanged));
            for (const auto &e : i->examples)
                lines << QStringLiteral("%1: %2 → %3")
                             .arg(fromUtf8(e.field), untrusted::line(e.before, 80),
                                  untrusted::line(e.after, 80));
            return untrusted::toolTip(lines.join(QLatin1Char('\n')));
        }
        if (column == ChangedColumn)
            return tr("Created %1 by %2, version %3")
                .arg(formatLocalDateTime(r.createdMs), untrusted::line(r.createdBy, 60))
                .arg(r.version);
        return {};
    case PrivacyRuleRole::Id:
        return static_cast<qint64>(r.id);
    case PrivacyRuleRole::Description:
        return fromUtf8(privacy::describeMaskRule(r));
    default:
        return {};
    }
}

QVariant PrivacyRuleModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("#");
    case RuleColumn:
        return tr("Rule");
    case ActionColumn:
        return tr("Action");
    case PendingColumn:
        return tr("On stored data");
    case ChangedColumn:
        return tr("Changed");
    default:
        return {};
    }
}

QString PrivacyRuleModel::actionWord(privacy::MaskAction action)
{
    using privacy::MaskAction;
    switch (action) {
    case MaskAction::Redact:
        return tr("Redact");
    case MaskAction::Hash:
        return tr("Hash");
    case MaskAction::Truncate:
        return tr("Truncate");
    case MaskAction::DropField:
        return tr("Drop the field");
    case MaskAction::DropInteraction:
        return tr("Drop the interaction");
    }
    return {};
}

} // namespace hindsight::ui
