#include "core/store/storewriter.h"

#include "core/model/url.h"
#include "core/store/store.h"

#include <algorithm>
#include <iterator>
#include <sqlite3.h>

namespace hindsight::store {

namespace {

// Dictionaries are caches of what is in the store; past this many entries one is dropped and
// refilled from the store on demand, so memory stays bounded on any input.
constexpr std::size_t kMaxCacheEntries = 1'000'000;
constexpr std::uint32_t kMaxSequence = (1u << kSequenceBits) - 1;

} // namespace

StoreWriter::StoreWriter(Store &store) : m_store(store)
{
    Database &db = store.db();
    // Every reference this writer stores is an id it has just read or inserted in the same
    // transaction, so the per-row foreign-key lookups (seven per interaction, half the cost of
    // an import) are switched off for this connection while it writes. Every other connection
    // enforces them, and the tests run PRAGMA foreign_key_check after imports and crashes.
    if (db.scalar("PRAGMA foreign_keys") == 1) {
        db.exec("PRAGMA foreign_keys = OFF");
        m_restoreForeignKeys = true;
    }
    m_insert =
        Statement(db, "INSERT INTO interactions(id, uuid, type, distinct_id, session, url, title, referrer, "
                      "chain, properties, consent) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)");
    {
        std::string many =
            "INSERT OR IGNORE INTO interactions(id, uuid, type, distinct_id, session, url, title, "
            "referrer, chain, properties, consent) VALUES ";
        for (int i = 0; i < kRowsPerStatement; ++i)
            many += i ? ",(?,?,?,?,?,?,?,?,?,?,?)" : "(?,?,?,?,?,?,?,?,?,?,?)";
        m_insertMany = Statement(db, many);
    }
    m_maxInMs = Statement(db, "SELECT max(id) FROM interactions WHERE id BETWEEN ?1 AND ?2");
    m_uuidAt = Statement(db, "SELECT uuid FROM interactions WHERE id = ?1");
    m_findType = Statement(db, "SELECT id FROM event_types WHERE name = ?1");
    m_insertType = Statement(db, "INSERT INTO event_types(name) VALUES(?1)");
    m_findUrl = Statement(db, "SELECT id FROM urls WHERE url = ?1");
    m_insertUrl = Statement(db, "INSERT INTO urls(url, host, path, query, hash) VALUES(?1,?2,?3,?4,?5)");
    m_findText = Statement(db, "SELECT id FROM texts WHERE value = ?1");
    m_insertText = Statement(db, "INSERT INTO texts(value) VALUES(?1)");
    m_findDistinct = Statement(db, "SELECT id FROM distinct_ids WHERE distinct_id = ?1");
    m_insertDistinct = Statement(db, "INSERT INTO distinct_ids(id, distinct_id, person) "
                                     "VALUES((SELECT coalesce(max(id), 0) + 1 FROM distinct_ids), ?1, "
                                     "(SELECT coalesce(max(id), 0) + 1 FROM distinct_ids))");
    m_findSession = Statement(db, "SELECT id FROM sessions WHERE session_key = ?1");
    m_insertSession = Statement(db, "INSERT INTO sessions(session_key) VALUES(?1)");
    m_findChain = Statement(db, "SELECT id FROM chains WHERE chain = ?1");
    m_insertChain = Statement(db, "INSERT INTO chains(chain) VALUES(?1)");
    m_findProps = Statement(db, "SELECT id FROM properties WHERE hash = ?1 AND json = ?2");
    m_insertProps = Statement(db, "INSERT INTO properties(hash, json) VALUES(?1, ?2)");
    m_person = Statement(db, "SELECT person FROM distinct_ids WHERE id = ?1");
    m_mergePerson = Statement(db, "UPDATE distinct_ids SET person = ?1 WHERE person = ?2");
    m_updateMeta = Statement(db, "UPDATE meta SET value = value + ?2 WHERE key = ?1");
    if (!m_insert.valid() || !m_insertMany.valid() || !m_updateMeta.valid() || !m_mergePerson.valid()) {
        fail("cannot prepare the store for writing");
        return;
    }
    // Dictionaries whose table is empty start complete (see Dictionary::complete). The properties
    // table has no UNIQUE constraint to catch a concurrent writer, so it is always looked up.
    const std::pair<Dictionary *, const char *> unique[] = {
        {&m_types, "event_types"},     {&m_urls, "urls"},         {&m_texts, "texts"},
        {&m_distinct, "distinct_ids"}, {&m_sessions, "sessions"}, {&m_chains, "chains"}};
    for (const auto &[dictionary, table] : unique)
        dictionary->complete = db.scalar(std::string("SELECT NOT EXISTS (SELECT 1 FROM ") + table + ")") == 1;
}

StoreWriter::~StoreWriter()
{
    m_tx.reset(); // an uncommitted batch rolls back
    if (m_restoreForeignKeys) m_store.db().exec("PRAGMA foreign_keys = ON");
}

void StoreWriter::clearCaches()
{
    m_rowCount = 0;
    for (Dictionary *d : {&m_types, &m_urls, &m_texts, &m_distinct, &m_sessions, &m_chains, &m_props})
        d->clear();
    m_lastMs = -1;
}

bool StoreWriter::fail(std::string_view context)
{
    m_failed = true;
    // Whatever the open batch added to the dictionaries is about to be rolled back.
    clearCaches();
    m_error = std::string(context) + ": " + sqlite3_errmsg(m_store.db().handle());
    return false;
}

bool StoreWriter::beginBatch()
{
    if (m_tx) return true;
    m_tx = std::make_unique<Transaction>(m_store.db());
    if (!m_tx->active()) {
        m_tx.reset();
        m_failed = true;
        m_error = "cannot start writing to " + m_store.path() + ": " + m_store.db().error();
        return false;
    }
    m_batchAccepted = m_batchStored = m_batchDuplicates = m_newPeople = m_newSessions = m_newChains = 0;
    return true;
}

template <typename Bind>
std::int64_t StoreWriter::resolve(Dictionary &cache, const model::ContentKey &key, Statement &find,
                                  Statement &insert, const Bind &bind, std::int64_t *created)
{
    if (cache.lastId != 0 && cache.lastKey == key) return cache.lastId;
    if (const std::int64_t cached = cache.ids.find(key)) {
        cache.lastKey = key;
        cache.lastId = cached;
        return cached;
    }
    auto lookUp = [&] {
        std::int64_t found = 0;
        bind(find, false);
        if (find.next()) found = find.int64(0);
        find.reset();
        return found;
    };
    std::int64_t id = cache.complete ? 0 : lookUp();
    if (id == 0) {
        bind(insert, true);
        const int rc = insert.step();
        insert.reset();
        if (rc == SQLITE_CONSTRAINT_UNIQUE && cache.complete) {
            // Another writer stored the value since this one started.
            cache.complete = false;
            id = lookUp();
        } else if (rc == SQLITE_DONE) {
            id = sqlite3_last_insert_rowid(m_store.db().handle());
            if (created) ++*created;
        }
        if (id == 0) {
            fail("cannot store a dictionary value");
            return 0;
        }
    }
    if (cache.ids.size() >= kMaxCacheEntries) cache.clear();
    cache.ids.insert(key, id);
    cache.lastKey = key;
    cache.lastId = id;
    return id;
}

std::int64_t StoreWriter::lookupOrInsert(Dictionary &cache, Statement &find, Statement &insert,
                                         std::string_view value, const model::ContentKey &key,
                                         std::int64_t *created)
{
    return resolve(
        cache, key, find, insert, [&](Statement &st, bool) { st.bindText(1, value); }, created);
}

std::int64_t StoreWriter::urlId(std::string_view url, const model::ContentKey &key)
{
    if (url.empty()) return 0;
    model::UrlParts parts; // bound without copying, so it lives until the insert has run
    return resolve(
        m_urls, key, m_findUrl, m_insertUrl,
        [&](Statement &st, bool inserting) {
            st.bindText(1, url);
            if (!inserting) return;
            parts = model::splitUrl(url);
            st.bindText(2, parts.host);
            st.bindText(3, parts.path);
            st.bindText(4, parts.query);
            st.bindText(5, parts.hash);
        },
        nullptr);
}

std::int64_t StoreWriter::distinctId(std::string_view id, const model::ContentKey &key)
{
    return lookupOrInsert(m_distinct, m_findDistinct, m_insertDistinct, id, key, &m_newPeople);
}

std::int64_t StoreWriter::propertiesId(std::string_view json, const model::ContentKey &key)
{
    if (json.empty() || json == "{}") return 0;
    // The stored hash column is the key's first lane, so contentKey() must never change.
    const auto hash = static_cast<std::int64_t>(key.lo);
    return resolve(
        m_props, key, m_findProps, m_insertProps,
        [&](Statement &st, bool) {
            st.bind(1, hash);
            st.bindText(2, json);
        },
        nullptr);
}

std::int64_t StoreWriter::personOf(std::int64_t distinctRow)
{
    m_person.bind(1, distinctRow);
    const std::int64_t person = m_person.next() ? m_person.int64(0) : distinctRow;
    m_person.reset();
    return person;
}

bool StoreWriter::link(std::int64_t anonRow, std::int64_t userRow)
{
    const std::int64_t anonPerson = personOf(anonRow);
    const std::int64_t userPerson = personOf(userRow);
    if (anonPerson == userPerson) return true;
    m_mergePerson.bind(1, userPerson);
    m_mergePerson.bind(2, anonPerson);
    const int rc = m_mergePerson.step();
    m_mergePerson.reset();
    if (rc != SQLITE_DONE) return fail("cannot link identities");
    --m_newPeople; // two people became one
    return true;
}

StoreWriter::Outcome StoreWriter::add(const model::CapturedEvent &e)
{
    m_keys.compute(e);
    return add(e, m_keys);
}

StoreWriter::Outcome StoreWriter::add(const model::CapturedEvent &e, const EventKeys &k)
{
    if (m_failed) return Outcome::Rejected;
    if (e.timestampMs < 0 || e.timestampMs >= kMaxTimestampMs) {
        m_error = "timestamp outside the storable range (1970 to 2248)";
        return Outcome::Rejected;
    }
    if (e.uuid.empty() || e.type.empty() || e.distinctId.empty()) {
        m_error = e.uuid.empty()   ? "missing uuid"
                  : e.type.empty() ? "missing event type"
                                   : "missing distinct id";
        return Outcome::Rejected;
    }
    if (!beginBatch()) return Outcome::Rejected;

    using F = EventKeys::Field;
    const std::int64_t type =
        lookupOrInsert(m_types, m_findType, m_insertType, e.type, k.key[F::Type], nullptr);
    const std::int64_t distinct = distinctId(e.distinctId, k.key[F::Distinct]);
    const std::int64_t session = e.sessionId.empty()
                                     ? 0
                                     : lookupOrInsert(m_sessions, m_findSession, m_insertSession, e.sessionId,
                                                      k.key[F::Session], &m_newSessions);
    const std::int64_t url = urlId(e.url, k.key[F::Url]);
    const std::int64_t title = e.title.empty() ? 0
                                               : lookupOrInsert(m_texts, m_findText, m_insertText, e.title,
                                                                k.key[F::Title], nullptr);
    const std::int64_t referrer = urlId(e.referrer, k.key[F::Referrer]);
    const std::int64_t chain = e.chain.empty() ? 0
                                               : lookupOrInsert(m_chains, m_findChain, m_insertChain, e.chain,
                                                                k.key[F::Chain], &m_newChains);
    const std::int64_t props = propertiesId(e.properties, k.key[F::Properties]);
    if (m_failed) return Outcome::Rejected;

    // Interactions mostly arrive in time order: continue the sequence of the last millisecond.
    // Anything else starts at 0; a conflict is resolved when the row is written.
    std::uint32_t seq = e.timestampMs == m_lastMs ? m_lastSeq : 0;
    if (seq > kMaxSequence) {
        m_error = "more than 1,048,576 interactions in one millisecond";
        return Outcome::Rejected;
    }
    m_lastMs = e.timestampMs;
    m_lastSeq = seq + 1;

    if (m_rowCount == m_rows.size()) m_rows.emplace_back();
    Row &row = m_rows[m_rowCount++];
    row.ms = e.timestampMs;
    row.seq = seq;
    row.uuid = k.uuid;
    const std::int64_t refs[9] = {
        type, distinct, session, url, title, referrer, chain, props, static_cast<std::int64_t>(e.consent)};
    std::copy(std::begin(refs), std::end(refs), row.refs);

    if (e.type == "identify" && !e.anonDistinctId.empty() && e.anonDistinctId != e.distinctId) {
        const std::int64_t anon = distinctId(e.anonDistinctId, k.key[F::Anon]);
        if (m_failed || !link(anon, distinct)) return Outcome::Rejected;
    }
    ++m_batchAccepted;
    if (m_rowCount == static_cast<std::size_t>(kRowsPerStatement) && !flush()) return Outcome::Rejected;
    return Outcome::Accepted;
}

void StoreWriter::bindRow(Statement &st, int p, const Row &row)
{
    st.bind(p, firstIdAt(row.ms) | row.seq);
    st.bindBlob(p + 1, row.uuid);
    st.bind(p + 2, row.refs[0]);
    st.bind(p + 3, row.refs[1]);
    for (int i = 2; i < 8; ++i)
        st.bindOptional(p + 2 + i, row.refs[i]);
    st.bind(p + 10, row.refs[8]);
}

bool StoreWriter::insertOne(Row &row)
{
    bool probed = false;
    for (;;) {
        if (row.seq > kMaxSequence) {
            // Cannot happen short of a million interactions in one millisecond; keep the store sane.
            m_failed = true;
            m_error = "more than 1,048,576 interactions in one millisecond";
            return false;
        }
        bindRow(m_insert, 1, row);
        const int rc = m_insert.step();
        m_insert.rewind();
        if (rc == SQLITE_DONE) return true;
        if (rc == SQLITE_CONSTRAINT_UNIQUE) return false;
        if (rc == SQLITE_CONSTRAINT_PRIMARYKEY && !probed) {
            // Another interaction holds this millisecond already (an earlier import, or the same
            // file being imported again): continue after the highest sequence number in use.
            m_maxInMs.bind(1, firstIdAt(row.ms));
            m_maxInMs.bind(2, firstIdAt(row.ms) | kMaxSequence);
            std::int64_t maxId = 0;
            if (m_maxInMs.next() && !m_maxInMs.isNull(0)) maxId = m_maxInMs.int64(0);
            m_maxInMs.reset();
            row.seq = static_cast<std::uint32_t>(maxId & kMaxSequence) + 1;
            probed = true;
            continue;
        }
        if (rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
            ++row.seq;
            continue;
        }
        fail("cannot store an interaction");
        return false;
    }
}

bool StoreWriter::flush()
{
    if (m_rowCount == 0 || m_failed) return !m_failed;
    const std::size_t n = m_rowCount;
    m_rowCount = 0;
    std::int64_t stored = 0, duplicates = 0;
    if (n == static_cast<std::size_t>(kRowsPerStatement)) {
        // The common case: one statement for the whole group. OR IGNORE skips rows whose uuid
        // or time slot is taken; those are sorted out one by one below.
        for (std::size_t i = 0; i < n; ++i)
            bindRow(m_insertMany, static_cast<int>(i) * 11 + 1, m_rows[i]);
        const int rc = m_insertMany.step();
        m_insertMany.rewind();
        if (rc != SQLITE_DONE) return fail("cannot store interactions");
        const auto inserted = static_cast<std::int64_t>(sqlite3_changes(m_store.db().handle()));
        stored = inserted;
        if (inserted < static_cast<std::int64_t>(n)) {
            std::int64_t ignored = static_cast<std::int64_t>(n) - inserted;
            for (std::size_t i = 0; i < n; ++i) {
                Row &row = m_rows[i];
                m_uuidAt.bind(1, firstIdAt(row.ms) | row.seq);
                const bool slotTaken = m_uuidAt.next();
                const bool mine = slotTaken && m_uuidAt.blob(0) == row.uuid;
                m_uuidAt.reset();
                if (!slotTaken || mine) continue; // stored now, or skipped because its uuid is already stored
                // Its time slot belongs to another interaction: write it exactly.
                --ignored;
                if (insertOne(row))
                    ++stored;
                else if (m_failed)
                    return false;
                else
                    ++duplicates;
            }
            duplicates += ignored;
        }
    } else {
        for (std::size_t i = 0; i < n; ++i) {
            if (insertOne(m_rows[i]))
                ++stored;
            else if (m_failed)
                return false;
            else
                ++duplicates;
        }
    }
    m_batchStored += stored;
    m_totals.stored += stored;
    m_totals.duplicates += duplicates;
    m_batchDuplicates += duplicates;
    return true;
}

bool StoreWriter::commit()
{
    if (!m_tx) return !m_failed;
    if (!flush() || m_failed) {
        m_tx.reset(); // rolls back
        m_totals.stored -= m_batchStored;
        m_totals.duplicates -= m_batchDuplicates;
        return false;
    }
    const std::pair<const char *, std::int64_t> deltas[] = {
        {"interactions", m_batchStored},
        {"people", m_newPeople},
        {"sessions", m_newSessions},
        {"elements", m_newChains},
        // Any change to what is stored: derived caches
        // (the column cache) compare it to stay valid.
        {"generation", (m_batchStored > 0 || m_newPeople != 0) ? 1 : 0}};
    for (const auto &[key, delta] : deltas) {
        if (delta == 0) continue;
        m_updateMeta.bindText(1, key);
        m_updateMeta.bind(2, delta);
        const int rc = m_updateMeta.step();
        m_updateMeta.reset();
        if (rc != SQLITE_DONE) {
            fail("cannot update the store's counters");
            m_tx.reset();
            m_totals.stored -= m_batchStored;
            m_totals.duplicates -= m_batchDuplicates;
            return false;
        }
    }
    if (!m_tx->commit()) {
        fail("cannot commit to " + m_store.path());
        m_tx.reset();
        m_totals.stored -= m_batchStored;
        m_totals.duplicates -= m_batchDuplicates;
        return false;
    }
    m_tx.reset();
    m_batchAccepted = m_batchStored = m_batchDuplicates = m_newPeople = m_newSessions = m_newChains = 0;
    return true;
}

} // namespace hindsight::store
