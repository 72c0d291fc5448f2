#include "ui/models/interactiontablemodel.h"

#include "tests/support/tempdir.h"
#include "tests/ui/uitesthelpers.h"
#include "ui/common/humanformat.h"
#include "ui/models/interactionroles.h"
#include "ui/store/workspacesession.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <gtest/gtest.h>

using namespace hindsight;
using ui::InteractionPage;
using ui::InteractionRow;
using ui::InteractionTableModel;
using ui::WorkspaceSession;

namespace {

constexpr int kWaitMs = 10'000;

InteractionRow row(qint64 id)
{
    InteractionRow r;
    r.id = id;
    r.uuid = QStringLiteral("uuid-%1").arg(id);
    r.timestampMs = id;
    r.type = QStringLiteral("click");
    r.targetSelector = QStringLiteral("button#b%1").arg(id);
    return r;
}

InteractionPage page(InteractionPage::Kind kind, quint64 generation, qint64 anchor, int limit,
                     std::initializer_list<qint64> ids)
{
    InteractionPage p;
    p.kind = kind;
    p.generation = generation;
    p.anchorId = anchor;
    p.limit = limit;
    for (qint64 id : ids)
        p.rows.push_back(row(id));
    return p;
}

/// Makes sure the next page has been asked for, as a view would (the model tester itself
/// calls fetchMore() after each change, so the request may already be out).
void requestNext(InteractionTableModel &model)
{
    if (model.canFetchMore({})) model.fetchMore({});
    EXPECT_TRUE(model.isFetching());
}

std::vector<qint64> idsOf(const InteractionTableModel &model)
{
    std::vector<qint64> ids;
    for (int r = 0; r < model.rowCount(); ++r)
        ids.push_back(model.index(r, 0).data(ui::InteractionRole::Id).toLongLong());
    return ids;
}

} // namespace

TEST(InteractionTableModel, PagesBackwardsByIdAndDropsAnswersThatNoLongerFit)
{
    InteractionTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy older(&model, &InteractionTableModel::olderRowsWanted);
    model.setPageSize(3);
    EXPECT_FALSE(model.canFetchMore({})) << "nothing is fetched before a workspace is open";

    model.reset(true);
    requestNext(model);
    ASSERT_EQ(older.size(), 1);
    EXPECT_EQ(older[0][1].toLongLong(), 0) << "the first page starts at the newest interaction";
    EXPECT_FALSE(model.canFetchMore({})) << "one request at a time";
    const quint64 generation = model.generation();

    model.acceptPage(page(InteractionPage::Kind::Older, generation, 0, 3, {90, 80, 70}));
    EXPECT_EQ(idsOf(model), (std::vector<qint64>{90, 80, 70}));
    requestNext(model);
    EXPECT_EQ(older.last()[1].toLongLong(), 70) << "the next page is cut by the oldest id held";
    EXPECT_EQ(older.size(), 2) << "and asked for once";

    // An answer from before a reset is dropped.
    model.acceptPage(page(InteractionPage::Kind::Older, generation - 1, 70, 3, {1, 2, 3}));
    EXPECT_EQ(model.rowCount(), 3);
    // A short page means the oldest interaction has been reached.
    model.acceptPage(page(InteractionPage::Kind::Older, generation, 70, 3, {60}));
    EXPECT_EQ(idsOf(model), (std::vector<qint64>{90, 80, 70, 60}));
    EXPECT_TRUE(model.reachedEnd());
    EXPECT_FALSE(model.canFetchMore({}));
    EXPECT_EQ(model.rowOfId(70), 2);
    EXPECT_EQ(model.rowOfId(75), -1);
}

TEST(InteractionTableModel, NewerRowsArePrependedOrRestartTheTable)
{
    InteractionTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy newer(&model, &InteractionTableModel::newerRowsWanted);
    model.setPageSize(3);
    model.reset(true);
    model.fetchMore({});
    model.acceptPage(page(InteractionPage::Kind::Older, model.generation(), 0, 3, {90, 80, 70}));

    QSignalSpy older(&model, &InteractionTableModel::olderRowsWanted);
    model.refreshNewest();
    ASSERT_EQ(newer.size(), 1);
    EXPECT_EQ(newer[0][1].toLongLong(), 90); // after the newest held
    EXPECT_EQ(newer[0][2].toLongLong(), 70); // oldest held
    EXPECT_EQ(newer[0][3].toInt(), 3);       // rows held
    model.acceptPage(page(InteractionPage::Kind::Newer, model.generation(), 90, 3, {100, 95}));
    EXPECT_EQ(idsOf(model), (std::vector<qint64>{100, 95, 90, 80, 70}));

    // More new rows than a page: the table starts again from the newest page.
    model.refreshNewest();
    auto restart = page(InteractionPage::Kind::Newer, model.generation(), 100, 3, {130, 120, 110});
    restart.restart = true;
    const quint64 before = model.generation();
    model.acceptPage(restart);
    EXPECT_EQ(idsOf(model), (std::vector<qint64>{130, 120, 110}));
    EXPECT_GT(model.generation(), before);
    EXPECT_FALSE(model.reachedEnd());
    requestNext(model);
    EXPECT_EQ(older.last()[0].toULongLong(), model.generation());
    EXPECT_EQ(older.last()[1].toLongLong(), 110) << "further pages continue below the new first page";
}

TEST(InteractionTableModel, ShowsAStoreThroughTheWorkerUnderTheModelTester)
{
    test::TempDir dir;
    const std::string path = dir.file("model.hindsight");
    ASSERT_TRUE(test::writeInteractions(path, 450));

    WorkspaceSession session;
    InteractionTableModel *model = session.interactions();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    session.open(QString::fromStdString(path));
    ASSERT_TRUE(QTest::qWaitFor([&] { return session.state() == WorkspaceSession::State::Ready; }, kWaitMs));
    EXPECT_EQ(session.stats().interactions, 450);

    // Fetch page after page, as a scrolling view would, until the oldest interaction.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            if (model->canFetchMore({})) model->fetchMore({});
            return model->reachedEnd() && !model->isFetching();
        },
        kWaitMs));
    ASSERT_EQ(model->rowCount(), 450);
    EXPECT_EQ(model->columnCount(), InteractionTableModel::ColumnCount);
    for (int r = 1; r < model->rowCount(); ++r)
        ASSERT_GT(model->rowAt(r - 1)->id, model->rowAt(r)->id) << "newest first at row " << r;

    // Row 0 is the newest interaction: index 449, a click.
    const InteractionRow *newest = model->rowAt(0);
    EXPECT_EQ(newest->uuid.toStdString(), test::interactionUuid(449));
    EXPECT_EQ(model->index(0, InteractionTableModel::TimeColumn).data().toString(),
              ui::formatLocalDateTime(test::kNewestMs));
    EXPECT_TRUE(model->index(0, InteractionTableModel::TimeColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("Z (UTC)")));
    EXPECT_EQ(model->index(0, InteractionTableModel::TypeColumn).data().toString(), QStringLiteral("click"));
    EXPECT_EQ(model->index(0, InteractionTableModel::PageColumn).data().toString(),
              QStringLiteral("/rent/449"));
    EXPECT_EQ(model->index(0, InteractionTableModel::TargetColumn)
                  .data(ui::InteractionRole::TargetSelector)
                  .toString(),
              QStringLiteral("button#rent-now.btn"));
    EXPECT_EQ(
        model->index(0, InteractionTableModel::TargetColumn).data(ui::InteractionRole::TargetText).toString(),
        QStringLiteral("\"Rent now 449\""));
    EXPECT_EQ(model->index(0, InteractionTableModel::TargetColumn).data().toString(),
              QStringLiteral("button#rent-now.btn \"Rent now 449\""));
    EXPECT_EQ(model->index(0, InteractionTableModel::PersonColumn).data().toString(),
              QStringLiteral("person-1"));
    EXPECT_EQ(model->index(0, InteractionTableModel::SessionColumn).data().toString(),
              QStringLiteral("session-9"));
    // Row 9 is interaction 440: a pageview, no target.
    EXPECT_EQ(model->index(9, InteractionTableModel::TypeColumn).data().toString(),
              QStringLiteral("pageview"));
    EXPECT_TRUE(model->index(9, InteractionTableModel::TargetColumn).data().toString().isEmpty());
}

TEST(InteractionTableModel, HoldsAtMostTheNewestMaxRows)
{
    InteractionTableModel model;
    constexpr int kPage = 50'000;
    model.setPageSize(kPage);
    model.reset(true);
    qint64 nextId = 10'000'000;
    while (model.canFetchMore({})) {
        const qint64 anchor = model.rowCount() == 0 ? 0 : model.rowAt(model.rowCount() - 1)->id;
        model.fetchMore({});
        InteractionPage p;
        p.kind = InteractionPage::Kind::Older;
        p.generation = model.generation();
        p.anchorId = anchor;
        p.limit = kPage;
        for (int i = 0; i < kPage; ++i)
            p.rows.push_back(row(nextId--));
        model.acceptPage(p);
        ASSERT_LE(model.rowCount(), InteractionTableModel::kMaxRows);
    }
    EXPECT_EQ(model.rowCount(), InteractionTableModel::kMaxRows);
    EXPECT_TRUE(model.isFull());
    EXPECT_FALSE(model.reachedEnd()) << "older interactions exist; the table just does not hold them";

    // Live rows still arrive at the top; the oldest held make room.
    model.refreshNewest();
    model.acceptPage(
        page(InteractionPage::Kind::Newer, model.generation(), 10'000'000, kPage, {20'000'002, 20'000'001}));
    EXPECT_EQ(model.rowCount(), InteractionTableModel::kMaxRows);
    EXPECT_EQ(model.rowAt(0)->id, 20'000'002);
    const qint64 oldestBefore = 10'000'000 - InteractionTableModel::kMaxRows + 1;
    EXPECT_EQ(model.rowAt(model.rowCount() - 1)->id, oldestBefore + 2) << "the two oldest were dropped";
}
