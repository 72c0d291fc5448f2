#pragma once

#include "core/privacy/maskrule.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hindsight::store {
class Store;
}

namespace hindsight::privacy {

/// Who changes the rules and why (kept in the history). `atMs` overrides the clock (tests).
struct MaskChange
{
    std::string actor;
    std::string reason;
    std::optional<std::int64_t> atMs;
};

/// One row of a rule's history.
struct MaskHistoryEntry
{
    std::int64_t rule = 0;
    int version = 0;
    std::string action; ///< add, remove
    std::string actor;
    std::int64_t atMs = 0;
    std::string reason;
    std::optional<std::string> beforeJson; ///< the rule's content before (nullopt for add)
    std::optional<std::string> afterJson;  ///< after (nullopt for remove)
};

/// The outcome of a change; on failure nothing was written.
struct MaskStoreResult
{
    bool ok = false;
    std::string error;
    std::vector<MaskRuleIssue> issues; ///< validation problems behind `error`
    MaskRule rule;                     ///< as stored after the change
    explicit operator bool() const { return ok; }
};

/// The masking rules of a workspace (tables mask_rules and mask_rule_history), versioned like
/// the definitions catalog: every change is one transaction writing the new version and a
/// history row with the content before and after. Removing a rule deactivates it; its row and
/// history stay.
class MaskStore
{
  public:
    explicit MaskStore(store::Store &store);

    /// Rules by id; only active ones unless `includeRemoved`. nullopt + error when unreadable.
    std::optional<std::vector<MaskRule>> list(bool includeRemoved, std::string *error = nullptr);
    /// One rule by id (active or removed).
    std::optional<MaskRule> find(std::int64_t id, std::string *error = nullptr);
    /// Adds a rule (version 1, action add). Refused when invalid, when the actor is empty, or when
    /// an active rule has the same content.
    MaskStoreResult add(MaskRule rule, const MaskChange &change);
    /// Deactivates a rule (new version, action remove). Refused for an unknown or removed rule.
    MaskStoreResult remove(std::int64_t id, const MaskChange &change);
    /// Every version, oldest first; nullopt + error for an unknown rule.
    std::optional<std::vector<MaskHistoryEntry>> history(std::int64_t id, std::string *error = nullptr);

  private:
    store::Store &m_store;
};

} // namespace hindsight::privacy
