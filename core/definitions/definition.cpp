#include "core/definitions/definition.h"

#include <array>
#include <utility>

namespace hindsight::definitions {

namespace {

constexpr std::array<std::pair<DefinitionStatus, std::string_view>, 4> kStatuses = {{
    {DefinitionStatus::Draft, "draft"},
    {DefinitionStatus::Verified, "verified"},
    {DefinitionStatus::Deprecated, "deprecated"},
    {DefinitionStatus::Archived, "archived"},
}};

constexpr std::array<std::pair<PropertyOp, std::string_view>, 6> kOps = {{
    {PropertyOp::Equals, "equals"},
    {PropertyOp::NotEquals, "not_equals"},
    {PropertyOp::Contains, "contains"},
    {PropertyOp::Regex, "regex"},
    {PropertyOp::IsSet, "is_set"},
    {PropertyOp::IsNotSet, "is_not_set"},
}};

template <typename E, std::size_t N>
std::string_view nameOf(const std::array<std::pair<E, std::string_view>, N> &table, E value)
{
    for (const auto &[v, n] : table)
        if (v == value) return n;
    return {};
}

template <typename E, std::size_t N>
std::optional<E> valueOf(const std::array<std::pair<E, std::string_view>, N> &table, std::string_view name)
{
    for (const auto &[v, n] : table)
        if (n == name) return v;
    return std::nullopt;
}

} // namespace

bool Definition::sameContent(const Definition &o) const
{
    return name == o.name && description == o.description && category == o.category && owner == o.owner &&
           tags == o.tags && status == o.status && steps == o.steps && combo == o.combo;
}

std::string_view statusName(DefinitionStatus status)
{
    return nameOf(kStatuses, status);
}

std::optional<DefinitionStatus> statusFromName(std::string_view name)
{
    return valueOf(kStatuses, name);
}

std::string_view propertyOpName(PropertyOp op)
{
    return nameOf(kOps, op);
}

std::optional<PropertyOp> propertyOpFromName(std::string_view name)
{
    return valueOf(kOps, name);
}

std::string_view urlScopeName(UrlScope scope)
{
    return scope == UrlScope::Path ? "path" : "full";
}

std::optional<UrlScope> urlScopeFromName(std::string_view name)
{
    if (name == "full") return UrlScope::Full;
    if (name == "path") return UrlScope::Path;
    return std::nullopt;
}

} // namespace hindsight::definitions
