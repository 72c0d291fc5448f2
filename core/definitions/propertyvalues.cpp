#include "core/definitions/propertyvalues.h"

#include <algorithm>
#include <simdjson.h>
#include <utility>

namespace hindsight::definitions {

namespace {

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

bool readObject(std::string_view json, PropertyValues &out)
{
    namespace od = simdjson::ondemand;
    od::parser parser;
    const simdjson::padded_string padded(json);
    od::document doc;
    if (parser.iterate(padded).get(doc)) return false;
    od::object object;
    if (doc.get_object().get(object)) return false;
    for (auto fieldResult : object) {
        od::field field;
        if (std::move(fieldResult).get(field)) return false;
        std::string_view key;
        if (field.unescaped_key().get(key)) return false;
        std::string name(key);
        od::value value = field.value();
        od::json_type type;
        if (value.type().get(type)) return false;
        std::string_view text;
        switch (type) {
        case od::json_type::string:
            if (value.get_string().get(text)) return false;
            break;
        case od::json_type::object:
        case od::json_type::array:
            if (simdjson::to_json_string(value).get(text)) return false;
            break;
        default:
            text = trimmed(value.raw_json_token());
            break;
        }
        out.emplace_back(std::move(name), std::string(text));
    }
    return true;
}

} // namespace

bool parsePropertyValues(std::string_view json, PropertyValues &out)
{
    out.clear();
    if (trimmed(json).empty()) return false;
    if (!readObject(json, out)) {
        out.clear();
        return false;
    }
    // Sorted by key, the last of a repeated key kept.
    std::stable_sort(out.begin(), out.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    PropertyValues unique;
    unique.reserve(out.size());
    for (std::size_t i = 0; i < out.size(); ++i)
        if (i + 1 == out.size() || out[i + 1].first != out[i].first) unique.push_back(std::move(out[i]));
    out = std::move(unique);
    return true;
}

const std::string *findPropertyValue(const PropertyValues &values, std::string_view key)
{
    const auto it = std::lower_bound(values.begin(), values.end(), key,
                                     [](const auto &entry, std::string_view k) { return entry.first < k; });
    return it != values.end() && it->first == key ? &it->second : nullptr;
}

std::optional<PropertyCondition> PropertyCondition::create(const PropertyFilter &filter,
                                                           TextMatcherError *error)
{
    PropertyCondition c;
    c.m_key = filter.key;
    c.m_op = filter.op;
    std::optional<TextMatchMode> mode;
    switch (filter.op) {
    case PropertyOp::Equals:
    case PropertyOp::NotEquals:
        mode = TextMatchMode::Exact;
        break;
    case PropertyOp::Contains:
        mode = TextMatchMode::Contains;
        break;
    case PropertyOp::Regex:
        mode = TextMatchMode::Regex;
        break;
    case PropertyOp::IsSet:
    case PropertyOp::IsNotSet:
        break;
    }
    if (mode) {
        c.m_matcher = TextMatcher::create(filter.value, *mode, true, error);
        if (!c.m_matcher) return std::nullopt;
    }
    return c;
}

bool PropertyCondition::matches(const PropertyValues &values) const
{
    const std::string *value = findPropertyValue(values, m_key);
    switch (m_op) {
    case PropertyOp::IsSet:
        return value != nullptr;
    case PropertyOp::IsNotSet:
        return value == nullptr;
    case PropertyOp::NotEquals:
        return value == nullptr || !m_matcher->matches(*value);
    case PropertyOp::Equals:
    case PropertyOp::Contains:
    case PropertyOp::Regex:
        return value != nullptr && m_matcher->matches(*value);
    }
    return false;
}

} // namespace hindsight::definitions
