#include "ui/views/elementsview.h"

#include "ui/common/humanformat.h"
#include "ui/models/elementtablemodel.h"
#include "ui/models/interactionroles.h"
#include "ui/store/analysisservice.h"
#include "ui/views/sparklinedelegate.h"
#include "ui/views/targetitemdelegate.h"

#include <QAction>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace hindsight::ui {

ElementsView::ElementsView(AnalysisService *analysis, QWidget *parent)
    : QWidget(parent), m_analysis(analysis), m_model(new ElementTableModel(this))
{
    setObjectName(QStringLiteral("elementsView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(10, 4, 6, 4);
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("elementsSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    top->addWidget(m_summary, 1);
    m_define = new QPushButton(tr("Define event"));
    m_define->setObjectName(QStringLiteral("elementsDefineButton"));
    m_define->setAccessibleName(tr("Define event from the selected elements"));
    m_define->setToolTip(tr("Start a new definition from the selected elements (D)"));
    m_define->setEnabled(false);
    top->addWidget(m_define);
    layout->addLayout(top);

    m_stack = new QStackedWidget;
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("elementsTable"));
    m_table->setAccessibleName(tr("Distinct elements"));
    m_table->setModel(m_model);
    m_table->setItemDelegateForColumn(ElementTableModel::ElementColumn, new TargetItemDelegate(m_table));
    m_table->setItemDelegateForColumn(ElementTableModel::TrendColumn,
                                      new SparklineDelegate(ElementTableModel::SparklineRole, m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setCornerButtonEnabled(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    const QFontMetrics fm = fontMetrics();
    const QFontMetrics fixed(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    header->resizeSection(ElementTableModel::ElementColumn,
                          fixed.horizontalAdvance(QStringLiteral("button#add-to-cart.btn \"Add to cart\"")) +
                              16);
    for (int c : {ElementTableModel::InteractionsColumn, ElementTableModel::PeopleColumn,
                  ElementTableModel::PagesColumn})
        header->resizeSection(
            c, std::max(fm.horizontalAdvance(QStringLiteral("1,234,567")),
                        fm.horizontalAdvance(m_model->headerData(c, Qt::Horizontal).toString())) +
                   20);
    for (int c : {ElementTableModel::FirstSeenColumn, ElementTableModel::LastSeenColumn})
        header->resizeSection(c, fm.horizontalAdvance(QStringLiteral("2026-12-31 23:59:59")) + 16);
    header->resizeSection(ElementTableModel::TrendColumn, 130);
    // The 30-day trend right after the count, where it is seen without scrolling.
    header->moveSection(header->visualIndex(ElementTableModel::TrendColumn), ElementTableModel::PeopleColumn);
    m_stack->addWidget(m_table);
    m_empty = new QLabel;
    m_empty->setObjectName(QStringLiteral("elementsEmpty"));
    m_empty->setTextFormat(Qt::PlainText);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_stack->addWidget(m_empty);
    layout->addWidget(m_stack, 1);

    auto *define = new QAction(tr("Define event"), m_table);
    define->setShortcut(QKeySequence(Qt::Key_D));
    define->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(define);
    auto emitDefine = [this] {
        const QVector<qint64> ids = selectedRepresentatives();
        if (!ids.isEmpty()) emit defineRequested(ids);
    };
    connect(define, &QAction::triggered, this, emitDefine);
    connect(m_define, &QPushButton::clicked, this, emitDefine);

    connect(m_model, &ElementTableModel::moreWanted, this, &ElementsView::fetch);
    connect(m_model, &ElementTableModel::pageAccepted, this, &ElementsView::updateState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ElementsView::updateState);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_define->setEnabled(!selectedRepresentatives().isEmpty()); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                const browse::ElementRow *row = current.isValid() ? m_model->rowAt(current.row()) : nullptr;
                emit representativeChanged(row ? row->representativeId : 0,
                                           row ? row->representativeUuid : QString());
            });
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (const browse::ElementRow *row = m_model->rowAt(index.row())) emit elementActivated(row->selector);
    });
    auto prefetch = [this] {
        const QScrollBar *bar = m_table->verticalScrollBar();
        if (bar->maximum() - bar->value() <= 2 * bar->pageStep() && m_model->canFetchMore({}))
            m_model->fetchMore({});
    };
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this, prefetch);
    connect(m_table->verticalScrollBar(), &QScrollBar::rangeChanged, this, prefetch);
    updateState();
}

void ElementsView::setFilter(const definitions::BrowseFilter &filter)
{
    m_filter = filter;
    m_dirty = true;
    if (isVisible()) start();
}

void ElementsView::refresh()
{
    m_dirty = true;
    if (isVisible()) start();
}

void ElementsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty) start();
}

void ElementsView::start()
{
    m_dirty = false;
    m_model->reset(m_analysis != nullptr);
    if (m_analysis) m_model->fetchMore({});
    updateState();
}

void ElementsView::fetch(quint64 generation, int offset, int limit)
{
    if (!m_analysis) return;
    const definitions::BrowseFilter filter = m_filter;
    m_analysis->run<browse::ElementsResult>(
        QStringLiteral("browse-elements"), this,
        [filter, offset, limit](AnalysisContext &ctx) {
            return browse::elements(ctx, filter, offset, limit);
        },
        [this, generation, offset](const browse::ElementsResult &result) {
            m_model->acceptPage(generation, offset, result);
        });
    updateState();
}

QVector<qint64> ElementsView::selectedRepresentatives() const
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QVector<qint64> ids;
    for (const QModelIndex &index : rows)
        if (const browse::ElementRow *row = m_model->rowAt(index.row())) ids << row->representativeId;
    return ids;
}

QString ElementsView::summaryText() const
{
    return m_summary->text();
}

void ElementsView::updateState()
{
    if (!m_model->hasAnswer()) {
        m_summary->setText(m_model->isFetching() ? tr("Finding the distinct elements…") : QString());
        m_empty->setText(m_analysis ? tr("Finding the distinct elements…")
                                    : tr("Elements are not available here."));
        m_stack->setCurrentWidget(m_empty);
        return;
    }
    if (!m_model->error().isEmpty()) {
        m_summary->setText(QString());
        m_empty->setText(tr("The elements cannot be listed: %1").arg(m_model->error()));
        m_stack->setCurrentWidget(m_empty);
        return;
    }
    const qint64 total = m_model->total();
    QString text = total == 1 ? tr("1 distinct element") : tr("%1 distinct elements").arg(formatCount(total));
    text +=
        tr(" · %1 interactions with an element · most used first").arg(formatCount(m_model->withElement()));
    if (m_model->rowCount() < total) text += tr(" · %1 loaded").arg(formatCount(m_model->rowCount()));
    m_summary->setText(text);
    if (m_model->rowCount() == 0) {
        m_empty->setText(tr("No element among the interactions shown: they are page views or custom events "
                            "without an element, or the filters leave nothing."));
        m_stack->setCurrentWidget(m_empty);
    } else {
        m_stack->setCurrentWidget(m_table);
    }
}

} // namespace hindsight::ui
