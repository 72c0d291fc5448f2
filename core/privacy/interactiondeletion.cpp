#include "core/privacy/interactiondeletion.h"

#include "core/store/database.h"
#include "core/store/statement.h"

#include <algorithm>
#include <array>
#include <sqlite3.h>
#include <unordered_map>
#include <unordered_set>

namespace hindsight::privacy {

namespace {

using store::Database;
using store::Statement;
using IdSet = std::unordered_set<std::int64_t>;

// The dictionary references of an interaction, in the order of kRefColumns.
enum Ref { Type, Distinct, Session, Url, Title, Referrer, Chain, Properties, RefCount };
constexpr std::array<const char *, RefCount> kRefColumns = {"type",  "distinct_id", "session", "url",
                                                            "title", "referrer",    "chain",   "properties"};

bool fail(Database &db, std::string *error, const std::string &what)
{
    if (error) *error = what + ": " + sqlite3_errmsg(db.handle());
    return false;
}

// Deletes `ids` from `table` one row at a time; returns the number deleted, or -1.
std::int64_t deleteRows(Database &db, const char *table, const IdSet &ids, std::string *error)
{
    if (ids.empty()) return 0;
    Statement st(db, std::string("DELETE FROM ") + table + " WHERE id = ?1");
    if (!st.valid()) {
        fail(db, error, std::string("cannot prepare deleting from ") + table);
        return -1;
    }
    std::vector<std::int64_t> sorted(ids.begin(), ids.end());
    std::sort(sorted.begin(), sorted.end());
    std::int64_t n = 0;
    for (std::int64_t id : sorted) {
        st.bind(1, id);
        if (st.step() != SQLITE_DONE) {
            fail(db, error, std::string("cannot delete from ") + table);
            return -1;
        }
        n += sqlite3_changes(db.handle());
        st.reset();
    }
    return n;
}

} // namespace

std::optional<DeletionCounts> deleteInteractions(Database &db, const DeletionRequest &request,
                                                 std::string *error)
{
    DeletionCounts counts;
    std::array<IdSet, RefCount> candidates;

    // 1. Read each interaction's references, then delete it.
    {
        std::vector<std::int64_t> ids = request.interactions;
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        Statement read(db, "SELECT type, distinct_id, session, url, title, referrer, chain, properties "
                           "FROM interactions WHERE id = ?1");
        Statement remove(db, "DELETE FROM interactions WHERE id = ?1");
        if (!read.valid() || !remove.valid()) {
            fail(db, error, "cannot prepare deleting interactions");
            return std::nullopt;
        }
        for (std::int64_t id : ids) {
            read.bind(1, id);
            const bool found = read.next();
            if (found)
                for (int c = 0; c < RefCount; ++c)
                    if (!read.isNull(c)) candidates[static_cast<std::size_t>(c)].insert(read.int64(c));
            read.reset();
            if (!found) continue;
            remove.bind(1, id);
            if (remove.step() != SQLITE_DONE) {
                fail(db, error, "cannot delete an interaction");
                return std::nullopt;
            }
            remove.reset();
            ++counts.interactions;
        }
    }
    const IdSet forcedDistinct(request.distinctRows.begin(), request.distinctRows.end());
    // Forced rows are checked like the others: one still in use after the scan is an error.
    candidates[Distinct].insert(forcedDistinct.begin(), forcedDistinct.end());
    // A URL row serves as page and as referrer: one set, checked against both columns.
    candidates[Url].merge(candidates[Referrer]);
    candidates[Referrer].clear();

    // 2. One scan of the remaining interactions: whatever one of them references stays. Only
    // the columns that still have candidates are read, and the scan ends once none are left.
    auto anyLeft = [&] {
        return std::any_of(candidates.begin(), candidates.end(), [](const IdSet &s) { return !s.empty(); });
    };
    if (anyLeft()) {
        std::vector<int> columns;
        std::string sql = "SELECT ";
        for (int c = 0; c < RefCount; ++c) {
            // The referrer column is checked against the URL set.
            const int set = c == Referrer ? Url : c;
            if (candidates[static_cast<std::size_t>(set)].empty()) continue;
            sql += columns.empty() ? "" : ", ";
            sql += kRefColumns[static_cast<std::size_t>(c)];
            columns.push_back(set);
        }
        sql += " FROM interactions";
        Statement scan(db, sql);
        if (!scan.valid()) {
            fail(db, error, "cannot read the remaining interactions");
            return std::nullopt;
        }
        std::int64_t rows = 0;
        for (;;) {
            const int rc = scan.step();
            if (rc == SQLITE_DONE) break;
            if (rc != SQLITE_ROW) {
                fail(db, error, "cannot read the remaining interactions");
                return std::nullopt;
            }
            for (std::size_t i = 0; i < columns.size(); ++i) {
                IdSet &set = candidates[static_cast<std::size_t>(columns[i])];
                if (!set.empty() && !scan.isNull(static_cast<int>(i)))
                    set.erase(scan.int64(static_cast<int>(i)));
            }
            if ((++rows & 0xFFFF) == 0 && !anyLeft()) break;
        }
    }
    // 3. Distinct ids: the forced ones (none may still be in use), plus, optionally, the unused
    // ones nobody names as person.
    for (std::int64_t row : forcedDistinct) {
        if (!candidates[Distinct].count(row)) {
            if (error)
                *error =
                    "an identity of the person is still used by an interaction that is not being deleted";
            return std::nullopt;
        }
    }
    IdSet distinctRows = forcedDistinct;
    if (request.dropUnusedDistinctIds)
        distinctRows.insert(candidates[Distinct].begin(), candidates[Distinct].end());
    std::unordered_map<std::int64_t, std::int64_t> personOf;
    {
        Statement person(db, "SELECT person FROM distinct_ids WHERE id = ?1");
        Statement members(db, "SELECT id FROM distinct_ids WHERE person = ?1");
        if (!person.valid() || !members.valid()) {
            fail(db, error, "cannot read distinct ids");
            return std::nullopt;
        }
        for (std::int64_t row : distinctRows) {
            person.bind(1, row);
            if (person.next()) personOf[row] = person.int64(0);
            person.reset();
        }
        for (auto it = distinctRows.begin(); it != distinctRows.end();)
            it = personOf.count(*it) ? std::next(it) : distinctRows.erase(it);
        // A row that another, remaining row names as its person must stay (and so must the
        // person row of a row that stays). Repeat until nothing changes.
        for (bool changed = true; changed;) {
            changed = false;
            for (auto it = distinctRows.begin(); it != distinctRows.end();) {
                bool keep = false;
                members.bind(1, *it);
                while (!keep && members.next())
                    keep = !distinctRows.count(members.int64(0));
                members.reset();
                if (keep && forcedDistinct.count(*it)) {
                    if (error) *error = "an identity linked to the erased person is still in use";
                    return std::nullopt;
                }
                if (keep) {
                    it = distinctRows.erase(it);
                    changed = true;
                } else {
                    ++it;
                }
            }
        }
    }

    // 4. Delete the unused dictionary rows. Distinct ids: linked rows before the person rows
    // they point to, so the self-reference holds after every statement.
    IdSet linked, roots;
    for (std::int64_t row : distinctRows)
        (personOf[row] == row ? roots : linked).insert(row);
    const std::pair<const char *, const IdSet *> tables[] = {{"sessions", &candidates[Session]},
                                                             {"chains", &candidates[Chain]},
                                                             {"properties", &candidates[Properties]},
                                                             {"texts", &candidates[Title]},
                                                             {"event_types", &candidates[Type]},
                                                             {"distinct_ids", &linked},
                                                             {"distinct_ids", &roots}};
    std::int64_t deleted[std::size(tables)] = {};
    for (std::size_t i = 0; i < std::size(tables); ++i) {
        deleted[i] = deleteRows(db, tables[i].first, *tables[i].second, error);
        if (deleted[i] < 0) return std::nullopt;
    }
    counts.urls = deleteRows(db, "urls", candidates[Url], error);
    if (counts.urls < 0) return std::nullopt;
    counts.sessions = deleted[0];
    counts.chains = deleted[1];
    counts.properties = deleted[2];
    counts.texts = deleted[3];
    counts.eventTypes = deleted[4];
    counts.distinctIds = deleted[5] + deleted[6];
    counts.people = deleted[6];

    // 5. The counters the store keeps in step, and the generation derived caches compare.
    Statement meta(db, "UPDATE meta SET value = value + ?2 WHERE key = ?1");
    const bool changed = counts.interactions || counts.distinctIds || counts.sessions || counts.urls ||
                         counts.texts || counts.chains || counts.properties || counts.eventTypes;
    const std::pair<const char *, std::int64_t> deltas[] = {{"interactions", -counts.interactions},
                                                            {"people", -counts.people},
                                                            {"sessions", -counts.sessions},
                                                            {"elements", -counts.chains},
                                                            {"generation", changed ? 1 : 0}};
    for (const auto &[key, delta] : deltas) {
        if (delta == 0) continue;
        meta.bindText(1, key);
        meta.bind(2, delta);
        if (meta.step() != SQLITE_DONE) {
            fail(db, error, "cannot update the store's counters");
            return std::nullopt;
        }
        meta.reset();
    }
    return counts;
}

} // namespace hindsight::privacy
