#pragma once

#include "core/model/capturedevent.h"
#include "core/privacy/maskrule.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hindsight::store {
class Store;
}

// Applying masking rules to captured values: to a whole event at the door (import), and to one
// stored value of a dictionary table (url, title, chain, property object) for `mask apply`.
// Both paths run the same code, so a value masked at the door equals the same value masked
// retroactively, byte for byte (and the store still deduplicates it).
namespace hindsight::privacy {

/// One bit per rule, by the rule's index in the engine (at most kMaxMaskRules rules).
using RuleBits = std::uint64_t;
inline constexpr std::size_t kMaxMaskRules = 64;

/// What masking did to one value or event.
struct MaskOutcome
{
    bool changed = false;   ///< a value was rewritten or a field removed
    bool drop = false;      ///< a drop-interaction rule fired: the interaction is not kept
    RuleBits changedBy = 0; ///< rules that changed something
    RuleBits droppedBy = 0; ///< drop-interaction rules that fired

    void add(const MaskOutcome &o)
    {
        changed |= o.changed;
        drop |= o.drop;
        changedBy |= o.changedBy;
        droppedBy |= o.droppedBy;
    }
};

/// Which rules' conditions (URL pattern, selector) hold for one interaction.
struct RuleConditions
{
    RuleBits urlOk = ~RuleBits(0);      ///< rules whose URL pattern matches the page URL (or have none)
    RuleBits applicable = ~RuleBits(0); ///< urlOk, and the selector matches the chain (or there is none)
    bool operator==(const RuleConditions &) const = default;
};

/// The active rules of a workspace, compiled. Not thread-safe (it keeps scratch buffers so that
/// masking many values allocates little): one engine per thread.
///
/// Semantics (docs/privacy.md, "Masking rules"):
/// - Conditions are evaluated on the raw interaction: the URL pattern on the page URL, the
///   selector on the element chain (per element for element fields).
/// - drop-interaction rules are checked first, on the raw values; then the other rules run in
///   rule order, each on the value the previous one left. On a URL, rules on the whole URL run
///   before rules on its parts.
/// - Without a detector a rule acts on the whole value; with one, only on the spans the detector
///   finds (with the field's name as context, as the field audit scans it). Empty values are
///   never touched.
/// - Masking is idempotent: masked output (`[EMAIL]`, `hmac:…`, a truncated value) is left as is
///   when the rules run again.
class MaskEngine
{
  public:
    /// Compiles `rules` (all of them; callers pass the active ones). `secret` is the workspace key
    /// for hash rules (workspaceSecret()). nullptr and `error` for an invalid rule or more than
    /// kMaxMaskRules rules.
    static std::unique_ptr<MaskEngine> create(std::vector<MaskRule> rules, std::string secret,
                                              std::string *error = nullptr);
    ~MaskEngine();
    MaskEngine(const MaskEngine &) = delete;
    MaskEngine &operator=(const MaskEngine &) = delete;

    const std::vector<MaskRule> &rules() const;
    bool empty() const;
    /// True when some rule has a URL pattern or a selector (then results depend on the interaction).
    bool hasConditions() const;
    RuleBits allRules() const;

    /// At the door: masks the event in place. On `drop` the event is left partly masked and must
    /// not be stored.
    MaskOutcome maskEvent(model::CapturedEvent &event);

    /// The conditions for an interaction with this (canonical) chain and page URL.
    RuleConditions conditions(std::string_view chain, std::string_view pageUrl);

    /// Retroactive, one stored value. When the outcome is `changed` (and not `drop`), `out` holds
    /// the new value (empty: the field is gone). Unchanged values leave `out` unspecified.
    MaskOutcome maskUrl(std::string_view url, bool referrer, const RuleConditions &c, std::string &out);
    MaskOutcome maskTitle(std::string_view title, const RuleConditions &c, std::string &out);
    MaskOutcome maskChain(std::string_view chain, const RuleConditions &c, std::string &out);
    MaskOutcome maskProperties(std::string_view json, const RuleConditions &c, std::string &out);

    /// Whether any rule can touch values of this column ("url", "referrer", "title", "chain",
    /// "properties"); columns no rule touches need not be read.
    bool touchesUrl() const;
    bool touchesReferrer() const;
    bool touchesTitle() const;
    bool touchesChain() const;
    bool touchesProperties() const;

    /// Receives every change as it is made: the rule's index, the field, the value before (its
    /// changed parts masked, never raw) and after. For `mask test`.
    using ExampleSink = std::function<void(std::size_t rule, std::string_view field, std::string_view before,
                                           std::string_view after)>;
    void setExampleSink(ExampleSink sink);

    /// `hmac:` + the first 20 hex digits of HMAC-SHA-256(secret, value).
    std::string hmac(std::string_view value) const;

  private:
    MaskEngine();
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// True when `value` is exactly what a hash rule writes (`hmac:` + 20 lower-case hex digits).
bool isHmacToken(std::string_view value);

/// The workspace's secret key (meta 'secret', 32 random bytes made with the store).
std::optional<std::string> workspaceSecret(store::Store &store, std::string *error = nullptr);

/// The at-the-door filter for `hindsight import` (ingest::ImportOptions::filter) built from the
/// store's active masking rules: masks each event and returns false for those to drop. An empty
/// function when there are no active rules. nullopt and `error` when the rules cannot be read or
/// compiled. The function owns its engine and must be called from one thread at a time.
std::optional<std::function<bool(model::CapturedEvent &)>> buildImportFilter(store::Store &store,
                                                                             std::string *error = nullptr);

} // namespace hindsight::privacy
