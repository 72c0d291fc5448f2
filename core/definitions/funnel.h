#pragma once

#include "core/definitions/answers.h"
#include "core/definitions/compileddefinition.h"
#include "core/definitions/interactionindex.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace hindsight::definitions {

/// What bounds one attempt at a funnel.
enum class FunnelWindow {
    Session, ///< every step in the session in which step 1 happened
    Time,    ///< every step within FunnelOptions::windowMs of step 1
};

/// Who moves through the funnel and is counted.
enum class FunnelUnit {
    People,   ///< identity-resolved people (anonymous ids linked by $identify are one person)
    Sessions, ///< sessions
};

struct FunnelOptions
{
    FunnelWindow window = FunnelWindow::Session;
    std::int64_t windowMs = 0; ///< for FunnelWindow::Time; must be > 0
    FunnelUnit unit = FunnelUnit::People;
    TimeRange range; ///< only interactions in [from, to) take part (every step)
};

struct FunnelStepResult
{
    std::string name;         ///< the step's definition name
    std::int64_t entered = 0; ///< people (or sessions) that reached this step
    double fromPrevious = 0; ///< entered / entered at the previous step (step 1: 1, or 0 when nobody entered)
    double fromFirst = 0;    ///< entered / entered at step 1 (0 when nobody entered step 1)
    std::optional<std::int64_t> medianMsFromPrevious; ///< none for step 1, or when nobody reached the step
};

struct FunnelResult
{
    std::vector<FunnelStepResult> steps;
};

/// An ordered funnel over the definitions `steps` (at most 32), computed in one pass over the
/// index in time order.
///
/// Definition. A *unit* is a person (FunnelUnit::People, identity-resolved) or a session
/// (FunnelUnit::Sessions). Only interactions in `range` take part; with the session window,
/// interactions without a session take none.
///  - An *attempt* is started by an interaction that matches step 1. Each following step k is
///    reached by an interaction that matches step k and comes strictly after the interaction that
///    reached step k-1 (later in the index's time order, so one interaction never reaches two
///    steps of the same attempt), and lies in the attempt's window: in the same session as its
///    step 1 (FunnelWindow::Session), or at most `windowMs` after its step 1 (FunnelWindow::Time,
///    inclusive).
///  - Every occurrence of step 1 can start an attempt (the first occurrence starts the first one);
///    a unit *entered* step k when any of its attempts reached step k. A unit counts once per step,
///    however many attempts it made. (So a person who viewed a product, came back an hour later
///    and bought within the 30-minute window counts as converted, even though the first attempt
///    ran out.)
///  - medianMsFromPrevious of step k: over the units that entered step k, the time from step k-1
///    to step k in the attempt by which the unit first reached step k (the one with the latest
///    step 1 when several reach step k with the same interaction); an even count gives the mean
///    of the two middle values, rounded down.
/// The pass keeps, per attempt scope (a session, or a unit with the time window) and step, the
/// attempt with the latest step 1 that reached it — the one with the most window left — which
/// makes the result exact for every unit without storing attempts.
/// Returns nullopt and `error` for no steps, more than 32, a null step, or a time window <= 0.
std::optional<FunnelResult> funnel(const InteractionIndex &index,
                                   std::span<const CompiledDefinition *const> steps,
                                   const FunnelOptions &options, std::string *error = nullptr);

} // namespace hindsight::definitions
