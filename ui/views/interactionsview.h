#pragma once

#include <QByteArray>
#include <QWidget>

class QLabel;
class QModelIndex;
class QSplitter;
class QStackedWidget;
class QTableView;

namespace hindsight::ui {

class InteractionDetailView;
class InteractionTableModel;
class WorkspaceSession;

/// The Interactions view: the newest interactions in a table that fetches further pages as
/// it is scrolled, and the detail pane for the selected one.
class InteractionsView : public QWidget
{
    Q_OBJECT

  public:
    explicit InteractionsView(WorkspaceSession *session, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    InteractionDetailView *detailView() const { return m_detail; }

    /// Selects `row`, shows it and gives the table the focus.
    void selectRow(int row);

    QByteArray splitterState() const;
    QByteArray headerState() const;
    void restoreState(const QByteArray &splitter, const QByteArray &header);
    /// Shows or hides the detail pane.
    void setDetailVisible(bool visible);
    bool isDetailVisible() const;

  private:
    void updateSummary();
    void updateEmptyState();
    void onCurrentRowChanged(const QModelIndex &current);
    void prefetchIfNearEnd();

    WorkspaceSession *m_session;
    InteractionTableModel *m_model;
    QLabel *m_summary = nullptr;
    QStackedWidget *m_tableStack = nullptr;
    QLabel *m_emptyLabel = nullptr;
    QTableView *m_table = nullptr;
    QSplitter *m_splitter = nullptr;
    InteractionDetailView *m_detail = nullptr;
    int m_scrollBeforeInsert = -1;
};

} // namespace hindsight::ui
