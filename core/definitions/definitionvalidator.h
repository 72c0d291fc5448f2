#pragma once

#include "core/definitions/definition.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hindsight::definitions {

/// One problem with a definition: where (a JSON-style path such as `steps[0].url.match`, relative
/// to the definition unless a caller prefixed it, e.g. `definitions[3].steps[0].selector`), why,
/// and for selector and pattern errors the 0-based byte position inside that string.
struct DefinitionIssue
{
    std::string path;
    std::string reason;
    std::optional<std::size_t> position;

    /// `path: reason (at position N)`.
    std::string message() const;
    bool operator==(const DefinitionIssue &) const = default;
};

/// Limits the validator applies (in Unicode code points).
inline constexpr std::size_t kMaxNameLength = 200;
inline constexpr std::size_t kMaxLabelLength = 200;         ///< category, owner, a tag, an event type
inline constexpr std::size_t kMaxDescriptionLength = 10000; ///< description

/// Everything wrong with `def` as a user would save it (bookkeeping fields are ignored): the
/// name (non-empty, no surrounding whitespace, at most 200 characters, no control characters),
/// criteria or combo (one of them, not both), each step (at least one condition; the selector
/// parses; text, href and URL patterns compile — wildcard only for URLs; property filters have
/// a key, a compiling regex, a value unless is_set / is_not_set), and the combo's member names
/// (non-empty, no duplicates, not the definition itself). Empty when the definition is valid.
/// Whether combo members exist is the catalog's business.
std::vector<DefinitionIssue> validateDefinition(const Definition &def);

/// Tidies what a user typed, before validation and comparison: trims the name, category,
/// owner, tags and combo member names; drops empty tags; sorts tags and removes duplicates.
void normalizeDefinition(Definition &def);

/// The key under which names compare: Unicode NFC, then simple case folding ("Sign Up",
/// "sign up" and "SIGN UP" share one key; so do "Ärger" and "ärger"; "ß" and "ss" do not).
/// Unicode keeps case folding stable across versions, so stored keys stay valid.
std::string definitionNameKey(std::string_view name);

} // namespace hindsight::definitions
