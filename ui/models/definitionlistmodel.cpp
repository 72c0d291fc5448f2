#include "ui/models/definitionlistmodel.h"

#include "ui/common/definitiondescription.h"
#include "ui/common/humanformat.h"
#include "ui/common/untrustedtext.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>
#include <algorithm>
#include <set>

namespace hindsight::ui {

using definitions::DefinitionStatus;

namespace {

QString fromUtf8(const std::string &text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QStringList sortedIgnoringCase(std::set<QString> values)
{
    QStringList out(values.begin(), values.end());
    std::sort(out.begin(), out.end(), [](const QString &a, const QString &b) {
        const int c = QString::compare(a, b, Qt::CaseInsensitive);
        return c != 0 ? c < 0 : a < b;
    });
    out.erase(std::unique(out.begin(), out.end(),
                          [](const QString &a, const QString &b) {
                              return QString::compare(a, b, Qt::CaseInsensitive) == 0;
                          }),
              out.end());
    return out;
}

enum class Mark { Check, Hollow, Warning, Box, Dot, Clock, Cross, Dashed };

/// A 16 px mark (drawn at 2x for sharp high-dpi rendering) in `colour`.
QIcon paintedMark(Mark mark, const QColor &colour)
{
    QIcon icon;
    for (const int size : {16, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        const qreal s = size / 16.0;
        p.scale(s, s);
        const QRectF circle(2.5, 2.5, 11, 11);
        QPen pen(colour, 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        switch (mark) {
        case Mark::Check: {
            p.setPen(Qt::NoPen);
            p.setBrush(colour);
            p.drawEllipse(circle);
            QPen white(Qt::white, 1.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
            p.setPen(white);
            QPainterPath tick;
            tick.moveTo(5.3, 8.2);
            tick.lineTo(7.2, 10.1);
            tick.lineTo(10.8, 6.0);
            p.setBrush(Qt::NoBrush);
            p.drawPath(tick);
            break;
        }
        case Mark::Hollow:
            p.setPen(pen);
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(circle);
            break;
        case Mark::Dashed: {
            QPen dashed = pen;
            dashed.setStyle(Qt::DotLine);
            dashed.setCapStyle(Qt::RoundCap);
            p.setPen(dashed);
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(circle);
            break;
        }
        case Mark::Warning: {
            QPainterPath triangle;
            triangle.moveTo(8, 1.8);
            triangle.lineTo(14.6, 13.8);
            triangle.lineTo(1.4, 13.8);
            triangle.closeSubpath();
            p.setPen(Qt::NoPen);
            p.setBrush(colour);
            p.drawPath(triangle);
            p.setPen(QPen(Qt::white, 1.7, Qt::SolidLine, Qt::RoundCap));
            p.drawLine(QPointF(8, 6.0), QPointF(8, 9.4));
            p.drawPoint(QPointF(8, 11.7));
            break;
        }
        case Mark::Box:
            p.setPen(pen);
            p.setBrush(Qt::NoBrush);
            p.drawRoundedRect(QRectF(2.5, 4.5, 11, 9), 1.5, 1.5);
            p.drawLine(QPointF(2.5, 7.0), QPointF(13.5, 7.0));
            p.drawLine(QPointF(6.5, 9.5), QPointF(9.5, 9.5));
            break;
        case Mark::Dot:
            p.setPen(Qt::NoPen);
            p.setBrush(colour);
            p.drawEllipse(QRectF(4, 4, 8, 8));
            break;
        case Mark::Clock:
            p.setPen(pen);
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(circle);
            p.drawLine(QPointF(8, 8), QPointF(8, 5));
            p.drawLine(QPointF(8, 8), QPointF(10.3, 9.3));
            break;
        case Mark::Cross:
            p.setPen(Qt::NoPen);
            p.setBrush(colour);
            p.drawEllipse(circle);
            p.setPen(QPen(Qt::white, 1.8, Qt::SolidLine, Qt::RoundCap));
            p.drawLine(QPointF(5.8, 5.8), QPointF(10.2, 10.2));
            p.drawLine(QPointF(10.2, 5.8), QPointF(5.8, 10.2));
            break;
        }
        p.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

// Colours readable on light and dark backgrounds; each goes with a word and a shape.
const QColor kGreen(0x2e, 0x9d, 0x4f);
const QColor kAmber(0xd9, 0x8e, 0x04);
const QColor kRed(0xd0, 0x3b, 0x3b);
const QColor kGrey(0x8a, 0x8f, 0x98);

} // namespace

DefinitionListModel::DefinitionListModel(QObject *parent) : QAbstractTableModel(parent) {}

int DefinitionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int DefinitionListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DefinitionListModel::healthWord(CatalogHealth health)
{
    switch (health) {
    case CatalogHealth::Pending:
        return tr("Checking…");
    case CatalogHealth::Ok:
        return tr("OK");
    case CatalogHealth::Stale:
        return tr("Stale");
    case CatalogHealth::Broken:
        return tr("Broken");
    case CatalogHealth::NeverMatched:
        return tr("Never matched");
    case CatalogHealth::NotChecked:
        return tr("Not checked");
    }
    return {};
}

QIcon DefinitionListModel::statusIcon(DefinitionStatus status)
{
    static const QIcon verified = paintedMark(Mark::Check, kGreen);
    static const QIcon draft = paintedMark(Mark::Hollow, kGrey);
    static const QIcon deprecated = paintedMark(Mark::Warning, kAmber);
    static const QIcon archived = paintedMark(Mark::Box, kGrey);
    switch (status) {
    case DefinitionStatus::Verified:
        return verified;
    case DefinitionStatus::Draft:
        return draft;
    case DefinitionStatus::Deprecated:
        return deprecated;
    case DefinitionStatus::Archived:
        return archived;
    }
    return {};
}

QIcon DefinitionListModel::healthIcon(CatalogHealth health)
{
    static const QIcon ok = paintedMark(Mark::Dot, kGreen);
    static const QIcon stale = paintedMark(Mark::Clock, kAmber);
    static const QIcon broken = paintedMark(Mark::Cross, kRed);
    static const QIcon never = paintedMark(Mark::Dashed, kGrey);
    switch (health) {
    case CatalogHealth::Ok:
        return ok;
    case CatalogHealth::Stale:
        return stale;
    case CatalogHealth::Broken:
        return broken;
    case CatalogHealth::NeverMatched:
        return never;
    case CatalogHealth::Pending:
    case CatalogHealth::NotChecked:
        break;
    }
    return {};
}

const CatalogEntry *DefinitionListModel::entryAt(int row) const
{
    return row >= 0 && row < rowCount() ? &m_entries[static_cast<std::size_t>(row)] : nullptr;
}

const DefinitionStats *DefinitionListModel::statsAt(int row) const
{
    const CatalogEntry *e = entryAt(row);
    if (!e || !m_statsValid) return nullptr;
    const auto it = m_stats.constFind(e->definition.id);
    return it == m_stats.constEnd() || it->version != e->definition.version ? nullptr : &*it;
}

QVariant DefinitionListModel::displayData(int row, int column) const
{
    const auto &d = m_entries[static_cast<std::size_t>(row)].definition;
    const DefinitionStats *s = statsAt(row);
    switch (column) {
    case NameColumn:
        return untrusted::line(d.name);
    case StatusColumn:
        return definitiontext::statusWord(d.status);
    case CategoryColumn:
        return untrusted::line(d.category);
    case OwnerColumn:
        return untrusted::line(d.owner);
    case TagsColumn: {
        QStringList tags;
        for (const auto &t : d.tags)
            tags << untrusted::line(t, 60);
        return tags.join(QStringLiteral(", "));
    }
    case CountColumn:
        if (!s) return m_statsPending ? QStringLiteral("…") : QStringLiteral("—");
        return s->counted ? formatCount(s->totals.count) : QStringLiteral("—");
    case PeopleColumn:
        if (!s) return m_statsPending ? QStringLiteral("…") : QStringLiteral("—");
        return s->counted ? formatCount(s->totals.people) : QStringLiteral("—");
    case LastSeenColumn:
        if (!s) return m_statsPending ? QStringLiteral("…") : QStringLiteral("—");
        // To the minute: the seconds add nothing in a list.
        return s->lastSeenMs ? formatLocalDateTime(*s->lastSeenMs).left(16) : tr("never");
    case HealthColumn:
        if (!s) return m_statsPending ? healthWord(CatalogHealth::Pending) : QStringLiteral("—");
        return healthWord(s->health);
    case UpdatedColumn:
        return tr("%1 by %2")
            .arg(formatLocalDateTime(d.changedMs).left(16), untrusted::line(d.changedBy, 60));
    }
    return {};
}

QVariant DefinitionListModel::sortData(int row, int column) const
{
    const auto &d = m_entries[static_cast<std::size_t>(row)].definition;
    const DefinitionStats *s = statsAt(row);
    switch (column) {
    case NameColumn:
        return fromUtf8(d.name).toLower();
    case StatusColumn:
        return static_cast<int>(d.status);
    case CategoryColumn:
        return fromUtf8(d.category).toLower();
    case OwnerColumn:
        return fromUtf8(d.owner).toLower();
    case TagsColumn:
        return displayData(row, column).toString().toLower();
    case CountColumn:
        return s && s->counted ? s->totals.count : qint64(-1);
    case PeopleColumn:
        return s && s->counted ? s->totals.people : qint64(-1);
    case LastSeenColumn:
        return s && s->lastSeenMs ? *s->lastSeenMs : qint64(-1);
    case HealthColumn:
        return static_cast<int>(s ? s->health : CatalogHealth::Pending);
    case UpdatedColumn:
        return static_cast<qint64>(d.changedMs);
    }
    return {};
}

QVariant DefinitionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const int row = index.row();
    const int column = index.column();
    const CatalogEntry &e = m_entries[static_cast<std::size_t>(row)];
    const auto &d = e.definition;
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, column);
    case Qt::AccessibleTextRole:
        return displayData(row, column);
    case Qt::DecorationRole:
        if (column == StatusColumn) return statusIcon(d.status);
        if (column == HealthColumn) {
            const DefinitionStats *s = statsAt(row);
            const QIcon icon = healthIcon(s ? s->health : CatalogHealth::Pending);
            return icon.isNull() ? QVariant() : QVariant(icon);
        }
        return {};
    case Qt::ToolTipRole: {
        if (column == NameColumn) {
            QString tip = fromUtf8(d.name);
            if (!d.description.empty()) tip += QLatin1Char('\n') + fromUtf8(d.description);
            if (!e.aliases.empty()) {
                QStringList former;
                for (const auto &a : e.aliases)
                    former << untrusted::line(a, 80);
                tip += QLatin1Char('\n') + tr("Formerly: %1").arg(former.join(QStringLiteral(", ")));
            }
            return untrusted::toolTip(tip);
        }
        if (column == HealthColumn) {
            const DefinitionStats *s = statsAt(row);
            return s ? untrusted::toolTip(s->healthDetail) : QVariant(tr("Counting matches…"));
        }
        if (column == LastSeenColumn) {
            const DefinitionStats *s = statsAt(row);
            return s && s->lastSeenMs ? QVariant(formatUtcInstant(*s->lastSeenMs)) : QVariant();
        }
        if (column == UpdatedColumn)
            return tr("Version %1, changed %2").arg(d.version).arg(formatUtcInstant(d.changedMs));
        if (column == StatusColumn && d.verifiedMs)
            return untrusted::toolTip(
                tr("Verified by %1 on %2").arg(fromUtf8(d.verifiedBy), formatLocalDateTime(*d.verifiedMs)));
        const QString text = displayData(row, column).toString();
        return text.isEmpty() ? QVariant() : QVariant(untrusted::toolTip(text));
    }
    case Qt::TextAlignmentRole:
        if (column == CountColumn || column == PeopleColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (d.status == DefinitionStatus::Archived || d.status == DefinitionStatus::Deprecated)
            if (column == NameColumn) return QApplication::palette().brush(QPalette::PlaceholderText);
        return {};
    case DefinitionRole::Name:
        return fromUtf8(d.name);
    case DefinitionRole::Status:
        return static_cast<int>(d.status);
    case DefinitionRole::Category:
        return fromUtf8(d.category);
    case DefinitionRole::Owner:
        return fromUtf8(d.owner);
    case DefinitionRole::Tags: {
        QStringList tags;
        for (const auto &t : d.tags)
            tags << fromUtf8(t);
        return tags;
    }
    case DefinitionRole::Health: {
        const DefinitionStats *s = statsAt(row);
        return static_cast<int>(s ? s->health : CatalogHealth::Pending);
    }
    case DefinitionRole::SearchText:
        return m_searchText[static_cast<std::size_t>(row)];
    case DefinitionRole::Sort:
        return sortData(row, column);
    case DefinitionRole::Id:
        return static_cast<qint64>(d.id);
    default:
        return {};
    }
}

QVariant DefinitionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount) return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn:
            return tr("Name");
        case StatusColumn:
            return tr("Status");
        case CategoryColumn:
            return tr("Category");
        case OwnerColumn:
            return tr("Owner");
        case TagsColumn:
            return tr("Tags");
        case CountColumn:
            return tr("Count");
        case PeopleColumn:
            return tr("People");
        case LastSeenColumn:
            return tr("Last seen");
        case HealthColumn:
            return tr("Health");
        case UpdatedColumn:
            return tr("Updated");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case CountColumn:
            return tr("Interactions it matches in the time range of the top bar");
        case PeopleColumn:
            return tr("Distinct people it matches in the time range of the top bar");
        case LastSeenColumn:
            return tr("The newest interaction it matches in the whole workspace");
        case HealthColumn:
            return tr("OK, stale (no matches in the newest 72 hours of data), broken (does not compile, "
                      "or its daily count fell sharply) or never matched");
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && (section == CountColumn || section == PeopleColumn))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

void DefinitionListModel::setCatalog(std::vector<CatalogEntry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    m_searchText.clear();
    m_searchText.reserve(m_entries.size());
    for (const auto &e : m_entries) {
        const auto &d = e.definition;
        QString text = fromUtf8(d.name) + QLatin1Char('\n') + fromUtf8(d.description);
        for (const auto &t : d.tags)
            text += QLatin1Char('\n') + fromUtf8(t);
        for (const auto &a : e.aliases)
            text += QLatin1Char('\n') + fromUtf8(a);
        m_searchText.push_back(text.toCaseFolded());
    }
    m_loaded = true;
    m_statsPending = true;
    endResetModel();
}

void DefinitionListModel::setStats(const CatalogStats &stats)
{
    m_stats.clear();
    for (const auto &s : stats.stats)
        m_stats.insert(s.id, s);
    m_statsPending = false;
    m_statsValid = true;
    if (!m_entries.empty()) emit dataChanged(index(0, CountColumn), index(rowCount() - 1, HealthColumn));
}

void DefinitionListModel::markStatsPending()
{
    if (m_statsPending && !m_statsValid) return;
    m_statsPending = true;
    m_statsValid = false;
    if (!m_entries.empty()) emit dataChanged(index(0, CountColumn), index(rowCount() - 1, HealthColumn));
}

int DefinitionListModel::rowOf(const QString &nameOrAlias) const
{
    const QString key = nameOrAlias.trimmed();
    for (std::size_t i = 0; i < m_entries.size(); ++i)
        if (QString::compare(fromUtf8(m_entries[i].definition.name), key, Qt::CaseInsensitive) == 0)
            return static_cast<int>(i);
    for (std::size_t i = 0; i < m_entries.size(); ++i)
        for (const auto &a : m_entries[i].aliases)
            if (QString::compare(fromUtf8(a), key, Qt::CaseInsensitive) == 0) return static_cast<int>(i);
    return -1;
}

QStringList DefinitionListModel::categories() const
{
    std::set<QString> values;
    for (const auto &e : m_entries)
        if (!e.definition.category.empty()) values.insert(fromUtf8(e.definition.category));
    return sortedIgnoringCase(std::move(values));
}

QStringList DefinitionListModel::owners() const
{
    std::set<QString> values;
    for (const auto &e : m_entries)
        if (!e.definition.owner.empty()) values.insert(fromUtf8(e.definition.owner));
    return sortedIgnoringCase(std::move(values));
}

QStringList DefinitionListModel::tags() const
{
    std::set<QString> values;
    for (const auto &e : m_entries)
        for (const auto &t : e.definition.tags)
            values.insert(fromUtf8(t));
    return sortedIgnoringCase(std::move(values));
}

} // namespace hindsight::ui
