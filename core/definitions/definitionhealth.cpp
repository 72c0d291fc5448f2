#include "core/definitions/definitionhealth.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <system_error>
#include <thread>

namespace hindsight::definitions {

namespace {

constexpr std::int64_t kDayMs = 86'400'000;
constexpr std::size_t kBlock = 4096;
constexpr std::size_t kParallelRows = 1u << 20;

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

/// "2024-03-05" (UTC), or "2024-03-05 14:03 UTC" with the time.
std::string formatUtc(std::int64_t ms, bool withTime)
{
    const std::int64_t days = floorDiv(ms, kDayMs);
    const std::int64_t msOfDay = ms - days * kDayMs;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    const std::int64_t z = days + 719468;
    const std::int64_t era = floorDiv(z, 146097);
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    char buffer[128];
    if (withTime)
        std::snprintf(buffer, sizeof buffer, "%04lld-%02lld-%02lld %02lld:%02lld UTC",
                      static_cast<long long>(y), static_cast<long long>(m), static_cast<long long>(d),
                      static_cast<long long>(msOfDay / 3'600'000),
                      static_cast<long long>(msOfDay / 60'000 % 60));
    else
        std::snprintf(buffer, sizeof buffer, "%04lld-%02lld-%02lld", static_cast<long long>(y),
                      static_cast<long long>(m), static_cast<long long>(d));
    return buffer;
}

std::string hoursText(std::int64_t ms)
{
    if (ms % 3'600'000 == 0) return std::to_string(ms / 3'600'000) + " hours";
    return std::to_string(ms / 60'000) + " minutes";
}

/// Per-definition daily counts and recent counts over a part of the rows.
struct Part
{
    std::vector<std::int64_t> daily;  ///< [definition * days + day]
    std::vector<std::int64_t> recent; ///< [definition]
};

void scan(const InteractionIndex &index, const std::vector<const CompiledDefinition *> &defs,
          std::int64_t firstDay, std::size_t days, std::size_t recentBegin, std::size_t begin,
          std::size_t end, Part &part)
{
    part.daily.assign(defs.size() * days, 0);
    part.recent.assign(defs.size(), 0);
    std::array<std::uint8_t, kBlock> flags;
    std::array<std::uint32_t, kBlock> dayOf;
    for (std::size_t b = begin; b < end; b += kBlock) {
        const std::size_t e = std::min(end, b + kBlock);
        for (std::size_t i = 0; i < e - b; ++i)
            dayOf[i] = static_cast<std::uint32_t>((index.timestampMs(b + i) - firstDay) / kDayMs);
        for (std::size_t d = 0; d < defs.size(); ++d) {
            defs[d]->matchRows(b, e, flags.data());
            std::int64_t *daily = &part.daily[d * days];
            std::int64_t recent = 0;
            for (std::size_t i = 0; i < e - b; ++i) {
                if (!flags[i]) continue;
                ++daily[dayOf[i]];
                recent += (b + i >= recentBegin) ? 1 : 0;
            }
            part.recent[d] += recent;
        }
    }
}

} // namespace

HealthReport checkHealth(const InteractionIndex &index, std::span<const Definition> definitions,
                         const DefinitionLookup &lookup, const HealthOptions &options)
{
    HealthReport report;
    std::vector<CompiledDefinition> compiled;
    std::vector<std::size_t> reportSlot;
    compiled.reserve(definitions.size());
    for (const Definition &def : definitions) {
        if (def.status == DefinitionStatus::Archived) continue;
        CompileError error;
        auto c = CompiledDefinition::compile(def, index, lookup, &error);
        if (!c) {
            report.notChecked.push_back(def.name + ": " + error.message());
            continue;
        }
        compiled.push_back(std::move(*c));
        reportSlot.push_back(report.definitions.size());
        report.definitions.push_back(DefinitionHealth{def.name, {}});
    }
    if (index.size() == 0) {
        report.basis = "the store holds no interactions: nothing to check";
        return report;
    }

    const std::int64_t firstMs = index.timestampMs(0);
    const std::int64_t newestMs = index.timestampMs(index.size() - 1);
    report.newestMs = newestMs;
    report.quietFromMs = newestMs - options.quietWindowMs;
    report.basis = "the " + hoursText(options.quietWindowMs) +
                   " before the newest interaction in the store (" + formatUtc(newestMs, true) +
                   "), not the current time; daily counts by UTC day";

    const std::int64_t firstDay = floorDiv(firstMs, kDayMs) * kDayMs;
    const std::int64_t lastDay = floorDiv(newestMs, kDayMs) * kDayMs;
    const std::size_t days = static_cast<std::size_t>((lastDay - firstDay) / kDayMs + 1);
    // Interactions strictly after quietFromMs are recent.
    const std::size_t recentBegin = index.firstRowAtOrAfter(report.quietFromMs + 1);

    std::vector<const CompiledDefinition *> defs;
    for (const auto &c : compiled)
        defs.push_back(&c);
    std::array<Part, 2> parts;
    const std::size_t size = index.size();
    bool threaded = false;
    if (size >= kParallelRows && !defs.empty()) {
        try {
            const std::size_t mid = size / 2;
            std::thread second([&] { scan(index, defs, firstDay, days, recentBegin, mid, size, parts[1]); });
            scan(index, defs, firstDay, days, recentBegin, 0, mid, parts[0]);
            second.join();
            threaded = true;
        } catch (const std::system_error &) {
            threaded = false;
        }
    }
    if (!threaded) scan(index, defs, firstDay, days, recentBegin, 0, size, parts[0]);
    if (threaded) {
        for (std::size_t i = 0; i < parts[0].daily.size(); ++i)
            parts[0].daily[i] += parts[1].daily[i];
        for (std::size_t i = 0; i < parts[0].recent.size(); ++i)
            parts[0].recent[i] += parts[1].recent[i];
    }

    // A day [d, d + 1 day) is complete when the data covers all of it.
    auto complete = [&](std::int64_t dayStart) {
        return dayStart >= firstMs && dayStart + kDayMs <= newestMs;
    };

    for (std::size_t d = 0; d < defs.size(); ++d) {
        DefinitionHealth &health = report.definitions[reportSlot[d]];
        const std::int64_t *daily = &parts[0].daily[d * days];
        if (parts[0].recent[d] == 0) {
            HealthIssue issue;
            issue.kind = HealthIssueKind::NoRecentMatches;
            // The newest match before the window: on the last day with any match.
            for (std::size_t day = days; day-- > 0;) {
                if (daily[day] == 0) continue;
                const std::int64_t from = firstDay + static_cast<std::int64_t>(day) * kDayMs;
                const std::size_t b = index.firstRowAtOrAfter(from);
                const std::size_t e = index.firstRowAtOrAfter(from + kDayMs);
                for (std::size_t row = e; row-- > b;)
                    if (defs[d]->matchesRow(row)) {
                        issue.lastMatchMs = index.timestampMs(row);
                        break;
                    }
                break;
            }
            issue.message = "no matches in the " + hoursText(options.quietWindowMs) +
                            " before the newest interaction (" + formatUtc(newestMs, true) + ")";
            issue.message += issue.lastMatchMs ? "; last match " + formatUtc(*issue.lastMatchMs, true)
                                               : "; it never matched";
            health.issues.push_back(std::move(issue));
        }
        for (std::size_t day = 0; day + 1 < days; ++day) {
            const std::int64_t before = firstDay + static_cast<std::int64_t>(day) * kDayMs;
            const std::int64_t after = before + kDayMs;
            if (!complete(before) || !complete(after)) continue;
            const std::int64_t a = daily[day], b = daily[day + 1];
            if (a < options.minDailyCount || a <= 0) continue;
            if (double(a - b) <= options.dropShare * double(a)) continue;
            HealthIssue issue;
            issue.kind = HealthIssueKind::SuddenDrop;
            issue.dayBeforeMs = before;
            issue.dayMs = after;
            issue.countBefore = a;
            issue.countAfter = b;
            const long long percent = std::llround(100.0 * double(a - b) / double(a));
            issue.message = "daily count fell from " + std::to_string(a) + " on " + formatUtc(before, false) +
                            " to " + std::to_string(b) + " on " + formatUtc(after, false) + " (-" +
                            std::to_string(percent) + "%)";
            health.issues.push_back(std::move(issue));
        }
    }
    return report;
}

} // namespace hindsight::definitions
