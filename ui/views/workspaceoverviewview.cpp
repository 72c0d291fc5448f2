#include "ui/views/workspaceoverviewview.h"

#include "ui/common/humanformat.h"
#include "ui/common/untrustedtext.h"
#include "ui/models/interactiontablemodel.h"
#include "ui/views/elidinglabel.h"
#include "ui/views/overviewcard.h"
#include "ui/views/targetitemdelegate.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QTableView>
#include <QVBoxLayout>

namespace hindsight::ui {

namespace {

constexpr qint64 kExactBelow = 1'000'000;
constexpr int kNewestRows = 8;

/// A large count reads as 3.1M with the exact figure underneath; smaller ones are shown whole.
void setCount(OverviewCard *card, qint64 n, const QString &caption)
{
    if (n < kExactBelow) {
        card->setValue(formatCount(n), caption);
    } else {
        card->setValue(formatCompactCount(n), QStringLiteral("%1 · %2").arg(formatCount(n), caption));
    }
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

WorkspaceOverviewView::WorkspaceOverviewView(InteractionTableModel *newest, QWidget *parent) : QWidget(parent)
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

    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(14);
    grid->setVerticalSpacing(14);
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
    OverviewCard *const cards[] = {m_interactions, m_people, m_sessions, m_elements,
                                   m_first,        m_last,   m_span,     m_size};
    for (int i = 0; i < 8; ++i)
        grid->addWidget(cards[i], i / 4, i % 4);
    layout->addLayout(grid);
    layout->addSpacing(18);

    auto *newestHeading = new QLabel(tr("Newest interactions"));
    newestHeading->setTextFormat(Qt::PlainText);
    QFont headingFont = newestHeading->font();
    headingFont.setWeight(QFont::DemiBold);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.15);
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
}

void WorkspaceOverviewView::setStats(const WorkspaceStats &stats)
{
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

} // namespace hindsight::ui
