#include "ui/views/elidinglabel.h"

#include "ui/common/untrustedtext.h"

#include <QAccessible>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QGuiApplication>
#include <QMenu>
#include <QPainter>

namespace hindsight::ui {

ElidingLabel::ElidingLabel(QWidget *parent) : QFrame(parent)
{
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    setFocusPolicy(Qt::NoFocus);
}

void ElidingLabel::setText(const QString &text)
{
    if (text == m_text) return;
    m_text = text;
    setToolTip(text.isEmpty() ? QString() : untrusted::toolTip(text));
    setAccessibleDescription(text);
    updateGeometry();
    update();
}

void ElidingLabel::setElideMode(Qt::TextElideMode mode)
{
    m_mode = mode;
    update();
}

QSize ElidingLabel::sizeHint() const
{
    const QFontMetrics fm(font());
    return {std::min(fm.horizontalAdvance(m_text), 400) + 2 * frameWidth(), fm.height() + 2 * frameWidth()};
}

QSize ElidingLabel::minimumSizeHint() const
{
    const QFontMetrics fm(font());
    return {fm.horizontalAdvance(QChar(0x2026)) * 4, fm.height() + 2 * frameWidth()};
}

void ElidingLabel::paintEvent(QPaintEvent *event)
{
    QFrame::paintEvent(event);
    QPainter p(this);
    const QRect area = contentsRect();
    p.setPen(palette().color(isEnabled() ? QPalette::Active : QPalette::Disabled, foregroundRole()));
    p.drawText(area, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
               fontMetrics().elidedText(m_text, m_mode, area.width()));
}

void ElidingLabel::contextMenuEvent(QContextMenuEvent *event)
{
    if (m_text.isEmpty()) return;
    QMenu menu(this);
    menu.addAction(tr("Copy"), this, [this] { QGuiApplication::clipboard()->setText(m_text); });
    menu.exec(event->globalPos());
}

} // namespace hindsight::ui
