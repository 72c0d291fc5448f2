#pragma once

#include <QFrame>

class QLabel;

namespace hindsight::ui {

class ElidingLabel;

/// One clickable line inside an Overview card (a recent catalog change): a primary text, cut
/// to the width it gets, and a quieter detail at the right. Clicking it, or Enter / Space when
/// it has focus, emits activated(); the click does not reach the card around it.
class OverviewLinkRow : public QFrame
{
    Q_OBJECT

  public:
    explicit OverviewLinkRow(QWidget *parent = nullptr);

    /// Both texts are shown as plain text.
    void setTexts(const QString &primary, const QString &detail, const QString &actionText);
    void setDetailToolTip(const QString &toolTip);
    QString primaryText() const;
    QString detailText() const;

  signals:
    void activated();

  protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

  private:
    ElidingLabel *m_primary;
    QLabel *m_detail;
};

} // namespace hindsight::ui
