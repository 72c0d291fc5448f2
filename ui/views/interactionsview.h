#pragma once

#include "core/definitions/interactionbrowse.h"

#include <QByteArray>
#include <QVector>
#include <QWidget>

class QLabel;
class QModelIndex;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace hindsight::ui {

class AnalysisService;
class ElementsView;
class InteractionDetailView;
class InteractionFilterBar;
class InteractionTableModel;
class SharedTimeRange;
class WorkspaceSession;

/// The Interactions view: a filter bar, then two tabs — Interactions (a table that fetches
/// further pages as it is scrolled) and Elements (one row per distinct element) — and the detail
/// pane for the selected interaction.
///
/// Without a filter (no chip, time range "All") the table pages through the store, newest first
/// (WorkspaceSession). With one, it shows the matching interactions through AnalysisService jobs
/// (key "browse"), also newest first and a page at a time, holding at most kFilteredMaxRows.
class InteractionsView : public QWidget
{
    Q_OBJECT

  public:
    /// The most filtered rows the table holds.
    static constexpr int kFilteredMaxRows = 50'000;

    InteractionsView(WorkspaceSession *session, AnalysisService *analysis, SharedTimeRange *range,
                     QWidget *parent = nullptr);
    /// Without filters, elements or "Matched by" (no analysis service).
    explicit InteractionsView(WorkspaceSession *session, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    InteractionDetailView *detailView() const { return m_detail; }
    InteractionFilterBar *filterBar() const { return m_filterBar; }
    ElementsView *elementsView() const { return m_elements; }
    QTabWidget *tabs() const { return m_tabs; }
    /// The model the table shows now (the session's, or the filtered one).
    InteractionTableModel *shownModel() const;
    /// True while the table shows filtered rows.
    bool isFiltered() const;
    /// Matching interactions of the filter (-1 while counting or without filter).
    qint64 filteredCount() const { return m_filteredCount; }
    /// The summary line above the table.
    QString summaryText() const;
    /// The filter applied (chips and time range).
    definitions::BrowseFilter currentFilter() const;

    /// Selects `row` of the newest interactions (the session's table), shows it and gives the
    /// table the focus. Filters are cleared first when the table is filtered.
    void selectRow(int row);
    /// The ids of the selected interactions, in table order.
    QVector<qint64> selectedInteractionIds() const;

    QByteArray splitterState() const;
    QByteArray headerState() const;
    void restoreState(const QByteArray &splitter, const QByteArray &header);
    /// Shows or hides the detail pane.
    void setDetailVisible(bool visible);
    bool isDetailVisible() const;

  signals:
    /// "Define event" (button or D) on the selected interactions, or from the Elements tab on
    /// the representative interactions of the selected elements, or from the detail pane.
    void defineRequested(const QVector<qint64> &interactionIds);
    /// A definition under "Matched by" in the detail pane was clicked.
    void definitionActivated(const QString &name);

  private:
    void build();
    void updateSummary();
    void updateEmptyState();
    void onCurrentRowChanged(const QModelIndex &current);
    void showInteraction(qint64 id, const QString &uuid);
    void prefetchIfNearEnd();
    void applyFilter();
    void showModel(InteractionTableModel *model);
    void fetchFiltered(quint64 generation, qint64 beforeId, int limit);
    void countSelector(const QString &selector);
    void requestDefine();
    void showContextMenu(const QPoint &pos);

    WorkspaceSession *m_session;
    AnalysisService *m_analysis = nullptr;
    SharedTimeRange *m_range = nullptr;
    InteractionTableModel *m_model;
    InteractionTableModel *m_filtered = nullptr;
    definitions::BrowseFilter m_filter;
    qint64 m_filteredCount = -1;
    QString m_filterError;
    QString m_indexStatus;
    InteractionFilterBar *m_filterBar = nullptr;
    QTabWidget *m_tabs = nullptr;
    ElementsView *m_elements = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_define = nullptr;
    QStackedWidget *m_tableStack = nullptr;
    QLabel *m_emptyLabel = nullptr;
    QTableView *m_table = nullptr;
    QSplitter *m_splitter = nullptr;
    InteractionDetailView *m_detail = nullptr;
    int m_scrollBeforeInsert = -1;
    qint64 m_lastInteractions = -1;
};

} // namespace hindsight::ui
