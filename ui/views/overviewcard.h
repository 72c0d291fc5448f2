#pragma once

#include <QFrame>

class QLabel;

namespace hindsight::ui {

/// One figure on the Overview: a title, a large value and a caption under it. A card that
/// leads somewhere is a button: clicking it (or Enter/Space when it has focus) emits
/// activated().
class OverviewCard : public QFrame
{
    Q_OBJECT

  public:
    /// `key` names the card's labels for tests and accessibility:
    /// overview<Key>Card, overview<Key>Value, overview<Key>Caption.
    OverviewCard(const QString &key, const QString &title, QWidget *parent = nullptr);

    void setValue(const QString &value, const QString &caption = {});
    void setValueToolTip(const QString &toolTip);
    /// Makes the card clickable (a pointing hand, focusable, activated()).
    void setActivatable(bool activatable, const QString &actionText = {});
    QString value() const;

  signals:
    void activated();

  protected:
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

  private:
    QLabel *m_title;
    QLabel *m_value;
    QLabel *m_caption;
    bool m_activatable = false;
};

} // namespace hindsight::ui
