#pragma once

#include <string>
#include <utility>
#include <vector>

namespace hindsight::model {

/// One element of an autocaptured element chain, as posthog-js records it.
/// Everything here came from someone else's web page: treat it as untrusted text.
struct Element
{
    std::string tag;                  ///< lower-case tag name, may be empty
    std::string id;                   ///< the id attribute (`attr_id` in a chain); empty if none
    std::vector<std::string> classes; ///< class tokens, sorted, without duplicates
    std::string text;                 ///< visible text (`text` / `$el_text`)
    std::string href;                 ///< link target (`href`)
    /// Other attributes by name, sorted by name. Names are without the `attr__` prefix
    /// (so `attr__data-track="x"` is {"data-track","x"}); `class` and `id` appear here too
    /// when the source carried them as attributes.
    std::vector<std::pair<std::string, std::string>> attributes;
    int nthChild = 0;  ///< 1-based position among siblings, 0 when unknown
    int nthOfType = 0; ///< 1-based position among siblings of the same tag, 0 when unknown

    /// Value of attribute `name` (also answers "id", "class", "href" from the dedicated
    /// fields), or nullptr when absent.
    const std::string *attribute(std::string_view name) const;

    bool operator==(const Element &) const = default;
};

/// Target first, then its ancestors up to (and including) `body` or `html` when captured.
using ElementChain = std::vector<Element>;

} // namespace hindsight::model
