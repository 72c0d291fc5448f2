#pragma once

#include "ui/store/catalogjobs.h"

#include <QPointer>
#include <QString>
#include <QStringList>
#include <QVector>
#include <QWidget>
#include <functional>

class QAction;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QModelIndex;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QToolButton;

namespace hindsight::ui {

class AnalysisService;
class CatalogEditor;
class DefinitionEditor;
class DefinitionFilterModel;
class DefinitionHistoryView;
class DefinitionListModel;
class SharedTimeRange;

/// The Definitions view: the catalog (search, filters on status, category, owner, tag and
/// health; counts over the shared time range; Verify, Deprecate, Archive, back to Draft; an
/// inspector with the selected definition's criteria in words, former names, counts and its
/// history) and, on a second page, the definition editor.
class DefinitionsView : public QWidget
{
    Q_OBJECT

  public:
    DefinitionsView(AnalysisService *analysis, CatalogEditor *catalog, SharedTimeRange *range,
                    QWidget *parent = nullptr);

    /// Selects the definition (current or former name) in the list and shows its details;
    /// clears filters that would hide it.
    void showDefinition(const QString &name);
    /// Opens the definition in the editor page.
    void editDefinition(const QString &name);
    /// Opens the editor page with a new definition made from these interactions.
    void defineFromInteractions(const QVector<qint64> &ids);
    /// Opens the editor page with an empty new definition.
    void newDefinition();
    /// Reads the catalog again (and then its counts).
    void reload();

    QTableView *table() const { return m_table; }
    DefinitionEditor *editor() const { return m_editor; }
    DefinitionListModel *listModel() const { return m_model; }
    DefinitionFilterModel *filterModel() const { return m_filter; }
    DefinitionHistoryView *historyView() const { return m_history; }
    /// True while the editor page is shown.
    bool isEditing() const;
    /// Current names of the selected definitions, in list order.
    QStringList selectedNames() const;

  signals:
    /// "Chart" on the selected definitions.
    void chartRequested(const QStringList &names);

  protected:
    void showEvent(QShowEvent *event) override;

  private:
    QWidget *buildCatalogPage();
    QWidget *buildInspector();
    void requestCatalog();
    void requestStats();
    void onCatalog(const CatalogSnapshot &snapshot);
    void onStats(const CatalogStats &stats);
    void refreshFilterChoices();
    void updateSummary();
    void updateEmptyState();
    void updateActions();
    void updateInspector();
    void applyStatus(definitions::DefinitionStatus status);
    void selectNames(const QStringList &names);
    void openEditorPage(const QString &historyName);
    void confirmLeavingEditor(const std::function<void()> &then);
    void showMessage(const QString &text, bool error);

    AnalysisService *m_analysis;
    CatalogEditor *m_catalog;
    SharedTimeRange *m_range;
    DefinitionListModel *m_model;
    DefinitionFilterModel *m_filter;

    QStackedWidget *m_pages = nullptr;
    QWidget *m_catalogPage = nullptr;
    DefinitionEditor *m_editor = nullptr;
    QPointer<DefinitionHistoryView> m_editorHistory;

    QLineEdit *m_search = nullptr;
    QComboBox *m_statusCombo = nullptr;
    QComboBox *m_categoryCombo = nullptr;
    QComboBox *m_ownerCombo = nullptr;
    QComboBox *m_tagCombo = nullptr;
    QComboBox *m_healthCombo = nullptr;
    QPushButton *m_clearFilters = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_message = nullptr;
    QStackedWidget *m_tableStack = nullptr;
    QTableView *m_table = nullptr;
    QWidget *m_emptyPage = nullptr;
    QLabel *m_emptyLabel = nullptr;
    QPushButton *m_emptyButton = nullptr;
    QSplitter *m_splitter = nullptr;

    QAction *m_newAction = nullptr;
    QAction *m_editAction = nullptr;
    QAction *m_verifyAction = nullptr;
    QAction *m_deprecateAction = nullptr;
    QAction *m_archiveAction = nullptr;
    QAction *m_draftAction = nullptr;
    QAction *m_chartAction = nullptr;
    QAction *m_findAction = nullptr;

    // Inspector
    QTabWidget *m_inspectorTabs = nullptr;
    QStackedWidget *m_detailStack = nullptr;
    QLabel *m_detailEmpty = nullptr;
    QLabel *m_detailName = nullptr;
    QLabel *m_detailStatusIcon = nullptr;
    QLabel *m_detailStatus = nullptr;
    QLabel *m_detailDescription = nullptr;
    QLabel *m_detailCategory = nullptr;
    QLabel *m_detailOwner = nullptr;
    QLabel *m_detailTags = nullptr;
    QLabel *m_detailCriteriaTitle = nullptr;
    QLabel *m_detailCriteria = nullptr;
    QLabel *m_detailAliases = nullptr;
    QLabel *m_detailCounts = nullptr;
    QLabel *m_detailLastSeen = nullptr;
    QLabel *m_detailHealthIcon = nullptr;
    QLabel *m_detailHealth = nullptr;
    QLabel *m_detailVersion = nullptr;
    DefinitionHistoryView *m_history = nullptr;

    QString m_loadedPath;
    bool m_readOnly = false;
    bool m_catalogRequested = false;
    QString m_catalogError;
    QStringList m_pendingSelection; ///< names to select once the list arrives
    QString m_editing;              ///< the saved definition open in the editor ("" = new)
};

} // namespace hindsight::ui
