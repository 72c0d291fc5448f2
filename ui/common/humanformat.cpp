#include "ui/common/humanformat.h"

#include "core/capture/timestamp.h"

#include <QCoreApplication>
#include <QDateTime>
#include <cmath>

namespace hindsight::ui {

QLocale displayLocale()
{
    QLocale locale;
    if (locale.language() == QLocale::C) locale = QLocale(QLocale::English, QLocale::UnitedStates);
    locale.setNumberOptions(locale.numberOptions() & ~QLocale::OmitGroupSeparator);
    return locale;
}

QString formatCount(qint64 n)
{
    return displayLocale().toString(n);
}

QString formatCompactCount(qint64 n)
{
    const QLocale locale = displayLocale();
    const qint64 magnitude = n < 0 ? -n : n;
    if (magnitude < 10'000) return locale.toString(n);
    static constexpr const char *kSuffixes[] = {"K", "M", "B"};
    double value = static_cast<double>(n) / 1000.0;
    int unit = 0;
    // 999,960 would round to "1000K": step up to the next unit instead.
    while (unit < 2 && std::abs(value) >= 999.95) {
        value /= 1000.0;
        ++unit;
    }
    // One decimal below 100 (3.1M, 12.4K), none above (124K); a trailing ".0" is dropped (10M).
    QString text = locale.toString(value, 'f', std::abs(value) < 99.95 ? 1 : 0);
    const QString zero = locale.decimalPoint() + locale.zeroDigit();
    if (text.endsWith(zero)) text.chop(zero.size());
    return text + QLatin1String(kSuffixes[unit]);
}

QString formatBytes(qint64 bytes)
{
    if (bytes < 1024)
        return bytes == 1 ? QCoreApplication::translate("hindsight::ui", "1 byte")
                          : QCoreApplication::translate("hindsight::ui", "%1 bytes").arg(bytes);
    return displayLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString formatLocalDateTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString formatUtcInstant(qint64 ms)
{
    return QString::fromStdString(capture::formatIsoTimestamp(ms)) + QStringLiteral(" (UTC)");
}

} // namespace hindsight::ui
