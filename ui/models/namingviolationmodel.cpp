#include "ui/models/namingviolationmodel.h"

#include "core/naming/violation.h"
#include "ui/common/untrustedtext.h"

#include <QFont>
#include <algorithm>

namespace hindsight::ui {

namespace {

/// Top-level (rule) rows have internal id 0; a violation row has its rule's row + 1.
constexpr quintptr kRuleRow = 0;

int ruleOrder(const QString &ruleId)
{
    const auto rule = naming::parseRuleId(ruleId.toStdString());
    if (!rule) return 1000;
    const auto &all = naming::allRules();
    return static_cast<int>(std::find(all.begin(), all.end(), *rule) - all.begin());
}

} // namespace

NamingViolationModel::NamingViolationModel(QObject *parent) : QAbstractItemModel(parent) {}

QString NamingViolationModel::ruleTitle(const QString &ruleId)
{
    static const std::pair<const char *, const char *> titles[] = {
        {"empty", QT_TR_NOOP("Empty name")},
        {"whitespace", QT_TR_NOOP("Spaces")},
        {"characters", QT_TR_NOOP("Characters")},
        {"max-length", QT_TR_NOOP("Too long")},
        {"segment-count", QT_TR_NOOP("Missing or extra parts")},
        {"separator", QT_TR_NOOP("Separator")},
        {"casing", QT_TR_NOOP("Casing")},
        {"allowed-value", QT_TR_NOOP("Allowed values")},
        {"unknown-verb", QT_TR_NOOP("Unknown verb")},
        {"verb-tense", QT_TR_NOOP("Verb tense")},
        {"word-order", QT_TR_NOOP("Word order")},
        {"blocked-word", QT_TR_NOOP("Blocked words")},
        {"missing-description", QT_TR_NOOP("Missing description")},
        {"missing-owner", QT_TR_NOOP("Missing owner")},
        {"missing-category", QT_TR_NOOP("Missing category")},
        {"verified-breaks-convention", QT_TR_NOOP("Verified but breaks the convention")},
    };
    for (const auto &[id, title] : titles)
        if (ruleId == QLatin1String(id)) return tr(title);
    return ruleId;
}

QString NamingViolationModel::ruleDescription(const QString &ruleId)
{
    static const std::pair<const char *, const char *> texts[] = {
        {"empty", QT_TR_NOOP("The name has no text.")},
        {"whitespace", QT_TR_NOOP("Leading, trailing, repeated or invisible spaces.")},
        {"characters", QT_TR_NOOP("Emoji, punctuation or letters the convention does not allow.")},
        {"max-length", QT_TR_NOOP("The name or one of its parts is longer than the convention allows.")},
        {"segment-count", QT_TR_NOOP("A part of the pattern is missing, or there are too many.")},
        {"separator", QT_TR_NOOP("The wrong text between the parts or the words.")},
        {"casing", QT_TR_NOOP("Words not written in the convention's casing.")},
        {"allowed-value", QT_TR_NOOP("A part that is not one of its allowed values.")},
        {"unknown-verb",
         QT_TR_NOOP("No known verb where the action belongs, or one the convention does not allow.")},
        {"verb-tense", QT_TR_NOOP("The action is in the wrong tense.")},
        {"word-order", QT_TR_NOOP("Action and object the wrong way round.")},
        {"blocked-word", QT_TR_NOOP("A word the convention blocks (test, tmp, old…).")},
        {"missing-description", QT_TR_NOOP("No description: fill it in in the definition editor.")},
        {"missing-owner", QT_TR_NOOP("No owner: fill it in in the definition editor.")},
        {"missing-category", QT_TR_NOOP("No category: fill it in in the definition editor.")},
        {"verified-breaks-convention",
         QT_TR_NOOP("A verified definition whose name breaks the convention: renaming it changes what "
                    "people know it as.")},
    };
    for (const auto &[id, text] : texts)
        if (ruleId == QLatin1String(id)) return tr(text);
    return {};
}

void NamingViolationModel::setViolations(std::vector<NamingViolation> violations)
{
    beginResetModel();
    // Keep the checks of definitions whose suggestion did not change.
    QSet<QString> kept;
    for (const auto &v : violations) {
        if (!m_checked.contains(v.definition) || !isFixable(v)) continue;
        const auto old = std::find_if(m_rows.begin(), m_rows.end(), [&](const NamingViolation &o) {
            return o.definition == v.definition && !o.suggestion.isEmpty();
        });
        if (old != m_rows.end() && old->suggestion == v.suggestion) kept.insert(v.definition);
    }
    m_checked = kept;
    m_rows = std::move(violations);
    m_groups.clear();
    for (int i = 0; i < static_cast<int>(m_rows.size()); ++i) {
        const QString &rule = m_rows[static_cast<std::size_t>(i)].ruleId;
        auto it =
            std::find_if(m_groups.begin(), m_groups.end(), [&](const Group &g) { return g.ruleId == rule; });
        if (it == m_groups.end()) {
            m_groups.push_back({rule, {}});
            it = m_groups.end() - 1;
        }
        it->rows.push_back(i);
    }
    std::stable_sort(m_groups.begin(), m_groups.end(), [](const Group &a, const Group &b) {
        return ruleOrder(a.ruleId) < ruleOrder(b.ruleId);
    });
    endResetModel();
    emit checkedChanged();
}

int NamingViolationModel::fixableCount() const
{
    QSet<QString> names;
    for (const auto &v : m_rows)
        if (isFixable(v)) names.insert(v.definition);
    return static_cast<int>(names.size());
}

int NamingViolationModel::checkedCount() const
{
    return static_cast<int>(m_checked.size());
}

std::vector<std::pair<QString, QString>> NamingViolationModel::checkedRenames() const
{
    std::vector<std::pair<QString, QString>> out;
    QSet<QString> seen;
    for (const auto &v : m_rows) {
        if (!m_checked.contains(v.definition) || !isFixable(v) || seen.contains(v.definition)) continue;
        seen.insert(v.definition);
        out.emplace_back(v.definition, v.suggestion);
    }
    return out;
}

void NamingViolationModel::setChecked(const QString &definition, bool checked)
{
    const bool fixable = std::any_of(m_rows.begin(), m_rows.end(), [&](const NamingViolation &v) {
        return v.definition == definition && isFixable(v);
    });
    if (!fixable || m_checked.contains(definition) == checked) return;
    if (checked)
        m_checked.insert(definition);
    else
        m_checked.remove(definition);
    emitChecksChanged();
}

void NamingViolationModel::setAllChecked(bool checked)
{
    QSet<QString> next;
    if (checked)
        for (const auto &v : m_rows)
            if (isFixable(v)) next.insert(v.definition);
    if (next == m_checked) return;
    m_checked = next;
    emitChecksChanged();
}

void NamingViolationModel::emitChecksChanged()
{
    const QList<int> roles{Qt::CheckStateRole};
    if (!m_groups.empty())
        emit dataChanged(index(0, NameColumn), index(static_cast<int>(m_groups.size()) - 1, NameColumn),
                         roles);
    for (int g = 0; g < static_cast<int>(m_groups.size()); ++g) {
        const QModelIndex parentIndex = index(g, NameColumn);
        const int n = static_cast<int>(m_groups[static_cast<std::size_t>(g)].rows.size());
        if (n > 0)
            emit dataChanged(index(0, NameColumn, parentIndex), index(n - 1, NameColumn, parentIndex), roles);
    }
    emit checkedChanged();
}

Qt::CheckState NamingViolationModel::groupState(const Group &group) const
{
    int fixable = 0, checked = 0;
    for (const int r : group.rows) {
        const auto &v = m_rows[static_cast<std::size_t>(r)];
        if (!isFixable(v)) continue;
        ++fixable;
        checked += m_checked.contains(v.definition) ? 1 : 0;
    }
    if (checked == 0) return Qt::Unchecked;
    return checked == fixable ? Qt::Checked : Qt::PartiallyChecked;
}

QModelIndex NamingViolationModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount) return {};
    if (!parent.isValid()) {
        if (row >= static_cast<int>(m_groups.size())) return {};
        return createIndex(row, column, kRuleRow);
    }
    if (parent.internalId() != kRuleRow || parent.row() >= static_cast<int>(m_groups.size())) return {};
    if (row >= static_cast<int>(m_groups[static_cast<std::size_t>(parent.row())].rows.size())) return {};
    return createIndex(row, column, static_cast<quintptr>(parent.row()) + 1);
}

QModelIndex NamingViolationModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kRuleRow) return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, kRuleRow);
}

int NamingViolationModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid()) return static_cast<int>(m_groups.size());
    if (parent.column() != 0 || parent.internalId() != kRuleRow) return 0;
    if (parent.row() >= static_cast<int>(m_groups.size())) return 0;
    return static_cast<int>(m_groups[static_cast<std::size_t>(parent.row())].rows.size());
}

int NamingViolationModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant NamingViolationModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this) return {};
    if (index.internalId() == kRuleRow) {
        const Group &group = m_groups[static_cast<std::size_t>(index.row())];
        switch (role) {
        case Qt::DisplayRole:
            if (index.column() == NameColumn)
                return tr("%1 (%2)").arg(ruleTitle(group.ruleId)).arg(group.rows.size());
            if (index.column() == ProblemColumn) return ruleDescription(group.ruleId);
            return {};
        case Qt::ToolTipRole:
            return ruleDescription(group.ruleId);
        case Qt::FontRole: {
            if (index.column() != NameColumn) return {};
            QFont font;
            font.setBold(true);
            return font;
        }
        case Qt::CheckStateRole: {
            if (index.column() != NameColumn) return {};
            const bool anyFixable = std::any_of(group.rows.begin(), group.rows.end(), [&](int r) {
                return isFixable(m_rows[static_cast<std::size_t>(r)]);
            });
            if (!anyFixable) return {};
            return groupState(group);
        }
        case RuleRole:
            return group.ruleId;
        case IsRuleRole:
            return true;
        case FixableRole:
            return false;
        default:
            return {};
        }
    }
    const Group &group = m_groups[static_cast<std::size_t>(index.internalId() - 1)];
    const NamingViolation &v =
        m_rows[static_cast<std::size_t>(group.rows[static_cast<std::size_t>(index.row())])];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return untrusted::line(v.definition);
        case SuggestionColumn:
            if (v.suggestion.isEmpty())
                return v.ruleId.startsWith(QLatin1String("missing-")) ? tr("fill it in: open the definition")
                                                                      : tr("no automatic fix");
            if (!v.blocked.isEmpty()) return tr("→ %1 (taken)").arg(untrusted::line(v.suggestion));
            return tr("→ %1").arg(untrusted::line(v.suggestion));
        case ProblemColumn:
            return untrusted::line(v.message, 400);
        }
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case NameColumn:
            return untrusted::toolTip(v.definition);
        case SuggestionColumn:
            if (!v.blocked.isEmpty()) return untrusted::toolTip(tr("Not applied: %1").arg(v.blocked));
            return v.suggestion.isEmpty() ? tr("This problem has no mechanical fix: rename it by hand.")
                                          : untrusted::toolTip(v.suggestion);
        case ProblemColumn:
            return untrusted::toolTip(v.message);
        }
        return {};
    case Qt::CheckStateRole:
        if (index.column() != NameColumn || !isFixable(v)) return {};
        return m_checked.contains(v.definition) ? Qt::Checked : Qt::Unchecked;
    case DefinitionRole:
        return v.definition;
    case SuggestionRole:
        return v.suggestion;
    case RuleRole:
        return v.ruleId;
    case IsRuleRole:
        return false;
    case FixableRole:
        return isFixable(v);
    case BlockedRole:
        return v.blocked;
    default:
        return {};
    }
}

bool NamingViolationModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || !index.isValid() || index.model() != this ||
        index.column() != NameColumn)
        return false;
    const bool checked = value.toInt() != Qt::Unchecked;
    if (index.internalId() == kRuleRow) {
        const Group &group = m_groups[static_cast<std::size_t>(index.row())];
        bool changed = false;
        for (const int r : group.rows) {
            const auto &v = m_rows[static_cast<std::size_t>(r)];
            if (!isFixable(v) || m_checked.contains(v.definition) == checked) continue;
            changed = true;
            if (checked)
                m_checked.insert(v.definition);
            else
                m_checked.remove(v.definition);
        }
        if (changed) emitChecksChanged();
        return changed;
    }
    const Group &group = m_groups[static_cast<std::size_t>(index.internalId() - 1)];
    const NamingViolation &v =
        m_rows[static_cast<std::size_t>(group.rows[static_cast<std::size_t>(index.row())])];
    if (!isFixable(v)) return false;
    setChecked(v.definition, checked);
    return true;
}

Qt::ItemFlags NamingViolationModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this) return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == NameColumn && data(index, Qt::CheckStateRole).isValid())
        f |= Qt::ItemIsUserCheckable;
    if (index.internalId() == kRuleRow) return f;
    return f | Qt::ItemNeverHasChildren;
}

QVariant NamingViolationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case NameColumn:
        return tr("Current name");
    case SuggestionColumn:
        return tr("Suggested name");
    case ProblemColumn:
        return tr("Problem");
    }
    return {};
}

} // namespace hindsight::ui
