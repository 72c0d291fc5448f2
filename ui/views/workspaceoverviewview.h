#pragma once

#include "ui/store/workspacestats.h"

#include <QWidget>

class QLabel;
class QTableView;

namespace hindsight::ui {

class ElidingLabel;
class InteractionTableModel;
class OverviewCard;

/// The Overview: what the workspace holds, as cards (interactions, people, sessions,
/// elements, first and last interaction, time covered, size on disk), with numbers formatted
/// for people.
class WorkspaceOverviewView : public QWidget
{
    Q_OBJECT

  public:
    /// `newest` is the interactions model the Interactions view shows; the Overview lists its
    /// first rows.
    explicit WorkspaceOverviewView(InteractionTableModel *newest, QWidget *parent = nullptr);

    void setStats(const hindsight::ui::WorkspaceStats &stats);

  signals:
    void interactionsRequested();
    /// The user opened one of the newest interactions (its row in the model).
    void interactionActivated(int row);

  private:
    QLabel *m_name;
    ElidingLabel *m_path;
    QLabel *m_readOnly;
    OverviewCard *m_interactions;
    OverviewCard *m_people;
    OverviewCard *m_sessions;
    OverviewCard *m_elements;
    OverviewCard *m_first;
    OverviewCard *m_last;
    OverviewCard *m_span;
    OverviewCard *m_size;
    QTableView *m_newest;
};

} // namespace hindsight::ui
