#include "ui/views/sparklinedelegate.h"

#include <QApplication>
#include <QList>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>

namespace hindsight::ui {

SparklineDelegate::SparklineDelegate(int valuesRole, QObject *parent)
    : QStyledItemDelegate(parent), m_role(valuesRole)
{
}

void SparklineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QList<qint64> values = index.data(m_role).value<QList<qint64>>();
    if (values.size() < 2) return;
    const QRectF area = QRectF(opt.rect).adjusted(6, 4, -6, -4);
    if (area.width() < 10 || area.height() < 4) return;
    const qint64 top = std::max<qint64>(1, *std::max_element(values.begin(), values.end()));
    const bool selected = opt.state & QStyle::State_Selected;
    QColor line = opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    QColor fill =
        selected ? opt.palette.color(QPalette::HighlightedText) : opt.palette.color(QPalette::Highlight);
    fill.setAlphaF(0.25);

    const qreal step = area.width() / static_cast<qreal>(values.size() - 1);
    auto pointAt = [&](int i) {
        const qreal y =
            area.bottom() - area.height() * static_cast<qreal>(values[i]) / static_cast<qreal>(top);
        return QPointF(area.left() + step * i, y);
    };
    QPainterPath path(pointAt(0));
    for (int i = 1; i < values.size(); ++i)
        path.lineTo(pointAt(i));
    QPainterPath under = path;
    under.lineTo(area.right(), area.bottom());
    under.lineTo(area.left(), area.bottom());
    under.closeSubpath();

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawPath(under);
    painter->setBrush(Qt::NoBrush);
    painter->setPen(QPen(line, 1.2));
    painter->drawPath(path);
    // The newest day as a dot.
    painter->setBrush(line);
    painter->setPen(Qt::NoPen);
    painter->drawEllipse(pointAt(static_cast<int>(values.size()) - 1), 1.8, 1.8);
    painter->restore();
}

QSize SparklineDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(120);
    return size;
}

} // namespace hindsight::ui
