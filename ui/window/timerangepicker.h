#pragma once

#include "ui/common/sharedtimerange.h"

#include <QWidget>

class QComboBox;

namespace hindsight::ui {

/// The top bar's time range: last 7 / 30 / 90 days, all time, or a custom range of dates
/// (chosen in a small dialog). Writes to the SharedTimeRange; the tooltip says which dates the
/// preset covers in this workspace (presets count back from the newest interaction).
class TimeRangePicker : public QWidget
{
    Q_OBJECT

  public:
    explicit TimeRangePicker(SharedTimeRange *range, QWidget *parent = nullptr);

    QComboBox *comboBox() const { return m_combo; }

  private:
    void onActivated(int index);
    void chooseCustom();
    void syncFromRange();

    SharedTimeRange *m_range;
    QComboBox *m_combo;
};

} // namespace hindsight::ui
