#pragma once

#include <QFrame>

class QLabel;
class QVBoxLayout;

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
    /// Makes the card clickable (a pointing hand, focusable, activated()). `actionText` is its
    /// tooltip; `linkText` ("Definitions ›") shows at the right of the title.
    void setActivatable(bool activatable, const QString &actionText = {}, const QString &linkText = {});
    /// Adds `widget` under the caption (a chart, a list).
    void addBody(QWidget *widget);
    QString value() const;
    QString caption() const;

  signals:
    void activated();

  protected:
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

  private:
    QVBoxLayout *m_layout;
    QLabel *m_title;
    QLabel *m_link;
    QLabel *m_value;
    QLabel *m_caption;
    bool m_activatable = false;
};

} // namespace hindsight::ui
