#pragma once

#include "ui/store/namingjobs.h"

#include <QSet>
#include <QString>
#include <QWidget>
#include <optional>
#include <string>

class QComboBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTreeView;
class QTreeWidget;

namespace hindsight::naming {
struct Convention;
}

namespace hindsight::ui {

class AnalysisService;
class CatalogEditor;
class NamingConventionEditor;
class NamingDuplicateModel;
class NamingViolationModel;
class SharedTimeRange;

/// The Naming view: the catalog reviewed against the workspace's naming convention.
///  - Violations, grouped by rule, each "current name → suggested name" with a check box;
///    Preview shows the renames, Apply makes them as one undoable change (CatalogEditor).
///  - Duplicates by name (the reason) and by meaning (the overlap of what they match); pick the
///    one to keep and merge the others into it (undo takes them back out).
///  - Health: stale (nothing matched recently, or never) and broken definitions.
///  - Convention: the editor with a live example; saving stores it in the workspace as
///    `hindsight convention set` does, undoable from the main window's Undo.
/// Everything is asked of the AnalysisService; the view asks again when the catalog changes.
class NamingView : public QWidget
{
    Q_OBJECT

  public:
    NamingView(AnalysisService *analysis, CatalogEditor *catalog, SharedTimeRange *range,
               QWidget *parent = nullptr);
    ~NamingView() override;

    enum Tab { ViolationsTab, DuplicatesTab, HealthTab, ConventionTab };

    QTabWidget *tabs() const { return m_tabs; }
    NamingViolationModel *violationModel() const { return m_violations; }
    NamingDuplicateModel *duplicateModel() const { return m_duplicates; }
    NamingConventionEditor *conventionEditor() const { return m_editor; }
    QTreeView *violationTree() const { return m_violationTree; }
    QTreeView *duplicateTree() const { return m_duplicateTree; }
    QTreeWidget *healthList() const { return m_healthList; }
    QTreeWidget *previewList() const { return m_previewList; }

    /// The review (violations, duplicates by name) has arrived at least once since the last
    /// change; the same for duplicates by meaning and health.
    bool hasReview() const { return m_hasReview; }
    bool hasMeaning() const { return m_hasMeaning; }
    bool hasHealth() const { return m_hasHealth; }

    /// Shows the checked renames for confirmation (the Preview button).
    void previewRenames();
    /// Applies the previewed renames as one change.
    void applyRenames();
    /// Selects the duplicate group at `row` (top level of duplicateModel()).
    void selectDuplicateGroup(int row);
    /// Merges every other member of the selected group into `keep` (or the one the Keep box
    /// shows when empty).
    void mergeSelectedGroup(const QString &keep = {});

  signals:
    /// The user opened a definition from one of the lists (double-click or Enter).
    void definitionActivated(const QString &name);

  private:
    QWidget *buildViolationsTab();
    QWidget *buildDuplicatesTab();
    QWidget *buildHealthTab();
    void requestAll();
    void requestReview();
    void requestMeaning();
    void requestHealth();
    void showReview(const NamingReview &review);
    void showMeaning(const NamingMeaningResult &result);
    void showHealth(const NamingHealthResult &result);
    void updateTabTitles();
    void updateViolationActions();
    void updateMergePanel();
    void updateMergeExplain();
    void showMessage(const QString &text, bool error);
    void saveConvention(const std::optional<naming::Convention> &convention);
    QString preferredKeep(const NamingDuplicateGroup &group) const;

    AnalysisService *m_analysis;
    CatalogEditor *m_catalog;
    SharedTimeRange *m_range;
    NamingViolationModel *m_violations;
    NamingDuplicateModel *m_duplicates;

    QLabel *m_conventionLine = nullptr;
    QLabel *m_message = nullptr;
    QTabWidget *m_tabs = nullptr;
    // Violations
    QStackedWidget *m_violationPages = nullptr;
    QTreeView *m_violationTree = nullptr;
    QLabel *m_violationsEmpty = nullptr;
    QLabel *m_violationSummary = nullptr;
    QPushButton *m_checkAll = nullptr;
    QPushButton *m_checkNone = nullptr;
    QPushButton *m_preview = nullptr;
    QTreeWidget *m_previewList = nullptr;
    QLabel *m_previewNote = nullptr;
    QPushButton *m_apply = nullptr;
    QPushButton *m_back = nullptr;
    // Duplicates
    QTreeView *m_duplicateTree = nullptr;
    QLabel *m_duplicatesEmpty = nullptr;
    QLabel *m_meaningStatus = nullptr;
    QComboBox *m_keep = nullptr;
    QLabel *m_mergeExplain = nullptr;
    QPushButton *m_merge = nullptr;
    // Health
    QTreeWidget *m_healthList = nullptr;
    QLabel *m_healthEmpty = nullptr;
    QLabel *m_healthBasis = nullptr;
    // Convention
    NamingConventionEditor *m_editor = nullptr;

    bool m_hasReview = false;
    bool m_hasMeaning = false;
    bool m_hasHealth = false;
    bool m_readOnly = false;
    int m_healthCount = -1;
    bool m_awaitingEdit = false;
    qint64 m_checkedNewestMs = -1;
    QSet<QString> m_breaking; ///< definitions whose name breaks the convention
    std::string m_conventionId;
};

} // namespace hindsight::ui
