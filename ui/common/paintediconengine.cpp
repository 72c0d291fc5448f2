#include "ui/common/paintediconengine.h"

#include <QGuiApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>

namespace hindsight::ui {

PaintedIconEngine::PaintedIconEngine(StudioIcons::Glyph glyph) : m_glyph(glyph) {}

QIconEngine *PaintedIconEngine::clone() const
{
    return new PaintedIconEngine(m_glyph);
}

QString PaintedIconEngine::key() const
{
    return QStringLiteral("hindsight.painted");
}

QPixmap PaintedIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    return scaledPixmap(size, mode, state, 1.0);
}

QPixmap PaintedIconEngine::scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale)
{
    QPixmap pm(size * scale);
    pm.setDevicePixelRatio(scale);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    paint(&p, QRect(QPoint(0, 0), size), mode, state);
    return pm;
}

void PaintedIconEngine::paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State)
{
    const QPalette palette = QGuiApplication::palette();
    QColor ink = palette.color(QPalette::Active, QPalette::WindowText);
    if (mode == QIcon::Disabled)
        ink = palette.color(QPalette::Disabled, QPalette::WindowText);
    else if (mode == QIcon::Selected)
        ink = palette.color(QPalette::Active, QPalette::HighlightedText);
    QColor accent = mode == QIcon::Selected ? ink : palette.color(QPalette::Active, QPalette::Highlight);
    if (mode == QIcon::Disabled) accent = ink;

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    // Glyphs are drawn on a 24 x 24 grid.
    const int side = std::min(rect.width(), rect.height());
    painter->translate(rect.x() + (rect.width() - side) / 2.0, rect.y() + (rect.height() - side) / 2.0);
    painter->scale(side / 24.0, side / 24.0);
    drawGlyph(*painter, ink, accent);
    painter->restore();
}

void PaintedIconEngine::drawGlyph(QPainter &p, const QColor &ink, const QColor &accent) const
{
    QPen pen(ink, 1.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    using G = StudioIcons::Glyph;
    switch (m_glyph) {
    case G::Overview: // four tiles
        p.drawRoundedRect(QRectF(3.5, 3.5, 7.5, 7.5), 1.5, 1.5);
        p.drawRoundedRect(QRectF(13, 3.5, 7.5, 7.5), 1.5, 1.5);
        p.drawRoundedRect(QRectF(3.5, 13, 7.5, 7.5), 1.5, 1.5);
        p.setBrush(accent);
        p.setPen(QPen(accent, 1.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawRoundedRect(QRectF(13, 13, 7.5, 7.5), 1.5, 1.5);
        break;
    case G::Interactions: { // a pointer clicking, with ripples
        QPainterPath arrow;
        arrow.moveTo(9, 8);
        arrow.lineTo(9, 21);
        arrow.lineTo(12.2, 17.8);
        arrow.lineTo(14.8, 22);
        arrow.lineTo(16.8, 21);
        arrow.lineTo(14.4, 16.8);
        arrow.lineTo(19, 16.4);
        arrow.closeSubpath();
        p.setBrush(ink);
        p.drawPath(arrow);
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(accent, 1.6, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(9, 2.5), QPointF(9, 5));
        p.drawLine(QPointF(3.5, 8), QPointF(6, 8));
        p.drawLine(QPointF(4.8, 3.8), QPointF(6.6, 5.6));
        p.drawLine(QPointF(13.2, 3.8), QPointF(11.4, 5.6));
        break;
    }
    case G::Definitions: { // a tag
        QPainterPath tag;
        tag.moveTo(3.5, 4.5);
        tag.lineTo(11.5, 4.5);
        tag.lineTo(20.5, 13.5);
        tag.lineTo(12.5, 21.5);
        tag.lineTo(3.5, 12.5);
        tag.closeSubpath();
        p.drawPath(tag);
        p.setBrush(accent);
        p.setPen(Qt::NoPen);
        p.drawEllipse(QPointF(8, 9), 1.8, 1.8);
        break;
    }
    case G::Naming: { // "Aa"
        QFont font = QGuiApplication::font();
        font.setPixelSize(13);
        font.setBold(true);
        p.setFont(font);
        p.drawText(QRectF(1, 2, 22, 16), Qt::AlignCenter, QStringLiteral("Aa"));
        p.setPen(QPen(accent, 1.8, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(4, 20.5), QPointF(20, 20.5));
        break;
    }
    case G::Privacy: { // a shield with a tick
        QPainterPath shield;
        shield.moveTo(12, 2.5);
        shield.lineTo(20, 5.5);
        shield.cubicTo(20, 13, 17, 18.5, 12, 21.5);
        shield.cubicTo(7, 18.5, 4, 13, 4, 5.5);
        shield.closeSubpath();
        p.drawPath(shield);
        p.setPen(QPen(accent, 2.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPolyline(QPolygonF({QPointF(8.5, 12), QPointF(11, 14.5), QPointF(15.5, 9.5)}));
        break;
    }
    case G::Charts: // bars on an axis
        p.drawLine(QPointF(3.5, 20.5), QPointF(20.5, 20.5));
        p.setPen(Qt::NoPen);
        p.setBrush(ink);
        p.drawRoundedRect(QRectF(5, 12, 3.5, 7), 0.8, 0.8);
        p.drawRoundedRect(QRectF(15.5, 9, 3.5, 10), 0.8, 0.8);
        p.setBrush(accent);
        p.drawRoundedRect(QRectF(10.25, 4.5, 3.5, 14.5), 0.8, 0.8);
        break;
    case G::Workspace: // a database cylinder
        p.drawEllipse(QRectF(4.5, 3, 15, 5));
        p.drawLine(QPointF(4.5, 5.5), QPointF(4.5, 18.5));
        p.drawLine(QPointF(19.5, 5.5), QPointF(19.5, 18.5));
        p.drawArc(QRectF(4.5, 16, 15, 5), 180 * 16, 180 * 16);
        p.setPen(QPen(accent, 1.6, Qt::SolidLine, Qt::RoundCap));
        p.drawArc(QRectF(4.5, 9.5, 15, 5), 180 * 16, 180 * 16);
        break;
    case G::Import: // an arrow into a tray
        p.drawPolyline(QPolygonF({QPointF(4, 14), QPointF(4, 20), QPointF(20, 20), QPointF(20, 14)}));
        p.setPen(QPen(accent, 2.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawLine(QPointF(12, 3.5), QPointF(12, 15));
        p.drawPolyline(QPolygonF({QPointF(7.5, 10.5), QPointF(12, 15), QPointF(16.5, 10.5)}));
        break;
    case G::Demo: { // a sparkle
        QPainterPath star;
        star.moveTo(11, 2.5);
        star.cubicTo(11.8, 8, 13, 9.2, 18.5, 10);
        star.cubicTo(13, 10.8, 11.8, 12, 11, 17.5);
        star.cubicTo(10.2, 12, 9, 10.8, 3.5, 10);
        star.cubicTo(9, 9.2, 10.2, 8, 11, 2.5);
        p.setBrush(accent);
        p.setPen(Qt::NoPen);
        p.drawPath(star);
        p.setBrush(ink);
        p.drawEllipse(QPointF(18, 18), 2.2, 2.2);
        break;
    }
    case G::Open: { // a folder
        QPainterPath folder;
        folder.moveTo(3, 6);
        folder.lineTo(9, 6);
        folder.lineTo(11, 8);
        folder.lineTo(21, 8);
        folder.lineTo(21, 19);
        folder.lineTo(3, 19);
        folder.closeSubpath();
        p.drawPath(folder);
        p.setPen(QPen(accent, 1.6));
        p.drawLine(QPointF(3, 11), QPointF(21, 11));
        break;
    }
    case G::Cancel:
        p.setPen(QPen(ink, 2.0, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(6.5, 6.5), QPointF(17.5, 17.5));
        p.drawLine(QPointF(17.5, 6.5), QPointF(6.5, 17.5));
        break;
    case G::Application: { // a rear-view: an eye looking back over a clock arc
        p.setPen(QPen(ink, 1.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        QPainterPath eye;
        eye.moveTo(2.5, 12);
        eye.cubicTo(6, 5.5, 18, 5.5, 21.5, 12);
        eye.cubicTo(18, 18.5, 6, 18.5, 2.5, 12);
        p.drawPath(eye);
        p.setBrush(accent);
        p.setPen(Qt::NoPen);
        p.drawEllipse(QPointF(12, 12), 3.6, 3.6);
        break;
    }
    }
}

} // namespace hindsight::ui
