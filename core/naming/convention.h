#pragma once

#include "core/naming/casing.h"
#include "core/naming/conventionerror.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hindsight::naming {

/// What a segment of a name stands for.
enum class SegmentRole {
    Free,     ///< any words
    Category, ///< where or what area ("Cart"); usually with allowed values
    Object,   ///< the thing acted on ("Purchase Form", "Order")
    Action,   ///< a verb phrase ("Submit", "Completed", "Signed Up")
};
std::string_view roleName(SegmentRole role); ///< "free", "category", "object", "action"
std::optional<SegmentRole> parseRole(std::string_view text);

/// The tense an action segment is written in. Past means the past participle, which is what
/// "Order [was] Completed" needs: "Written", "Hidden", "Sent".
enum class Tense { Any, Present, Past };
std::string_view tenseName(Tense tense); ///< "any", "present", "past"
std::optional<Tense> parseTense(std::string_view text);

/// Which characters a name may contain besides its separators.
struct CharacterSet
{
    enum class Letters { Unicode, Ascii };
    Letters letters = Letters::Unicode; ///< letters of any script, or only A-Z and a-z
    bool digits = true;
    std::string extra; ///< further characters allowed verbatim, e.g. "&'"

    bool operator==(const CharacterSet &) const = default;
};

/// One part of a name, e.g. the "Category" of "Category - Action Object".
struct Segment
{
    SegmentRole role = SegmentRole::Free;
    std::string label;     ///< shown in messages and patterns; defaults to the role ("Category")
    std::string separator; ///< text between the previous segment and this one (unused for the first)
    Casing casing = Casing::Title;
    bool optional = false; ///< may be left out (then its separator is left out too)
    /// If not empty, the segment must be one of these, spelled in the segment's casing.
    std::vector<std::string> allowedValues;
    /// Action segments: allowed verbs (base forms, phrasal verbs with a space: "log in").
    /// "frobnicate/frobnicated" or "write/wrote/written" teaches a verb with its forms.
    /// Empty: any verb Hindsight knows.
    std::vector<std::string> verbs;
    Tense tense = Tense::Any;               ///< action segments only
    std::vector<std::string> blockedWords;  ///< in addition to the convention's
    std::size_t maxLength = 0;              ///< characters; 0 for no limit
    std::optional<CharacterSet> characters; ///< replaces the convention's for this segment

    /// label, or the role's name with a capital ("Category").
    std::string displayLabel() const;
    bool operator==(const Segment &) const = default;
};

/// Consecutive segments joined by their casing's own word separator (the "Action Object" of
/// "Category - Action Object"). A name is split at group separators first, then each group's
/// words are shared out among its segments (by finding the verb).
struct SegmentGroup
{
    std::size_t first = 0; ///< index of the first segment
    std::size_t count = 0; ///< number of segments
    std::string separator; ///< before this group; empty for the first
    Casing casing = Casing::Title;
};

/// A naming convention as data: ordered segments with separators, casing, allowed values and
/// word rules. Presets: conventionPreset("heap" | "segment" | "snake_case").
struct Convention
{
    std::string id;
    std::string name;
    std::string description;
    std::string example; ///< a name that follows the convention, e.g. "Cart - Submit Purchase Form"
    std::vector<Segment> segments;
    std::size_t maxLength = 0;             ///< whole name, in characters; 0 for no limit
    std::vector<std::string> blockedWords; ///< words no segment may contain (case-insensitive)
    std::vector<std::string> acronyms;     ///< fixed spellings (see AcronymList)
    CharacterSet characters;

    /// "Category - Action Object", "Object Action", "object_action".
    std::string pattern() const;
    /// Segments grouped at their separators. Only meaningful for a valid convention.
    std::vector<SegmentGroup> groups() const;
    /// Everything that makes this convention unusable, with JSON-style paths. Empty when valid.
    std::vector<ConventionError> validate() const;

    bool operator==(const Convention &) const = default;
};

} // namespace hindsight::naming
