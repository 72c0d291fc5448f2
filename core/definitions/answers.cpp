#include "core/definitions/answers.h"

#include "core/store/store.h"

#include <QDateTime>
#include <QTimeZone>
#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <initializer_list>
#include <thread>
#include <unordered_map>

namespace hindsight::definitions {

namespace {

constexpr std::size_t kBlock = 4096;
/// Below this many rows a second thread costs more than it saves.
constexpr std::size_t kParallelRows = 1u << 18;
constexpr std::size_t kMaxBuckets = 1'000'000;

/// Runs work(0, begin, mid) and work(1, mid, end), on two threads when the range is large.
template <typename Work> void splitInTwo(std::size_t begin, std::size_t end, const Work &work)
{
    const std::size_t mid = begin + (end - begin) / 2;
    if (end - begin >= kParallelRows) {
        try {
            std::thread second([&] { work(1, mid, end); });
            work(0, begin, mid);
            second.join();
            return;
        } catch (const std::system_error &) {
            // No thread to be had: do it all here.
        }
    }
    work(0, begin, mid);
    work(1, mid, end);
}

/// Calls visit(row) for every matching row of [begin, end), in row order. Matching rows are
/// sparse, so the columns visit() reads (`prefetch`, may be empty) are fetched ahead for a whole
/// block of rows: their cache misses overlap instead of following one another.
template <typename Visit>
void forEachMatch(const CompiledDefinition &def, std::size_t begin, std::size_t end, const Visit &visit,
                  std::initializer_list<const std::uint32_t *> prefetch = {})
{
    std::array<std::uint8_t, kBlock> flags;
    std::array<std::uint32_t, kBlock> rows;
    for (std::size_t b = begin; b < end; b += kBlock) {
        const std::size_t e = std::min(end, b + kBlock);
        def.matchRows(b, e, flags.data());
        const std::size_t n = e - b;
        std::size_t found = 0;
        for (std::size_t i = 0; i < n; i += 8) {
            // Flags are 0 or 1: one bit per set byte; skip eight rows at a time.
            std::uint64_t word = 0;
            std::memcpy(&word, flags.data() + i, std::min<std::size_t>(8, n - i));
            while (word) {
                rows[found++] =
                    static_cast<std::uint32_t>(i + static_cast<std::size_t>(__builtin_ctzll(word) / 8));
                word &= word - 1;
            }
        }
        for (const std::uint32_t *column : prefetch)
            for (std::size_t k = 0; k < found; ++k)
                __builtin_prefetch(column + b + rows[k]);
        for (std::size_t k = 0; k < found; ++k)
            visit(b + rows[k]);
    }
}

struct Bitmap
{
    explicit Bitmap(std::size_t bits) : words((bits + 63) / 64, 0) {}
    void set(std::uint32_t bit) { words[bit >> 6] |= std::uint64_t(1) << (bit & 63); }
    std::int64_t count() const
    {
        std::int64_t n = 0;
        for (const std::uint64_t w : words)
            n += std::popcount(w);
        return n;
    }
    std::vector<std::uint64_t> words;
};

bool sortRows(const BreakdownRow &a, const BreakdownRow &b)
{
    if (a.count != b.count) return a.count > b.count;
    if (a.missing != b.missing) return !a.missing;
    return a.value < b.value;
}

std::vector<BreakdownRow> finish(std::unordered_map<std::string, std::int64_t> &counts, std::int64_t missing,
                                 std::size_t limit)
{
    std::vector<BreakdownRow> rows;
    rows.reserve(counts.size() + 1);
    for (auto &[value, count] : counts)
        rows.push_back({value, false, count});
    if (missing > 0) rows.push_back({std::string(), true, missing});
    std::sort(rows.begin(), rows.end(), sortRows);
    if (limit > 0 && rows.size() > limit) rows.resize(limit);
    return rows;
}

/// Bucket boundaries in a time zone.
class Buckets
{
  public:
    Buckets(const QTimeZone &zone, Granularity g) : m_zone(zone), m_g(g) {}

    /// Start of the unit that holds `ms`.
    std::int64_t floor(std::int64_t ms) const
    {
        if (m_g == Granularity::Hour) {
            const std::int64_t offsetMs = std::int64_t(offsetSeconds(ms)) * 1000;
            const std::int64_t local = ms + offsetMs;
            const std::int64_t rem = ((local % 3'600'000) + 3'600'000) % 3'600'000;
            return ms - rem;
        }
        QDate date = QDateTime::fromMSecsSinceEpoch(ms, m_zone).date();
        if (m_g == Granularity::Week)
            date = date.addDays(1 - date.dayOfWeek());
        else if (m_g == Granularity::Month)
            date = QDate(date.year(), date.month(), 1);
        return startOf(date);
    }

    /// Start of the unit after the one starting at `start`.
    std::int64_t next(std::int64_t start) const
    {
        if (m_g == Granularity::Hour) {
            const std::int64_t n = floor(start + 3'600'000);
            return n > start ? n : start + 3'600'000;
        }
        const QDate date = QDateTime::fromMSecsSinceEpoch(start, m_zone).date();
        QDate following;
        switch (m_g) {
        case Granularity::Day:
            following = date.addDays(1);
            break;
        case Granularity::Week:
            following = date.addDays(7);
            break;
        default:
            following = date.addMonths(1);
            break;
        }
        const std::int64_t n = startOf(following);
        return n > start ? n : start + 3'600'000;
    }

  private:
    int offsetSeconds(std::int64_t ms) const
    {
        return m_zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()));
    }
    std::int64_t startOf(QDate date) const { return date.startOfDay(m_zone).toMSecsSinceEpoch(); }

    QTimeZone m_zone;
    Granularity m_g;
};

std::int64_t unitMs(Granularity g)
{
    switch (g) {
    case Granularity::Hour:
        return 3'600'000;
    case Granularity::Day:
        return 86'400'000;
    case Granularity::Week:
        return 7 * 86'400'000LL;
    case Granularity::Month:
        return 28 * 86'400'000LL;
    }
    return 86'400'000;
}

} // namespace

std::pair<std::size_t, std::size_t> rowRange(const InteractionIndex &index, const TimeRange &range)
{
    const std::size_t first = range.fromMs ? index.firstRowAtOrAfter(*range.fromMs) : 0;
    const std::size_t last = range.toMs ? index.firstRowAtOrAfter(*range.toMs) : index.size();
    return {first, std::max(first, last)};
}

Totals totals(const InteractionIndex &index, const CompiledDefinition &def, const TimeRange &range)
{
    const auto [begin, end] = rowRange(index, range);
    const std::uint32_t *distinct = index.distinctIds().data();
    const std::uint32_t *sessions = index.sessions().data();
    const std::vector<std::uint32_t> &personOf = index.dictionaries().personOf;
    const std::size_t peopleBits = index.dictionaries().distinctIds.size();
    const std::size_t sessionBits = index.sessionCount();
    std::array<std::int64_t, 2> counts = {0, 0};
    // The scan marks distinct ids; they become people afterwards, once per distinct id (in
    // order, so personOf is read sequentially rather than once per matching row).
    std::array<Bitmap, 2> distinctSets = {Bitmap(peopleBits), Bitmap(peopleBits)};
    std::array<Bitmap, 2> sessionSets = {Bitmap(sessionBits), Bitmap(sessionBits)};
    splitInTwo(begin, end, [&](int part, std::size_t b, std::size_t e) {
        std::int64_t n = 0;
        Bitmap &p = distinctSets[part];
        Bitmap &s = sessionSets[part];
        forEachMatch(def, b, e,
                     [&](std::size_t row) {
                         ++n;
                         p.set(distinct[row]);
                         s.set(sessions[row]);
                     },
                     {distinct, sessions});
        counts[part] = n;
    });
    Bitmap people(peopleBits);
    for (std::size_t w = 0; w < distinctSets[0].words.size(); ++w) {
        std::uint64_t word = distinctSets[0].words[w] | distinctSets[1].words[w];
        while (word) {
            const std::size_t id = w * 64 + static_cast<std::size_t>(__builtin_ctzll(word));
            word &= word - 1;
            people.set(personOf[id]);
        }
    }
    for (std::size_t w = 0; w < sessionSets[0].words.size(); ++w)
        sessionSets[0].words[w] |= sessionSets[1].words[w];
    // Index 0 is "none" (no session, unknown person): not counted.
    if (!people.words.empty()) people.words[0] &= ~std::uint64_t(1);
    if (!sessionSets[0].words.empty()) sessionSets[0].words[0] &= ~std::uint64_t(1);
    Totals t;
    t.count = counts[0] + counts[1];
    t.people = people.count();
    t.sessions = sessionSets[0].count();
    return t;
}

std::optional<Granularity> granularityFromName(std::string_view name)
{
    if (name == "hour") return Granularity::Hour;
    if (name == "day") return Granularity::Day;
    if (name == "week") return Granularity::Week;
    if (name == "month") return Granularity::Month;
    return std::nullopt;
}

std::string_view granularityName(Granularity granularity)
{
    switch (granularity) {
    case Granularity::Hour:
        return "hour";
    case Granularity::Day:
        return "day";
    case Granularity::Week:
        return "week";
    case Granularity::Month:
        return "month";
    }
    return "day";
}

std::optional<std::vector<SeriesPoint>> series(const InteractionIndex &index, const CompiledDefinition &def,
                                               Granularity granularity, const TimeRange &range,
                                               std::string_view timeZone, std::string *error)
{
    QTimeZone zone = QTimeZone::utc();
    if (!timeZone.empty()) {
        zone = QTimeZone(QByteArray(timeZone.data(), static_cast<qsizetype>(timeZone.size())));
        if (!zone.isValid()) {
            if (error)
                *error = "unknown time zone '" + std::string(timeZone) +
                         "' (use an IANA name such as Europe/Berlin, or leave it out for UTC)";
            return std::nullopt;
        }
    }
    std::vector<SeriesPoint> points;
    if (index.size() == 0 && (!range.fromMs || !range.toMs)) return points;
    const std::int64_t from = range.fromMs ? *range.fromMs : index.timestampMs(0);
    const std::int64_t to = range.toMs ? *range.toMs : index.timestampMs(index.size() - 1) + 1;
    if (from >= to) return points;
    if (to - from > static_cast<std::int64_t>(kMaxBuckets) * unitMs(granularity) ||
        from <= -store::kMaxTimestampMs || to > store::kMaxTimestampMs) {
        if (error)
            *error =
                "the time range is too long for " + std::string(granularityName(granularity)) + " buckets";
        return std::nullopt;
    }

    // Bucket boundaries once, then the rows of each bucket by binary search (rows are in time
    // order).
    const Buckets buckets(zone, granularity);
    std::vector<std::int64_t> starts;
    for (std::int64_t s = buckets.floor(from); s < to; s = buckets.next(s)) {
        starts.push_back(s);
        if (starts.size() > kMaxBuckets) {
            if (error) *error = "the time range holds more than a million buckets";
            return std::nullopt;
        }
    }
    std::vector<std::size_t> rowBounds(starts.size() + 1);
    for (std::size_t i = 0; i < starts.size(); ++i)
        rowBounds[i] = index.firstRowAtOrAfter(std::max(starts[i], from));
    rowBounds[starts.size()] = index.firstRowAtOrAfter(to);
    points.resize(starts.size());
    for (std::size_t i = 0; i < starts.size(); ++i)
        points[i].startMs = starts[i];

    // Two halves by rows; a bucket that straddles the middle is counted in parts.
    const auto [begin, end] = std::pair{rowBounds.front(), rowBounds.back()};
    std::array<std::vector<std::int64_t>, 2> partCounts = {std::vector<std::int64_t>(starts.size(), 0),
                                                           std::vector<std::int64_t>(starts.size(), 0)};
    splitInTwo(begin, end, [&](int part, std::size_t b, std::size_t e) {
        auto &counts = partCounts[part];
        // First bucket that ends after b.
        std::size_t bucket = static_cast<std::size_t>(
            std::upper_bound(rowBounds.begin() + 1, rowBounds.end(), b) - (rowBounds.begin() + 1));
        std::size_t row = b;
        while (row < e && bucket < starts.size()) {
            const std::size_t stop = std::min(e, rowBounds[bucket + 1]);
            counts[bucket] += static_cast<std::int64_t>(def.countRows(row, stop));
            row = stop;
            ++bucket;
        }
    });
    for (std::size_t i = 0; i < points.size(); ++i)
        points[i].count = partCounts[0][i] + partCounts[1][i];
    return points;
}

std::vector<BreakdownRow> breakdown(const InteractionIndex &index, const CompiledDefinition &def,
                                    BreakdownKind kind, std::string_view propertyKey, const TimeRange &range,
                                    std::size_t limit)
{
    const auto [begin, end] = rowRange(index, range);
    const IndexDictionaries &d = index.dictionaries();
    std::unordered_map<std::string, std::int64_t> counts;
    std::int64_t missing = 0;

    if (kind == BreakdownKind::Path || kind == BreakdownKind::Property) {
        // Count per dictionary entry first, then turn entries into values.
        const bool byUrl = kind == BreakdownKind::Path;
        const std::uint32_t *column = byUrl ? index.shapes().data() : index.properties().data();
        const IndexShape *shapes = index.shapeDictionary().data();
        const std::size_t entries = byUrl ? d.urls.size() : d.propertyJson.size();
        std::array<std::vector<std::int64_t>, 2> perEntry = {std::vector<std::int64_t>(entries, 0),
                                                             std::vector<std::int64_t>(entries, 0)};
        splitInTwo(begin, end, [&](int part, std::size_t b, std::size_t e) {
            auto &c = perEntry[part];
            if (byUrl)
                forEachMatch(def, b, e, [&](std::size_t row) { ++c[shapes[column[row]].url]; }, {column});
            else
                forEachMatch(def, b, e, [&](std::size_t row) { ++c[column[row]]; }, {column});
        });
        PropertyValues values;
        for (std::size_t entry = 0; entry < entries; ++entry) {
            const std::int64_t n = perEntry[0][entry] + perEntry[1][entry];
            if (n == 0) continue;
            if (kind == BreakdownKind::Path) {
                if (entry == 0)
                    missing += n;
                else
                    counts[d.urls[entry].path] += n;
            } else {
                parsePropertyValues(d.propertyJson[entry], values);
                if (const std::string *v = findPropertyValue(values, propertyKey))
                    counts[*v] += n;
                else
                    missing += n;
            }
        }
        return finish(counts, missing, limit);
    }

    // Text: per (chain, first matching step), then the satisfying element's text.
    const std::size_t chains = d.chains.size();
    const std::size_t steps = def.stepCount();
    const std::uint32_t *shapeColumn = index.shapes().data();
    const IndexShape *shapes = index.shapeDictionary().data();
    std::array<std::vector<std::int64_t>, 2> perKey = {std::vector<std::int64_t>(chains * steps, 0),
                                                       std::vector<std::int64_t>(chains * steps, 0)};
    splitInTwo(begin, end, [&](int part, std::size_t b, std::size_t e) {
        auto &c = perKey[part];
        forEachMatch(def, b, e, [&](std::size_t row) {
            const int step = def.firstMatchingStep(row);
            if (step >= 0) ++c[static_cast<std::size_t>(step) * chains + shapes[shapeColumn[row]].chain];
        });
    });
    for (std::size_t step = 0; step < steps; ++step) {
        for (std::size_t chain = 0; chain < chains; ++chain) {
            const std::int64_t n = perKey[0][step * chains + chain] + perKey[1][step * chains + chain];
            if (n == 0) continue;
            const int at = std::max(
                0, def.elementIndexInChain(static_cast<int>(step), static_cast<std::uint32_t>(chain)));
            // The satisfying element's own text; when it has none (a button whose label is in an
            // inner <span>), the nearest text below it in the chain, towards the target.
            const model::ElementChain &c = d.chains[chain];
            const std::string *text = nullptr;
            for (std::size_t k = std::min(static_cast<std::size_t>(at) + 1, c.size()); k-- > 0 && !text;)
                if (!c[k].text.empty()) text = &c[k].text;
            if (text)
                counts[*text] += n;
            else
                missing += n;
        }
    }
    return finish(counts, missing, limit);
}

std::vector<std::int64_t> matchingIds(const InteractionIndex &index, const CompiledDefinition &def,
                                      const TimeRange &range, std::size_t offset, std::size_t limit)
{
    const auto [begin, end] = rowRange(index, range);
    std::vector<std::int64_t> ids;
    const std::int64_t *idColumn = index.ids().data();
    std::array<std::uint8_t, kBlock> flags;
    std::size_t skipped = 0;
    for (std::size_t e = end; e > begin;) {
        const std::size_t b = e - std::min(e - begin, kBlock);
        def.matchRows(b, e, flags.data());
        for (std::size_t i = e - b; i-- > 0;) {
            if (!flags[i]) continue;
            if (skipped < offset) {
                ++skipped;
                continue;
            }
            ids.push_back(idColumn[b + i]);
            if (limit > 0 && ids.size() >= limit) return ids;
        }
        e = b;
    }
    return ids;
}

} // namespace hindsight::definitions
