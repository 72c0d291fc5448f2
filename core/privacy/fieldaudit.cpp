#include "core/privacy/fieldaudit.h"

#include "core/capture/elementchain.h"
#include "core/model/fasthash.h"
#include "core/privacy/fieldscan.h"
#include "core/privacy/propertyflattener.h"
#include "core/store/database.h"
#include "core/store/statement.h"
#include "core/store/store.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <functional>
#include <limits>
#include <mutex>
#include <sqlite3.h>
#include <thread>
#include <unordered_map>

namespace hindsight::privacy {

namespace {

constexpr std::int64_t kNoMin = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kNoMax = std::numeric_limits<std::int64_t>::min();

// ---- Phase 1: one pass over the interactions, counting per dictionary row ----------------------

/// Interactions referring to one dictionary row: how many, and the first and last interaction id.
struct RowCount
{
    std::int64_t count = 0;
    std::int64_t minId = kNoMin;
    std::int64_t maxId = kNoMax;

    void add(std::int64_t id)
    {
        ++count;
        minId = std::min(minId, id);
        maxId = std::max(maxId, id);
    }
    void merge(const RowCount &o)
    {
        count += o.count;
        minId = std::min(minId, o.minId);
        maxId = std::max(maxId, o.maxId);
    }
};

/// Counts for every row of one dictionary as referenced by one interactions column. Row ids are
/// dense (INTEGER PRIMARY KEY), so a vector indexed by id; ids beyond the dictionary's size when
/// the audit started (written meanwhile, or odd ids) go to a map.
class ColumnCounts
{
  public:
    void reserve(std::int64_t maxId)
    {
        m_rows.resize(static_cast<std::size_t>(std::max<std::int64_t>(maxId, 0)) + 1);
    }

    void add(std::int64_t ref, std::int64_t id)
    {
        if (ref <= 0) return; // NULL (no value) reads as 0
        if (static_cast<std::uint64_t>(ref) < m_rows.size())
            m_rows[static_cast<std::size_t>(ref)].add(id);
        else
            m_overflow[ref].add(id);
    }

    /// The counts of row `ref`, or nullptr when no interaction refers to it.
    const RowCount *find(std::int64_t ref) const
    {
        if (ref <= 0) return nullptr;
        if (static_cast<std::uint64_t>(ref) < m_rows.size()) {
            const RowCount &r = m_rows[static_cast<std::size_t>(ref)];
            return r.count ? &r : nullptr;
        }
        const auto it = m_overflow.find(ref);
        return it == m_overflow.end() ? nullptr : &it->second;
    }

    void merge(const ColumnCounts &o)
    {
        if (m_rows.size() < o.m_rows.size()) m_rows.resize(o.m_rows.size());
        for (std::size_t i = 0; i < o.m_rows.size(); ++i)
            if (o.m_rows[i].count) m_rows[i].merge(o.m_rows[i]);
        for (const auto &[ref, c] : o.m_overflow) {
            if (static_cast<std::uint64_t>(ref) < m_rows.size())
                m_rows[static_cast<std::size_t>(ref)].merge(c);
            else
                m_overflow[ref].merge(c);
        }
    }

  private:
    std::vector<RowCount> m_rows;
    std::unordered_map<std::int64_t, RowCount> m_overflow;
};

enum Column { ColUrl, ColTitle, ColReferrer, ColChain, ColProperties, ColDistinct, kColumns };

struct ScanTotals
{
    std::array<ColumnCounts, kColumns> columns;
    std::int64_t interactions = 0;
    std::int64_t minId = kNoMin;
    std::int64_t maxId = kNoMax;
    ConsentCounts consent;

    void merge(const ScanTotals &o)
    {
        for (int c = 0; c < kColumns; ++c)
            columns[c].merge(o.columns[c]);
        interactions += o.interactions;
        minId = std::min(minId, o.minId);
        maxId = std::max(maxId, o.maxId);
        consent.unknown += o.consent.unknown;
        consent.granted += o.consent.granted;
        consent.denied += o.consent.denied;
        consent.other += o.consent.other;
    }
};

// ---- Workers -----------------------------------------------------------------------------------

/// Runs `work(worker)` on `threads` threads (the calling one included) and collects the first
/// error. `work` returns false with a message when it fails; the others then stop early.
class Crew
{
  public:
    explicit Crew(int threads) : m_threads(std::max(1, threads)) {}

    bool run(const std::function<bool(int worker, std::string &error)> &work, std::string &error)
    {
        std::vector<std::thread> extra;
        auto body = [&](int w) {
            std::string e;
            bool ok = false;
            try {
                ok = work(w, e);
            } catch (const std::exception &ex) {
                e = std::string("audit failed: ") + ex.what();
            }
            if (!ok) {
                m_failed = true;
                const std::lock_guard lock(m_mutex);
                if (m_error.empty()) m_error = e.empty() ? std::string("audit failed") : e;
            }
        };
        for (int w = 1; w < m_threads; ++w)
            extra.emplace_back(body, w);
        body(0);
        for (std::thread &t : extra)
            t.join();
        error = m_error;
        return !m_failed;
    }

    int size() const { return m_threads; }
    bool failed() const { return m_failed; }

  private:
    int m_threads;
    std::atomic<bool> m_failed{false};
    std::mutex m_mutex;
    std::string m_error;
};

/// A read-only connection of one worker.
bool openWorkerDb(const std::string &path, store::Database &db, std::string &error)
{
    if (!db.open(path, store::Database::Mode::ReadOnly)) {
        error = db.error();
        return false;
    }
    // One pass in id order needs few cached pages, and no memory mapping: a mapped scan of a
    // 1 GB store would count every page it read as the process's resident memory (the studio
    // keeps under 400 MB while it audits).
    db.exec("PRAGMA busy_timeout = 10000; PRAGMA query_only = 1; PRAGMA cache_size = -2048;");
    return true;
}

bool stepFailed(int rc, store::Database &db, std::string_view what, std::string &error)
{
    if (rc == SQLITE_ROW || rc == SQLITE_DONE) return false;
    error = std::string("cannot read ") + std::string(what) + " of " + db.path() + ": " +
            sqlite3_errmsg(db.handle());
    return true;
}

struct IdRange
{
    std::int64_t lo = 0, hi = -1; // inclusive
};

/// [lo, hi] cut into about `pieces` ranges of equal width.
std::vector<IdRange> cut(std::int64_t lo, std::int64_t hi, std::int64_t pieces)
{
    std::vector<IdRange> out;
    if (hi < lo) return out;
    const std::uint64_t width = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo);
    const std::uint64_t step = width / static_cast<std::uint64_t>(std::max<std::int64_t>(pieces, 1)) + 1;
    for (std::uint64_t start = 0; start <= width; start += step) {
        const std::uint64_t end = std::min(width, start + step - 1);
        out.push_back({lo + static_cast<std::int64_t>(start), lo + static_cast<std::int64_t>(end)});
        if (end == width) break;
    }
    return out;
}

/// True (and `error` says so) when the caller asked the audit to stop.
bool stopped(const std::function<bool()> &cancelled, std::string &error)
{
    if (!cancelled || !cancelled()) return false;
    error = std::string(kAuditCancelled);
    return true;
}

bool scanInteractions(const std::string &path, Crew &crew, const std::vector<IdRange> &ranges,
                      const std::array<std::int64_t, kColumns> &dictionarySizes,
                      const std::function<bool()> &cancelled, ScanTotals &totals, std::string &error)
{
    std::vector<ScanTotals> perWorker(static_cast<std::size_t>(crew.size()));
    std::atomic<std::size_t> next{0};
    const bool ok = crew.run(
        [&](int w, std::string &err) {
            ScanTotals &t = perWorker[static_cast<std::size_t>(w)];
            for (int c = 0; c < kColumns; ++c)
                t.columns[c].reserve(dictionarySizes[c]);
            store::Database db;
            if (!openWorkerDb(path, db, err)) return false;
            store::Statement st(db,
                                "SELECT id, url, title, referrer, chain, properties, distinct_id, consent "
                                "FROM interactions WHERE id >= ?1 AND id <= ?2");
            if (!st.valid()) {
                err = db.error();
                return false;
            }
            for (std::size_t i = next++; i < ranges.size() && !crew.failed(); i = next++) {
                if (stopped(cancelled, err)) return false;
                st.reset();
                st.bind(1, ranges[i].lo);
                st.bind(2, ranges[i].hi);
                int rc;
                while ((rc = st.step()) == SQLITE_ROW) {
                    const std::int64_t id = st.int64(0);
                    ++t.interactions;
                    t.minId = std::min(t.minId, id);
                    t.maxId = std::max(t.maxId, id);
                    t.columns[ColUrl].add(st.int64(1), id);
                    t.columns[ColTitle].add(st.int64(2), id);
                    t.columns[ColReferrer].add(st.int64(3), id);
                    t.columns[ColChain].add(st.int64(4), id);
                    t.columns[ColProperties].add(st.int64(5), id);
                    t.columns[ColDistinct].add(st.int64(6), id);
                    switch (st.int64(7)) {
                    case static_cast<int>(model::Consent::Unknown):
                        ++t.consent.unknown;
                        break;
                    case static_cast<int>(model::Consent::Granted):
                        ++t.consent.granted;
                        break;
                    case static_cast<int>(model::Consent::Denied):
                        ++t.consent.denied;
                        break;
                    default:
                        ++t.consent.other;
                    }
                }
                if (stepFailed(rc, db, "the interactions", err)) return false;
            }
            return true;
        },
        error);
    if (!ok) return false;
    totals = std::move(perWorker[0]);
    for (std::size_t w = 1; w < perWorker.size(); ++w)
        totals.merge(perWorker[w]);
    return true;
}

// ---- Phase 2: detection over the distinct values -----------------------------------------------

/// What detection found in one distinct value of a field (kept to count each value once).
struct ValueInfo
{
    std::uint32_t types = 0;
    std::uint32_t masked = 0; ///< index into FieldAcc::masked; only when types != 0
};

struct DetectorAcc
{
    std::int64_t interactions = 0;
    std::int64_t minId = kNoMin;
    std::int64_t maxId = kNoMax;
    std::string example;
    std::int64_t exampleWeight = -1;

    void offer(const std::string &masked, std::int64_t weight)
    {
        if (weight > exampleWeight || (weight == exampleWeight && masked < example)) {
            example = masked;
            exampleWeight = weight;
        }
    }
    void merge(const DetectorAcc &o)
    {
        interactions += o.interactions;
        minId = std::min(minId, o.minId);
        maxId = std::max(maxId, o.maxId);
        if (o.exampleWeight >= 0) offer(o.example, o.exampleWeight);
    }
};

struct FieldAcc
{
    bool selected = false;
    /// The distinct values seen so far (by content key), for fields whose values repeat across
    /// dictionary rows (a host in many URLs, a text in many chains).
    std::unordered_map<model::ContentKey, ValueInfo, model::ContentKeyHash> values;
    /// The masked form of the values with findings (most values have none, and hold no string).
    std::vector<std::string> masked;
    /// Values of a field whose dictionary rows are unique for it (distinct_id, title): each row
    /// is a distinct value of its own, so they are counted, not kept (addUnique()).
    std::int64_t uniqueValues = 0;
    std::int64_t interactions = 0;
    std::array<DetectorAcc, kAllDetectorTypes.size()> detectors;
    /// Values with a finding, per type: of `values`, and of the unique ones.
    std::array<std::int64_t, kAllDetectorTypes.size()> affected{}, uniqueAffected{};

    std::int64_t distinctValues() const { return static_cast<std::int64_t>(values.size()) + uniqueValues; }
    std::int64_t valuesAffected(std::size_t type) const { return affected[type] + uniqueAffected[type]; }

    /// Counts a new distinct value with the given detector bits in `into`.
    static void count(std::array<std::int64_t, kAllDetectorTypes.size()> &into, std::uint32_t types)
    {
        for (std::size_t t = 0; t < into.size(); ++t)
            if (types & (1u << t)) ++into[t];
    }

    /// Counts a value that is distinct by construction (see uniqueValues).
    void addUnique(std::uint32_t types)
    {
        ++uniqueValues;
        count(uniqueAffected, types);
    }

    /// Records a new distinct value (a repeated one is found in `values`).
    const ValueInfo &insert(const model::ContentKey &key, std::uint32_t types, std::string masked)
    {
        count(affected, types);
        ValueInfo info{types, 0};
        if (types) {
            info.masked = static_cast<std::uint32_t>(this->masked.size());
            this->masked.push_back(std::move(masked));
        }
        return values.emplace(key, info).first->second;
    }

    const std::string &maskedOf(const ValueInfo &info) const { return masked[info.masked]; }

    void merge(FieldAcc &o)
    {
        if (values.size() < o.values.size()) {
            std::swap(values, o.values);
            std::swap(masked, o.masked);
            std::swap(affected, o.affected);
        }
        for (auto &[key, info] : o.values)
            if (!values.count(key))
                insert(key, info.types, info.types ? std::move(o.masked[info.masked]) : std::string());
        uniqueValues += o.uniqueValues;
        for (std::size_t t = 0; t < uniqueAffected.size(); ++t)
            uniqueAffected[t] += o.uniqueAffected[t];
        interactions += o.interactions;
        for (std::size_t t = 0; t < detectors.size(); ++t)
            detectors[t].merge(o.detectors[t]);
    }
};

struct SensitiveAcc
{
    SensitiveMatch match;
    std::int64_t chains = 0;
    std::int64_t interactions = 0;
    std::int64_t withText = 0;
    std::int64_t minId = kNoMin;
    std::int64_t maxId = kNoMax;

    void merge(const SensitiveAcc &o)
    {
        chains += o.chains;
        interactions += o.interactions;
        withText += o.withText;
        minId = std::min(minId, o.minId);
        maxId = std::max(maxId, o.maxId);
    }
};

enum class Table { Urls, Texts, Chains, Properties, DistinctIds };

struct Task
{
    Table table;
    IdRange ids;
};

/// One worker's view of the dictionaries: fields found so far with their values and counts.
class DictionaryAuditor
{
  public:
    DictionaryAuditor(const FieldAuditOptions &options, const ScanTotals &totals)
        : m_options(options), m_totals(totals)
    {
    }

    bool run(store::Database &db, const Task &task, std::string &error)
    {
        static constexpr std::array<std::string_view, 5> kSql = {
            "SELECT id, url, host, path, query, hash FROM urls WHERE id >= ?1 AND id <= ?2",
            "SELECT id, value FROM texts WHERE id >= ?1 AND id <= ?2",
            "SELECT id, chain FROM chains WHERE id >= ?1 AND id <= ?2",
            "SELECT id, json FROM properties WHERE id >= ?1 AND id <= ?2",
            "SELECT id, distinct_id FROM distinct_ids WHERE id >= ?1 AND id <= ?2",
        };
        static constexpr std::array<std::string_view, 5> kWhat = {
            "the URLs", "the titles", "the element chains", "the properties", "the distinct ids"};
        const auto index = static_cast<std::size_t>(task.table);
        store::Statement &st = m_statements[index];
        if (!st.valid()) {
            st = store::Statement(db, kSql[index]);
            if (!st.valid()) {
                error = db.error();
                return false;
            }
        }
        st.reset();
        st.bind(1, task.ids.lo);
        st.bind(2, task.ids.hi);
        int rc;
        while ((rc = st.step()) == SQLITE_ROW) {
            const std::int64_t id = st.int64(0);
            switch (task.table) {
            case Table::Urls:
                url(id, st.text(1), st.text(2), st.text(3), st.text(4), st.text(5));
                break;
            case Table::Texts:
                if (const RowCount *r = m_totals.columns[ColTitle].find(id)) {
                    beginRow(*r);
                    // texts.value is UNIQUE, and titles are the only field read from it.
                    addUnique("title", st.text(1),
                              [&](std::string_view v) { return scanText(v, m_options.detect); });
                    endRow();
                }
                break;
            case Table::Chains:
                chain(id, st.text(1));
                break;
            case Table::Properties:
                properties(id, st.text(1));
                break;
            case Table::DistinctIds:
                if (const RowCount *r = m_totals.columns[ColDistinct].find(id)) {
                    beginRow(*r);
                    // distinct_ids.distinct_id is UNIQUE: hundreds of thousands of values on a
                    // large workspace, none of which needs remembering.
                    addUnique("distinct_id", st.text(1), [&](std::string_view v) {
                        return scanNamedValue("distinct_id", v, m_options.detect);
                    });
                    endRow();
                }
                break;
            }
        }
        return !stepFailed(rc, db, kWhat[index], error);
    }

    /// Finalizes the statements (before the worker's connection closes).
    void releaseStatements() { m_statements = {}; }

    std::unordered_map<std::string, FieldAcc> fields;
    std::unordered_map<std::string, SensitiveAcc> sensitive;

  private:
    const FieldAuditOptions &m_options;
    const ScanTotals &m_totals;
    std::array<store::Statement, 5> m_statements;
    std::unordered_map<std::string, std::string> m_safeNames;
    PropertyFlattener m_flattener;
    model::ElementChain m_chain;
    std::string m_name;

    const RowCount *m_row = nullptr;
    std::vector<std::pair<FieldAcc *, std::uint32_t>> m_touched; // field, detector bits in this row

    const std::string &safeName(std::string_view raw)
    {
        auto it = m_safeNames.find(std::string(raw));
        if (it == m_safeNames.end()) it = m_safeNames.emplace(std::string(raw), safeFieldName(raw)).first;
        return it->second;
    }

    FieldAcc *field(const std::string &name)
    {
        auto it = fields.find(name);
        if (it == fields.end()) {
            it = fields.emplace(name, FieldAcc{}).first;
            it->second.selected =
                m_options.fieldPattern.empty() || fieldMatchesPattern(m_options.fieldPattern, name);
        }
        return it->second.selected ? &it->second : nullptr;
    }

    void beginRow(const RowCount &row)
    {
        m_row = &row;
        m_touched.clear();
    }

    void endRow()
    {
        for (const auto &[f, bits] : m_touched) {
            f->interactions += m_row->count;
            for (std::size_t t = 0; t < f->detectors.size(); ++t) {
                if (!(bits & (1u << t))) continue;
                DetectorAcc &d = f->detectors[t];
                d.interactions += m_row->count;
                d.minId = std::min(d.minId, m_row->minId);
                d.maxId = std::max(d.maxId, m_row->maxId);
            }
        }
        m_touched.clear();
        m_row = nullptr;
    }

    /// One value of a field in the current row; `scan` runs once per distinct value and field.
    template <typename Scan> void add(const std::string &name, std::string_view value, const Scan &scan)
    {
        if (value.empty()) return;
        FieldAcc *f = field(name);
        if (!f) return;
        const model::ContentKey key = model::contentKey(value);
        const auto it = f->values.find(key);
        const ValueInfo *found = it == f->values.end() ? nullptr : &it->second;
        if (!found) {
            ScannedValue s = scan(value);
            found = &f->insert(key, s.types, std::move(s.masked));
        }
        const ValueInfo &info = *found;
        touch(*f, info.types);
        if (info.types) offer(*f, info.types, f->maskedOf(info));
    }

    /// The value of a field in the current row when the rows of its dictionary are unique for it
    /// (the table's UNIQUE column holds exactly the field's value): no other row holds it, so it
    /// is a new distinct value that needs no entry in FieldAcc::values. One per row and field.
    template <typename Scan> void addUnique(const std::string &name, std::string_view value, const Scan &scan)
    {
        if (value.empty()) return;
        FieldAcc *f = field(name);
        if (!f) return;
        const ScannedValue s = scan(value);
        f->addUnique(s.types);
        touch(*f, s.types);
        if (s.types) offer(*f, s.types, s.masked);
    }

    /// Notes that field `f` has a value (with these detector bits) in the current row.
    void touch(FieldAcc &f, std::uint32_t types)
    {
        auto touched =
            std::find_if(m_touched.begin(), m_touched.end(), [&](const auto &p) { return p.first == &f; });
        if (touched == m_touched.end())
            m_touched.emplace_back(&f, types);
        else
            touched->second |= types;
    }

    /// Offers a value of the current row as the example of each detector type it has findings of.
    void offer(FieldAcc &f, std::uint32_t types, const std::string &masked)
    {
        for (std::size_t t = 0; t < f.detectors.size(); ++t)
            if (types & (1u << t)) f.detectors[t].offer(masked, m_row->count);
    }

    void queryParams(std::string_view prefix, std::string_view query)
    {
        if (query.empty()) return;
        for (const auto &[name, value] : splitQuery(query)) {
            m_name.assign(prefix);
            m_name += safeName(name);
            add(m_name, value, [&](std::string_view v) { return scanNamedValue(name, v, m_options.detect); });
        }
    }

    void url(std::int64_t id, std::string_view url, std::string_view host, std::string_view path,
             std::string_view query, std::string_view hash)
    {
        const DetectOptions &o = m_options.detect;
        if (const RowCount *r = m_totals.columns[ColUrl].find(id)) {
            beginRow(*r);
            add("url.host", host, [&](std::string_view v) { return scanText(v, o); });
            add("url.path", path, [&](std::string_view v) { return scanPath(v, o); });
            queryParams("url.query.", query);
            add("url.hash", hash, [&](std::string_view v) { return scanHash(v, o); });
            endRow();
        }
        if (const RowCount *r = m_totals.columns[ColReferrer].find(id)) {
            beginRow(*r);
            // The referrer without its query string (whose parameters are fields of their own).
            std::string value(url);
            const std::size_t hashAt = value.find('#');
            const std::size_t queryAt = value.find('?');
            if (queryAt != std::string::npos && (hashAt == std::string::npos || queryAt < hashAt))
                value.erase(queryAt, hashAt == std::string::npos ? std::string::npos : hashAt - queryAt);
            add("referrer", value, [&](std::string_view v) { return scanUrl(v, false, o); });
            queryParams("referrer.query.", query);
            endRow();
        }
    }

    void chain(std::int64_t id, std::string_view text)
    {
        const RowCount *r = m_totals.columns[ColChain].find(id);
        if (!r || !capture::parseElementsChain(text, m_chain)) return;
        const DetectOptions &o = m_options.detect;
        beginRow(*r);
        std::vector<std::string> sensitiveHere;
        for (const model::Element &e : m_chain) {
            add("element.text", e.text, [&](std::string_view v) { return scanText(v, o); });
            add("element.href", e.href, [&](std::string_view v) { return scanUrl(v, true, o); });
            add("element.attr.id", e.id, [&](std::string_view v) { return scanNamedValue("id", v, o); });
            bool classAttribute = false;
            for (const auto &[name, value] : e.attributes) {
                if ((name == "id" && value == e.id) || (name == "href" && value == e.href)) continue;
                classAttribute = classAttribute || name == "class";
                m_name = "element.attr.";
                m_name += safeName(name);
                add(m_name, value, [&](std::string_view v) { return scanNamedValue(name, v, o); });
            }
            if (!classAttribute && !e.classes.empty()) {
                std::string joined;
                for (const std::string &c : e.classes)
                    joined += (joined.empty() ? "" : " ") + c;
                add("element.attr.class", joined,
                    [&](std::string_view v) { return scanNamedValue("class", v, o); });
            }

            if (auto match = classifySensitiveElement(e)) {
                std::string key = describeElement(e);
                if (std::find(sensitiveHere.begin(), sensitiveHere.end(), key) != sensitiveHere.end())
                    continue;
                SensitiveAcc &acc = sensitive[key];
                acc.match = std::move(*match);
                acc.chains += 1;
                acc.interactions += r->count;
                const std::string *value = e.attribute("value");
                if (!e.text.empty() || (value && !value->empty())) acc.withText += r->count;
                acc.minId = std::min(acc.minId, r->minId);
                acc.maxId = std::max(acc.maxId, r->maxId);
                sensitiveHere.push_back(std::move(key));
            }
        }
        endRow();
    }

    void properties(std::int64_t id, std::string_view json)
    {
        const RowCount *r = m_totals.columns[ColProperties].find(id);
        if (!r) return;
        beginRow(*r);
        m_flattener.flatten(json, [&](std::string_view path, std::string_view key, std::string_view value) {
            std::string name = "properties.";
            name += safeName(path);
            add(name, value, [&](std::string_view v) { return scanNamedValue(key, v, m_options.detect); });
        });
        endRow();
    }
};

std::int64_t maxIdOf(store::Database &db, std::string_view table)
{
    return db.scalar("SELECT coalesce(max(id), 0) FROM " + std::string(table));
}

} // namespace

Severity severityOf(DetectorType type)
{
    switch (type) {
    case DetectorType::CreditCard:
    case DetectorType::UsSsn:
    case DetectorType::Iban:
    case DetectorType::Jwt:
    case DetectorType::Secret:
        return Severity::High;
    case DetectorType::Email:
    case DetectorType::Phone:
        return Severity::Medium;
    case DetectorType::IpAddress:
        return Severity::Low;
    }
    return Severity::Medium;
}

std::string_view toString(Severity severity)
{
    switch (severity) {
    case Severity::High:
        return "high";
    case Severity::Medium:
        return "medium";
    case Severity::Low:
        return "low";
    }
    return "medium";
}

std::int64_t FieldAuditReport::findingCount() const
{
    std::int64_t n = 0;
    for (const FieldReport &f : fields)
        n += static_cast<std::int64_t>(f.findings.size());
    return n;
}

bool FieldAuditReport::hasFindings() const
{
    return findingCount() > 0 || std::any_of(sensitiveElements.begin(), sensitiveElements.end(),
                                             [](const SensitiveElement &e) { return e.textCaptured(); });
}

bool fieldMatchesPattern(std::string_view pattern, std::string_view field)
{
    // Iterative glob with backtracking to the last '*': linear in practice, no recursion.
    std::size_t p = 0, f = 0, starP = std::string_view::npos, starF = 0;
    while (f < field.size()) {
        if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == field[f])) {
            ++p;
            ++f;
        } else if (p < pattern.size() && pattern[p] == '*') {
            starP = p++;
            starF = f;
        } else if (starP != std::string_view::npos) {
            p = starP + 1;
            f = ++starF;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*')
        ++p;
    return p == pattern.size();
}

std::optional<FieldAuditReport> auditFields(store::Store &store, const FieldAuditOptions &options,
                                            std::string *error)
{
    auto fail = [&](const std::string &message) -> std::optional<FieldAuditReport> {
        if (error) *error = message;
        return std::nullopt;
    };
    store::Database &db = store.db();
    int threads = options.threads;
    if (threads <= 0) threads = static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 8u));

    // Sizes of the dictionaries (their ids are dense) and the id range of the interactions.
    bool ok = true;
    std::array<std::int64_t, kColumns> sizes{};
    const std::int64_t urls = maxIdOf(db, "urls");
    const std::int64_t texts = maxIdOf(db, "texts");
    const std::int64_t chains = maxIdOf(db, "chains");
    const std::int64_t properties = maxIdOf(db, "properties");
    const std::int64_t distinctIds = maxIdOf(db, "distinct_ids");
    sizes[ColUrl] = sizes[ColReferrer] = urls;
    sizes[ColTitle] = texts;
    sizes[ColChain] = chains;
    sizes[ColProperties] = properties;
    sizes[ColDistinct] = distinctIds;
    const std::int64_t minId = db.scalar("SELECT coalesce(min(id), 0) FROM interactions", &ok);
    if (!ok) return fail("cannot read " + store.path() + ": " + db.error());
    const std::int64_t maxId = db.scalar("SELECT coalesce(max(id), -1) FROM interactions", &ok);
    if (!ok) return fail("cannot read " + store.path() + ": " + db.error());

    Crew scanCrew(threads);
    ScanTotals totals;
    std::string message;
    if (!scanInteractions(store.path(), scanCrew, cut(minId, maxId, static_cast<std::int64_t>(threads) * 16),
                          sizes, options.cancelled, totals, message))
        return fail(message);

    // Detection over the distinct values, cut into tasks the workers share.
    std::vector<Task> tasks;
    auto addTasks = [&](Table table, std::int64_t size, std::int64_t pieces) {
        for (const IdRange &r : cut(1, size, pieces))
            tasks.push_back({table, r});
    };
    const std::int64_t pieces = static_cast<std::int64_t>(threads) * 8;
    addTasks(Table::Chains, chains, pieces);
    addTasks(Table::Urls, urls, pieces);
    addTasks(Table::Properties, properties, pieces);
    addTasks(Table::DistinctIds, distinctIds, pieces);
    addTasks(Table::Texts, texts, pieces);
    // Rows added while the audit runs have ids past these ranges; the scan above may have
    // counted interactions referring to them (in the overflow), so read them too.
    for (Table t : {Table::Chains, Table::Urls, Table::Properties, Table::DistinctIds, Table::Texts}) {
        const std::int64_t size = t == Table::Chains        ? chains
                                  : t == Table::Urls        ? urls
                                  : t == Table::Properties  ? properties
                                  : t == Table::DistinctIds ? distinctIds
                                                            : texts;
        tasks.push_back({t, {size + 1, std::numeric_limits<std::int64_t>::max()}});
    }

    Crew detectCrew(threads);
    std::vector<std::unique_ptr<DictionaryAuditor>> auditors;
    for (int w = 0; w < detectCrew.size(); ++w)
        auditors.push_back(std::make_unique<DictionaryAuditor>(options, totals));
    std::atomic<std::size_t> next{0};
    const bool detected = detectCrew.run(
        [&](int w, std::string &err) {
            store::Database wdb;
            if (!openWorkerDb(store.path(), wdb, err)) return false;
            DictionaryAuditor &a = *auditors[static_cast<std::size_t>(w)];
            struct Release
            {
                DictionaryAuditor &auditor;
                ~Release() { auditor.releaseStatements(); }
            } release{a};
            for (std::size_t i = next++; i < tasks.size() && !detectCrew.failed(); i = next++)
                if (stopped(options.cancelled, err) || !a.run(wdb, tasks[i], err)) return false;
            return true;
        },
        message);
    if (!detected) return fail(message);

    // Merge what the workers found.
    DictionaryAuditor &all = *auditors[0];
    for (std::size_t w = 1; w < auditors.size(); ++w) {
        for (auto &[name, acc] : auditors[w]->fields) {
            auto [it, inserted] = all.fields.try_emplace(name);
            if (inserted) it->second.selected = acc.selected;
            it->second.merge(acc);
        }
        for (auto &[key, acc] : auditors[w]->sensitive) {
            auto [it, inserted] = all.sensitive.try_emplace(key);
            if (inserted) it->second.match = acc.match;
            it->second.merge(acc);
        }
    }

    FieldAuditReport report;
    report.interactions = totals.interactions;
    if (totals.interactions > 0) {
        report.firstMs = store::timestampOfId(totals.minId);
        report.lastMs = store::timestampOfId(totals.maxId);
    }
    report.consent = totals.consent;
    for (auto &[name, acc] : all.fields) {
        if (!acc.selected || acc.distinctValues() == 0) continue;
        FieldReport f;
        f.field = name;
        f.distinctValues = acc.distinctValues();
        f.interactions = acc.interactions;
        for (std::size_t t = 0; t < kAllDetectorTypes.size(); ++t) {
            const std::int64_t affected = acc.valuesAffected(t);
            if (affected == 0) continue;
            const DetectorAcc &d = acc.detectors[t];
            DetectorFinding finding;
            finding.type = kAllDetectorTypes[t];
            finding.valuesAffected = affected;
            finding.interactionsAffected = d.interactions;
            finding.firstSeenMs = store::timestampOfId(d.minId);
            finding.lastSeenMs = store::timestampOfId(d.maxId);
            finding.example = d.example;
            f.findings.push_back(std::move(finding));
        }
        report.fields.push_back(std::move(f));
    }
    std::sort(report.fields.begin(), report.fields.end(),
              [](const FieldReport &a, const FieldReport &b) { return a.field < b.field; });

    for (auto &[key, acc] : all.sensitive) {
        SensitiveElement e;
        e.kind = acc.match.kind;
        e.element = key;
        e.reasons = acc.match.reasons;
        e.chains = acc.chains;
        e.interactions = acc.interactions;
        e.interactionsWithText = acc.withText;
        e.firstSeenMs = store::timestampOfId(acc.minId);
        e.lastSeenMs = store::timestampOfId(acc.maxId);
        report.sensitiveElements.push_back(std::move(e));
    }
    std::sort(report.sensitiveElements.begin(), report.sensitiveElements.end(),
              [](const SensitiveElement &a, const SensitiveElement &b) {
                  if (a.kind != b.kind) return a.kind < b.kind;
                  if (a.interactions != b.interactions) return a.interactions > b.interactions;
                  return a.element < b.element;
              });
    return report;
}

} // namespace hindsight::privacy
