// The Privacy view and the Overview show the same field audit (AnalysisContext::fieldAudit): it
// runs once while the data stays the same, and any change to the data, by the studio or by
// another program, makes the next one audit again.
#include "core/model/capturedevent.h"
#include "core/privacy/fieldaudit.h"
#include "core/privacy/fieldauditjson.h"
#include "core/privacy/maskapply.h"
#include "core/store/store.h"
#include "core/store/storewriter.h"
#include "tests/support/tempdir.h"
#include "tests/ui/uitesthelpers.h"
#include "ui/store/analysiscontext.h"
#include "ui/store/overviewjobs.h"
#include "ui/store/privacyjobs.h"

#include <gtest/gtest.h>

using namespace hindsight;
using ui::AnalysisContext;

namespace {

constexpr qint64 kFirstVisitMs = test::kNewestMs + 60'000;

/// Writes `count` pageviews by `distinctId` (an e-mail address: a finding in distinct_id) whose
/// page title greets them by it (a finding in title), one second apart from `firstMs`.
bool writeVisits(const std::string &path, const std::string &distinctId, int count, int firstIndex,
                 qint64 firstMs)
{
    std::string error;
    auto store = store::Store::open(path, store::Store::OpenMode::Existing, &error);
    if (!store) {
        ADD_FAILURE() << error;
        return false;
    }
    store::StoreWriter writer(*store);
    for (int n = 0; n < count; ++n) {
        model::CapturedEvent e;
        e.uuid = test::interactionUuid(firstIndex + n);
        e.timestampMs = firstMs + n * 1000;
        e.type = "pageview";
        e.distinctId = distinctId;
        e.url = "https://shop.example/account";
        e.title = "Hi " + distinctId;
        if (writer.add(e) != store::StoreWriter::Outcome::Accepted) {
            ADD_FAILURE() << "visit " << n << " not stored: " << writer.error();
            return false;
        }
    }
    if (!writer.commit()) {
        ADD_FAILURE() << writer.error();
        return false;
    }
    return true;
}

/// The audit a connection of its own makes of the store as it is now, as JSON.
std::string freshAudit(const std::string &path)
{
    std::string error;
    auto store = store::Store::open(path, store::Store::OpenMode::ReadOnly, &error);
    if (!store) {
        ADD_FAILURE() << error;
        return {};
    }
    const auto report = privacy::auditFields(*store, {}, &error);
    if (!report) {
        ADD_FAILURE() << error;
        return {};
    }
    return privacy::fieldAuditToJson(*report);
}

const privacy::DetectorFinding *emailIn(const privacy::FieldAuditReport &report, const std::string &field)
{
    for (const auto &f : report.fields)
        if (f.field == field)
            for (const auto &d : f.findings)
                if (d.type == privacy::DetectorType::Email) return &d;
    return nullptr;
}

class FieldAuditSharingTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        path = dir.file("work.hindsight");
        ASSERT_TRUE(test::writeInteractions(path, 40));
        ASSERT_TRUE(writeVisits(path, "jane.doe@example.org", 3, 1000, kFirstVisitMs));
        ctx.open(QString::fromStdString(path));
        ASSERT_TRUE(ctx.isOpen()) << ctx.openError().toStdString();
    }

    test::TempDir dir;
    std::string path;
    AnalysisContext ctx;
};

} // namespace

TEST_F(FieldAuditSharingTest, OverviewShowsThePrivacyViewsAuditWithoutRunningItAgain)
{
    const ui::PrivacyAudit audit = ui::privacyjobs::audit(ctx);
    ASSERT_TRUE(audit.ok) << audit.error.toStdString();
    EXPECT_EQ(privacy::fieldAuditToJson(audit.report), freshAudit(path));
    EXPECT_EQ(audit.report.interactions, 43);
    ASSERT_TRUE(emailIn(audit.report, "distinct_id"));
    EXPECT_EQ(emailIn(audit.report, "distinct_id")->interactionsAffected, 3);

    const auto shared = ctx.fieldAudit();
    ASSERT_TRUE(shared);
    const ui::OverviewPrivacy overview = ui::overviewjobs::computePrivacy(ctx);
    ASSERT_TRUE(overview.ok) << overview.error.toStdString();
    EXPECT_EQ(ctx.fieldAudit(), shared) << "the same data is not audited twice";
    EXPECT_EQ(overview.interactions, 43);
    EXPECT_EQ(overview.findings, audit.report.findingCount());
    EXPECT_EQ(overview.findings, 2); // the e-mail address in distinct_id and in title
    EXPECT_EQ(overview.riskiestInteractions, 3);

    // Told that the store changed, the studio audits again (to the same result: nothing changed).
    ctx.markStoreChanged();
    const auto again = ctx.fieldAudit();
    ASSERT_TRUE(again);
    EXPECT_NE(again, shared);
    EXPECT_EQ(privacy::fieldAuditToJson(*again), privacy::fieldAuditToJson(audit.report));
}

TEST_F(FieldAuditSharingTest, InteractionsImportedMeanwhileAreAudited)
{
    ASSERT_TRUE(ui::overviewjobs::computePrivacy(ctx).ok);
    // Another program (an import) adds two visits by someone else.
    ASSERT_TRUE(writeVisits(path, "bob@example.com", 2, 2000, kFirstVisitMs + 10'000));

    const ui::PrivacyAudit audit = ui::privacyjobs::audit(ctx);
    ASSERT_TRUE(audit.ok) << audit.error.toStdString();
    EXPECT_EQ(audit.report.interactions, 45);
    const privacy::DetectorFinding *ids = emailIn(audit.report, "distinct_id");
    ASSERT_TRUE(ids);
    EXPECT_EQ(ids->valuesAffected, 2);
    EXPECT_EQ(ids->interactionsAffected, 5);
    EXPECT_EQ(privacy::fieldAuditToJson(audit.report), freshAudit(path));
    EXPECT_EQ(ui::overviewjobs::computePrivacy(ctx).interactions, 45);
}

TEST_F(FieldAuditSharingTest, MaskingByAnotherProgramIsAudited)
{
    const ui::PrivacyAudit before = ui::privacyjobs::audit(ctx);
    ASSERT_TRUE(before.ok) << before.error.toStdString();
    ASSERT_TRUE(emailIn(before.report, "title"));

    // `hindsight mask apply` redacts the e-mail addresses in titles: the same interactions, only
    // their values change.
    {
        std::string error;
        auto other = store::Store::open(path, store::Store::OpenMode::Existing, &error);
        ASSERT_TRUE(other) << error;
        privacy::MaskRule rule;
        rule.field = "title";
        rule.detector = privacy::DetectorType::Email;
        rule.action = privacy::MaskAction::Redact;
        const auto applied = privacy::applyMaskRules(*other, {rule}, {"ana", true}, &error);
        ASSERT_TRUE(applied) << error;
        ASSERT_EQ(applied->impact.interactionsChanged, 3);
    }

    const ui::OverviewPrivacy overview = ui::overviewjobs::computePrivacy(ctx);
    ASSERT_TRUE(overview.ok) << overview.error.toStdString();
    EXPECT_EQ(overview.interactions, 43);
    EXPECT_EQ(overview.findings, 1); // only distinct_id is left
    const ui::PrivacyAudit after = ui::privacyjobs::audit(ctx);
    ASSERT_TRUE(after.ok) << after.error.toStdString();
    EXPECT_FALSE(emailIn(after.report, "title"));
    EXPECT_TRUE(emailIn(after.report, "distinct_id"));
    EXPECT_EQ(privacy::fieldAuditToJson(after.report), freshAudit(path));
}

TEST_F(FieldAuditSharingTest, ErasingThePersonFromTheStudioClearsTheirFindings)
{
    const ui::OverviewPrivacy before = ui::overviewjobs::computePrivacy(ctx);
    ASSERT_TRUE(before.ok) << before.error.toStdString();
    EXPECT_EQ(before.findings, 2);

    const ui::PersonErase erased = ui::privacyjobs::erasePerson(ctx, QStringLiteral("jane.doe@example.org"));
    ASSERT_TRUE(erased.ok) << erased.error.toStdString();

    const ui::OverviewPrivacy overview = ui::overviewjobs::computePrivacy(ctx);
    ASSERT_TRUE(overview.ok) << overview.error.toStdString();
    EXPECT_EQ(overview.interactions, 40);
    EXPECT_EQ(overview.findings, 0);
    const ui::PrivacyAudit audit = ui::privacyjobs::audit(ctx);
    ASSERT_TRUE(audit.ok) << audit.error.toStdString();
    EXPECT_FALSE(audit.report.hasFindings());
    EXPECT_EQ(privacy::fieldAuditToJson(audit.report), freshAudit(path));
}

TEST(FieldAuditSharing, NoWorkspaceOpenIsAnError)
{
    AnalysisContext ctx;
    std::string error;
    EXPECT_FALSE(ctx.fieldAudit(&error));
    EXPECT_FALSE(error.empty());
    const ui::PrivacyAudit audit = ui::privacyjobs::audit(ctx);
    EXPECT_FALSE(audit.ok);
    EXPECT_FALSE(audit.error.isEmpty());
    EXPECT_FALSE(ui::overviewjobs::computePrivacy(ctx).ok);
}

TEST_F(FieldAuditSharingTest, AnAuditCancelledByANewerJobIsNotKept)
{
    // The job that asked is no longer the newest (or the studio is closing): the audit stops.
    ctx.isCancelled = [] { return true; };
    std::string error;
    EXPECT_EQ(ctx.fieldAudit(&error), nullptr);
    EXPECT_EQ(error, privacy::kAuditCancelled);
    const ui::OverviewPrivacy stopped = ui::overviewjobs::computePrivacy(ctx);
    EXPECT_FALSE(stopped.ok);

    // The next job audits in full; nothing of the stopped one was kept.
    ctx.isCancelled = nullptr;
    const auto report = ctx.fieldAudit(&error);
    ASSERT_TRUE(report) << error;
    EXPECT_EQ(privacy::fieldAuditToJson(*report), freshAudit(path));
    EXPECT_EQ(ctx.fieldAudit(), report);
}
