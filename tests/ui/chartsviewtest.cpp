#include "ui/views/chartsview.h"

#include "core/definitions/answers.h"
#include "core/definitions/funnel.h"
#include "core/demo/demoworkspace.h"
#include "core/store/store.h"
#include "tests/support/tempdir.h"
#include "tests/ui/uitesthelpers.h"
#include "ui/common/sharedtimerange.h"
#include "ui/store/analysiscontext.h"
#include "ui/store/analysisservice.h"

#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QTest>
#include <QTimeZone>
#include <QToolButton>
#include <gtest/gtest.h>

using namespace hindsight;
using namespace hindsight::ui;

namespace {

const QString kView = QStringLiteral("Product - View Page");
const QString kAdd = QStringLiteral("Cart - Add Item");
const QString kCheckout = QStringLiteral("Cart - Click Checkout");

/// A small demo workspace (its interactions and its 20 messy definitions), built once.
class ChartsViewTest : public ::testing::Test
{
  protected:
    static void SetUpTestSuite()
    {
        s_dir = new test::TempDir;
        s_path = s_dir->file("demo.hindsight");
        std::string error;
        auto store = store::Store::open(s_path, store::Store::OpenMode::CreateIfMissing, &error);
        ASSERT_TRUE(store) << error;
        demo::DemoOptions options;
        options.interactions = 20'000;
        options.days = 30;
        const demo::DemoBuildResult built = demo::buildDemoWorkspace(*store, options);
        ASSERT_TRUE(built.error.empty()) << built.error;
        ASSERT_GT(built.definitions, 10);
    }
    static void TearDownTestSuite()
    {
        delete s_dir;
        s_dir = nullptr;
    }

    void SetUp() override
    {
        analysis.open(QString::fromStdString(s_path));
        view = std::make_unique<ChartsView>(&analysis, &range);
        view->resize(1100, 650);
        ASSERT_TRUE(QTest::qWaitFor([&] { return !view->availableDefinitions().isEmpty(); }, 30'000));
    }

    /// Waits until the view has shown a chart (or an empty state) for the current settings.
    void settle()
    {
        ASSERT_TRUE(QTest::qWaitFor([&] { return !view->isBusy(); }, 60'000));
    }

    /// Runs `work` on the analysis thread (as the view's jobs do) and waits for its answer.
    template <typename Result, typename Work> Result ask(Work work)
    {
        bool done = false;
        Result out{};
        analysis.run<Result>(QStringLiteral("test"), view.get(), work, [&](const Result &r) {
            out = r;
            done = true;
        });
        EXPECT_TRUE(QTest::qWaitFor([&] { return done; }, 60'000));
        return out;
    }

    definitions::Totals totalsOf(const QString &name, const definitions::TimeRange &within = {})
    {
        return ask<definitions::Totals>([name, within](AnalysisContext &ctx) {
            for (const definitions::Definition &d : ctx.definitions())
                if (d.name == name.toStdString()) {
                    const auto compiled = ctx.compile(d);
                    if (compiled) return definitions::totals(*ctx.index(), *compiled, within);
                }
            return definitions::Totals{-1, -1, -1};
        });
    }

    /// The chart's CSV as rows of fields (the demo's names and values hold no commas or quotes).
    std::vector<QStringList> csvRows()
    {
        std::vector<QStringList> rows;
        for (const QString &line : view->chart()->toCsv().split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            rows.push_back(line.split(QLatin1Char(',')));
        return rows;
    }

    template <typename T> T *child(const char *name)
    {
        return view->findChild<T *>(QString::fromLatin1(name));
    }

    QString emptyText()
    {
        for (QLabel *label : view->chart()->findChildren<QLabel *>())
            if (label->isVisibleTo(view->chart())) return label->text();
        return {};
    }

    static test::TempDir *s_dir;
    static std::string s_path;
    AnalysisService analysis;
    SharedTimeRange range;
    std::unique_ptr<ChartsView> view;
};

test::TempDir *ChartsViewTest::s_dir = nullptr;
std::string ChartsViewTest::s_path;

} // namespace

TEST_F(ChartsViewTest, SaysWhatToDoBeforeAnythingIsPicked)
{
    settle();
    EXPECT_EQ(view->chart()->kind(), StudioChart::Kind::Empty);
    EXPECT_EQ(emptyText(), QStringLiteral("Pick one or more definitions to chart"));
    EXPECT_FALSE(child<QWidget>("exportPng")->isEnabled());
    EXPECT_TRUE(view->availableDefinitions().contains(kView));

    // The list offers every definition; the filter narrows it.
    auto *list = child<QListWidget>("definitionList");
    ASSERT_NE(list, nullptr);
    EXPECT_EQ(list->count(), view->availableDefinitions().size());
    child<QLineEdit>("definitionSearch")->setText(QStringLiteral("cart -"));
    EXPECT_EQ(list->count(), 2); // "Cart - Add Item", "Cart - Click Checkout"

    view->setMode(ChartsView::Mode::Funnel);
    view->showDefinitions({kView});
    view->setMode(ChartsView::Mode::Funnel);
    settle();
    EXPECT_EQ(emptyText(), QStringLiteral("Pick two or more definitions for the funnel's steps, in order"));
}

TEST_F(ChartsViewTest, TrendOfTwoDefinitionsHasTwoSeriesWithTheCoreTotals)
{
    view->showDefinitions({kView, kAdd});
    settle();
    ASSERT_EQ(view->chart()->kind(), StudioChart::Kind::Trend);
    const std::vector<QStringList> rows = csvRows();
    ASSERT_GT(rows.size(), 20u); // 30 days of data per day ("Automatic" picks days for 30 days)
    EXPECT_EQ(rows[0], (QStringList{QStringLiteral("time"), kView, kAdd}));
    qint64 sums[2] = {0, 0};
    for (std::size_t r = 1; r < rows.size(); ++r) {
        ASSERT_EQ(rows[r].size(), 3);
        EXPECT_TRUE(QDateTime::fromString(rows[r][0], Qt::ISODate).isValid()) << rows[r][0].toStdString();
        sums[0] += rows[r][1].toLongLong();
        sums[1] += rows[r][2].toLongLong();
    }
    const definitions::Totals view0 = totalsOf(kView), add = totalsOf(kAdd);
    EXPECT_GT(view0.count, 0);
    EXPECT_GT(add.count, 0);
    EXPECT_EQ(sums[0], view0.count);
    EXPECT_EQ(sums[1], add.count);
    EXPECT_TRUE(child<QComboBox>("granularity")->itemText(0).contains(QStringLiteral("Day")));

    // Unticking one leaves one line.
    auto *list = child<QListWidget>("definitionList");
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->data(Qt::UserRole).toString() == kAdd) list->item(i)->setCheckState(Qt::Unchecked);
    settle();
    EXPECT_EQ(view->pickedDefinitions(), QStringList{kView});
    EXPECT_EQ(csvRows().front(), (QStringList{QStringLiteral("time"), kView}));
}

TEST_F(ChartsViewTest, PeopleAndSessionsPerBucketAreDistinctCounts)
{
    // One local day of the demo: its single day bucket holds that day's distinct people.
    range.setNewestMs(demo::DemoGenerator::kDefaultEndMs);
    const QDate day = QDateTime::fromMSecsSinceEpoch(demo::DemoGenerator::kDefaultEndMs).date().addDays(-3);
    StudioTimeRange custom;
    custom.preset = StudioTimeRange::Preset::Custom;
    custom.customFromMs = day.startOfDay().toMSecsSinceEpoch();
    custom.customToMs = day.addDays(1).startOfDay().toMSecsSinceEpoch();
    range.setValue(custom);
    auto *granularity = child<QComboBox>("granularity");
    granularity->setCurrentIndex(granularity->findData(static_cast<int>(definitions::Granularity::Day)));
    auto *measure = child<QComboBox>("measure");
    measure->setCurrentIndex(measure->findText(QStringLiteral("People")));
    view->showDefinitions({kView});
    settle();
    ASSERT_EQ(view->chart()->kind(), StudioChart::Kind::Trend);
    const definitions::Totals dayTotals = totalsOf(kView, range.resolved());
    ASSERT_GT(dayTotals.people, 0);
    std::vector<QStringList> rows = csvRows();
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[1][1].toLongLong(), dayTotals.people);
    EXPECT_LT(dayTotals.people, dayTotals.count);

    measure->setCurrentIndex(measure->findText(QStringLiteral("Sessions")));
    settle();
    rows = csvRows();
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[1][1].toLongLong(), dayTotals.sessions);

    // Per hour, no bucket has more people than interactions and they add up to at least the day's.
    measure->setCurrentIndex(measure->findText(QStringLiteral("People")));
    granularity->setCurrentIndex(granularity->findData(static_cast<int>(definitions::Granularity::Hour)));
    settle();
    rows = csvRows();
    ASSERT_EQ(rows.size(), 25u); // 24 hours (no DST change three days before Nov 1 in most zones)
    qint64 sum = 0;
    for (std::size_t r = 1; r < rows.size(); ++r)
        sum += rows[r][1].toLongLong();
    EXPECT_GE(sum, dayTotals.people);
    EXPECT_LE(sum, dayTotals.count);
}

TEST_F(ChartsViewTest, BreakdownOfOneDefinitionByPageAndText)
{
    view->showDefinitions({kAdd});
    view->setMode(ChartsView::Mode::Breakdown);
    settle();
    ASSERT_EQ(view->chart()->kind(), StudioChart::Kind::Breakdown);
    std::vector<QStringList> rows = csvRows();
    ASSERT_GT(rows.size(), 1u);
    EXPECT_EQ(rows[0], (QStringList{QStringLiteral("label"), QStringLiteral("value")}));
    qint64 sum = 0, previous = std::numeric_limits<qint64>::max();
    for (std::size_t r = 1; r < rows.size(); ++r) {
        EXPECT_TRUE(rows[r][0].startsWith(QLatin1Char('/'))) << rows[r][0].toStdString();
        const qint64 value = rows[r][1].toLongLong();
        EXPECT_LE(value, previous); // largest first
        previous = value;
        sum += value;
    }
    const definitions::Totals add = totalsOf(kAdd);
    EXPECT_LE(sum, add.count);
    if (rows.size() < 21) {
        EXPECT_EQ(sum, add.count); // every path shown
    }

    auto *by = child<QComboBox>("breakdownBy");
    by->setCurrentIndex(by->findText(QStringLiteral("Element text")));
    settle();
    rows = csvRows();
    ASSERT_GT(rows.size(), 1u);
    EXPECT_TRUE(rows[1][0].contains(QStringLiteral("Add to cart"), Qt::CaseInsensitive))
        << rows[1][0].toStdString();

    by->setCurrentIndex(by->findText(QStringLiteral("Property")));
    settle();
    EXPECT_EQ(emptyText(), QStringLiteral("Type the property key to break down by"));
}

TEST_F(ChartsViewTest, FunnelWithinASessionShowsConversionAndFollowsTheStepOrder)
{
    view->showDefinitions({kView, kAdd, kCheckout});
    view->setMode(ChartsView::Mode::Funnel);
    settle();
    ASSERT_EQ(view->chart()->kind(), StudioChart::Kind::Funnel);
    std::vector<QStringList> rows = csvRows();
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[0], (QStringList{QStringLiteral("step"), QStringLiteral("count"),
                                    QStringLiteral("from_start"), QStringLiteral("from_previous")}));
    EXPECT_EQ(rows[1][0], kView);
    EXPECT_EQ(rows[3][0], kCheckout);
    const qint64 first = rows[1][1].toLongLong(), second = rows[2][1].toLongLong(),
                 third = rows[3][1].toLongLong();
    EXPECT_GT(first, 0);
    EXPECT_GT(second, 0);
    EXPECT_LE(second, first);
    EXPECT_LE(third, second);
    EXPECT_EQ(rows[1][2], QStringLiteral("1"));
    EXPECT_DOUBLE_EQ(rows[2][2].toDouble(), static_cast<double>(second) / static_cast<double>(first));
    EXPECT_DOUBLE_EQ(rows[3][3].toDouble(), static_cast<double>(third) / static_cast<double>(second));
    // Nobody can enter step 1 more than there are people who viewed a product.
    EXPECT_LE(first, totalsOf(kView).people);

    // The same funnel straight from the core.
    const auto expected = ask<std::vector<std::int64_t>>([](AnalysisContext &ctx) {
        std::vector<definitions::CompiledDefinition> compiled;
        for (const QString &name : {kView, kAdd, kCheckout})
            for (const definitions::Definition &d : ctx.definitions())
                if (d.name == name.toStdString()) compiled.push_back(*ctx.compile(d));
        std::vector<const definitions::CompiledDefinition *> steps;
        for (const auto &c : compiled)
            steps.push_back(&c);
        std::vector<std::int64_t> entered;
        if (steps.size() != 3) return entered;
        const auto result = definitions::funnel(*ctx.index(), steps, {});
        if (!result) return entered;
        for (const auto &step : result->steps)
            entered.push_back(step.entered);
        return entered;
    });
    EXPECT_EQ(expected, (std::vector<std::int64_t>{first, second, third}));

    // Moving "Cart - Click Checkout" up one step reorders the funnel.
    auto *steps = child<QListWidget>("stepList");
    ASSERT_NE(steps, nullptr);
    EXPECT_TRUE(steps->isVisibleTo(view.get()));
    steps->setCurrentRow(2);
    auto buttons = view->findChildren<QToolButton *>();
    QToolButton *up = nullptr;
    for (QToolButton *b : buttons)
        if (b->accessibleName() == QStringLiteral("Move step up")) up = b;
    ASSERT_NE(up, nullptr);
    ASSERT_TRUE(up->isEnabled());
    up->click();
    settle();
    EXPECT_EQ(view->pickedDefinitions(), (QStringList{kView, kCheckout, kAdd}));
    rows = csvRows();
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[2][0], kCheckout);
    EXPECT_EQ(rows[3][0], kAdd);
}

TEST_F(ChartsViewTest, ExportAChart)
{
    view->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(view.get()));
    view->showDefinitions({kView, kAdd});
    settle();
    ASSERT_EQ(view->chart()->kind(), StudioChart::Kind::Trend);
    EXPECT_TRUE(child<QWidget>("exportPng")->isEnabled());
    EXPECT_TRUE(child<QWidget>("exportCsv")->isEnabled());

    test::TempDir dir;
    const QString csvPath = QString::fromStdString(dir.file("trend.csv"));
    const QString pngPath = QString::fromStdString(dir.file("trend.png"));
    QString error;
    ASSERT_TRUE(view->exportCsv(csvPath, &error)) << error.toStdString();
    ASSERT_TRUE(view->exportPng(pngPath, &error)) << error.toStdString();

    QFile csv(csvPath);
    ASSERT_TRUE(csv.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(csv.readAll());
    EXPECT_EQ(text, view->chart()->toCsv());
    EXPECT_TRUE(text.startsWith(QStringLiteral("time,Product - View Page,Cart - Add Item\n")));

    QImage image;
    ASSERT_TRUE(image.load(pngPath, "PNG"));
    EXPECT_EQ(image.size(), view->chart()->size() * view->chart()->devicePixelRatio());
    EXPECT_GT(image.width(), 500);

    // Nothing picked: nothing to export, and the buttons say so by being disabled.
    view->showDefinitions({});
    settle();
    EXPECT_FALSE(child<QWidget>("exportCsv")->isEnabled());
    EXPECT_FALSE(view->exportCsv(QString::fromStdString(dir.file("none.csv")), &error));
    EXPECT_FALSE(error.isEmpty());
}
