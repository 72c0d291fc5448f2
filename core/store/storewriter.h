#pragma once

#include "core/model/capturedevent.h"
#include "core/store/contentkeymap.h"
#include "core/store/eventkeys.h"
#include "core/store/statement.h"
#include "core/store/transaction.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace hindsight::store {

class Store;

/// Writes captured interactions into a store in batches. Each batch is one transaction:
/// a crash or kill loses at most the open batch, never leaves half of one, and importing the
/// same events again stores each uuid once. Repeated values (event types, URLs, titles,
/// distinct ids, sessions, element chains, property objects) go into dictionary tables once.
///
/// Interactions are written in groups of kRowsPerStatement with one multi-row INSERT; whether
/// an accepted interaction was new or already stored is known once its group is written
/// (flush(), commit()), and is counted in totals().
class StoreWriter
{
  public:
    enum class Outcome { Accepted, Rejected };
    static constexpr int kRowsPerStatement = 64;

    struct Totals
    {
        std::int64_t stored = 0;     ///< new interactions written
        std::int64_t duplicates = 0; ///< already in the store (same uuid)
    };

    explicit StoreWriter(Store &store);
    ~StoreWriter();
    StoreWriter(const StoreWriter &) = delete;
    StoreWriter &operator=(const StoreWriter &) = delete;

    /// Adds one interaction to the open batch (opening one if needed). `Rejected` means the
    /// interaction cannot be stored (reason in error()); a database failure also sets failed().
    /// `Accepted` interactions are counted in totals() as stored or duplicate once written.
    Outcome add(const model::CapturedEvent &event);
    /// The same, with the keys computed beforehand (EventKeys::compute), e.g. on a reading thread.
    Outcome add(const model::CapturedEvent &event, const EventKeys &keys);

    /// Writes the interactions still waiting for their group (inside the open batch).
    bool flush();
    /// Writes what is waiting and commits the open batch. Returns false (and sets error())
    /// when that failed; the batch is then rolled back.
    bool commit();
    /// Interactions accepted into the open batch so far.
    std::int64_t pending() const { return m_batchAccepted; }
    /// Counts over the writer's life, up to the last flush() or commit().
    const Totals &totals() const { return m_totals; }

    bool failed() const { return m_failed; }
    const std::string &error() const { return m_error; }

  private:
    /// Content key -> id of the value in its dictionary table.
    struct Dictionary
    {
        ContentKeyMap ids;
        /// Every value of the table is in `ids` (the table was empty when this writer started and
        /// nothing has been dropped since), so a value missing from `ids` is inserted without
        /// being looked for first. Another writer inserting meanwhile is caught by the table's
        /// UNIQUE constraint, and the dictionary stops claiming completeness.
        bool complete = false;
        /// The last value resolved: consecutive interactions often share a session, person, page
        /// or property object, and comparing two keys is cheaper than a lookup.
        model::ContentKey lastKey;
        std::int64_t lastId = 0;

        void clear()
        {
            ids.clear();
            complete = false;
            lastId = 0;
        }
    };

    bool beginBatch();
    /// The id of a dictionary value: from the cache, else found or inserted through the two
    /// statements, whose parameters `bind(statement, inserting)` sets.
    template <typename Bind>
    std::int64_t resolve(Dictionary &cache, const model::ContentKey &key, Statement &find, Statement &insert,
                         const Bind &bind, std::int64_t *created);
    std::int64_t lookupOrInsert(Dictionary &cache, Statement &find, Statement &insert, std::string_view value,
                                const model::ContentKey &key, std::int64_t *created);
    std::int64_t urlId(std::string_view url, const model::ContentKey &key);
    std::int64_t distinctId(std::string_view id, const model::ContentKey &key);
    std::int64_t propertiesId(std::string_view json, const model::ContentKey &key);
    void clearCaches();
    std::int64_t personOf(std::int64_t distinctRow);
    bool link(std::int64_t anonRow, std::int64_t userRow);
    bool fail(std::string_view context);
    struct Row
    {
        std::int64_t ms = 0;
        std::uint32_t seq = 0;
        std::string uuid;
        std::int64_t refs[9] =
            {}; // type, distinct, session, url, title, referrer, chain, properties, consent
    };
    void bindRow(Statement &st, int firstParam, const Row &row);
    /// Inserts one row exactly: probes for a free sequence number on a time conflict.
    /// Returns true when the row was stored, false when its uuid was already there.
    bool insertOne(Row &row);

    Store &m_store;
    std::unique_ptr<Transaction> m_tx;
    std::string m_error;
    bool m_failed = false;

    Statement m_insert, m_insertMany, m_maxInMs, m_uuidAt;
    std::vector<Row> m_rows;
    std::size_t m_rowCount = 0;
    Totals m_totals;
    Statement m_findType, m_insertType, m_findUrl, m_insertUrl, m_findText, m_insertText;
    Statement m_findDistinct, m_insertDistinct, m_findSession, m_insertSession, m_findChain, m_insertChain;
    Statement m_findProps, m_insertProps, m_person, m_mergePerson, m_updateMeta;

    Dictionary m_types, m_urls, m_texts, m_distinct, m_sessions, m_chains;
    Dictionary m_props;
    std::int64_t m_lastMs = -1;  ///< the last interaction's millisecond ...
    std::uint32_t m_lastSeq = 0; ///< ... and the next sequence number free in it
    EventKeys m_keys;
    bool m_restoreForeignKeys = false;

    std::int64_t m_batchAccepted = 0, m_batchStored = 0, m_batchDuplicates = 0, m_newPeople = 0,
                 m_newSessions = 0, m_newChains = 0;
};

} // namespace hindsight::store
