#include "core/privacy/maskapply.h"

#include "core/capture/jsonwriter.h"
#include "core/model/fasthash.h"
#include "core/model/url.h"
#include "core/privacy/maskengine.h"
#include "core/store/database.h"
#include "core/store/scrubber.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/transaction.h"

#include <bit>
#include <chrono>
#include <set>
#include <sqlite3.h>
#include <unordered_map>
#include <unordered_set>

namespace hindsight::privacy {

namespace {

using store::Statement;

constexpr std::size_t kExamplesPerRule = 3;

/// The interaction columns that reference dictionary values, in the order they are read.
enum Column { kUrlCol, kReferrerCol, kTitleCol, kChainCol, kPropsCol, kColumnCount };
/// The dictionary tables behind them.
enum Dict { kUrls, kTexts, kChains, kProps, kDictCount };
constexpr Dict kDictOf[kColumnCount] = {kUrls, kUrls, kTexts, kChains, kProps};
constexpr const char *kColumnNames[kColumnCount] = {"url", "referrer", "title", "chain", "properties"};

struct Key
{
    std::int64_t ref = 0;
    std::uint32_t mask = 0;
    bool operator==(const Key &) const = default;
};
struct KeyHash
{
    std::size_t operator()(const Key &k) const noexcept
    {
        return std::hash<std::int64_t>()(k.ref * 1000003 + static_cast<std::int64_t>(k.mask));
    }
};
struct PairHash
{
    std::size_t operator()(const std::pair<std::int64_t, std::int64_t> &p) const noexcept
    {
        return std::hash<std::int64_t>()(p.first * 1000003 ^ p.second);
    }
};

/// One stored value as the rules leave it.
struct Result
{
    std::string value; ///< the masked value ("" = the field is gone)
    bool drop = false;
    RuleBits changedBy = 0, droppedBy = 0;
    std::int64_t newRef = -1; ///< its dictionary row, once resolved (0 = NULL)
};

/// A bitmap of dictionary row ids.
class RowSet
{
  public:
    void set(std::int64_t id)
    {
        if (id <= 0) return;
        const auto i = static_cast<std::size_t>(id);
        if (i >= m_bits.size()) m_bits.resize(std::max(i + 1, m_bits.size() * 2), false);
        m_bits[i] = true;
    }
    bool has(std::int64_t id) const
    {
        const auto i = static_cast<std::size_t>(id);
        return id > 0 && i < m_bits.size() && m_bits[i];
    }
    std::vector<std::int64_t> ids() const
    {
        std::vector<std::int64_t> out;
        for (std::size_t i = 0; i < m_bits.size(); ++i)
            if (m_bits[i]) out.push_back(static_cast<std::int64_t>(i));
        return out;
    }

  private:
    std::vector<bool> m_bits;
};

struct Update
{
    std::int64_t id = 0;
    std::int64_t refs[kColumnCount] = {};
};

/// Plans (and, when writing, performs) the masking of a store. See applyMaskRules().
class Planner
{
  public:
    Planner(store::Store &store, MaskEngine &engine, bool writing)
        : m_store(store), m_engine(engine), m_writing(writing)
    {
        store::Database &db = store.db();
        m_get[kUrls] = Statement(db, "SELECT url FROM urls WHERE id = ?1");
        m_get[kTexts] = Statement(db, "SELECT value FROM texts WHERE id = ?1");
        m_get[kChains] = Statement(db, "SELECT chain FROM chains WHERE id = ?1");
        m_get[kProps] = Statement(db, "SELECT json FROM properties WHERE id = ?1");
        m_active[kUrlCol] = engine.touchesUrl();
        m_active[kReferrerCol] = engine.touchesReferrer();
        m_active[kTitleCol] = engine.touchesTitle();
        m_active[kChainCol] = engine.touchesChain();
        m_active[kPropsCol] = engine.touchesProperties();
        m_needPairs = engine.hasConditions();
        if (!m_needPairs) m_masks.push_back(RuleConditions{});
        const auto &rules = engine.rules();
        m_impact.rules.resize(rules.size());
        for (std::size_t i = 0; i < rules.size(); ++i)
            m_impact.rules[i].rule = rules[i];
        m_changedValues.resize(rules.size());
        engine.setExampleSink([this](std::size_t rule, std::string_view field, std::string_view before,
                                     std::string_view after) {
            auto &examples = m_impact.rules[rule].examples;
            if (examples.size() >= kExamplesPerRule) return;
            for (const auto &e : examples)
                if (e.field == field && e.before == before) return;
            examples.push_back({std::string(field), std::string(before), std::string(after)});
        });
    }

    ~Planner() { m_engine.setExampleSink({}); }

    bool ok() const
    {
        for (const auto &st : m_get)
            if (!st.valid()) return false;
        return true;
    }

    /// The pass over all interactions.
    bool scan(std::string *error)
    {
        Statement st(m_store.db(), "SELECT id, url, referrer, title, chain, properties FROM interactions");
        if (!st.valid()) return fail(error, "cannot read the interactions");
        int rc;
        while ((rc = st.step()) == SQLITE_ROW) {
            ++m_impact.interactions;
            const std::int64_t id = st.int64(0);
            std::int64_t refs[kColumnCount];
            for (int c = 0; c < kColumnCount; ++c)
                refs[c] = st.isNull(c + 1) ? 0 : st.int64(c + 1);
            const std::uint32_t mask = m_needPairs ? maskOf(refs[kChainCol], refs[kUrlCol]) : 0;
            if (m_failed) return fail(error, m_error);
            RuleBits changedBy = 0, droppedBy = 0;
            int results[kColumnCount] = {-1, -1, -1, -1, -1};
            for (int c = 0; c < kColumnCount; ++c) {
                if (!m_active[c] || refs[c] == 0) continue;
                results[c] = resultOf(static_cast<Column>(c), refs[c], mask);
                if (m_failed) return fail(error, m_error);
                if (results[c] < 0) continue;
                const Result &r = m_results[static_cast<std::size_t>(results[c])];
                changedBy |= r.changedBy;
                droppedBy |= r.droppedBy;
            }
            if (droppedBy) {
                ++m_impact.interactionsDropped;
                forEachRule(droppedBy, [&](std::size_t i) {
                    ++m_impact.rules[i].interactionsDropped;
                    ++m_impact.rules[i].interactionsAffected;
                });
                if (m_writing) {
                    m_dropIds.push_back(id);
                    for (int c = 0; c < kColumnCount; ++c)
                        m_touched[kDictOf[c]].set(refs[c]);
                }
                continue;
            }
            if (changedBy) {
                ++m_impact.interactionsChanged;
                forEachRule(changedBy, [&](std::size_t i) { ++m_impact.rules[i].interactionsAffected; });
            }
            if (!m_writing) continue;
            Update update;
            update.id = id;
            for (int c = 0; c < kColumnCount; ++c) {
                update.refs[c] = refs[c];
                if (results[c] >= 0) {
                    m_touched[kDictOf[c]].set(refs[c]);
                    update.refs[c] = resolve(static_cast<Column>(c), static_cast<std::size_t>(results[c]));
                    if (m_failed) return fail(error, m_error);
                }
                m_used[kDictOf[c]].set(update.refs[c]);
            }
            if (changedBy) m_updates.push_back(update);
        }
        if (rc != SQLITE_DONE) return fail(error, "cannot read the interactions");
        for (std::size_t i = 0; i < m_changedValues.size(); ++i)
            m_impact.rules[i].valuesChanged = static_cast<std::int64_t>(m_changedValues[i].size());
        return true;
    }

    /// Writes the planned changes (inside the caller's transaction).
    bool write(std::string *error)
    {
        store::Database &db = m_store.db();
        Statement update(db, "UPDATE interactions SET url = ?2, referrer = ?3, title = ?4, chain = ?5, "
                             "properties = ?6 WHERE id = ?1");
        Statement remove(db, "DELETE FROM interactions WHERE id = ?1");
        if (!update.valid() || !remove.valid()) return fail(error, "cannot prepare the rewrite");
        for (const Update &u : m_updates) {
            update.bind(1, u.id);
            for (int c = 0; c < kColumnCount; ++c)
                update.bindOptional(c + 2, u.refs[c]);
            if (update.step() != SQLITE_DONE) return fail(error, "cannot rewrite an interaction");
            update.reset();
        }
        for (std::int64_t id : m_dropIds) {
            remove.bind(1, id);
            if (remove.step() != SQLITE_DONE) return fail(error, "cannot delete an interaction");
            remove.reset();
        }
        // Dictionary rows that no interaction uses any more hold the raw values: delete them.
        constexpr const char *kDelete[kDictCount] = {
            "DELETE FROM urls WHERE id = ?1", "DELETE FROM texts WHERE id = ?1",
            "DELETE FROM chains WHERE id = ?1", "DELETE FROM properties WHERE id = ?1"};
        for (int d = 0; d < kDictCount; ++d) {
            Statement del(db, kDelete[d]);
            if (!del.valid()) return fail(error, "cannot prepare the clean-up");
            for (std::int64_t id : m_touched[d].ids()) {
                if (m_used[d].has(id)) continue;
                del.bind(1, id);
                if (del.step() != SQLITE_DONE) return fail(error, "cannot delete a masked value");
                del.reset();
                ++m_rowsRemoved;
                ++m_removedIn[d];
            }
        }
        return true;
    }

    MaskImpact &impact() { return m_impact; }
    const std::vector<std::int64_t> &dropIds() const { return m_dropIds; }
    std::int64_t rowsAdded() const { return m_rowsAdded; }
    std::int64_t rowsRemoved() const { return m_rowsRemoved; }
    /// Distinct element chains added minus removed (meta 'elements').
    std::int64_t chainDelta() const { return m_addedIn[kChains] - m_removedIn[kChains]; }

  private:
    bool fail(std::string *error, const std::string &message)
    {
        if (error) *error = message + (m_store.db().error().empty() ? "" : ": " + m_store.db().error());
        return false;
    }

    template <typename F> static void forEachRule(RuleBits bits, const F &f)
    {
        while (bits) {
            f(static_cast<std::size_t>(std::countr_zero(bits)));
            bits &= bits - 1;
        }
    }

    bool load(Dict d, std::int64_t id, std::string &out)
    {
        Statement &st = m_get[d];
        st.bind(1, id);
        const bool found = st.next();
        if (found) out.assign(st.text(0));
        st.reset();
        if (!found) out.clear();
        return found;
    }

    std::uint32_t maskOf(std::int64_t chainRef, std::int64_t urlRef)
    {
        const auto key = std::make_pair(chainRef, urlRef);
        if (auto it = m_pairs.find(key); it != m_pairs.end()) return it->second;
        if (chainRef)
            load(kChains, chainRef, m_chainText);
        else
            m_chainText.clear();
        if (urlRef)
            load(kUrls, urlRef, m_urlText);
        else
            m_urlText.clear();
        const RuleConditions c = m_engine.conditions(m_chainText, m_urlText);
        std::uint32_t index = 0;
        while (index < m_masks.size() && !(m_masks[index] == c))
            ++index;
        if (index == m_masks.size()) m_masks.push_back(c);
        m_pairs.emplace(key, index);
        return index;
    }

    /// Index into m_results of what the rules make of this value (-1: unchanged).
    int resultOf(Column c, std::int64_t ref, std::uint32_t mask)
    {
        auto &cache = m_cache[c];
        const Key key{ref, mask};
        if (auto it = cache.find(key); it != cache.end()) return it->second;
        if (!load(kDictOf[c], ref, m_value)) {
            cache.emplace(key, -1);
            return -1;
        }
        const RuleConditions &cond = m_masks[mask];
        MaskOutcome o;
        switch (c) {
        case kUrlCol:
        case kReferrerCol:
            o = m_engine.maskUrl(m_value, c == kReferrerCol, cond, m_out);
            break;
        case kTitleCol:
            o = m_engine.maskTitle(m_value, cond, m_out);
            break;
        case kChainCol:
            o = m_engine.maskChain(m_value, cond, m_out);
            break;
        case kPropsCol:
            o = m_engine.maskProperties(m_value, cond, m_out);
            break;
        case kColumnCount:
            break;
        }
        if (!o.drop && !o.changed) {
            cache.emplace(key, -1);
            return -1;
        }
        Result r;
        r.drop = o.drop;
        r.changedBy = o.drop ? 0 : o.changedBy;
        r.droppedBy = o.droppedBy;
        if (!o.drop) {
            r.value = m_out;
            forEachRule(o.changedBy, [&](std::size_t i) {
                m_changedValues[i].insert((static_cast<std::int64_t>(c) << 56) ^ ref);
            });
        }
        m_results.push_back(std::move(r));
        const int index = static_cast<int>(m_results.size() - 1);
        cache.emplace(key, index);
        return index;
    }

    /// The dictionary row of a result's value: found (the unique index), else inserted.
    std::int64_t resolve(Column c, std::size_t index)
    {
        Result &r = m_results[index];
        if (r.newRef >= 0) return r.newRef;
        if (r.value.empty() || (c == kPropsCol && r.value == "{}")) return r.newRef = 0;
        store::Database &db = m_store.db();
        const Dict d = kDictOf[c];
        if (!m_find[d].valid()) {
            switch (d) {
            case kUrls:
                m_find[d] = Statement(db, "SELECT id FROM urls WHERE url = ?1");
                m_insert[d] =
                    Statement(db, "INSERT INTO urls(url, host, path, query, hash) VALUES(?1,?2,?3,?4,?5)");
                break;
            case kTexts:
                m_find[d] = Statement(db, "SELECT id FROM texts WHERE value = ?1");
                m_insert[d] = Statement(db, "INSERT INTO texts(value) VALUES(?1)");
                break;
            case kChains:
                m_find[d] = Statement(db, "SELECT id FROM chains WHERE chain = ?1");
                m_insert[d] = Statement(db, "INSERT INTO chains(chain) VALUES(?1)");
                break;
            case kProps:
                m_find[d] = Statement(db, "SELECT id FROM properties WHERE hash = ?2 AND json = ?1");
                m_insert[d] = Statement(db, "INSERT INTO properties(json, hash) VALUES(?1, ?2)");
                break;
            case kDictCount:
                break;
            }
            if (!m_find[d].valid() || !m_insert[d].valid()) {
                m_failed = true;
                m_error = "cannot prepare the dictionary writes";
                return 0;
            }
        }
        // properties.hash is the content key's first lane, as StoreWriter writes it.
        const auto hash = static_cast<std::int64_t>(model::contentKey(r.value).lo);
        Statement &find = m_find[d];
        find.bindText(1, r.value);
        if (d == kProps) find.bind(2, hash);
        std::int64_t id = find.next() ? find.int64(0) : 0;
        find.reset();
        if (id == 0) {
            Statement &insert = m_insert[d];
            insert.bindText(1, r.value);
            model::UrlParts parts;
            if (d == kUrls) {
                parts = model::splitUrl(r.value);
                insert.bindText(2, parts.host);
                insert.bindText(3, parts.path);
                insert.bindText(4, parts.query);
                insert.bindText(5, parts.hash);
            } else if (d == kProps) {
                insert.bind(2, hash);
            }
            const int rc = insert.step();
            insert.reset();
            if (rc != SQLITE_DONE) {
                m_failed = true;
                m_error = "cannot store a masked value";
                return 0;
            }
            id = sqlite3_last_insert_rowid(db.handle());
            ++m_rowsAdded;
            ++m_addedIn[d];
        }
        return r.newRef = id;
    }

    store::Store &m_store;
    MaskEngine &m_engine;
    bool m_writing = false;
    bool m_needPairs = false;
    bool m_active[kColumnCount] = {};
    bool m_failed = false;
    std::string m_error;
    Statement m_get[kDictCount], m_find[kDictCount], m_insert[kDictCount];
    std::unordered_map<Key, int, KeyHash> m_cache[kColumnCount];
    std::vector<Result> m_results;
    std::vector<RuleConditions> m_masks;
    std::unordered_map<std::pair<std::int64_t, std::int64_t>, std::uint32_t, PairHash> m_pairs;
    std::vector<std::unordered_set<std::int64_t>> m_changedValues;
    RowSet m_touched[kDictCount], m_used[kDictCount];
    std::vector<Update> m_updates;
    std::vector<std::int64_t> m_dropIds;
    std::int64_t m_rowsAdded = 0, m_rowsRemoved = 0;
    std::int64_t m_addedIn[kDictCount] = {}, m_removedIn[kDictCount] = {};
    std::string m_value, m_out, m_chainText, m_urlText;
    MaskImpact m_impact;
};

std::unique_ptr<MaskEngine> engineFor(store::Store &store, const std::vector<MaskRule> &rules,
                                      std::string *error)
{
    std::string secret;
    bool needsSecret = false;
    for (const auto &r : rules)
        needsSecret |= r.action == MaskAction::Hash;
    if (needsSecret) {
        auto s = workspaceSecret(store, error);
        if (!s) return nullptr;
        secret = std::move(*s);
    }
    return MaskEngine::create(rules, std::move(secret), error);
}

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

bool MaskImpact::needsConfirmation() const
{
    if (interactions == 0) return false;
    return interactionsDropped == interactions ||
           (interactionsChanged + interactionsDropped) * 2 > interactions;
}

std::string MaskImpact::confirmationReason() const
{
    if (!needsConfirmation()) return {};
    if (interactionsDropped == interactions)
        return "the rules would drop every interaction (" + std::to_string(interactionsDropped) + " of " +
               std::to_string(interactions) + ")";
    return "the rules would rewrite or drop more than half of the interactions (" +
           std::to_string(interactionsChanged) + " rewritten and " + std::to_string(interactionsDropped) +
           " dropped of " + std::to_string(interactions) + ")";
}

std::optional<MaskImpact> testMaskRules(store::Store &store, const std::vector<MaskRule> &rules,
                                        std::string *error)
{
    auto engine = engineFor(store, rules, error);
    if (!engine) return std::nullopt;
    // One read transaction, so the counts come from one snapshot.
    if (!store.db().exec("BEGIN")) {
        if (error) *error = store.path() + ": " + store.db().error();
        return std::nullopt;
    }
    std::optional<MaskImpact> result;
    {
        Planner planner(store, *engine, false);
        if (!planner.ok()) {
            if (error) *error = store.path() + ": cannot read the store: " + store.db().error();
        } else if (planner.scan(error)) {
            result = std::move(planner.impact());
        }
    }
    store.db().exec("ROLLBACK");
    return result;
}

std::optional<MaskApplyReport> applyMaskRules(store::Store &store, const std::vector<MaskRule> &rules,
                                              const MaskApplyOptions &options, std::string *error)
{
    auto engine = engineFor(store, rules, error);
    if (!engine) return std::nullopt;
    const auto started = std::chrono::steady_clock::now();
    MaskApplyReport report;
    store::Database &db = store.db();
    // Deleting a dictionary row makes SQLite look for interactions referencing it, a full scan
    // of the interactions table per row (those columns have no index). The rows deleted here are
    // known to be unused (every interaction's final references are counted above), so foreign
    // keys are off for this connection while it writes, as StoreWriter does for imports.
    struct ForeignKeys
    {
        store::Database &db;
        bool restore = false;
        explicit ForeignKeys(store::Database &d) : db(d)
        {
            if (db.scalar("PRAGMA foreign_keys") == 1) restore = db.exec("PRAGMA foreign_keys = OFF");
        }
        ~ForeignKeys()
        {
            if (restore) db.exec("PRAGMA foreign_keys = ON");
        }
    } foreignKeys(db);
    {
        store::Transaction tx(db);
        if (!tx.active()) {
            if (error) *error = "cannot write to " + store.path() + ": " + db.error();
            return std::nullopt;
        }
        Planner planner(store, *engine, true);
        if (!planner.ok()) {
            if (error) *error = store.path() + ": cannot read the store: " + db.error();
            return std::nullopt;
        }
        if (!planner.scan(error)) return std::nullopt;
        report.impact = planner.impact();
        if (!report.impact.changesSomething()) return report; // nothing to do (rolls back nothing)
        if (report.impact.needsConfirmation() && !options.confirmed) {
            report.refused = true;
            return report; // the transaction rolls back: rows inserted while planning go away
        }
        if (!planner.write(error)) return std::nullopt;
        report.rowsAdded = planner.rowsAdded();
        report.rowsRemoved = planner.rowsRemoved();
        std::string log = "{\"at_ms\":" +
                          std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(
                                             std::chrono::system_clock::now().time_since_epoch())
                                             .count()) +
                          ",\"actor\":" + capture::jsonString(options.actor) + ",\"rules\":[";
        for (std::size_t i = 0; i < rules.size(); ++i)
            log += (i ? "," : "") + std::to_string(rules[i].id);
        log += "],\"rewritten\":" + std::to_string(report.impact.interactionsChanged) +
               ",\"dropped\":" + std::to_string(report.impact.interactionsDropped) + "}";
        Statement setting(db, "INSERT INTO settings(key, value) VALUES('mask.last_apply', ?1) "
                              "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
        Statement meta(db, "UPDATE meta SET value = value + ?2 WHERE key = ?1");
        bool ok = setting.valid() && meta.valid();
        if (ok) {
            setting.bindText(1, log);
            ok = setting.step() == SQLITE_DONE;
        }
        // Counters move by what changed; the generation tells caches (the column cache) that the
        // store's content is new.
        for (const auto &[key, value] :
             {std::pair<const char *, std::int64_t>{"interactions", -report.impact.interactionsDropped},
              {"elements", planner.chainDelta()},
              {"generation", 1}}) {
            if (!ok) break;
            meta.bindText(1, key);
            meta.bind(2, value);
            ok = meta.step() == SQLITE_DONE;
            meta.reset();
        }
        if (!ok || !tx.commit()) {
            if (error) *error = "cannot commit to " + store.path() + ": " + db.error();
            return std::nullopt;
        }
    }
    report.applied = true;
    report.seconds = secondsSince(started);
    const auto scrubStarted = std::chrono::steady_clock::now();
    if (!store::scrubDeletedData(store, error)) return std::nullopt;
    report.scrubSeconds = secondsSince(scrubStarted);
    return report;
}

} // namespace hindsight::privacy
