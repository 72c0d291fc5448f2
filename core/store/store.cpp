#include "core/store/store.h"

#include "core/store/schema.h"
#include "core/store/statement.h"
#include "core/store/uuidcodec.h"

#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sqlite3.h>

namespace hindsight::store {

namespace {

namespace fs = std::filesystem;

/// How long a connection waits for another one's lock before giving up.
constexpr const char *kBusyTimeoutPragma = "PRAGMA busy_timeout = 10000";

// Checks the file before SQLite is allowed near it for writing. Returns an empty string when the
// file may be opened, otherwise the reason it may not.
std::string checkExistingFile(const std::string &path, bool *isEmpty)
{
    std::error_code ec;
    if (fs::is_directory(path, ec)) return path + " is a directory, not a Hindsight store";
    const auto size = fs::file_size(path, ec);
    if (ec) return "cannot read " + path + ": " + ec.message();
    *isEmpty = size == 0;
    if (size == 0) return {};
    char header[100] = {};
    std::ifstream f(path, std::ios::binary);
    if (!f) return "cannot read " + path + ": permission denied or unreadable";
    f.read(header, sizeof header);
    if (f.gcount() < static_cast<std::streamsize>(sizeof header) ||
        std::memcmp(header, "SQLite format 3", 16) != 0)
        return path + " is not a Hindsight store (it is not an SQLite database); nothing was changed";

    // The header on disk can be stale while committed pages still sit in the WAL, so ask SQLite
    // itself, read-only.
    Database probe;
    if (!probe.open(path, Database::Mode::ReadOnly))
        return path + " cannot be read as a Hindsight store: " + probe.error();
    // Another connection may hold the file for a moment (it is the last one closing and moves
    // the WAL into the database, or the first one opening and rebuilds the WAL index): wait for
    // it as every other connection does.
    probe.exec(kBusyTimeoutPragma);
    bool ok = false;
    const long long appId = probe.scalar("PRAGMA application_id", &ok);
    if (!ok) {
        if ((sqlite3_extended_errcode(probe.handle()) & 0xff) == SQLITE_BUSY)
            return path + " is locked by another program (" + probe.error() +
                   "); close it there or try again. Nothing was changed";
        return path + " is not a Hindsight store: " + probe.error() + "; nothing was changed";
    }
    const long long version = probe.scalar("PRAGMA user_version", &ok);
    if (appId != kApplicationId)
        return path + " is an SQLite database but not a Hindsight store (application id " +
               std::to_string(appId) + "); nothing was changed";
    if (version > currentSchemaVersion())
        return path + " was written by a newer Hindsight (store schema version " + std::to_string(version) +
               "; this build understands up to " + std::to_string(currentSchemaVersion()) +
               "). Upgrade Hindsight to open it; nothing was changed";
    return {};
}

} // namespace

std::unique_ptr<Store> Store::open(const std::string &path, OpenMode mode, std::string *error)
{
    auto fail = [&](std::string message) -> std::unique_ptr<Store> {
        if (error) *error = std::move(message);
        return nullptr;
    };
    std::error_code ec;
    const bool exists = fs::exists(path, ec);
    bool isEmpty = !exists;
    if (!exists) {
        if (mode != OpenMode::CreateIfMissing)
            return fail(
                "no workspace store at " + path +
                " (create one with 'hindsight demo' or 'hindsight import', or choose one with --store)");
        const fs::path parent = fs::path(path).parent_path();
        if (!parent.empty()) {
            fs::create_directories(parent, ec);
            if (ec) return fail("cannot create the folder " + parent.string() + ": " + ec.message());
        }
    } else if (auto reason = checkExistingFile(path, &isEmpty); !reason.empty()) {
        return fail(reason);
    }

    std::unique_ptr<Store> store(new Store());
    store->m_path = path;
    Database &db = store->m_db;
    const auto dbMode =
        mode == OpenMode::ReadOnly ? Database::Mode::ReadOnly : Database::Mode::ReadWriteCreate;
    if (!db.open(path, dbMode)) return fail(db.error());
    db.exec(kBusyTimeoutPragma);
    if (mode == OpenMode::ReadOnly) {
        if (isEmpty) return fail(path + " is empty: it holds no workspace yet");
        db.exec("PRAGMA query_only = 1");
    } else {
        // Decide on the store's pragmas only after the checks above passed. A new store uses
        // 16 KiB pages (a quarter of the page writes and checkpoint copies of 4 KiB ones when
        // importing; the interactions table is scanned whole); it must be set before WAL.
        if (isEmpty) db.exec("PRAGMA page_size = 16384");
        if (!db.exec("PRAGMA journal_mode = WAL"))
            return fail("cannot switch " + path + " to WAL mode: " + db.error());
        db.exec("PRAGMA synchronous = NORMAL");
    }
    db.exec("PRAGMA foreign_keys = ON");
    // Deleted and overwritten values are zeroed, not left in free pages (masking, erasure).
    if (mode != OpenMode::ReadOnly) db.exec("PRAGMA secure_delete = ON");
    db.exec("PRAGMA cache_size = -65536");
    db.exec("PRAGMA temp_store = MEMORY");

    bool ok = false;
    const long long version = db.scalar("PRAGMA user_version", &ok);
    if (!ok) return fail("cannot read " + path + ": " + db.error());
    if (version < currentSchemaVersion()) {
        if (mode == OpenMode::ReadOnly)
            return fail(path + " uses an older store schema (version " + std::to_string(version) +
                        "); open it once without read-only mode to upgrade it");
        std::string migrateError;
        if (!migrate(db, static_cast<int>(version), &migrateError)) return fail(path + ": " + migrateError);
    }
    return store;
}

Store::~Store() = default;

std::int64_t Store::metaInt(const std::string &key)
{
    Statement st(m_db, "SELECT value FROM meta WHERE key = ?1");
    st.bindText(1, key);
    return st.next() ? st.int64(0) : 0;
}

StoreStats Store::stats()
{
    StoreStats s;
    Statement st(m_db,
                 "SELECT key, value FROM meta WHERE key IN ('interactions','people','sessions','elements')");
    while (st.next()) {
        const auto key = st.text(0);
        const auto value = st.int64(1);
        if (key == "interactions")
            s.interactions = value;
        else if (key == "people")
            s.people = value;
        else if (key == "sessions")
            s.sessions = value;
        else if (key == "elements")
            s.elements = value;
    }
    // Two queries: SQLite answers min() and max() of the rowid from the B-tree's ends only when
    // each stands alone (together they would scan the table).
    Statement first(m_db, "SELECT min(id) FROM interactions");
    Statement last(m_db, "SELECT max(id) FROM interactions");
    if (first.next() && !first.isNull(0) && last.next() && !last.isNull(0)) {
        s.firstMs = timestampOfId(first.int64(0));
        s.lastMs = timestampOfId(last.int64(0));
    }
    return s;
}

namespace {

constexpr const char *kRecordSelect = R"sql(
SELECT i.id, i.uuid, t.name, d.distinct_id, p.distinct_id, s.session_key, u.url, x.value, r.url, c.chain,
       pr.json, i.consent
FROM interactions i
JOIN event_types t ON t.id = i.type
JOIN distinct_ids d ON d.id = i.distinct_id
JOIN distinct_ids p ON p.id = d.person
LEFT JOIN sessions s ON s.id = i.session
LEFT JOIN urls u ON u.id = i.url
LEFT JOIN texts x ON x.id = i.title
LEFT JOIN urls r ON r.id = i.referrer
LEFT JOIN chains c ON c.id = i.chain
LEFT JOIN properties pr ON pr.id = i.properties
)sql";

InteractionRecord readRecord(const Statement &st)
{
    InteractionRecord r;
    r.id = st.int64(0);
    r.uuid = decodeUuid(st.blob(1));
    r.timestampMs = timestampOfId(r.id);
    r.type = st.text(2);
    r.distinctId = st.text(3);
    r.personDistinctId = st.text(4);
    r.sessionId = st.text(5);
    r.url = st.text(6);
    r.title = st.text(7);
    r.referrer = st.text(8);
    r.chain = st.text(9);
    r.properties = st.isNull(10) ? std::string("{}") : std::string(st.text(10));
    r.consent = static_cast<model::Consent>(st.int64(11));
    return r;
}

} // namespace

std::vector<InteractionRecord> Store::newest(int limit, std::int64_t beforeId)
{
    std::vector<InteractionRecord> out;
    Statement st(m_db, std::string(kRecordSelect) + " WHERE i.id < ?1 ORDER BY i.id DESC LIMIT ?2");
    st.bind(1, beforeId > 0 ? beforeId : std::numeric_limits<std::int64_t>::max());
    st.bind(2, limit);
    while (st.next())
        out.push_back(readRecord(st));
    return out;
}

std::optional<InteractionRecord> Store::findByUuid(const std::string &uuid)
{
    Statement st(m_db, std::string(kRecordSelect) + " WHERE i.uuid = ?1");
    const std::string blob = encodeUuid(uuid);
    st.bindBlob(1, blob);
    if (st.next()) return readRecord(st);
    return std::nullopt;
}

std::optional<InteractionRecord> Store::findById(std::int64_t id)
{
    Statement st(m_db, std::string(kRecordSelect) + " WHERE i.id = ?1");
    st.bind(1, id);
    if (st.next()) return readRecord(st);
    return std::nullopt;
}

std::optional<InteractionRecord> Store::find(const std::string &idOrUuid)
{
    std::int64_t id = 0;
    const char *end = idOrUuid.data() + idOrUuid.size();
    if (auto [p, ec] = std::from_chars(idOrUuid.data(), end, id); ec == std::errc() && p == end && id > 0) {
        if (auto r = findById(id)) return r;
    }
    return findByUuid(idOrUuid);
}

} // namespace hindsight::store
