#pragma once

#include <string>
#include <string_view>

// Editing the values of a stored "remaining properties" object for masking rules, keeping every
// member that is not edited byte for byte and the members in their order.
namespace hindsight::privacy {

/// What to do with one value of the object.
enum class JsonEdit {
    Keep,    ///< leave it (containers: look inside)
    Replace, ///< write the replacement as a JSON string instead (scalars only)
    Remove,  ///< leave the member (or array element) out
    Abort,   ///< stop: the caller drops the whole object (e.g. the interaction)
};

/// Receives every value of the object with its path: nested object keys joined with '.',
/// array elements under their array's path with "[]" appended (as PropertyFlattener names
/// them), below `root` (`properties.$set.email`, `properties.items[].sku`).
class JsonValueEditor
{
  public:
    virtual ~JsonValueEditor() = default;
    /// A string (unescaped) or number (as written) value. For Replace, put the new text (it is
    /// written as a JSON string) into `replacement`.
    virtual JsonEdit scalar(std::string_view path, std::string_view value, std::string &replacement) = 0;
    /// An object or array (Keep, Remove or Abort; Replace counts as Keep). `empty` when it has no
    /// members.
    virtual JsonEdit container(std::string_view path, bool empty) = 0;
};

/// The outcome of rewriteJsonObject().
enum class JsonRewrite { Unchanged, Changed, Aborted, Invalid };

/// Walks `json` (a JSON object) and applies `editor`. On Changed, `out` holds the edited object
/// in compact form (edited strings escaped with capture::appendJsonString; untouched scalars,
/// keys and unvisited deep containers copied as they were). true, false and null are not
/// offered to the editor. Invalid JSON is reported, never guessed at.
JsonRewrite rewriteJsonObject(std::string_view json, std::string_view root, JsonValueEditor &editor,
                              std::string &out);

} // namespace hindsight::privacy
