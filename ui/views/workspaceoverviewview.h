#pragma once

#include "ui/common/studioview.h"
#include "ui/store/overviewjobs.h"
#include "ui/store/workspacestats.h"

#include <QWidget>
#include <vector>

class QLabel;
class QTableView;
class QTimer;

namespace hindsight::ui {

class AnalysisService;
class ElidingLabel;
class InteractionTableModel;
class OverviewCard;
class OverviewGrid;
class OverviewLinkRow;
class SharedTimeRange;
class StudioChart;

/// The Overview: the workspace's health at a glance and what it holds.
///
/// With an AnalysisService and the shared time range, six health cards, each opening its view
/// (viewRequested): volume (interactions per day over the range, people, sessions), coverage
/// (the share of element interactions a definition matches, and the largest elements none
/// does), the catalog by status, naming health (violations of the workspace's convention and
/// look-alike names), privacy findings (the field audit, run last in its own job: "Checking…"
/// meanwhile) and the newest catalog changes (each opens its definition: definitionActivated).
/// Then what the workspace holds (interactions, people, sessions, elements, first and last
/// interaction, time covered, size on disk) and its newest interactions. Numbers are formatted
/// for people; the cards reflow from four columns down to one.
///
/// Jobs run on the analysis thread with the keys overview.catalog, overview.volume,
/// overview.coverage and overview.privacy; they run when the view is shown and something they
/// depend on changed (the catalog, the range, the data), never while it is hidden.
class WorkspaceOverviewView : public QWidget
{
    Q_OBJECT

  public:
    /// `newest` is the interactions model the Interactions view shows; the Overview lists its
    /// first rows. Without an analysis service the health cards are not shown.
    explicit WorkspaceOverviewView(InteractionTableModel *newest, QWidget *parent = nullptr);
    WorkspaceOverviewView(InteractionTableModel *newest, AnalysisService *analysis, SharedTimeRange *range,
                          QWidget *parent = nullptr);

    void setStats(const hindsight::ui::WorkspaceStats &stats);

    /// True while any of the health cards waits for a job.
    bool isBusy() const;
    /// True while the privacy audit runs (the card says "Checking…").
    bool isCheckingPrivacy() const { return m_privacyPending; }

  public slots:
    /// Asks every health card again (the audit included), e.g. after masking rewrote captured
    /// values without changing how many interactions there are. Waits until the view is shown.
    void refreshAll();

  signals:
    void interactionsRequested();
    /// The user opened one of the newest interactions (its row in the model).
    void interactionActivated(int row);
    /// The user clicked a health card: show that view.
    void viewRequested(hindsight::ui::StudioView view);
    /// The user clicked a recent catalog change: show that definition.
    void definitionActivated(const QString &name);

  protected:
    void showEvent(QShowEvent *event) override;

  private:
    void buildHealthCards(OverviewGrid *grid);
    void markDirty(bool catalog, bool ranged, bool privacy);
    void refresh();
    void showVolume(const OverviewVolume &volume);
    void showCoverage(const OverviewCoverage &coverage);
    void showCatalog(const OverviewCatalog &catalog);
    void showPrivacy(const OverviewPrivacy &privacy);
    QString rangeWords() const;

    AnalysisService *m_analysis = nullptr;
    SharedTimeRange *m_range = nullptr;

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

    // Health cards (only with an analysis service).
    OverviewCard *m_volume = nullptr;
    StudioChart *m_volumeChart = nullptr;
    OverviewCard *m_coverage = nullptr;
    std::vector<ElidingLabel *> m_uncovered;
    QLabel *m_uncoveredHeading = nullptr;
    OverviewCard *m_catalog = nullptr;
    QLabel *m_catalogStatuses = nullptr;
    OverviewCard *m_naming = nullptr;
    QLabel *m_namingDetail = nullptr;
    OverviewCard *m_privacy = nullptr;
    QLabel *m_privacyRiskiest = nullptr;
    OverviewCard *m_changes = nullptr;
    std::vector<OverviewLinkRow *> m_changeRows;
    QLabel *m_changesEmpty = nullptr;

    QTimer *m_refreshTimer = nullptr;
    bool m_dirtyCatalog = true;
    bool m_dirtyRanged = true;
    bool m_dirtyPrivacy = true;
    bool m_catalogPending = false;
    bool m_volumePending = false;
    bool m_coveragePending = false;
    bool m_privacyPending = false;
    WorkspaceStats m_stats;
    bool m_hasStats = false;
};

} // namespace hindsight::ui
