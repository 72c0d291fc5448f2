#include "ui/views/definitioneditor.h"

#include "core/definitions/answers.h"
#include "core/definitions/catalog.h"
#include "core/definitions/compileddefinition.h"
#include "core/definitions/interactionindex.h"
#include "core/definitions/selectorsuggester.h"
#include "core/definitions/suggestionpreview.h"
#include "core/definitions/workspacesettings.h"
#include "core/demo/demogenerator.h"
#include "core/demo/demoworkspace.h"
#include "core/naming/conventionpresets.h"
#include "core/naming/namelinter.h"
#include "core/store/store.h"
#include "tests/support/tempdir.h"
#include "tests/ui/uitesthelpers.h"
#include "ui/common/humanformat.h"
#include "ui/common/sharedtimerange.h"
#include "ui/store/analysisservice.h"
#include "ui/store/catalogeditor.h"
#include "ui/store/definitionjobs.h"
#include "ui/views/definitionpreview.h"
#include "ui/views/namefeedback.h"
#include "ui/views/stepeditor.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>
#include <gtest/gtest.h>
#include <memory>

using namespace hindsight;
using definitions::Definition;

namespace {

constexpr int kWaitMs = 30'000;

/// A store read through core alone (a fresh index, the catalog), to check what the studio did.
struct CoreView
{
    std::unique_ptr<store::Store> store;
    std::unique_ptr<definitions::InteractionIndex> index;

    explicit CoreView(const std::string &path)
    {
        std::string error;
        store = store::Store::open(path, store::Store::OpenMode::Existing, &error);
        EXPECT_TRUE(store) << error;
        if (store) index = definitions::InteractionIndex::loadWithoutCache(*store, &error);
        EXPECT_TRUE(index) << error;
    }
    std::optional<Definition> find(const std::string &name)
    {
        definitions::Catalog catalog(*store);
        return catalog.find(name);
    }
    qint64 count(const Definition &def, const definitions::TimeRange &range = {})
    {
        definitions::CompileError error;
        auto compiled = definitions::CompiledDefinition::compile(def, *index, {}, &error);
        EXPECT_TRUE(compiled) << error.message();
        return compiled ? definitions::totals(*index, *compiled, range).count : -1;
    }
};

/// An editor over a real workspace of `count` interactions (tests/ui/uitesthelpers.h).
struct EditorFixture
{
    test::TempDir dir;
    std::string path;
    ui::AnalysisService analysis;
    ui::CatalogEditor catalog{&analysis};
    ui::SharedTimeRange range;
    std::unique_ptr<ui::DefinitionEditor> editor;

    explicit EditorFixture(int count = 200)
    {
        path = dir.file("editor.hindsight");
        test::writeInteractions(path, count);
        analysis.open(QString::fromStdString(path));
        range.setNewestMs(test::kNewestMs);
        editor = std::make_unique<ui::DefinitionEditor>(&analysis, &catalog, &range);
        editor->resize(1280, 820);
    }
    ~EditorFixture()
    {
        editor.reset();
        EXPECT_TRUE(QTest::qWaitFor([&] { return analysis.pendingJobs() == 0; }, kWaitMs));
    }

    bool waitLoaded()
    {
        return QTest::qWaitFor([&] { return !editor->isLoading(); }, kWaitMs);
    }
    /// Waits for a preview newer than the `shown`-th to be shown, and nothing else to be pending.
    bool waitPreview(int shown = 0)
    {
        return QTest::qWaitFor(
            [&] {
                return editor->preview()->resultCount() > shown &&
                       editor->preview()->statusText().isEmpty() && analysis.pendingJobs() == 0;
            },
            kWaitMs);
    }
};

std::string str(const QString &s)
{
    return s.toStdString();
}

} // namespace

TEST(DefinitionEditor, DefinesAnEventFromASelectedInteractionPreviewsSavesAndUndoes)
{
    EditorFixture f;
    CoreView core(f.path);
    ASSERT_TRUE(core.index);
    // Interaction 1 is a click on button#rent-now "Rent now 1".
    const qint64 id = core.index->ids()[1];
    const std::vector<std::int64_t> ids{id};
    auto examples = definitions::examplesFromInteractions(*core.index, ids);
    ASSERT_TRUE(examples);
    auto expected = definitions::SelectorSuggester::suggest(*examples);
    ASSERT_TRUE(expected && !expected->alternatives.empty());

    QSignalSpy saved(f.editor.get(), &ui::DefinitionEditor::saved);
    QSignalSpy closed(f.editor.get(), &ui::DefinitionEditor::closed);
    f.editor->show();
    f.editor->newFromInteractions({id});
    EXPECT_TRUE(f.editor->isLoading());
    ASSERT_TRUE(f.waitLoaded());

    // Prefilled from the suggestion.
    ASSERT_EQ(f.editor->stepCount(), 1);
    ui::StepEditor *step = f.editor->stepEditor(0);
    EXPECT_EQ(str(step->selectorEdit()->text()), expected->alternatives.front().selector);
    EXPECT_TRUE(step->selectorEdit()->text().contains(QStringLiteral("rent-now")));
    EXPECT_EQ(str(step->eventsEdit()->text()), "click");
    EXPECT_EQ(str(step->urlEdit()->text()), expected->step.url ? expected->step.url->pattern : "");
    EXPECT_FALSE(f.editor->nameEdit()->text().isEmpty()) << "a suggested name";
    EXPECT_FALSE(f.editor->bannerText().isEmpty());
    EXPECT_FALSE(f.editor->hasUnsavedChanges()) << "nothing typed yet";
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return f.editor->nameFeedback()->state() != ui::NameFeedback::State::Waiting; }, kWaitMs));
    EXPECT_EQ(f.editor->nameFeedback()->state(), ui::NameFeedback::State::Clean)
        << str(f.editor->nameEdit()->text()) << ": " << str(f.editor->nameFeedback()->message());

    // The preview shows the count core gives for the same criteria.
    ASSERT_TRUE(f.waitPreview());
    Definition draft = f.editor->draft();
    const qint64 expectedCount = core.count(draft);
    EXPECT_GT(expectedCount, 0);
    EXPECT_EQ(f.editor->preview()->countText(), ui::formatCount(expectedCount));
    EXPECT_EQ(f.editor->preview()->sampleList()->topLevelItemCount(), std::min<qint64>(expectedCount, 20));
    EXPECT_GE(f.editor->preview()->elementsList()->topLevelItemCount(), 1);
    EXPECT_EQ(step->countText(QStringLiteral("selector")), ui::formatCount(core.count([&] {
                  Definition d;
                  d.name = "selector alone";
                  d.steps.push_back({});
                  d.steps[0].selector = step->selectorEdit()->text().toStdString();
                  return d;
              }())));

    // Broaden the criteria: the elements the proposal did not catch are marked new.
    int shown = f.editor->preview()->resultCount();
    step->textEdit()->clear();
    step->urlEdit()->clear();
    ASSERT_TRUE(f.waitPreview(shown));
    draft = f.editor->draft();
    const qint64 broadCount = core.count(draft);
    EXPECT_EQ(broadCount, 180) << "every click of the 200 (every tenth is a pageview)";
    EXPECT_EQ(f.editor->preview()->countText(), ui::formatCount(broadCount));
    EXPECT_TRUE(f.editor->preview()->elementsSummaryText().contains(QStringLiteral("new")))
        << str(f.editor->preview()->elementsSummaryText());
    QTreeWidget *elements = f.editor->preview()->elementsList();
    int marked = 0;
    for (int i = 0; i < elements->topLevelItemCount(); ++i)
        if (elements->topLevelItem(i)->text(2) == QStringLiteral("New")) ++marked;
    EXPECT_GT(marked, 0);
    EXPECT_TRUE(f.editor->hasUnsavedChanges());

    // Save: the catalog holds it, and core counts what the preview showed.
    const std::string name = f.editor->nameEdit()->text().toStdString();
    ASSERT_TRUE(f.editor->save());
    ASSERT_TRUE(QTest::qWaitFor([&] { return saved.size() == 1; }, kWaitMs));
    EXPECT_EQ(str(saved.front().at(0).toString()), name);
    EXPECT_EQ(closed.size(), 1);
    EXPECT_EQ(str(f.editor->definitionName()), name);
    EXPECT_FALSE(f.editor->hasUnsavedChanges());
    auto stored = core.find(name);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->steps, draft.steps);
    EXPECT_EQ(core.count(*stored), 180);

    // Undo removes it again.
    QSignalSpy undone(&f.catalog, &ui::CatalogEditor::succeeded);
    ASSERT_TRUE(f.catalog.undoStack()->canUndo());
    f.catalog.undoStack()->undo();
    ASSERT_TRUE(QTest::qWaitFor([&] { return undone.size() == 1; }, kWaitMs));
    EXPECT_FALSE(core.find(name));
}

TEST(DefinitionEditor, AnInvalidSelectorIsShownBesideTheFieldAndTheSaveIsRefused)
{
    EditorFixture f;
    f.editor->show();
    f.editor->newBlank();
    EXPECT_EQ(f.editor->stepCount(), 1);
    f.editor->nameEdit()->setText(QStringLiteral("Rent - Click Rent Now"));
    ui::StepEditor *step = f.editor->stepEditor(0);
    QTest::keyClicks(step->selectorEdit(), QStringLiteral("button#rent-now)"));
    EXPECT_TRUE(step->issueText(QStringLiteral("selector")).contains(QStringLiteral("position")))
        << "validated as you type: " << str(step->issueText(QStringLiteral("selector")));
    EXPECT_TRUE(QTest::qWaitFor([&] { return f.editor->preview()->isPaused(); }, kWaitMs));

    QSignalSpy saved(f.editor.get(), &ui::DefinitionEditor::saved);
    EXPECT_FALSE(f.editor->save());
    EXPECT_FALSE(f.editor->isSaving());
    QTest::qWait(200);
    EXPECT_EQ(saved.size(), 0);
    CoreView core(f.path);
    EXPECT_FALSE(core.find("Rent - Click Rent Now"));

    // Fixed: the note goes away and the preview comes back.
    const int shown = f.editor->preview()->resultCount();
    step->selectorEdit()->setText(QStringLiteral("button#rent-now"));
    EXPECT_TRUE(step->issueText(QStringLiteral("selector")).isEmpty());
    ASSERT_TRUE(f.waitPreview(shown));
    EXPECT_EQ(f.editor->preview()->countText(), ui::formatCount(180));

    // A preview still under way when the selector turns invalid again is not shown. A job that
    // holds the analysis thread keeps the preview from finishing until the selector has changed.
    QSemaphore gate;
    f.analysis.post(
        {}, [&gate](ui::AnalysisContext &) { gate.acquire(); }, {}, nullptr);
    step->selectorEdit()->setText(QStringLiteral("button"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return f.analysis.pendingJobs() > 1; }, kWaitMs));
    step->selectorEdit()->setText(QStringLiteral("button["));
    gate.release();
    ASSERT_TRUE(QTest::qWaitFor([&] { return f.analysis.pendingJobs() == 0; }, kWaitMs));
    QTest::qWait(250);
    EXPECT_TRUE(f.editor->preview()->isPaused());
    EXPECT_EQ(f.editor->preview()->countText(), ui::formatCount(180))
        << "the last valid preview stays, greyed";
    EXPECT_TRUE(step->countText(QStringLiteral("selector")).isEmpty())
        << str(step->countText(QStringLiteral("selector")));
}

TEST(DefinitionEditor, MissingNameAndCriteriaAreNamedOnlyWhenSaving)
{
    EditorFixture f;
    f.editor->newBlank();
    EXPECT_TRUE(f.editor->fieldError(QStringLiteral("name")).isEmpty()) << "no nagging before a save";
    EXPECT_TRUE(f.editor->stepEditor(0)->issueText(QStringLiteral("step")).isEmpty());
    EXPECT_FALSE(f.editor->preview()->messageText().isEmpty()) << "says what to do";
    EXPECT_FALSE(f.editor->save());
    EXPECT_FALSE(f.editor->fieldError(QStringLiteral("name")).isEmpty());
    EXPECT_FALSE(f.editor->stepEditor(0)->issueText(QStringLiteral("step")).isEmpty());
}

TEST(DefinitionEditor, EditingASavedDefinitionShowsItsValuesAndSavesANewVersion)
{
    EditorFixture f;
    Definition def;
    def.name = "Rent - Click Rent Now";
    def.description = "Someone starts renting";
    def.category = "Rent";
    def.owner = "growth";
    def.tags = {"funnel", "rent"};
    def.status = definitions::DefinitionStatus::Verified;
    definitions::Step s;
    s.eventTypes = {"click"};
    s.selector = "#rent-now";
    s.url = definitions::UrlCriterion{"/rent/*", definitions::TextMatchMode::Wildcard, true,
                                      definitions::UrlScope::Path};
    def.steps.push_back(s);
    {
        CoreView core(f.path);
        definitions::Catalog catalog(*core.store);
        ASSERT_TRUE(catalog.create(def, {"tester", "setup", std::nullopt}));
    }

    f.editor->edit(QStringLiteral("rent - click rent now")); // names ignore case
    ASSERT_TRUE(f.waitLoaded());
    EXPECT_EQ(str(f.editor->definitionName()), def.name);
    EXPECT_EQ(str(f.editor->nameEdit()->text()), def.name);
    EXPECT_EQ(str(f.editor->descriptionEdit()->toPlainText()), def.description);
    EXPECT_EQ(str(f.editor->categoryEdit()->text()), "Rent");
    EXPECT_EQ(str(f.editor->ownerEdit()->text()), "growth");
    EXPECT_EQ(str(f.editor->tagsEdit()->text()), "funnel, rent");
    EXPECT_EQ(str(f.editor->statusBox()->currentText()), "Verified");
    ASSERT_EQ(f.editor->stepCount(), 1);
    EXPECT_EQ(str(f.editor->stepEditor(0)->selectorEdit()->text()), "#rent-now");
    EXPECT_EQ(str(f.editor->stepEditor(0)->urlEdit()->text()), "/rent/*");
    EXPECT_EQ(str(f.editor->stepEditor(0)->urlModeBox()->currentText()), "matches wildcard");
    EXPECT_FALSE(f.editor->hasUnsavedChanges());
    EXPECT_TRUE(f.editor->draft().sameContent(def));

    ASSERT_TRUE(f.waitPreview());
    EXPECT_EQ(f.editor->preview()->countText(), ui::formatCount(180));
    EXPECT_EQ(f.editor->preview()->peopleText(), ui::formatCount(7));
    EXPECT_EQ(f.editor->preview()->sessionsText(), ui::formatCount(11));
    EXPECT_EQ(f.editor->preview()->elementsSummaryText().contains(QStringLiteral("0 new")), true)
        << "nothing new against the saved version: " << str(f.editor->preview()->elementsSummaryText());
    QAbstractItemModelTester elementsTester(f.editor->preview()->elementsList()->model(),
                                            QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester sampleTester(f.editor->preview()->sampleList()->model(),
                                          QAbstractItemModelTester::FailureReportingMode::Fatal);

    // Change the description and narrow the step with a property filter; save a new version.
    f.editor->descriptionEdit()->setPlainText(QStringLiteral("Someone starts renting a plan"));
    EXPECT_TRUE(f.editor->hasUnsavedChanges());
    ui::StepEditor *step = f.editor->stepEditor(0);
    const int shown = f.editor->preview()->resultCount();
    const int row = step->addPropertyRow();
    step->propertyKeyEdit(row)->setText(QStringLiteral("plan"));
    step->propertyValueEdit(row)->setText(QStringLiteral("basic"));
    ASSERT_TRUE(f.waitPreview(shown));
    EXPECT_EQ(step->countText(QStringLiteral("properties[0]")), ui::formatCount(200));
    EXPECT_EQ(f.editor->preview()->countText(), ui::formatCount(180));

    QSignalSpy saved(f.editor.get(), &ui::DefinitionEditor::saved);
    ASSERT_TRUE(f.editor->save());
    ASSERT_TRUE(QTest::qWaitFor([&] { return saved.size() == 1; }, kWaitMs));
    CoreView core(f.path);
    auto stored = core.find(def.name);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->version, 2);
    EXPECT_EQ(stored->description, "Someone starts renting a plan");
    ASSERT_EQ(stored->steps.size(), 1u);
    ASSERT_EQ(stored->steps[0].properties.size(), 1u);
    EXPECT_EQ(stored->steps[0].properties[0].key, "plan");
    EXPECT_EQ(core.count(*stored), 180);
}

TEST(DefinitionEditor, EscOnAnUnchangedEditorClosesWithoutAskingAndAsksWhenChanged)
{
    EditorFixture f;
    f.editor->show();
    f.editor->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(f.editor.get())) << "shortcuts need an active window";
    f.editor->newBlank();
    QSignalSpy closed(f.editor.get(), &ui::DefinitionEditor::closed);
    QTest::keyClick(f.editor->nameEdit(), Qt::Key_Escape);
    EXPECT_EQ(closed.size(), 1);
    EXPECT_FALSE(f.editor->findChild<QMessageBox *>());

    f.editor->newBlank();
    QTest::keyClicks(f.editor->nameEdit(), QStringLiteral("Rent"));
    EXPECT_TRUE(f.editor->hasUnsavedChanges());
    QTest::keyClick(f.editor->nameEdit(), Qt::Key_Escape);
    EXPECT_EQ(closed.size(), 1) << "asks first";
    auto *question = f.editor->findChild<QMessageBox *>();
    ASSERT_TRUE(question);
    // Keep editing: nothing closes, the text stays.
    for (QAbstractButton *button : question->buttons())
        if (button->text() == QStringLiteral("Keep editing")) button->click();
    QTest::qWait(50);
    EXPECT_EQ(closed.size(), 1);
    EXPECT_EQ(str(f.editor->nameEdit()->text()), "Rent");
    // Discard: closes.
    f.editor->cancel();
    question = f.editor->findChild<QMessageBox *>();
    ASSERT_TRUE(question);
    for (QAbstractButton *button : question->buttons())
        if (button->text() == QStringLiteral("Discard changes")) button->click();
    EXPECT_TRUE(QTest::qWaitFor([&] { return closed.size() == 2; }, kWaitMs));
    EXPECT_FALSE(f.editor->hasUnsavedChanges());

    // Ctrl+S saves.
    f.editor->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(f.editor.get()));
    f.editor->newBlank();
    QSignalSpy saved(f.editor.get(), &ui::DefinitionEditor::saved);
    QTest::keyClicks(f.editor->nameEdit(), QStringLiteral("Rent - Click Rent Now"));
    QTest::keyClicks(f.editor->stepEditor(0)->selectorEdit(), QStringLiteral("#rent-now"));
    QTest::keySequence(f.editor->stepEditor(0)->selectorEdit(), QKeySequence::Save);
    ASSERT_TRUE(QTest::qWaitFor([&] { return saved.size() == 1; }, kWaitMs))
        << str(f.editor->fieldError(QStringLiteral("form")))
        << str(f.editor->fieldError(QStringLiteral("name")));
    EXPECT_EQ(closed.size(), 3);
    CoreView core(f.path);
    EXPECT_TRUE(core.find("Rent - Click Rent Now"));
}

TEST(DefinitionEditor, NameFeedbackOffersTheConventionsNameAsOneClick)
{
    EditorFixture f;
    f.editor->show();
    f.editor->newBlank();
    ui::NameFeedback *feedback = f.editor->nameFeedback();
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return feedback->state() != ui::NameFeedback::State::Waiting; }, kWaitMs));
    EXPECT_EQ(feedback->state(), ui::NameFeedback::State::Empty);
    EXPECT_TRUE(feedback->message().contains(QStringLiteral("Category - Action Object")))
        << "the heap preset when the workspace stores none: " << str(feedback->message());

    f.editor->nameEdit()->setText(QStringLiteral("rent - click rent now"));
    EXPECT_EQ(feedback->state(), ui::NameFeedback::State::Violations);
    EXPECT_FALSE(feedback->message().isEmpty());
    ASSERT_FALSE(feedback->suggestion().isEmpty());
    EXPECT_TRUE(feedback->suggestionButton()->isVisible());
    QTest::mouseClick(feedback->suggestionButton(), Qt::LeftButton);
    EXPECT_EQ(str(f.editor->nameEdit()->text()), "Rent - Click Rent Now");
    EXPECT_EQ(feedback->state(), ui::NameFeedback::State::Clean);
    EXPECT_FALSE(feedback->suggestionButton()->isVisible());

    // A name missing a part of the pattern cannot be mended; the criteria give one instead.
    f.editor->stepEditor(0)->eventsEdit()->setText(QStringLiteral("click"));
    f.editor->stepEditor(0)->selectorEdit()->setText(QStringLiteral("div.card > button#rent-now"));
    f.editor->stepEditor(0)->urlEdit()->setText(QStringLiteral("/rent/*"));
    f.editor->nameEdit()->setText(QStringLiteral("rent now"));
    EXPECT_EQ(feedback->state(), ui::NameFeedback::State::Violations);
    EXPECT_EQ(str(feedback->suggestion()), "Rent - Click Rent Now");
}

TEST(DefinitionJobs, NamesComeFromTheCriteriaInTheConventionsShape)
{
    EXPECT_EQ(ui::selectorNameWords("#checkout form button.buy"), "buy");
    EXPECT_EQ(ui::selectorNameWords(R"([data-track="add-to-cart"])"), "add-to-cart");
    EXPECT_EQ(ui::selectorNameWords("#ember123 > a"), "link");
    EXPECT_EQ(ui::selectorNameWords("button#rent-now, a.rent"), "rent-now");
    EXPECT_EQ(ui::selectorNameWords("button.css-1x2y3z"), "button");

    const ui::NameHints hints{"click", "Rent now 5", "/rent/*"};
    EXPECT_EQ(ui::suggestDefinitionName(naming::NameLinter(*naming::conventionPreset("heap")), hints),
              "Rent - Click Rent Now");
    EXPECT_EQ(ui::suggestDefinitionName(naming::NameLinter(*naming::conventionPreset("segment")), hints),
              "Rent Now Clicked");
    EXPECT_EQ(ui::suggestDefinitionName(naming::NameLinter(*naming::conventionPreset("snake_case")), hints),
              "rent_now_clicked");
    const ui::NameHints submit{"submit", "", "https://shop.example/checkout/ord_8f3k2x"};
    EXPECT_EQ(ui::suggestDefinitionName(naming::NameLinter(*naming::conventionPreset("heap")), submit),
              "Checkout - Submit Element");
}

TEST(DefinitionEditor, TheWorkspacesStoredConventionIsTheOneUsed)
{
    EditorFixture f;
    {
        CoreView core(f.path);
        definitions::WorkspaceSettings settings(*core.store);
        ASSERT_TRUE(settings.set(definitions::kNamingConventionSetting, R"({"extends": "snake_case"})"));
    }
    CoreView core(f.path);
    const qint64 id = core.index->ids()[1];
    f.editor->newFromInteractions({id});
    ASSERT_TRUE(f.waitLoaded());
    const QString name = f.editor->nameEdit()->text();
    EXPECT_TRUE(name.contains(QLatin1Char('_')) && name == name.toLower()) << str(name);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return f.editor->nameFeedback()->state() != ui::NameFeedback::State::Waiting; }, kWaitMs));
    EXPECT_EQ(f.editor->nameFeedback()->state(), ui::NameFeedback::State::Clean) << str(name);
}

TEST(DefinitionEditor, ANameAlreadyTakenIsShownBesideTheNameAndNotSaved)
{
    EditorFixture f;
    Definition existing;
    existing.name = "Rent - Click Rent Now";
    existing.steps.push_back({});
    existing.steps[0].selector = "#rent-now";
    {
        CoreView core(f.path);
        definitions::Catalog catalog(*core.store);
        ASSERT_TRUE(catalog.create(existing, {"tester", "", std::nullopt}));
    }
    f.editor->newBlank();
    f.editor->nameEdit()->setText(QStringLiteral("RENT - click rent now"));
    f.editor->stepEditor(0)->selectorEdit()->setText(QStringLiteral("button"));
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return !f.editor->fieldError(QStringLiteral("name")).isEmpty(); }, kWaitMs));
    EXPECT_TRUE(
        f.editor->fieldError(QStringLiteral("name")).contains(QStringLiteral("Rent - Click Rent Now")))
        << str(f.editor->fieldError(QStringLiteral("name")));
    EXPECT_FALSE(f.editor->save());
}

TEST(DefinitionEditor, TheSharedTimeRangeNarrowsThePreview)
{
    EditorFixture f;
    f.editor->newBlank();
    f.editor->stepEditor(0)->selectorEdit()->setText(QStringLiteral("#rent-now"));
    ASSERT_TRUE(f.waitPreview());
    EXPECT_EQ(f.editor->preview()->countText(), ui::formatCount(180));
    // The newest 50 interactions (one second apart): 45 clicks.
    ui::StudioTimeRange custom;
    custom.preset = ui::StudioTimeRange::Preset::Custom;
    custom.customFromMs = test::kNewestMs - 49'000;
    custom.customToMs = test::kNewestMs + 1;
    f.range.setValue(custom);
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return f.editor->preview()->countText() == ui::formatCount(45); }, kWaitMs))
        << str(f.editor->preview()->countText());
}

TEST(DefinitionEditor, RendersWithADemoWorkspace)
{
    // The look of the editor over the demo shop, saved as a PNG when HINDSIGHT_EDITOR_PNG names a file.
    test::TempDir dir;
    const std::string path = dir.file("demo.hindsight");
    {
        std::string error;
        auto store = store::Store::open(path, store::Store::OpenMode::CreateIfMissing, &error);
        ASSERT_TRUE(store) << error;
        demo::DemoOptions options;
        options.interactions = 20'000;
        const auto built = demo::buildDemoWorkspace(*store, options);
        ASSERT_TRUE(built.error.empty()) << built.error;
    }
    CoreView core(path);
    ASSERT_TRUE(core.index);
    // An "Add to cart" click.
    const auto &dict = core.index->dictionaries();
    const auto shapes = core.index->shapes();
    const auto shapeDict = core.index->shapeDictionary();
    qint64 id = -1;
    for (std::size_t row = 0; row < core.index->size() && id < 0; ++row) {
        const auto &shape = shapeDict[shapes[row]];
        if (shape.chain == 0 || dict.eventTypes[shape.type] != "click") continue;
        const auto &chain = dict.chains[shape.chain];
        for (const auto &element : chain)
            if (element.text.find("Add to cart") != std::string::npos) {
                id = core.index->ids()[row];
                break;
            }
    }
    ASSERT_GE(id, 0) << "the demo has add-to-cart clicks";

    // HINDSIGHT_EDITOR_DARK: the same in a dark palette (the colours of the notes follow it).
    const QPalette lightPalette = QApplication::palette();
    if (qEnvironmentVariableIsSet("HINDSIGHT_EDITOR_DARK")) {
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
        dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
        dark.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
        dark.setColor(QPalette::HighlightedText, Qt::white);
        dark.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
        QApplication::setPalette(dark);
    }
    struct RestorePalette
    {
        QPalette palette;
        ~RestorePalette() { QApplication::setPalette(palette); }
    } restore{lightPalette};
    ui::AnalysisService analysis;
    analysis.open(QString::fromStdString(path));
    ui::CatalogEditor catalog(&analysis);
    ui::SharedTimeRange range;
    range.setNewestMs(demo::DemoGenerator::kDefaultEndMs);
    ui::StudioTimeRange last30;
    last30.preset = ui::StudioTimeRange::Preset::Last30Days;
    range.setValue(last30);
    ui::DefinitionEditor editor(&analysis, &catalog, &range);
    editor.resize(1400, 900);
    editor.show();
    editor.newFromInteractions({id});
    ASSERT_TRUE(QTest::qWaitFor([&] { return !editor.isLoading(); }, kWaitMs));
    ASSERT_TRUE(editor.stepCount() == 1);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return editor.preview()->hasResult() && editor.preview()->statusText().isEmpty() &&
                   analysis.pendingJobs() == 0;
        },
        kWaitMs));
    const qint64 expected = core.count(editor.draft(), range.resolved());
    EXPECT_EQ(editor.preview()->countText(), ui::formatCount(expected));
    // Broaden the criteria so that the preview shows new elements too.
    const int shown = editor.preview()->resultCount();
    ui::StepEditor *step = editor.stepEditor(0);
    ASSERT_TRUE(!step->textEdit()->text().isEmpty() || !step->urlEdit()->text().isEmpty())
        << "the proposal has a text or a page";
    if (!step->textEdit()->text().isEmpty())
        step->textEdit()->clear();
    else
        step->urlEdit()->clear();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return editor.preview()->resultCount() > shown && editor.preview()->statusText().isEmpty() &&
                   analysis.pendingJobs() == 0;
        },
        kWaitMs));
    EXPECT_EQ(editor.preview()->countText(), ui::formatCount(core.count(editor.draft(), range.resolved())));
    const QByteArray png = qgetenv("HINDSIGHT_EDITOR_PNG");
    if (!png.isEmpty()) {
        QTest::qWait(300);
        EXPECT_TRUE(editor.grab().save(QString::fromLocal8Bit(png)));
        // A second step, a property filter and an invalid selector, for a look at the notes.
        ui::StepEditor *second = editor.addStep();
        second->eventsEdit()->setText(QStringLiteral("submit"));
        second->urlEdit()->setText(QStringLiteral("/checkout"));
        const int row = second->addPropertyRow();
        second->propertyKeyEdit(row)->setText(QStringLiteral("$browser"));
        second->propertyValueEdit(row)->setText(QStringLiteral("Firefox"));
        editor.nameEdit()->setText(QStringLiteral("add to cart clicked"));
        QTest::qWait(1000);
        EXPECT_TRUE(editor.grab().save(QString::fromLocal8Bit(png) + QStringLiteral(".two.png")));
        step->selectorEdit()->setText(QStringLiteral("button#add-to-cart)"));
        QTest::qWait(500);
        EXPECT_TRUE(editor.grab().save(QString::fromLocal8Bit(png) + QStringLiteral(".invalid.png")));
    }
    EXPECT_TRUE(QTest::qWaitFor([&] { return analysis.pendingJobs() == 0; }, kWaitMs));
}

TEST(DefinitionEditor, SeveralSelectedInteractionsGiveTheirCommonPagePattern)
{
    EditorFixture f;
    CoreView core(f.path);
    const qint64 a = core.index->ids()[1];
    const qint64 b = core.index->ids()[2];
    f.editor->newFromInteractions({a, b});
    ASSERT_TRUE(f.waitLoaded());
    ASSERT_EQ(f.editor->stepCount(), 1);
    ui::StepEditor *step = f.editor->stepEditor(0);
    EXPECT_EQ(str(step->urlEdit()->text()), "/rent/*");
    EXPECT_EQ(str(step->urlModeBox()->currentText()), "matches wildcard");
    EXPECT_TRUE(step->selectorEdit()->text().contains(QStringLiteral("rent-now")));
    ASSERT_TRUE(f.waitPreview());
    EXPECT_EQ(f.editor->preview()->countText(), ui::formatCount(core.count(f.editor->draft())));
}

TEST(DefinitionEditor, AnInteractionWithoutAnElementSaysWhyAndLeavesTheCriteriaToTheUser)
{
    EditorFixture f;
    CoreView core(f.path);
    const qint64 pageview = core.index->ids()[0]; // every tenth interaction is a pageview
    f.editor->newFromInteractions({pageview});
    ASSERT_TRUE(f.waitLoaded());
    EXPECT_TRUE(f.editor->bannerText().contains(QStringLiteral("no element chain")))
        << str(f.editor->bannerText());
    ASSERT_EQ(f.editor->stepCount(), 1);
    EXPECT_TRUE(f.editor->stepEditor(0)->isEmpty());
    EXPECT_FALSE(f.editor->hasUnsavedChanges());
}

TEST(DefinitionEditor, EditsACombo)
{
    EditorFixture f;
    {
        CoreView core(f.path);
        definitions::Catalog catalog(*core.store);
        Definition clicks;
        clicks.name = "Rent - Click Rent Now";
        clicks.steps.push_back({});
        clicks.steps[0].selector = "#rent-now";
        Definition views;
        views.name = "Rent - View Page";
        views.steps.push_back({});
        views.steps[0].eventTypes = {"pageview"};
        Definition combo;
        combo.name = "Rent - Any Activity";
        combo.combo = {clicks.name, views.name};
        ASSERT_TRUE(catalog.create(clicks, {"tester", "", std::nullopt}));
        ASSERT_TRUE(catalog.create(views, {"tester", "", std::nullopt}));
        ASSERT_TRUE(catalog.create(combo, {"tester", "", std::nullopt}));
    }
    f.editor->edit(QStringLiteral("Rent - Any Activity"));
    ASSERT_TRUE(f.waitLoaded());
    auto *members = f.editor->findChild<QPlainTextEdit *>(QStringLiteral("comboEdit"));
    ASSERT_TRUE(members && members->isVisibleTo(f.editor.get()));
    EXPECT_EQ(str(members->toPlainText()), "Rent - Click Rent Now\nRent - View Page");
    ASSERT_TRUE(f.waitPreview());
    EXPECT_EQ(f.editor->preview()->countText(), ui::formatCount(200));

    // A member that does not exist is refused by the catalog, beside the members.
    members->setPlainText(QStringLiteral("Rent - Click Rent Now\nNo Such Definition"));
    ASSERT_TRUE(f.editor->save());
    ASSERT_TRUE(QTest::qWaitFor([&] { return !f.editor->isSaving(); }, kWaitMs));
    EXPECT_TRUE(f.editor->fieldError(QStringLiteral("combo")).contains(QStringLiteral("No Such Definition")))
        << str(f.editor->fieldError(QStringLiteral("combo"))) << " / "
        << str(f.editor->fieldError(QStringLiteral("form")));
    CoreView core(f.path);
    EXPECT_EQ(core.find("Rent - Any Activity")->combo.size(), 2u);
}
