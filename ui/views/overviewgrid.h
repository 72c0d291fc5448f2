#pragma once

#include <QWidget>
#include <vector>

namespace hindsight::ui {

/// A responsive grid of cards: as many columns as the width allows (each at least
/// `minimumColumnWidth`, at most the largest allowed count), equal column widths, a card
/// spanning several columns when it asks to and there are enough, and the cards of a row
/// sharing its height. Reflows on resize; reports its height for a width so that a scroll area
/// grows and shrinks with it.
class OverviewGrid : public QWidget
{
    Q_OBJECT

  public:
    /// `columnCounts`: the column counts allowed, e.g. {3, 2, 1} or {4, 2, 1} (so that eight
    /// cards never leave a row of two under rows of three).
    OverviewGrid(int minimumColumnWidth, std::vector<int> columnCounts, QWidget *parent = nullptr);

    /// Adds `card` (reparented to the grid) spanning up to `span` columns.
    void addCard(QWidget *card, int span = 1);
    /// The number of columns used at the current width.
    int columns() const { return columnsFor(width()); }

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

  protected:
    void resizeEvent(QResizeEvent *event) override;
    bool event(QEvent *event) override;

  private:
    struct Item
    {
        QWidget *widget;
        int span;
    };
    int columnsFor(int width) const;
    /// Places every visible card for `width`; returns the total height. Only computes when
    /// `apply` is false.
    int place(int width, bool apply) const;

    int m_minimumColumnWidth;
    std::vector<int> m_columnCounts;
    std::vector<Item> m_items;
    int m_spacing = 14;
};

} // namespace hindsight::ui
