#pragma once

#include "ui/common/studioicons.h"

#include <QIconEngine>

namespace hindsight::ui {

/// Draws one StudioIcons glyph on demand. Colours come from the application palette at paint
/// time: WindowText normally, HighlightedText when selected, the disabled text colour when
/// disabled.
class PaintedIconEngine : public QIconEngine
{
  public:
    explicit PaintedIconEngine(StudioIcons::Glyph glyph);

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override;
    QIconEngine *clone() const override;
    QString key() const override;

  private:
    void drawGlyph(QPainter &p, const QColor &ink, const QColor &accent) const;

    StudioIcons::Glyph m_glyph;
};

} // namespace hindsight::ui
