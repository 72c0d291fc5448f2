#pragma once

#include "core/definitions/definition.h"
#include "core/definitions/definitionvalidator.h"

#include <string>
#include <string_view>
#include <vector>

namespace hindsight::definitions {

/// Definitions as JSON ("definitions as code"); the format is described in docs/definitions.md.
///
/// Writing is stable and diff-friendly: keys in a fixed order (name, description, category,
/// owner, tags, status, then steps or combo, then the optional audit object; inside a step:
/// events, selector, text, href, url, properties), 2-space indentation, a step's absent
/// conditions left out, tags sorted. The same definition always gives the same bytes.

/// Version written in, and the only one accepted from, the `hindsight_definitions` key.
inline constexpr int kDefinitionFileVersion = 1;

struct DefinitionJsonOptions
{
    /// Also write an "audit" object (id, version, created/changed/verified by and at). Reading
    /// ignores it, so exporting with audit and importing again still changes nothing.
    bool audit = false;
};

/// One definition as a pretty-printed JSON object (no trailing newline).
std::string definitionToJson(const Definition &def, const DefinitionJsonOptions &options = {});
/// One definition as compact one-line JSON of its user content (what the catalog stores and
/// what history's before/after hold). No audit.
std::string definitionToCompactJson(const Definition &def);
/// `{"hindsight_definitions": 1, "definitions": [...]}`, definitions sorted by name
/// (definitionNameKey, then bytes), ending with a newline.
std::string definitionsToJsonFile(std::vector<Definition> defs, const DefinitionJsonOptions &options = {});

struct DefinitionParseOptions
{
    /// Run validateDefinition() on each definition read (paths prefixed accordingly).
    bool validate = true;
};

struct DefinitionParseResult
{
    std::vector<Definition> definitions; ///< in file order; empty when there are issues
    std::vector<DefinitionIssue>
        issues; ///< paths from the document root, e.g. `definitions[3].steps[0].url.match`
    bool ok() const { return issues.empty(); }
    /// Every issue on its own line.
    std::string message() const;
};

/// Reads a definitions file (`{"hindsight_definitions": 1, "definitions": [...]}`). Every
/// problem names its JSON path; unknown and repeated keys are refused (a typo must not silently
/// drop a condition); definition names must be unique (case-insensitively) within the file.
DefinitionParseResult parseDefinitionFile(std::string_view json, const DefinitionParseOptions &options = {});
/// Reads one definition object (`{"name": ..., "steps": [...]}`); paths start at its fields.
DefinitionParseResult parseDefinitionObject(std::string_view json,
                                            const DefinitionParseOptions &options = {});
/// Either of the above: a file when the top-level object has `hindsight_definitions`, else a
/// single definition object.
DefinitionParseResult parseDefinitionJson(std::string_view json, const DefinitionParseOptions &options = {});

} // namespace hindsight::definitions
