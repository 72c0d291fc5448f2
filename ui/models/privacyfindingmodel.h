#pragma once

#include "core/privacy/fieldaudit.h"

#include <QAbstractTableModel>
#include <QIcon>
#include <QString>
#include <vector>

namespace hindsight::ui {

/// Item data roles of PrivacyFindingModel.
namespace PrivacyFindingRole {
enum : int {
    Sort = Qt::UserRole + 1, ///< a value that sorts the column as a user expects (numbers, times)
    Field,                   ///< QString: the field's name as the audit reports it
    Detector,                ///< QString: the detector's code (EMAIL, CREDIT_CARD, …)
    Severity,                ///< int: privacy::Severity (0 = high)
    Interactions,            ///< qint64: interactions affected
    FirstSeenMs,             ///< qint64
    LastSeenMs,              ///< qint64
};
}

/// One (field, detector) finding of the field audit.
struct PrivacyFinding
{
    QString field;
    qint64 distinctValues = 0;    ///< distinct values of the field
    qint64 fieldInteractions = 0; ///< interactions with a value in the field
    privacy::DetectorFinding finding;
};

/// The field audit's findings: one row per field and detector with its risk (a word, a colour
/// and a shape), the values and interactions affected, when it was first and last seen, and a
/// masked example. Rows come riskiest first (severity, then interactions affected).
class PrivacyFindingModel : public QAbstractTableModel
{
    Q_OBJECT

  public:
    enum Column {
        RiskColumn,
        FieldColumn,
        DetectorColumn,
        ValuesColumn,
        InteractionsColumn,
        FirstSeenColumn,
        LastSeenColumn,
        ExampleColumn,
        ColumnCount
    };

    explicit PrivacyFindingModel(QObject *parent = nullptr);

    /// Shows the report's findings (replacing what was shown).
    void setReport(const privacy::FieldAuditReport &report);
    void clear();
    bool hasReport() const { return m_hasReport; }
    qint64 totalInteractions() const { return m_total; }
    const PrivacyFinding *findingAt(int row) const;
    /// The row of (field, detector code), or -1.
    int rowOf(const QString &field, const QString &detector) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// "High", "Medium", "Low" (translated).
    static QString riskWord(privacy::Severity severity);
    /// The risk's badge: a red octagon (high), an amber triangle (medium), a blue circle (low).
    static QIcon riskIcon(privacy::Severity severity);
    static QColor riskColour(privacy::Severity severity);
    /// "Email address", "Card number", … (translated).
    static QString detectorWord(privacy::DetectorType type);

  private:
    std::vector<PrivacyFinding> m_rows;
    qint64 m_total = 0;
    bool m_hasReport = false;
};

} // namespace hindsight::ui
