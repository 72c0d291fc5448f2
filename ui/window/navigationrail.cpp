#include "ui/window/navigationrail.h"

#include "ui/common/studioicons.h"

#include <QListWidget>
#include <QVBoxLayout>

namespace hindsight::ui {

NavigationRail::NavigationRail(QWidget *parent) : QWidget(parent), m_list(new QListWidget)
{
    setObjectName(QStringLiteral("navigationRail"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);

    m_list->setObjectName(QStringLiteral("navigationList"));
    m_list->setAccessibleName(tr("Views"));
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setIconSize(QSize(22, 22));
    m_list->setSpacing(2);
    m_list->setUniformItemSizes(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    // The rail sits on the window colour rather than the list's base colour; both come from
    // the system palette, so light and dark themes are followed.
    QPalette pal = m_list->palette();
    pal.setColor(QPalette::Base, pal.color(QPalette::Window));
    m_list->setPalette(pal);

    int number = 1;
    int widest = 0;
    for (StudioView view : kAllStudioViews) {
        auto *item = new QListWidgetItem(StudioIcons::icon(StudioIcons::glyphFor(view)),
                                         studioViewTitle(view), m_list);
        item->setData(Qt::UserRole, static_cast<int>(view));
        item->setToolTip(tr("%1 (Ctrl+%2)").arg(studioViewTitle(view)).arg(number++));
        item->setSizeHint(QSize(0, 36));
        widest = std::max(widest, fontMetrics().horizontalAdvance(studioViewTitle(view)));
    }
    setFixedWidth(widest + 22 + 48);
    m_list->setCurrentRow(0);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0) emit viewSelected(kAllStudioViews[static_cast<std::size_t>(row)]);
    });
}

StudioView NavigationRail::currentView() const
{
    const int row = std::max(0, m_list->currentRow());
    return kAllStudioViews[static_cast<std::size_t>(row)];
}

void NavigationRail::setCurrentView(StudioView view)
{
    m_list->setCurrentRow(static_cast<int>(view));
}

} // namespace hindsight::ui
