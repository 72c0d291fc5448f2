#pragma once

#include "core/privacy/detectortype.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Masking rules: what to do with a captured field, at the door (during import) and retroactively
// (`hindsight mask apply`). See docs/privacy.md, "Masking rules".
namespace hindsight::privacy {

/// What a rule does to the values it selects.
enum class MaskAction {
    Redact,          ///< the value (or each detected span) becomes `[REDACTED]` (`[EMAIL]`, …)
    Hash,            ///< keyed HMAC-SHA-256 with the workspace secret: `hmac:` + 20 hex digits
    Truncate,        ///< keep the first `keep` characters (code points)
    DropField,       ///< remove the field (attribute, query parameter, property, …)
    DropInteraction, ///< do not keep the interaction at all
};

/// "redact", "hash", "truncate", "drop-field", "drop-interaction".
std::string_view toString(MaskAction action);
std::optional<MaskAction> maskActionFromString(std::string_view name);

/// One masking rule. The content (field … keep) is what a user writes; the rest is bookkeeping
/// filled in by MaskStore.
struct MaskRule
{
    std::int64_t id = 0;
    /// Field pattern, named as the field audit names fields: `element.text`, `element.href`,
    /// `element.attr.<name>`, `url`, `url.host`, `url.path`, `url.query.<name>`, `url.hash`,
    /// `referrer` (and `referrer.host` … like url), `title`, `properties.<key>` (nested keys
    /// joined with '.', array elements as `[]`). `*` matches any run of characters (dots too),
    /// `?` one byte: `properties.*`, `url.query.*token*`, `*`.
    std::string field;
    /// Only the spans this detector finds are affected (and drop-field / drop-interaction only
    /// happen when it finds something).
    std::optional<DetectorType> detector;
    /// CSS selector: for element fields, only elements the selector matches (as its subject); for
    /// other fields, only interactions whose element chain it matches.
    std::string selector;
    /// Page URL pattern: only interactions whose page URL matches (wildcard when it holds `*`,
    /// else "contains").
    std::string url;
    MaskAction action = MaskAction::Redact;
    int keep = 0; ///< truncate: characters kept (>= 1)

    // Bookkeeping (MaskStore).
    bool active = true;
    int version = 0;
    std::string createdBy, changedBy;
    std::int64_t createdMs = 0, changedMs = 0;

    /// Content equality (ignores id and bookkeeping).
    bool sameContent(const MaskRule &other) const;
};

/// A problem with a rule, naming the field of the rule (`field`, `detector`, `selector`, `url`,
/// `action`, `keep`) it concerns.
struct MaskRuleIssue
{
    std::string field;
    std::string message;
    std::string text() const { return field + ": " + message; }
};

/// Checks a rule's content: a known field root and shape, a known detector, a selector that
/// parses (its error names the position), a URL pattern that compiles, keep >= 1 exactly for
/// truncate. Empty when valid.
std::vector<MaskRuleIssue> validateMaskRule(const MaskRule &rule);

/// The rule's content as compact JSON, members in a fixed order:
/// `{"field":…,"detector":…,"selector":…,"url":…,"action":…,"keep":…}` (optional members left out
/// when empty; keep only for truncate).
std::string maskRuleToJson(const MaskRule &rule);

/// Reads the content of a rule from JSON (as written by maskRuleToJson). Unknown members, wrong
/// types and invalid content are errors naming the member. Bookkeeping is left default.
std::optional<MaskRule> maskRuleFromJson(std::string_view json, std::string *error = nullptr);

/// A one-line human description: `hash url.query.email where EMAIL on "form.signup" at "*/signup*"`.
std::string describeMaskRule(const MaskRule &rule);

} // namespace hindsight::privacy
