#include "ui/common/studioicons.h"

#include "ui/common/paintediconengine.h"

namespace hindsight::ui {

QIcon StudioIcons::icon(Glyph glyph)
{
    return QIcon(new PaintedIconEngine(glyph)); // QIcon takes ownership of the engine
}

} // namespace hindsight::ui
