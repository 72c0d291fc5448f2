#include "ui/views/interactionsview.h"

#include "ui/common/humanformat.h"
#include "ui/models/interactionroles.h"
#include "ui/models/interactiontablemodel.h"
#include "ui/store/workspacesession.h"
#include "ui/views/interactiondetailview.h"
#include "ui/views/targetitemdelegate.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace hindsight::ui {

InteractionsView::InteractionsView(WorkspaceSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_model(session->interactions())
{
    setObjectName(QStringLiteral("interactionsView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->setObjectName(QStringLiteral("interactionsSplitter"));
    m_splitter->setChildrenCollapsible(true);
    layout->addWidget(m_splitter);

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->setSpacing(0);
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("interactionsSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setContentsMargins(10, 6, 10, 6);
    leftLayout->addWidget(m_summary);

    m_tableStack = new QStackedWidget;
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("interactionsTable"));
    m_table->setAccessibleName(tr("Newest interactions"));
    m_table->setModel(m_model);
    m_table->setItemDelegateForColumn(InteractionTableModel::TargetColumn, new TargetItemDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setCornerButtonEnabled(false);
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
    m_splitter->addWidget(left);

    m_detail = new InteractionDetailView;
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setSizes({950, 450});

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { onCurrentRowChanged(current); });
    connect(m_session, &WorkspaceSession::detailReady, m_detail, &InteractionDetailView::showDetail);
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this,
            &InteractionsView::prefetchIfNearEnd);
    connect(m_table->verticalScrollBar(), &QScrollBar::rangeChanged, this,
            &InteractionsView::prefetchIfNearEnd);

    // New rows arriving at the top must not move what the user is looking at: if the table
    // is scrolled down, it is scrolled further by the height of the new rows.
    connect(m_model, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this](const QModelIndex &, int first, int) {
                m_scrollBeforeInsert =
                    first == 0 && m_model->rowCount() > 0 ? m_table->verticalScrollBar()->value() : -1;
            });
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) {
                if (first == 0 && m_scrollBeforeInsert > 0) {
                    const int added = (last - first + 1) * m_table->verticalHeader()->defaultSectionSize();
                    m_table->verticalScrollBar()->setValue(m_scrollBeforeInsert + added);
                }
                m_scrollBeforeInsert = -1;
                updateSummary();
                updateEmptyState();
            });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_detail->clear();
        updateSummary();
        updateEmptyState();
    });
    connect(m_model, &InteractionTableModel::pageAccepted, this, [this] {
        updateSummary();
        updateEmptyState();
    });
    connect(m_session, &WorkspaceSession::statsChanged, this, &InteractionsView::updateSummary);
    updateSummary();
    updateEmptyState();
}

void InteractionsView::prefetchIfNearEnd()
{
    // Ask for the next page while a couple of screens are still left, so that scrolling
    // does not stop at the end of what is loaded.
    const QScrollBar *bar = m_table->verticalScrollBar();
    if (bar->maximum() - bar->value() <= 2 * bar->pageStep() && m_model->canFetchMore({}))
        m_model->fetchMore({});
}

void InteractionsView::onCurrentRowChanged(const QModelIndex &current)
{
    const InteractionRow *row = current.isValid() ? m_model->rowAt(current.row()) : nullptr;
    if (!row) {
        m_detail->clear();
        return;
    }
    m_detail->showPending(row->id);
    m_session->requestDetail(row->id, row->uuid);
}

void InteractionsView::updateSummary()
{
    const int loaded = m_model->rowCount();
    if (!m_session->hasStats() || m_session->stats().interactions == 0) {
        m_summary->setText(tr("Newest interactions first"));
        return;
    }
    const qint64 total = m_session->stats().interactions;
    QString text = tr("Newest first · %1 of %2 loaded").arg(formatCount(loaded), formatCount(total));
    if (m_model->isFull())
        text +=
            tr(" · the table holds at most the newest %1").arg(formatCount(InteractionTableModel::kMaxRows));
    else if (loaded < total && !m_model->reachedEnd())
        text += tr(" · scroll for more");
    m_summary->setText(text);
}

void InteractionsView::updateEmptyState()
{
    if (m_model->rowCount() > 0) {
        m_tableStack->setCurrentWidget(m_table);
        return;
    }
    m_emptyLabel->setText(m_model->isFetching()
                              ? tr("Loading the newest interactions…")
                              : tr("No interactions in this workspace yet. Import events "
                                   "(File ▸ Import events…) or drop files onto this window."));
    m_tableStack->setCurrentWidget(m_emptyLabel);
}

void InteractionsView::selectRow(int row)
{
    const QModelIndex index = m_model->index(row, 0);
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
