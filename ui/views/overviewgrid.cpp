#include "ui/views/overviewgrid.h"

#include <QEvent>
#include <QResizeEvent>
#include <algorithm>

namespace hindsight::ui {

OverviewGrid::OverviewGrid(int minimumColumnWidth, std::vector<int> columnCounts, QWidget *parent)
    : QWidget(parent), m_minimumColumnWidth(minimumColumnWidth), m_columnCounts(std::move(columnCounts))
{
    std::sort(m_columnCounts.begin(), m_columnCounts.end(), std::greater<>());
    if (m_columnCounts.empty() || m_columnCounts.back() != 1) m_columnCounts.push_back(1);
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void OverviewGrid::addCard(QWidget *card, int span)
{
    card->setParent(this);
    m_items.push_back({card, std::max(1, span)});
    card->show();
    updateGeometry();
    place(width(), true);
}

int OverviewGrid::columnsFor(int width) const
{
    for (const int columns : m_columnCounts)
        if (columns * m_minimumColumnWidth + (columns - 1) * m_spacing <= width) return columns;
    return 1;
}

int OverviewGrid::place(int width, bool apply) const
{
    const int columns = columnsFor(width);
    const int columnWidth = std::max(1, (width - (columns - 1) * m_spacing) / columns);
    int y = 0;
    std::size_t i = 0;
    while (i < m_items.size()) {
        // Fill one row: cards in order while they fit (a card wider than the grid takes it whole).
        std::vector<std::pair<const Item *, int>> row; // item, span used
        int used = 0;
        for (; i < m_items.size(); ++i) {
            const Item &item = m_items[i];
            if (item.widget->isHidden()) continue;
            const int span = std::min(item.span, columns);
            if (used + span > columns) break;
            row.emplace_back(&item, span);
            used += span;
        }
        if (row.empty()) continue;
        // The last card of a row that does not fill it grows to the edge.
        row.back().second += columns - used;
        int height = 0;
        for (const auto &[item, span] : row) {
            const int w = span * columnWidth + (span - 1) * m_spacing;
            QWidget *widget = item->widget;
            const int h =
                widget->hasHeightForWidth() ? widget->heightForWidth(w) : widget->sizeHint().height();
            height = std::max({height, h, widget->minimumSizeHint().height()});
        }
        if (apply) {
            int x = 0;
            for (const auto &[item, span] : row) {
                const int w = span * columnWidth + (span - 1) * m_spacing;
                item->widget->setGeometry(x, y, w, height);
                x += w + m_spacing;
            }
        }
        y += height + m_spacing;
    }
    return std::max(0, y - m_spacing);
}

int OverviewGrid::heightForWidth(int width) const
{
    return place(width, false);
}

QSize OverviewGrid::sizeHint() const
{
    const int columns = m_columnCounts.front();
    const int width = columns * m_minimumColumnWidth + (columns - 1) * m_spacing;
    return {width, heightForWidth(width)};
}

QSize OverviewGrid::minimumSizeHint() const
{
    return {m_minimumColumnWidth, 0};
}

void OverviewGrid::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    place(event->size().width(), true);
}

bool OverviewGrid::event(QEvent *event)
{
    // A card's content changed its size: place the cards again and tell the page.
    if (event->type() == QEvent::LayoutRequest) {
        place(width(), true);
        updateGeometry();
    }
    return QWidget::event(event);
}

} // namespace hindsight::ui
