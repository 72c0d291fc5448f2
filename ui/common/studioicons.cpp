#include "ui/common/studioicons.h"

#include "ui/common/paintediconengine.h"

namespace hindsight::ui {

QIcon StudioIcons::icon(Glyph glyph)
{
    return QIcon(new PaintedIconEngine(glyph)); // QIcon takes ownership of the engine
}

StudioIcons::Glyph StudioIcons::glyphFor(StudioView view)
{
    switch (view) {
    case StudioView::Overview:
        return Glyph::Overview;
    case StudioView::Interactions:
        return Glyph::Interactions;
    case StudioView::Definitions:
        return Glyph::Definitions;
    case StudioView::Naming:
        return Glyph::Naming;
    case StudioView::Privacy:
        return Glyph::Privacy;
    case StudioView::Charts:
        return Glyph::Charts;
    }
    return Glyph::Overview;
}

} // namespace hindsight::ui
