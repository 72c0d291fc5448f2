#pragma once

#include <cstdint>
#include <string>
#include <utility>

namespace hindsight::model {

/// Consent state carried by an interaction (PostHog's opt-in/opt-out, or the native field).
enum class Consent : std::uint8_t { Unknown = 0, Granted = 1, Denied = 2 };

/// One captured interaction after parsing and normalisation, before it is stored.
/// Produced by the readers in core/capture and by the demo generator; consumed by the store.
struct CapturedEvent
{
    std::string uuid; ///< the event's id as given (a UUID in canonical form, or any text)
    std::string type; ///< pageview, click, submit, change, pageleave, rageclick, identify, or a custom name
    std::int64_t timestampMs = 0; ///< UTC milliseconds since the epoch
    std::string distinctId;
    std::string sessionId; ///< may be empty
    std::string url;       ///< full URL, may be empty
    std::string title;
    std::string referrer;
    std::string chain; ///< canonical `$elements_chain` text (see capture/elementchain.h); empty if none
    std::string anonDistinctId; ///< for identify: the anonymous id being linked to distinctId
    std::string properties;     ///< remaining properties as a compact JSON object ("{}" when none)
    Consent consent = Consent::Unknown;

    /// Member by member (cheaper than the generic three moves; readers hand events over this way).
    friend void swap(CapturedEvent &a, CapturedEvent &b) noexcept
    {
        a.uuid.swap(b.uuid);
        a.type.swap(b.type);
        std::swap(a.timestampMs, b.timestampMs);
        a.distinctId.swap(b.distinctId);
        a.sessionId.swap(b.sessionId);
        a.url.swap(b.url);
        a.title.swap(b.title);
        a.referrer.swap(b.referrer);
        a.chain.swap(b.chain);
        a.anonDistinctId.swap(b.anonDistinctId);
        a.properties.swap(b.properties);
        std::swap(a.consent, b.consent);
    }
};

} // namespace hindsight::model
