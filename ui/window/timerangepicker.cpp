#include "ui/window/timerangepicker.h"

#include "ui/common/humanformat.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QTimeZone>

namespace hindsight::ui {

namespace {
constexpr int kCustomIndex = 4;
using Preset = StudioTimeRange::Preset;
} // namespace

TimeRangePicker::TimeRangePicker(SharedTimeRange *range, QWidget *parent)
    : QWidget(parent), m_range(range), m_combo(new QComboBox)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 0, 6, 0);
    auto *label = new QLabel(tr("&Range"));
    label->setBuddy(m_combo);
    layout->addWidget(label);
    layout->addWidget(m_combo);
    m_combo->setObjectName(QStringLiteral("timeRangeCombo"));
    m_combo->setAccessibleName(tr("Time range"));
    m_combo->addItem(tr("Last 7 days"), static_cast<int>(Preset::Last7Days));
    m_combo->addItem(tr("Last 30 days"), static_cast<int>(Preset::Last30Days));
    m_combo->addItem(tr("Last 90 days"), static_cast<int>(Preset::Last90Days));
    m_combo->addItem(tr("All time"), static_cast<int>(Preset::All));
    m_combo->addItem(tr("Custom…"), static_cast<int>(Preset::Custom));
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_combo, &QComboBox::activated, this, &TimeRangePicker::onActivated);
    connect(m_range, &SharedTimeRange::changed, this, &TimeRangePicker::syncFromRange);
    syncFromRange();
}

void TimeRangePicker::onActivated(int index)
{
    if (index == kCustomIndex) {
        chooseCustom();
        return;
    }
    StudioTimeRange value;
    value.preset = static_cast<Preset>(m_combo->itemData(index).toInt());
    m_range->setValue(value);
}

void TimeRangePicker::chooseCustom()
{
    const auto resolved = m_range->resolved();
    const qint64 newest = m_range->newestMs() > 0 ? m_range->newestMs() : QDateTime::currentMSecsSinceEpoch();
    const QDate to = QDateTime::fromMSecsSinceEpoch(resolved.toMs ? *resolved.toMs - 1 : newest).date();
    const QDate from =
        resolved.fromMs ? QDateTime::fromMSecsSinceEpoch(*resolved.fromMs).date() : to.addDays(-29);

    QDialog dialog(this);
    dialog.setWindowTitle(tr("Custom Time Range"));
    auto *form = new QFormLayout(&dialog);
    auto *fromEdit = new QDateEdit(from);
    auto *toEdit = new QDateEdit(to);
    for (QDateEdit *edit : {fromEdit, toEdit}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    fromEdit->setAccessibleName(tr("First day"));
    toEdit->setAccessibleName(tr("Last day"));
    form->addRow(tr("&From (first day)"), fromEdit);
    form->addRow(tr("&To (last day, included)"), toEdit);
    auto *note = new QLabel(tr("Days run from midnight to midnight in your time zone."));
    note->setWordWrap(true);
    form->addRow(note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(fromEdit, &QDateEdit::dateChanged, toEdit,
            [toEdit](const QDate &d) { toEdit->setMinimumDate(d); });
    toEdit->setMinimumDate(fromEdit->date());

    if (dialog.exec() != QDialog::Accepted) {
        syncFromRange();
        return;
    }
    StudioTimeRange value;
    value.preset = Preset::Custom;
    const QTimeZone zone = QTimeZone::systemTimeZone();
    value.customFromMs = QDateTime(fromEdit->date(), QTime(0, 0), zone).toMSecsSinceEpoch();
    value.customToMs = QDateTime(toEdit->date().addDays(1), QTime(0, 0), zone).toMSecsSinceEpoch();
    m_range->setValue(value);
}

void TimeRangePicker::syncFromRange()
{
    const StudioTimeRange value = m_range->value();
    const int index = m_combo->findData(static_cast<int>(value.preset));
    m_combo->setItemText(kCustomIndex, value.preset == Preset::Custom ? value.label() : tr("Custom…"));
    m_combo->setCurrentIndex(index);
    const auto resolved = m_range->resolved();
    QString tip;
    if (!resolved.fromMs && !resolved.toMs)
        tip = tr("Every interaction in the workspace.");
    else
        tip = tr("From %1 to %2 (presets count back from the newest interaction).")
                  .arg(formatLocalDateTime(resolved.fromMs.value_or(0)),
                       formatLocalDateTime(resolved.toMs.value_or(0)));
    m_combo->setToolTip(tip);
}

} // namespace hindsight::ui
