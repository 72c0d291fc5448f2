#include "core/privacy/personaldata.h"

#include "core/capture/jsonwriter.h"
#include "core/capture/timestamp.h"
#include "core/privacy/foreignkeypause.h"
#include "core/privacy/keyedhash.h"
#include "core/privacy/maskengine.h"
#include "core/store/database.h"
#include "core/store/scrubber.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/transaction.h"
#include "core/store/uuidcodec.h"

#include <algorithm>
#include <chrono>
#include <ostream>
#include <sqlite3.h>

namespace hindsight::privacy {

namespace {

bool failWith(std::string *error, std::string message)
{
    if (error) *error = std::move(message);
    return false;
}

std::string sqliteError(store::Store &store, std::string_view what)
{
    return store.path() + ": " + std::string(what) + ": " + sqlite3_errmsg(store.db().handle());
}

// "(1,2,3)": the person's rows, for `distinct_id IN …` (integers read from the store).
std::string rowList(const Person &person)
{
    std::string list = "(";
    for (std::size_t i = 0; i < person.rows.size(); ++i)
        list += (i ? "," : "") + std::to_string(person.rows[i]);
    return list + ")";
}

std::int64_t nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

void appendNullable(std::string &out, const store::Statement &st, int column)
{
    if (st.isNull(column))
        out += "null";
    else
        capture::appendJsonString(out, st.text(column));
}

std::string_view consentLabel(std::int64_t code)
{
    switch (code) {
    case 0:
        return "unknown";
    case 1:
        return "granted";
    case 2:
        return "denied";
    default:
        return "other";
    }
}

} // namespace

std::optional<Person> findPerson(store::Store &store, std::string_view distinctId, std::string *error,
                                 bool *unknown)
{
    if (unknown) *unknown = false;
    store::Database &db = store.db();
    store::Statement find(db, "SELECT person FROM distinct_ids WHERE distinct_id = ?1");
    if (!find.valid()) {
        failWith(error, sqliteError(store, "cannot read distinct ids"));
        return std::nullopt;
    }
    find.bindText(1, distinctId);
    if (!find.next()) {
        if (unknown) *unknown = true;
        failWith(error,
                 "no one with the distinct id '" + std::string(distinctId) + "' is in " + store.path());
        return std::nullopt;
    }
    Person person;
    person.subject = std::string(distinctId);
    person.personRow = find.int64(0);
    // Identity links are flat (a link repoints every row of the anonymous person), but follow
    // them to the end anyway: rows naming any row of the person belong to it.
    store::Statement members(db, "SELECT id, distinct_id FROM distinct_ids WHERE person = ?1 OR id = ?1");
    std::vector<std::int64_t> queue{person.personRow};
    std::vector<std::pair<std::string, std::int64_t>> found;
    while (!queue.empty()) {
        const std::int64_t row = queue.back();
        queue.pop_back();
        members.bind(1, row);
        while (members.next()) {
            const std::int64_t id = members.int64(0);
            if (std::find(person.rows.begin(), person.rows.end(), id) != person.rows.end()) continue;
            person.rows.push_back(id);
            found.emplace_back(std::string(members.text(1)), id);
            if (id == person.personRow) person.personDistinctId = std::string(members.text(1));
            queue.push_back(id);
        }
        members.reset();
    }
    std::sort(person.rows.begin(), person.rows.end());
    std::sort(found.begin(), found.end());
    for (auto &[id, row] : found)
        person.distinctIds.push_back(std::move(id));
    return person;
}

std::optional<PersonSummary> summarizePerson(store::Store &store, const Person &person, std::string *error)
{
    store::Statement st(store.db(),
                        "SELECT count(*), count(DISTINCT session), min(id), max(id) FROM interactions "
                        "WHERE distinct_id IN " +
                            rowList(person));
    if (!st.valid() || !st.next()) {
        failWith(error, sqliteError(store, "cannot read interactions"));
        return std::nullopt;
    }
    PersonSummary s;
    s.interactions = st.int64(0);
    s.sessions = st.int64(1);
    if (!st.isNull(2)) s.firstMs = store::timestampOfId(st.int64(2));
    if (!st.isNull(3)) s.lastMs = store::timestampOfId(st.int64(3));
    return s;
}

std::optional<std::int64_t> exportPerson(store::Store &store, const Person &person, std::ostream &out,
                                         std::string *error)
{
    store::Statement st(store.db(), R"sql(
SELECT i.id, i.uuid, t.name, d.distinct_id, s.session_key, u.url, x.value, r.url, c.chain, pr.json, i.consent
FROM interactions i
JOIN event_types t ON t.id = i.type
JOIN distinct_ids d ON d.id = i.distinct_id
LEFT JOIN sessions s ON s.id = i.session
LEFT JOIN urls u ON u.id = i.url
LEFT JOIN texts x ON x.id = i.title
LEFT JOIN urls r ON r.id = i.referrer
LEFT JOIN chains c ON c.id = i.chain
LEFT JOIN properties pr ON pr.id = i.properties
WHERE i.distinct_id IN )sql" + rowList(person) +
                                        " ORDER BY i.id");
    if (!st.valid()) {
        failWith(error, sqliteError(store, "cannot read interactions"));
        return std::nullopt;
    }
    std::string buf = "{\"subject\": " + capture::jsonString(person.subject) +
                      ",\n \"person\": " + capture::jsonString(person.personDistinctId) +
                      ",\n \"distinct_ids\": [";
    for (std::size_t i = 0; i < person.distinctIds.size(); ++i) {
        if (i) buf += ", ";
        capture::appendJsonString(buf, person.distinctIds[i]);
    }
    buf += "],\n \"interactions\": [";
    std::int64_t n = 0;
    for (;;) {
        const int rc = st.step();
        if (rc == SQLITE_DONE) break;
        if (rc != SQLITE_ROW) {
            failWith(error, sqliteError(store, "cannot read interactions"));
            return std::nullopt;
        }
        const std::int64_t id = st.int64(0);
        buf += n++ ? ",\n  " : "\n  ";
        buf += "{\"id\": " + std::to_string(id) + ", \"uuid\": ";
        capture::appendJsonString(buf, store::decodeUuid(st.blob(1)));
        buf += ", \"time\": ";
        capture::appendJsonString(buf, capture::formatIsoTimestamp(store::timestampOfId(id)));
        buf += ", \"type\": ";
        capture::appendJsonString(buf, st.text(2));
        buf += ", \"distinct_id\": ";
        capture::appendJsonString(buf, st.text(3));
        const char *names[] = {"session", "url", "title", "referrer", "chain"};
        for (int c = 0; c < 5; ++c) {
            buf += ", \"";
            buf += names[c];
            buf += "\": ";
            appendNullable(buf, st, 4 + c);
        }
        buf += ", \"properties\": ";
        // Stored property objects are compact JSON written by the decoder; anything else is
        // exported as a string rather than breaking the document.
        const std::string_view props = st.isNull(9) ? std::string_view("{}") : st.text(9);
        if (!props.empty() && props.front() == '{' && props.back() == '}')
            buf += props;
        else
            capture::appendJsonString(buf, props);
        buf += ", \"consent\": ";
        capture::appendJsonString(buf, consentLabel(st.int64(10)));
        buf += "}";
        if (buf.size() >= (1u << 16)) {
            out << buf;
            buf.clear();
        }
    }
    buf += n ? "\n ],\n" : "],\n";
    buf += " \"interaction_count\": " + std::to_string(n) + "}\n";
    out << buf << std::flush;
    if (!out) {
        failWith(error, "cannot write the export");
        return std::nullopt;
    }
    return n;
}

std::optional<std::string> subjectHash(store::Store &store, std::string_view distinctId, std::string *error)
{
    const auto key = workspaceSecret(store);
    if (!key) {
        failWith(error, store.path() +
                            " has no workspace secret for keyed hashes (open it once without read-only "
                            "mode to upgrade it)");
        return std::nullopt;
    }
    return hmacSha256Hex(*key, distinctId);
}

std::optional<std::vector<ErasureLogEntry>> erasuresOf(store::Store &store, std::string_view distinctId,
                                                       std::string *error)
{
    auto hash = subjectHash(store, distinctId, error);
    if (!hash) return std::nullopt;
    store::Statement st(store.db(), "SELECT id, at_ms, actor, subject_hash, distinct_ids, interactions "
                                    "FROM erasures WHERE subject_hash = ?1 ORDER BY id");
    if (!st.valid()) {
        failWith(error, sqliteError(store, "cannot read the erasure log"));
        return std::nullopt;
    }
    st.bindText(1, *hash);
    std::vector<ErasureLogEntry> entries;
    while (st.next())
        entries.push_back({st.int64(0), st.int64(1), std::string(st.text(2)), std::string(st.text(3)),
                           st.int64(4), st.int64(5)});
    return entries;
}

std::optional<ErasureReport> erasePerson(store::Store &store, std::string_view distinctId,
                                         const std::string &actor, std::string *error)
{
    using Clock = std::chrono::steady_clock;
    const auto started = Clock::now();
    store::Database &db = store.db();
    ErasureReport report;
    {
        ForeignKeyPause pause(db); // references are checked by deleteInteractions
        store::Transaction tx(db);
        if (!tx.active()) {
            failWith(error, "cannot write to " + store.path() + ": " + db.error());
            return std::nullopt;
        }
        auto person = findPerson(store, distinctId, error);
        if (!person) return std::nullopt; // nothing written: the transaction rolls back
        auto hash = subjectHash(store, distinctId, error);
        if (!hash) return std::nullopt;

        DeletionRequest request;
        request.distinctRows = person->rows;
        request.dropUnusedDistinctIds = false;
        {
            store::Statement ids(db, "SELECT id FROM interactions WHERE distinct_id IN " + rowList(*person));
            if (!ids.valid()) {
                failWith(error, sqliteError(store, "cannot read interactions"));
                return std::nullopt;
            }
            for (;;) {
                const int rc = ids.step();
                if (rc == SQLITE_DONE) break;
                if (rc != SQLITE_ROW) {
                    failWith(error, sqliteError(store, "cannot read interactions"));
                    return std::nullopt;
                }
                request.interactions.push_back(ids.int64(0));
            }
        }
        auto deleted = deleteInteractions(db, request, error);
        if (!deleted) return std::nullopt;
        report.deleted = *deleted;

        report.log.atMs = nowMs();
        report.log.actor = actor;
        report.log.subjectHash = *hash;
        report.log.distinctIds = deleted->distinctIds;
        report.log.interactions = deleted->interactions;
        store::Statement log(db,
                             "INSERT INTO erasures(at_ms, actor, subject_hash, distinct_ids, interactions) "
                             "VALUES(?1, ?2, ?3, ?4, ?5)");
        log.bind(1, report.log.atMs);
        log.bindText(2, report.log.actor);
        log.bindText(3, report.log.subjectHash);
        log.bind(4, report.log.distinctIds);
        log.bind(5, report.log.interactions);
        if (!log.valid() || log.step() != SQLITE_DONE) {
            failWith(error, sqliteError(store, "cannot write the erasure log"));
            return std::nullopt;
        }
        report.log.id = sqlite3_last_insert_rowid(db.handle());
        if (!tx.commit()) {
            failWith(error, "cannot commit to " + store.path() + ": " + db.error());
            return std::nullopt;
        }
    }
    report.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    const auto scrubStarted = Clock::now();
    std::string scrubError;
    if (!store::scrubDeletedData(store, &scrubError)) {
        failWith(error,
                 "the person was erased (log entry " + std::to_string(report.log.id) +
                     "), but the old bytes could not be scrubbed from the files: " + scrubError +
                     ". Run 'hindsight erase-user ID --yes' again once no other program uses the store");
        return std::nullopt;
    }
    report.scrubSeconds = std::chrono::duration<double>(Clock::now() - scrubStarted).count();
    return report;
}

} // namespace hindsight::privacy
