#include "ui/models/privacyfindingmodel.h"

#include "ui/common/humanformat.h"
#include "ui/common/untrustedtext.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <algorithm>
#include <cmath>

namespace hindsight::ui {

using privacy::Severity;

namespace {

QString fromUtf8(const std::string &text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QString percentOf(qint64 part, qint64 whole)
{
    if (whole <= 0) return {};
    const double p = 100.0 * static_cast<double>(part) / static_cast<double>(whole);
    if (p > 0 && p < 0.1) return QStringLiteral("<0.1%");
    return displayLocale().toString(p, 'f', p < 10 ? 1 : 0) + QLatin1Char('%');
}

} // namespace

PrivacyFindingModel::PrivacyFindingModel(QObject *parent) : QAbstractTableModel(parent) {}

void PrivacyFindingModel::setReport(const privacy::FieldAuditReport &report)
{
    beginResetModel();
    m_rows.clear();
    m_total = report.interactions;
    for (const auto &f : report.fields)
        for (const auto &d : f.findings)
            m_rows.push_back({fromUtf8(f.field), f.distinctValues, f.interactions, d});
    std::sort(m_rows.begin(), m_rows.end(), [](const PrivacyFinding &a, const PrivacyFinding &b) {
        const auto sa = privacy::severityOf(a.finding.type), sb = privacy::severityOf(b.finding.type);
        if (sa != sb) return sa < sb;
        if (a.finding.interactionsAffected != b.finding.interactionsAffected)
            return a.finding.interactionsAffected > b.finding.interactionsAffected;
        if (a.field != b.field) return a.field < b.field;
        return a.finding.type < b.finding.type;
    });
    m_hasReport = true;
    endResetModel();
}

void PrivacyFindingModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_total = 0;
    m_hasReport = false;
    endResetModel();
}

const PrivacyFinding *PrivacyFindingModel::findingAt(int row) const
{
    return row >= 0 && row < rowCount() ? &m_rows[static_cast<std::size_t>(row)] : nullptr;
}

int PrivacyFindingModel::rowOf(const QString &field, const QString &detector) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].field == field && QString::fromLatin1(privacy::toString(m_rows[i].finding.type))
                                                .compare(detector, Qt::CaseInsensitive) == 0)
            return static_cast<int>(i);
    return -1;
}

int PrivacyFindingModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int PrivacyFindingModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PrivacyFindingModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const PrivacyFinding &f = m_rows[static_cast<std::size_t>(index.row())];
    const auto &d = f.finding;
    const Severity severity = privacy::severityOf(d.type);
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case RiskColumn:
            return riskWord(severity);
        case FieldColumn:
            return untrusted::line(f.field, 120);
        case DetectorColumn:
            return detectorWord(d.type);
        case ValuesColumn:
            return tr("%1 of %2").arg(formatCount(d.valuesAffected), formatCount(f.distinctValues));
        case InteractionsColumn: {
            const QString pct = percentOf(d.interactionsAffected, m_total);
            return pct.isEmpty() ? formatCount(d.interactionsAffected)
                                 : tr("%1 (%2)").arg(formatCount(d.interactionsAffected), pct);
        }
        case FirstSeenColumn:
            return d.firstSeenMs ? formatLocalDateTime(d.firstSeenMs) : QString();
        case LastSeenColumn:
            return d.lastSeenMs ? formatLocalDateTime(d.lastSeenMs) : QString();
        case ExampleColumn:
            return untrusted::line(d.example);
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (column == RiskColumn) return riskIcon(severity);
        return {};
    case Qt::ForegroundRole:
        if (column == RiskColumn) return riskColour(severity);
        return {};
    case Qt::ToolTipRole:
        switch (column) {
        case RiskColumn:
            return severity == Severity::High ? tr("High risk: card numbers, social security numbers, IBANs, "
                                                   "tokens and secrets must not be kept")
                   : severity == Severity::Medium
                       ? tr("Medium risk: e-mail addresses and phone numbers identify "
                            "a person")
                       : tr("Low risk: IP addresses");
        case FieldColumn:
            return untrusted::toolTip(f.field);
        case DetectorColumn:
            return QString::fromLatin1(privacy::toString(d.type));
        case ValuesColumn:
            return tr("%1 of the %2 distinct values of this field hold it")
                .arg(formatCount(d.valuesAffected), formatCount(f.distinctValues));
        case InteractionsColumn:
            return tr("%1 of %2 interactions carry such a value")
                .arg(formatCount(d.interactionsAffected), formatCount(m_total));
        case FirstSeenColumn:
            return d.firstSeenMs ? formatUtcInstant(d.firstSeenMs) : QString();
        case LastSeenColumn:
            return d.lastSeenMs ? formatUtcInstant(d.lastSeenMs) : QString();
        case ExampleColumn:
            return untrusted::toolTip(tr("Masked example (safe to share): %1").arg(fromUtf8(d.example)));
        default:
            return {};
        }
    case Qt::AccessibleTextRole:
        if (column == RiskColumn) return tr("%1 risk").arg(riskWord(severity));
        return data(index, Qt::DisplayRole);
    case Qt::TextAlignmentRole:
        if (column == ValuesColumn || column == InteractionsColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case PrivacyFindingRole::Sort:
        switch (column) {
        case RiskColumn:
            // Riskiest first when ascending; within a level, most interactions first.
            return static_cast<qint64>(severity) * 1'000'000'000'000LL - d.interactionsAffected;
        case FieldColumn:
            return f.field;
        case DetectorColumn:
            return detectorWord(d.type);
        case ValuesColumn:
            return static_cast<qint64>(d.valuesAffected);
        case InteractionsColumn:
            return static_cast<qint64>(d.interactionsAffected);
        case FirstSeenColumn:
            return static_cast<qint64>(d.firstSeenMs);
        case LastSeenColumn:
            return static_cast<qint64>(d.lastSeenMs);
        case ExampleColumn:
            return fromUtf8(d.example);
        default:
            return {};
        }
    case PrivacyFindingRole::Field:
        return f.field;
    case PrivacyFindingRole::Detector:
        return QString::fromLatin1(privacy::toString(d.type));
    case PrivacyFindingRole::Severity:
        return static_cast<int>(severity);
    case PrivacyFindingRole::Interactions:
        return static_cast<qint64>(d.interactionsAffected);
    case PrivacyFindingRole::FirstSeenMs:
        return static_cast<qint64>(d.firstSeenMs);
    case PrivacyFindingRole::LastSeenMs:
        return static_cast<qint64>(d.lastSeenMs);
    default:
        return {};
    }
}

QVariant PrivacyFindingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case RiskColumn:
        return tr("Risk");
    case FieldColumn:
        return tr("Field");
    case DetectorColumn:
        return tr("Detector");
    case ValuesColumn:
        return tr("Values");
    case InteractionsColumn:
        return tr("Interactions");
    case FirstSeenColumn:
        return tr("First seen");
    case LastSeenColumn:
        return tr("Last seen");
    case ExampleColumn:
        return tr("Example (masked)");
    default:
        return {};
    }
}

QString PrivacyFindingModel::riskWord(Severity severity)
{
    switch (severity) {
    case Severity::High:
        return tr("High");
    case Severity::Medium:
        return tr("Medium");
    case Severity::Low:
        return tr("Low");
    }
    return {};
}

QColor PrivacyFindingModel::riskColour(Severity severity)
{
    // Readable on light and dark backgrounds; always shown with a word and a shape.
    switch (severity) {
    case Severity::High:
        return {0xd0, 0x3b, 0x3b};
    case Severity::Medium:
        return {0xd9, 0x8e, 0x04};
    case Severity::Low:
        return {0x3a, 0x7b, 0xd5};
    }
    return {};
}

QIcon PrivacyFindingModel::riskIcon(Severity severity)
{
    auto paint = [](Severity s) {
        QIcon icon;
        const QColor colour = riskColour(s);
        for (const int size : {16, 32}) {
            QPixmap pixmap(size, size);
            pixmap.fill(Qt::transparent);
            QPainter p(&pixmap);
            p.setRenderHint(QPainter::Antialiasing);
            p.scale(size / 16.0, size / 16.0);
            p.setPen(Qt::NoPen);
            p.setBrush(colour);
            const QPen white(Qt::white, 1.8, Qt::SolidLine, Qt::RoundCap);
            switch (s) {
            case Severity::High: { // octagon with an exclamation mark
                QPainterPath octagon;
                for (int i = 0; i < 8; ++i) {
                    const double a = (22.5 + 45.0 * i) * M_PI / 180.0;
                    const QPointF pt(8 + 6.8 * std::cos(a), 8 + 6.8 * std::sin(a));
                    if (i == 0)
                        octagon.moveTo(pt);
                    else
                        octagon.lineTo(pt);
                }
                octagon.closeSubpath();
                p.drawPath(octagon);
                p.setPen(white);
                p.drawLine(QPointF(8, 4.6), QPointF(8, 8.8));
                p.drawPoint(QPointF(8, 11.4));
                break;
            }
            case Severity::Medium: { // triangle with an exclamation mark
                QPainterPath triangle;
                triangle.moveTo(8, 1.8);
                triangle.lineTo(14.6, 13.8);
                triangle.lineTo(1.4, 13.8);
                triangle.closeSubpath();
                p.drawPath(triangle);
                p.setPen(white);
                p.drawLine(QPointF(8, 6.0), QPointF(8, 9.4));
                p.drawPoint(QPointF(8, 11.7));
                break;
            }
            case Severity::Low: // a small circle with an "i" stroke
                p.drawEllipse(QRectF(2.5, 2.5, 11, 11));
                p.setPen(white);
                p.drawPoint(QPointF(8, 5.4));
                p.drawLine(QPointF(8, 7.6), QPointF(8, 10.8));
                break;
            }
            p.end();
            icon.addPixmap(pixmap);
        }
        return icon;
    };
    static const QIcon high = paint(Severity::High);
    static const QIcon medium = paint(Severity::Medium);
    static const QIcon low = paint(Severity::Low);
    switch (severity) {
    case Severity::High:
        return high;
    case Severity::Medium:
        return medium;
    case Severity::Low:
        return low;
    }
    return {};
}

QString PrivacyFindingModel::detectorWord(privacy::DetectorType type)
{
    using privacy::DetectorType;
    switch (type) {
    case DetectorType::Email:
        return tr("E-mail address");
    case DetectorType::Phone:
        return tr("Phone number");
    case DetectorType::CreditCard:
        return tr("Card number");
    case DetectorType::Iban:
        return tr("IBAN");
    case DetectorType::UsSsn:
        return tr("US social security number");
    case DetectorType::IpAddress:
        return tr("IP address");
    case DetectorType::Jwt:
        return tr("JSON web token");
    case DetectorType::Secret:
        return tr("Secret or token");
    }
    return {};
}

} // namespace hindsight::ui
