#include "core/definitions/interactionindex.h"

#include "core/capture/elementchain.h"
#include "core/definitions/columncache.h"
#include "core/store/statement.h"
#include "core/store/store.h"

#include <algorithm>
#include <optional>
#include <sqlite3.h>
#include <unordered_map>

namespace hindsight::definitions {

namespace {

/// SQLite row id of a dictionary table -> dense index (0 = none / unknown).
class DenseMap
{
  public:
    /// `ids` ascending, dense index of ids[i] is i + 1.
    explicit DenseMap(const std::vector<std::int64_t> &ids)
    {
        const std::int64_t maxId = ids.empty() ? 0 : ids.back();
        m_direct = maxId >= 0 && maxId <= static_cast<std::int64_t>(ids.size()) * 4 + 1024;
        if (m_direct) {
            m_vector.assign(static_cast<std::size_t>(maxId) + 1, 0);
            for (std::size_t i = 0; i < ids.size(); ++i)
                if (ids[i] > 0)
                    m_vector[static_cast<std::size_t>(ids[i])] = static_cast<std::uint32_t>(i + 1);
        } else {
            m_map.reserve(ids.size());
            for (std::size_t i = 0; i < ids.size(); ++i)
                m_map.emplace(ids[i], static_cast<std::uint32_t>(i + 1));
        }
    }
    std::uint32_t operator()(std::int64_t id) const
    {
        if (m_direct) return id > 0 && static_cast<std::uint64_t>(id) < m_vector.size() ? m_vector[id] : 0;
        const auto it = m_map.find(id);
        return it == m_map.end() ? 0 : it->second;
    }

  private:
    bool m_direct = true;
    std::vector<std::uint32_t> m_vector;
    std::unordered_map<std::int64_t, std::uint32_t> m_map;
};

/// A read transaction, so that everything comes from one snapshot of the store.
class ReadSnapshot
{
  public:
    explicit ReadSnapshot(store::Database &db) : m_db(db), m_active(db.exec("BEGIN")) {}
    ~ReadSnapshot()
    {
        if (m_active) m_db.exec("COMMIT");
    }
    ReadSnapshot(const ReadSnapshot &) = delete;
    ReadSnapshot &operator=(const ReadSnapshot &) = delete;

  private:
    store::Database &m_db;
    bool m_active;
};

std::int64_t scalarOr0(store::Database &db, const char *sql)
{
    store::Statement st(db, sql);
    return st.next() && !st.isNull(0) ? st.int64(0) : 0;
}

/// Keeps the connection's page cache small while the index loads: every table is read once, in
/// order, so a large cache saves nothing, and on the 10M demo the dictionary tables alone (60 MB)
/// would otherwise stay cached next to the columns. The connection's own size comes back after.
class SmallPageCache
{
  public:
    explicit SmallPageCache(store::Database &db) : m_db(db)
    {
        bool ok = false;
        m_previous = db.scalar("PRAGMA cache_size", &ok);
        const long long pageSize = db.scalar("PRAGMA page_size");
        const long long bytes = m_previous < 0 ? -m_previous * 1024 : m_previous * pageSize;
        m_active = ok && bytes > kBytes && db.exec("PRAGMA cache_size = -" + std::to_string(kBytes / 1024));
    }
    ~SmallPageCache()
    {
        if (m_active) m_db.exec("PRAGMA cache_size = " + std::to_string(m_previous));
    }
    SmallPageCache(const SmallPageCache &) = delete;
    SmallPageCache &operator=(const SmallPageCache &) = delete;

  private:
    static constexpr long long kBytes = 4 << 20;
    store::Database &m_db;
    long long m_previous = 0;
    bool m_active = false;
};

struct ShapeHash
{
    std::size_t operator()(const IndexShape &s) const noexcept
    {
        std::uint64_t h = (std::uint64_t(s.url) << 32 | s.chain) * 0x9E3779B97F4A7C15ull;
        h ^= (h >> 29) + s.type * 0xBF58476D1CE4E5B9ull;
        return static_cast<std::size_t>(h ^ (h >> 32));
    }
};

std::uint64_t hashText(std::string_view s, std::uint64_t h)
{
    h = columnChecksum(s.data(), s.size(), h);
    return h * 31 + s.size();
}

} // namespace

std::string InteractionIndex::cachePathFor(const std::string &storePath)
{
    return storePath + ".columns";
}

std::unique_ptr<InteractionIndex> InteractionIndex::load(store::Store &store, std::string *error)
{
    return loadImpl(store, true, error);
}

std::unique_ptr<InteractionIndex> InteractionIndex::loadWithoutCache(store::Store &store, std::string *error)
{
    return loadImpl(store, false, error);
}

std::unique_ptr<InteractionIndex> InteractionIndex::loadImpl(store::Store &store, bool useCache,
                                                             std::string *error)
{
    auto fail = [&](const std::string &what) -> std::unique_ptr<InteractionIndex> {
        if (error) *error = "cannot read " + what + " from " + store.path() + ": " + store.db().error();
        return nullptr;
    };
    store::Database &db = store.db();
    const SmallPageCache smallCache(db);
    ReadSnapshot snapshot(db);
    std::unique_ptr<InteractionIndex> index(new InteractionIndex());
    IndexDictionaries &d = index->m_dict;

    ColumnCacheKey key;
    key.storeCreated = store.metaInt("created");
    key.generation = store.metaInt("generation");
    key.metaInteractions = store.metaInt("interactions");
    key.minId = scalarOr0(db, "SELECT min(id) FROM interactions");
    key.maxId = scalarOr0(db, "SELECT max(id) FROM interactions");
    std::uint64_t fp = 0x4849;

    // Dictionaries, always from SQLite (they are small).
    std::vector<std::int64_t> typeIds, urlIds, chainIds, propIds;
    {
        store::Statement st(db, "SELECT id, name FROM event_types ORDER BY id");
        if (!st.valid()) return fail("event types");
        d.eventTypes.emplace_back();
        while (st.next()) {
            typeIds.push_back(st.int64(0));
            d.eventTypes.emplace_back(st.text(1));
            fp = hashText(d.eventTypes.back(), fp);
        }
    }
    {
        store::Statement st(db, "SELECT id, url, host, path, query, hash FROM urls ORDER BY id");
        if (!st.valid()) return fail("URLs");
        d.urls.emplace_back();
        while (st.next()) {
            urlIds.push_back(st.int64(0));
            d.urls.push_back({std::string(st.text(1)), std::string(st.text(2)), std::string(st.text(3)),
                              std::string(st.text(4)), std::string(st.text(5))});
            fp = hashText(d.urls.back().url, fp);
        }
    }
    {
        store::Statement st(db, "SELECT id, chain FROM chains ORDER BY id");
        if (!st.valid()) return fail("element chains");
        d.chainTexts.emplace_back();
        d.chains.emplace_back();
        while (st.next()) {
            chainIds.push_back(st.int64(0));
            d.chainTexts.emplace_back(st.text(1));
            d.chains.emplace_back();
            // A chain that does not parse (not written by this build) is kept as an empty chain.
            capture::parseElementsChain(d.chainTexts.back(), d.chains.back());
            fp = hashText(d.chainTexts.back(), fp);
        }
    }
    {
        store::Statement st(db, "SELECT id, json FROM properties ORDER BY id");
        if (!st.valid()) return fail("property objects");
        d.propertyJson.emplace_back();
        while (st.next()) {
            propIds.push_back(st.int64(0));
            d.propertyJson.emplace_back(st.text(1));
            fp = hashText(d.propertyJson.back(), fp);
        }
    }
    std::optional<DenseMap> distinctMap;
    {
        std::vector<std::int64_t> distinctRowIds, personRowIds;
        store::Statement st(db, "SELECT id, distinct_id, person FROM distinct_ids ORDER BY id");
        if (!st.valid()) return fail("distinct ids");
        d.distinctIds.emplace_back();
        while (st.next()) {
            distinctRowIds.push_back(st.int64(0));
            d.distinctIds.emplace_back(st.text(1));
            personRowIds.push_back(st.int64(2));
            fp = hashText(d.distinctIds.back(), fp);
        }
        distinctMap.emplace(distinctRowIds);
        d.personOf.resize(d.distinctIds.size(), 0);
        for (std::size_t i = 0; i < personRowIds.size(); ++i) {
            const std::uint32_t p = (*distinctMap)(personRowIds[i]);
            d.personOf[i + 1] = p == 0 ? static_cast<std::uint32_t>(i + 1) : p;
        }
    }
    // Only the number of sessions here; their ids are read when the columns come from SQLite.
    std::int64_t sessionRows = 0;
    {
        store::Statement st(db, "SELECT count(*) FROM sessions");
        if (!st.valid() || !st.next()) return fail("sessions");
        sessionRows = st.int64(0);
    }
    index->m_sessionCount = static_cast<std::size_t>(sessionRows) + 1;
    fp = hashText(std::to_string(sessionRows), fp);
    key.sizes[0] = d.eventTypes.size();
    key.sizes[1] = d.urls.size();
    key.sizes[2] = d.chains.size();
    key.sizes[3] = d.propertyJson.size();
    key.sizes[4] = d.distinctIds.size();
    key.sizes[5] = index->m_sessionCount;
    key.dictionaryFingerprint = fp;

    IndexLoadInfo &info = index->m_info;
    info.cachePath = cachePathFor(store.path());
    ColumnData cols;
    bool haveColumns = false;
    if (useCache) {
        std::string why;
        haveColumns = readColumnCache(info.cachePath, key, cols, &why);
        info.fromCache = haveColumns;
        if (!haveColumns && why != "no column cache file") info.cacheRejected = why;
    }
    if (!haveColumns) {
        std::vector<std::int64_t> sessionIds;
        {
            store::Statement st(db, "SELECT id FROM sessions ORDER BY id");
            if (!st.valid()) return fail("sessions");
            sessionIds.reserve(static_cast<std::size_t>(sessionRows));
            while (st.next())
                sessionIds.push_back(st.int64(0));
        }
        const DenseMap typeMap(typeIds), urlMap(urlIds), chainMap(chainIds), propMap(propIds),
            sessionMap(sessionIds);
        std::vector<std::int64_t>().swap(sessionIds);
        const std::size_t expected =
            static_cast<std::size_t>(std::max<std::int64_t>(key.metaInteractions, 0));
        for (auto *v : {&cols.shapes, &cols.properties, &cols.distinctIds, &cols.sessions})
            v->reserve(expected);
        cols.ids.reserve(expected);
        std::unordered_map<IndexShape, std::uint32_t, ShapeHash> shapeOf;
        store::Statement st(db,
                            "SELECT id, type, distinct_id, session, url, chain, properties FROM interactions "
                            "ORDER BY id");
        if (!st.valid()) return fail("interactions");
        sqlite3_stmt *s = st.handle();
        int rc;
        while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
            cols.ids.push_back(sqlite3_column_int64(s, 0));
            cols.distinctIds.push_back((*distinctMap)(sqlite3_column_int64(s, 2)));
            cols.sessions.push_back(sessionMap(sqlite3_column_int64(s, 3)));
            const IndexShape shape{typeMap(sqlite3_column_int64(s, 1)), urlMap(sqlite3_column_int64(s, 4)),
                                   chainMap(sqlite3_column_int64(s, 5))};
            const auto [it, added] =
                shapeOf.try_emplace(shape, static_cast<std::uint32_t>(cols.shapeDictionary.size()));
            if (added) cols.shapeDictionary.push_back(shape);
            cols.shapes.push_back(it->second);
            cols.properties.push_back(propMap(sqlite3_column_int64(s, 6)));
        }
        if (rc != SQLITE_DONE) {
            db.captureError("reading interactions");
            return fail("interactions");
        }
        if (useCache) {
            std::string why;
            info.cacheWritten = writeColumnCache(info.cachePath, key, cols, &why);
        }
    }

    index->m_ids = std::move(cols.ids);
    index->m_properties = std::move(cols.properties);
    index->m_distinct = std::move(cols.distinctIds);
    index->m_sessions = std::move(cols.sessions);
    index->m_shapes = std::move(cols.shapes);
    index->m_shapeDictionary = std::move(cols.shapeDictionary);
    // Identity resolution is not cached: $identify repoints people, and person(row) reads
    // d.personOf (from SQLite) through the distinct id column.
    index->m_generation = key.generation;
    index->m_metaInteractions = key.metaInteractions;
    index->m_maxId = key.maxId;
    return index;
}

std::size_t InteractionIndex::size() const
{
    return m_ids.size();
}
std::span<const std::int64_t> InteractionIndex::ids() const
{
    return m_ids;
}
std::int64_t InteractionIndex::timestampMs(std::size_t row) const
{
    return store::timestampOfId(m_ids[row]);
}
std::span<const std::uint32_t> InteractionIndex::properties() const
{
    return m_properties;
}
std::span<const std::uint32_t> InteractionIndex::sessions() const
{
    return m_sessions;
}
std::span<const std::uint32_t> InteractionIndex::distinctIds() const
{
    return m_distinct;
}
const IndexDictionaries &InteractionIndex::dictionaries() const
{
    return m_dict;
}
std::size_t InteractionIndex::sessionCount() const
{
    return m_sessionCount;
}
std::span<const std::uint32_t> InteractionIndex::shapes() const
{
    return m_shapes;
}
std::span<const IndexShape> InteractionIndex::shapeDictionary() const
{
    return m_shapeDictionary;
}

std::ptrdiff_t InteractionIndex::rowOf(std::int64_t id) const
{
    const auto it = std::lower_bound(m_ids.begin(), m_ids.end(), id);
    return it != m_ids.end() && *it == id ? it - m_ids.begin() : -1;
}

std::size_t InteractionIndex::firstRowAtOrAfter(std::int64_t ms) const
{
    if (ms >= store::kMaxTimestampMs) return m_ids.size();
    if (ms <= -store::kMaxTimestampMs) return 0;
    return static_cast<std::size_t>(std::lower_bound(m_ids.begin(), m_ids.end(), store::firstIdAt(ms)) -
                                    m_ids.begin());
}

bool InteractionIndex::isCurrent(store::Store &store) const
{
    return store.metaInt("generation") == m_generation &&
           store.metaInt("interactions") == m_metaInteractions &&
           scalarOr0(store.db(), "SELECT max(id) FROM interactions") == m_maxId;
}

} // namespace hindsight::definitions
