#include "ui/charts/chartcsv.h"

#include <QLocale>

namespace hindsight::ui {

void CsvWriter::row(const QStringList &fields)
{
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0) m_text += QLatin1Char(',');
        m_text += field(fields[i]);
    }
    m_text += QLatin1Char('\n');
}

QString CsvWriter::field(const QString &value)
{
    const bool needsQuotes = value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"')) ||
                             value.contains(QLatin1Char('\n')) || value.contains(QLatin1Char('\r')) ||
                             (!value.isEmpty() && (value.front().isSpace() || value.back().isSpace()));
    if (!needsQuotes) return value;
    QString quoted = value;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString CsvWriter::number(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

} // namespace hindsight::ui
