#include "ui/store/analysisservice.h"

#include "core/definitions/answers.h"
#include "core/definitions/catalog.h"
#include "core/store/store.h"
#include "tests/support/tempdir.h"
#include "tests/ui/uitesthelpers.h"
#include "ui/store/analysiscontext.h"
#include "ui/store/catalogeditor.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>
#include <atomic>
#include <gtest/gtest.h>

using namespace hindsight;
using definitions::Definition;
using ui::AnalysisContext;
using ui::AnalysisService;
using ui::CatalogEditor;

namespace {

constexpr int kWaitMs = 30'000;

Definition clickDefinition(const std::string &name, const std::string &selector)
{
    Definition def;
    def.name = name;
    definitions::Step step;
    step.eventTypes = {"click"};
    step.selector = selector;
    def.steps.push_back(step);
    return def;
}

/// The definition as a separate connection reads it (nullopt when absent).
std::optional<Definition> storedDefinition(const std::string &path, const std::string &name)
{
    std::string error;
    auto store = store::Store::open(path, store::Store::OpenMode::ReadOnly, &error);
    if (!store) return std::nullopt;
    return definitions::Catalog(*store).find(name);
}

class AnalysisServiceTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        path = dir.file("work.hindsight");
        ASSERT_TRUE(test::writeInteractions(path, 50));
        service.open(QString::fromStdString(path));
    }

    /// Runs `work` and waits for its result.
    template <typename R, typename Work> R await(Work work)
    {
        std::optional<R> out;
        QObject receiver;
        service.run<R>(QString(), &receiver, work, [&](const R &r) { out = r; });
        EXPECT_TRUE(QTest::qWaitFor([&] { return out.has_value(); }, kWaitMs));
        return out.value_or(R{});
    }

    test::TempDir dir;
    std::string path;
    AnalysisService service;
};

} // namespace

TEST_F(AnalysisServiceTest, AnswersFromTheIndexOnItsOwnThreadAndReloadsAfterNewData)
{
    QSignalSpy status(&service, &AnalysisService::indexStatusChanged);
    const auto guiThread = QThread::currentThread();
    auto [size, offThread] = await<std::pair<qint64, bool>>([guiThread](AnalysisContext &ctx) {
        const auto *index = ctx.index();
        return std::make_pair(index ? static_cast<qint64>(index->size()) : -1,
                              QThread::currentThread() != guiThread);
    });
    EXPECT_EQ(size, 50);
    EXPECT_TRUE(offThread) << "no store work on the GUI thread";
    EXPECT_TRUE(service.isIndexReady());
    EXPECT_GE(status.size(), 2) << "loading is announced and then cleared";

    ASSERT_TRUE(test::writeInteractions(path, 20, test::kNewestMs + 100'000, 1000));
    QTest::qWait(1100); // the context checks the store for new data at most once a second
    const qint64 after = await<qint64>([](AnalysisContext &ctx) {
        const auto *index = ctx.index();
        return index ? static_cast<qint64>(index->size()) : -1;
    });
    EXPECT_EQ(after, 70);
}

TEST_F(AnalysisServiceTest, ANewerJobWithTheSameKeySupersedesQueuedOnes)
{
    std::atomic<bool> release{false};
    QObject receiver;
    int delivered = 0;
    QString last;
    // A blocking job first, so that the keyed ones queue up behind it.
    service.post(
        QString(),
        [&](AnalysisContext &) {
            while (!release.load())
                QThread::msleep(1);
        },
        {}, &receiver);
    std::atomic<int> ran{0};
    for (int i = 0; i < 5; ++i)
        service.run<QString>(
            QStringLiteral("preview"), &receiver,
            [i, &ran](AnalysisContext &) {
                ++ran;
                return QString::number(i);
            },
            [&](const QString &r) {
                ++delivered;
                last = r;
            });
    release = true;
    ASSERT_TRUE(QTest::qWaitFor([&] { return service.pendingJobs() == 0; }, kWaitMs));
    EXPECT_EQ(ran.load(), 1) << "only the newest queued job of a key runs";
    EXPECT_EQ(delivered, 1);
    EXPECT_EQ(last, QStringLiteral("4"));
}

TEST_F(AnalysisServiceTest, NoCallbackForADestroyedReceiverOrAfterSwitchingWorkspace)
{
    bool called = false;
    {
        QObject receiver;
        service.run<int>(
            QString(), &receiver, [](AnalysisContext &) { return 1; }, [&](const int &) { called = true; });
    }
    QObject receiver;
    service.run<int>(
        QString(), &receiver, [](AnalysisContext &) { return 2; }, [&](const int &) { called = true; });
    service.close();
    ASSERT_TRUE(QTest::qWaitFor([&] { return service.pendingJobs() == 0; }, kWaitMs));
    EXPECT_FALSE(called);
}

TEST_F(AnalysisServiceTest, CatalogEditsAreUndoneAndRedone)
{
    CatalogEditor editor(&service);
    QSignalSpy ok(&editor, &CatalogEditor::succeeded);
    QSignalSpy failed(&editor, &CatalogEditor::failed);
    QSignalSpy catalogChanged(&service, &AnalysisService::catalogChanged);
    auto waitFor = [&](int n) {
        return QTest::qWaitFor([&] { return ok.size() + failed.size() >= n; }, kWaitMs);
    };

    editor.create(clickDefinition("Rent Now", "button#rent-now"));
    ASSERT_TRUE(waitFor(1));
    ASSERT_TRUE(failed.isEmpty()) << failed.first().at(1).toString().toStdString();
    EXPECT_EQ(editor.undoStack()->count(), 1);
    EXPECT_GE(catalogChanged.size(), 1);
    ASSERT_TRUE(storedDefinition(path, "Rent Now"));

    editor.update(QStringLiteral("Rent Now"), clickDefinition("Rent Button", "button.btn"));
    ASSERT_TRUE(waitFor(2));
    auto renamed = storedDefinition(path, "Rent Button");
    ASSERT_TRUE(renamed);
    EXPECT_EQ(renamed->steps.at(0).selector, "button.btn");

    editor.undoStack()->undo(); // the edit
    ASSERT_TRUE(waitFor(3));
    auto back = storedDefinition(path, "Rent Now");
    ASSERT_TRUE(back);
    EXPECT_EQ(back->name, "Rent Now");
    EXPECT_EQ(back->steps.at(0).selector, "button#rent-now");

    editor.undoStack()->undo(); // the create
    ASSERT_TRUE(waitFor(4));
    EXPECT_FALSE(storedDefinition(path, "Rent Now"));
    EXPECT_FALSE(storedDefinition(path, "Rent Button"));

    editor.undoStack()->redo();
    ASSERT_TRUE(waitFor(5));
    EXPECT_TRUE(storedDefinition(path, "Rent Now"));
    EXPECT_TRUE(failed.isEmpty());
}

TEST_F(AnalysisServiceTest, ARefusedEditIsReportedWithTheFieldAndNotPushed)
{
    CatalogEditor editor(&service);
    QSignalSpy ok(&editor, &CatalogEditor::succeeded);
    QSignalSpy failed(&editor, &CatalogEditor::failed);
    editor.create(clickDefinition("Broken", "button[")); // an unterminated attribute selector
    ASSERT_TRUE(QTest::qWaitFor([&] { return failed.size() == 1; }, kWaitMs));
    EXPECT_TRUE(ok.isEmpty());
    EXPECT_TRUE(failed.first().at(1).toString().contains(QStringLiteral("selector")))
        << failed.first().at(1).toString().toStdString();
    EXPECT_EQ(editor.undoStack()->count(), 0);
    EXPECT_FALSE(storedDefinition(path, "Broken"));
}

TEST_F(AnalysisServiceTest, StatusAndRenamesUndoAsOneStep)
{
    CatalogEditor editor(&service);
    QSignalSpy ok(&editor, &CatalogEditor::succeeded);
    QSignalSpy failed(&editor, &CatalogEditor::failed);
    auto waitFor = [&](int n) {
        return QTest::qWaitFor([&] { return ok.size() + failed.size() >= n; }, kWaitMs);
    };
    editor.create(clickDefinition("a", "button"));
    editor.create(clickDefinition("b", "div.card"));
    ASSERT_TRUE(waitFor(2));
    editor.setStatus(QStringLiteral("a"), definitions::DefinitionStatus::Verified);
    ASSERT_TRUE(waitFor(3));
    EXPECT_EQ(storedDefinition(path, "a")->status, definitions::DefinitionStatus::Verified);

    editor.renameMany({{QStringLiteral("a"), QStringLiteral("Rent - Click")},
                       {QStringLiteral("b"), QStringLiteral("Card - Click")}},
                      QStringLiteral("naming review"));
    ASSERT_TRUE(waitFor(4));
    ASSERT_TRUE(failed.isEmpty()) << failed.first().at(1).toString().toStdString();
    EXPECT_EQ(storedDefinition(path, "Rent - Click")->name, "Rent - Click");

    editor.undoStack()->undo(); // both renames
    ASSERT_TRUE(waitFor(5));
    EXPECT_EQ(storedDefinition(path, "a")->name, "a");
    EXPECT_EQ(storedDefinition(path, "b")->name, "b");
    editor.undoStack()->undo(); // the status
    ASSERT_TRUE(waitFor(6));
    EXPECT_EQ(storedDefinition(path, "a")->status, definitions::DefinitionStatus::Draft);
    EXPECT_TRUE(failed.isEmpty());
}
