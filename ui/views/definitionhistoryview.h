#pragma once

#include "ui/store/catalogjobs.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QTreeWidget;

namespace hindsight::ui {

class AnalysisService;
class CatalogEditor;

/// A definition's history: every version with who, when, what action and why; for the selected
/// version, what changed from the one before, field by field ("selector: button.buy →
/// #checkout-submit"); and Restore, which brings that version's content back as a new version
/// (CatalogEditor::restoreVersion, undoable). Reloads when the catalog changes.
class DefinitionHistoryView : public QWidget
{
    Q_OBJECT

  public:
    DefinitionHistoryView(AnalysisService *analysis, CatalogEditor *catalog, QWidget *parent = nullptr);

    /// Shows the history of the definition with this current or former name ("" = nothing).
    void setDefinition(const QString &name);
    /// The definition shown, by its current name once loaded.
    QString definitionName() const { return m_name; }
    void reload();
    /// Edits are refused in a read-only workspace: Restore is disabled.
    void setReadOnly(bool readOnly);

    bool isLoading() const { return m_loading; }
    const DefinitionHistory &history() const { return m_history; }
    /// The selected version (0 = none).
    int selectedVersion() const;
    void selectVersion(int version);
    /// Restores the selected version (does nothing for the current one).
    void restoreSelected();

    QTreeWidget *versionList() const { return m_versions; }
    QListWidget *changeList() const { return m_changes; }
    /// Who made the selected version, when, and why.
    QLabel *changeAuthor() const { return m_changesBy; }
    QPushButton *restoreButton() const { return m_restore; }

    /// "Created", "Edited", "Renamed", … for a history action.
    static QString actionWord(const QString &action);

  signals:
    /// The history of definitionName() was shown (or failed to load).
    void loaded();

  private:
    void showHistory(const DefinitionHistory &history);
    void showSelectedChanges();
    void updateRestore();

    AnalysisService *m_analysis;
    CatalogEditor *m_catalog;
    QString m_name;
    QString m_jobKey;
    DefinitionHistory m_history;
    bool m_loading = false;
    bool m_readOnly = false;
    QLabel *m_status = nullptr;
    QTreeWidget *m_versions = nullptr;
    QLabel *m_changesTitle = nullptr;
    QLabel *m_changesBy = nullptr;
    QListWidget *m_changes = nullptr;
    QPushButton *m_restore = nullptr;
};

} // namespace hindsight::ui
