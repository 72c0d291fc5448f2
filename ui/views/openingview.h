#pragma once

#include <QWidget>

class QLabel;

namespace hindsight::ui {

/// Shown for the moment between choosing a workspace and the worker's first answer.
class OpeningView : public QWidget
{
    Q_OBJECT

  public:
    explicit OpeningView(QWidget *parent = nullptr);
    void setPath(const QString &path);

  private:
    QLabel *m_label;
};

} // namespace hindsight::ui
