#pragma once

#include "core/definitions/textmatcher.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hindsight::definitions {

/// A text criterion as the user wrote it (compiled later into a TextMatcher).
struct TextCriterion
{
    std::string pattern;
    TextMatchMode mode = TextMatchMode::Exact;
    bool caseSensitive = true;
    bool operator==(const TextCriterion &) const = default;
};

/// Which part of the page URL a UrlCriterion looks at.
enum class UrlScope {
    Full, ///< the whole URL, `https://shop.example/orders/7?x=1#top`
    Path, ///< the path alone, `/orders/7`
};

struct UrlCriterion
{
    std::string pattern;
    TextMatchMode mode = TextMatchMode::Exact; ///< exact, contains, regex or wildcard
    bool caseSensitive = true;
    UrlScope scope = UrlScope::Full;
    bool operator==(const UrlCriterion &) const = default;
};

enum class PropertyOp { Equals, NotEquals, Contains, Regex, IsSet, IsNotSet };

/// A filter on one of an interaction's remaining properties (top-level key of its properties
/// object). Values compare as text: a JSON string by its content, numbers and booleans by their
/// JSON spelling (`42`, `true`). `value` is ignored by IsSet / IsNotSet. NotEquals and IsNotSet
/// hold for interactions that lack the key.
struct PropertyFilter
{
    std::string key;
    PropertyOp op = PropertyOp::Equals;
    std::string value;
    bool operator==(const PropertyFilter &) const = default;
};

/// One step: every present condition must hold (AND). Element conditions (selector, text,
/// href) must hold together for ONE element of the chain, the target or an ancestor.
struct Step
{
    std::vector<std::string> eventTypes; ///< any of these (`click`, `submit`, a custom name); empty = any
    std::optional<std::string> selector; ///< CSS selector text
    std::optional<TextCriterion> text;
    std::optional<TextCriterion> href;
    std::optional<UrlCriterion> url;
    std::vector<PropertyFilter> properties;
    bool operator==(const Step &) const = default;
};

enum class DefinitionStatus { Draft, Verified, Deprecated, Archived };

/// A named event definition. Either criteria (`steps`, OR-ed) or a combo (`combo`: names of
/// other definitions, OR-ed) — never both.
struct Definition
{
    std::string name;
    std::string description;
    std::string category;
    std::string owner;
    std::vector<std::string> tags; ///< sorted, unique
    DefinitionStatus status = DefinitionStatus::Draft;
    std::vector<Step> steps;
    std::vector<std::string> combo;

    // Bookkeeping kept by the catalog (ignored when a definition is saved by a user).
    std::int64_t id = 0;
    int version = 0; ///< 1 on creation, +1 on every change
    std::string createdBy;
    std::int64_t createdMs = 0;
    std::string changedBy;
    std::int64_t changedMs = 0;
    std::string verifiedBy;
    std::optional<std::int64_t> verifiedMs;

    bool isCombo() const { return !combo.empty(); }
    /// Equality of what a user edits (name, texts, tags, status, criteria, combo), not bookkeeping.
    bool sameContent(const Definition &other) const;
};

std::string_view statusName(DefinitionStatus status); ///< "draft", "verified", ...
std::optional<DefinitionStatus> statusFromName(std::string_view name);
std::string_view propertyOpName(PropertyOp op); ///< "equals", "not_equals", "contains", "regex", "is_set", "is_not_set"
std::optional<PropertyOp> propertyOpFromName(std::string_view name);
std::string_view urlScopeName(UrlScope scope); ///< "full", "path"
std::optional<UrlScope> urlScopeFromName(std::string_view name);

} // namespace hindsight::definitions
