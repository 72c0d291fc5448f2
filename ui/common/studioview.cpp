#include "ui/common/studioview.h"

#include <QCoreApplication>

namespace hindsight::ui {

QString studioViewTitle(StudioView view)
{
    switch (view) {
    case StudioView::Overview:
        return QCoreApplication::translate("hindsight::ui::StudioView", "Overview");
    case StudioView::Interactions:
        return QCoreApplication::translate("hindsight::ui::StudioView", "Interactions");
    case StudioView::Definitions:
        return QCoreApplication::translate("hindsight::ui::StudioView", "Definitions");
    case StudioView::Naming:
        return QCoreApplication::translate("hindsight::ui::StudioView", "Naming");
    case StudioView::Privacy:
        return QCoreApplication::translate("hindsight::ui::StudioView", "Privacy");
    case StudioView::Charts:
        return QCoreApplication::translate("hindsight::ui::StudioView", "Charts");
    }
    return {};
}

QString studioViewKey(StudioView view)
{
    switch (view) {
    case StudioView::Overview:
        return QStringLiteral("overview");
    case StudioView::Interactions:
        return QStringLiteral("interactions");
    case StudioView::Definitions:
        return QStringLiteral("definitions");
    case StudioView::Naming:
        return QStringLiteral("naming");
    case StudioView::Privacy:
        return QStringLiteral("privacy");
    case StudioView::Charts:
        return QStringLiteral("charts");
    }
    return {};
}

std::optional<StudioView> studioViewFromKey(const QString &key)
{
    for (StudioView view : kAllStudioViews) {
        if (studioViewKey(view) == key) return view;
    }
    return std::nullopt;
}

} // namespace hindsight::ui
