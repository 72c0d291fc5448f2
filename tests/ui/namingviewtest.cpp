#include "ui/views/namingview.h"

#include "core/definitions/catalog.h"
#include "core/definitions/workspacesettings.h"
#include "core/demo/demogenerator.h"
#include "core/demo/demoworkspace.h"
#include "core/naming/conventionjson.h"
#include "core/naming/conventionpresets.h"
#include "core/store/store.h"
#include "tests/support/tempdir.h"
#include "tests/ui/uitesthelpers.h"
#include "ui/common/sharedtimerange.h"
#include "ui/models/namingduplicatemodel.h"
#include "ui/models/namingviolationmodel.h"
#include "ui/store/analysisservice.h"
#include "ui/store/catalogeditor.h"
#include "ui/views/namingconventioneditor.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>
#include <QUndoStack>
#include <gtest/gtest.h>

using namespace hindsight;
using ui::NamingDuplicateModel;
using ui::NamingView;
using ui::NamingViolationModel;

namespace {

constexpr int kWaitMs = 30'000;

/// A real demo workspace (a small stream and the demo's messy catalog of 20 definitions) with
/// the studio's analysis service, catalog editor and time range, and the Naming view over them.
struct NamingStudio
{
    test::TempDir dir;
    std::string path;
    ui::AnalysisService analysis;
    ui::CatalogEditor editor{&analysis};
    ui::SharedTimeRange range;
    std::unique_ptr<NamingView> view;

    /// `convention`: a preset the workspace stores (as `hindsight convention set --preset`
    /// does); empty for none (the default, heap).
    explicit NamingStudio(const std::string &convention = {})
    {
        qputenv("HINDSIGHT_ACTOR", "naming-tester");
        path = dir.file("demo.hindsight");
        std::string error;
        auto store = store::Store::open(path, store::Store::OpenMode::CreateIfMissing, &error);
        EXPECT_TRUE(store) << error;
        demo::DemoOptions options;
        options.interactions = 4'000;
        options.days = 10;
        const auto built = demo::buildDemoWorkspace(*store, options);
        EXPECT_TRUE(built.error.empty()) << built.error;
        range.setNewestMs(demo::DemoGenerator(options).endMs());
        if (!convention.empty()) {
            definitions::WorkspaceSettings settings(*store);
            EXPECT_TRUE(settings.set(definitions::kNamingConventionSetting,
                                     "{\"extends\": \"" + convention + "\"}", &error))
                << error;
        }
        store.reset();
        analysis.open(QString::fromStdString(path));
        view = std::make_unique<NamingView>(&analysis, &editor, &range);
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
    std::optional<definitions::Definition> find(const std::string &name)
    {
        auto store = openStore();
        definitions::Catalog catalog(*store);
        return catalog.find(name);
    }

    bool waitForAll()
    {
        return QTest::qWaitFor(
            [&] {
                return view->hasReview() && view->hasMeaning() && view->hasHealth() &&
                       analysis.pendingJobs() == 0;
            },
            kWaitMs);
    }

    /// The violation rows under each rule, as "rule: current → suggested".
    QModelIndex violationRow(const QString &definition, const QString &rule = {}) const
    {
        const auto *m = view->violationModel();
        for (int g = 0; g < m->rowCount(); ++g) {
            const QModelIndex group = m->index(g, 0);
            if (!rule.isEmpty() && group.data(NamingViolationModel::RuleRole).toString() != rule) continue;
            for (int r = 0; r < m->rowCount(group); ++r) {
                const QModelIndex row = m->index(r, 0, group);
                if (row.data(NamingViolationModel::DefinitionRole).toString() == definition) return row;
            }
        }
        return {};
    }
    QStringList violatingNames() const
    {
        QStringList out;
        for (const auto &v : view->violationModel()->violations())
            out << v.definition;
        return out;
    }
    /// The duplicate group holding exactly these names (any order), or -1.
    int duplicateGroup(QStringList names, NamingDuplicateModel::Role kindRole, int kind) const
    {
        const auto *m = view->duplicateModel();
        names.sort();
        for (int g = 0; g < m->rowCount(); ++g) {
            const QModelIndex group = m->index(g, 0);
            if (group.data(kindRole).toInt() != kind) continue;
            QStringList members;
            for (int r = 0; r < m->rowCount(group); ++r)
                members << m->index(r, 0, group).data(NamingDuplicateModel::DefinitionRole).toString();
            members.sort();
            if (members == names) return g;
        }
        return -1;
    }
    template <typename T> T *child(const char *name) const
    {
        auto *w = view->findChild<T *>(QString::fromLatin1(name));
        EXPECT_NE(w, nullptr) << "no child named " << name;
        return w;
    }
};

void saveShot(QWidget *widget, const char *name)
{
    const QString dir = qEnvironmentVariable("HINDSIGHT_NAMING_SHOTS");
    if (dir.isEmpty()) return;
    widget->grab().save(dir + QLatin1Char('/') + QString::fromLatin1(name) + QStringLiteral(".png"));
}

constexpr int kName = static_cast<int>(ui::NamingDuplicateGroup::Kind::Name);
constexpr int kMeaning = static_cast<int>(ui::NamingDuplicateGroup::Kind::Meaning);

} // namespace

TEST(NamingView, ShowsTheDemoViolationsGroupedByRuleWithSuggestions)
{
    NamingStudio s("segment");
    QAbstractItemModelTester violationTester(s.view->violationModel(),
                                             QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester duplicateTester(s.view->duplicateModel(),
                                             QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_TRUE(s.waitForAll());
    saveShot(s.view.get(), "naming-violations");

    auto *m = s.view->violationModel();
    ASSERT_GT(m->rowCount(), 1) << "several rules";
    // "clicked_add_to_cart" breaks the heap convention's casing; the suggestion follows it.
    const QModelIndex casing =
        s.violationRow(QStringLiteral("clicked_add_to_cart"), QStringLiteral("casing"));
    ASSERT_TRUE(casing.isValid()) << s.violatingNames().join(QStringLiteral(", ")).toStdString();
    const QString suggestion = casing.data(NamingViolationModel::SuggestionRole).toString();
    EXPECT_FALSE(suggestion.isEmpty());
    EXPECT_EQ(
        m->index(casing.row(), NamingViolationModel::SuggestionColumn, casing.parent()).data().toString(),
        QStringLiteral("→ ") + suggestion);
    EXPECT_EQ(casing.data(Qt::CheckStateRole).toInt(), Qt::Unchecked);
    // The rule's row counts its violations.
    EXPECT_TRUE(casing.parent().data().toString().startsWith(QStringLiteral("Casing (")))
        << casing.parent().data().toString().toStdString();
    // Well-named definitions are not listed for naming rules.
    EXPECT_FALSE(s.violationRow(QStringLiteral("Cart - Add Item"), QStringLiteral("casing")).isValid());
    // A suggestion that is another definition's name is shown but cannot be applied: merge them.
    const QModelIndex taken = s.violationRow(QStringLiteral("order_completed"), QStringLiteral("casing"));
    ASSERT_TRUE(taken.isValid());
    EXPECT_FALSE(taken.data(NamingViolationModel::FixableRole).toBool());
    EXPECT_FALSE(taken.data(Qt::CheckStateRole).isValid());
    EXPECT_EQ(m->index(taken.row(), NamingViolationModel::SuggestionColumn, taken.parent()).data().toString(),
              QStringLiteral("→ Order Completed (taken)"));
    // Catalog rules are listed too, without a rename.
    const QModelIndex owner = s.violationRow(QStringLiteral("Pay button"), QStringLiteral("missing-owner"));
    ASSERT_TRUE(owner.isValid());
    EXPECT_FALSE(owner.data(NamingViolationModel::FixableRole).toBool());
    EXPECT_FALSE(owner.data(Qt::CheckStateRole).isValid()) << "no check box without a rename";

    // The tab titles count.
    EXPECT_EQ(s.view->tabs()->tabText(NamingView::ViolationsTab),
              QStringLiteral("Violations (%1)").arg(m->violations().size()));
    EXPECT_TRUE(s.view->tabs()->tabText(NamingView::HealthTab).startsWith(QStringLiteral("Health (")));

    // Checking a row checks the same definition under its other rules, and the rule row shows
    // a partial check.
    ASSERT_TRUE(m->setData(casing, Qt::Checked, Qt::CheckStateRole));
    EXPECT_EQ(m->checkedCount(), 1);
    EXPECT_EQ(casing.parent().data(Qt::CheckStateRole).toInt(),
              m->rowCount(casing.parent()) == 1 ? Qt::Checked : Qt::PartiallyChecked);
    auto *checkAll = s.child<QPushButton>("namingCheckAllButton");
    checkAll->click();
    EXPECT_EQ(m->checkedCount(), m->fixableCount());
    s.child<QPushButton>("namingCheckNoneButton")->click();
    EXPECT_EQ(m->checkedCount(), 0);
    EXPECT_FALSE(s.child<QPushButton>("namingPreviewButton")->isEnabled());
}

TEST(NamingView, FixingOneViolationRenamesItAndUndoBringsTheOldNameBack)
{
    NamingStudio s("segment");
    QAbstractItemModelTester violationTester(s.view->violationModel(),
                                             QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_TRUE(s.waitForAll());
    const QString old = QStringLiteral("clicked_add_to_cart");
    const QModelIndex row = s.violationRow(old);
    ASSERT_TRUE(row.isValid());
    const QString suggested = row.data(NamingViolationModel::SuggestionRole).toString();
    ASSERT_FALSE(suggested.isEmpty());

    // Check it, preview, apply.
    ASSERT_TRUE(s.view->violationModel()->setData(row, Qt::Checked, Qt::CheckStateRole));
    auto *preview = s.child<QPushButton>("namingPreviewButton");
    ASSERT_TRUE(preview->isEnabled());
    EXPECT_EQ(preview->text(), QStringLiteral("Preview 1 rename…"));
    preview->click();
    auto *pages = s.child<QStackedWidget>("namingViolationPages");
    EXPECT_EQ(pages->currentIndex(), 1) << "the preview, not yet applied";
    auto *list = s.view->previewList();
    ASSERT_EQ(list->topLevelItemCount(), 1);
    EXPECT_EQ(list->topLevelItem(0)->text(0), old);
    EXPECT_EQ(list->topLevelItem(0)->text(1), QStringLiteral("→ ") + suggested);
    saveShot(s.view.get(), "naming-preview");
    // Nothing changed yet.
    EXPECT_EQ(s.find(old.toStdString())->name, old.toStdString());

    s.child<QPushButton>("namingApplyButton")->click();
    ASSERT_TRUE(QTest::qWaitFor([&] { return s.editor.undoStack()->count() == 1; }, kWaitMs));
    ASSERT_TRUE(s.waitForAll());
    {
        const auto renamed = s.find(suggested.toStdString());
        ASSERT_TRUE(renamed);
        EXPECT_EQ(renamed->name, suggested.toStdString());
        // The old name still resolves (an alias).
        EXPECT_EQ(s.find(old.toStdString())->name, suggested.toStdString());
    }
    EXPECT_FALSE(s.violatingNames().contains(old)) << "its violation is gone";
    EXPECT_EQ(pages->currentIndex(), 0);

    s.editor.undoStack()->undo();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const auto d = s.find(old.toStdString());
            return d && d->name == old.toStdString();
        },
        kWaitMs));
    ASSERT_TRUE(QTest::qWaitFor([&] { return s.violatingNames().contains(old); }, kWaitMs));
}

TEST(NamingView, ShowsDuplicatesByNameAndByMeaningAndMergesThem)
{
    NamingStudio s;
    QAbstractItemModelTester duplicateTester(s.view->duplicateModel(),
                                             QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_TRUE(s.waitForAll());
    s.view->tabs()->setCurrentIndex(NamingView::DuplicatesTab);
    auto *m = s.view->duplicateModel();

    const int byName =
        s.duplicateGroup({QStringLiteral("Order Completed"), QStringLiteral("order_completed")},
                         NamingDuplicateModel::KindRole, kName);
    ASSERT_GE(byName, 0);
    EXPECT_TRUE(m->index(byName, 0).data().toString().startsWith(QStringLiteral("By name")));
    EXPECT_FALSE(m->index(byName, NamingDuplicateModel::ReasonColumn).data().toString().isEmpty());

    const int byMeaning =
        s.duplicateGroup({QStringLiteral("Checkout - Click Pay Now"), QStringLiteral("Pay button")},
                         NamingDuplicateModel::KindRole, kMeaning);
    ASSERT_GE(byMeaning, 0);
    const double overlap = m->index(byMeaning, 0).data(NamingDuplicateModel::OverlapRole).toDouble();
    EXPECT_GE(overlap, 0.9);
    EXPECT_LE(overlap, 1.0);
    EXPECT_EQ(m->index(byMeaning, 0).data().toString(),
              QStringLiteral("By meaning: overlap %1").arg(NamingDuplicateModel::overlapText(overlap)));
    EXPECT_TRUE(m->index(byMeaning, NamingDuplicateModel::ReasonColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("shared of")));
    // The members show how many interactions they match.
    const QModelIndex member = m->index(0, NamingDuplicateModel::MatchesColumn, m->index(byMeaning, 0));
    EXPECT_FALSE(member.data().toString().isEmpty());
    EXPECT_EQ(s.view->tabs()->tabText(NamingView::DuplicatesTab),
              QStringLiteral("Duplicates (%1)").arg(m->groupCount()));
    saveShot(s.view.get(), "naming-duplicates");

    // Merge: the verified "Order Completed" is proposed as the one to keep.
    s.view->selectDuplicateGroup(byName);
    auto *keep = s.child<QComboBox>("namingKeepCombo");
    EXPECT_EQ(keep->currentData().toString(), QStringLiteral("Order Completed"));
    auto *merge = s.child<QPushButton>("namingMergeButton");
    ASSERT_TRUE(merge->isEnabled());
    EXPECT_TRUE(s.child<QLabel>("namingMergeExplain")->text().contains(QStringLiteral("order_completed")));
    merge->click();
    ASSERT_TRUE(QTest::qWaitFor([&] { return s.editor.undoStack()->count() == 1; }, kWaitMs));
    ASSERT_TRUE(s.waitForAll());
    {
        // As core merge does: the source is archived and its name resolves to the target.
        auto store = s.openStore();
        definitions::Catalog catalog(*store);
        const auto resolved = catalog.find("order_completed");
        ASSERT_TRUE(resolved);
        EXPECT_EQ(resolved->name, "Order Completed");
        bool archived = false;
        for (const auto &d : catalog.list())
            if (d.status == definitions::DefinitionStatus::Archived &&
                d.name.rfind("order_completed [merged", 0) == 0)
                archived = true;
        EXPECT_TRUE(archived);
    }
    EXPECT_LT(s.duplicateGroup({QStringLiteral("Order Completed"), QStringLiteral("order_completed")},
                               NamingDuplicateModel::KindRole, kName),
              0)
        << "the group is gone";

    // Undo takes the source back out.
    s.editor.undoStack()->undo();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const auto d = s.find("order_completed");
            return d && d->name == "order_completed";
        },
        kWaitMs));
}

TEST(NamingView, ConventionEditorExampleFollowsTheCasingAndSavingIsUndoable)
{
    NamingStudio s;
    ASSERT_TRUE(s.waitForAll());
    s.view->tabs()->setCurrentIndex(NamingView::ConventionTab);
    auto *editor = s.view->conventionEditor();
    auto *example = s.child<QLabel>("namingExampleLabel");
    const QString titleExample = editor->exampleText();
    EXPECT_EQ(titleExample, QStringLiteral("Cart - Submit Purchase Form"));
    EXPECT_EQ(example->text(), titleExample);
    saveShot(s.view.get(), "naming-convention");

    // The user picks snake_case for every part: the example follows at once.
    auto *casing = s.child<QComboBox>("namingAllCasingCombo");
    const int snake = casing->findText(QStringLiteral("snake_case"));
    ASSERT_GE(snake, 0);
    casing->setCurrentIndex(snake);
    emit casing->activated(snake);
    ASSERT_TRUE(QTest::qWaitFor([&] { return example->text() != titleExample; }, 2'000));
    EXPECT_EQ(editor->exampleText(), QStringLiteral("cart - submit_purchase_form"));
    EXPECT_TRUE(editor->isModified());
    const int upper = casing->findText(QStringLiteral("UPPER CASE"));
    casing->setCurrentIndex(upper);
    emit casing->activated(upper);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return editor->exampleText() == QStringLiteral("CART - SUBMIT PURCHASE FORM"); }, 2'000))
        << editor->exampleText().toStdString();

    // Trying a name checks it against the draft.
    auto *tryName = s.child<QLineEdit>("namingTryNameEdit");
    tryName->setText(QStringLiteral("Cart - Submit Purchase Form"));
    auto *tryResult = s.child<QLabel>("namingTryResult");
    ASSERT_TRUE(QTest::qWaitFor([&] { return tryResult->text().contains(QStringLiteral("CART")); }, 2'000))
        << tryResult->text().toStdString();
    saveShot(s.view.get(), "naming-convention-upper");

    // Save the segment preset through the editor: the store holds it, the review uses it, and
    // Undo brings the default back.
    editor->loadPreset(QStringLiteral("segment"));
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return editor->exampleText() == QStringLiteral("Order Completed"); }, 2'000));
    auto *save = s.child<QPushButton>("namingSaveConventionButton");
    ASSERT_TRUE(save->isEnabled());
    save->click();
    ASSERT_TRUE(QTest::qWaitFor([&] { return s.editor.undoStack()->count() == 1; }, kWaitMs));
    {
        auto store = s.openStore();
        definitions::WorkspaceSettings settings(*store);
        const auto json = settings.get(definitions::kNamingConventionSetting);
        ASSERT_TRUE(json);
        EXPECT_EQ(*json, "{\"extends\": \"segment\"}")
            << "stored as `hindsight convention set --preset` does";
    }
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return s.view->hasReview() && s.child<QLabel>("namingConventionLine")->text().contains("Segment");
        },
        kWaitMs));
    EXPECT_FALSE(editor->isModified());
    // "Order Completed" follows the segment convention: no naming violation any more.
    ASSERT_TRUE(s.waitForAll());
    EXPECT_FALSE(s.violationRow(QStringLiteral("Order Completed"), QStringLiteral("casing")).isValid());

    s.editor.undoStack()->undo();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            auto store = s.openStore();
            definitions::WorkspaceSettings settings(*store);
            return !settings.get(definitions::kNamingConventionSetting).has_value();
        },
        kWaitMs));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return s.view->hasReview() && s.child<QLabel>("namingConventionLine")->text().contains("Heap");
        },
        kWaitMs));
    EXPECT_EQ(editor->saved().id, "heap");
}

TEST(NamingView, HealthListsTheStalePromoBanner)
{
    NamingStudio s;
    ASSERT_TRUE(s.waitForAll());
    s.view->tabs()->setCurrentIndex(NamingView::HealthTab);
    auto *list = s.view->healthList();
    ASSERT_TRUE(list->isVisible());
    QTreeWidgetItem *promo = nullptr;
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        if (list->topLevelItem(i)->text(0) == QStringLiteral("Home - Click Promo Banner"))
            promo = list->topLevelItem(i);
    ASSERT_NE(promo, nullptr);
    EXPECT_TRUE(promo->text(1).startsWith(QStringLiteral("Stale"))) << promo->text(1).toStdString();
    EXPECT_EQ(promo->text(2), QStringLiteral("never"));
    EXPECT_FALSE(promo->text(3).isEmpty()) << "why, in words";
    EXPECT_EQ(s.view->tabs()->tabText(NamingView::HealthTab),
              QStringLiteral("Health (%1)").arg(list->topLevelItemCount()));
    // A healthy definition is not listed.
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        EXPECT_NE(list->topLevelItem(i)->text(0), QStringLiteral("Cart - Add Item"));
    saveShot(s.view.get(), "naming-health");

    // Opening a definition from the list asks for it.
    QSignalSpy opened(s.view.get(), &NamingView::definitionActivated);
    emit list->itemActivated(promo, 0);
    ASSERT_EQ(opened.count(), 1);
    EXPECT_EQ(opened.front().front().toString(), QStringLiteral("Home - Click Promo Banner"));
}
