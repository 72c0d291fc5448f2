#include "ui/views/upcomingview.h"

#include "ui/common/studioicons.h"

#include <QLabel>
#include <QVBoxLayout>

namespace hindsight::ui {

namespace {

QString purposeOf(StudioView view)
{
    switch (view) {
    case StudioView::Definitions:
        return UpcomingView::tr(
            "Here you will turn interactions into named events: select elements, define an "
            "event from them, and see its count, people and trend as you edit it.");
    case StudioView::Naming:
        return UpcomingView::tr("Here you will review event names against your naming convention and fix "
                                "violations and duplicates in one go.");
    case StudioView::Privacy:
        return UpcomingView::tr(
            "Here you will see personal data found in captured text, URLs and attributes, "
            "with masking rules and a dry run before applying them.");
    case StudioView::Charts:
        return UpcomingView::tr("Here you will chart defined events over time, by page and by person.");
    default:
        return {};
    }
}

} // namespace

UpcomingView::UpcomingView(StudioView view, QWidget *parent) : QWidget(parent)
{
    setObjectName(studioViewKey(view) + QStringLiteral("View"));
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    auto *icon = new QLabel;
    icon->setPixmap(StudioIcons::icon(StudioIcons::glyphFor(view)).pixmap(48, 48, QIcon::Disabled));
    icon->setAlignment(Qt::AlignCenter);
    layout->addWidget(icon);
    auto *heading = new QLabel(tr("%1 arrives in a later version").arg(studioViewTitle(view)));
    heading->setObjectName(studioViewKey(view) + QStringLiteral("Heading"));
    heading->setTextFormat(Qt::PlainText);
    heading->setAlignment(Qt::AlignCenter);
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.4);
    headingFont.setWeight(QFont::DemiBold);
    heading->setFont(headingFont);
    layout->addWidget(heading);
    auto *text = new QLabel(purposeOf(view) + QStringLiteral("\n\n") +
                            tr("This version of Hindsight Studio shows the workspace Overview and its "
                               "Interactions."));
    text->setTextFormat(Qt::PlainText);
    text->setAlignment(Qt::AlignCenter);
    text->setWordWrap(true);
    text->setForegroundRole(QPalette::PlaceholderText);
    text->setMaximumWidth(560);
    layout->addWidget(text, 0, Qt::AlignHCenter);
    layout->addStretch(3);
}

} // namespace hindsight::ui
