#pragma once

#include "ui/store/interactionpage.h"
#include "ui/store/interactionrow.h"

#include <QAbstractTableModel>
#include <QFont>
#include <vector>

namespace hindsight::ui {

/// The newest interactions, newest first, fetched page by page as the view scrolls.
///
/// The model never touches the store: it asks for pages by signal (olderRowsWanted,
/// newerRowsWanted) and takes the answers in acceptPage(). Pages are cut by id (the store's
/// ids are time-ordered), so fetching further back costs the same at row 100 as at row
/// 10,000,000. Answers for an earlier generation (before a reset) are dropped.
class InteractionTableModel : public QAbstractTableModel
{
    Q_OBJECT

  public:
    enum Column {
        TimeColumn,
        TypeColumn,
        PageColumn,
        TargetColumn,
        PersonColumn,
        SessionColumn,
        ColumnCount
    };

    static constexpr int kDefaultPageSize = 200;
    /// The most rows the table holds (about 150 MB): scrolling further back than this stops,
    /// so that memory stays bounded however large the workspace is.
    static constexpr int kMaxRows = 200'000;

    explicit InteractionTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    /// Empties the table. With `active` the next fetch starts from the newest interaction;
    /// without it nothing is fetched until the next reset (no workspace open).
    void reset(bool active);
    /// Asks for interactions newer than the newest row held (after the store changed).
    void refreshNewest();
    /// Takes the answer to a request made by this model.
    void acceptPage(const hindsight::ui::InteractionPage &page);

    void setPageSize(int rows);
    int pageSize() const { return m_pageSize; }
    /// True once the oldest interaction has been fetched.
    bool reachedEnd() const { return m_atEnd; }
    /// The most rows this model holds (kMaxRows unless set lower, e.g. for filtered rows).
    void setMaxRows(int rows);
    int maxRows() const { return m_maxRows; }
    /// True when the table holds maxRows() rows and fetches no further back.
    bool isFull() const { return static_cast<int>(m_rows.size()) >= m_maxRows; }
    /// True while a request is out.
    bool isFetching() const { return m_olderPending || m_newerPending; }
    quint64 generation() const { return m_generation; }
    /// The row's values, or nullptr for an invalid row.
    const InteractionRow *rowAt(int row) const;
    /// The row holding interaction `id`, or -1.
    int rowOfId(qint64 id) const;

  signals:
    void olderRowsWanted(quint64 generation, qint64 beforeId, int limit);
    /// Rows newer than `afterId`; `oldestId` and `heldRows` let the worker tell whether rows
    /// were also added or removed inside the range the table already holds.
    void newerRowsWanted(quint64 generation, qint64 afterId, qint64 oldestId, int heldRows, int limit);
    /// A page was taken in (rows may be zero).
    void pageAccepted();

  private:
    void requestOlder();

    std::vector<InteractionRow> m_rows;
    quint64 m_generation = 0;
    int m_pageSize = kDefaultPageSize;
    int m_maxRows = kMaxRows;
    bool m_active = false;
    bool m_atEnd = false;
    bool m_olderPending = false;
    bool m_newerPending = false;
    bool m_newerAgain = false; ///< the store changed again while a newer request was out
    QFont m_fixedFont;
};

} // namespace hindsight::ui
