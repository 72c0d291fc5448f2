#include "core/definitions/catalog.h"

#include "core/definitions/definitionjson.h"
#include "core/store/database.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/transaction.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <set>
#include <sqlite3.h>

namespace hindsight::definitions {

namespace {

using store::Database;
using store::Statement;

constexpr const char *kSelectDefinition =
    "SELECT id, name, content, status, version, created_by, created_ms, changed_by, changed_ms, verified_by, "
    "verified_ms FROM definitions";

std::int64_t nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string quoted(std::string_view name)
{
    return "'" + std::string(name) + "'";
}

/// A definition about to be written, with what it replaces.
struct Pending
{
    Definition after;                 ///< user content; bookkeeping filled in when written
    std::string path;                 ///< JSON path prefix for issues (`definitions[3]`), or ""
    std::optional<Definition> before; ///< the stored definition it replaces
    std::int64_t id = 0;
    std::vector<std::int64_t> members; ///< combo member ids, in order
    bool changed = false;
    bool force = false; ///< write a version even when the content is unchanged (merge)
    std::string reason; ///< replaces the change's reason in this definition's history row
};

enum class Validation { Full, NameOnly, None };

/// Reads and writes catalog rows on one connection. Every method reports failure through
/// `error` (and returns false / nullopt); nothing here opens or commits a transaction.
class CatalogDb
{
  public:
    explicit CatalogDb(Database &db) : m_db(db) {}

    std::string error;
    std::vector<DefinitionIssue> issues;
    bool jsonPaths = false; ///< issue messages are `definitions[i].field: ...` (import)

    bool sqlFailed(std::string_view what)
    {
        error = std::string(what) + ": " + sqliteMessage();
        return false;
    }
    std::string sqliteMessage() const { return sqlite3_errmsg(m_db.handle()); }

    /// Reads the row `st` points at (columns of kSelectDefinition).
    std::optional<Definition> readRow(const Statement &st)
    {
        const std::int64_t id = st.int64(0);
        const std::string name(st.text(1));
        DefinitionParseOptions noValidation;
        noValidation.validate = false;
        auto parsed = parseDefinitionObject(st.text(2), noValidation);
        if (!parsed.ok() || parsed.definitions.size() != 1) {
            error = "definition " + quoted(name) + " (id " + std::to_string(id) +
                    ") has unreadable stored content: " + parsed.message();
            return std::nullopt;
        }
        Definition d = std::move(parsed.definitions.front());
        d.id = id;
        d.name = name;
        const auto status = statusFromName(st.text(3));
        if (!status) {
            error = "definition " + quoted(name) + " has an unknown status '" + std::string(st.text(3)) + "'";
            return std::nullopt;
        }
        d.status = *status;
        d.version = static_cast<int>(st.int64(4));
        d.createdBy = st.text(5);
        d.createdMs = st.int64(6);
        d.changedBy = st.text(7);
        d.changedMs = st.int64(8);
        d.verifiedBy = st.text(9);
        if (!st.isNull(10)) d.verifiedMs = st.int64(10);
        // The members table is authoritative for combos (by id, so renames keep them working).
        d.combo.clear();
        Statement members(m_db,
                          "SELECT d.name FROM definition_members m JOIN definitions d ON d.id = m.member "
                          "WHERE m.definition = ?1 ORDER BY m.position");
        members.bind(1, id);
        while (members.next())
            d.combo.emplace_back(members.text(0));
        return d;
    }

    std::optional<Definition> byId(std::int64_t id)
    {
        Statement st(m_db, std::string(kSelectDefinition) + " WHERE id = ?1");
        st.bind(1, id);
        if (!st.valid()) {
            sqlFailed("cannot read the definitions catalog");
            return std::nullopt;
        }
        if (!st.next()) return std::nullopt;
        return readRow(st);
    }

    /// Id of the definition whose current name has `key`, or 0.
    std::int64_t idByName(const std::string &key)
    {
        Statement st(m_db, "SELECT id FROM definitions WHERE name_key = ?1");
        st.bindText(1, key);
        return st.next() ? st.int64(0) : 0;
    }

    /// Id of the definition that once had a name with `key`, or 0.
    std::int64_t idByAlias(const std::string &key)
    {
        Statement st(m_db, "SELECT definition FROM definition_aliases WHERE alias_key = ?1");
        st.bindText(1, key);
        return st.next() ? st.int64(0) : 0;
    }

    /// Resolves a current or former name (ignoring case) to an id, or 0.
    std::int64_t resolve(std::string_view nameOrAlias)
    {
        const std::string key = definitionNameKey(nameOrAlias);
        if (const auto id = idByName(key)) return id;
        return idByAlias(key);
    }

    std::optional<Definition> find(std::string_view nameOrAlias)
    {
        const auto id = resolve(nameOrAlias);
        if (!id) {
            error = "no definition named " + quoted(nameOrAlias);
            return std::nullopt;
        }
        return byId(id);
    }

    std::string currentName(std::int64_t id)
    {
        Statement st(m_db, "SELECT name FROM definitions WHERE id = ?1");
        st.bind(1, id);
        return st.next() ? std::string(st.text(0)) : std::string();
    }

    void issue(const Pending &p, std::string field, std::string reason,
               std::optional<std::size_t> position = {})
    {
        issues.push_back(
            {p.path.empty() ? std::move(field) : p.path + "." + field, std::move(reason), position});
    }

    /// The error text for the collected issues, naming the definition.
    std::string issuesMessage(const std::vector<Pending> &pending) const
    {
        std::string out;
        for (const auto &i : issues) {
            if (!out.empty()) out += '\n';
            if (jsonPaths || pending.size() != 1)
                out += i.message();
            else
                out += "definition " +
                       quoted(pending.front().before ? pending.front().before->name
                                                     : pending.front().after.name) +
                       ": " + i.message();
        }
        return out;
    }

    /// Validates, resolves combos, checks names, and writes every changed pending definition
    /// with one history row each. The caller's transaction makes it all or nothing.
    bool apply(std::vector<Pending> &pending, std::string_view action, const Change &change,
               Validation validation)
    {
        const std::int64_t at = change.atMs.value_or(nowMs());
        if (change.actor.empty()) {
            error = "no actor given: every change to the catalog records who made it";
            return false;
        }

        for (auto &p : pending) {
            if (validation == Validation::None) continue;
            for (auto &i : validateDefinition(p.after)) {
                if (validation == Validation::NameOnly && i.path != "name") continue;
                issue(p, i.path, i.reason, i.position);
            }
        }
        if (!issues.empty()) return false;

        // Names: unique ignoring case, among the pending ones and against every other
        // definition's current and former names.
        std::map<std::string, std::size_t> pendingKeys;
        for (std::size_t i = 0; i < pending.size(); ++i) {
            auto &p = pending[i];
            const std::string key = definitionNameKey(p.after.name);
            if (const auto [it, inserted] = pendingKeys.emplace(key, i); !inserted) {
                issue(p, "name",
                      quoted(p.after.name) + " is already the name of " +
                          (pending[it->second].path.empty() ? quoted(pending[it->second].after.name)
                                                            : pending[it->second].path) +
                          " (names are compared ignoring case)");
                continue;
            }
            if (const auto other = idByName(key); other && other != p.id) {
                issue(p, "name", "a definition named " + quoted(currentName(other)) + " already exists");
                continue;
            }
            if (const auto other = idByAlias(key); other && other != p.id)
                issue(p, "name",
                      quoted(p.after.name) + " is a former name of " + quoted(currentName(other)) +
                          " and still refers to it; choose another name");
        }
        if (!issues.empty()) return false;

        // Ids for new definitions, so that combos in the same batch can refer to them.
        std::int64_t nextId = 0;
        {
            bool ok = false;
            nextId = m_db.scalar("SELECT coalesce(max(id), 0) + 1 FROM definitions", &ok);
            if (!ok) return sqlFailed("cannot read the definitions catalog");
        }
        for (auto &p : pending)
            if (!p.before) p.id = nextId++;
        std::map<std::int64_t, std::string> newNames; // id -> name after this change
        for (const auto &p : pending)
            newNames[p.id] = p.after.name;

        // Combo members: by current or former name, stored by id.
        for (auto &p : pending) {
            p.members.clear();
            for (std::size_t m = 0; m < p.after.combo.size(); ++m) {
                const std::string &member = p.after.combo[m];
                const std::string key = definitionNameKey(member);
                std::int64_t id = 0;
                if (const auto it = pendingKeys.find(key); it != pendingKeys.end())
                    id = pending[it->second].id;
                else
                    id = resolve(member);
                const std::string field = "combo[" + std::to_string(m) + "]";
                if (!id) {
                    issue(p, field, "no definition named " + quoted(member));
                    continue;
                }
                if (id == p.id) {
                    issue(p, field, "a combo cannot contain itself (" + quoted(member) + " is its own name)");
                    continue;
                }
                if (std::find(p.members.begin(), p.members.end(), id) != p.members.end()) {
                    issue(p, field,
                          quoted(member) + " is listed twice (it is another name of the same definition)");
                    continue;
                }
                p.members.push_back(id);
            }
        }
        if (!issues.empty()) return false;
        for (auto &p : pending) {
            // Members are shown by their names after this change.
            for (std::size_t m = 0; m < p.members.size(); ++m) {
                const auto it = newNames.find(p.members[m]);
                p.after.combo[m] = it != newNames.end() ? it->second : currentName(p.members[m]);
            }
            p.changed = p.force || !p.before || !p.before->sameContent(p.after);
        }

        // Rows first, so that members written next can refer to definitions new in this batch.
        for (auto &p : pending)
            if (p.changed && !writeRow(p, change, at)) return false;
        for (auto &p : pending)
            if (p.changed && !writeMembersAndHistory(p, action, change, at)) return false;
        std::map<std::int64_t, std::vector<std::int64_t>> edges; // the combo graph after the writes
        {
            Statement st(m_db,
                         "SELECT definition, member FROM definition_members ORDER BY definition, position");
            while (st.next())
                edges[st.int64(0)].push_back(st.int64(1));
        }
        for (auto &p : pending)
            if (p.changed && !p.members.empty() && !checkCycles(p, edges)) return false;
        // Combos that show a renamed member keep their stored content in step with the new name.
        for (auto &p : pending) {
            if (!p.changed || !p.before || p.before->name == p.after.name) continue;
            if (!refreshCombosUsing(p.id, pending)) return false;
        }
        return true;
    }

  private:
    Database &m_db;

    /// The definitions row (and the former name, on a rename); bookkeeping is set on p.after.
    bool writeRow(Pending &p, const Change &change, std::int64_t at)
    {
        Definition &d = p.after;
        d.id = p.id;
        d.version = p.before ? p.before->version + 1 : 1;
        d.createdBy = p.before ? p.before->createdBy : change.actor;
        d.createdMs = p.before ? p.before->createdMs : at;
        d.changedBy = change.actor;
        d.changedMs = at;
        if (d.status == DefinitionStatus::Verified) {
            if (p.before && p.before->status == DefinitionStatus::Verified) {
                d.verifiedBy = p.before->verifiedBy;
                d.verifiedMs = p.before->verifiedMs;
            } else {
                d.verifiedBy = change.actor;
                d.verifiedMs = at;
            }
        } else {
            d.verifiedBy.clear();
            d.verifiedMs.reset();
        }
        const std::string content = definitionToCompactJson(d);
        const std::string key = definitionNameKey(d.name);

        Statement st(m_db,
                     p.before ? "UPDATE definitions SET name = ?2, name_key = ?3, content = ?4, status = ?5, "
                                "version = ?6, created_by = ?7, created_ms = ?8, changed_by = ?9, "
                                "changed_ms = ?10, verified_by = ?11, verified_ms = ?12 WHERE id = ?1"
                              : "INSERT INTO definitions(id, name, name_key, content, status, version, "
                                "created_by, created_ms, changed_by, changed_ms, verified_by, verified_ms) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
        st.bind(1, d.id);
        st.bindText(2, d.name);
        st.bindText(3, key);
        st.bindText(4, content);
        st.bindText(5, statusName(d.status));
        st.bind(6, d.version);
        st.bindText(7, d.createdBy);
        st.bind(8, d.createdMs);
        st.bindText(9, d.changedBy);
        st.bind(10, d.changedMs);
        if (d.verifiedMs) {
            st.bindText(11, d.verifiedBy);
            st.bind(12, *d.verifiedMs);
        } else {
            st.bindNull(11);
            st.bindNull(12);
        }
        if (!st.valid() || st.step() != SQLITE_DONE)
            return sqlFailed("cannot save definition " + quoted(d.name));

        if (p.before && definitionNameKey(p.before->name) != key) {
            // The old name becomes an alias; a former name taken back stops being one.
            Statement drop(m_db, "DELETE FROM definition_aliases WHERE alias_key = ?1 AND definition = ?2");
            drop.bindText(1, key);
            drop.bind(2, d.id);
            Statement alias(m_db, "INSERT OR REPLACE INTO definition_aliases(alias_key, alias, definition, "
                                  "created_ms) VALUES (?1, ?2, ?3, ?4)");
            const std::string oldKey = definitionNameKey(p.before->name);
            alias.bindText(1, oldKey);
            alias.bindText(2, p.before->name);
            alias.bind(3, d.id);
            alias.bind(4, at);
            if (drop.step() != SQLITE_DONE || alias.step() != SQLITE_DONE)
                return sqlFailed("cannot record the former name of " + quoted(d.name));
        }
        return true;
    }

    bool writeMembersAndHistory(const Pending &p, std::string_view action, const Change &change,
                                std::int64_t at)
    {
        const Definition &d = p.after;
        {
            Statement clear(m_db, "DELETE FROM definition_members WHERE definition = ?1");
            clear.bind(1, d.id);
            if (clear.step() != SQLITE_DONE) return sqlFailed("cannot save the combo of " + quoted(d.name));
            Statement add(m_db,
                          "INSERT INTO definition_members(definition, position, member) VALUES (?1, ?2, ?3)");
            for (std::size_t i = 0; i < p.members.size(); ++i) {
                add.reset();
                add.bind(1, d.id);
                add.bind(2, static_cast<std::int64_t>(i));
                add.bind(3, p.members[i]);
                if (add.step() != SQLITE_DONE) return sqlFailed("cannot save the combo of " + quoted(d.name));
            }
        }

        Statement history(m_db,
                          "INSERT INTO definition_history(definition, version, action, actor, at_ms, reason, "
                          "before_json, after_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
        const std::string beforeJson = p.before ? definitionToCompactJson(*p.before) : std::string();
        history.bind(1, d.id);
        history.bind(2, d.version);
        history.bindText(3, action);
        history.bindText(4, change.actor);
        history.bind(5, at);
        history.bindText(6, p.reason.empty() ? change.reason : p.reason);
        if (p.before)
            history.bindText(7, beforeJson);
        else
            history.bindNull(7);
        const std::string content = definitionToCompactJson(d);
        history.bindText(8, content);
        if (history.step() != SQLITE_DONE) return sqlFailed("cannot record the history of " + quoted(d.name));
        return true;
    }

    /// Refuses a combo graph with a cycle through `p`.
    bool checkCycles(const Pending &p, std::map<std::int64_t, std::vector<std::int64_t>> &edges)
    {
        // Depth-first from p, looking for a way back to p.
        std::vector<std::int64_t> path{p.id};
        std::set<std::int64_t> done;
        std::vector<std::size_t> next{0};
        while (!path.empty()) {
            const auto &out = edges[path.back()];
            if (next.back() >= out.size()) {
                done.insert(path.back());
                path.pop_back();
                next.pop_back();
                continue;
            }
            const std::int64_t to = out[next.back()++];
            if (to == p.id) {
                std::string cycle;
                for (auto id : path)
                    cycle += quoted(currentName(id)) + " → ";
                cycle += quoted(currentName(p.id));
                issue(p, "combo", "combos may not contain each other in a circle: " + cycle);
                return false;
            }
            if (done.count(to) || std::find(path.begin(), path.end(), to) != path.end()) continue;
            path.push_back(to);
            next.push_back(0);
        }
        return true;
    }

    /// Rewrites the stored content of combos (not being written now) that contain `id`, so the
    /// member names in it are current. Not a new version: what the combo means did not change.
    bool refreshCombosUsing(std::int64_t id, const std::vector<Pending> &pending)
    {
        std::vector<std::int64_t> combos;
        Statement st(m_db, "SELECT DISTINCT definition FROM definition_members WHERE member = ?1");
        st.bind(1, id);
        while (st.next())
            combos.push_back(st.int64(0));
        for (const auto combo : combos) {
            if (std::any_of(pending.begin(), pending.end(), [&](const Pending &p) { return p.id == combo; }))
                continue;
            auto def = byId(combo);
            if (!def) return false;
            Statement update(m_db, "UPDATE definitions SET content = ?2 WHERE id = ?1");
            const std::string content = definitionToCompactJson(*def);
            update.bind(1, combo);
            update.bindText(2, content);
            if (update.step() != SQLITE_DONE) return sqlFailed("cannot update combo " + quoted(def->name));
        }
        return true;
    }
};

CatalogResult failure(std::string error, std::vector<DefinitionIssue> issues = {})
{
    CatalogResult r;
    r.error = std::move(error);
    r.issues = std::move(issues);
    return r;
}

} // namespace

Catalog::Catalog(store::Store &store) : m_store(store) {}

std::vector<Definition> Catalog::list(const CatalogFilter &filter, std::string *error)
{
    CatalogDb db(m_store.db());
    std::string sql = std::string(kSelectDefinition);
    if (filter.status) sql += " WHERE status = ?1";
    sql += " ORDER BY name_key, name";
    Statement st(m_store.db(), sql);
    if (!st.valid()) {
        if (error) *error = "cannot read the definitions catalog: " + db.sqliteMessage();
        return {};
    }
    if (filter.status) st.bindText(1, statusName(*filter.status));
    const std::string category = filter.category ? definitionNameKey(*filter.category) : std::string();
    const std::string tag = filter.tag ? definitionNameKey(*filter.tag) : std::string();
    std::vector<Definition> out;
    std::string problems;
    while (st.next()) {
        auto def = db.readRow(st);
        if (!def) {
            problems += (problems.empty() ? "" : "\n") + db.error;
            continue;
        }
        if (filter.category && definitionNameKey(def->category) != category) continue;
        if (filter.tag && std::none_of(def->tags.begin(), def->tags.end(),
                                       [&](const std::string &t) { return definitionNameKey(t) == tag; }))
            continue;
        out.push_back(std::move(*def));
    }
    if (error) *error = problems;
    return out;
}

std::optional<Definition> Catalog::find(std::string_view nameOrAlias, std::string *error)
{
    CatalogDb db(m_store.db());
    auto def = db.find(nameOrAlias);
    if (!def && error) *error = db.error;
    return def;
}

std::optional<Definition> Catalog::findById(std::int64_t id, std::string *error)
{
    CatalogDb db(m_store.db());
    auto def = db.byId(id);
    if (!def && error) *error = db.error.empty() ? "no definition with id " + std::to_string(id) : db.error;
    return def;
}

std::vector<std::string> Catalog::aliases(std::string_view nameOrAlias)
{
    CatalogDb db(m_store.db());
    const auto id = db.resolve(nameOrAlias);
    std::vector<std::string> out;
    Statement st(m_store.db(),
                 "SELECT alias FROM definition_aliases WHERE definition = ?1 ORDER BY created_ms, alias");
    st.bind(1, id);
    while (st.next())
        out.emplace_back(st.text(0));
    return out;
}

namespace {

/// Runs `body` (which fills `pending` from the catalog) and applies the result in one
/// transaction. Returns the one definition's result.
template <typename Body>
CatalogResult changeOne(store::Store &store, std::string_view action, const Change &change,
                        Validation validation, Body body)
{
    store::Transaction tx(store.db());
    if (!tx.active()) return failure("cannot change the definitions catalog: " + store.db().error());
    CatalogDb db(store.db());
    std::vector<Pending> pending(1);
    if (!body(db, pending.front())) return failure(db.error);
    if (!db.apply(pending, action, change, validation))
        return failure(db.issues.empty() ? db.error : db.issuesMessage(pending), db.issues);
    Pending &p = pending.front();
    if (p.changed && !tx.commit())
        return failure("cannot save definition " + quoted(p.after.name) + ": " + store.db().error());
    CatalogResult r;
    r.ok = true;
    r.changed = p.changed;
    r.definition = p.changed ? std::move(p.after) : std::move(*p.before);
    return r;
}

/// Copies what a user edits from `from` onto `to`, leaving bookkeeping alone.
void copyContent(Definition &to, const Definition &from)
{
    to.name = from.name;
    to.description = from.description;
    to.category = from.category;
    to.owner = from.owner;
    to.tags = from.tags;
    to.status = from.status;
    to.steps = from.steps;
    to.combo = from.combo;
}

} // namespace

CatalogResult Catalog::create(Definition def, const Change &change)
{
    normalizeDefinition(def);
    return changeOne(m_store, "create", change, Validation::Full, [&](CatalogDb &db, Pending &p) {
        if (const auto id = db.idByName(definitionNameKey(def.name))) {
            db.error = "a definition named " + quoted(db.currentName(id)) + " already exists";
            return false;
        }
        p.after = Definition{};
        copyContent(p.after, def);
        return true;
    });
}

CatalogResult Catalog::update(std::string_view nameOrAlias, Definition def, const Change &change)
{
    normalizeDefinition(def);
    return changeOne(m_store, "update", change, Validation::Full, [&](CatalogDb &db, Pending &p) {
        auto before = db.find(nameOrAlias);
        if (!before) return false;
        p.id = before->id;
        p.after = *before;
        copyContent(p.after, def);
        p.before = std::move(before);
        return true;
    });
}

CatalogResult Catalog::rename(std::string_view nameOrAlias, std::string newName, const Change &change)
{
    Definition named;
    named.name = std::move(newName);
    normalizeDefinition(named);
    return changeOne(m_store, "rename", change, Validation::NameOnly, [&](CatalogDb &db, Pending &p) {
        auto before = db.find(nameOrAlias);
        if (!before) return false;
        p.id = before->id;
        p.after = *before;
        p.after.name = named.name;
        p.before = std::move(before);
        return true;
    });
}

CatalogResult Catalog::setStatus(std::string_view nameOrAlias, DefinitionStatus status, const Change &change)
{
    return changeOne(m_store, "status", change, Validation::None, [&](CatalogDb &db, Pending &p) {
        auto before = db.find(nameOrAlias);
        if (!before) return false;
        p.id = before->id;
        p.after = *before;
        p.after.status = status;
        p.before = std::move(before);
        return true;
    });
}

CatalogResult Catalog::restore(std::string_view nameOrAlias, int version, const Change &change)
{
    Change restoring = change;
    const std::string note = "restored version " + std::to_string(version);
    restoring.reason = change.reason.empty() ? note : change.reason + " (" + note + ")";
    return changeOne(m_store, "restore", restoring, Validation::Full, [&](CatalogDb &db, Pending &p) {
        auto before = db.find(nameOrAlias);
        if (!before) return false;
        if (version < 1 || version > before->version) {
            db.error = "definition " + quoted(before->name) + " has versions 1 to " +
                       std::to_string(before->version) + "; there is no version " + std::to_string(version);
            return false;
        }
        Statement st(m_store.db(),
                     "SELECT after_json FROM definition_history WHERE definition = ?1 AND version = ?2");
        st.bind(1, before->id);
        st.bind(2, version);
        if (!st.next()) {
            db.error =
                "the history of " + quoted(before->name) + " has no version " + std::to_string(version);
            return false;
        }
        DefinitionParseOptions noValidation;
        noValidation.validate = false;
        auto old = parseDefinitionObject(st.text(0), noValidation);
        if (!old.ok() || old.definitions.size() != 1) {
            db.error = "version " + std::to_string(version) + " of " + quoted(before->name) +
                       " cannot be read: " + old.message();
            return false;
        }
        Definition content = std::move(old.definitions.front());
        content.name = before->name;
        content.status = before->status;
        normalizeDefinition(content);
        p.id = before->id;
        p.after = *before;
        copyContent(p.after, content);
        p.before = std::move(before);
        return true;
    });
}

std::optional<std::vector<HistoryEntry>> Catalog::history(std::string_view nameOrAlias, std::string *error)
{
    CatalogDb db(m_store.db());
    const auto id = db.resolve(nameOrAlias);
    if (!id) {
        if (error) *error = "no definition named " + quoted(nameOrAlias);
        return std::nullopt;
    }
    Statement st(m_store.db(), "SELECT version, action, actor, at_ms, reason, before_json, after_json "
                               "FROM definition_history WHERE definition = ?1 ORDER BY version");
    if (!st.valid()) {
        if (error) *error = "cannot read the history: " + db.sqliteMessage();
        return std::nullopt;
    }
    st.bind(1, id);
    std::vector<HistoryEntry> out;
    while (st.next()) {
        HistoryEntry e;
        e.definitionId = id;
        e.version = static_cast<int>(st.int64(0));
        e.action = st.text(1);
        e.actor = st.text(2);
        e.atMs = st.int64(3);
        e.reason = st.text(4);
        if (!st.isNull(5)) e.beforeJson = std::string(st.text(5));
        e.afterJson = st.text(6);
        out.push_back(std::move(e));
    }
    return out;
}

namespace {

/// The history could not be read: nullopt, with the reason in `error`.
template <typename T> std::optional<T> historyUnreadable(store::Database &db, std::string *error)
{
    if (error) *error = "cannot read the history: " + CatalogDb(db).sqliteMessage();
    return std::nullopt;
}

} // namespace

std::optional<std::vector<CatalogChange>> Catalog::recentChanges(std::size_t limit, std::string *error)
{
    std::vector<CatalogChange> out;
    if (limit == 0) return out;
    Statement st(m_store.db(), "SELECT d.name, h.definition, h.version, h.action, h.actor, h.at_ms, h.reason "
                               "FROM definition_history h JOIN definitions d ON d.id = h.definition "
                               "ORDER BY h.at_ms DESC, h.version DESC, d.name LIMIT ?1");
    if (!st.valid()) return historyUnreadable<std::vector<CatalogChange>>(m_store.db(), error);
    st.bind(1, static_cast<std::int64_t>(std::min<std::size_t>(limit, INT64_MAX)));
    int rc = SQLITE_ROW;
    while ((rc = st.step()) == SQLITE_ROW) {
        CatalogChange c;
        c.definition = st.text(0);
        c.entry.definitionId = st.int64(1);
        c.entry.version = static_cast<int>(st.int64(2));
        c.entry.action = st.text(3);
        c.entry.actor = st.text(4);
        c.entry.atMs = st.int64(5);
        c.entry.reason = st.text(6);
        out.push_back(std::move(c));
    }
    if (rc != SQLITE_DONE) return historyUnreadable<std::vector<CatalogChange>>(m_store.db(), error);
    return out;
}

std::optional<std::int64_t> Catalog::changeCount(std::int64_t fromMs, std::int64_t toMs, std::string *error)
{
    Statement st(m_store.db(), "SELECT count(*) FROM definition_history WHERE at_ms BETWEEN ?1 AND ?2");
    if (!st.valid()) return historyUnreadable<std::int64_t>(m_store.db(), error);
    st.bind(1, fromMs);
    st.bind(2, toMs);
    if (!st.next()) return historyUnreadable<std::int64_t>(m_store.db(), error);
    return st.int64(0);
}

namespace {

/// "Pay button [merged #9]": the name an archived, merged source keeps (unique by its id and
/// within the validator's length limit, cutting the old name at a character boundary).
std::string tombstoneName(const std::string &name, std::int64_t id)
{
    const std::string suffix = " [merged #" + std::to_string(id) + "]";
    std::string kept;
    std::size_t codePoints = 0;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const auto c = static_cast<unsigned char>(name[i]);
        if ((c & 0xC0) != 0x80) {
            if (codePoints + suffix.size() + 1 > kMaxNameLength) break;
            ++codePoints;
        }
        kept += name[i];
    }
    while (!kept.empty() && (kept.back() == ' ' || kept.back() == '\t'))
        kept.pop_back();
    return kept + suffix;
}

std::string namesList(const std::vector<std::string> &names)
{
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i)
        out += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + quoted(names[i]);
    return out;
}

std::string withReason(const std::string &reason, const std::string &note)
{
    return reason.empty() ? note : reason + " (" + note + ")";
}

MergeResult mergeFailure(std::string error, std::vector<DefinitionIssue> issues = {})
{
    MergeResult r;
    r.error = std::move(error);
    r.issues = std::move(issues);
    return r;
}

std::optional<Definition> parseStored(std::string_view json)
{
    DefinitionParseOptions noValidation;
    noValidation.validate = false;
    auto parsed = parseDefinitionObject(json, noValidation);
    if (!parsed.ok() || parsed.definitions.size() != 1) return std::nullopt;
    return std::move(parsed.definitions.front());
}

bool hasStep(const std::vector<Step> &steps, const Step &step)
{
    return std::find(steps.begin(), steps.end(), step) != steps.end();
}

} // namespace

CatalogResult Catalog::remove(std::string_view nameOrAlias, const Change &change)
{
    if (change.actor.empty())
        return failure("no actor given: every change to the catalog records who made it");
    store::Transaction tx(m_store.db());
    if (!tx.active()) return failure("cannot change the definitions catalog: " + m_store.db().error());
    CatalogDb db(m_store.db());
    auto def = db.find(nameOrAlias);
    if (!def) return failure(db.error);

    std::vector<std::string> combos;
    {
        Statement st(m_store.db(), "SELECT DISTINCT d.name FROM definition_members m JOIN definitions d ON "
                                   "d.id = m.definition WHERE m.member = ?1 ORDER BY d.name_key");
        st.bind(1, def->id);
        if (!st.valid()) return failure("cannot read the definitions catalog: " + db.sqliteMessage());
        while (st.next())
            combos.emplace_back(st.text(0));
    }
    if (!combos.empty())
        return failure("definition " + quoted(def->name) + " cannot be deleted: " +
                       (combos.size() == 1 ? "combo " : "combos ") + namesList(combos) +
                       (combos.size() == 1 ? " contains" : " contain") + " it; take it out of " +
                       (combos.size() == 1 ? "that combo" : "those combos") + " first");

    for (const char *sql :
         {"DELETE FROM definition_members WHERE definition = ?1",
          "DELETE FROM definition_aliases WHERE definition = ?1",
          "DELETE FROM definition_history WHERE definition = ?1", "DELETE FROM definitions WHERE id = ?1"}) {
        Statement st(m_store.db(), sql);
        st.bind(1, def->id);
        if (!st.valid() || st.step() != SQLITE_DONE)
            return failure("cannot delete definition " + quoted(def->name) + ": " + db.sqliteMessage());
    }
    if (!tx.commit())
        return failure("cannot delete definition " + quoted(def->name) + ": " + m_store.db().error());
    CatalogResult r;
    r.ok = true;
    r.changed = true;
    r.definition = std::move(*def);
    return r;
}

BatchResult Catalog::renameMany(const std::vector<std::pair<std::string, std::string>> &renames,
                                const Change &change)
{
    BatchResult result;
    store::Transaction tx(m_store.db());
    if (!tx.active()) {
        result.error = "cannot change the definitions catalog: " + m_store.db().error();
        return result;
    }
    CatalogDb db(m_store.db());
    std::vector<Pending> pending(renames.size());
    std::map<std::int64_t, std::size_t> seen;
    for (std::size_t i = 0; i < renames.size(); ++i) {
        Pending &p = pending[i];
        p.path = "renames[" + std::to_string(i) + "]";
        auto before = db.find(renames[i].first);
        if (!before) {
            result.error = p.path + ": " + db.error;
            return result;
        }
        if (const auto [it, inserted] = seen.emplace(before->id, i); !inserted) {
            result.error = p.path + ": " + quoted(renames[i].first) + " is renamed twice (also by renames[" +
                           std::to_string(it->second) + "])";
            return result;
        }
        Definition named;
        named.name = renames[i].second;
        normalizeDefinition(named);
        p.id = before->id;
        p.after = *before;
        p.after.name = named.name;
        p.before = std::move(before);
    }
    if (!db.apply(pending, "rename", change, Validation::NameOnly)) {
        result.issues = db.issues;
        std::string message;
        for (const auto &issue : db.issues) {
            // renames[i].name: reason -> rename of 'A' to 'B': reason
            std::size_t index = 0;
            if (std::sscanf(issue.path.c_str(), "renames[%zu]", &index) == 1 && index < renames.size())
                message += (message.empty() ? "" : "\n") + std::string("rename of ") +
                           quoted(renames[index].first) + " to " + quoted(renames[index].second) + ": " +
                           issue.reason;
            else
                message += (message.empty() ? "" : "\n") + issue.message();
        }
        result.error = db.issues.empty() ? db.error : message;
        return result;
    }
    const bool any = std::any_of(pending.begin(), pending.end(), [](const Pending &p) { return p.changed; });
    if (any && !tx.commit()) {
        result.error = "cannot save the renames: " + m_store.db().error();
        return result;
    }
    for (auto &p : pending) {
        result.changed.push_back(p.changed);
        result.definitions.push_back(p.changed ? std::move(p.after) : std::move(*p.before));
    }
    result.ok = true;
    return result;
}

MergeResult Catalog::merge(std::string_view target, const std::vector<std::string> &sources, MergeMode mode,
                           const Change &change)
{
    if (sources.empty())
        return mergeFailure("nothing to merge: name at least one definition besides the target");
    store::Transaction tx(m_store.db());
    if (!tx.active()) return mergeFailure("cannot change the definitions catalog: " + m_store.db().error());
    CatalogDb db(m_store.db());

    // The sources, each once and never the target.
    const auto targetId = db.resolve(target);
    std::vector<Definition> from;
    std::set<std::int64_t> ids;
    for (const auto &name : sources) {
        auto def = db.find(name);
        if (!def) return mergeFailure(db.error);
        if (def->id == targetId)
            return mergeFailure(quoted(name) + " is the target " + quoted(def->name) + " itself");
        if (!ids.insert(def->id).second)
            return mergeFailure(quoted(name) +
                                " is listed twice (or is another name of a definition listed)");
        from.push_back(std::move(*def));
    }
    std::vector<std::string> fromNames;
    for (const auto &d : from)
        fromNames.push_back(d.name);

    MergeResult result;
    std::vector<Pending> pending;
    if (mode == MergeMode::IntoCombo) {
        Pending p;
        if (targetId) {
            auto combo = db.byId(targetId);
            if (!combo) return mergeFailure(db.error);
            if (!combo->isCombo())
                return mergeFailure(quoted(combo->name) +
                                    " has criteria of its own, so it cannot become a combo; merge into it "
                                    "directly, or name a new combo");
            p.id = combo->id;
            p.after = *combo;
            p.before = std::move(combo);
        } else {
            p.after.name = std::string(target);
            normalizeDefinition(p.after);
            p.after.description = "Any of " + namesList(fromNames) + ".";
        }
        std::set<std::int64_t> members;
        for (const auto &m : p.after.combo)
            members.insert(db.resolve(m));
        for (const auto &d : from)
            if (members.insert(d.id).second) {
                p.after.combo.push_back(d.name);
                ++result.stepsAdded;
            }
        p.reason = withReason(change.reason, "merged " + namesList(fromNames) + " into this combo");
        pending.push_back(std::move(p));
        if (!db.apply(pending, "merge", change, Validation::Full))
            return mergeFailure(db.issues.empty() ? db.error : db.issuesMessage(pending), db.issues);
        Pending &done = pending.front();
        if (done.changed && !tx.commit())
            return mergeFailure("cannot save the merge: " + m_store.db().error());
        result.ok = true;
        result.changed = done.changed;
        result.target = done.changed ? std::move(done.after) : std::move(*done.before);
        return result;
    }

    if (!targetId) return mergeFailure("no definition named " + quoted(target));
    auto into = db.byId(targetId);
    if (!into) return mergeFailure(db.error);
    for (const auto &d : from)
        if (d.isCombo() != into->isCombo())
            return mergeFailure(quoted(d.name) + (d.isCombo() ? " is a combo" : " has criteria") + " but " +
                                quoted(into->name) + (into->isCombo() ? " is a combo" : " has criteria") +
                                "; merge them into a combo instead (MergeMode::IntoCombo, --combo NAME)");

    Pending t;
    t.id = into->id;
    t.after = *into;
    t.force = true;
    t.reason = withReason(change.reason, "merged " + namesList(fromNames) + " into this definition");
    if (!into->isCombo()) {
        for (const auto &d : from)
            for (const auto &step : d.steps)
                if (!hasStep(t.after.steps, step)) {
                    t.after.steps.push_back(step);
                    ++result.stepsAdded;
                }
    } else {
        // A source that was a member of the target is replaced by its members.
        std::set<std::int64_t> members;
        std::vector<std::string> kept;
        for (const auto &m : t.after.combo) {
            const auto id = db.resolve(m);
            if (ids.count(id) || !members.insert(id).second) continue;
            kept.push_back(m);
        }
        t.after.combo = std::move(kept);
        for (const auto &d : from)
            for (const auto &m : d.combo) {
                const auto id = db.resolve(m);
                if (id == into->id || ids.count(id) || !members.insert(id).second) continue;
                t.after.combo.push_back(db.currentName(id));
                ++result.stepsAdded;
            }
    }
    t.before = std::move(into);
    pending.push_back(std::move(t));
    const std::string targetName = pending.front().after.name;

    for (const auto &d : from) {
        Pending s;
        s.id = d.id;
        s.after = d;
        s.after.name = tombstoneName(d.name, d.id);
        s.after.status = DefinitionStatus::Archived;
        s.reason = withReason(change.reason, "merged into " + quoted(targetName));
        s.before = d;
        pending.push_back(std::move(s));
    }

    // Combos that contained a source contain the target instead (once).
    {
        std::set<std::int64_t> combos;
        for (const auto id : ids) {
            Statement st(m_store.db(),
                         "SELECT DISTINCT definition FROM definition_members WHERE member = ?1");
            st.bind(1, id);
            while (st.next())
                combos.insert(st.int64(0));
        }
        for (const auto comboId : combos) {
            if (comboId == targetId || ids.count(comboId)) continue;
            auto combo = db.byId(comboId);
            if (!combo) return mergeFailure(db.error);
            Pending c;
            c.id = comboId;
            c.after = *combo;
            c.after.combo.clear();
            std::set<std::int64_t> members;
            for (const auto &m : combo->combo) {
                std::int64_t id = db.resolve(m);
                if (ids.count(id)) id = targetId;
                if (!members.insert(id).second) continue;
                c.after.combo.push_back(id == targetId ? targetName : m);
            }
            c.reason = withReason(change.reason, "its member " + namesList(fromNames) + " merged into " +
                                                     quoted(targetName));
            c.before = std::move(combo);
            result.combos.push_back(c.after.name);
            pending.push_back(std::move(c));
        }
    }

    // Every name a source had, for the report (its aliases move below).
    for (const auto &d : from) {
        result.names.push_back(d.name);
        Statement st(m_store.db(),
                     "SELECT alias FROM definition_aliases WHERE definition = ?1 ORDER BY created_ms, alias");
        st.bind(1, d.id);
        while (st.next())
            result.names.emplace_back(st.text(0));
    }

    if (!db.apply(pending, "merge", change, Validation::Full))
        return mergeFailure(db.issues.empty() ? db.error : db.issuesMessage(pending), db.issues);
    for (const auto id : ids) {
        Statement move(m_store.db(), "UPDATE definition_aliases SET definition = ?2 WHERE definition = ?1");
        move.bind(1, id);
        move.bind(2, targetId);
        if (move.step() != SQLITE_DONE)
            return mergeFailure("cannot move the names of the merged definitions: " + db.sqliteMessage());
    }
    if (!tx.commit()) return mergeFailure("cannot save the merge: " + m_store.db().error());
    result.ok = true;
    result.changed = true;
    result.target = std::move(pending.front().after);
    for (std::size_t i = 1; i <= from.size(); ++i)
        result.sources.push_back(std::move(pending[i].after));
    return result;
}

MergeResult Catalog::unmerge(std::string_view source, const Change &change)
{
    store::Transaction tx(m_store.db());
    if (!tx.active()) return mergeFailure("cannot change the definitions catalog: " + m_store.db().error());
    CatalogDb db(m_store.db());
    const std::string key = definitionNameKey(source);

    // The merged source: by its tombstone name, or by the name it had when it was merged.
    struct MergeRow
    {
        std::int64_t definition = 0;
        int version = 0;
        std::int64_t atMs = 0;
        Definition before, after;
    };
    std::optional<MergeRow> row;
    {
        Statement st(m_store.db(), "SELECT h.definition, h.version, h.at_ms, h.before_json, h.after_json "
                                   "FROM definition_history h JOIN definitions d ON d.id = h.definition "
                                   "WHERE h.action = 'merge' AND h.before_json IS NOT NULL AND "
                                   "h.version = d.version AND d.status = 'archived' ORDER BY h.id DESC");
        while (st.next()) {
            auto before = parseStored(st.text(3));
            auto after = parseStored(st.text(4));
            if (!before || !after || before->status == DefinitionStatus::Archived ||
                after->status != DefinitionStatus::Archived)
                continue;
            if (definitionNameKey(before->name) != key && definitionNameKey(after->name) != key) continue;
            row = MergeRow{st.int64(0), static_cast<int>(st.int64(1)), st.int64(2), std::move(*before),
                           std::move(*after)};
            break;
        }
    }
    if (!row)
        return mergeFailure(
            "no merged definition named " + quoted(source) +
            " (give the name it had when it was merged, or its archived name; a source changed since "
            "its merge cannot be taken out automatically — rename it and restore it by hand)");
    auto merged = db.byId(row->definition);
    if (!merged) return mergeFailure(db.error);
    const std::string originalName = row->before.name;
    const std::int64_t targetId = db.idByAlias(definitionNameKey(originalName));
    if (!targetId || targetId == merged->id)
        return mergeFailure(quoted(originalName) + " no longer names the definition it was merged into");
    auto into = db.byId(targetId);
    if (!into) return mergeFailure(db.error);

    // Every name the source ever had comes back to it.
    std::set<std::string> ownKeys;
    {
        Statement st(m_store.db(),
                     "SELECT before_json, after_json FROM definition_history WHERE definition = ?1");
        st.bind(1, merged->id);
        while (st.next())
            for (int c = 0; c < 2; ++c)
                if (!st.isNull(c))
                    if (auto d = parseStored(st.text(c)); d && d->name != merged->name)
                        ownKeys.insert(definitionNameKey(d->name));
    }
    for (const auto &k : ownKeys) {
        Statement move(
            m_store.db(),
            "UPDATE definition_aliases SET definition = ?2 WHERE alias_key = ?1 AND definition = ?3");
        move.bindText(1, k);
        move.bind(2, merged->id);
        move.bind(3, targetId);
        if (move.step() != SQLITE_DONE)
            return mergeFailure("cannot give the names back to " + quoted(originalName) + ": " +
                                db.sqliteMessage());
    }

    MergeResult result;
    std::vector<Pending> pending;
    {
        Pending s;
        s.id = merged->id;
        s.after = *merged;
        s.after.name = originalName;
        s.after.status = row->before.status;
        s.reason = withReason(change.reason, "taken back out of " + quoted(into->name));
        s.before = merged;
        pending.push_back(std::move(s));
    }

    // The same merge's rows of the other definitions it changed (target, other sources, combos).
    struct Related
    {
        std::int64_t definition;
        int version;
        Definition before;
    };
    std::vector<Related> related;
    {
        Statement st(m_store.db(), "SELECT definition, version, before_json FROM definition_history "
                                   "WHERE action = 'merge' AND at_ms = ?1 AND definition <> ?2 AND "
                                   "before_json IS NOT NULL");
        st.bind(1, row->atMs);
        st.bind(2, merged->id);
        while (st.next())
            if (auto d = parseStored(st.text(2)))
                related.push_back({st.int64(0), static_cast<int>(st.int64(1)), std::move(*d)});
    }
    // Steps that sources still merged in the same operation brought.
    std::vector<Step> stillMerged;
    for (const auto &r : related) {
        if (r.definition == targetId) continue;
        auto other = db.byId(r.definition);
        if (other && other->version == r.version && other->status == DefinitionStatus::Archived &&
            r.before.status != DefinitionStatus::Archived)
            stillMerged.insert(stillMerged.end(), other->steps.begin(), other->steps.end());
    }

    const auto targetRow = std::find_if(related.begin(), related.end(),
                                        [&](const Related &r) { return r.definition == targetId; });
    if (targetRow == related.end() || targetRow->version != into->version) {
        result.notes.push_back(quoted(into->name) +
                               " changed since the merge, so its criteria were left as they are");
    } else if (!into->isCombo()) {
        Pending t;
        t.id = into->id;
        t.after = *into;
        t.after.steps.clear();
        for (const auto &step : into->steps)
            if (hasStep(targetRow->before.steps, step) || !hasStep(merged->steps, step) ||
                hasStep(stillMerged, step))
                t.after.steps.push_back(step);
        t.force = true;
        t.reason = withReason(change.reason, quoted(originalName) + " taken back out");
        t.before = std::move(into);
        pending.push_back(std::move(t));
    } else {
        std::set<std::int64_t> keep, drop;
        for (const auto &m : targetRow->before.combo)
            keep.insert(db.resolve(m));
        for (const auto &m : merged->combo)
            drop.insert(db.resolve(m));
        Pending t;
        t.id = into->id;
        t.after = *into;
        t.after.combo.clear();
        for (const auto &m : into->combo) {
            const auto id = db.resolve(m);
            if (keep.count(id) || !drop.count(id)) t.after.combo.push_back(m);
        }
        t.force = true;
        t.reason = withReason(change.reason, quoted(originalName) + " taken back out");
        t.before = std::move(into);
        pending.push_back(std::move(t));
    }

    // Combos the merge pointed at the target get the source back, if unchanged since.
    for (const auto &r : related) {
        if (r.definition == targetId || !r.before.isCombo()) continue;
        const bool hadSource =
            std::any_of(r.before.combo.begin(), r.before.combo.end(), [&](const std::string &m) {
                return definitionNameKey(m) == definitionNameKey(originalName) ||
                       ownKeys.count(definitionNameKey(m));
            });
        if (!hadSource) continue;
        auto combo = db.byId(r.definition);
        if (!combo) return mergeFailure(db.error);
        if (combo->version != r.version) {
            result.notes.push_back("combo " + quoted(combo->name) +
                                   " changed since the merge, so it still contains the target instead");
            continue;
        }
        Pending c;
        c.id = combo->id;
        c.after = *combo;
        c.after.combo.clear();
        std::set<std::int64_t> members;
        for (const auto &m : r.before.combo) {
            const std::string k = definitionNameKey(m);
            const std::int64_t id =
                (k == definitionNameKey(originalName) || ownKeys.count(k)) ? merged->id : db.resolve(m);
            if (!id || !members.insert(id).second) continue;
            c.after.combo.push_back(id == merged->id ? originalName : db.currentName(id));
        }
        c.reason =
            withReason(change.reason, quoted(originalName) + " taken back out of " + quoted(into->name));
        c.before = std::move(combo);
        result.combos.push_back(c.after.name);
        pending.push_back(std::move(c));
    }

    if (!db.apply(pending, "unmerge", change, Validation::Full))
        return mergeFailure(db.issues.empty() ? db.error : db.issuesMessage(pending), db.issues);
    {
        // The tombstone name is not a name anyone chose: it does not stay as an alias.
        Statement drop(m_store.db(),
                       "DELETE FROM definition_aliases WHERE alias_key = ?1 AND definition = ?2");
        const std::string tombstoneKey = definitionNameKey(merged->name);
        drop.bindText(1, tombstoneKey);
        drop.bind(2, merged->id);
        if (drop.step() != SQLITE_DONE)
            return mergeFailure("cannot forget the archived name: " + db.sqliteMessage());
    }
    if (!tx.commit()) return mergeFailure("cannot save the unmerge: " + m_store.db().error());
    result.ok = true;
    result.changed = true;
    result.sources.push_back(std::move(pending.front().after));
    if (pending.size() > 1 && pending[1].id == targetId)
        result.target = std::move(pending[1].after);
    else if (auto t = db.byId(targetId))
        result.target = std::move(*t);
    return result;
}

ImportReport Catalog::importDefinitions(std::vector<Definition> defs, const Change &change)
{
    ImportReport report;
    store::Transaction tx(m_store.db());
    if (!tx.active()) {
        report.error = "cannot change the definitions catalog: " + m_store.db().error();
        return report;
    }
    CatalogDb db(m_store.db());
    db.jsonPaths = true;
    std::vector<Pending> pending(defs.size());
    for (std::size_t i = 0; i < defs.size(); ++i) {
        Pending &p = pending[i];
        p.path = "definitions[" + std::to_string(i) + "]";
        normalizeDefinition(defs[i]);
        // Matched by current name only: a former name names the definition it now belongs to,
        // which apply() refuses with a clear message rather than silently renaming it back.
        if (const auto id = db.idByName(definitionNameKey(defs[i].name))) {
            auto before = db.byId(id);
            if (!before) {
                report.error = db.error;
                return report;
            }
            p.id = id;
            p.after = *before;
            p.before = std::move(before);
        }
        copyContent(p.after, defs[i]);
    }
    if (!db.apply(pending, "import", change, Validation::Full)) {
        report.issues = db.issues;
        report.error = db.issues.empty() ? db.error : db.issuesMessage(pending);
        return report;
    }
    const bool anyChange =
        std::any_of(pending.begin(), pending.end(), [](const Pending &p) { return p.changed; });
    if (anyChange && !tx.commit()) {
        report.error = "cannot save the imported definitions: " + m_store.db().error();
        return report;
    }
    for (const auto &p : pending)
        (!p.before ? report.added : p.changed ? report.changed : report.unchanged).push_back(p.after.name);
    report.ok = true;
    return report;
}

std::optional<std::vector<Definition>> Catalog::criteriaDefinitions(const Definition &def, std::string *error)
{
    CatalogDb db(m_store.db());
    std::vector<Definition> out;
    std::set<std::int64_t> seen;
    if (def.id) seen.insert(def.id);
    // Depth-first, members in order; each definition once (which also stops at any cycle).
    auto expand = [&](auto &self, const Definition &d) -> bool {
        if (!d.isCombo()) {
            out.push_back(d);
            return true;
        }
        for (const auto &name : d.combo) {
            const auto id = db.resolve(name);
            if (!id) {
                db.error = "combo " + quoted(d.name) + ": no definition named " + quoted(name);
                return false;
            }
            if (!seen.insert(id).second) continue;
            const auto member = db.byId(id);
            if (!member || !self(self, *member)) return false;
        }
        return true;
    };
    if (!expand(expand, def)) {
        if (error) *error = db.error;
        return std::nullopt;
    }
    return out;
}

} // namespace hindsight::definitions
