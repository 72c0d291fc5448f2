// The interactions browser: filter chips over a real store, the Elements tab, Define event and
// the detail pane's "Matched by", with the real WorkspaceSession and AnalysisService.
#include "core/definitions/catalog.h"
#include "tests/core/definitions/indextesthelpers.h"
#include "tests/ui/uitesthelpers.h"
#include "ui/common/sharedtimerange.h"
#include "ui/models/elementtablemodel.h"
#include "ui/models/interactiontablemodel.h"
#include "ui/store/analysisservice.h"
#include "ui/store/interactionpage.h"
#include "ui/store/workspacesession.h"
#include "ui/views/elementsview.h"
#include "ui/views/interactiondetailview.h"
#include "ui/views/interactionfilterbar.h"
#include "ui/views/interactionsview.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <gtest/gtest.h>

using namespace hindsight;
using namespace hindsight::ui;
using Kind = InteractionFilterBar::Kind;
using definitions::test::EventSpec;
using definitions::test::kDay;
using definitions::test::kMarch1;

namespace {

constexpr int kWaitMs = 30'000;
const std::string kBuy = R"(button.buy:text="Add to cart";div.card;body)";
const std::string kNav = R"(a.nav:href="/orders"text="Orders";nav;body)";
const std::string kSignup = R"(form:attr_id="signup";main;body)";

/// 30 "Add to cart" clicks by alice on two product pages, 20 "Orders" clicks by bob, 10 signup
/// submits by carol, 15 pageviews; an hour apart, newest last; one definition for the buy button.
class BrowserFixture : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        std::vector<EventSpec> events;
        auto add = [&](int n, std::string type, std::string chain, std::string url, std::string who,
                       std::string session) {
            for (int i = 0; i < n; ++i) {
                EventSpec e;
                e.type = type;
                e.chain = chain;
                e.url = i % 2 == 0 || url.find("product") == std::string::npos ? url : url + "-linen";
                e.distinctId = who;
                e.session = session;
                events.push_back(e);
            }
        };
        add(30, "click", kBuy, "https://shop.example/product/merino", "alice", "s-alice");
        add(20, "click", kNav, "https://shop.example/orders", "bob", "s-bob");
        add(10, "submit", kSignup, "https://shop.example/signup", "carol", "s-carol");
        add(15, "pageview", "", "https://shop.example/", "dave", "s-dave");
        // Interleave them in time, an hour apart.
        for (std::size_t i = 0; i < events.size(); ++i)
            events[(i * 7) % events.size()].ms = kMarch1 + static_cast<std::int64_t>(i) * 3'600'000;
        ts.add(events);
        definitions::Catalog catalog(ts.store());
        definitions::Definition def;
        def.name = "Add to cart clicked";
        definitions::Step step;
        step.eventTypes = {"click"};
        step.selector = "button.buy";
        def.steps = {step};
        ASSERT_TRUE(catalog.create(def, {"test", "", std::nullopt}));

        const QString path = QString::fromStdString(ts.path());
        session.open(path);
        analysis.open(path);
        ASSERT_TRUE(
            QTest::qWaitFor([&] { return session.state() == WorkspaceSession::State::Ready; }, kWaitMs));
        view = std::make_unique<InteractionsView>(&session, &analysis, &range);
        view->resize(1400, 800);
        view->show();
        plainTester = std::make_unique<QAbstractItemModelTester>(session.interactions());
        filtered = view->findChild<InteractionTableModel *>(QStringLiteral("filteredInteractions"));
        ASSERT_NE(filtered, nullptr);
        filteredTester = std::make_unique<QAbstractItemModelTester>(filtered);
        elementTester = std::make_unique<QAbstractItemModelTester>(view->elementsView()->model());
        ASSERT_TRUE(QTest::qWaitFor([&] { return view->table()->model()->rowCount() == 75; }, kWaitMs));
    }

    /// Waits until the filtered table holds `rows` rows and knows its count.
    bool waitFiltered(int rows)
    {
        return QTest::qWaitFor(
            [&] {
                return view->isFiltered() && view->filteredCount() == rows && filtered->rowCount() == rows &&
                       !filtered->isFetching();
            },
            kWaitMs);
    }

    QStringList column(int column) const
    {
        QStringList values;
        const QAbstractItemModel *model = view->table()->model();
        for (int r = 0; r < model->rowCount(); ++r)
            values << model->index(r, column).data().toString();
        return values;
    }

    definitions::test::TestStore ts;
    WorkspaceSession session;
    AnalysisService analysis;
    SharedTimeRange range;
    std::unique_ptr<InteractionsView> view;
    InteractionTableModel *filtered = nullptr;
    std::unique_ptr<QAbstractItemModelTester> plainTester, filteredTester, elementTester;
};

} // namespace

TEST_F(BrowserFixture, FiltersByTypeTextAndSelectorShowTheMatchingRows)
{
    InteractionFilterBar *bar = view->filterBar();
    EXPECT_FALSE(view->isFiltered());
    bar->setChip(Kind::Type, QStringLiteral("submit"));
    ASSERT_TRUE(waitFiltered(10)) << view->summaryText().toStdString();
    for (const QString &type : column(InteractionTableModel::TypeColumn))
        EXPECT_EQ(type, QStringLiteral("submit"));
    EXPECT_TRUE(view->summaryText().startsWith(QStringLiteral("10 matching interactions")))
        << view->summaryText().toStdString();

    bar->setChip(Kind::Type, QStringLiteral("click, submit"));
    ASSERT_TRUE(waitFiltered(60));
    bar->removeChip(Kind::Type);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return !view->isFiltered() && view->table()->model()->rowCount() == 75; }, kWaitMs));

    // Text, typed into the chip.
    bar->setChip(Kind::Text, QString(), true);
    QTest::keyClicks(bar->field(Kind::Text), QStringLiteral("ADD TO"));
    ASSERT_TRUE(waitFiltered(30));
    for (const QString &target : column(InteractionTableModel::TargetColumn))
        EXPECT_EQ(target, QStringLiteral("button.buy \"Add to cart\""));
    bar->removeChip(Kind::Text);

    // Selector, typed: the chip shows its number of matches.
    bar->setChip(Kind::Selector, QString(), true);
    QTest::keyClicks(bar->field(Kind::Selector), QStringLiteral("nav > a"));
    ASSERT_TRUE(waitFiltered(20));
    for (const QString &target : column(InteractionTableModel::TargetColumn))
        EXPECT_EQ(target, QStringLiteral("a.nav \"Orders\""));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return bar->chipStatus(Kind::Selector) == QStringLiteral("20 matches"); }, kWaitMs))
        << bar->chipStatus(Kind::Selector).toStdString();

    // Person: any id of the person; page; session.
    bar->removeChip(Kind::Selector);
    bar->setChip(Kind::Person, QStringLiteral("carol"));
    ASSERT_TRUE(waitFiltered(10));
    bar->removeChip(Kind::Person);
    bar->setChip(Kind::Page, QStringLiteral("/product/*"));
    ASSERT_TRUE(waitFiltered(30));
    bar->setChip(Kind::Page, QStringLiteral("linen"));
    ASSERT_TRUE(waitFiltered(15));
    bar->clearAll();
    bar->setChip(Kind::Session, QStringLiteral("s-bob"));
    ASSERT_TRUE(waitFiltered(20));
    for (const QString &person : column(InteractionTableModel::PersonColumn))
        EXPECT_EQ(person, QStringLiteral("bob"));
}

TEST_F(BrowserFixture, InvalidSelectorShowsTheReasonAndKeepsTheLastValidRows)
{
    InteractionFilterBar *bar = view->filterBar();
    bar->setChip(Kind::Selector, QStringLiteral("form#signup"));
    ASSERT_TRUE(waitFiltered(10)) << view->summaryText().toStdString() << " rows " << filtered->rowCount()
                                  << " selector '" << view->currentFilter().selector << "'";
    QLineEdit *field = bar->field(Kind::Selector);
    field->selectAll();
    QTest::keyClicks(field, QStringLiteral("button[data-x"));
    EXPECT_TRUE(bar->isSelectorInvalid());
    EXPECT_EQ(bar->chipStatus(Kind::Selector), QStringLiteral("invalid"));
    EXPECT_TRUE(bar->message().contains(QStringLiteral("Selector:"))) << bar->message().toStdString();
    EXPECT_TRUE(bar->message().contains(QStringLiteral("position"))) << bar->message().toStdString();
    QTest::qWait(600); // past the typing pause: nothing is applied
    EXPECT_EQ(filtered->rowCount(), 10);
    EXPECT_EQ(view->currentFilter().selector, "form#signup");

    QTest::keyClicks(field, QStringLiteral("]"));
    EXPECT_FALSE(bar->isSelectorInvalid());
    EXPECT_TRUE(bar->message().isEmpty());
    ASSERT_TRUE(QTest::qWaitFor([&] { return view->isFiltered() && view->filteredCount() == 0; }, kWaitMs));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return bar->chipStatus(Kind::Selector) == QStringLiteral("0 matches"); }, kWaitMs));
}

TEST_F(BrowserFixture, ElementsTabGroupsByElement)
{
    view->tabs()->setCurrentIndex(1);
    ElementTableModel *elements = view->elementsView()->model();
    ASSERT_TRUE(QTest::qWaitFor([&] { return elements->hasAnswer() && !elements->isFetching(); }, kWaitMs));
    ASSERT_EQ(elements->rowCount(), 3);
    EXPECT_EQ(elements->index(0, ElementTableModel::ElementColumn).data().toString(),
              QStringLiteral("button.buy \"Add to cart\""));
    EXPECT_EQ(elements->index(0, ElementTableModel::InteractionsColumn).data().toString(),
              QStringLiteral("30"));
    EXPECT_EQ(elements->index(0, ElementTableModel::PeopleColumn).data().toString(), QStringLiteral("1"));
    EXPECT_EQ(elements->index(0, ElementTableModel::PagesColumn).data().toString(), QStringLiteral("2"));
    EXPECT_EQ(elements->index(1, ElementTableModel::ElementColumn).data().toString(),
              QStringLiteral("a.nav \"Orders\""));
    EXPECT_EQ(elements->index(2, ElementTableModel::ElementColumn).data().toString(),
              QStringLiteral("form#signup"));
    const auto spark = elements->index(0, ElementTableModel::TrendColumn)
                           .data(ElementTableModel::SparklineRole)
                           .value<QList<qint64>>();
    ASSERT_EQ(spark.size(), 30);
    qint64 sum = 0;
    for (const qint64 n : spark)
        sum += n;
    EXPECT_EQ(sum, 30); // all within the last 30 days
    EXPECT_TRUE(view->elementsView()->summaryText().startsWith(QStringLiteral("3 distinct elements")));

    // The filter applies to the Elements tab too.
    view->filterBar()->setChip(Kind::Type, QStringLiteral("click"));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return elements->hasAnswer() && !elements->isFetching() && elements->rowCount() == 2; },
        kWaitMs));
    EXPECT_EQ(elements->total(), 2);
}

TEST_F(BrowserFixture, DefineRequestCarriesTheSelectedInteractions)
{
    QSignalSpy define(view.get(), &InteractionsView::defineRequested);
    QTableView *table = view->table();
    const qint64 first = table->model()->index(0, 0).data(Qt::UserRole + 1).toLongLong();
    const qint64 third = table->model()->index(2, 0).data(Qt::UserRole + 1).toLongLong();
    table->selectionModel()->select(table->model()->index(0, 0),
                                    QItemSelectionModel::Select | QItemSelectionModel::Rows);
    table->selectionModel()->select(table->model()->index(2, 0),
                                    QItemSelectionModel::Select | QItemSelectionModel::Rows);
    table->setFocus();
    QTest::keyClick(table, Qt::Key_D);
    ASSERT_EQ(define.size(), 1);
    EXPECT_EQ(define.takeFirst().at(0).value<QVector<qint64>>(), (QVector<qint64>{first, third}));

    // From the Elements tab: the newest interaction of each selected element.
    view->tabs()->setCurrentIndex(1);
    ElementsView *elementsView = view->elementsView();
    ElementTableModel *elements = elementsView->model();
    ASSERT_TRUE(QTest::qWaitFor([&] { return elements->rowCount() == 3; }, kWaitMs));
    QTableView *elementTable = elementsView->table();
    elementTable->selectionModel()->select(elements->index(1, 0),
                                           QItemSelectionModel::Select | QItemSelectionModel::Rows);
    elementTable->selectionModel()->select(elements->index(2, 0),
                                           QItemSelectionModel::Select | QItemSelectionModel::Rows);
    ASSERT_TRUE(elementsView->defineButton()->isEnabled());
    QTest::mouseClick(elementsView->defineButton(), Qt::LeftButton);
    ASSERT_EQ(define.size(), 1);
    const auto ids = define.takeFirst().at(0).value<QVector<qint64>>();
    ASSERT_EQ(ids.size(), 2);
    // Each is the newest interaction with that element: the newest "Orders" click and signup.
    auto newestWith = [&](const QString &target) {
        const InteractionTableModel *plain = session.interactions();
        for (int r = 0; r < plain->rowCount(); ++r)
            if (plain->index(r, InteractionTableModel::TargetColumn).data().toString() == target)
                return plain->rowAt(r)->id;
        return qint64(0);
    };
    EXPECT_EQ(ids[0], newestWith(QStringLiteral("a.nav \"Orders\"")));
    EXPECT_EQ(ids[1], newestWith(QStringLiteral("form#signup")));

    // D on the elements table does the same.
    elementTable->setFocus();
    QTest::keyClick(elementTable, Qt::Key_D);
    ASSERT_EQ(define.size(), 1);
    EXPECT_EQ(define.takeFirst().at(0).value<QVector<qint64>>(), ids);
}

TEST(InteractionBrowserModel, FilteredTableStaysBounded)
{
    InteractionTableModel model;
    QAbstractItemModelTester tester(&model);
    model.setMaxRows(5);
    model.setPageSize(3);
    QSignalSpy wanted(&model, &InteractionTableModel::olderRowsWanted);
    model.reset(true);
    qint64 next = 1000;
    for (int page = 0; page < 4; ++page) {
        if (model.canFetchMore({})) model.fetchMore({}); // (the tester may have asked already)
        if (wanted.isEmpty()) break;
        const QList<QVariant> args = wanted.takeLast();
        InteractionPage answer;
        answer.generation = args.at(0).toULongLong();
        answer.anchorId = args.at(1).toLongLong();
        answer.limit = args.at(2).toInt();
        for (int i = 0; i < answer.limit; ++i) {
            InteractionRow row;
            row.id = next--;
            answer.rows.push_back(row);
        }
        model.acceptPage(answer);
    }
    EXPECT_TRUE(model.isFull());
    EXPECT_FALSE(model.canFetchMore({}));
    EXPECT_EQ(model.rowCount(), 5);
}

TEST_F(BrowserFixture, DetailPaneListsMatchingDefinitionsAndDefinesFromThis)
{
    QSignalSpy activated(view.get(), &InteractionsView::definitionActivated);
    QSignalSpy define(view.get(), &InteractionsView::defineRequested);
    view->filterBar()->setChip(Kind::Text, QStringLiteral("add to cart"));
    ASSERT_TRUE(waitFiltered(30));
    view->table()->setCurrentIndex(view->table()->model()->index(0, 0));
    InteractionDetailView *detail = view->detailView();
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return detail->hasDetail() && !detail->matchedNames().isEmpty(); }, kWaitMs))
        << detail->matchesText().toStdString();
    EXPECT_EQ(detail->matchedNames(), QStringList{QStringLiteral("Add to cart clicked")});
    auto *link = detail->findChild<QToolButton *>(QStringLiteral("matchedDefinition"));
    ASSERT_NE(link, nullptr);
    QTest::mouseClick(link, Qt::LeftButton);
    ASSERT_EQ(activated.size(), 1);
    EXPECT_EQ(activated.takeFirst().at(0).toString(), QStringLiteral("Add to cart clicked"));
    QTest::mouseClick(detail->defineButton(), Qt::LeftButton);
    ASSERT_EQ(define.size(), 1);
    EXPECT_EQ(define.takeFirst().at(0).value<QVector<qint64>>(), QVector<qint64>{detail->shownId()});

    // A signup submit: no definition matches it.
    view->filterBar()->setChip(Kind::Text, QString());
    view->filterBar()->removeChip(Kind::Text);
    view->filterBar()->setChip(Kind::Type, QStringLiteral("submit"));
    ASSERT_TRUE(waitFiltered(10));
    view->table()->setCurrentIndex(view->table()->model()->index(0, 0));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return detail->matchesText().startsWith(QStringLiteral("No definition matches")); }, kWaitMs))
        << detail->matchesText().toStdString();
    EXPECT_TRUE(detail->matchedNames().isEmpty());
}

TEST_F(BrowserFixture, SharedTimeRangeFiltersTheTable)
{
    // The last 24 hours of the data: the newest 24 interactions (one an hour, newest included).
    range.setNewestMs(kMarch1 + 74 * 3'600'000LL);
    StudioTimeRange value;
    value.preset = StudioTimeRange::Preset::Custom;
    value.customFromMs = kMarch1 + 51 * 3'600'000LL;
    value.customToMs = kMarch1 + 75 * 3'600'000LL;
    range.setValue(value);
    ASSERT_TRUE(waitFiltered(24)) << view->summaryText().toStdString();
    value.preset = StudioTimeRange::Preset::All;
    range.setValue(value);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return !view->isFiltered() && view->table()->model()->rowCount() == 75; }, kWaitMs));
}
