#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hindsight::naming {

/// Lint rules. Their ids (ruleId) are stable: scripts and CI filter on them.
enum class Rule {
    Empty,                    ///< "empty": the name has no text
    Whitespace,               ///< "whitespace": leading, trailing, repeated or invisible spaces
    Characters,               ///< "characters": emoji, punctuation or letters the convention does not allow
    MaxLength,                ///< "max-length": the name or a segment is too long
    SegmentCount,             ///< "segment-count": a part of the pattern is missing or there are too many
    Separator,                ///< "separator": wrong text between segments or words
    Casing,                   ///< "casing": words not written in the segment's casing
    AllowedValue,             ///< "allowed-value": a segment outside its list of allowed values
    UnknownVerb,              ///< "unknown-verb": no known verb where the action belongs, or one not allowed
    VerbTense,                ///< "verb-tense": the action is in the wrong tense
    WordOrder,                ///< "word-order": action and object the wrong way round
    BlockedWord,              ///< "blocked-word": a word the convention blocks
    MissingDescription,       ///< "missing-description" (catalog)
    MissingOwner,             ///< "missing-owner" (catalog)
    MissingCategory,          ///< "missing-category" (catalog)
    VerifiedBreaksConvention, ///< "verified-breaks-convention" (catalog)
};

std::string_view ruleId(Rule rule);
std::optional<Rule> parseRuleId(std::string_view id);
const std::vector<Rule> &allRules();

/// One thing wrong with a name or a catalog entry.
struct Violation
{
    Rule rule;
    std::string message; ///< for a person: what is wrong and what the convention wants
    /// A name that follows the convention and lints clean itself, when one can be derived.
    std::optional<std::string> suggestion;

    bool operator==(const Violation &) const = default;
};

} // namespace hindsight::naming
