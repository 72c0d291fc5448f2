#pragma once

#include "core/privacy/maskrule.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hindsight::store {
class Store;
}

// Masking what is already stored: `mask test` (what the rules would change) and `mask apply`
// (change it, then scrub the old bytes from the files). See docs/privacy.md, "Masking rules".
namespace hindsight::privacy {

/// One change a rule would make, safe to show: `before` has the changed parts masked.
struct MaskExample
{
    std::string field;
    std::string before;
    std::string after;
};

/// What one rule would change.
struct RuleImpact
{
    MaskRule rule;
    std::int64_t interactionsAffected = 0; ///< interactions it rewrites or drops
    std::int64_t interactionsDropped = 0;  ///< of those, dropped
    std::int64_t valuesChanged =
        0; ///< distinct stored values (urls, titles, chains, property objects) it rewrites
    std::vector<MaskExample> examples; ///< a few, from different values
};

/// What a set of rules would change in a store.
struct MaskImpact
{
    std::int64_t interactions = 0;        ///< interactions in the store
    std::int64_t interactionsChanged = 0; ///< rewritten and kept
    std::int64_t interactionsDropped = 0;
    std::int64_t valuesChanged = 0; ///< distinct stored values rewritten
    std::vector<RuleImpact> rules;  ///< in rule order

    bool changesSomething() const { return interactionsChanged > 0 || interactionsDropped > 0; }
    /// The --yes guard: true when the rules would drop every interaction or rewrite (or drop)
    /// more than half of them.
    bool needsConfirmation() const;
    /// Why confirmation is needed, with the numbers (empty when it is not).
    std::string confirmationReason() const;
};

/// What the rules would change, changing nothing (the store may be opened read-only). Reads each
/// distinct stored value once per combination of rule conditions and counts interactions in one
/// pass over the interactions table. nullopt + error when the store cannot be read or a rule is
/// invalid.
std::optional<MaskImpact> testMaskRules(store::Store &store, const std::vector<MaskRule> &rules,
                                        std::string *error = nullptr);

struct MaskApplyOptions
{
    std::string actor;      ///< recorded with the apply (settings 'mask.last_apply')
    bool confirmed = false; ///< --yes: apply even when needsConfirmation()
};

struct MaskApplyReport
{
    MaskImpact impact;
    bool applied = false;         ///< false when refused by the guard (nothing changed) or nothing to do
    bool refused = false;         ///< needsConfirmation() and not confirmed
    std::int64_t rowsAdded = 0;   ///< dictionary rows written for masked values
    std::int64_t rowsRemoved = 0; ///< dictionary rows deleted (no interaction uses them any more)
    double seconds = 0;           ///< the transaction (without the scrub)
    double scrubSeconds = 0;
};

/// Rewrites the stored values the rules select in ONE transaction: masked values go into the
/// dictionaries (deduplicated: a masked value equal to a stored one reuses its row), interactions
/// are repointed (or deleted for drop-interaction), dictionary rows no interaction uses any more
/// are deleted, and the meta counters (interactions, elements) and generation are updated. Then
/// store::scrubDeletedData removes the old bytes from the file, the WAL and the column cache.
/// nullopt + error on failure (the transaction is rolled back).
std::optional<MaskApplyReport> applyMaskRules(store::Store &store, const std::vector<MaskRule> &rules,
                                              const MaskApplyOptions &options, std::string *error = nullptr);

} // namespace hindsight::privacy
