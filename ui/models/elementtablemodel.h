#pragma once

#include "ui/store/browsejobs.h"

#include <QAbstractTableModel>
#include <QFont>
#include <vector>

namespace hindsight::ui {

/// The Elements tab: one row per distinct element of the (filtered) interactions, most
/// interactions first, fetched a page at a time as the view scrolls.
///
/// Like InteractionTableModel it never touches the store: it asks for pages by signal
/// (moreWanted) and takes the answers in acceptPage(); answers for an earlier generation (before
/// a reset) are dropped. It holds at most kMaxRows rows.
class ElementTableModel : public QAbstractTableModel
{
    Q_OBJECT

  public:
    enum Column {
        ElementColumn,
        InteractionsColumn,
        PeopleColumn,
        PagesColumn,
        FirstSeenColumn,
        LastSeenColumn,
        TrendColumn,
        ColumnCount
    };
    /// Data roles besides those of InteractionRole (Id = the representative interaction,
    /// TargetSelector / TargetText = the element's summary).
    enum Role {
        SparklineRole = Qt::UserRole + 100, ///< QList<qint64>: 30 daily counts, oldest first
        SparklineStartRole,                 ///< qint64: UTC midnight of the first day
        SortValueRole,                      ///< the column's value as a number
    };

    static constexpr int kDefaultPageSize = 200;
    static constexpr int kMaxRows = 50'000;

    explicit ElementTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    /// Empties the table; with `active` the next fetch starts from the first element.
    void reset(bool active);
    /// Takes the answer to moreWanted(generation, offset, ...).
    void acceptPage(quint64 generation, int offset, const hindsight::ui::browse::ElementsResult &page);

    void setPageSize(int rows) { m_pageSize = std::max(1, rows); }
    quint64 generation() const { return m_generation; }
    bool isFetching() const { return m_pending; }
    bool hasAnswer() const { return m_answered; }
    /// Distinct elements in all (also beyond the rows held); -1 before the first answer.
    qint64 total() const { return m_total; }
    /// Matching interactions that have an element.
    qint64 withElement() const { return m_withElement; }
    QString error() const { return m_error; }
    const browse::ElementRow *rowAt(int row) const;

  signals:
    void moreWanted(quint64 generation, int offset, int limit);
    /// A page was taken in (rows may be zero).
    void pageAccepted();

  private:
    std::vector<browse::ElementRow> m_rows;
    quint64 m_generation = 0;
    int m_pageSize = kDefaultPageSize;
    bool m_active = false;
    bool m_pending = false;
    bool m_atEnd = false;
    bool m_answered = false;
    qint64 m_total = -1;
    qint64 m_withElement = 0;
    qint64 m_sparkStartMs = 0;
    QString m_error;
    QFont m_fixedFont;
};

} // namespace hindsight::ui
