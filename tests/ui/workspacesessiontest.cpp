#include "ui/store/workspacesession.h"

#include "core/demo/demogenerator.h"
#include "tests/support/tempdir.h"
#include "tests/ui/uitesthelpers.h"
#include "ui/models/interactiontablemodel.h"

#include <QSignalSpy>
#include <QTest>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

using namespace hindsight;
using ui::JobResult;
using ui::WorkspaceSession;

namespace {

constexpr int kWaitMs = 30'000;

std::string demoNdjson(std::int64_t interactions)
{
    demo::DemoOptions options;
    options.interactions = interactions;
    options.days = 2;
    std::ostringstream out;
    demo::DemoGenerator(options).writePostHogNdjson(out);
    return out.str();
}

JobResult waitForJob(WorkspaceSession &session, QSignalSpy &finished)
{
    EXPECT_TRUE(QTest::qWaitFor([&] { return finished.size() > 0; }, 120'000));
    if (finished.isEmpty()) return {};
    EXPECT_FALSE(session.isJobRunning());
    return finished.takeFirst().at(0).value<JobResult>();
}

} // namespace

TEST(WorkspaceSession, ImportsIntoAMissingWorkspaceWithProgressAndThenShowsIt)
{
    test::TempDir dir;
    const std::string events = dir.write("events.ndjson", demoNdjson(2'500));
    const QString path = QString::fromStdString(dir.file("fresh.hindsight"));

    WorkspaceSession session;
    session.setPollInterval(100);
    session.open(path);
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return session.state() == WorkspaceSession::State::Missing; }, kWaitMs));
    ASSERT_TRUE(session.canStartJob());

    QSignalSpy started(&session, &WorkspaceSession::jobStarted);
    QSignalSpy progress(&session, &WorkspaceSession::jobProgress);
    QSignalSpy finished(&session, &WorkspaceSession::jobFinished);
    session.importFiles({QString::fromStdString(events)});
    EXPECT_EQ(started.size(), 1);
    EXPECT_FALSE(session.canStartJob()) << "one job at a time";
    const JobResult result = waitForJob(session, finished);
    EXPECT_TRUE(result.ok()) << result.error.toStdString();
    EXPECT_EQ(result.kind, JobResult::Kind::Import);
    EXPECT_EQ(result.stored, 2'500);
    EXPECT_EQ(result.files, 1);
    EXPECT_FALSE(progress.isEmpty());
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return session.state() == WorkspaceSession::State::Ready && session.stats().interactions == 2'500;
        },
        kWaitMs));
    EXPECT_GT(session.stats().people, 0);
    EXPECT_GT(session.stats().fileBytes, 0);
    EXPECT_TRUE(session.stats().hasRange);

    // Importing the same file again stores nothing new.
    session.importFiles({QString::fromStdString(events)});
    const JobResult again = waitForJob(session, finished);
    EXPECT_EQ(again.stored, 0);
    EXPECT_EQ(again.duplicates, 2'500);
}

TEST(WorkspaceSession, ReportsRefusedLinesWithTheirPlace)
{
    test::TempDir dir;
    std::string text = demoNdjson(20);
    text += "{not json\n";
    const std::string events = dir.write("broken.ndjson", text);
    WorkspaceSession session;
    session.open(QString::fromStdString(dir.file("w.hindsight")));
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return session.state() == WorkspaceSession::State::Missing; }, kWaitMs));
    QSignalSpy finished(&session, &WorkspaceSession::jobFinished);
    session.importFiles({QString::fromStdString(events)});
    const JobResult result = waitForJob(session, finished);
    EXPECT_EQ(result.stored, 20);
    EXPECT_EQ(result.rejected, 1);
    ASSERT_EQ(result.issues.size(), 1);
    EXPECT_TRUE(result.issues.front().startsWith(QStringLiteral("broken.ndjson, line 21:")))
        << result.issues.front().toStdString();
}

TEST(WorkspaceSession, ACancelledDemoStopsEarlyAndKeepsWhatWasWritten)
{
    test::TempDir dir;
    WorkspaceSession session;
    session.open(QString::fromStdString(dir.file("demo.hindsight")));
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return session.state() == WorkspaceSession::State::Missing; }, kWaitMs));
    QSignalSpy finished(&session, &WorkspaceSession::jobFinished);
    session.buildDemo(2'000'000, 30);
    session.cancelJob();
    const JobResult result = waitForJob(session, finished);
    EXPECT_TRUE(result.ok()) << result.error.toStdString();
    EXPECT_TRUE(result.cancelled);
    EXPECT_LT(result.stored, 2'000'000);
}

TEST(WorkspaceSession, ACancelledImportSaysSo)
{
    test::TempDir dir;
    const std::string events = dir.write("many.ndjson", demoNdjson(120'000));
    WorkspaceSession session;
    session.open(QString::fromStdString(dir.file("import.hindsight")));
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return session.state() == WorkspaceSession::State::Missing; }, kWaitMs));
    QSignalSpy finished(&session, &WorkspaceSession::jobFinished);
    session.importFiles({QString::fromStdString(events)});
    session.cancelJob();
    const JobResult result = waitForJob(session, finished);
    EXPECT_TRUE(result.cancelled);
    EXPECT_LT(result.stored, 120'000);
}

TEST(WorkspaceSession, NewWorkspaceIsCreatedEmptyAndOpened)
{
    test::TempDir dir;
    const QString path = QString::fromStdString(dir.file("sub/new.hindsight"));
    WorkspaceSession session;
    session.create(path);
    ASSERT_TRUE(QTest::qWaitFor([&] { return session.state() == WorkspaceSession::State::Empty; }, kWaitMs));
    EXPECT_TRUE(session.hasStats());
    EXPECT_EQ(session.stats().interactions, 0);
    EXPECT_TRUE(QFileInfo::exists(path));
}

TEST(WorkspaceSession, AnInteractionThatIsGoneIsReportedAsNotFound)
{
    test::TempDir dir;
    const std::string path = dir.file("d.hindsight");
    ASSERT_TRUE(test::writeInteractions(path, 5));
    WorkspaceSession session;
    session.open(QString::fromStdString(path));
    ASSERT_TRUE(QTest::qWaitFor([&] { return session.state() == WorkspaceSession::State::Ready; }, kWaitMs));
    QSignalSpy detail(&session, &WorkspaceSession::detailReady);
    session.requestDetail(42, QStringLiteral("11111111-2222-4333-8444-555555555555"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !detail.isEmpty(); }, kWaitMs));
    const auto d = detail.takeFirst().at(0).value<ui::InteractionDetail>();
    EXPECT_FALSE(d.found);
    EXPECT_EQ(d.id, 42);

    session.requestDetail(1, QString::fromStdString(test::interactionUuid(3)));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !detail.isEmpty(); }, kWaitMs));
    const auto found = detail.takeFirst().at(0).value<ui::InteractionDetail>();
    EXPECT_TRUE(found.found);
    EXPECT_EQ(found.type, QStringLiteral("click"));
    ASSERT_EQ(found.chain.size(), 3u);
    EXPECT_EQ(found.chain.front().selector, QStringLiteral("body"));
    EXPECT_EQ(found.chain.back().text, QStringLiteral("Rent now 3"));
}
