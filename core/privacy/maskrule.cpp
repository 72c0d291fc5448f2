#include "core/privacy/maskrule.h"

#include "core/capture/jsonwriter.h"
#include "core/definitions/selector.h"
#include "core/definitions/textmatcher.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>

namespace hindsight::privacy {

namespace {

constexpr std::string_view kFieldHelp =
    "element.text, element.href, element.attr.NAME, url, url.host, url.path, "
    "url.query.NAME, url.hash, referrer (and referrer.host, …), title, "
    "properties.KEY";

bool hasWildcard(std::string_view s)
{
    return s.find_first_of("*?") != std::string_view::npos;
}

std::string_view firstSegment(std::string_view s, std::string_view *rest)
{
    const std::size_t dot = s.find('.');
    if (dot == std::string_view::npos) {
        *rest = {};
        return s;
    }
    *rest = s.substr(dot + 1);
    return s.substr(0, dot);
}

std::optional<std::string> checkFieldPattern(std::string_view pattern)
{
    if (pattern.empty()) return "a field pattern is required (" + std::string(kFieldHelp) + ")";
    for (unsigned char c : pattern)
        if (c < 0x20 || c == 0x7F)
            return std::string("control characters are not allowed in a field pattern");
    std::string_view rest;
    const std::string_view root = firstSegment(pattern, &rest);
    const bool hasRest = pattern.find('.') != std::string_view::npos;
    if (hasWildcard(root)) return std::nullopt; // `*`, `*email*`: may match fields of any root
    auto unknown = [&](std::string_view what) {
        return "unknown field '" + std::string(what) + "' (use " + std::string(kFieldHelp) + ")";
    };
    if (root == "title") {
        if (hasRest) return unknown(pattern);
        return std::nullopt;
    }
    if (root == "properties") {
        if (rest.empty()) return std::string("properties needs a key: properties.KEY or properties.*");
        return std::nullopt;
    }
    if (root == "element") {
        if (rest.empty())
            return std::string("element needs a part: element.text, element.href or element.attr.NAME");
        std::string_view tail;
        const std::string_view part = firstSegment(rest, &tail);
        const bool partHasTail = rest.find('.') != std::string_view::npos;
        if (hasWildcard(part)) return std::nullopt;
        if (part == "text" || part == "href") {
            if (partHasTail) return unknown(pattern);
            return std::nullopt;
        }
        if (part == "attr") {
            if (tail.empty()) return std::string("element.attr needs an attribute name: element.attr.NAME");
            return std::nullopt;
        }
        return unknown(pattern);
    }
    if (root == "url" || root == "referrer") {
        if (!hasRest) return std::nullopt;
        std::string_view tail;
        const std::string_view part = firstSegment(rest, &tail);
        const bool partHasTail = rest.find('.') != std::string_view::npos;
        if (hasWildcard(part)) return std::nullopt;
        if (part == "host" || part == "path" || part == "hash") {
            if (partHasTail) return unknown(pattern);
            return std::nullopt;
        }
        if (part == "query") {
            if (tail.empty())
                return std::string(root) + ".query needs a parameter name: " + std::string(root) +
                       ".query.NAME";
            return std::nullopt;
        }
        return unknown(pattern);
    }
    return unknown(root);
}

} // namespace

std::string_view toString(MaskAction action)
{
    switch (action) {
    case MaskAction::Redact:
        return "redact";
    case MaskAction::Hash:
        return "hash";
    case MaskAction::Truncate:
        return "truncate";
    case MaskAction::DropField:
        return "drop-field";
    case MaskAction::DropInteraction:
        return "drop-interaction";
    }
    return "redact";
}

std::optional<MaskAction> maskActionFromString(std::string_view name)
{
    for (MaskAction a : {MaskAction::Redact, MaskAction::Hash, MaskAction::Truncate, MaskAction::DropField,
                         MaskAction::DropInteraction})
        if (toString(a) == name) return a;
    return std::nullopt;
}

bool MaskRule::sameContent(const MaskRule &o) const
{
    return field == o.field && detector == o.detector && selector == o.selector && url == o.url &&
           action == o.action && keep == o.keep;
}

std::vector<MaskRuleIssue> validateMaskRule(const MaskRule &rule)
{
    std::vector<MaskRuleIssue> issues;
    if (auto problem = checkFieldPattern(rule.field)) issues.push_back({"field", *problem});
    if (!rule.selector.empty()) {
        definitions::SelectorError error;
        if (!definitions::Selector::parse(rule.selector, &error))
            issues.push_back(
                {"selector", error.reason + " (at position " + std::to_string(error.position) + ")"});
    }
    if (!rule.url.empty()) {
        definitions::TextMatcherError error;
        const auto mode = rule.url.find('*') != std::string::npos ? definitions::TextMatchMode::Wildcard
                                                                  : definitions::TextMatchMode::Contains;
        if (!definitions::TextMatcher::create(rule.url, mode, true, &error)) {
            std::string message = error.reason;
            if (error.position) message += " (at position " + std::to_string(*error.position) + ")";
            issues.push_back({"url", message});
        }
    }
    if (rule.action == MaskAction::Truncate && rule.keep < 1)
        issues.push_back({"keep", "truncate needs the number of characters to keep (1 or more)"});
    if (rule.action != MaskAction::Truncate && rule.keep != 0)
        issues.push_back({"keep", "only truncate keeps characters"});
    return issues;
}

std::string maskRuleToJson(const MaskRule &rule)
{
    std::string out = "{\"field\":";
    capture::appendJsonString(out, rule.field);
    if (rule.detector) {
        out += ",\"detector\":";
        capture::appendJsonString(out, toString(*rule.detector));
    }
    if (!rule.selector.empty()) {
        out += ",\"selector\":";
        capture::appendJsonString(out, rule.selector);
    }
    if (!rule.url.empty()) {
        out += ",\"url\":";
        capture::appendJsonString(out, rule.url);
    }
    out += ",\"action\":";
    capture::appendJsonString(out, toString(rule.action));
    if (rule.action == MaskAction::Truncate) out += ",\"keep\":" + std::to_string(rule.keep);
    out += "}";
    return out;
}

std::optional<MaskRule> maskRuleFromJson(std::string_view json, std::string *error)
{
    auto fail = [&](const std::string &message) -> std::optional<MaskRule> {
        if (error) *error = message;
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray(json.data(), static_cast<qsizetype>(json.size())), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail("not valid JSON: " + parseError.errorString().toStdString() + " (at position " +
                    std::to_string(parseError.offset) + ")");
    if (!doc.isObject()) return fail("a rule must be a JSON object");
    const QJsonObject obj = doc.object();
    MaskRule rule;
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        const std::string key = it.key().toStdString();
        const QJsonValue v = it.value();
        auto text = [&](std::string &target) -> bool {
            if (!v.isString()) return false;
            target = v.toString().toStdString();
            return true;
        };
        if (key == "field") {
            if (!text(rule.field)) return fail("field must be a string");
        } else if (key == "detector") {
            std::string name;
            if (!text(name)) return fail("detector must be a string");
            rule.detector = detectorTypeFromString(name);
            if (!rule.detector)
                return fail("detector: unknown detector '" + name + "' (use " + detectorTypeNames() + ")");
        } else if (key == "selector") {
            if (!text(rule.selector)) return fail("selector must be a string");
        } else if (key == "url") {
            if (!text(rule.url)) return fail("url must be a string");
        } else if (key == "action") {
            std::string name;
            if (!text(name)) return fail("action must be a string");
            auto action = maskActionFromString(name);
            if (!action)
                return fail("action: unknown action '" + name +
                            "' (use redact, hash, truncate, drop-field or drop-interaction)");
            rule.action = *action;
        } else if (key == "keep") {
            const double d = v.toDouble(-1);
            if (!v.isDouble() || d != static_cast<double>(static_cast<int>(d)) || d < 0 || d > 1'000'000)
                return fail("keep must be a whole number from 1 to 1000000");
            rule.keep = static_cast<int>(d);
        } else {
            return fail("unknown member '" + key + "'");
        }
    }
    if (!obj.contains("field")) return fail("field is required");
    if (!obj.contains("action")) return fail("action is required");
    const auto issues = validateMaskRule(rule);
    if (!issues.empty()) return fail(issues.front().text());
    return rule;
}

std::string describeMaskRule(const MaskRule &rule)
{
    std::string out(toString(rule.action));
    if (rule.action == MaskAction::Truncate) out += " to " + std::to_string(rule.keep);
    out += " " + rule.field;
    if (rule.detector) out += " where " + std::string(toString(*rule.detector));
    if (!rule.selector.empty()) out += " on \"" + rule.selector + "\"";
    if (!rule.url.empty()) out += " at \"" + rule.url + "\"";
    return out;
}

} // namespace hindsight::privacy
