#pragma once

#include <string>

namespace hindsight::naming {

/// What the catalog review needs to know about a definition: a plain value, so naming does not
/// depend on where definitions are stored.
struct CatalogEntry
{
    std::string name;
    std::string description;
    std::string owner;
    std::string category;
    /// "draft", "verified", "deprecated" or "archived". Deprecated and archived entries are left
    /// out of the review; anything else counts as a draft.
    std::string status = "draft";
};

} // namespace hindsight::naming
