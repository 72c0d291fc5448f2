#include "core/capture/posthognames.h"

#include <array>

namespace hindsight::capture {

std::string typeForPostHogEvent(std::string_view event, std::string_view eventType)
{
    if (event == "$autocapture") {
        if (eventType.empty()) return "click";
        return std::string(eventType);
    }
    if (event == "$pageview") return "pageview";
    if (event == "$pageleave") return "pageleave";
    if (event == "$rageclick") return "rageclick";
    if (event == "$identify") return "identify";
    return std::string(event);
}

PostHogEventName postHogEventForType(std::string_view type)
{
    if (type == "click" || type == "submit" || type == "change") return {"$autocapture", std::string(type)};
    if (type == "pageview" || type == "pageleave" || type == "rageclick" || type == "identify") {
        std::string name = "$";
        name.append(type);
        return {std::move(name), {}};
    }
    return {std::string(type), {}};
}

bool isBuiltinType(std::string_view type)
{
    static constexpr std::array<std::string_view, 7> kBuiltin = {
        "pageview", "click", "submit", "change", "pageleave", "rageclick", "identify"};
    for (auto t : kBuiltin)
        if (t == type) return true;
    return false;
}

} // namespace hindsight::capture
