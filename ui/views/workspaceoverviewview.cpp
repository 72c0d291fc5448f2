#include "ui/views/workspaceoverviewview.h"

#include "ui/charts/studiochart.h"
#include "ui/common/humanformat.h"
#include "ui/common/sharedtimerange.h"
#include "ui/common/untrustedtext.h"
#include "ui/models/interactiontablemodel.h"
#include "ui/store/analysiscontext.h"
#include "ui/store/analysisservice.h"
#include "ui/views/elidinglabel.h"
#include "ui/views/overviewcard.h"
#include "ui/views/overviewgrid.h"
#include "ui/views/overviewlinkrow.h"
#include "ui/views/targetitemdelegate.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QTableView>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>
#include <cmath>

namespace hindsight::ui {

namespace {

constexpr qint64 kExactBelow = 1'000'000;
constexpr int kNewestRows = 8;
constexpr int kUncoveredShown = 3;
constexpr int kRecentChanges = 5;
const QString kKeyCatalog = QStringLiteral("overview.catalog");
const QString kKeyVolume = QStringLiteral("overview.volume");
const QString kKeyCoverage = QStringLiteral("overview.coverage");
const QString kKeyPrivacy = QStringLiteral("overview.privacy");

QString trView(const char *text)
{
    return QCoreApplication::translate("hindsight::ui::WorkspaceOverviewView", text);
}

/// A large count reads as 3.1M with the exact figure underneath; smaller ones are shown whole.
void setCount(OverviewCard *card, qint64 n, const QString &caption)
{
    if (n < kExactBelow) {
        card->setValue(formatCount(n), caption);
    } else {
        card->setValue(formatCompactCount(n), QStringLiteral("%1 · %2").arg(formatCount(n), caption));
    }
}

/// A share for people: 87 %, 4.5 %, never "100 %" while something is left (rounded down).
QString percentText(double share)
{
    const double percent = share * 100.0;
    const QLocale locale = displayLocale();
    if (percent > 0 && percent < 10)
        return locale.toString(std::floor(percent * 10) / 10, 'f', 1) + QStringLiteral(" %");
    return locale.toString(static_cast<qint64>(std::floor(percent))) + QStringLiteral(" %");
}

/// A count for a card's big figure: 12,408 below a million, 3.1M above.
QString cardCount(qint64 n)
{
    return n < kExactBelow ? formatCount(n) : formatCompactCount(n);
}

/// "renamed", "created"… for a history action.
QString actionWords(const QString &action)
{
    if (action == QLatin1String("create")) return trView("created");
    if (action == QLatin1String("update")) return trView("edited");
    if (action == QLatin1String("rename")) return trView("renamed");
    if (action == QLatin1String("status")) return trView("status changed");
    if (action == QLatin1String("restore")) return trView("restored");
    if (action == QLatin1String("import")) return trView("imported");
    if (action == QLatin1String("merge")) return trView("merged");
    if (action == QLatin1String("unmerge")) return trView("unmerged");
    return action;
}

/// "just now", "5 minutes ago", "3 hours ago", "2 days ago", else the local date.
QString whenWords(qint64 atMs, qint64 nowMs)
{
    const qint64 ago = nowMs - atMs;
    constexpr qint64 minute = 60'000, hour = 60 * minute, day = 24 * hour;
    if (ago < 0) return formatLocalDateTime(atMs).left(16);
    if (ago < minute) return trView("just now");
    if (ago < hour)
        return ago < 2 * minute ? trView("1 minute ago") : trView("%1 minutes ago").arg(ago / minute);
    if (ago < day) return ago < 2 * hour ? trView("1 hour ago") : trView("%1 hours ago").arg(ago / hour);
    if (ago < 7 * day) return ago < 2 * day ? trView("yesterday") : trView("%1 days ago").arg(ago / day);
    return formatLocalDateTime(atMs).left(10);
}

QLabel *quietLabel(const QString &objectName, bool wrap = true)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(wrap);
    return label;
}

QString spanText(qint64 ms)
{
    constexpr qint64 hour = 3'600'000;
    constexpr qint64 day = 24 * hour;
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("hindsight::ui::WorkspaceOverviewView", text);
    };
    if (ms >= 2 * day) return tr("%1 days").arg((ms + day / 2) / day);
    if (ms >= 2 * hour) return tr("%1 hours").arg((ms + hour / 2) / hour);
    if (ms >= hour) return tr("1 hour");
    const qint64 minutes = ms / 60'000;
    return minutes == 1 ? tr("1 minute") : tr("%1 minutes").arg(minutes);
}

} // namespace

WorkspaceOverviewView::WorkspaceOverviewView(InteractionTableModel *newest, QWidget *parent)
    : WorkspaceOverviewView(newest, nullptr, nullptr, parent)
{
}

WorkspaceOverviewView::WorkspaceOverviewView(InteractionTableModel *newest, AnalysisService *analysis,
                                             SharedTimeRange *range, QWidget *parent)
    : QWidget(parent), m_analysis(analysis), m_range(range)
{
    setObjectName(QStringLiteral("overviewView"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);

    auto *page = new QWidget;
    scroll->setWidget(page);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(28, 22, 28, 22);
    layout->setSpacing(6);

    m_name = new QLabel;
    m_name->setObjectName(QStringLiteral("overviewWorkspaceName"));
    m_name->setTextFormat(Qt::PlainText);
    QFont nameFont = m_name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.6);
    nameFont.setWeight(QFont::DemiBold);
    m_name->setFont(nameFont);
    layout->addWidget(m_name);
    m_path = new ElidingLabel;
    m_path->setObjectName(QStringLiteral("overviewWorkspacePath"));
    m_path->setAccessibleName(tr("Workspace file"));
    m_path->setElideMode(Qt::ElideMiddle);
    m_path->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_path);
    m_readOnly = new QLabel(tr("Read-only: this file or its folder cannot be written, so imports are off."));
    m_readOnly->setObjectName(QStringLiteral("overviewReadOnly"));
    m_readOnly->setTextFormat(Qt::PlainText);
    m_readOnly->hide();
    layout->addWidget(m_readOnly);
    layout->addSpacing(14);

    if (m_analysis) {
        auto *healthGrid = new OverviewGrid(250, {3, 2, 1});
        healthGrid->setObjectName(QStringLiteral("overviewHealthGrid"));
        buildHealthCards(healthGrid);
        layout->addWidget(healthGrid);
        layout->addSpacing(22);
    }

    auto *holdsHeading = new QLabel(tr("What this workspace holds"));
    holdsHeading->setObjectName(QStringLiteral("overviewHoldsHeading"));
    holdsHeading->setTextFormat(Qt::PlainText);
    QFont headingFont = holdsHeading->font();
    headingFont.setWeight(QFont::DemiBold);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.15);
    holdsHeading->setFont(headingFont);
    layout->addWidget(holdsHeading);
    layout->addSpacing(4);

    auto *grid = new OverviewGrid(180, {4, 2, 1});
    grid->setObjectName(QStringLiteral("overviewHoldsGrid"));
    m_interactions = new OverviewCard(QStringLiteral("Interactions"), tr("Interactions"));
    m_interactions->setActivatable(true, tr("Show the newest interactions (Ctrl+2)"));
    connect(m_interactions, &OverviewCard::activated, this, &WorkspaceOverviewView::interactionsRequested);
    m_people = new OverviewCard(QStringLiteral("People"), tr("People"));
    m_sessions = new OverviewCard(QStringLiteral("Sessions"), tr("Sessions"));
    m_elements = new OverviewCard(QStringLiteral("Elements"), tr("Distinct elements"));
    m_first = new OverviewCard(QStringLiteral("First"), tr("First interaction"));
    m_last = new OverviewCard(QStringLiteral("Last"), tr("Newest interaction"));
    m_span = new OverviewCard(QStringLiteral("Span"), tr("Time covered"));
    m_size = new OverviewCard(QStringLiteral("Size"), tr("Size on disk"));
    for (OverviewCard *card :
         {m_interactions, m_people, m_sessions, m_elements, m_first, m_last, m_span, m_size}) {
        card->setMinimumWidth(0);
        grid->addCard(card);
    }
    layout->addWidget(grid);
    layout->addSpacing(18);

    auto *newestHeading = new QLabel(tr("Newest interactions"));
    newestHeading->setTextFormat(Qt::PlainText);
    newestHeading->setFont(headingFont);
    layout->addWidget(newestHeading);
    auto *hint =
        new QLabel(tr("Open one (double-click or Enter) to see its element chain, or press Ctrl+2 to "
                      "browse them all."));
    hint->setObjectName(QStringLiteral("overviewHint"));
    hint->setTextFormat(Qt::PlainText);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(hint);

    // The first rows of the same model the Interactions view pages through: no extra query.
    m_newest = new QTableView;
    m_newest->setObjectName(QStringLiteral("overviewNewestTable"));
    m_newest->setAccessibleName(tr("Newest interactions"));
    m_newest->setModel(newest);
    m_newest->setItemDelegateForColumn(InteractionTableModel::TargetColumn, new TargetItemDelegate(m_newest));
    m_newest->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_newest->setSelectionMode(QAbstractItemView::SingleSelection);
    m_newest->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_newest->setShowGrid(false);
    m_newest->setWordWrap(false);
    m_newest->setAlternatingRowColors(true);
    m_newest->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_newest->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_newest->verticalHeader()->hide();
    m_newest->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    const int rowHeight = fontMetrics().height() + 8;
    m_newest->verticalHeader()->setDefaultSectionSize(rowHeight);
    m_newest->setFixedHeight(m_newest->horizontalHeader()->sizeHint().height() + kNewestRows * rowHeight +
                             2 * m_newest->frameWidth());
    m_newest->setColumnHidden(InteractionTableModel::SessionColumn, true);
    QHeaderView *header = m_newest->horizontalHeader();
    header->setStretchLastSection(true);
    const QFontMetrics fm = fontMetrics();
    const QFontMetrics fixed(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    header->resizeSection(InteractionTableModel::TimeColumn,
                          fm.horizontalAdvance(QStringLiteral("2026-12-31 23:59:59")) + 24);
    header->resizeSection(InteractionTableModel::TypeColumn,
                          fm.horizontalAdvance(QStringLiteral("pageleave")) + 24);
    header->resizeSection(InteractionTableModel::PageColumn,
                          fixed.horizontalAdvance(QStringLiteral("/product/merino-hoodie")) + 24);
    header->resizeSection(InteractionTableModel::TargetColumn,
                          fixed.horizontalAdvance(QStringLiteral("button#add-to-cart.btn \"Add to cart\"")) +
                              24);
    connect(m_newest, &QTableView::activated, this,
            [this](const QModelIndex &index) { emit interactionActivated(index.row()); });
    layout->addWidget(m_newest);
    layout->addStretch(1);

    if (!m_analysis) return;
    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(0);
    connect(m_refreshTimer, &QTimer::timeout, this, &WorkspaceOverviewView::refresh);
    // A catalog edit changes the catalog card, naming and coverage; the range changes volume and
    // coverage; new data (setStats) changes everything.
    connect(m_analysis, &AnalysisService::catalogChanged, this, [this] { markDirty(true, true, false); });
    if (m_range) connect(m_range, &SharedTimeRange::changed, this, [this] { markDirty(false, true, false); });
}

void WorkspaceOverviewView::setStats(const WorkspaceStats &stats)
{
    // New data (an import, another workspace): every health card asks again.
    const bool dataChanged = !m_hasStats || stats.path != m_stats.path ||
                             stats.interactions != m_stats.interactions || stats.lastMs != m_stats.lastMs;
    m_stats = stats;
    m_hasStats = true;
    if (dataChanged && m_analysis) markDirty(true, true, true);

    const QFileInfo file(stats.path);
    m_name->setText(untrusted::line(file.completeBaseName(), 120));
    m_path->setText(stats.path);
    m_readOnly->setVisible(stats.readOnly);

    setCount(m_interactions, stats.interactions, tr("held in this workspace"));
    setCount(m_people, stats.people, tr("each counted once, with anonymous visits linked on sign-in"));
    setCount(m_sessions, stats.sessions, tr("browsing sessions"));
    setCount(m_elements, stats.elements, tr("distinct element chains interacted with"));
    if (stats.hasRange) {
        const QDateTime first = QDateTime::fromMSecsSinceEpoch(stats.firstMs);
        const QDateTime last = QDateTime::fromMSecsSinceEpoch(stats.lastMs);
        const QString zone = tr("your time zone");
        m_first->setValue(first.toString(QStringLiteral("yyyy-MM-dd")),
                          first.toString(QStringLiteral("HH:mm:ss")) + QStringLiteral(" · ") + zone);
        m_first->setValueToolTip(formatUtcInstant(stats.firstMs));
        m_last->setValue(last.toString(QStringLiteral("yyyy-MM-dd")),
                         last.toString(QStringLiteral("HH:mm:ss")) + QStringLiteral(" · ") + zone);
        m_last->setValueToolTip(formatUtcInstant(stats.lastMs));
        m_span->setValue(spanText(stats.lastMs - stats.firstMs),
                         tr("from the first to the newest interaction"));
    } else {
        m_first->setValue(QStringLiteral("—"), tr("no interactions yet"));
        m_last->setValue(QStringLiteral("—"), tr("no interactions yet"));
        m_span->setValue(QStringLiteral("—"));
        m_first->setValueToolTip({});
        m_last->setValueToolTip({});
    }
    m_size->setValue(formatBytes(stats.fileBytes), tr("store file with its write-ahead log"));
}

void WorkspaceOverviewView::buildHealthCards(OverviewGrid *grid)
{
    const auto opens = [this](OverviewCard *card, StudioView view, const QString &action) {
        card->setActivatable(true, action, tr("%1 ›").arg(studioViewTitle(view)));
        connect(card, &OverviewCard::activated, this, [this, view] { emit viewRequested(view); });
    };

    m_volume = new OverviewCard(QStringLiteral("Volume"), tr("Volume"));
    opens(m_volume, StudioView::Interactions, tr("Browse the interactions (Ctrl+2)"));
    m_volumeChart = new StudioChart;
    m_volumeChart->setObjectName(QStringLiteral("overviewVolumeChart"));
    m_volumeChart->setAccessibleName(tr("Interactions over time"));
    m_volumeChart->setCompact(true);
    m_volumeChart->setMinimumHeight(130);
    m_volumeChart->setEmpty(QString()); // the caption says "Counting…"
    m_volume->addBody(m_volumeChart);

    m_coverage = new OverviewCard(QStringLiteral("Coverage"), tr("Coverage"));
    opens(m_coverage, StudioView::Interactions,
          tr("Open Interactions: in its Elements tab, select elements no definition covers and press D"));
    m_uncoveredHeading = quietLabel(QStringLiteral("overviewUncoveredHeading"));
    m_uncoveredHeading->setText(tr("Not covered yet:"));
    m_uncoveredHeading->hide();
    m_coverage->addBody(m_uncoveredHeading);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (int i = 0; i < kUncoveredShown; ++i) {
        auto *label = new ElidingLabel;
        label->setObjectName(QStringLiteral("overviewUncovered%1").arg(i));
        label->setFont(fixed);
        label->hide();
        m_uncovered.push_back(label);
        m_coverage->addBody(label);
    }

    m_catalog = new OverviewCard(QStringLiteral("Catalog"), tr("Catalog"));
    opens(m_catalog, StudioView::Definitions, tr("Open the definitions (Ctrl+3)"));
    m_catalogStatuses = quietLabel(QStringLiteral("overviewCatalogStatuses"));
    m_catalog->addBody(m_catalogStatuses);

    m_naming = new OverviewCard(QStringLiteral("Naming"), tr("Naming health"));
    opens(m_naming, StudioView::Naming, tr("Review names against the convention (Ctrl+4)"));
    m_namingDetail = quietLabel(QStringLiteral("overviewNamingDetail"));
    m_naming->addBody(m_namingDetail);

    m_privacy = new OverviewCard(QStringLiteral("Privacy"), tr("Privacy findings"));
    opens(m_privacy, StudioView::Privacy, tr("Review personal data in captured fields (Ctrl+5)"));
    m_privacyRiskiest = quietLabel(QStringLiteral("overviewPrivacyRiskiest"));
    m_privacy->addBody(m_privacyRiskiest);

    m_changes = new OverviewCard(QStringLiteral("Changes"), tr("Recent catalog changes"));
    opens(m_changes, StudioView::Definitions, tr("Open the definitions (Ctrl+3)"));
    m_changesEmpty = quietLabel(QStringLiteral("overviewChangesEmpty"));
    m_changesEmpty->setForegroundRole(QPalette::PlaceholderText);
    m_changesEmpty->hide();
    m_changes->addBody(m_changesEmpty);
    for (int i = 0; i < kRecentChanges; ++i) {
        auto *row = new OverviewLinkRow;
        row->setObjectName(QStringLiteral("overviewChange%1").arg(i));
        row->hide();
        connect(row, &OverviewLinkRow::activated, this, [this, row] {
            if (!row->primaryText().isEmpty())
                emit definitionActivated(row->property("definition").toString());
        });
        m_changeRows.push_back(row);
        m_changes->addBody(row);
    }

    for (OverviewCard *card : {m_volume, m_coverage, m_catalog, m_naming, m_privacy, m_changes})
        card->setValue(QStringLiteral("—"), tr("Counting…"));
    m_privacy->setValue(tr("Checking…"), tr("Looking for personal data in every captured field."));
    m_volume->setMinimumWidth(0);
    grid->addCard(m_volume, 2);
    grid->addCard(m_coverage);
    grid->addCard(m_catalog);
    grid->addCard(m_naming);
    grid->addCard(m_privacy);
    grid->addCard(m_changes, 3);
}

bool WorkspaceOverviewView::isBusy() const
{
    return m_catalogPending || m_volumePending || m_coveragePending || m_privacyPending;
}

void WorkspaceOverviewView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_refreshTimer && (m_dirtyCatalog || m_dirtyRanged || m_dirtyPrivacy)) m_refreshTimer->start();
}

void WorkspaceOverviewView::refreshAll()
{
    if (m_analysis) markDirty(true, true, true);
}

void WorkspaceOverviewView::markDirty(bool catalog, bool ranged, bool privacy)
{
    m_dirtyCatalog = m_dirtyCatalog || catalog;
    m_dirtyRanged = m_dirtyRanged || ranged;
    m_dirtyPrivacy = m_dirtyPrivacy || privacy;
    // Hidden: the jobs wait until the Overview is shown (the analysis thread is shared).
    if (isVisible()) m_refreshTimer->start();
}

QString WorkspaceOverviewView::rangeWords() const
{
    if (!m_range) return tr("over all time");
    const StudioTimeRange value = m_range->value();
    switch (value.preset) {
    case StudioTimeRange::Preset::Last7Days:
        return tr("in the last 7 days");
    case StudioTimeRange::Preset::Last30Days:
        return tr("in the last 30 days");
    case StudioTimeRange::Preset::Last90Days:
        return tr("in the last 90 days");
    case StudioTimeRange::Preset::All:
        return tr("over all time");
    case StudioTimeRange::Preset::Custom:
        break;
    }
    return tr("in %1").arg(value.label());
}

void WorkspaceOverviewView::refresh()
{
    if (!m_analysis || m_analysis->path().isEmpty()) return;
    const definitions::TimeRange range = m_range ? m_range->resolved() : definitions::TimeRange{};
    // Fast first (no interaction index), the audit last: each card fills in as its job ends.
    if (m_dirtyCatalog) {
        m_dirtyCatalog = false;
        m_catalogPending = true;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        m_analysis->run<OverviewCatalog>(
            kKeyCatalog, this,
            [now](AnalysisContext &ctx) { return overviewjobs::computeCatalog(ctx, kRecentChanges, now); },
            [this](const OverviewCatalog &result) {
                m_catalogPending = false;
                showCatalog(result);
            });
    }
    if (m_dirtyRanged) {
        m_dirtyRanged = false;
        m_volumePending = true;
        m_coveragePending = true;
        const QTimeZone system = QTimeZone::systemTimeZone();
        std::string zone = system.isValid() ? QTimeZone::systemTimeZoneId().toStdString() : std::string();
        if (!zone.empty() && !QTimeZone(zone.c_str()).isValid()) zone.clear();
        m_volume->setValue(m_volume->value(), tr("Counting…"));
        m_coverage->setValue(m_coverage->value(), tr("Counting…"));
        m_analysis->run<OverviewVolume>(
            kKeyVolume, this,
            [range, zone](AnalysisContext &ctx) { return overviewjobs::computeVolume(ctx, range, zone); },
            [this](const OverviewVolume &result) {
                m_volumePending = false;
                showVolume(result);
            });
        m_analysis->run<OverviewCoverage>(
            kKeyCoverage, this,
            [range](AnalysisContext &ctx) {
                return overviewjobs::computeCoverage(ctx, range, kUncoveredShown);
            },
            [this](const OverviewCoverage &result) {
                m_coveragePending = false;
                showCoverage(result);
            });
    }
    if (m_dirtyPrivacy) {
        m_dirtyPrivacy = false;
        m_privacyPending = true;
        m_privacy->setValue(tr("Checking…"),
                            tr("Looking for personal data in every captured field; on a large workspace "
                               "this takes a few seconds."));
        m_privacyRiskiest->hide();
        m_analysis->run<OverviewPrivacy>(
            kKeyPrivacy, this, [](AnalysisContext &ctx) { return overviewjobs::computePrivacy(ctx); },
            [this](const OverviewPrivacy &result) {
                m_privacyPending = false;
                showPrivacy(result);
            });
    }
}

void WorkspaceOverviewView::showVolume(const OverviewVolume &volume)
{
    if (!volume.ok) {
        m_volume->setValue(QStringLiteral("—"), volume.error);
        m_volumeChart->setEmpty(tr("No figures"));
        return;
    }
    m_volume->setValue(cardCount(volume.interactions),
                       tr("interactions %1 · %2 people · %3 sessions")
                           .arg(rangeWords(), formatCount(volume.people), formatCount(volume.sessions)));
    m_volume->setValueToolTip(formatCount(volume.interactions));
    if (volume.interactions == 0 || volume.series.empty()) {
        m_volumeChart->setEmpty(tr("No interactions in this range"));
        return;
    }
    m_volumeChart->setTrend({ChartSeries{tr("Interactions"), volume.series}}, volume.granularity,
                            tr("Interactions"));
}

void WorkspaceOverviewView::showCoverage(const OverviewCoverage &coverage)
{
    for (auto *label : m_uncovered)
        label->hide();
    m_uncoveredHeading->hide();
    if (!coverage.ok) {
        m_coverage->setValue(QStringLiteral("—"), coverage.error);
        return;
    }
    if (coverage.considered == 0) {
        m_coverage->setValue(QStringLiteral("—"),
                             tr("No clicks, submits or changes %1 to cover.").arg(rangeWords()));
        return;
    }
    QString caption =
        coverage.definitions == 0
            ? tr("of %1 clicks, submits and changes %2 match a definition — there are "
                 "none yet: select an interaction and press D.")
                  .arg(formatCount(coverage.considered), rangeWords())
            : tr("of %1 clicks, submits and changes %2 match one of %3 definitions.")
                  .arg(formatCount(coverage.considered), rangeWords(), formatCount(coverage.definitions));
    if (coverage.skipped > 0)
        caption += QLatin1Char(' ') +
                   (coverage.skipped == 1 ? tr("1 definition could not be checked.")
                                          : tr("%1 definitions could not be checked.").arg(coverage.skipped));
    m_coverage->setValue(percentText(coverage.share()), caption);
    m_coverage->setValueToolTip(
        tr("%1 of %2 matched").arg(formatCount(coverage.matched), formatCount(coverage.considered)));
    if (coverage.uncovered.empty()) return;
    m_uncoveredHeading->setText(
        tr("Not covered yet (%1 distinct elements):").arg(formatCount(coverage.unmatchedElements)));
    m_uncoveredHeading->show();
    for (std::size_t i = 0; i < coverage.uncovered.size() && i < m_uncovered.size(); ++i) {
        const auto &e = coverage.uncovered[i];
        const QString summary = e.summary.isEmpty() ? tr("(no element)") : untrusted::line(e.summary);
        m_uncovered[i]->setText(QStringLiteral("%1  %2").arg(formatCount(e.count), summary));
        m_uncovered[i]->setToolTip(
            untrusted::toolTip(tr("%1 interactions no definition matches, first on %2\n%3")
                                   .arg(formatCount(e.count), untrusted::line(e.path),
                                        untrusted::line(e.chainText, untrusted::kDetailChars))));
        m_uncovered[i]->show();
    }
}

void WorkspaceOverviewView::showCatalog(const OverviewCatalog &catalog)
{
    if (!catalog.ok) {
        for (OverviewCard *card : {m_catalog, m_naming, m_changes})
            card->setValue(QStringLiteral("—"), catalog.error);
        m_catalogStatuses->clear();
        m_namingDetail->clear();
        return;
    }
    // Catalog by status.
    const int total = catalog.total();
    if (total == 0) {
        m_catalog->setValue(QStringLiteral("0"),
                            tr("No definitions yet — select an interaction and press D."));
        m_catalogStatuses->hide();
    } else {
        const int live = total - catalog.archived;
        m_catalog->setValue(formatCount(total),
                            live > 0 ? tr("definitions · %1 of those in use verified")
                                           .arg(percentText(double(catalog.verified) / double(live)))
                                     : tr("definitions, all archived"));
        m_catalogStatuses->setText(tr("Verified %1 · Draft %2 · Deprecated %3 · Archived %4")
                                       .arg(formatCount(catalog.verified), formatCount(catalog.draft),
                                            formatCount(catalog.deprecated), formatCount(catalog.archived)));
        m_catalogStatuses->show();
    }

    // Naming health.
    m_naming->setValue(
        formatCount(catalog.violations),
        catalog.violations == 0
            ? tr("naming findings: every reviewed name follows %1.").arg(catalog.conventionSource)
            : tr("naming findings in %1 of %2 reviewed definitions, against %3.")
                  .arg(formatCount(catalog.definitionsWithIssues), formatCount(catalog.reviewed),
                       catalog.conventionSource));
    QString detail =
        catalog.duplicateGroups == 0 ? tr("No names that look like duplicates.")
        : catalog.duplicateGroups == 1
            ? tr("1 group of names that look like duplicates.")
            : tr("%1 groups of names that look like duplicates.").arg(formatCount(catalog.duplicateGroups));
    if (!catalog.conventionError.isEmpty()) detail += QLatin1Char('\n') + catalog.conventionError;
    m_namingDetail->setText(detail);

    // Recent changes.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_changes->setValue(formatCount(catalog.changesLastWeek),
                        tr("changes to the catalog in the last 7 days"));
    m_changesEmpty->setText(tr("No changes yet — definitions you create, rename or verify show here."));
    m_changesEmpty->setVisible(catalog.recent.empty());
    for (std::size_t i = 0; i < m_changeRows.size(); ++i) {
        OverviewLinkRow *row = m_changeRows[i];
        if (i >= catalog.recent.size()) {
            row->hide();
            row->setProperty("definition", QString());
            continue;
        }
        const OverviewChange &c = catalog.recent[i];
        const QString name = untrusted::line(c.definition, 120);
        const QString who = c.actor.isEmpty() ? QString() : tr(" by %1").arg(untrusted::line(c.actor, 60));
        row->setTexts(name, tr("%1%2 · %3").arg(actionWords(c.action), who, whenWords(c.atMs, now)),
                      tr("Open “%1” in Definitions").arg(name));
        row->setDetailToolTip(
            formatLocalDateTime(c.atMs) + QLatin1Char('\n') + formatUtcInstant(c.atMs) +
            (c.reason.isEmpty() ? QString() : QLatin1Char('\n') + untrusted::line(c.reason)));
        row->setProperty("definition", c.definition);
        row->show();
    }
}

void WorkspaceOverviewView::showPrivacy(const OverviewPrivacy &privacy)
{
    if (!privacy.ok) {
        m_privacy->setValue(QStringLiteral("—"), privacy.error);
        m_privacyRiskiest->hide();
        return;
    }
    if (privacy.findings == 0) {
        m_privacy->setValue(QStringLiteral("0"), tr("No personal data found in any captured field."));
    } else {
        m_privacy->setValue(formatCount(privacy.findings),
                            privacy.fieldsWithFindings == 1
                                ? tr("findings of personal data in 1 captured field, across the whole "
                                     "workspace")
                                : tr("findings of personal data in %1 captured fields, across the whole "
                                     "workspace")
                                      .arg(formatCount(privacy.fieldsWithFindings)));
    }
    QStringList lines;
    if (!privacy.riskiestField.isEmpty())
        lines << tr("Riskiest: %1 — %2 (%3) in %4 interactions")
                     .arg(untrusted::line(privacy.riskiestField, 80), privacy.riskiestDetector,
                          privacy.riskiestSeverity, formatCount(privacy.riskiestInteractions));
    if (privacy.sensitiveWithText > 0)
        lines << (privacy.sensitiveWithText == 1
                      ? tr("1 sensitive form field had its typed text captured.")
                      : tr("%1 sensitive form fields had their typed text captured.")
                            .arg(formatCount(privacy.sensitiveWithText)));
    m_privacyRiskiest->setText(lines.join(QLatin1Char('\n')));
    m_privacyRiskiest->setVisible(!lines.isEmpty());
}

} // namespace hindsight::ui
