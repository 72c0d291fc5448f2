#pragma once

#include "ui/common/studioview.h"

#include <QWidget>

namespace hindsight::ui {

/// The honest empty state of a view that is not in this version yet: what it will do, and
/// that it arrives in a later version. Shows no data, real or made up.
class UpcomingView : public QWidget
{
    Q_OBJECT

  public:
    explicit UpcomingView(StudioView view, QWidget *parent = nullptr);
};

} // namespace hindsight::ui
