#pragma once

#include "core/model/capturedevent.h"
#include "core/privacy/interactiondeletion.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace hindsight::store {
class Store;
}

// The consent policy: what happens to interactions captured without analytics consent, at the
// door (import) and retroactively (`hindsight consent apply`). See docs/privacy.md, "Consent".
namespace hindsight::privacy {

/// What to do with interactions whose consent is unknown (no signal either way).
enum class UnknownConsentAction { Keep, Drop };
/// What to do with interactions whose consent was denied (opted out). Flag keeps them, marked
/// denied in the consent column (the audit and `consent show` count them); Drop removes them.
enum class DeniedConsentAction { Flag, Drop };

struct ConsentPolicy
{
    UnknownConsentAction unknown = UnknownConsentAction::Keep;
    DeniedConsentAction denied = DeniedConsentAction::Flag;
    std::string changedBy;      ///< who set it (empty for the default policy)
    std::int64_t changedMs = 0; ///< when (UTC ms; 0 for the default policy)

    /// True when the policy drops something (unknown or denied).
    bool dropsSomething() const;
    /// Keep for a stored interaction of this consent state? Granted and codes this build does
    /// not know are always kept.
    bool keeps(model::Consent consent) const;
};

/// The settings key the policy is stored under (JSON, see consentPolicyToJson).
inline constexpr std::string_view kConsentPolicyKey = "consent.policy";

std::string_view unknownActionName(UnknownConsentAction action);               ///< "keep", "drop"
std::string_view deniedActionName(DeniedConsentAction action);                 ///< "flag", "drop"
std::optional<UnknownConsentAction> parseUnknownAction(std::string_view name); ///< case-insensitive
std::optional<DeniedConsentAction> parseDeniedAction(std::string_view name);
std::string_view consentName(model::Consent consent); ///< "unknown", "granted", "denied", "other"

/// `{"unknown": "keep", "denied": "flag", "changedBy": "…", "changedMs": N}` (compact, this order).
std::string consentPolicyToJson(const ConsentPolicy &policy);
/// The inverse; nullopt + an error naming the member on anything else.
std::optional<ConsentPolicy> consentPolicyFromJson(std::string_view json, std::string *error);

/// The workspace's policy (the default — keep unknown, flag denied — when none was set).
/// nullopt + error when the store cannot be read or the stored value is invalid.
std::optional<ConsentPolicy> loadConsentPolicy(store::Store &store, std::string *error);
/// Stores the policy (one transaction). False + error on failure.
bool saveConsentPolicy(store::Store &store, const ConsentPolicy &policy, std::string *error);

/// The consent an event's PostHog signals give, for events whose own consent is unknown. The
/// decoder already reads the `$opt_in` / `$opt_out` events and the properties `$opt_in: true` /
/// `$opt_out: true` (docs/capture-format.md); this reads the same signals (for stores imported
/// before it did) and also the property `$consent` ("granted"/"denied", "yes"/"no",
/// true/false), as consent-banner integrations set it. Denied wins over granted. Only top-level
/// properties count. Unknown when there is no signal.
model::Consent consentFromSignals(std::string_view type, std::string_view propertiesJson);

/// The event filter for ingest::ImportOptions::filter ("at the door"): settles an unknown
/// consent from the event's PostHog signals (consentFromSignals), then returns false for events
/// the policy drops. Kept events carry their consent into the store's consent column. Stateless:
/// may be called from any thread. Empty (no filter) for a policy that drops nothing.
std::function<bool(model::CapturedEvent &)> consentFilter(const ConsentPolicy &policy);

/// Runs `first`, then `second` on the events `first` kept. Either may be empty.
std::function<bool(model::CapturedEvent &)>
chainEventFilters(std::function<bool(model::CapturedEvent &)> first,
                  std::function<bool(model::CapturedEvent &)> second);

/// Stored interactions by effective consent (the consent column, or for an unknown column the
/// PostHog signals of the interaction's type and properties), and what applying a policy does.
struct ConsentImpact
{
    std::int64_t interactions = 0;
    std::int64_t unknown = 0;
    std::int64_t granted = 0;
    std::int64_t denied = 0;
    std::int64_t other = 0;  ///< consent codes this build does not know (kept)
    std::int64_t toMark = 0; ///< unknown in the column, settled by their signals: the column is updated
    std::int64_t toDrop = 0; ///< interactions the policy drops
};

/// Counts, changing nothing (one scan of the interactions). nullopt + error on failure.
std::optional<ConsentImpact> assessConsent(store::Store &store, const ConsentPolicy &policy,
                                           std::string *error = nullptr);

struct ConsentApplyReport
{
    ConsentImpact impact;
    DeletionCounts deleted;
    std::int64_t marked = 0; ///< consent column updated from signals
    double seconds = 0;      ///< the transaction
    double scrubSeconds = 0; ///< store::scrubDeletedData (only when something was deleted)
};

/// Applies the policy to what is stored, in ONE transaction: marks interactions whose unknown
/// consent their signals settle, deletes the interactions the policy drops and every dictionary
/// value only they used (deleteInteractions), then scrubs the files (store::scrubDeletedData).
/// nullopt + error on failure (rolled back; if only the scrub failed, the deletion is committed
/// and the error says so).
std::optional<ConsentApplyReport> applyConsentPolicy(store::Store &store, const ConsentPolicy &policy,
                                                     std::string *error = nullptr);

} // namespace hindsight::privacy
