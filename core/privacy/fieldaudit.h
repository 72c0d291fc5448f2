#pragma once

#include "core/privacy/detectoptions.h"
#include "core/privacy/detectortype.h"
#include "core/privacy/sensitiveelement.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hindsight::store {
class Store;
}

// The field audit: which captured fields of a workspace hold personal data, how much of it, since
// when, and an example that is safe to share (masked). See docs/privacy.md, "Audit".
//
// Fields (names as reported):
//   element.text, element.href, element.attr.<name> (every attribute by name; `element.attr.id`
//   and `element.attr.class` included) -- of every element of every chain;
//   url.host, url.path, url.query.<name>, url.hash -- of the page URL;
//   referrer (the referrer URL without its query string), referrer.query.<name>;
//   title; distinct_id; properties.<key> (nested keys joined with '.', arrays as `[]`).
// Names that themselves hold personal data are masked; long ones are cut (fieldscan.h).
//
// It reads each distinct value once (the dictionary tables urls, texts, chains, properties,
// distinct_ids) and counts interactions with one pass over the interactions table, so its cost
// is one table scan plus detection over the distinct values.
namespace hindsight::privacy {

/// How serious a kind of finding is, for sorting a report.
enum class Severity { High, Medium, Low };
/// High: CREDIT_CARD, US_SSN, IBAN, JWT, SECRET; Medium: EMAIL, PHONE; Low: IP_ADDRESS.
Severity severityOf(DetectorType type);
/// "high", "medium", "low".
std::string_view toString(Severity severity);

/// One detector's findings in one field.
struct DetectorFinding
{
    DetectorType type = DetectorType::Email;
    std::int64_t valuesAffected = 0;       ///< distinct values of the field with a finding of this type
    std::int64_t interactionsAffected = 0; ///< interactions carrying such a value
    std::int64_t firstSeenMs = 0;          ///< UTC ms of the first such interaction
    std::int64_t lastSeenMs = 0;           ///< UTC ms of the last such interaction
    /// One affected value with every finding masked (maskExample), cut around the first finding
    /// when long: taken from the value stored for the most interactions (ties: the smaller text).
    std::string example;
};

/// One captured field.
struct FieldReport
{
    std::string field;
    std::int64_t distinctValues = 0;       ///< distinct non-empty values seen in interactions
    std::int64_t interactions = 0;         ///< interactions in which the field has a non-empty value
    std::vector<DetectorFinding> findings; ///< in DetectorType order; empty when nothing was found
};

/// A form field that takes sensitive input (see classifySensitiveElement), with how often
/// interactions touched it.
struct SensitiveElement
{
    SensitiveKind kind = SensitiveKind::Password;
    std::string element;              ///< describeElement(): no text, personal data masked
    std::vector<std::string> reasons; ///< `type=password`, `autocomplete=cc-number`, …
    std::int64_t chains = 0;          ///< distinct element chains it appears in
    std::int64_t interactions = 0;    ///< interactions whose chain holds it
    /// Interactions whose chain holds it with text (or a `value` attribute) captured from it.
    std::int64_t interactionsWithText = 0;
    std::int64_t firstSeenMs = 0;
    std::int64_t lastSeenMs = 0;

    bool textCaptured() const { return interactionsWithText > 0; }
};

/// Interactions by consent state (model::Consent); `other` counts stored codes this build does
/// not know.
struct ConsentCounts
{
    std::int64_t unknown = 0;
    std::int64_t granted = 0;
    std::int64_t denied = 0;
    std::int64_t other = 0;
};

struct FieldAuditReport
{
    std::int64_t interactions = 0;
    std::optional<std::int64_t> firstMs; ///< first interaction in the store
    std::optional<std::int64_t> lastMs;
    std::vector<FieldReport> fields; ///< sorted by name (bytewise); only those matching the pattern
    /// By kind (password, card, ssn, email, phone), then interactions (most first), then element.
    std::vector<SensitiveElement> sensitiveElements;
    ConsentCounts consent;

    /// Number of (field, detector) pairs with findings.
    std::int64_t findingCount() const;
    /// True when a field holds personal data or a sensitive element had its text captured.
    bool hasFindings() const;
};

struct FieldAuditOptions
{
    /// Only fields whose name matches (fieldMatchesPattern); empty = every field.
    std::string fieldPattern;
    DetectOptions detect;
    /// Worker threads for the scan and the detection; 0 = one per core (at most 8).
    int threads = 0;
    /// Asked by the audit's threads between pieces of work (a few thousand values or a slice of
    /// the interactions); true stops the audit: auditFields() then returns nullopt with the
    /// error kAuditCancelled. Must be safe to call from several threads.
    std::function<bool()> cancelled;
};

/// The error of an audit stopped by FieldAuditOptions::cancelled.
inline constexpr std::string_view kAuditCancelled = "the audit was cancelled";

/// A field pattern: `*` matches any run of characters (also dots), `?` one byte; everything
/// else matches itself. `url.query.*`, `properties.*`, `element.attr.data-*`, `*email*`.
bool fieldMatchesPattern(std::string_view pattern, std::string_view field);

/// Audits a store (read only; opens extra read-only connections to the same file for its
/// workers). nullopt and `error` when the store cannot be read.
std::optional<FieldAuditReport> auditFields(store::Store &store, const FieldAuditOptions &options = {},
                                            std::string *error = nullptr);

} // namespace hindsight::privacy
