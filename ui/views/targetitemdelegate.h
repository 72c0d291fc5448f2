#pragma once

#include <QFont>
#include <QStyledItemDelegate>

namespace hindsight::ui {

/// Paints an interaction's target as `button#rent-now.btn "Rent now"`: the selector part
/// (InteractionRole::TargetSelector) in the monospace font, the text part
/// (InteractionRole::TargetText) in the view's font, elided together to the cell.
/// Everything is drawn as plain text.
class TargetItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT

  public:
    explicit TargetItemDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

  private:
    QFont m_fixedFont;
};

} // namespace hindsight::ui
