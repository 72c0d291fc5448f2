#pragma once

#include "core/naming/convention.h"
#include "core/naming/conventionerror.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hindsight::naming {

/// A convention read from JSON, or every problem found (each with its JSON path).
struct ConventionLoad
{
    std::optional<Convention> convention;
    std::vector<ConventionError> errors;

    bool ok() const { return convention.has_value(); }
};

/// Reads a convention from JSON (format in docs/naming.md). Unknown keys, wrong types and
/// values, and conventions that do not validate are errors naming the JSON path and the reason,
/// e.g. `$.segments[1].casing: unknown casing “Titel Case” (...)`. `{"extends": "heap", ...}`
/// starts from a preset and replaces the fields given. A given "example" must lint clean.
ConventionLoad conventionFromJson(std::string_view json);

/// Reads a file; an unreadable file is one error with an empty path.
ConventionLoad loadConventionFile(const std::string &path);

/// Pretty-printed JSON that conventionFromJson() reads back to an equal convention.
std::string conventionToJson(const Convention &convention);

/// Writes conventionToJson() to `path`; on failure returns false and sets `error`.
bool saveConventionFile(const Convention &convention, const std::string &path, std::string *error = nullptr);

} // namespace hindsight::naming
