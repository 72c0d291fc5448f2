#include "ui/charts/studiochart.h"

#include "tests/support/tempdir.h"
#include "tests/ui/uitesthelpers.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QFile>
#include <QHorizontalBarSeries>
#include <QImage>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <QValueAxis>
#include <gtest/gtest.h>
#include <set>

using namespace hindsight;
using namespace hindsight::ui;

namespace {

qint64 utcMs(int year, int month, int day, int hour = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, 0), QTimeZone::utc()).toMSecsSinceEpoch();
}

qint64 localMs(int year, int month, int day, int hour = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, 0)).toMSecsSinceEpoch();
}

QChart *chartOf(StudioChart &chart)
{
    auto *view = chart.findChild<QChartView *>();
    return view ? view->chart() : nullptr;
}

std::vector<ChartSeries> twoSeries(qint64 day0, qint64 day1, qint64 day2)
{
    return {{QStringLiteral("Checkout"), {{day0, 3}, {day1, 1204}, {day2, 0}}},
            {QStringLiteral("Sign up, \"new\""), {{day0, 7}, {day1, 8}, {day2, 9}}}};
}

/// How many distinct colours an image has (a blank or failed render has one or two).
int colourCount(const QImage &image)
{
    std::set<QRgb> colours;
    for (int y = 0; y < image.height(); y += 4)
        for (int x = 0; x < image.width(); x += 4)
            colours.insert(image.pixel(x, y));
    return static_cast<int>(colours.size());
}

} // namespace

TEST(StudioChart, StartsEmptyAndExportsNothing)
{
    StudioChart chart;
    EXPECT_EQ(chart.kind(), StudioChart::Kind::Empty);
    EXPECT_TRUE(chart.toCsv().isEmpty());
    test::TempDir dir;
    QString error;
    EXPECT_FALSE(chart.exportCsv(QString::fromStdString(dir.path() + "/x.csv"), &error));
    EXPECT_FALSE(error.isEmpty());
    error.clear();
    EXPECT_FALSE(chart.exportPng(QString::fromStdString(dir.path() + "/x.png"), &error));
    EXPECT_FALSE(error.isEmpty());
    EXPECT_FALSE(QFile::exists(QString::fromStdString(dir.path() + "/x.png")));
}

TEST(StudioChart, EmptyStateShowsItsTextInsteadOfAChart)
{
    StudioChart chart;
    chart.setTrend(twoSeries(utcMs(2026, 10, 1), utcMs(2026, 10, 2), utcMs(2026, 10, 3)),
                   definitions::Granularity::Day, QStringLiteral("Interactions"));
    ASSERT_EQ(chart.kind(), StudioChart::Kind::Trend);
    chart.setEmpty(QStringLiteral("No interactions in this range"));
    chart.resize(500, 300);
    chart.show();
    EXPECT_EQ(chart.kind(), StudioChart::Kind::Empty);
    EXPECT_TRUE(chart.toCsv().isEmpty());
    bool shown = false;
    for (QLabel *label : chart.findChildren<QLabel *>())
        if (label->isVisible() && label->text() == QStringLiteral("No interactions in this range")) {
            shown = true;
            EXPECT_EQ(label->textFormat(), Qt::PlainText);
        }
    EXPECT_TRUE(shown);
    EXPECT_FALSE(chart.findChild<QChartView *>()->isVisible());

    // A trend without any bucket is empty too, with a reason.
    chart.setTrend({{QStringLiteral("Checkout"), {}}}, definitions::Granularity::Day,
                   QStringLiteral("People"));
    EXPECT_EQ(chart.kind(), StudioChart::Kind::Empty);
}

TEST(StudioChart, TrendCsvHasOneColumnPerSeriesAndUtcTimes)
{
    StudioChart chart;
    chart.setTrend(twoSeries(utcMs(2026, 10, 1), utcMs(2026, 10, 2), utcMs(2026, 10, 3)),
                   definitions::Granularity::Day, QStringLiteral("Interactions"));
    EXPECT_EQ(chart.kind(), StudioChart::Kind::Trend);
    EXPECT_EQ(chart.toCsv(), QStringLiteral("time,Checkout,\"Sign up, \"\"new\"\"\"\n"
                                            "2026-10-01T00:00:00Z,3,7\n"
                                            "2026-10-02T00:00:00Z,1204,8\n"
                                            "2026-10-03T00:00:00Z,0,9\n"));

    QChart *qchart = chartOf(chart);
    ASSERT_NE(qchart, nullptr);
    ASSERT_EQ(qchart->series().size(), 2);
    auto *line = qobject_cast<QLineSeries *>(qchart->series().at(0));
    ASSERT_NE(line, nullptr);
    ASSERT_EQ(line->count(), 3);
    EXPECT_EQ(line->at(1).y(), 1204.0);
    // The name is shown as text (Qt Charts would render markup in a legend entry).
    EXPECT_EQ(qchart->series().at(1)->name(), QStringLiteral("Sign up, &quot;new&quot;"));
}

TEST(StudioChart, TrendCsvLeavesABucketASeriesLacksEmpty)
{
    StudioChart chart;
    const qint64 h0 = utcMs(2026, 3, 29, 0), h1 = utcMs(2026, 3, 29, 1);
    chart.setTrend({{QStringLiteral("A"), {{h0, 5}}}, {QStringLiteral("B"), {{h0, 1}, {h1, 2}}}},
                   definitions::Granularity::Hour, QStringLiteral("Sessions"));
    EXPECT_EQ(chart.toCsv(), QStringLiteral("time,A,B\n2026-03-29T00:00:00Z,5,1\n2026-03-29T01:00:00Z,,2\n"));
}

TEST(StudioChart, BreakdownCsvKeepsLabelsAndValuesExact)
{
    StudioChart chart;
    const QString longLabel = QStringLiteral("/a/very/long/path/") + QString(300, QLatin1Char('x'));
    chart.setBreakdown(QStringLiteral("Checkout by page path"), {{QStringLiteral("/checkout"), 1'234'567},
                                                                 {QStringLiteral("<b>Buy</b>, now"), 12},
                                                                 {QStringLiteral("line\nbreak"), 3},
                                                                 {longLabel, 2},
                                                                 {QString(), 1}});
    EXPECT_EQ(chart.kind(), StudioChart::Kind::Breakdown);
    EXPECT_EQ(chart.toCsv(), QStringLiteral("label,value\n/checkout,1234567\n\"<b>Buy</b>, now\",12\n"
                                            "\"line\nbreak\",3\n") +
                                 longLabel + QStringLiteral(",2\n,1\n"));

    // On screen the labels are plain text, on one line, cut short; the largest bar on top.
    QChart *qchart = chartOf(chart);
    ASSERT_NE(qchart, nullptr);
    auto *axis = qobject_cast<QBarCategoryAxis *>(qchart->axes(Qt::Vertical).value(0));
    ASSERT_NE(axis, nullptr);
    const QStringList categories = axis->categories();
    ASSERT_EQ(categories.size(), 5);
    EXPECT_EQ(categories.last(), QStringLiteral("/checkout"));
    EXPECT_TRUE(categories.contains(QStringLiteral("&lt;b&gt;Buy&lt;/b&gt;, now")));
    EXPECT_TRUE(categories.contains(QStringLiteral("line break")));
    EXPECT_TRUE(categories.contains(QStringLiteral("(empty)")));
    for (const QString &category : categories)
        EXPECT_LE(category.size(), 60) << category.toStdString();
}

TEST(StudioChart, FunnelCsvHasExactRates)
{
    StudioChart chart;
    chart.setFunnel({{QStringLiteral("View product"), 300, 1.0, 1.0},
                     {QStringLiteral("Add to cart"), 100, 1.0 / 3.0, 1.0 / 3.0},
                     {QStringLiteral("Checkout"), 50, 1.0 / 6.0, 0.5}});
    EXPECT_EQ(chart.kind(), StudioChart::Kind::Funnel);
    EXPECT_EQ(chart.toCsv(), QStringLiteral("step,count,from_start,from_previous\n"
                                            "View product,300,1,1\n"
                                            "Add to cart,100,0.3333333333333333,0.3333333333333333\n"
                                            "Checkout,50,0.16666666666666666,0.5\n"));
    // The conversion from the first step is written under each bar.
    QChart *qchart = chartOf(chart);
    ASSERT_NE(qchart, nullptr);
    auto *axis = qobject_cast<QBarCategoryAxis *>(qchart->axes(Qt::Horizontal).value(0));
    ASSERT_NE(axis, nullptr);
    EXPECT_TRUE(axis->categories().value(2).contains(QStringLiteral("16.7 %")));
    EXPECT_TRUE(axis->categories().value(2).startsWith(QStringLiteral("3. Checkout")));
}

TEST(StudioChart, ExportCsvWritesTheFile)
{
    StudioChart chart;
    chart.setBreakdown(QStringLiteral("Clicks by text"), {{QStringLiteral("Rent now"), 42}});
    test::TempDir dir;
    const QString path = QString::fromStdString(dir.path() + "/breakdown.csv");
    QString error;
    ASSERT_TRUE(chart.exportCsv(path, &error)) << error.toStdString();
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(QString::fromUtf8(file.readAll()), QStringLiteral("label,value\nRent now,42\n"));

    EXPECT_FALSE(chart.exportCsv(QString::fromStdString(dir.path() + "/no/such/dir/x.csv"), &error));
    EXPECT_FALSE(error.isEmpty());
}

TEST(StudioChart, ExportPngOfANeverShownChartIs1200By700)
{
    StudioChart chart;
    chart.setTrend(twoSeries(utcMs(2026, 10, 1), utcMs(2026, 10, 2), utcMs(2026, 10, 3)),
                   definitions::Granularity::Day, QStringLiteral("Interactions"));
    test::TempDir dir;
    const QString path = QString::fromStdString(dir.path() + "/trend.png");
    QString error;
    ASSERT_TRUE(chart.exportPng(path, &error)) << error.toStdString();
    QImage image;
    ASSERT_TRUE(image.load(path, "PNG"));
    EXPECT_EQ(image.size(), QSize(1200, 700));
    EXPECT_GT(colourCount(image), 8); // lines, labels and axes were drawn
}

TEST(StudioChart, ExportPngOfAShownChartHasItsSize)
{
    StudioChart chart;
    chart.setFunnel({{QStringLiteral("View product"), 300, 1.0, 1.0}, {QStringLiteral("Buy"), 30, 0.1, 0.1}});
    chart.resize(640, 400);
    chart.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&chart));
    test::TempDir dir;
    const QString path = QString::fromStdString(dir.path() + "/funnel.png");
    QString error;
    ASSERT_TRUE(chart.exportPng(path, &error)) << error.toStdString();
    QImage image;
    ASSERT_TRUE(image.load(path, "PNG"));
    EXPECT_EQ(image.size(), QSize(640, 400) * chart.devicePixelRatio());
    EXPECT_GT(colourCount(image), 8);
}

TEST(StudioChart, HoveringATrendPointTellsTheExactValueAndBucket)
{
    StudioChart chart;
    chart.setTrend(twoSeries(localMs(2026, 10, 2), localMs(2026, 10, 3), localMs(2026, 10, 4)),
                   definitions::Granularity::Day, QStringLiteral("Interactions"));
    QSignalSpy spy(&chart, &StudioChart::hovered);
    auto *line = qobject_cast<QLineSeries *>(chartOf(chart)->series().at(0));
    ASSERT_NE(line, nullptr);
    emit line->hovered(QPointF(1.2, 900), true); // near the second point
    EXPECT_EQ(chart.hoverText(), QStringLiteral("Checkout: 1,204 on Sat 2026-10-03"));
    ASSERT_EQ(spy.count(), 1);
    EXPECT_EQ(spy.at(0).at(0).toString(), chart.hoverText());

    auto *second = qobject_cast<QLineSeries *>(chartOf(chart)->series().at(1));
    emit second->hovered(QPointF(2.4, 9), true);
    EXPECT_EQ(chart.hoverText(), QStringLiteral("Sign up, \"new\": 9 on Sun 2026-10-04"));

    chart.setTrend({{QStringLiteral("Checkout"), {{localMs(2026, 10, 1), 12}}}},
                   definitions::Granularity::Month, QStringLiteral("People"));
    EXPECT_TRUE(chart.hoverText().isEmpty()); // new data, nothing hovered yet
    emit qobject_cast<QLineSeries *>(chartOf(chart)->series().at(0))->hovered(QPointF(0, 12), true);
    EXPECT_EQ(chart.hoverText(), QStringLiteral("Checkout: 12 in October 2026"));
}

TEST(StudioChart, MovingTheMouseOverAPointShowsItsValue)
{
    StudioChart chart;
    chart.setTrend({{QStringLiteral("Checkout"),
                     {{localMs(2026, 10, 1), 10}, {localMs(2026, 10, 2), 20}, {localMs(2026, 10, 3), 30}}}},
                   definitions::Granularity::Day, QStringLiteral("Interactions"));
    chart.resize(600, 400);
    chart.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&chart));
    auto *view = chart.findChild<QChartView *>();
    QChart *qchart = view->chart();
    auto *line = qobject_cast<QLineSeries *>(qchart->series().at(0));
    const QPointF scenePos = qchart->mapToScene(qchart->mapToPosition(QPointF(1, 20), line));
    const QPoint pos = view->mapFromScene(scenePos);
    QTest::mouseMove(view->viewport(), pos + QPoint(-30, -30));
    QTest::mouseMove(view->viewport(), pos);
    EXPECT_TRUE(QTest::qWaitFor([&] { return !chart.hoverText().isEmpty(); }, 2000));
    EXPECT_EQ(chart.hoverText(), QStringLiteral("Checkout: 20 on Fri 2026-10-02"));
}

TEST(StudioChart, HoveringBarsAndStepsTellsTheirValues)
{
    StudioChart chart;
    chart.setBreakdown(QStringLiteral("Clicks by text"),
                       {{QStringLiteral("Rent now"), 1204}, {QStringLiteral("<i>Buy</i>"), 7}});
    auto *series = qobject_cast<QHorizontalBarSeries *>(chartOf(chart)->series().at(0));
    ASSERT_NE(series, nullptr);
    QBarSet *set = series->barSets().at(0);
    emit set->hovered(true, 1); // bars run upwards: index 1 is the first (largest) bar
    EXPECT_EQ(chart.hoverText(), QStringLiteral("Rent now: 1,204"));
    emit set->hovered(true, 0);
    EXPECT_EQ(chart.hoverText(), QStringLiteral("<i>Buy</i>: 7"));

    chart.setFunnel({{QStringLiteral("View product"), 300, 1.0, 1.0},
                     {QStringLiteral("Add to cart"), 120, 0.4, 0.4},
                     {QStringLiteral("Checkout"), 60, 0.2, 0.5}});
    auto *bars = qobject_cast<QAbstractBarSeries *>(chartOf(chart)->series().at(0));
    ASSERT_NE(bars, nullptr);
    emit bars->barSets().at(0)->hovered(true, 2);
    EXPECT_EQ(chart.hoverText(),
              QStringLiteral("Checkout: 60 (20.0 % of step 1, 50.0 % of the previous step)"));
    emit bars->barSets().at(0)->hovered(true, 0);
    EXPECT_EQ(chart.hoverText(), QStringLiteral("View product: 300 started"));
}

TEST(StudioChart, FollowsTheDarkPaletteAndCompactMode)
{
    StudioChart chart;
    chart.setTrend(twoSeries(utcMs(2026, 10, 1), utcMs(2026, 10, 2), utcMs(2026, 10, 3)),
                   definitions::Granularity::Day, QStringLiteral("Interactions"));
    EXPECT_TRUE(chartOf(chart)->legend()->isVisible());
    EXPECT_TRUE(chartOf(chart)->axes(Qt::Vertical).at(0)->isTitleVisible());

    QPalette dark = chart.palette();
    dark.setColor(QPalette::Base, QColor(30, 30, 30));
    dark.setColor(QPalette::Window, QColor(40, 40, 40));
    dark.setColor(QPalette::Text, QColor(230, 230, 230));
    dark.setColor(QPalette::WindowText, QColor(230, 230, 230));
    chart.setPalette(dark);
    EXPECT_EQ(chartOf(chart)->backgroundBrush().color(), QColor(30, 30, 30));
    EXPECT_EQ(chartOf(chart)->axes(Qt::Vertical).at(0)->labelsBrush().color(), QColor(230, 230, 230));
    EXPECT_GT(qobject_cast<QLineSeries *>(chartOf(chart)->series().at(0))->color().lightness(), 128);

    chart.setCompact(true);
    EXPECT_FALSE(chartOf(chart)->legend()->isVisible());
    EXPECT_FALSE(chartOf(chart)->axes(Qt::Vertical).at(0)->isTitleVisible());
}
