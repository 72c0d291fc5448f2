#include "app/cli/definitionargs.h"

#include <algorithm>

namespace hindsight::cli {

using definitions::PropertyOp;
using definitions::TextMatchMode;

const char *const kCriteriaHelp = R"(Criteria (one step; every option given must hold):
  --event TYPE          interaction type: pageview, click, submit, change, pageleave,
                        rageclick, identify or a custom event name (repeat for any of several)
  --selector CSS        the element, or one of its ancestors, matches this CSS selector
  --text T              ... and that element's text matches T
  --text-match MODE     exact (default), contains or regex (RE2)
  --href H              ... and that element's link target matches H
  --href-match MODE     exact (default), contains or regex
  --url U               the page URL matches U
  --url-match MODE      exact (default), contains, regex or wildcard ('*' = any run: '*/orders/*')
  --url-scope SCOPE     full (default: the whole URL) or path (the path alone)
  --ignore-case         compare text, href and URL case-insensitively
  --property KEY OP [VALUE]
                        a property filter; OP is equals, not_equals, contains, regex
                        (these take a VALUE), is_set or is_not_set (no VALUE). Repeatable.
)";

void declareCriteriaOptions(ArgParser &p)
{
    p.value("--event", true);
    p.value("--selector");
    p.value("--text");
    p.value("--text-match");
    p.value("--href");
    p.value("--href-match");
    p.value("--url");
    p.value("--url-match");
    p.value("--url-scope");
    p.flag("--ignore-case");
    p.value("--property", true, 3, [](const std::vector<std::string> &words) {
        return words.size() == 2 && (words[1] == "is_set" || words[1] == "is_not_set");
    });
}

bool hasCriteriaOptions(const ArgParser &p)
{
    for (const char *name : {"--event", "--selector", "--text", "--href", "--url", "--property"})
        if (p.has(name)) return true;
    return false;
}

namespace {

std::optional<TextMatchMode> modeOption(const ArgParser &p, const std::string &name, bool allowWildcard,
                                        std::string *error)
{
    const auto value = p.get(name);
    if (!value) return TextMatchMode::Exact;
    const auto mode = definitions::TextMatcher::modeFromName(*value);
    if (!mode || (*mode == TextMatchMode::Wildcard && !allowWildcard)) {
        *error = "option '" + name + "' must be exact, contains" +
                 (allowWildcard ? ", regex or wildcard" : " or regex") + ", not '" + *value + "'";
        return std::nullopt;
    }
    return mode;
}

} // namespace

std::optional<definitions::Step> stepFromOptions(const ArgParser &p, std::string *error)
{
    definitions::Step step;
    for (const auto &words : p.all("--event")) {
        if (words.front().empty()) {
            *error = "option '--event' needs a non-empty type";
            return std::nullopt;
        }
        if (std::find(step.eventTypes.begin(), step.eventTypes.end(), words.front()) == step.eventTypes.end())
            step.eventTypes.push_back(words.front());
    }
    const bool caseSensitive = !p.has("--ignore-case");
    if (auto selector = p.get("--selector")) step.selector = *selector;
    for (const auto &[option, target] : {std::pair{"--text", &step.text}, std::pair{"--href", &step.href}}) {
        const std::string matchOption = std::string(option) + "-match";
        if (p.has(matchOption) && !p.has(option)) {
            *error = "option '" + matchOption + "' needs '" + option + "'";
            return std::nullopt;
        }
        if (!p.has(option)) continue;
        auto mode = modeOption(p, matchOption, false, error);
        if (!mode) return std::nullopt;
        *target = definitions::TextCriterion{p.get(option, ""), *mode, caseSensitive};
    }
    if ((p.has("--url-match") || p.has("--url-scope")) && !p.has("--url")) {
        *error = std::string("option '") + (p.has("--url-match") ? "--url-match" : "--url-scope") +
                 "' needs '--url'";
        return std::nullopt;
    }
    if (p.has("--url")) {
        auto mode = modeOption(p, "--url-match", true, error);
        if (!mode) return std::nullopt;
        definitions::UrlCriterion url{p.get("--url", ""), *mode, caseSensitive, definitions::UrlScope::Full};
        if (auto scope = p.get("--url-scope")) {
            auto parsed = definitions::urlScopeFromName(*scope);
            if (!parsed) {
                *error = "option '--url-scope' must be full or path, not '" + *scope + "'";
                return std::nullopt;
            }
            url.scope = *parsed;
        }
        step.url = std::move(url);
    }
    for (const auto &words : p.all("--property")) {
        if (words.size() < 2) {
            *error = "option '--property' needs KEY OP [VALUE]";
            return std::nullopt;
        }
        const auto op = definitions::propertyOpFromName(words[1]);
        if (!op) {
            *error = "option '--property': unknown operator '" + words[1] +
                     "' (use equals, not_equals, contains, regex, is_set or is_not_set)";
            return std::nullopt;
        }
        const bool needsValue = *op != PropertyOp::IsSet && *op != PropertyOp::IsNotSet;
        if (needsValue && words.size() < 3) {
            *error = "option '--property " + words[0] + " " + words[1] + "' needs a VALUE";
            return std::nullopt;
        }
        step.properties.push_back({words[0], *op, needsValue ? words[2] : std::string()});
    }
    return step;
}

void declareMetadataOptions(ArgParser &p)
{
    p.value("--description");
    p.value("--category");
    p.value("--owner");
    p.value("--tag", true);
    p.value("--status");
}

bool applyMetadataOptions(const ArgParser &p, definitions::Definition &def, std::string *error)
{
    if (auto v = p.get("--description")) def.description = *v;
    if (auto v = p.get("--category")) def.category = *v;
    if (auto v = p.get("--owner")) def.owner = *v;
    for (const auto &words : p.all("--tag"))
        if (!words.front().empty()) def.tags.push_back(words.front());
    std::sort(def.tags.begin(), def.tags.end());
    def.tags.erase(std::unique(def.tags.begin(), def.tags.end()), def.tags.end());
    if (auto v = p.get("--status")) {
        auto status = definitions::statusFromName(*v);
        if (!status) {
            *error = "option '--status' must be draft, verified, deprecated or archived, not '" + *v + "'";
            return false;
        }
        def.status = *status;
    }
    return true;
}

} // namespace hindsight::cli
