#pragma once

#include <QLocale>
#include <QString>
#include <QtGlobal>

namespace hindsight::ui {

/// The locale numbers and dates are shown in: the user's, except that the bare "C" locale
/// (no preference set) falls back to English so that large numbers still get separators.
QLocale displayLocale();

/// A count for people: 12,408.
QString formatCount(qint64 n);
/// A count shortened for a card or a narrow label: 9,999 / 12.4K / 124K / 3.1M / 1.2B.
QString formatCompactCount(qint64 n);
/// A file size: 512 bytes / 3.1 MB.
QString formatBytes(qint64 bytes);
/// UTC milliseconds as a date and time in the user's time zone: 2026-10-31 23:59:12.
QString formatLocalDateTime(qint64 ms);
/// UTC milliseconds as the exact UTC instant, for tooltips: 2026-10-31T22:59:12.345Z (UTC).
QString formatUtcInstant(qint64 ms);

} // namespace hindsight::ui
