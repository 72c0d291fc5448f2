#include "core/privacy/maskstore.h"

#include "core/store/database.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/transaction.h"

#include <chrono>
#include <sqlite3.h>

namespace hindsight::privacy {

namespace {

using store::Statement;

std::int64_t nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

constexpr const char *kSelectRule =
    "SELECT id, content, active, version, created_by, created_ms, changed_by, changed_ms FROM mask_rules";

std::optional<MaskRule> readRule(Statement &st, std::string *error)
{
    std::string parseError;
    auto rule = maskRuleFromJson(st.text(1), &parseError);
    if (!rule) {
        if (error) *error = "masking rule " + std::to_string(st.int64(0)) + " cannot be read: " + parseError;
        return std::nullopt;
    }
    rule->id = st.int64(0);
    rule->active = st.int64(2) != 0;
    rule->version = static_cast<int>(st.int64(3));
    rule->createdBy = std::string(st.text(4));
    rule->createdMs = st.int64(5);
    rule->changedBy = std::string(st.text(6));
    rule->changedMs = st.int64(7);
    return rule;
}

MaskStoreResult failure(std::string message)
{
    MaskStoreResult r;
    r.error = std::move(message);
    return r;
}

bool writeHistory(store::Database &db, std::int64_t rule, int version, const char *action,
                  const MaskChange &change, std::int64_t at, const std::optional<std::string> &before,
                  const std::optional<std::string> &after)
{
    Statement st(db,
                 "INSERT INTO mask_rule_history(rule, version, action, actor, at_ms, reason, before_json, "
                 "after_json) VALUES(?1,?2,?3,?4,?5,?6,?7,?8)");
    if (!st.valid()) return false;
    st.bind(1, rule);
    st.bind(2, version);
    st.bindText(3, action);
    st.bindText(4, change.actor);
    st.bind(5, at);
    st.bindText(6, change.reason);
    if (before)
        st.bindText(7, *before);
    else
        st.bindNull(7);
    if (after)
        st.bindText(8, *after);
    else
        st.bindNull(8);
    return st.step() == SQLITE_DONE;
}

} // namespace

MaskStore::MaskStore(store::Store &store) : m_store(store) {}

std::optional<std::vector<MaskRule>> MaskStore::list(bool includeRemoved, std::string *error)
{
    Statement st(m_store.db(),
                 std::string(kSelectRule) + (includeRemoved ? "" : " WHERE active = 1") + " ORDER BY id");
    if (!st.valid()) {
        if (error) *error = m_store.path() + ": cannot read the masking rules: " + m_store.db().error();
        return std::nullopt;
    }
    std::vector<MaskRule> rules;
    while (st.next()) {
        auto rule = readRule(st, error);
        if (!rule) return std::nullopt;
        rules.push_back(std::move(*rule));
    }
    return rules;
}

std::optional<MaskRule> MaskStore::find(std::int64_t id, std::string *error)
{
    Statement st(m_store.db(), std::string(kSelectRule) + " WHERE id = ?1");
    if (!st.valid()) {
        if (error) *error = m_store.path() + ": cannot read the masking rules: " + m_store.db().error();
        return std::nullopt;
    }
    st.bind(1, id);
    if (!st.next()) {
        if (error) *error = "no masking rule " + std::to_string(id);
        return std::nullopt;
    }
    return readRule(st, error);
}

MaskStoreResult MaskStore::add(MaskRule rule, const MaskChange &change)
{
    if (change.actor.empty()) return failure("a change needs an actor");
    auto issues = validateMaskRule(rule);
    if (!issues.empty()) {
        MaskStoreResult r = failure(issues.front().text());
        r.issues = std::move(issues);
        return r;
    }
    store::Database &db = m_store.db();
    store::Transaction tx(db);
    if (!tx.active()) return failure("cannot write to " + m_store.path() + ": " + db.error());
    std::string error;
    auto existing = list(false, &error);
    if (!existing) return failure(error);
    for (const MaskRule &other : *existing)
        if (other.sameContent(rule))
            return failure("rule " + std::to_string(other.id) + " already does this (" +
                           describeMaskRule(other) + ")");
    const std::int64_t at = change.atMs.value_or(nowMs());
    const std::string content = maskRuleToJson(rule);
    Statement insert(db,
                     "INSERT INTO mask_rules(content, active, version, created_by, created_ms, changed_by, "
                     "changed_ms) VALUES(?1, 1, 1, ?2, ?3, ?2, ?3)");
    if (!insert.valid()) return failure("cannot add the rule: " + db.error());
    insert.bindText(1, content);
    insert.bindText(2, change.actor);
    insert.bind(3, at);
    if (insert.step() != SQLITE_DONE) return failure("cannot add the rule: " + db.error());
    const std::int64_t id = sqlite3_last_insert_rowid(db.handle());
    if (!writeHistory(db, id, 1, "add", change, at, std::nullopt, content))
        return failure("cannot record the rule's history: " + db.error());
    if (!tx.commit()) return failure("cannot commit to " + m_store.path() + ": " + db.error());
    MaskStoreResult r;
    r.ok = true;
    r.rule = std::move(rule);
    r.rule.id = id;
    r.rule.active = true;
    r.rule.version = 1;
    r.rule.createdBy = r.rule.changedBy = change.actor;
    r.rule.createdMs = r.rule.changedMs = at;
    return r;
}

MaskStoreResult MaskStore::remove(std::int64_t id, const MaskChange &change)
{
    if (change.actor.empty()) return failure("a change needs an actor");
    store::Database &db = m_store.db();
    store::Transaction tx(db);
    if (!tx.active()) return failure("cannot write to " + m_store.path() + ": " + db.error());
    std::string error;
    auto rule = find(id, &error);
    if (!rule) return failure(error);
    if (!rule->active) return failure("masking rule " + std::to_string(id) + " was already removed");
    const std::int64_t at = change.atMs.value_or(nowMs());
    const int version = rule->version + 1;
    Statement update(db, "UPDATE mask_rules SET active = 0, version = ?2, changed_by = ?3, changed_ms = ?4 "
                         "WHERE id = ?1");
    if (!update.valid()) return failure("cannot remove the rule: " + db.error());
    update.bind(1, id);
    update.bind(2, version);
    update.bindText(3, change.actor);
    update.bind(4, at);
    if (update.step() != SQLITE_DONE) return failure("cannot remove the rule: " + db.error());
    if (!writeHistory(db, id, version, "remove", change, at, maskRuleToJson(*rule), std::nullopt))
        return failure("cannot record the rule's history: " + db.error());
    if (!tx.commit()) return failure("cannot commit to " + m_store.path() + ": " + db.error());
    MaskStoreResult r;
    r.ok = true;
    r.rule = std::move(*rule);
    r.rule.active = false;
    r.rule.version = version;
    r.rule.changedBy = change.actor;
    r.rule.changedMs = at;
    return r;
}

std::optional<std::vector<MaskHistoryEntry>> MaskStore::history(std::int64_t id, std::string *error)
{
    if (!find(id, error)) return std::nullopt;
    Statement st(m_store.db(), "SELECT rule, version, action, actor, at_ms, reason, before_json, after_json "
                               "FROM mask_rule_history WHERE rule = ?1 ORDER BY version");
    if (!st.valid()) {
        if (error) *error = "cannot read the history: " + m_store.db().error();
        return std::nullopt;
    }
    st.bind(1, id);
    std::vector<MaskHistoryEntry> entries;
    while (st.next()) {
        MaskHistoryEntry e;
        e.rule = st.int64(0);
        e.version = static_cast<int>(st.int64(1));
        e.action = std::string(st.text(2));
        e.actor = std::string(st.text(3));
        e.atMs = st.int64(4);
        e.reason = std::string(st.text(5));
        if (!st.isNull(6)) e.beforeJson = std::string(st.text(6));
        if (!st.isNull(7)) e.afterJson = std::string(st.text(7));
        entries.push_back(std::move(e));
    }
    return entries;
}

} // namespace hindsight::privacy
