#include "core/definitions/generatedname.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <vector>

namespace hindsight::definitions {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
bool isLower(char c)
{
    return c >= 'a' && c <= 'z';
}
bool isUpper(char c)
{
    return c >= 'A' && c <= 'Z';
}
bool isLetter(char c)
{
    return isLower(c) || isUpper(c);
}
bool isHexLetter(char c)
{
    return (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool startsWith(std::string_view text, std::string_view prefix)
{
    return text.substr(0, prefix.size()) == prefix;
}
bool endsWith(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::string lower(std::string_view text)
{
    std::string out(text);
    for (char &c : out)
        if (isUpper(c)) c = static_cast<char>(c - 'A' + 'a');
    return out;
}

/// Splits on '-', '_', ':', '.', '/' and whitespace; empty parts dropped.
std::vector<std::string_view> parts(std::string_view text)
{
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        const bool sep = i == text.size() || text[i] == '-' || text[i] == '_' || text[i] == ':' ||
                         text[i] == '.' || text[i] == '/' || text[i] == ' ';
        if (!sep) continue;
        if (i > start) out.push_back(text.substr(start, i - start));
        start = i + 1;
    }
    return out;
}

std::size_t longestDigitRun(std::string_view text)
{
    std::size_t best = 0, run = 0;
    for (char c : text) {
        run = isDigit(c) ? run + 1 : 0;
        best = std::max(best, run);
    }
    return best;
}

/// `text` without Tailwind arbitrary values (`max-w-[1045px]` -> `max-w-[]`).
std::string withoutBrackets(std::string_view text)
{
    std::string out;
    int depth = 0;
    for (char c : text) {
        if (c == '[') ++depth;
        if (depth == 0 || c == '[' || c == ']') out += c;
        if (c == ']' && depth > 0) --depth;
    }
    return out;
}

bool isUuid(std::string_view text)
{
    if (text.size() != 36) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? text[i] != '-' : !(isDigit(text[i]) || isHexLetter(text[i]))) return false;
    }
    return true;
}

bool anyHashPart(std::string_view text)
{
    for (auto p : parts(text))
        if (isHashLike(p)) return true;
    return false;
}

constexpr std::array kStateClasses = {"active",
                                      "is-active",
                                      "selected",
                                      "is-selected",
                                      "open",
                                      "is-open",
                                      "opened",
                                      "show",
                                      "showing",
                                      "shown",
                                      "hover",
                                      "hovered",
                                      "focus",
                                      "focused",
                                      "disabled",
                                      "is-disabled",
                                      "checked",
                                      "collapsed",
                                      "expanded",
                                      "collapse",
                                      "visible",
                                      "invisible",
                                      "hidden",
                                      "loading",
                                      "current",
                                      "error",
                                      "has-error",
                                      "invalid",
                                      "valid",
                                      "dirty",
                                      "pristine",
                                      "touched",
                                      "untouched",
                                      "fade",
                                      "in",
                                      "out",
                                      "animating",
                                      "focus-visible",
                                      "router-link-active",
                                      "router-link-exact-active",
                                      "highlighted",
                                      "pressed",
                                      "on",
                                      "off",
                                      "enabled",
                                      "empty",
                                      "filled"};

constexpr std::array kStateSuffixes = {"--active",   "--selected",  "--open",    "--opened", "--current",
                                       "--disabled", "--focus",     "--focused", "--hover",  "--checked",
                                       "--expanded", "--collapsed", "--visible", "--hidden", "--loading",
                                       "-active",    "-selected",   "-open",     "-current", "-disabled"};

constexpr std::array kGenericClasses = {"btn",
                                        "button",
                                        "link",
                                        "icon",
                                        "nav",
                                        "nav-link",
                                        "nav-item",
                                        "navbar",
                                        "item",
                                        "card",
                                        "row",
                                        "col",
                                        "container",
                                        "wrapper",
                                        "inner",
                                        "outer",
                                        "content",
                                        "title",
                                        "label",
                                        "input",
                                        "form-control",
                                        "form-group",
                                        "form-check",
                                        "field",
                                        "control",
                                        "list",
                                        "list-item",
                                        "menu",
                                        "menu-item",
                                        "dropdown",
                                        "dropdown-item",
                                        "dropdown-toggle",
                                        "modal",
                                        "header",
                                        "footer",
                                        "section",
                                        "box",
                                        "text",
                                        "small",
                                        "large",
                                        "primary",
                                        "secondary",
                                        "default",
                                        "lg",
                                        "sm",
                                        "xs",
                                        "md",
                                        "clickable",
                                        "pointer",
                                        "fa",
                                        "fas",
                                        "far",
                                        "fab",
                                        "material-icons",
                                        "glyphicon",
                                        "svg-icon",
                                        "image",
                                        "img",
                                        "logo",
                                        "main",
                                        "page",
                                        "body",
                                        "panel",
                                        "clearfix",
                                        "close",
                                        "badge",
                                        "chip",
                                        "tag",
                                        "pill",
                                        "heading"};

constexpr std::array kGenericPrefixes = {"btn-", "button-", "icon-",    "fa-", "glyphicon-", "Mui",
                                         "ant-", "chakra-", "mantine-", "v-",  "el-",        "q-"};

constexpr std::array kUtilityWords = {"flex",         "grid",        "block",          "inline",
                                      "inline-block", "inline-flex", "contents",       "table",
                                      "relative",     "absolute",    "fixed",          "sticky",
                                      "static",       "truncate",    "underline",      "uppercase",
                                      "lowercase",    "capitalize",  "italic",         "sr-only",
                                      "shadow",       "rounded",     "border",         "ring",
                                      "transition",   "outline",     "grow",           "shrink",
                                      "antialiased",  "not-italic",  "no-underline",   "transform",
                                      "filter",       "isolate",     "container",      "mx-auto",
                                      "pull-left",    "pull-right",  "float-left",     "float-right",
                                      "text-center",  "text-left",   "text-right",     "visually-hidden",
                                      "w-full",       "h-full",      "overflow-hidden"};

constexpr std::array kUtilityPrefixes = {
    "items",   "justify",    "content",    "self",      "place",  "gap",        "space",   "divide",
    "p",       "px",         "py",         "pt",        "pb",     "pl",         "pr",      "ps",
    "pe",      "m",          "mx",         "my",        "mt",     "mb",         "ml",      "mr",
    "ms",      "me",         "w",          "h",         "min",    "max",        "size",    "text",
    "bg",      "from",       "via",        "to",        "border", "rounded",    "shadow",  "font",
    "leading", "tracking",   "opacity",    "z",         "top",    "left",       "right",   "bottom",
    "inset",   "col",        "row",        "order",     "basis",  "flex",       "grid",    "overflow",
    "cursor",  "whitespace", "break",      "fill",      "stroke", "object",     "aspect",  "duration",
    "ease",    "delay",      "animate",    "translate", "rotate", "scale",      "skew",    "origin",
    "ring",    "outline",    "decoration", "list",      "align",  "select",     "pointer", "d",
    "float",   "position",   "display",    "line",      "tw",     "sm",         "md",      "lg",
    "xl",      "2xl",        "transition", "backdrop",  "blur",   "drop",       "auto",    "scroll",
    "snap",    "touch",      "will",       "accent",    "caret",  "appearance", "columns", "hyphens",
    "indent",  "underline",  "fw",         "fs",        "g",      "gx",         "gy",      "lh",
    "vh",      "vw",         "has",        "peer",      "group"};

bool inList(std::string_view token, const auto &list)
{
    return std::find(list.begin(), list.end(), token) != list.end();
}

bool isState(std::string_view token)
{
    const std::string low = lower(token);
    if (inList(std::string_view(low), kStateClasses)) return true;
    if (startsWith(low, "is-") || startsWith(low, "has-") || startsWith(low, "ng-") ||
        startsWith(low, "mui-"))
        return true;
    for (std::string_view suffix : kStateSuffixes)
        if (endsWith(low, suffix) && low.size() > suffix.size()) return true;
    return false;
}

bool isUtility(std::string_view token)
{
    if (token.find(':') != std::string_view::npos) return true; // variants: hover:, md:, data-[state=open]:
    if (token.front() == '!' || token.front() == '-') return true; // !mt-0, -mt-2
    if (token.find('[') != std::string_view::npos) return true;    // arbitrary values: max-w-[1045px]
    if (inList(token, kUtilityWords)) return true;
    const std::size_t dash = token.find('-');
    if (dash == std::string_view::npos || dash == 0) return false;
    return inList(token.substr(0, dash), kUtilityPrefixes);
}

bool isGeneric(std::string_view token)
{
    if (inList(token, kGenericClasses)) return true;
    for (std::string_view prefix : kGenericPrefixes)
        if (startsWith(token, prefix) && token.size() > prefix.size()) return true;
    return false;
}

} // namespace

bool isHashLike(std::string_view part)
{
    if (part.size() < 5) return false;
    bool digit = false, letter = false, alnum = true;
    int transitions = 0, caseFlips = 0, upperInside = 0;
    for (std::size_t i = 0; i < part.size(); ++i) {
        const char c = part[i];
        if (isDigit(c))
            digit = true;
        else if (isLetter(c))
            letter = true;
        else
            alnum = false;
        if (i > 0) {
            const char p = part[i - 1];
            if (isDigit(p) != isDigit(c) && (isLetter(p) || isLetter(c))) ++transitions;
            if ((isUpper(p) && isLower(c)) || (isLower(p) && isUpper(c))) ++caseFlips;
            if (isUpper(c)) ++upperInside;
        }
    }
    if (!alnum) return false;
    if (digit && letter && transitions >= 2) return true;
    if (digit && letter && part.size() >= 6 &&
        std::all_of(part.begin(), part.end(), [](char c) { return isDigit(c) || isHexLetter(c); }))
        return true;
    // styled-components / emotion style: short, letters only, case flipping at random.
    if (!digit && part.size() <= 8 && upperInside >= 2 && caseFlips >= 2) return true;
    return false;
}

ClassKind classifyClass(std::string_view token)
{
    if (token.empty()) return ClassKind::Generated;
    const std::string plain = withoutBrackets(token);
    const std::string low = lower(token);
    // Tool-made prefixes.
    if (startsWith(low, "sc-") || startsWith(low, "emotion-") || startsWith(low, "jss") ||
        startsWith(low, "makestyles-") || startsWith(low, "svelte-") || startsWith(low, "astro-") ||
        startsWith(low, "ng-tns-") || startsWith(low, "_ngcontent") || startsWith(low, "_nghost"))
        return ClassKind::Generated;
    if (startsWith(low, "css-") || startsWith(low, "jsx-")) {
        // emotion `css-1x2y3z`, `css-qbfpcj-Button`; styled-jsx `jsx-2187634218`.
        const auto restParts = parts(std::string_view(token).substr(4));
        if (!restParts.empty()) {
            const std::string_view first = restParts.front();
            if (first.size() >= 5 || std::any_of(first.begin(), first.end(), isDigit))
                return ClassKind::Generated;
        }
    }
    if (longestDigitRun(plain) >= 5) return ClassKind::Generated;
    if (anyHashPart(plain)) return ClassKind::Generated;
    if (isState(token)) return ClassKind::State;
    if (isUtility(token)) return ClassKind::Utility;
    if (isGeneric(token)) return ClassKind::Generic;
    return ClassKind::Semantic;
}

ClassKind classifyClass(std::string_view token, std::span<const std::string> siblings)
{
    const ClassKind kind = classifyClass(token);
    if (kind != ClassKind::Semantic || token.size() < 5 || token.size() > 8) return kind;
    if (!std::all_of(token.begin(), token.end(), isLetter) ||
        !std::any_of(token.begin(), token.end(), isUpper))
        return kind;
    const bool styled = std::any_of(siblings.begin(), siblings.end(),
                                    [](const std::string &c) { return startsWith(c, "sc-"); });
    return styled ? ClassKind::Generated : kind;
}

bool isGeneratedValue(std::string_view value)
{
    if (value.empty()) return false;
    if (value.size() > 80) return true;
    if (isUuid(value)) return true;
    if (longestDigitRun(value) >= 5) return true;
    return anyHashPart(value);
}

bool isGeneratedId(std::string_view id)
{
    if (id.empty()) return false;
    if (id.find(':') != std::string_view::npos) return true; // React useId: `:r1:`, `radix-:R1mH:`
    if (isGeneratedValue(id)) return true;
    if (longestDigitRun(id) >= 3) return true;
    const std::string low = lower(id);
    // Library counters: a known prefix and a number somewhere after it.
    constexpr std::array kCounterPrefixes = {
        "ember",     "react-",   "downshift", "headlessui", "radix",   "mui-",   "ui-id-",     "rc-",
        "ext-",      "yui_",     "j_idt",     "gwt-uid",    "__bvid",  "vs",     "aria-",      "floating-ui",
        "reach-",    "chakra-",  "mantine-",  "el-id-",     "input-",  "field-", "tabs-",      "tab-",
        "menu-",     "listbox-", "popover-",  "tooltip-",   "dialog-", "modal-", "accordion-", "select-",
        "combobox-", "jsx-",     "id-",       "uid-",       "auto-",   "tmp-",   "temp-",      "generated"};
    const bool hasDigit = std::any_of(id.begin(), id.end(), isDigit);
    if (hasDigit)
        for (std::string_view prefix : kCounterPrefixes)
            if (startsWith(low, prefix)) return true;
    return false;
}

bool isIdLikeSegment(std::string_view segment)
{
    if (segment.empty()) return false;
    if (std::all_of(segment.begin(), segment.end(), isDigit)) return true;
    if (isUuid(segment)) return true;
    if (longestDigitRun(segment) >= 4) return true;
    int digits = 0;
    for (char c : segment)
        digits += isDigit(c) ? 1 : 0;
    if (segment.size() >= 6 && digits >= 2 &&
        std::all_of(segment.begin(), segment.end(),
                    [](char c) { return isDigit(c) || isLetter(c) || c == '_' || c == '-'; }) &&
        anyHashPart(segment))
        return true;
    if (segment.size() >= 16 && digits >= 2 && segment.find('-') == std::string_view::npos) return true;
    return isHashLike(segment) && digits >= 1;
}

} // namespace hindsight::definitions
