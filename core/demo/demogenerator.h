#pragma once

#include "core/model/capturedevent.h"

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>

namespace hindsight::demo {

/// What the demo shop looks like and how much of it to generate.
struct DemoOptions
{
    std::int64_t interactions =
        200000;              ///< total interactions to generate (approximately exact: see generate())
    int days = 30;           ///< spread over this many days, ending at `endMs`
    std::uint64_t seed = 42; ///< same seed + options => byte-identical stream
    std::int64_t endMs = 0;  ///< UTC ms of the newest interaction; 0 = a fixed default date
};

/// Generates a realistic, deterministic stream of autocaptured interactions for a fictional online
/// shop ("Northwind Outfitters"): pages, navigation, product grid, cart, checkout and account forms;
/// visitors with sessions, `$identify` calls and a few custom events. Planted privacy problems are
/// part of the stream (an email shown in a greeting and captured as element text, a token in a URL
/// query, card-number-like text) so that the privacy audit has something to find.
class DemoGenerator
{
  public:
    /// The default newest interaction: 2026-11-01T00:00:00.000Z.
    static constexpr std::int64_t kDefaultEndMs = 1793491200000;
    static constexpr std::int64_t kMaxInteractions = 500000000;
    static constexpr int kMaxDays = 3650;

    /// Throws std::invalid_argument with a readable reason when the options are out of range
    /// (negative or more than kMaxInteractions interactions, days outside 1..kMaxDays, an end
    /// time before 1970 + days).
    explicit DemoGenerator(DemoOptions options);

    /// Calls `sink` for each interaction, in non-decreasing time order. Exactly
    /// `options.interactions` events are produced. Returning false from the sink stops early.
    void generate(const std::function<bool(const model::CapturedEvent &)> &sink) const;

    /// Writes the stream as PostHog NDJSON (one event per line: uuid, event, distinct_id,
    /// timestamp, properties with $current_url, $host, $pathname, $session_id, $event_type,
    /// $elements_chain, title, $referrer, ...), exactly as posthog-js / a PostHog export would,
    /// so that importing the file yields the same workspace as generating it directly.
    void writePostHogNdjson(std::ostream &out) const;

    const DemoOptions &options() const { return m_options; }
    /// The newest interaction's time (options.endMs, or kDefaultEndMs when that is 0).
    std::int64_t endMs() const { return m_options.endMs != 0 ? m_options.endMs : kDefaultEndMs; }

  private:
    DemoOptions m_options;
};

} // namespace hindsight::demo
