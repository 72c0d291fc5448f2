#pragma once

#include "ui/common/studioview.h"

#include <QString>

namespace hindsight::ui {

/// How the studio window is started (from the command line or a test).
struct StudioOptions
{
    /// The workspace to open; empty = the last one used, or the default workspace.
    QString storePath;
    /// The view to show first; unset = the one shown when the studio was last closed.
    std::optional<StudioView> initialView;
    /// False for throw-away windows (screenshots): nothing is read from or written to the
    /// user's settings (recent workspaces, window geometry).
    bool persistSettings = true;
    /// How often the store is checked for changes made by other programs.
    int pollIntervalMs = 2000;
};

} // namespace hindsight::ui
