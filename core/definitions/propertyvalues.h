#pragma once

#include "core/definitions/definition.h"
#include "core/definitions/textmatcher.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hindsight::definitions {

/// The top-level keys of a properties JSON object with their values as text: a JSON string by
/// its content, numbers, booleans and null by their JSON spelling (`42`, `1.50`, `true`), objects
/// and arrays by their JSON text. Sorted by key; of a repeated key the last value is kept.
using PropertyValues = std::vector<std::pair<std::string, std::string>>;

/// Reads `json` (an object). Anything else — empty text, invalid JSON, an array — gives no keys
/// and false.
bool parsePropertyValues(std::string_view json, PropertyValues &out);

/// The value of `key`, or nullptr when absent.
const std::string *findPropertyValue(const PropertyValues &values, std::string_view key);

/// One compiled property filter (see PropertyFilter): equals, not equals, contains and regex
/// compare the value as text, case-sensitively; NotEquals and IsNotSet hold when the key is
/// absent, the others need it.
class PropertyCondition
{
  public:
    /// Nullopt and `error` when the value is not a valid pattern (regex).
    static std::optional<PropertyCondition> create(const PropertyFilter &filter, TextMatcherError *error);

    bool matches(const PropertyValues &values) const;
    const std::string &key() const { return m_key; }

  private:
    PropertyCondition() = default;
    std::string m_key;
    PropertyOp m_op = PropertyOp::Equals;
    std::optional<TextMatcher> m_matcher;
};

} // namespace hindsight::definitions
