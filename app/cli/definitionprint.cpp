#include "app/cli/definitionprint.h"

#include "app/cli/cliformat.h"
#include "core/capture/timestamp.h"

namespace hindsight::cli {

using namespace definitions;

namespace {

std::string quoted(const std::string &text)
{
    return "\"" + terminalSafe(text, 200) + "\"";
}

std::string matchPhrase(TextMatchMode mode, bool caseSensitive)
{
    std::string out;
    switch (mode) {
    case TextMatchMode::Exact:
        out = "is";
        break;
    case TextMatchMode::Contains:
        out = "contains";
        break;
    case TextMatchMode::Regex:
        out = "matches regex";
        break;
    case TextMatchMode::Wildcard:
        out = "matches";
        break;
    }
    if (!caseSensitive) out += " (any case)";
    return out;
}

} // namespace

std::string describeStep(const Step &step)
{
    std::string out;
    if (step.eventTypes.empty()) out = "any interaction";
    for (std::size_t i = 0; i < step.eventTypes.size(); ++i)
        out += (i == 0                            ? ""
                : i + 1 == step.eventTypes.size() ? " or "
                                                  : ", ") +
               terminalSafe(step.eventTypes[i], 80);
    const bool element = step.selector || step.text || step.href;
    if (element) {
        out += " on an element";
        if (step.selector) out += " matching " + terminalSafe(*step.selector, 200);
        if (step.text)
            out += std::string(step.selector ? "," : "") + " whose text " +
                   matchPhrase(step.text->mode, step.text->caseSensitive) + " " + quoted(step.text->pattern);
        if (step.href)
            out += std::string(step.selector || step.text ? "," : "") + " whose href " +
                   matchPhrase(step.href->mode, step.href->caseSensitive) + " " + quoted(step.href->pattern);
        out += " (or inside one)";
    }
    if (step.url)
        out += std::string(", where the page ") + (step.url->scope == UrlScope::Path ? "path " : "URL ") +
               matchPhrase(step.url->mode, step.url->caseSensitive) + " " + quoted(step.url->pattern);
    for (const auto &f : step.properties) {
        out += ", property " + terminalSafe(f.key, 80) + " ";
        switch (f.op) {
        case PropertyOp::Equals:
            out += "= " + quoted(f.value);
            break;
        case PropertyOp::NotEquals:
            out += "!= " + quoted(f.value);
            break;
        case PropertyOp::Contains:
            out += "contains " + quoted(f.value);
            break;
        case PropertyOp::Regex:
            out += "matches regex " + quoted(f.value);
            break;
        case PropertyOp::IsSet:
            out += "is set";
            break;
        case PropertyOp::IsNotSet:
            out += "is not set";
            break;
        }
    }
    return out;
}

namespace {

std::string shellQuote(const std::string &word)
{
    if (!word.empty() &&
        word.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./:@") ==
            std::string::npos)
        return word;
    std::string out = "'";
    for (char c : word) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    return out + "'";
}

} // namespace

std::string defineCommandLine(const std::string &name, const Step &step)
{
    std::string out = "hindsight define --name " + shellQuote(name);
    for (const auto &t : step.eventTypes)
        out += " --event " + shellQuote(t);
    if (step.selector) out += " --selector " + shellQuote(*step.selector);
    const bool ignoreCase = (step.text && !step.text->caseSensitive) ||
                            (step.href && !step.href->caseSensitive) ||
                            (step.url && !step.url->caseSensitive);
    if (step.text) {
        out += " --text " + shellQuote(step.text->pattern);
        if (step.text->mode != TextMatchMode::Exact)
            out += " --text-match " + std::string(TextMatcher::modeName(step.text->mode));
    }
    if (step.href) {
        out += " --href " + shellQuote(step.href->pattern);
        if (step.href->mode != TextMatchMode::Exact)
            out += " --href-match " + std::string(TextMatcher::modeName(step.href->mode));
    }
    if (step.url) {
        out += " --url " + shellQuote(step.url->pattern);
        if (step.url->mode != TextMatchMode::Exact)
            out += " --url-match " + std::string(TextMatcher::modeName(step.url->mode));
        if (step.url->scope == UrlScope::Path) out += " --url-scope path";
    }
    if (ignoreCase) out += " --ignore-case";
    for (const auto &f : step.properties) {
        out += " --property " + shellQuote(f.key) + " " + std::string(propertyOpName(f.op));
        if (f.op != PropertyOp::IsSet && f.op != PropertyOp::IsNotSet) out += " " + shellQuote(f.value);
    }
    return out;
}

std::string shortTime(std::int64_t ms)
{
    const std::string iso = capture::formatIsoTimestamp(ms);
    return iso.substr(0, 10) + " " + iso.substr(11, 5) + " UTC";
}

void printDefinition(std::ostream &os, const Definition &def, const std::vector<std::string> &aliases)
{
    os << terminalSafe(def.name) << "  [" << statusName(def.status) << "]\n";
    if (!def.description.empty()) os << "  " << terminalSafe(def.description) << "\n";
    auto field = [&](const char *label, const std::string &value) {
        os << "  " << label << std::string(12 - std::string(label).size(), ' ')
           << (value.empty() ? std::string("-") : terminalSafe(value, 200)) << "\n";
    };
    field("Category", def.category);
    field("Owner", def.owner);
    std::string tags;
    for (const auto &t : def.tags)
        tags += (tags.empty() ? "" : ", ") + t;
    field("Tags", tags);
    if (def.isCombo()) {
        os << "  Matches any of:\n";
        for (const auto &member : def.combo)
            os << "    - " << terminalSafe(member, 200) << "\n";
    } else {
        os << "  Matches " << (def.steps.size() > 1 ? "any of:\n" : "");
        for (const auto &step : def.steps)
            os << (def.steps.size() > 1 ? "    - " : "") << describeStep(step) << "\n";
    }
    if (!aliases.empty()) {
        std::string names;
        for (const auto &a : aliases)
            names += (names.empty() ? "" : ", ") + ("'" + terminalSafe(a, 200) + "'");
        field("Also known", names);
    }
    if (def.version > 0) {
        field("Version", std::to_string(def.version));
        field("Created", shortTime(def.createdMs) + " by " + def.createdBy);
        field("Changed", shortTime(def.changedMs) + " by " + def.changedBy);
        if (def.verifiedMs) field("Verified", shortTime(*def.verifiedMs) + " by " + def.verifiedBy);
    }
}

} // namespace hindsight::cli
