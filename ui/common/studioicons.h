#pragma once

#include "ui/common/studioview.h"

#include <QIcon>

namespace hindsight::ui {

/// The studio's own icons, drawn as vector paths at whatever size is asked for, in the
/// palette's text colour (so they follow light and dark themes without image plugins).
class StudioIcons
{
  public:
    enum class Glyph {
        Overview,
        Interactions,
        Definitions,
        Naming,
        Privacy,
        Charts,
        Workspace,
        Import,
        Demo,
        Open,
        Cancel,
        Application,
    };

    static QIcon icon(Glyph glyph);
    /// The glyph that stands for a view in the rail and on its pages.
    static Glyph glyphFor(StudioView view);
};

} // namespace hindsight::ui
