#pragma once

#include "core/demo/shopcatalogue.h"

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace hindsight::demo {

/// Fixed traits of one visitor (derived from the seed and the visitor's number).
struct VisitorTraits
{
    int profile = 0;       ///< index into ShopCatalogue::deviceProfiles()
    int firstName = 0;     ///< for the account greeting "Hi <name>"
    int plantedEmail = -1; ///< >= 0: the account greeting shows this email (planted privacy problem)
    int savedAddress = 0;  ///< which saved address the checkout offers
};

/// What changes about a visitor across sessions.
struct VisitorState
{
    bool identified = false;      ///< logged in: events carry the user id
    std::uint16_t generation = 0; ///< anonymous-id generation (bumped by logging out)
};

/// One interaction of a scripted session, as indices into the catalogue.
struct ScriptEvent
{
    static constexpr std::uint32_t kNoChain = std::numeric_limits<std::uint32_t>::max();

    std::int64_t offsetMs = 0; ///< from the session's start
    std::uint32_t chain = kNoChain;
    std::uint16_t type = 0;  ///< DemoType
    std::uint16_t visit = 0; ///< index into SessionScript::visits
    std::uint16_t extra = 0; ///< DemoExtra
    std::uint16_t generation = 0;
    bool identified = false;
};

/// One page view of a session.
struct ScriptVisit
{
    static constexpr std::uint32_t kDynamic = 0x80000000u; ///< url is `kDynamic | index` into dynamicUrls

    std::uint32_t url = 0;
    std::uint16_t title = 0;
    std::int32_t referrer = -1; ///< >= 0: ShopCatalogue::referrer id; -1: the previous visit's URL
};

/// The scripted interactions of one session (offsets only; the generator places it in time).
struct SessionScript
{
    std::vector<ScriptVisit> visits;
    std::vector<ScriptEvent> events;
    std::vector<std::string> dynamicUrls;
    int utm = 0;

    void clear()
    {
        visits.clear();
        events.clear();
        dynamicUrls.clear();
        utm = 0;
    }
};

/// Plays one visitor's session through the shop: landing page by traffic source, browsing,
/// product pages, cart, checkout and payment with realistic drop-off, login/signup with
/// `identify`, account and help pages, custom events, and the rare planted privacy problems.
/// Deterministic: the same seed, traits and state give the same script.
class SessionSimulator
{
  public:
    /// Soft limits: a session stops at the first page boundary after about this many
    /// interactions or this long (a page adds a few dozen interactions at most).
    static constexpr int kMaxEvents = 240;
    static constexpr std::int64_t kMaxDurationMs = 3LL * 3600 * 1000;

    explicit SessionSimulator(const ShopCatalogue &shop) : m_shop(shop) {}

    /// Fills `out` (cleared first). `state` is updated (login, logout) for the visitor's next session.
    void simulate(std::uint64_t sessionSeed, const VisitorTraits &traits, bool returning, VisitorState &state,
                  SessionScript &out) const;

  private:
    const ShopCatalogue &m_shop;
};

} // namespace hindsight::demo
