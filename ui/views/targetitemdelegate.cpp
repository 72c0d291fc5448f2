#include "ui/views/targetitemdelegate.h"

#include "ui/models/interactionroles.h"

#include <QApplication>
#include <QFontDatabase>
#include <QPainter>

namespace hindsight::ui {

TargetItemDelegate::TargetItemDelegate(QObject *parent)
    : QStyledItemDelegate(parent), m_fixedFont(QFontDatabase::systemFont(QFontDatabase::FixedFont))
{
}

void TargetItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString selector = index.data(InteractionRole::TargetSelector).toString();
    const QString text = index.data(InteractionRole::TargetText).toString();
    opt.text.clear(); // the style draws background, selection and focus; the text is ours
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
    if (textRect.width() <= 0) return;
    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = !(opt.state & QStyle::State_Enabled) ? QPalette::Disabled
                                       : (opt.state & QStyle::State_Active) ? QPalette::Active
                                                                            : QPalette::Inactive;
    painter->save();
    painter->setClipRect(textRect);
    painter->setPen(opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));

    QFont fixed = m_fixedFont;
    fixed.setPointSizeF(opt.font.pointSizeF() > 0 ? opt.font.pointSizeF() : fixed.pointSizeF());
    const QFontMetrics fixedMetrics(fixed);
    const QFontMetrics textMetrics(opt.font);
    int x = textRect.left();
    const int available = textRect.width();
    const QString shownSelector = fixedMetrics.elidedText(selector, Qt::ElideRight, available);
    painter->setFont(fixed);
    painter->drawText(QRect(x, textRect.top(), available, textRect.height()),
                      Qt::AlignVCenter | Qt::AlignLeft | Qt::TextSingleLine, shownSelector);
    x += fixedMetrics.horizontalAdvance(shownSelector);
    if (!text.isEmpty() && shownSelector == selector) {
        const int space = textMetrics.horizontalAdvance(QLatin1Char(' '));
        const int rest = textRect.right() - x - space;
        if (rest > textMetrics.horizontalAdvance(QChar(0x2026))) {
            painter->setFont(opt.font);
            painter->drawText(QRect(x + space, textRect.top(), rest, textRect.height()),
                              Qt::AlignVCenter | Qt::AlignLeft | Qt::TextSingleLine,
                              textMetrics.elidedText(text, Qt::ElideRight, rest));
        }
    }
    painter->restore();
}

QSize TargetItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QString selector = index.data(InteractionRole::TargetSelector).toString();
    const QString text = index.data(InteractionRole::TargetText).toString();
    QFont fixed = m_fixedFont;
    fixed.setPointSizeF(option.font.pointSizeF() > 0 ? option.font.pointSizeF() : fixed.pointSizeF());
    const int wanted = QFontMetrics(fixed).horizontalAdvance(selector) +
                       QFontMetrics(option.font).horizontalAdvance(QLatin1Char(' ') + text) + 12;
    size.setWidth(std::min(wanted, 480));
    return size;
}

} // namespace hindsight::ui
