#pragma once

#include "core/definitions/interactionbrowse.h"

#include <QVector>
#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace hindsight::ui {

class AnalysisService;
class ElementTableModel;

/// The Elements tab of the interactions browser: one row per distinct element of the filtered
/// interactions (summary, interactions, people, pages, first and last seen, a 30-day sparkline),
/// most used first, fetched a page at a time through AnalysisService jobs (key "browse-elements").
/// It asks only while it is visible: a filter set while it is hidden is answered when it is shown.
class ElementsView : public QWidget
{
    Q_OBJECT

  public:
    ElementsView(AnalysisService *analysis, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    ElementTableModel *model() const { return m_model; }
    QPushButton *defineButton() const { return m_define; }

    /// The filter (with its time range) whose elements to list.
    void setFilter(const definitions::BrowseFilter &filter);
    /// Asks again (the workspace changed).
    void refresh();
    /// The representative interactions of the selected elements, in table order.
    QVector<qint64> selectedRepresentatives() const;
    /// The summary line ("12 elements · 3,402 interactions with an element").
    QString summaryText() const;

  signals:
    /// Define event (button or D) on the selected elements: their representative interactions.
    void defineRequested(const QVector<qint64> &interactionIds);
    /// The current element changed: its newest interaction (for the detail pane); 0 = none.
    void representativeChanged(qint64 id, const QString &uuid);
    /// An element was double-clicked or Enter pressed: show its interactions.
    void elementActivated(const QString &selector);

  protected:
    void showEvent(QShowEvent *event) override;

  private:
    void start();
    void fetch(quint64 generation, int offset, int limit);
    void updateState();

    AnalysisService *m_analysis;
    ElementTableModel *m_model;
    definitions::BrowseFilter m_filter;
    bool m_dirty = true;
    QLabel *m_summary = nullptr;
    QPushButton *m_define = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_empty = nullptr;
};

} // namespace hindsight::ui
