#include "ui/views/interactionsview.h"

#include "ui/common/humanformat.h"
#include "ui/common/sharedtimerange.h"
#include "ui/models/interactionroles.h"
#include "ui/models/interactiontablemodel.h"
#include "ui/store/analysisservice.h"
#include "ui/store/browsejobs.h"
#include "ui/store/interactionpage.h"
#include "ui/store/workspacesession.h"
#include "ui/views/elementsview.h"
#include "ui/views/interactiondetailview.h"
#include "ui/views/interactionfilterbar.h"
#include "ui/views/targetitemdelegate.h"

#include <QAction>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

namespace hindsight::ui {

InteractionsView::InteractionsView(WorkspaceSession *session, AnalysisService *analysis,
                                   SharedTimeRange *range, QWidget *parent)
    : QWidget(parent), m_session(session), m_analysis(analysis), m_range(range),
      m_model(session->interactions())
{
    build();
}

InteractionsView::InteractionsView(WorkspaceSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_model(session->interactions())
{
    build();
}

void InteractionsView::build()
{
    setObjectName(QStringLiteral("interactionsView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    if (m_analysis) {
        m_filterBar = new InteractionFilterBar;
        layout->addWidget(m_filterBar);
        m_filtered = new InteractionTableModel(this);
        m_filtered->setObjectName(QStringLiteral("filteredInteractions"));
        m_filtered->setMaxRows(kFilteredMaxRows);
        m_filtered->reset(false);
    }

    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->setObjectName(QStringLiteral("interactionsSplitter"));
    m_splitter->setChildrenCollapsible(true);
    layout->addWidget(m_splitter, 1);

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->setSpacing(0);
    auto *top = new QHBoxLayout;
    top->setContentsMargins(10, 4, 6, 4);
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("interactionsSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    top->addWidget(m_summary, 1);
    m_define = new QPushButton(tr("Define event"));
    m_define->setObjectName(QStringLiteral("interactionsDefineButton"));
    m_define->setAccessibleName(tr("Define event from the selected interactions"));
    m_define->setToolTip(tr("Start a new definition from the selected interactions (D)"));
    m_define->setEnabled(false);
    top->addWidget(m_define);
    leftLayout->addLayout(top);

    m_tableStack = new QStackedWidget;
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("interactionsTable"));
    m_table->setAccessibleName(tr("Newest interactions"));
    m_table->setModel(m_model);
    m_table->setItemDelegateForColumn(InteractionTableModel::TargetColumn, new TargetItemDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setCornerButtonEnabled(false);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->verticalHeader()->hide();
    // Fixed row heights keep layout constant-time however many rows are loaded.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    header->setSectionResizeMode(QHeaderView::Interactive);
    // Default widths from what the columns typically hold; the user's own widths are restored
    // from the settings later.
    const QFontMetrics fm = fontMetrics();
    const QFontMetrics fixed(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    const int pad = 2 * style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_table) + 16;
    header->resizeSection(InteractionTableModel::TimeColumn,
                          fm.horizontalAdvance(QStringLiteral("2026-12-31 23:59:59")) + pad);
    header->resizeSection(InteractionTableModel::TypeColumn,
                          fm.horizontalAdvance(QStringLiteral("pageleave")) + pad);
    header->resizeSection(InteractionTableModel::PageColumn,
                          fixed.horizontalAdvance(QStringLiteral("/product/merino")) + pad);
    header->resizeSection(InteractionTableModel::TargetColumn,
                          fixed.horizontalAdvance(QStringLiteral("button#add-to-cart \"Add\"")) + pad);
    header->resizeSection(InteractionTableModel::PersonColumn,
                          fm.horizontalAdvance(QStringLiteral("someone@example")) + pad);
    m_tableStack->addWidget(m_table);

    m_emptyLabel = new QLabel;
    m_emptyLabel->setObjectName(QStringLiteral("interactionsEmpty"));
    m_emptyLabel->setTextFormat(Qt::PlainText);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setForegroundRole(QPalette::PlaceholderText);
    m_tableStack->addWidget(m_emptyLabel);
    leftLayout->addWidget(m_tableStack, 1);

    if (m_analysis) {
        m_tabs = new QTabWidget;
        m_tabs->setObjectName(QStringLiteral("interactionsTabs"));
        m_tabs->setDocumentMode(true);
        m_tabs->addTab(left, tr("Interactions"));
        m_elements = new ElementsView(m_analysis);
        m_tabs->addTab(m_elements, tr("Elements"));
        m_splitter->addWidget(m_tabs);
    } else {
        m_splitter->addWidget(left);
    }

    m_detail = new InteractionDetailView;
    m_detail->setMatchesAvailable(m_analysis != nullptr);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setSizes({950, 450});

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { onCurrentRowChanged(current); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_define->setEnabled(!selectedInteractionIds().isEmpty()); });
    connect(m_session, &WorkspaceSession::detailReady, m_detail, &InteractionDetailView::showDetail);
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this,
            &InteractionsView::prefetchIfNearEnd);
    connect(m_table->verticalScrollBar(), &QScrollBar::rangeChanged, this,
            &InteractionsView::prefetchIfNearEnd);
    connect(m_table, &QTableView::customContextMenuRequested, this, &InteractionsView::showContextMenu);

    // New rows arriving at the top must not move what the user is looking at: if the table
    // is scrolled down, it is scrolled further by the height of the new rows.
    connect(m_model, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this](const QModelIndex &, int first, int) {
                m_scrollBeforeInsert = m_table->model() == m_model && first == 0 && m_model->rowCount() > 0
                                           ? m_table->verticalScrollBar()->value()
                                           : -1;
            });
    for (InteractionTableModel *model : {m_model, m_filtered}) {
        if (!model) continue;
        connect(model, &QAbstractItemModel::rowsInserted, this,
                [this, model](const QModelIndex &, int first, int last) {
                    if (model == m_model && first == 0 && m_scrollBeforeInsert > 0) {
                        const int added =
                            (last - first + 1) * m_table->verticalHeader()->defaultSectionSize();
                        m_table->verticalScrollBar()->setValue(m_scrollBeforeInsert + added);
                    }
                    if (model == m_model) m_scrollBeforeInsert = -1;
                    updateSummary();
                    updateEmptyState();
                });
        connect(model, &QAbstractItemModel::modelReset, this, [this, model] {
            if (m_table->model() == model) m_detail->clear();
            updateSummary();
            updateEmptyState();
        });
        connect(model, &InteractionTableModel::pageAccepted, this, [this] {
            updateSummary();
            updateEmptyState();
        });
    }
    connect(m_session, &WorkspaceSession::statsChanged, this, [this] {
        const qint64 now = m_session->hasStats() ? m_session->stats().interactions : -1;
        // The store changed under a filter: ask again (the index is reloaded by the service).
        if (isFiltered() && m_lastInteractions >= 0 && now != m_lastInteractions) applyFilter();
        m_lastInteractions = now;
        updateSummary();
    });

    auto *define = new QAction(tr("Define event"), m_table);
    define->setShortcut(QKeySequence(Qt::Key_D));
    define->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(define);
    connect(define, &QAction::triggered, this, &InteractionsView::requestDefine);
    connect(m_define, &QPushButton::clicked, this, &InteractionsView::requestDefine);
    connect(m_detail, &InteractionDetailView::defineRequested, this,
            [this](qint64 id) { emit defineRequested({id}); });
    connect(m_detail, &InteractionDetailView::definitionActivated, this,
            &InteractionsView::definitionActivated);

    if (m_analysis) {
        connect(m_filterBar, &InteractionFilterBar::filterChanged, this, &InteractionsView::applyFilter);
        connect(m_filterBar, &InteractionFilterBar::selectorApplied, this, &InteractionsView::countSelector);
        connect(m_filtered, &InteractionTableModel::olderRowsWanted, this, &InteractionsView::fetchFiltered);
        if (m_range)
            connect(m_range, &SharedTimeRange::changed, this, [this] {
                applyFilter();
                if (m_filterBar->hasChip(InteractionFilterBar::Kind::Selector))
                    countSelector(QString::fromStdString(m_filter.selector));
            });
        connect(m_analysis, &AnalysisService::indexStatusChanged, this,
                [this](const QString &text, bool loading) {
                    m_indexStatus = loading ? text : QString();
                    updateEmptyState();
                });
        connect(m_analysis, &AnalysisService::catalogChanged, this, [this] {
            const qint64 id = m_detail->shownId();
            if (id != 0) showInteraction(id, QString());
        });
        connect(m_elements, &ElementsView::defineRequested, this, &InteractionsView::defineRequested);
        connect(m_elements, &ElementsView::representativeChanged, this,
                [this](qint64 id, const QString &uuid) {
                    if (id == 0)
                        m_detail->clear();
                    else
                        showInteraction(id, uuid);
                });
        connect(m_elements, &ElementsView::elementActivated, this, [this](const QString &selector) {
            m_filterBar->setChip(InteractionFilterBar::Kind::Selector, selector);
            m_tabs->setCurrentIndex(0);
            m_table->setFocus();
        });
        connect(m_tabs, &QTabWidget::currentChanged, this, [this](int tab) {
            if (tab == 0) onCurrentRowChanged(m_table->currentIndex());
        });
        auto *find = new QShortcut(QKeySequence::Find, this);
        find->setContext(Qt::WidgetWithChildrenShortcut);
        connect(find, &QShortcut::activated, this,
                [this] { m_filterBar->setChip(InteractionFilterBar::Kind::Text, QString(), true); });
        auto restart = [this] {
            m_analysis->run<QStringList>(
                QStringLiteral("browse-types"), this,
                [](AnalysisContext &ctx) { return browse::eventTypes(ctx); },
                [this](const QStringList &types) { m_filterBar->setKnownTypes(types); });
            applyFilter();
        };
        // A workspace was opened (the service's jobs of the previous one are dropped): ask again,
        // once the window has switched the service over.
        connect(m_session, &WorkspaceSession::stateChanged, this,
                [this, restart](WorkspaceSession::State state) {
                    if (state == WorkspaceSession::State::Ready || state == WorkspaceSession::State::Empty)
                        QTimer::singleShot(0, this, restart);
                });
        restart();
    }
    updateSummary();
    updateEmptyState();
}

InteractionTableModel *InteractionsView::shownModel() const
{
    return m_filtered && m_table->model() == m_filtered ? m_filtered : m_model;
}

bool InteractionsView::isFiltered() const
{
    return shownModel() == m_filtered && m_filtered;
}

definitions::BrowseFilter InteractionsView::currentFilter() const
{
    return m_filter;
}

QString InteractionsView::summaryText() const
{
    return m_summary->text();
}

void InteractionsView::applyFilter()
{
    if (!m_analysis) return;
    definitions::BrowseFilter f = m_filterBar->filter();
    if (m_range) f.range = m_range->resolved();
    m_filter = f;
    const bool active = !f.hasOnlyRange() || f.range.fromMs || f.range.toMs;
    m_filteredCount = -1;
    m_filterError.clear();
    m_elements->setFilter(f);
    if (active) {
        m_filtered->reset(true);
        showModel(m_filtered);
        m_filtered->fetchMore({});
    } else {
        m_filtered->reset(false);
        showModel(m_model);
    }
    updateSummary();
    updateEmptyState();
}

void InteractionsView::showModel(InteractionTableModel *model)
{
    if (m_table->model() == model) return;
    const QByteArray header = m_table->horizontalHeader()->saveState();
    QItemSelectionModel *old = m_table->selectionModel();
    m_table->setModel(model);
    delete old;
    m_table->horizontalHeader()->restoreState(header);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { onCurrentRowChanged(current); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_define->setEnabled(!selectedInteractionIds().isEmpty()); });
    m_define->setEnabled(false);
    m_table->setAccessibleName(model == m_model ? tr("Newest interactions") : tr("Filtered interactions"));
    m_detail->clear();
}

void InteractionsView::fetchFiltered(quint64 generation, qint64 beforeId, int limit)
{
    const definitions::BrowseFilter filter = m_filter;
    const bool first = beforeId == 0;
    m_analysis->run<browse::RowsResult>(
        first ? QStringLiteral("browse") : QStringLiteral("browse-page"), this,
        [filter, beforeId, limit, first](AnalysisContext &ctx) {
            return browse::rows(ctx, filter, beforeId, limit, first);
        },
        [this, generation, beforeId, limit](const browse::RowsResult &result) {
            if (generation != m_filtered->generation()) return;
            if (result.count >= 0) m_filteredCount = result.count;
            m_filterError = result.error;
            InteractionPage page;
            page.kind = InteractionPage::Kind::Older;
            page.generation = generation;
            page.anchorId = beforeId;
            page.limit = limit;
            page.rows = result.rows;
            page.error = result.error;
            m_filtered->acceptPage(page);
            updateSummary();
            updateEmptyState();
        });
}

void InteractionsView::countSelector(const QString &selector)
{
    if (!m_analysis || selector.isEmpty()) return;
    definitions::BrowseFilter f;
    f.selector = selector.toStdString();
    if (m_range) f.range = m_range->resolved();
    m_filterBar->setSelectorMatches(selector, -1);
    m_analysis->run<qint64>(
        QStringLiteral("browse-selector"), this, [f](AnalysisContext &ctx) { return browse::count(ctx, f); },
        [this, selector](const qint64 &n) { m_filterBar->setSelectorMatches(selector, n); });
}

void InteractionsView::prefetchIfNearEnd()
{
    // Ask for the next page while a couple of screens are still left, so that scrolling
    // does not stop at the end of what is loaded.
    InteractionTableModel *model = shownModel();
    const QScrollBar *bar = m_table->verticalScrollBar();
    if (bar->maximum() - bar->value() <= 2 * bar->pageStep() && model->canFetchMore({})) model->fetchMore({});
}

void InteractionsView::onCurrentRowChanged(const QModelIndex &current)
{
    const InteractionRow *row = current.isValid() ? shownModel()->rowAt(current.row()) : nullptr;
    if (!row) {
        m_detail->clear();
        return;
    }
    showInteraction(row->id, row->uuid);
}

void InteractionsView::showInteraction(qint64 id, const QString &uuid)
{
    const bool again = uuid.isEmpty() && id == m_detail->shownId();
    if (!again) {
        m_detail->showPending(id);
        m_session->requestDetail(id, uuid);
    }
    if (!m_analysis) return;
    m_detail->showMatchesPending();
    m_analysis->run<browse::MatchesResult>(
        QStringLiteral("browse-matches"), this,
        [id](AnalysisContext &ctx) { return browse::definitionsMatching(ctx, id); },
        [this](const browse::MatchesResult &result) { m_detail->showMatches(result); });
}

QVector<qint64> InteractionsView::selectedInteractionIds() const
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QVector<qint64> ids;
    const InteractionTableModel *model = shownModel();
    for (const QModelIndex &index : rows)
        if (const InteractionRow *row = model->rowAt(index.row())) ids << row->id;
    return ids;
}

void InteractionsView::requestDefine()
{
    const QVector<qint64> ids = selectedInteractionIds();
    if (!ids.isEmpty()) emit defineRequested(ids);
}

void InteractionsView::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_table->indexAt(pos);
    const InteractionRow *row = index.isValid() ? shownModel()->rowAt(index.row()) : nullptr;
    if (!row) return;
    QMenu menu(this);
    if (m_filterBar) {
        using Kind = InteractionFilterBar::Kind;
        auto add = [&](const QString &label, Kind kind, const QString &value) {
            if (value.isEmpty()) return;
            QAction *action = menu.addAction(label);
            connect(action, &QAction::triggered, this,
                    [this, kind, value] { m_filterBar->setChip(kind, value); });
        };
        add(tr("Only this type"), Kind::Type, row->type);
        add(tr("Only this page"), Kind::Page, row->pagePath);
        add(tr("Only this element"), Kind::Selector, row->targetSelector);
        add(tr("Only this person"), Kind::Person, row->person);
        add(tr("Only this session"), Kind::Session, row->session);
        menu.addSeparator();
    }
    QAction *define = menu.addAction(tr("Define event"));
    define->setShortcut(QKeySequence(Qt::Key_D));
    connect(define, &QAction::triggered, this, &InteractionsView::requestDefine);
    menu.exec(m_table->viewport()->mapToGlobal(pos));
}

void InteractionsView::updateSummary()
{
    if (isFiltered()) {
        const int loaded = m_filtered->rowCount();
        QString text;
        if (!m_filterError.isEmpty())
            text = tr("The filter cannot be applied");
        else if (m_filteredCount < 0)
            text = tr("Filtering…");
        else
            text = (m_filteredCount == 1 ? tr("1 matching interaction")
                                         : tr("%1 matching interactions").arg(formatCount(m_filteredCount))) +
                   tr(" · newest first · %1 loaded").arg(formatCount(loaded));
        if (m_filtered->isFull())
            text += tr(" · the table holds at most the newest %1").arg(formatCount(m_filtered->maxRows()));
        m_summary->setText(text);
        return;
    }
    const int loaded = m_model->rowCount();
    if (!m_session->hasStats() || m_session->stats().interactions == 0) {
        m_summary->setText(tr("Newest interactions first"));
        return;
    }
    const qint64 total = m_session->stats().interactions;
    QString text = tr("Newest first · %1 of %2 loaded").arg(formatCount(loaded), formatCount(total));
    if (m_model->isFull())
        text += tr(" · the table holds at most the newest %1").arg(formatCount(m_model->maxRows()));
    else if (loaded < total && !m_model->reachedEnd())
        text += tr(" · scroll for more");
    m_summary->setText(text);
}

void InteractionsView::updateEmptyState()
{
    const InteractionTableModel *model = shownModel();
    if (model->rowCount() > 0) {
        m_tableStack->setCurrentWidget(m_table);
        return;
    }
    if (isFiltered()) {
        if (!m_filterError.isEmpty())
            m_emptyLabel->setText(tr("The filter cannot be applied: %1").arg(m_filterError));
        else if (model->isFetching())
            m_emptyLabel->setText(m_indexStatus.isEmpty() ? tr("Filtering the interactions…")
                                                          : m_indexStatus);
        else
            m_emptyLabel->setText(
                tr("No interaction matches these filters in the time range. Remove a filter "
                   "or widen the time range."));
    } else {
        m_emptyLabel->setText(model->isFetching()
                                  ? tr("Loading the newest interactions…")
                                  : tr("No interactions in this workspace yet. Import events "
                                       "(File ▸ Import events…) or drop files onto this window."));
    }
    m_tableStack->setCurrentWidget(m_emptyLabel);
}

void InteractionsView::selectRow(int row)
{
    if (isFiltered()) {
        const InteractionRow *wanted = m_model->rowAt(row);
        if (!wanted) return;
        const int filteredRow = m_filtered->rowOfId(wanted->id);
        if (filteredRow >= 0) {
            row = filteredRow;
        } else {
            m_filterBar->clearAll();
            if (isFiltered()) return; // the time range still filters: the row may not be in it
        }
    }
    if (m_tabs) m_tabs->setCurrentIndex(0);
    const QModelIndex index = shownModel()->index(row, 0);
    if (!index.isValid()) return;
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
    m_table->setFocus();
}

QByteArray InteractionsView::splitterState() const
{
    return m_splitter->saveState();
}

QByteArray InteractionsView::headerState() const
{
    return m_table->horizontalHeader()->saveState();
}

void InteractionsView::restoreState(const QByteArray &splitter, const QByteArray &header)
{
    if (!splitter.isEmpty()) m_splitter->restoreState(splitter);
    if (!header.isEmpty()) m_table->horizontalHeader()->restoreState(header);
}

void InteractionsView::setDetailVisible(bool visible)
{
    m_detail->setVisible(visible);
}

bool InteractionsView::isDetailVisible() const
{
    return !m_detail->isHidden();
}

} // namespace hindsight::ui
