#pragma once

#include "core/definitions/definition.h"
#include "core/definitions/definitionvalidator.h"

#include <QList>
#include <QString>
#include <QVector>
#include <QWidget>
#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QSplitter;
class QTabWidget;
class QTimer;
class QVBoxLayout;

namespace hindsight::ui {

class AnalysisService;
class CatalogEditor;
class DefinitionPreview;
class NameFeedback;
class SharedTimeRange;
class StepEditor;
struct DefinitionPreviewResult;
struct StepRowCounts;

/// The point-and-click definition editor: a definition's name (with inline feedback on the
/// workspace's naming convention and a suggested name), description, category, owner, tags and
/// status; its criteria as step cards (OR-ed), each with rows (AND-ed) and per-row match
/// counts; and beside it the live preview (DefinitionPreview, tab "Preview" of sideTabs()) over
/// the shared time range, updated ~150 ms after each change on the analysis thread.
///
/// Ctrl+S saves through the CatalogEditor (undoable); Esc cancels, asking only when something
/// changed. Problems are shown beside the field they concern: live while typing for fields
/// that cannot be right as they are (a selector that does not parse, a regex that does not
/// compile), and all of them once a save was refused — the editor's own check first, then
/// whatever the catalog refuses (a name already taken...).
class DefinitionEditor : public QWidget
{
    Q_OBJECT

  public:
    DefinitionEditor(AnalysisService *analysis, CatalogEditor *catalog, SharedTimeRange *range,
                     QWidget *parent = nullptr);
    ~DefinitionEditor() override;

    /// A new definition proposed from the interactions the user selected (SelectorSuggester:
    /// selector, common text, page pattern; a name following the convention).
    void newFromInteractions(const QVector<qint64> &interactionIds);
    /// A new, empty definition.
    void newBlank();
    /// Loads the saved definition `name` (a current name or an alias).
    void edit(const QString &name);

    bool hasUnsavedChanges() const;
    /// The saved name being edited ("" for a new one).
    QString definitionName() const { return m_savedName; }
    /// The preview side: the tab "Preview"; the host may add tabs ("History").
    QTabWidget *sideTabs() const { return m_sideTabs; }

    /// Same as Ctrl+S. False when the definition is not valid (the problems are shown beside
    /// the fields) or there is nothing to save yet; true when the save was handed to the
    /// catalog (saved() follows on success) or nothing changed.
    bool save();
    /// Same as Esc: closes at once when nothing changed, else asks first.
    void cancel();

    // ---- state, for the host and tests ----

    /// The definition as typed (empty steps included, not normalised).
    definitions::Definition draft() const;
    /// A proposal or a saved definition is being read.
    bool isLoading() const { return m_loading; }
    bool isSaving() const { return m_pendingSave; }
    DefinitionPreview *preview() const { return m_preview; }
    NameFeedback *nameFeedback() const { return m_nameFeedback; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *categoryEdit() const { return m_category; }
    QLineEdit *ownerEdit() const { return m_owner; }
    QLineEdit *tagsEdit() const { return m_tags; }
    QPlainTextEdit *descriptionEdit() const { return m_description; }
    QComboBox *statusBox() const { return m_status; }
    QPushButton *saveButton() const { return m_saveButton; }
    int stepCount() const { return static_cast<int>(m_steps.size()); }
    StepEditor *stepEditor(int index) const;
    /// Adds an empty step card (as "Add step" does) and returns it.
    StepEditor *addStep();
    /// The problem shown beside a field: "name", "description", "category", "owner", "tags",
    /// "combo", "criteria" (the steps as a whole) or "form" (anything else); "" when none.
    /// Step rows: StepEditor::issueText().
    QString fieldError(const QString &field) const;
    /// The line under the title (what was proposed and why, or what went wrong).
    QString bannerText() const;

  signals:
    /// After the CatalogEditor reported success.
    void saved(const QString &name);
    /// Saved or cancelled: the host may switch away.
    void closed();

  private:
    struct FieldNote
    {
        QWidget *box = nullptr;
        QLabel *text = nullptr;
    };

    void buildUi();
    QWidget *withNote(QWidget *field, FieldNote *note);
    void reset(const QString &title);
    void setFormEnabled(bool enabled);
    StepEditor *appendStep(const definitions::Step &step);
    void removeStep(StepEditor *editor);
    void relayoutSteps();
    void setComboMode(bool combo);
    void populate(const definitions::Definition &def);
    void markPristine();
    void onChanged();
    void updateNameHints();
    void schedulePreview();
    void runPreview();
    void onPreviewResult(const DefinitionPreviewResult &result);
    void onRowCounts(const std::vector<StepRowCounts> &counts, const std::vector<int> &stepMap);
    void runNameCheck();
    void updateIssues();
    void showIssues(const std::vector<definitions::DefinitionIssue> &issues);
    void setNote(FieldNote &note, const QStringList &messages);
    void focusFirstIssue(const std::vector<definitions::DefinitionIssue> &issues);
    void setBanner(const QString &text, bool error);
    void updateRangeLabel();
    void onCatalogSucceeded(const QString &text, const QStringList &names);
    void onCatalogFailed(const QString &text, const QString &error);
    void discardAndClose();
    /// `def` normalised, without steps that have no condition: what "changed" compares.
    static definitions::Definition comparable(definitions::Definition def);

    AnalysisService *m_analysis;
    CatalogEditor *m_catalog;
    SharedTimeRange *m_range;

    QLabel *m_title = nullptr;
    QLabel *m_banner = nullptr;
    FieldNote m_formNote;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QSplitter *m_splitter = nullptr;
    QScrollArea *m_formScroll = nullptr;
    QWidget *m_form = nullptr;
    QLineEdit *m_name = nullptr;
    FieldNote m_nameNote;
    NameFeedback *m_nameFeedback = nullptr;
    QPlainTextEdit *m_description = nullptr;
    FieldNote m_descriptionNote;
    QLineEdit *m_category = nullptr;
    FieldNote m_categoryNote;
    QLineEdit *m_owner = nullptr;
    FieldNote m_ownerNote;
    QLineEdit *m_tags = nullptr;
    FieldNote m_tagsNote;
    QComboBox *m_status = nullptr;
    QWidget *m_criteria = nullptr;
    FieldNote m_criteriaNote;
    QVBoxLayout *m_stepsLayout = nullptr;
    std::vector<StepEditor *> m_steps;
    QList<QWidget *> m_orLabels;
    QPushButton *m_addStep = nullptr;
    QWidget *m_comboBox = nullptr;
    QPlainTextEdit *m_combo = nullptr;
    FieldNote m_comboNote;
    QTabWidget *m_sideTabs = nullptr;
    DefinitionPreview *m_preview = nullptr;
    QTimer *m_previewTimer = nullptr;

    QString m_savedName;
    definitions::Definition m_original;
    std::optional<definitions::Definition> m_baseline;
    bool m_comboMode = false;
    bool m_loading = false;
    bool m_loadFailed = false;
    bool m_populating = false;
    bool m_showAllIssues = false;
    bool m_pendingSave = false;
    QString m_pendingText; ///< the CatalogEditor's text for the save in flight ("Create “X”")
    QString m_pendingName;
    QString m_nameTakenBy; ///< another definition holding the typed name ("" when free)
    QString m_nameChecked; ///< the name m_nameTakenBy is about
    std::vector<definitions::DefinitionIssue> m_catalogIssues; ///< from the last refused save
    int m_loadToken = 0;
    int m_previewToken = 0;
};

} // namespace hindsight::ui
