#include "core/definitions/funnel.h"

#include <algorithm>
#include <array>
#include <limits>

namespace hindsight::definitions {

namespace {

constexpr std::size_t kBlock = 4096;
constexpr std::size_t kMaxSteps = 32;
constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

std::int64_t median(std::vector<std::int64_t> &values)
{
    const std::size_t mid = values.size() / 2;
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid), values.end());
    const std::int64_t upper = values[mid];
    if (values.size() % 2 == 1) return upper;
    const std::int64_t lower =
        *std::max_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid));
    // Mean of the two middle values, rounded down, without overflow.
    return lower + (upper - lower) / 2;
}

} // namespace

std::optional<FunnelResult> funnel(const InteractionIndex &index,
                                   std::span<const CompiledDefinition *const> steps,
                                   const FunnelOptions &options, std::string *error)
{
    auto fail = [error](std::string message) -> std::optional<FunnelResult> {
        if (error) *error = std::move(message);
        return std::nullopt;
    };
    if (steps.empty()) return fail("a funnel needs at least one step");
    if (steps.size() > kMaxSteps) return fail("a funnel has at most 32 steps");
    for (std::size_t s = 0; s < steps.size(); ++s)
        if (!steps[s]) return fail("funnel step " + std::to_string(s + 1) + " has no definition");
    if (options.window == FunnelWindow::Time && options.windowMs <= 0)
        return fail("a funnel's time window must be longer than 0 ms");

    const std::size_t n = steps.size();
    const auto [begin, end] = rowRange(index, options.range);
    const std::uint32_t *distinct = index.distinctIds().data();
    const std::uint32_t *personOf = index.dictionaries().personOf.data();
    const std::uint32_t *sessions = index.sessions().data();
    const bool timeWindow = options.window == FunnelWindow::Time;
    // The attempt scope: a session, or with the time window the unit itself.
    const bool scopeIsSession = !timeWindow || options.unit == FunnelUnit::Sessions;
    const std::size_t scopeCount =
        scopeIsSession ? index.sessionCount() : index.dictionaries().distinctIds.size();
    const bool unitIsPerson = options.unit == FunnelUnit::People;
    const std::size_t personCount = index.dictionaries().distinctIds.size();

    // Per scope: which steps some attempt reached, and for each step the latest step-1 time of an
    // attempt that reached it and when that attempt reached it.
    std::vector<std::uint32_t> scopeSlot(scopeCount, kNone);
    std::vector<std::uint32_t> scopeMask, scopeUnit;
    std::vector<std::int64_t> startMs, reachedMs; // [slot * n + step]
    // Per unit: steps entered, and the time from the previous step when each was first entered.
    std::vector<std::uint32_t> unitSlot(unitIsPerson ? personCount : 0, kNone);
    std::vector<std::uint32_t> unitMask;
    std::vector<std::int64_t> unitGap; // [unit * n + step]

    std::vector<std::array<std::uint8_t, kBlock>> flags(n);
    for (std::size_t b = begin; b < end; b += kBlock) {
        const std::size_t e = std::min(end, b + kBlock);
        for (std::size_t s = 0; s < n; ++s)
            steps[s]->matchRows(b, e, flags[s].data());
        for (std::size_t i = 0; i < e - b; ++i) {
            std::uint32_t mask = 0;
            for (std::size_t s = 0; s < n; ++s)
                mask |= std::uint32_t(flags[s][i]) << s;
            if (!mask) continue;
            const std::size_t row = b + i;
            const std::uint32_t key = scopeIsSession ? sessions[row] : personOf[distinct[row]];
            if (key == 0 || key >= scopeCount) continue; // no session / unknown person
            std::uint32_t slot = scopeSlot[key];
            if (slot == kNone) {
                if (!(mask & 1u)) continue;
                const std::uint32_t person = personOf[distinct[row]];
                if (unitIsPerson && (person == 0 || person >= personCount)) continue;
                slot = static_cast<std::uint32_t>(scopeMask.size());
                scopeSlot[key] = slot;
                scopeMask.push_back(0);
                startMs.resize(startMs.size() + n, 0);
                reachedMs.resize(reachedMs.size() + n, 0);
                std::uint32_t unit;
                if (unitIsPerson) {
                    if (unitSlot[person] == kNone) {
                        unitSlot[person] = static_cast<std::uint32_t>(unitMask.size());
                        unitMask.push_back(0);
                        unitGap.resize(unitGap.size() + n, 0);
                    }
                    unit = unitSlot[person];
                } else {
                    unit = static_cast<std::uint32_t>(unitMask.size());
                    unitMask.push_back(0);
                    unitGap.resize(unitGap.size() + n, 0);
                }
                scopeUnit.push_back(unit);
            }
            const std::int64_t ms = index.timestampMs(row);
            std::uint32_t &reached = scopeMask[slot];
            std::int64_t *start = &startMs[std::size_t(slot) * n];
            std::int64_t *at = &reachedMs[std::size_t(slot) * n];
            const std::uint32_t unit = scopeUnit[slot];
            // Later steps first, so that this interaction only extends attempts of earlier ones.
            for (std::size_t k = n; k-- > 1;) {
                if (!(mask >> k & 1u) || !(reached >> (k - 1) & 1u)) continue;
                if (timeWindow && ms - start[k - 1] > options.windowMs) continue;
                const bool had = reached >> k & 1u;
                if (had && start[k - 1] <= start[k]) continue;
                const std::int64_t gap = ms - at[k - 1];
                start[k] = start[k - 1];
                at[k] = ms;
                reached |= 1u << k;
                if (!(unitMask[unit] >> k & 1u)) {
                    unitMask[unit] |= 1u << k;
                    unitGap[std::size_t(unit) * n + k] = gap;
                }
            }
            if (mask & 1u) {
                start[0] = ms;
                at[0] = ms;
                reached |= 1u;
                unitMask[unit] |= 1u;
            }
        }
    }

    FunnelResult result;
    std::vector<std::int64_t> gaps;
    for (std::size_t k = 0; k < n; ++k) {
        FunnelStepResult step;
        step.name = steps[k]->name();
        gaps.clear();
        for (std::size_t u = 0; u < unitMask.size(); ++u) {
            if (!(unitMask[u] >> k & 1u)) continue;
            ++step.entered;
            if (k > 0) gaps.push_back(unitGap[u * n + k]);
        }
        const std::int64_t first = k == 0 ? step.entered : result.steps.front().entered;
        const std::int64_t previous = k == 0 ? step.entered : result.steps.back().entered;
        if (k == 0) {
            step.fromFirst = step.fromPrevious = step.entered > 0 ? 1.0 : 0.0;
        } else {
            step.fromFirst = first > 0 ? double(step.entered) / double(first) : 0.0;
            step.fromPrevious = previous > 0 ? double(step.entered) / double(previous) : 0.0;
        }
        if (!gaps.empty()) step.medianMsFromPrevious = median(gaps);
        result.steps.push_back(std::move(step));
    }
    return result;
}

} // namespace hindsight::definitions
