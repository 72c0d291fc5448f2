#include "core/definitions/measuredseries.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <system_error>
#include <thread>

namespace hindsight::definitions {

namespace {

constexpr std::size_t kBlock = 4096;
/// Below this many rows a second thread costs more than it saves.
constexpr std::size_t kParallelRows = 1u << 18;

/// Counts, for the buckets [firstBucket, lastBucket), the distinct non-zero keys of the matching
/// rows. `stamp` (one entry per key, all below `lastBucket + 1` on entry) remembers the last
/// bucket (plus one) each key was counted in, so nothing is cleared between buckets.
void countDistinct(const CompiledDefinition &def, const std::vector<std::size_t> &rowBounds,
                   std::size_t firstBucket, std::size_t lastBucket, const auto &keyOf,
                   std::vector<std::uint32_t> &stamp, std::vector<SeriesPoint> &points)
{
    std::array<std::uint8_t, kBlock> flags;
    for (std::size_t bucket = firstBucket; bucket < lastBucket; ++bucket) {
        const auto mark = static_cast<std::uint32_t>(bucket + 1);
        std::int64_t distinct = 0;
        const std::size_t end = rowBounds[bucket + 1];
        for (std::size_t b = rowBounds[bucket]; b < end; b += kBlock) {
            const std::size_t e = std::min(end, b + kBlock);
            def.matchRows(b, e, flags.data());
            for (std::size_t i = 0; i < e - b; ++i) {
                if (!flags[i]) continue;
                const std::uint32_t key = keyOf(b + i);
                if (key == 0 || stamp[key] == mark) continue;
                stamp[key] = mark;
                ++distinct;
            }
        }
        points[bucket].count = distinct;
    }
}

} // namespace

std::optional<SeriesMeasure> seriesMeasureFromName(std::string_view name)
{
    if (name == "interactions") return SeriesMeasure::Interactions;
    if (name == "people") return SeriesMeasure::People;
    if (name == "sessions") return SeriesMeasure::Sessions;
    return std::nullopt;
}

std::string_view seriesMeasureName(SeriesMeasure measure)
{
    switch (measure) {
    case SeriesMeasure::Interactions:
        return "interactions";
    case SeriesMeasure::People:
        return "people";
    case SeriesMeasure::Sessions:
        return "sessions";
    }
    return "interactions";
}

std::optional<std::vector<SeriesPoint>> measuredSeries(const InteractionIndex &index,
                                                       const CompiledDefinition &def, SeriesMeasure measure,
                                                       Granularity granularity, const TimeRange &range,
                                                       std::string_view timeZone, std::string *error)
{
    // series() decides the buckets (and refuses what it refuses); its counts are the
    // Interactions measure.
    std::optional<std::vector<SeriesPoint>> points = series(index, def, granularity, range, timeZone, error);
    if (!points || measure == SeriesMeasure::Interactions || points->empty()) return points;

    // The same row bounds as series(): a bucket's rows start at max(bucket start, from); the
    // last bucket ends at `to`.
    const std::int64_t from = range.fromMs ? *range.fromMs : index.timestampMs(0);
    const std::int64_t to = range.toMs ? *range.toMs : index.timestampMs(index.size() - 1) + 1;
    const std::size_t buckets = points->size();
    std::vector<std::size_t> rowBounds(buckets + 1);
    for (std::size_t i = 0; i < buckets; ++i)
        rowBounds[i] = index.firstRowAtOrAfter(std::max((*points)[i].startMs, from));
    rowBounds[buckets] = index.firstRowAtOrAfter(to);
    for (std::size_t i = 1; i <= buckets; ++i)
        rowBounds[i] = std::max(rowBounds[i], rowBounds[i - 1]);

    const std::span<const std::uint32_t> distinctIds = index.distinctIds();
    const std::span<const std::uint32_t> sessions = index.sessions();
    const std::vector<std::uint32_t> &personOf = index.dictionaries().personOf;
    const std::size_t keys =
        measure == SeriesMeasure::People ? index.dictionaries().distinctIds.size() : index.sessionCount();
    auto personKey = [&](std::size_t row) -> std::uint32_t {
        const std::uint32_t id = distinctIds[row];
        return id < personOf.size() ? personOf[id] : id;
    };
    auto sessionKey = [&](std::size_t row) -> std::uint32_t { return sessions[row]; };

    // Two halves by buckets (a bucket's distinct keys cannot be split), each with its own stamps.
    const std::size_t midRow = rowBounds.front() + (rowBounds.back() - rowBounds.front()) / 2;
    const std::size_t midBucket = static_cast<std::size_t>(
        std::lower_bound(rowBounds.begin(), rowBounds.end() - 1, midRow) - rowBounds.begin());
    auto work = [&](std::size_t firstBucket, std::size_t lastBucket) {
        std::vector<std::uint32_t> stamp(std::max<std::size_t>(keys, 1), 0);
        if (measure == SeriesMeasure::People)
            countDistinct(def, rowBounds, firstBucket, lastBucket, personKey, stamp, *points);
        else
            countDistinct(def, rowBounds, firstBucket, lastBucket, sessionKey, stamp, *points);
    };
    if (rowBounds.back() - rowBounds.front() >= kParallelRows && midBucket > 0 && midBucket < buckets) {
        try {
            std::thread second([&] { work(midBucket, buckets); });
            work(0, midBucket);
            second.join();
            return points;
        } catch (const std::system_error &) {
            // No thread to be had: do it all here.
        }
    }
    work(0, buckets);
    return points;
}

} // namespace hindsight::definitions
