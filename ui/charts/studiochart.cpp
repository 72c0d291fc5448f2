#include "ui/charts/studiochart.h"

#include "ui/charts/chartcsv.h"
#include "ui/common/humanformat.h"
#include "ui/common/untrustedtext.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QDateTime>
#include <QEvent>
#include <QFileInfo>
#include <QFontMetrics>
#include <QGraphicsLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QPixmap>
#include <QSaveFile>
#include <QStackedLayout>
#include <QTimeZone>
#include <QToolTip>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>

namespace hindsight::ui {

namespace {

constexpr QSize kDefaultExportSize(1200, 700);
constexpr int kBarLabelChars = 40;        ///< breakdown labels on the axis (the tooltip has more)
constexpr int kCompactBarLabelChars = 18; ///< the same in compact previews
constexpr int kSeriesNameChars = 60;      ///< legend entries
constexpr int kFunnelStepChars = 28;      ///< funnel step names under the bars

/// Calls a function for the events of the objects it is installed on (the chart watches its own
/// show, palette and resize events without overriding virtuals the header does not declare).
class EventHook : public QObject
{
  public:
    EventHook(QObject *parent, std::function<void(QObject *, QEvent *)> onEvent)
        : QObject(parent), m_onEvent(std::move(onEvent))
    {
    }

  protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        m_onEvent(watched, event);
        return false;
    }

  private:
    std::function<void(QObject *, QEvent *)> m_onEvent;
};

/// Qt Charts renders titles, legend entries and axis labels as rich text: every label goes
/// through here so that captured text ("<b>Buy</b>") shows literally.
QString chartText(const QString &plain)
{
    return plain.toHtmlEscaped();
}

/// A label for the axis: plain, one line, cut to `maxChars`, and unique among `taken` (Qt Charts
/// drops a category whose label is already there, so a repeat gets " (2)").
QString uniqueLabel(const QString &plain, int maxChars, std::set<QString> &taken)
{
    const QString base = chartText(untrusted::line(plain, maxChars));
    QString label = base;
    for (int n = 2; taken.count(label) != 0; ++n)
        label = base + QStringLiteral(" (%1)").arg(n);
    taken.insert(label);
    return label;
}

/// A step of 1, 2 or 5 times a power of ten that divides [0, max] into about `ticks` parts.
qint64 niceStep(qint64 max, int ticks)
{
    const double raw = std::max(1.0, static_cast<double>(max) / std::max(1, ticks));
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double m : {1.0, 2.0, 5.0, 10.0})
        if (m * power >= raw) return std::max<qint64>(1, static_cast<qint64>(m * power));
    return static_cast<qint64>(10 * power);
}

/// A value axis from 0 with whole-number ticks at nice steps, numbers with group separators.
QValueAxis *makeCountAxis(qint64 max, int ticks)
{
    auto axis = std::make_unique<QValueAxis>();
    const qint64 step = niceStep(std::max<qint64>(max, 1), ticks);
    const qint64 top = std::max<qint64>(step, ((std::max<qint64>(max, 1) + step - 1) / step) * step);
    axis->setRange(0, static_cast<double>(top));
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(static_cast<double>(step));
    // "%.0f": Qt Charts 6.4 draws no labels for "%d" when numbers are localised.
    axis->setLabelFormat(QStringLiteral("%.0f"));
    axis->setMinorTickCount(0);
    return axis.release();
}

QString formatRate(double rate)
{
    return displayLocale().toString(rate * 100.0, 'f', 1) + QStringLiteral(" %");
}

/// Series colours readable on the palette's base colour (light or dark).
QColor seriesColor(int i, bool dark)
{
    static const char *const kLight[] = {"#1f6fb5", "#d1495b", "#2e8b57", "#e07b00", "#7b4bb7",
                                         "#8c564b", "#c2408f", "#5f6b73", "#9a8c00", "#1a9aa8"};
    static const char *const kDark[] = {"#6fb1f0", "#f2727f", "#6fd39b", "#ffb347", "#b899f0",
                                        "#d3a28f", "#f08cc8", "#b4bec6", "#e6d84f", "#5fd6e3"};
    const int n = static_cast<int>(std::size(kLight));
    return QColor(QLatin1String(dark ? kDark[i % n] : kLight[i % n]));
}

} // namespace

struct StudioChart::Private
{
    StudioChart *q = nullptr;
    QStackedLayout *stack = nullptr;
    QLabel *emptyLabel = nullptr;
    QChartView *view = nullptr;
    bool compact = false;
    bool everShown = false;
    bool rebuilding = false;

    // What is shown (kept to rebuild on a palette change and to export).
    std::vector<ChartSeries> series;
    std::vector<std::int64_t> buckets; ///< the union of the series' bucket starts, ascending
    definitions::Granularity granularity = definitions::Granularity::Day;
    QString measure;
    QString breakdownTitle;
    std::vector<ChartBar> bars;
    std::vector<ChartFunnelStep> steps;
    QString emptyText;

    bool isDark() const { return q->palette().color(QPalette::Base).lightness() < 128; }

    enum class LabelStyle { Time, DateTime, Date, DateYear, Month };
    QString bucketLabel(std::int64_t ms, LabelStyle style) const;
    QString bucketPhrase(std::int64_t ms) const;
    void styleChart(QChart *chart) const;
    void styleAxis(QAbstractAxis *axis) const;
    void layoutTimeAxis(QChart *chart, int width) const;
    std::unique_ptr<QChart> build(bool interactive);
    std::unique_ptr<QChart> buildTrend(bool interactive);
    std::unique_ptr<QChart> buildBreakdown(bool interactive);
    std::unique_ptr<QChart> buildFunnel(bool interactive);
    void show();
    void setHover(const QString &text);
    QString describe() const;
    int currentWidth() const
    {
        return everShown && view->width() > 0 ? view->width() : kDefaultExportSize.width();
    }
    QStringList funnelCategories(int width, const QFont &font) const;
};

QString StudioChart::Private::bucketLabel(std::int64_t ms, LabelStyle style) const
{
    const QLocale locale = displayLocale();
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms);
    switch (style) {
    case LabelStyle::Time:
        return locale.toString(t, QStringLiteral("HH:mm"));
    case LabelStyle::DateTime:
        return locale.toString(t, QStringLiteral("MMM d HH:mm"));
    case LabelStyle::Date:
        return locale.toString(t, QStringLiteral("MMM d"));
    case LabelStyle::DateYear:
        return locale.toString(t, QStringLiteral("MMM d yyyy"));
    case LabelStyle::Month:
        return locale.toString(t, QStringLiteral("MMM yyyy"));
    }
    return {};
}

QString StudioChart::Private::bucketPhrase(std::int64_t ms) const
{
    const QLocale locale = displayLocale();
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms);
    switch (granularity) {
    case definitions::Granularity::Hour:
        return StudioChart::tr("on %1").arg(locale.toString(t, QStringLiteral("ddd yyyy-MM-dd HH:mm")));
    case definitions::Granularity::Day:
        return StudioChart::tr("on %1").arg(locale.toString(t, QStringLiteral("ddd yyyy-MM-dd")));
    case definitions::Granularity::Week:
        return StudioChart::tr("in the week of %1").arg(locale.toString(t, QStringLiteral("ddd yyyy-MM-dd")));
    case definitions::Granularity::Month:
        return StudioChart::tr("in %1").arg(locale.toString(t, QStringLiteral("MMMM yyyy")));
    }
    return {};
}

void StudioChart::Private::styleChart(QChart *chart) const
{
    const QPalette pal = q->palette();
    const bool dark = isDark();
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(pal.color(QPalette::Base));
    chart->setBackgroundPen(Qt::NoPen);
    chart->setBackgroundRoundness(0);
    chart->setDropShadowEnabled(false);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setTitleBrush(pal.color(QPalette::Text));
    QFont titleFont = q->font();
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    chart->setLocalizeNumbers(true);
    chart->setLocale(displayLocale());
    chart->legend()->setLabelColor(pal.color(QPalette::Text));
    chart->legend()->setFont(q->font());
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setVisible(false);
    if (compact) {
        chart->setMargins(QMargins(2, 2, 2, 2));
        chart->layout()->setContentsMargins(0, 0, 0, 0);
    } else {
        chart->setMargins(QMargins(8, 8, 8, 8));
    }
}

void StudioChart::Private::styleAxis(QAbstractAxis *axis) const
{
    const QPalette pal = q->palette();
    QColor grid = pal.color(QPalette::Text);
    grid.setAlphaF(0.12F);
    QColor line = pal.color(QPalette::Text);
    line.setAlphaF(0.35F);
    axis->setLabelsBrush(pal.color(QPalette::Text));
    axis->setLabelsFont(q->font());
    axis->setTitleBrush(pal.color(QPalette::Text));
    QFont titleFont = q->font();
    axis->setTitleFont(titleFont);
    axis->setGridLineColor(grid);
    axis->setLinePenColor(line);
    axis->setTitleVisible(!compact);
    axis->setShadesVisible(false);
}

void StudioChart::Private::layoutTimeAxis(QChart *chart, int width) const
{
    const auto axes = chart->axes(Qt::Horizontal);
    if (axes.isEmpty() || buckets.empty()) return;
    auto *axis = qobject_cast<QCategoryAxis *>(axes.first());
    if (!axis) return;
    for (const QString &label : axis->categoriesLabels())
        axis->remove(label);

    using definitions::Granularity;
    const QDate first = QDateTime::fromMSecsSinceEpoch(buckets.front()).date();
    const QDate last = QDateTime::fromMSecsSinceEpoch(buckets.back()).date();
    const int n = static_cast<int>(buckets.size());

    // As many labels as fit side by side, each as wide as the widest label plus a gap.
    const QFontMetrics metrics(axis->labelsFont());
    const LabelStyle widest = granularity == Granularity::Hour
                                  ? (first != last ? LabelStyle::DateTime : LabelStyle::Time)
                              : granularity == Granularity::Month ? LabelStyle::Month
                              : first.year() != last.year()       ? LabelStyle::DateYear
                                                                  : LabelStyle::Date;
    int labelWidth = 1;
    for (const std::int64_t ms : {buckets.front(), buckets.back()})
        labelWidth = std::max(labelWidth, metrics.horizontalAdvance(bucketLabel(ms, widest)));
    const int usable = std::max(100, width - 100);
    const int fit = std::max(2, usable / (labelWidth + (compact ? 12 : 24)));
    const int maxLabels = compact ? std::min(fit, 4) : std::min(fit, 12);
    const int needed = std::max(1, (n + maxLabels - 1) / maxLabels);

    // A step of whole units a reader counts in (6 hours, a day, a week, a quarter ...).
    std::vector<int> steps;
    switch (granularity) {
    case Granularity::Hour:
        steps = {1, 2, 3, 6, 12, 24, 48, 72, 168, 336};
        break;
    case Granularity::Day:
        steps = {1, 2, 7, 14, 28};
        break;
    case Granularity::Week:
        steps = {1, 2, 4, 8, 13, 26, 52};
        break;
    case Granularity::Month:
        steps = {1, 2, 3, 6, 12, 24};
        break;
    }
    int every = steps.back() * ((needed + steps.back() - 1) / steps.back());
    for (const int step : steps)
        if (step >= needed) {
            every = step;
            break;
        }

    // Start the labels on a round bucket (midnight, a Monday, a quarter) when one is near.
    auto isRound = [&](std::int64_t ms) {
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms);
        switch (granularity) {
        case Granularity::Hour:
            return every < 24 ? t.time().hour() % every == 0 : t.time().hour() == 0;
        case Granularity::Day:
            return every < 7 || t.date().dayOfWeek() == 1;
        case Granularity::Week:
            return true;
        case Granularity::Month:
            return (t.date().month() - 1) % std::min(every, 12) == 0;
        }
        return true;
    };
    int firstLabel = 0;
    while (firstLabel < std::min(n - 1, every - 1) && !isRound(buckets[static_cast<std::size_t>(firstLabel)]))
        ++firstLabel;
    if (!isRound(buckets[static_cast<std::size_t>(firstLabel)])) firstLabel = 0;

    LabelStyle style = widest;
    if (granularity == Granularity::Hour && every >= 24 &&
        isRound(buckets[static_cast<std::size_t>(firstLabel)]))
        style = first.year() != last.year() ? LabelStyle::DateYear : LabelStyle::Date;

    std::set<QString> taken;
    axis->setStartValue(-0.5);
    for (int i = firstLabel; i < n; i += every) {
        QString label = chartText(bucketLabel(buckets[static_cast<std::size_t>(i)], style));
        while (taken.count(label) != 0)
            label += QChar(0x00A0); // a repeated local hour (DST): still one label each
        taken.insert(label);
        axis->append(label, i);
    }
    axis->setRange(-0.5, n - 0.5);
}

std::unique_ptr<QChart> StudioChart::Private::buildTrend(bool interactive)
{
    auto chart = std::make_unique<QChart>();
    styleChart(chart.get());
    const bool dark = isDark();
    std::map<std::int64_t, int> indexOf;
    for (std::size_t i = 0; i < buckets.size(); ++i)
        indexOf[buckets[i]] = static_cast<int>(i);

    qint64 max = 0;
    int seriesIndex = 0;
    std::vector<QLineSeries *> lines;
    for (const ChartSeries &s : series) {
        auto line = std::make_unique<QLineSeries>();
        line->setName(chartText(untrusted::line(s.name, kSeriesNameChars)));
        QPen pen(seriesColor(seriesIndex, dark));
        pen.setWidthF(compact ? 1.5 : 2.0);
        line->setPen(pen);
        line->setPointsVisible(!compact && buckets.size() <= 62);
        for (const definitions::SeriesPoint &p : s.points) {
            line->append(indexOf[p.startMs], static_cast<double>(p.count));
            max = std::max<qint64>(max, p.count);
        }
        if (interactive) {
            const std::size_t which = static_cast<std::size_t>(seriesIndex);
            QObject::connect(
                line.get(), &QLineSeries::hovered, q, [this, which](const QPointF &point, bool state) {
                    if (!state || which >= series.size() || buckets.empty()) return;
                    const int i = std::clamp(static_cast<int>(std::lround(point.x())), 0,
                                             static_cast<int>(buckets.size()) - 1);
                    const std::int64_t start = buckets[static_cast<std::size_t>(i)];
                    const ChartSeries &hoveredSeries = series[which];
                    const auto it = std::find_if(
                        hoveredSeries.points.begin(), hoveredSeries.points.end(),
                        [start](const definitions::SeriesPoint &p) { return p.startMs == start; });
                    const qint64 value = it == hoveredSeries.points.end() ? 0 : it->count;
                    setHover(StudioChart::tr("%1: %2 %3")
                                 .arg(untrusted::line(hoveredSeries.name), formatCount(value),
                                      bucketPhrase(start)));
                });
        }
        lines.push_back(line.get());
        chart->addSeries(line.release());
        ++seriesIndex;
    }

    auto *axisX = new QCategoryAxis;
    axisX->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    styleAxis(axisX);
    axisX->setTitleVisible(false);
    chart->addAxis(axisX, Qt::AlignBottom);
    auto *axisY = makeCountAxis(max, compact ? 2 : 5);
    styleAxis(axisY);
    axisY->setTitleText(chartText(measure));
    chart->addAxis(axisY, Qt::AlignLeft);
    for (QLineSeries *line : lines) {
        line->attachAxis(axisX);
        line->attachAxis(axisY);
    }
    layoutTimeAxis(chart.get(), currentWidth());
    chart->legend()->setVisible(!compact);
    return chart;
}

std::unique_ptr<QChart> StudioChart::Private::buildBreakdown(bool interactive)
{
    auto chart = std::make_unique<QChart>();
    styleChart(chart.get());
    if (!compact) chart->setTitle(chartText(untrusted::line(breakdownTitle, kSeriesNameChars * 2)));

    auto barSeries = std::make_unique<QHorizontalBarSeries>();
    auto set = std::make_unique<QBarSet>(chartText(untrusted::line(breakdownTitle, kSeriesNameChars)));
    set->setColor(seriesColor(0, isDark()));
    set->setBorderColor(Qt::transparent);
    set->setLabelColor(q->palette().color(QPalette::Text));
    // The first bar (the largest) at the top: a horizontal bar axis runs upwards.
    QStringList categories;
    std::set<QString> taken;
    std::vector<QString> labels;
    for (const ChartBar &bar : bars) {
        const QString plain = bar.label.isEmpty() ? StudioChart::tr("(empty)") : bar.label;
        labels.push_back(uniqueLabel(plain, compact ? kCompactBarLabelChars : kBarLabelChars, taken));
    }
    qint64 max = 0;
    for (std::size_t i = bars.size(); i-- > 0;) {
        set->append(static_cast<double>(bars[i].value));
        categories << labels[i];
        max = std::max(max, bars[i].value);
    }
    if (interactive) {
        QObject::connect(set.get(), &QBarSet::hovered, q, [this](bool status, int index) {
            if (!status || index < 0 || index >= static_cast<int>(bars.size())) return;
            const ChartBar &bar = bars[bars.size() - 1 - static_cast<std::size_t>(index)];
            const QString label =
                bar.label.isEmpty() ? StudioChart::tr("(empty)") : untrusted::line(bar.label);
            setHover(StudioChart::tr("%1: %2").arg(label, formatCount(bar.value)));
        });
    }
    barSeries->append(set.release());
    // Few bars stay bars, not slabs.
    barSeries->setBarWidth(std::min(0.7, 0.15 * static_cast<double>(bars.size()) + 0.05));
    barSeries->setLabelsVisible(!compact);
    barSeries->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    barSeries->setLabelsPrecision(15);
    QHorizontalBarSeries *raw = barSeries.get();
    chart->addSeries(barSeries.release());

    auto *axisY = new QBarCategoryAxis;
    axisY->append(categories);
    styleAxis(axisY);
    axisY->setGridLineVisible(false);
    chart->addAxis(axisY, Qt::AlignLeft);
    // Room on the right for the value label of the longest bar.
    auto *axisX = makeCountAxis(max + max / 8, compact ? 2 : 5);
    styleAxis(axisX);
    chart->addAxis(axisX, Qt::AlignBottom);
    raw->attachAxis(axisY);
    raw->attachAxis(axisX);
    return chart;
}

QStringList StudioChart::Private::funnelCategories(int width, const QFont &font) const
{
    // Each step's name (cut to the width its bar gets) over its conversion from step 1.
    const QFontMetrics metrics(font);
    const int perStep =
        std::max(40, (width - 120) * 3 / 5 / std::max<int>(1, static_cast<int>(steps.size())));
    QStringList categories;
    std::set<QString> taken;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const ChartFunnelStep &step = steps[i];
        const QString name = metrics.elidedText(
            StudioChart::tr("%1. %2").arg(i + 1).arg(untrusted::line(step.name, kFunnelStepChars * 4)),
            Qt::ElideRight, perStep);
        QString label = uniqueLabel(name, kFunnelStepChars * 4, taken);
        if (!compact)
            label += QStringLiteral("<br>") +
                     chartText(i == 0 ? formatRate(step.fromStart)
                                      : StudioChart::tr("%1 of step 1").arg(formatRate(step.fromStart)));
        categories << label;
    }
    return categories;
}

std::unique_ptr<QChart> StudioChart::Private::buildFunnel(bool interactive)
{
    auto chart = std::make_unique<QChart>();
    styleChart(chart.get());
    auto barSeries = std::make_unique<QBarSeries>();
    auto set = std::make_unique<QBarSet>(StudioChart::tr("Reached the step"));
    set->setColor(seriesColor(0, isDark()));
    set->setBorderColor(Qt::transparent);
    set->setLabelColor(q->palette().color(QPalette::Text));
    qint64 max = 0;
    for (const ChartFunnelStep &step : steps) {
        set->append(static_cast<double>(step.count));
        max = std::max(max, step.count);
    }
    if (interactive) {
        QObject::connect(set.get(), &QBarSet::hovered, q, [this](bool status, int index) {
            if (!status || index < 0 || index >= static_cast<int>(steps.size())) return;
            const ChartFunnelStep &step = steps[static_cast<std::size_t>(index)];
            if (index == 0) {
                setHover(StudioChart::tr("%1: %2 started")
                             .arg(untrusted::line(step.name), formatCount(step.count)));
            } else {
                setHover(StudioChart::tr("%1: %2 (%3 of step 1, %4 of the previous step)")
                             .arg(untrusted::line(step.name), formatCount(step.count),
                                  formatRate(step.fromStart), formatRate(step.fromPrevious)));
            }
        });
    }
    barSeries->append(set.release());
    barSeries->setBarWidth(0.6);
    barSeries->setLabelsVisible(!compact);
    barSeries->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    barSeries->setLabelsPrecision(15);
    QBarSeries *raw = barSeries.get();
    chart->addSeries(barSeries.release());

    auto *axisX = new QBarCategoryAxis;
    styleAxis(axisX);
    axisX->append(funnelCategories(currentWidth(), axisX->labelsFont()));
    axisX->setGridLineVisible(false);
    chart->addAxis(axisX, Qt::AlignBottom);
    auto *axisY = makeCountAxis(max + max / 10, compact ? 2 : 5);
    styleAxis(axisY);
    chart->addAxis(axisY, Qt::AlignLeft);
    raw->attachAxis(axisX);
    raw->attachAxis(axisY);
    return chart;
}

std::unique_ptr<QChart> StudioChart::Private::build(bool interactive)
{
    switch (q->m_kind) {
    case Kind::Trend:
        return buildTrend(interactive);
    case Kind::Breakdown:
        return buildBreakdown(interactive);
    case Kind::Funnel:
        return buildFunnel(interactive);
    case Kind::Empty:
        break;
    }
    return nullptr;
}

QString StudioChart::Private::describe() const
{
    switch (q->m_kind) {
    case Kind::Trend: {
        QStringList names;
        for (const ChartSeries &s : series)
            names << untrusted::line(s.name);
        return StudioChart::tr("Trend of %1 (%2 per %3), %n bucket(s)", nullptr,
                               static_cast<int>(buckets.size()))
            .arg(names.join(QStringLiteral(", ")), measure,
                 QString::fromUtf8(definitions::granularityName(granularity)));
    }
    case Kind::Breakdown:
        return StudioChart::tr("%1: %n bar(s)", nullptr, static_cast<int>(bars.size()))
            .arg(untrusted::line(breakdownTitle));
    case Kind::Funnel:
        return StudioChart::tr("Funnel of %n step(s)", nullptr, static_cast<int>(steps.size()));
    case Kind::Empty:
        break;
    }
    return emptyText;
}

void StudioChart::Private::show()
{
    q->m_hoverText.clear();
    QToolTip::hideText();
    if (q->m_kind == Kind::Empty) {
        emptyLabel->setText(emptyText);
        stack->setCurrentWidget(emptyLabel);
        // Drop the old chart (and its hover connections).
        QChart *old = view->chart();
        view->setChart(new QChart);
        old->deleteLater(); // not now: a hover signal of its series may be on the stack
        view->setAccessibleDescription(emptyText);
        return;
    }
    rebuilding = true;
    std::unique_ptr<QChart> chart = build(true);
    QChart *old = view->chart();
    view->setChart(chart.release());
    old->deleteLater(); // not now: a hover signal of its series may be on the stack
    view->setBackgroundBrush(q->palette().color(QPalette::Base));
    view->setAccessibleDescription(describe());
    stack->setCurrentWidget(view);
    rebuilding = false;
}

void StudioChart::Private::setHover(const QString &text)
{
    q->m_hoverText = text;
    if (view->isVisible()) QToolTip::showText(QCursor::pos(), untrusted::toolTip(text), view);
    emit q->hovered(text);
}

StudioChart::StudioChart(QWidget *parent) : QWidget(parent), d(std::make_unique<Private>())
{
    d->q = this;
    d->stack = new QStackedLayout(this);
    d->stack->setContentsMargins(0, 0, 0, 0);

    d->emptyLabel = new QLabel(this);
    d->emptyLabel->setTextFormat(Qt::PlainText);
    d->emptyLabel->setAlignment(Qt::AlignCenter);
    d->emptyLabel->setWordWrap(true);
    d->emptyLabel->setForegroundRole(QPalette::PlaceholderText);
    d->emptyLabel->setAccessibleName(tr("Chart"));
    d->stack->addWidget(d->emptyLabel);

    d->view = new QChartView(this);
    d->view->setRenderHint(QPainter::Antialiasing);
    d->view->setFrameShape(QFrame::NoFrame);
    d->view->setAccessibleName(tr("Chart"));
    d->view->setMouseTracking(true);
    d->stack->addWidget(d->view);

    d->emptyText = tr("Nothing to chart yet");
    d->emptyLabel->setText(d->emptyText);
    d->stack->setCurrentWidget(d->emptyLabel);
    setMinimumSize(120, 80);

    auto *hook = new EventHook(this, [this](QObject *watched, QEvent *event) {
        switch (event->type()) {
        case QEvent::Show:
            if (watched == d->view) d->everShown = true;
            break;
        case QEvent::PaletteChange:
        case QEvent::StyleChange:
            if (watched == this && !d->rebuilding && m_kind != Kind::Empty) d->show();
            break;
        case QEvent::Resize:
            if (watched == d->view && m_kind == Kind::Trend && d->view->chart())
                d->layoutTimeAxis(d->view->chart(), d->view->width());
            if (watched == d->view && m_kind == Kind::Funnel && d->view->chart()) {
                const auto axes = d->view->chart()->axes(Qt::Horizontal);
                if (auto *axis = qobject_cast<QBarCategoryAxis *>(axes.value(0))) {
                    const QStringList categories = d->funnelCategories(d->view->width(), axis->labelsFont());
                    if (categories != axis->categories()) {
                        axis->clear();
                        axis->append(categories);
                    }
                }
            }
            break;
        default:
            break;
        }
    });
    installEventFilter(hook);
    d->view->installEventFilter(hook);
}

StudioChart::~StudioChart() = default;

void StudioChart::setTrend(const std::vector<ChartSeries> &series, definitions::Granularity granularity,
                           const QString &measure)
{
    std::set<std::int64_t> starts;
    for (const ChartSeries &s : series)
        for (const definitions::SeriesPoint &p : s.points)
            starts.insert(p.startMs);
    if (series.empty() || starts.empty()) {
        setEmpty(tr("No data to chart in this range"));
        return;
    }
    d->series = series;
    d->buckets.assign(starts.begin(), starts.end());
    d->granularity = granularity;
    d->measure = measure;
    m_kind = Kind::Trend;
    d->show();
}

void StudioChart::setBreakdown(const QString &title, const std::vector<ChartBar> &bars)
{
    if (bars.empty()) {
        setEmpty(tr("Nothing to break down in this range"));
        return;
    }
    d->breakdownTitle = title;
    d->bars = bars;
    m_kind = Kind::Breakdown;
    d->show();
}

void StudioChart::setFunnel(const std::vector<ChartFunnelStep> &steps)
{
    if (steps.empty()) {
        setEmpty(tr("A funnel needs at least one step"));
        return;
    }
    d->steps = steps;
    m_kind = Kind::Funnel;
    d->show();
}

void StudioChart::setEmpty(const QString &text)
{
    d->emptyText = text;
    m_kind = Kind::Empty;
    d->show();
}

void StudioChart::setCompact(bool compact)
{
    if (d->compact == compact) return;
    d->compact = compact;
    if (m_kind != Kind::Empty) d->show();
}

QString StudioChart::toCsv() const
{
    CsvWriter csv;
    switch (m_kind) {
    case Kind::Empty:
        return {};
    case Kind::Trend: {
        QStringList header{QStringLiteral("time")};
        for (const ChartSeries &s : d->series)
            header << s.name;
        csv.row(header);
        std::vector<std::map<std::int64_t, std::int64_t>> values(d->series.size());
        for (std::size_t i = 0; i < d->series.size(); ++i)
            for (const definitions::SeriesPoint &p : d->series[i].points)
                values[i][p.startMs] = p.count;
        for (const std::int64_t start : d->buckets) {
            QStringList row{QDateTime::fromMSecsSinceEpoch(start, Qt::UTC).toString(Qt::ISODate)};
            for (const auto &v : values) {
                const auto it = v.find(start);
                row << (it == v.end() ? QString() : QString::number(it->second));
            }
            csv.row(row);
        }
        break;
    }
    case Kind::Breakdown:
        csv.row({QStringLiteral("label"), QStringLiteral("value")});
        for (const ChartBar &bar : d->bars)
            csv.row({bar.label, QString::number(bar.value)});
        break;
    case Kind::Funnel:
        csv.row({QStringLiteral("step"), QStringLiteral("count"), QStringLiteral("from_start"),
                 QStringLiteral("from_previous")});
        for (const ChartFunnelStep &step : d->steps)
            csv.row({step.name, QString::number(step.count), CsvWriter::number(step.fromStart),
                     CsvWriter::number(step.fromPrevious)});
        break;
    }
    return csv.text();
}

bool StudioChart::exportCsv(const QString &path, QString *error) const
{
    if (m_kind == Kind::Empty) {
        if (error) *error = tr("The chart is empty: there is nothing to export.");
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error) *error = tr("Cannot write %1: %2").arg(QFileInfo(path).fileName(), file.errorString());
        return false;
    }
    file.write(toCsv().toUtf8());
    if (!file.commit()) {
        if (error) *error = tr("Cannot write %1: %2").arg(QFileInfo(path).fileName(), file.errorString());
        return false;
    }
    return true;
}

bool StudioChart::exportPng(const QString &path, QString *error)
{
    if (m_kind == Kind::Empty) {
        if (error) *error = tr("The chart is empty: there is nothing to export.");
        return false;
    }
    QPixmap image;
    if (d->everShown && d->view->width() > 0 && d->view->height() > 0) {
        image = d->view->grab();
    } else {
        // Never shown: render a copy of the chart at the default size in a view of its own.
        QChartView offscreen;
        offscreen.setRenderHint(QPainter::Antialiasing);
        offscreen.setFrameShape(QFrame::NoFrame);
        offscreen.setBackgroundBrush(palette().color(QPalette::Base));
        offscreen.resize(kDefaultExportSize);
        std::unique_ptr<QChart> chart = d->build(false);
        QChart *old = offscreen.chart();
        offscreen.setChart(chart.release());
        delete old;
        image = offscreen.grab();
    }
    QSaveFile file(path);
    if (image.isNull() || !file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2")
                         .arg(QFileInfo(path).fileName(), file.errorString().isEmpty()
                                                              ? tr("the image could not be made")
                                                              : file.errorString());
        return false;
    }
    return true;
}

} // namespace hindsight::ui
