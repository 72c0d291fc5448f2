#pragma once

#include "ui/common/studioview.h"

#include <QWidget>

class QListWidget;

namespace hindsight::ui {

/// The left rail: one entry per view (icon and label), in the order of Ctrl+1 … Ctrl+6.
class NavigationRail : public QWidget
{
    Q_OBJECT

  public:
    explicit NavigationRail(QWidget *parent = nullptr);

    StudioView currentView() const;
    void setCurrentView(StudioView view);

  signals:
    void viewSelected(hindsight::ui::StudioView view);

  private:
    QListWidget *m_list;
};

} // namespace hindsight::ui
