#pragma once

#include <QStyledItemDelegate>

namespace hindsight::ui {

/// Paints a small trend line of daily counts (a QList<qint64> in the role given, oldest first)
/// in a table cell: a line in the text colour over a light area, scaled to the cell's own
/// largest value, with the newest day marked. The cell's display text is not drawn (it is kept
/// for accessibility and copying); the tooltip carries the numbers.
class SparklineDelegate : public QStyledItemDelegate
{
    Q_OBJECT

  public:
    explicit SparklineDelegate(int valuesRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

  private:
    int m_role;
};

} // namespace hindsight::ui
