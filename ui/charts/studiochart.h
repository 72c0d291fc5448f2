#pragma once

#include "core/definitions/answers.h"

#include <QString>
#include <QWidget>
#include <memory>
#include <vector>

namespace hindsight::ui {

/// One line of a trend chart: a definition's value per time bucket.
struct ChartSeries
{
    QString name;
    std::vector<definitions::SeriesPoint> points; ///< bucket start (UTC ms), value; zero-filled
};

/// One bar of a breakdown chart.
struct ChartBar
{
    QString label; ///< untrusted text (a path, an element's text): shown as plain text, elided
    qint64 value = 0;
};

/// One step of a funnel chart.
struct ChartFunnelStep
{
    QString name;
    qint64 count = 0;
    double fromStart = 0;    ///< 0..1: share of the first step that reached this one
    double fromPrevious = 0; ///< 0..1: share of the previous step that reached this one
};

/// The studio's one chart class (Qt Charts behind it): a trend of one or several series over
/// time, a breakdown bar chart, or a funnel with conversion rates. Values show on hover (a
/// tooltip and hoverText()); the chart exports as PNG and CSV. Follows the application
/// palette (light or dark). Every label is plain text.
class StudioChart : public QWidget
{
    Q_OBJECT

  public:
    enum class Kind { Empty, Trend, Breakdown, Funnel };

    explicit StudioChart(QWidget *parent = nullptr);
    ~StudioChart() override;

    /// Lines over time. `granularity` sets the axis labels; `measure` names the values
    /// ("Interactions", "People", "Sessions").
    void setTrend(const std::vector<ChartSeries> &series, definitions::Granularity granularity,
                  const QString &measure);
    /// Horizontal bars, largest first as given; `title` says what was broken down.
    void setBreakdown(const QString &title, const std::vector<ChartBar> &bars);
    /// Bars per step with the conversion from the first step (and from the previous one on hover).
    void setFunnel(const std::vector<ChartFunnelStep> &steps);
    /// No data: shows `text` ("No interactions in this range") instead of a chart.
    void setEmpty(const QString &text);

    /// Small mode for previews: no legend, no axis titles, fewer ticks.
    void setCompact(bool compact);

    Kind kind() const { return m_kind; }
    /// The values as CSV (header row first; times as ISO 8601 UTC). Empty for Kind::Empty.
    QString toCsv() const;
    bool exportCsv(const QString &path, QString *error = nullptr) const;
    /// Renders the chart at its current size (or 1200x700 when it has never been shown).
    bool exportPng(const QString &path, QString *error = nullptr);
    /// What the hover shows for the point, bar or step last hovered ("" when none).
    QString hoverText() const { return m_hoverText; }

  signals:
    /// The mouse is over a value; `text` is what the tooltip shows ("Checkout: 1,204 on 2026-10-03").
    void hovered(const QString &text);

  private:
    struct Private;
    std::unique_ptr<Private> d;
    Kind m_kind = Kind::Empty;
    QString m_hoverText;
};

} // namespace hindsight::ui
