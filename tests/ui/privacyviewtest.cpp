#include "ui/views/privacyview.h"

#include "core/definitions/interactionindex.h"
#include "core/demo/demogenerator.h"
#include "core/demo/demoworkspace.h"
#include "core/privacy/personaldata.h"
#include "core/store/store.h"
#include "tests/support/tempdir.h"
#include "tests/ui/uitesthelpers.h"
#include "ui/charts/studiochart.h"
#include "ui/common/humanformat.h"
#include "ui/common/sharedtimerange.h"
#include "ui/models/privacyfindingmodel.h"
#include "ui/models/privacyrulemodel.h"
#include "ui/store/analysisservice.h"
#include "ui/views/privacyruleeditor.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>
#include <filesystem>
#include <gtest/gtest.h>

using namespace hindsight;
using ui::PrivacyFindingModel;
using ui::PrivacyView;
namespace PrivacyFindingRole = ui::PrivacyFindingRole;

namespace {

constexpr int kWaitMs = 60'000;

/// A real demo workspace (20,000 interactions: big enough for every planted privacy problem)
/// with the studio's analysis service and time range, and the Privacy view over them.
struct PrivacyStudio
{
    test::TempDir dir;
    std::string path;
    ui::AnalysisService analysis;
    ui::SharedTimeRange range;
    std::unique_ptr<PrivacyView> view;
    std::unique_ptr<QAbstractItemModelTester> findingTester, ruleTester;

    PrivacyStudio()
    {
        qputenv("HINDSIGHT_ACTOR", "privacy-tester");
        path = dir.file("demo.hindsight");
        std::string error;
        auto store = store::Store::open(path, store::Store::OpenMode::CreateIfMissing, &error);
        EXPECT_TRUE(store) << error;
        demo::DemoOptions options;
        options.interactions = 20'000;
        options.days = 10;
        const auto built = demo::buildDemoWorkspace(*store, options);
        EXPECT_TRUE(built.error.empty()) << built.error;
        range.setNewestMs(demo::DemoGenerator(options).endMs());
        store.reset();
        analysis.open(QString::fromStdString(path));
        view = std::make_unique<PrivacyView>(&analysis, &range);
        findingTester = std::make_unique<QAbstractItemModelTester>(
            view->findingModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        ruleTester = std::make_unique<QAbstractItemModelTester>(
            view->ruleModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        view->resize(1300, 800);
        view->show();
    }

    std::unique_ptr<store::Store> openStore()
    {
        std::string error;
        auto store = store::Store::open(path, store::Store::OpenMode::ReadOnly, &error);
        EXPECT_TRUE(store) << error;
        return store;
    }
    /// The interactions as a fresh connection reads them (no column cache).
    std::unique_ptr<definitions::InteractionIndex> freshIndex()
    {
        auto store = openStore();
        std::string error;
        auto index = definitions::InteractionIndex::loadWithoutCache(*store, &error);
        EXPECT_TRUE(index) << error;
        return index;
    }

    bool waitForAudit()
    {
        return QTest::qWaitFor([&] { return view->hasAudit(); }, kWaitMs);
    }
    /// Table row (as shown, sorted) of a finding, or -1.
    int findingRow(const QString &field, const QString &detector) const
    {
        const auto *m = view->findingsTable()->model();
        for (int r = 0; r < m->rowCount(); ++r) {
            const QModelIndex i = m->index(r, 0);
            if (i.data(PrivacyFindingRole::Field).toString() == field &&
                i.data(PrivacyFindingRole::Detector).toString() == detector)
                return r;
        }
        return -1;
    }
    QString findingCell(int row, int column) const
    {
        return view->findingsTable()->model()->index(row, column).data().toString();
    }
    template <typename T> T *child(const char *name) const
    {
        auto *w = view->findChild<T *>(QString::fromLatin1(name));
        EXPECT_NE(w, nullptr) << "no child named " << name;
        return w;
    }
    void saveScreenshot(const char *name)
    {
        const QByteArray dirName = qgetenv("HINDSIGHT_SCREENSHOT_DIR");
        if (dirName.isEmpty()) return;
        QDir().mkpath(QString::fromLocal8Bit(dirName));
        QTest::qWait(100); // let layouts settle
        view->grab().save(QString::fromLocal8Bit(dirName) + QLatin1Char('/') + QString::fromLatin1(name));
    }
};

/// Chain texts holding a greeting with an e-mail address (the demo's planted problem).
int greetingsWithEmail(const definitions::InteractionIndex &index)
{
    int n = 0;
    for (const auto &chain : index.dictionaries().chainTexts)
        if (chain.find("text=\"Hi ") != std::string::npos &&
            chain.find('@', chain.find("text=\"Hi ")) < chain.find('"', chain.find("text=\"Hi ") + 6))
            ++n;
    return n;
}

} // namespace

TEST(PrivacyView, AuditListsThePlantedProblemsWithRiskAndMaskedExamples)
{
    PrivacyStudio studio;
    ASSERT_TRUE(studio.waitForAudit());
    EXPECT_EQ(studio.view->tabs()->count(), 4);

    const int email = studio.findingRow(QStringLiteral("element.text"), QStringLiteral("EMAIL"));
    const int card = studio.findingRow(QStringLiteral("element.text"), QStringLiteral("CREDIT_CARD"));
    const int token = studio.findingRow(QStringLiteral("url.query.token"), QStringLiteral("SECRET"));
    ASSERT_GE(email, 0);
    ASSERT_GE(card, 0);
    ASSERT_GE(token, 0);

    // Risk badge: a word, a colour and an icon.
    EXPECT_EQ(studio.findingCell(card, PrivacyFindingModel::RiskColumn), QStringLiteral("High"));
    EXPECT_EQ(studio.findingCell(email, PrivacyFindingModel::RiskColumn), QStringLiteral("Medium"));
    const QModelIndex risk =
        studio.view->findingsTable()->model()->index(card, PrivacyFindingModel::RiskColumn);
    EXPECT_FALSE(risk.data(Qt::DecorationRole).value<QIcon>().isNull());
    EXPECT_TRUE(risk.data(Qt::ForegroundRole).value<QColor>().isValid());
    // Riskiest first.
    EXPECT_LT(card, email);
    EXPECT_LT(token, email);

    // Masked examples: never the raw value.
    const QString cardExample = studio.findingCell(card, PrivacyFindingModel::ExampleColumn);
    EXPECT_TRUE(cardExample.contains(QStringLiteral("****"))) << cardExample.toStdString();
    EXPECT_FALSE(cardExample.contains(QStringLiteral("4111 1111 1111 1111")));
    const QString emailExample = studio.findingCell(email, PrivacyFindingModel::ExampleColumn);
    EXPECT_TRUE(emailExample.startsWith(QStringLiteral("Hi "))) << emailExample.toStdString();
    EXPECT_TRUE(emailExample.contains(QStringLiteral("***@"))) << emailExample.toStdString();

    // Counts, first and last seen.
    const QModelIndex emailIndex = studio.view->findingsTable()->model()->index(email, 0);
    const qint64 interactions = emailIndex.data(PrivacyFindingRole::Interactions).toLongLong();
    EXPECT_GT(interactions, 0);
    EXPECT_TRUE(studio.findingCell(email, PrivacyFindingModel::InteractionsColumn)
                    .startsWith(ui::formatCount(interactions)));
    EXPECT_TRUE(
        studio.findingCell(email, PrivacyFindingModel::ValuesColumn).contains(QStringLiteral(" of ")));
    EXPECT_FALSE(studio.findingCell(email, PrivacyFindingModel::FirstSeenColumn).isEmpty());
    EXPECT_FALSE(studio.findingCell(email, PrivacyFindingModel::LastSeenColumn).isEmpty());

    // The chart of the riskiest fields and the summary.
    EXPECT_EQ(studio.view->chart()->kind(), ui::StudioChart::Kind::Breakdown);
    EXPECT_TRUE(studio.view->chart()->toCsv().contains(QStringLiteral("url.query.token")));
    EXPECT_TRUE(studio.child<QLabel>("privacySummary")->text().contains(QStringLiteral("findings")));

    // Click through: the interactions behind a finding, from first to last seen.
    QSignalSpy requested(studio.view.get(), &PrivacyView::interactionsRequested);
    studio.view->findingsTable()->selectRow(email);
    studio.child<QPushButton>("privacyShowInteractions")->click();
    ASSERT_EQ(requested.count(), 1);
    const auto filter = requested.front().front().value<definitions::BrowseFilter>();
    EXPECT_EQ(filter.range.fromMs, emailIndex.data(PrivacyFindingRole::FirstSeenMs).toLongLong());
    EXPECT_EQ(filter.range.toMs, emailIndex.data(PrivacyFindingRole::LastSeenMs).toLongLong() + 1);
    EXPECT_TRUE(filter.text.empty()); // the value is personal data: never put into a filter
    const int href = studio.findingRow(QStringLiteral("element.href"), QStringLiteral("EMAIL"));
    ASSERT_GE(href, 0);
    EXPECT_EQ(studio.view->filterForFindingRow(href)->selector, "[href]");

    // The distinct id cannot be masked: the Mask button says so instead.
    const int idRow = studio.findingRow(QStringLiteral("distinct_id"), QStringLiteral("EMAIL"));
    ASSERT_GE(idRow, 0);
    studio.view->findingsTable()->selectRow(idRow);
    EXPECT_FALSE(studio.child<QPushButton>("privacyMaskFinding")->isEnabled());

    // Consent: every demo interaction has an unknown consent.
    studio.view->showTab(PrivacyView::ConsentTab);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return studio.child<QLabel>("privacyConsentCounts")->text().contains(QStringLiteral("20,000"));
        },
        kWaitMs));
    EXPECT_TRUE(studio.child<QLabel>("privacyConsentPolicy")->text().contains(QStringLiteral("kept")));
    studio.view->showTab(PrivacyView::FindingsTab);
    studio.saveScreenshot("privacy-findings.png");
    studio.view->showTab(PrivacyView::ConsentTab);
    studio.saveScreenshot("privacy-consent.png");
}

TEST(PrivacyView, MaskingRuleDryRunThenApplyRemovesTheFindingAndTheRawValue)
{
    PrivacyStudio studio;
    ASSERT_TRUE(studio.waitForAudit());
    {
        auto before = studio.freshIndex();
        ASSERT_GT(greetingsWithEmail(*before), 0);
    }
    const int email = studio.findingRow(QStringLiteral("element.text"), QStringLiteral("EMAIL"));
    ASSERT_GE(email, 0);
    const qint64 affected = studio.view->findingsTable()
                                ->model()
                                ->index(email, 0)
                                .data(PrivacyFindingRole::Interactions)
                                .toLongLong();

    // "Mask…" on the finding starts a rule for its field and detector, and dry-runs it.
    studio.view->findingsTable()->selectRow(email);
    studio.child<QPushButton>("privacyMaskFinding")->click();
    EXPECT_EQ(studio.view->tabs()->currentIndex(), static_cast<int>(PrivacyView::RulesTab));
    auto *editor = studio.view->ruleEditor();
    EXPECT_EQ(studio.child<QLineEdit>("privacyRuleField")->text(), QStringLiteral("element.text"));
    EXPECT_EQ(studio.child<QComboBox>("privacyRuleDetector")->currentData().toString(),
              QStringLiteral("EMAIL"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return editor->dryRunImpact().has_value(); }, kWaitMs));
    ASSERT_EQ(editor->dryRunImpact()->rules.size(), 1u);
    EXPECT_EQ(editor->dryRunImpact()->rules.front().interactionsAffected, affected);
    const QString preview = studio.child<QLabel>("privacyRulePreviewSummary")->text();
    EXPECT_TRUE(preview.contains(QStringLiteral("Would rewrite %1 of 20,000").arg(ui::formatCount(affected))))
        << preview.toStdString();
    auto *examples = studio.child<QTreeWidget>("privacyRuleExamples");
    ASSERT_GT(examples->topLevelItemCount(), 0);
    EXPECT_TRUE(examples->topLevelItem(0)->text(2).contains(QStringLiteral("[EMAIL]")));
    EXPECT_FALSE(examples->topLevelItem(0)->text(1).contains(QStringLiteral("@example.")));
    studio.saveScreenshot("privacy-rules-editor.png");

    // An invalid rule says why and cannot be added.
    studio.child<QLineEdit>("privacyRuleSelector")->setText(QStringLiteral("span[["));
    EXPECT_FALSE(studio.child<QPushButton>("privacyRuleAdd")->isEnabled());
    EXPECT_TRUE(studio.child<QLabel>("privacyRuleIssues")->text().startsWith(QStringLiteral("selector")));
    studio.child<QLineEdit>("privacyRuleSelector")->clear();

    // Add it: the rule list shows it with what it would still change.
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return studio.child<QPushButton>("privacyRuleAdd")->isEnabled(); }, kWaitMs));
    studio.child<QPushButton>("privacyRuleAdd")->click();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return studio.view->ruleModel()->rowCount() == 1 && studio.view->ruleModel()->hasImpact(); },
        kWaitMs));
    const QString pending =
        studio.view->ruleModel()->index(0, ui::PrivacyRuleModel::PendingColumn).data().toString();
    EXPECT_EQ(pending, QStringLiteral("%1 interactions to mask").arg(ui::formatCount(affected)));
    EXPECT_TRUE(studio.view->rulesMessage().contains(QStringLiteral("added")))
        << studio.view->rulesMessage().toStdString();

    // Apply: the confirmation says what will be rewritten; nothing changes until it is accepted.
    QSignalSpy changed(studio.view.get(), &PrivacyView::storeChanged);
    studio.child<QPushButton>("privacyApplyRules")->click();
    QMessageBox *confirm = nullptr;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            confirm = studio.view->findChild<QMessageBox *>(QStringLiteral("privacyApplyConfirm"));
            return confirm && confirm->isVisible();
        },
        kWaitMs));
    EXPECT_EQ(confirm->textFormat(), Qt::PlainText);
    EXPECT_TRUE(
        confirm->text().contains(QStringLiteral("%1 of 20,000 interactions").arg(ui::formatCount(affected))))
        << confirm->text().toStdString();
    EXPECT_TRUE(confirm->text().contains(QStringLiteral("cannot be undone")));
    EXPECT_EQ(changed.count(), 0);
    {
        auto still = studio.freshIndex();
        EXPECT_GT(greetingsWithEmail(*still), 0);
    }
    auto *applyButton = confirm->findChild<QPushButton *>(QStringLiteral("privacyApplyConfirmButton"));
    ASSERT_NE(applyButton, nullptr);
    applyButton->click();

    ASSERT_TRUE(QTest::qWaitFor([&] { return changed.count() == 1; }, kWaitMs));
    EXPECT_TRUE(studio.view->rulesMessage().startsWith(
        QStringLiteral("Masked %1 of 20,000 interactions").arg(ui::formatCount(affected))))
        << studio.view->rulesMessage().toStdString();
    // The audit runs again and the finding is gone; the rule is up to date.
    ASSERT_TRUE(QTest::qWaitFor([&] { return studio.view->hasAudit(); }, kWaitMs));
    EXPECT_LT(studio.findingRow(QStringLiteral("element.text"), QStringLiteral("EMAIL")), 0);
    EXPECT_GE(studio.findingRow(QStringLiteral("element.text"), QStringLiteral("CREDIT_CARD")), 0);
    ASSERT_TRUE(QTest::qWaitFor([&] { return studio.view->ruleModel()->hasImpact(); }, kWaitMs));
    EXPECT_EQ(studio.view->ruleModel()->index(0, ui::PrivacyRuleModel::PendingColumn).data().toString(),
              QStringLiteral("Up to date"));
    EXPECT_FALSE(studio.child<QPushButton>("privacyApplyRules")->isEnabled()); // nothing left to apply

    // A fresh connection finds no greeting with an e-mail address any more.
    auto after = studio.freshIndex();
    EXPECT_EQ(greetingsWithEmail(*after), 0);
    EXPECT_EQ(after->size(), 20'000u);
    studio.view->showTab(PrivacyView::RulesTab);
    studio.saveScreenshot("privacy-rules-applied.png");
}

TEST(PrivacyView, ExportsAndErasesAPerson)
{
    PrivacyStudio studio;
    ASSERT_TRUE(studio.waitForAudit());
    // A person with interactions: the sender of the newest interaction.
    std::string id;
    std::size_t rowsOfId = 0;
    {
        auto index = studio.freshIndex();
        const auto &dict = index->dictionaries();
        id = dict.distinctIds[index->distinctIds()[index->size() - 1]];
        for (const auto d : index->distinctIds())
            rowsOfId += dict.distinctIds[d] == id ? 1 : 0;
    }
    ASSERT_FALSE(id.empty());
    const QString qid = QString::fromStdString(id);

    studio.view->showTab(PrivacyView::PeopleTab);
    studio.view->searchPeople(qid);
    ASSERT_TRUE(QTest::qWaitFor([&] { return studio.view->shownPerson() == qid; }, kWaitMs));
    EXPECT_GE(studio.view->peopleList()->count(), 1);
    EXPECT_TRUE(
        studio.child<QLabel>("privacyPersonDetails")->text().contains(QStringLiteral("interactions in")));
    studio.saveScreenshot("privacy-people.png");

    // Export to a file the user picks.
    const QString file = QString::fromStdString(studio.dir.file("person.json"));
    studio.child<QPushButton>("privacyExportPerson")->click();
    QFileDialog *dialog = nullptr;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            dialog = studio.view->findChild<QFileDialog *>(QStringLiteral("privacyExportDialog"));
            return dialog && dialog->isVisible();
        },
        kWaitMs));
    dialog->selectFile(file);
    static_cast<QDialog *>(dialog)->accept();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return studio.view->peopleMessage().startsWith(QStringLiteral("Wrote")); }, kWaitMs))
        << studio.view->peopleMessage().toStdString();
    QFile json(file);
    ASSERT_TRUE(json.open(QIODevice::ReadOnly));
    const QJsonObject exported = QJsonDocument::fromJson(json.readAll()).object();
    EXPECT_EQ(exported.value(QStringLiteral("subject")).toString(), qid);
    EXPECT_GE(exported.value(QStringLiteral("interaction_count")).toInteger(), static_cast<qint64>(rowsOfId));
    EXPECT_EQ(std::filesystem::status(file.toStdString()).permissions() & std::filesystem::perms::all,
              std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);

    // Erase after typing the id.
    QSignalSpy changed(studio.view.get(), &PrivacyView::storeChanged);
    studio.child<QPushButton>("privacyErasePerson")->click();
    QDialog *confirm = nullptr;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            confirm = studio.view->findChild<QDialog *>(QStringLiteral("privacyEraseConfirm"));
            return confirm && confirm->isVisible();
        },
        kWaitMs));
    auto *typed = confirm->findChild<QLineEdit *>(QStringLiteral("privacyEraseTyped"));
    auto *erase = confirm->findChild<QPushButton *>(QStringLiteral("privacyEraseConfirmButton"));
    ASSERT_TRUE(typed && erase);
    EXPECT_FALSE(erase->isEnabled());
    typed->setText(qid + QStringLiteral("x"));
    EXPECT_FALSE(erase->isEnabled());
    typed->setText(qid);
    ASSERT_TRUE(erase->isEnabled());
    erase->click();
    ASSERT_TRUE(QTest::qWaitFor([&] { return changed.count() == 1; }, kWaitMs));
    EXPECT_TRUE(studio.view->peopleMessage().startsWith(QStringLiteral("Erased")))
        << studio.view->peopleMessage().toStdString();
    EXPECT_TRUE(studio.view->shownPerson().isEmpty());

    // A fresh connection holds nothing of them.
    auto store = studio.openStore();
    std::string error;
    bool unknown = false;
    EXPECT_FALSE(privacy::findPerson(*store, id, &error, &unknown));
    EXPECT_TRUE(unknown);
    auto after = studio.freshIndex();
    for (const auto &d : after->dictionaries().distinctIds)
        EXPECT_NE(d, id);
    EXPECT_LE(after->size(), 20'000u - rowsOfId);
    ASSERT_TRUE(QTest::qWaitFor([&] { return studio.view->hasAudit(); }, kWaitMs));
    // The person search no longer finds them.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return studio.child<QLabel>("privacyPeopleSummary")->text() == QStringLiteral("0 distinct id(s)");
        },
        kWaitMs))
        << studio.child<QLabel>("privacyPeopleSummary")->text().toStdString();
    EXPECT_EQ(studio.view->peopleList()->count(), 0);
    EXPECT_TRUE(
        studio.child<QLabel>("privacyPersonDetails")->text().contains(QStringLiteral("Nothing is held")));
    studio.saveScreenshot("privacy-people-erased.png");
}
