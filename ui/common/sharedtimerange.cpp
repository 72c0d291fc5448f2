#include "ui/common/sharedtimerange.h"

#include <QCoreApplication>
#include <QDateTime>

namespace hindsight::ui {

namespace {
constexpr qint64 kDayMs = 24LL * 60 * 60 * 1000;

int presetDays(StudioTimeRange::Preset preset)
{
    switch (preset) {
    case StudioTimeRange::Preset::Last7Days:
        return 7;
    case StudioTimeRange::Preset::Last30Days:
        return 30;
    case StudioTimeRange::Preset::Last90Days:
        return 90;
    case StudioTimeRange::Preset::All:
    case StudioTimeRange::Preset::Custom:
        break;
    }
    return 0;
}
} // namespace

definitions::TimeRange StudioTimeRange::resolve(qint64 newestMs) const
{
    definitions::TimeRange range;
    if (preset == Preset::Custom) {
        range.fromMs = customFromMs;
        range.toMs = customToMs;
        return range;
    }
    const int days = presetDays(preset);
    if (days == 0 || newestMs <= 0) return range;
    // The last N days of data: up to and including the newest interaction.
    range.toMs = newestMs + 1;
    range.fromMs = newestMs + 1 - days * kDayMs;
    return range;
}

QString StudioTimeRange::label() const
{
    switch (preset) {
    case Preset::Last7Days:
        return QCoreApplication::translate("StudioTimeRange", "Last 7 days");
    case Preset::Last30Days:
        return QCoreApplication::translate("StudioTimeRange", "Last 30 days");
    case Preset::Last90Days:
        return QCoreApplication::translate("StudioTimeRange", "Last 90 days");
    case Preset::All:
        return QCoreApplication::translate("StudioTimeRange", "All time");
    case Preset::Custom:
        break;
    }
    const QString from =
        QDateTime::fromMSecsSinceEpoch(customFromMs).toLocalTime().toString(Qt::ISODate).left(10);
    const QString to =
        QDateTime::fromMSecsSinceEpoch(customToMs - 1).toLocalTime().toString(Qt::ISODate).left(10);
    return QCoreApplication::translate("StudioTimeRange", "%1 – %2").arg(from, to);
}

SharedTimeRange::SharedTimeRange(QObject *parent) : QObject(parent) {}

void SharedTimeRange::setValue(const StudioTimeRange &value)
{
    if (value == m_value) return;
    m_value = value;
    emit changed();
}

void SharedTimeRange::setNewestMs(qint64 ms)
{
    if (ms == m_newestMs) return;
    const auto before = resolved();
    m_newestMs = ms;
    const auto after = resolved();
    if (before.fromMs != after.fromMs || before.toMs != after.toMs) emit changed();
}

definitions::TimeRange SharedTimeRange::resolved() const
{
    return m_value.resolve(m_newestMs);
}

} // namespace hindsight::ui
