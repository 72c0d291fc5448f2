#pragma once

#include <QString>
#include <array>
#include <optional>

namespace hindsight::ui {

/// The views of the left rail, in rail order (Ctrl+1 … Ctrl+6).
enum class StudioView { Overview, Interactions, Definitions, Naming, Privacy, Charts };

inline constexpr std::array<StudioView, 6> kAllStudioViews = {
    StudioView::Overview, StudioView::Interactions, StudioView::Definitions,
    StudioView::Naming,   StudioView::Privacy,      StudioView::Charts};

/// The view's name as shown in the rail (translated).
QString studioViewTitle(StudioView view);
/// A stable key for settings and the command line: "overview", "interactions", ...
QString studioViewKey(StudioView view);
std::optional<StudioView> studioViewFromKey(const QString &key);

} // namespace hindsight::ui
