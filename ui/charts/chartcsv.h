#pragma once

#include <QString>
#include <QStringList>

namespace hindsight::ui {

/// Builds CSV text (RFC 4180 quoting): a field holding a comma, a quote, a line break or
/// leading/trailing space is quoted, with quotes doubled; rows end with "\n". Values are
/// written exactly as given (nothing is trimmed, translated or cut).
class CsvWriter
{
  public:
    void row(const QStringList &fields);
    QString text() const { return m_text; }

    /// One field, quoted when it needs to be.
    static QString field(const QString &value);
    /// A fraction in its shortest exact decimal form (0.5, 0.3333333333333333, 1).
    static QString number(double value);

  private:
    QString m_text;
};

} // namespace hindsight::ui
