#pragma once

#include <string>

namespace hindsight::naming {

/// A problem with a convention: where it is (a JSON path such as "$.segments[1].casing", or
/// "$" for the document) and what is wrong, in words a person can act on.
struct ConventionError
{
    std::string path;
    std::string message;

    /// "$.segments[1].casing: unknown casing “Titel Case” (...)"
    std::string toString() const { return path.empty() ? message : path + ": " + message; }
    bool operator==(const ConventionError &) const = default;
};

} // namespace hindsight::naming
