#pragma once

#include <string>
#include <string_view>

namespace hindsight::capture {

/// Hindsight's interaction type for a PostHog event name (and its `$event_type` for `$autocapture`):
/// `$autocapture` + click|submit|change -> that word (any other `$event_type`, or none, -> "click"
/// unless the value is a non-empty word, which is then kept); `$pageview` -> pageview; `$pageleave`
/// -> pageleave; `$rageclick` -> rageclick; `$identify` -> identify; anything else -> the name itself.
std::string typeForPostHogEvent(std::string_view event, std::string_view eventType);

/// The inverse: the PostHog event name for a type, and the `$event_type` to send with it
/// (empty when the event is not `$autocapture`).
struct PostHogEventName
{
    std::string event;
    std::string eventType;
};
PostHogEventName postHogEventForType(std::string_view type);

/// True for the types Hindsight knows as built-in interaction kinds.
bool isBuiltinType(std::string_view type);

} // namespace hindsight::capture
