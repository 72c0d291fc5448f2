#pragma once

#include <QFrame>
#include <QString>

namespace hindsight::ui {

/// A one-line label for values that may be long (paths, ids, captured text): shown as plain
/// text, cut with "…" to the width it gets (at the end, or in the middle for paths), with the
/// whole value in the tooltip and a Copy action in its context menu. Never rich text, never a
/// link.
class ElidingLabel : public QFrame
{
    Q_OBJECT

  public:
    explicit ElidingLabel(QWidget *parent = nullptr);

    void setText(const QString &text);
    QString text() const { return m_text; }
    void setElideMode(Qt::TextElideMode mode);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

  protected:
    void paintEvent(QPaintEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

  private:
    QString m_text;
    Qt::TextElideMode m_mode = Qt::ElideRight;
};

} // namespace hindsight::ui
