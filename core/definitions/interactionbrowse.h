#pragma once

#include "core/definitions/answers.h"
#include "core/definitions/interactionindex.h"
#include "core/definitions/selector.h"
#include "core/definitions/textmatcher.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hindsight::store {
class Store;
}

namespace hindsight::definitions {

/// What the studio's interactions browser filters on. Every non-empty part must hold (AND).
///
/// - `eventTypes`: the interaction's type is one of these (exact); empty = any.
/// - `range`: [from, to) in UTC ms.
/// - `page`: the URL path contains `page` (case-insensitive), or, when `page` has a `*`, the whole
///   path matches it as a wildcard (`/product/*`). An interaction without a URL never matches.
/// - `text`: contains `text`, case-insensitive, on the text of the element the filter looks at:
///   the subject of `selector` when one is given (the first element of the chain, from the target
///   up, that the selector matches), else the target. When that element has no text of its own,
///   the nearest text below it in the chain (towards the target) counts, as in the Text breakdown
///   of answers.h. An interaction without an element never matches.
/// - `selector`: a CSS selector (core/definitions/selector.h) that matches the target or one of its
///   ancestors, as a definition's selector does.
/// - `person`: a distinct id; every interaction of the same person matches (the ids linked to it by
///   $identify as well). An id the workspace does not know matches nothing.
/// - `session`: a session id as captured ($session_id); an unknown one matches nothing.
struct BrowseFilter
{
    std::vector<std::string> eventTypes;
    TimeRange range;
    std::string page;
    std::string text;
    std::string selector;
    std::string person;
    std::string session;

    /// True when nothing but (perhaps) the time range is set.
    bool hasOnlyRange() const;
};

/// Why a filter could not be compiled: `field` is "selector", "page", "text" or "session";
/// `position` a byte offset into that field when known.
struct BrowseError
{
    std::string field;
    std::string reason;
    std::optional<std::size_t> position;
    std::string message() const; ///< "selector: expected a tag name (at position 3)"
};

/// One distinct element among the matching interactions. Elements are grouped by what a user sees
/// of the target: its tag, id, classes and whole text, so the same button inside different page
/// layouts (different ancestors, different nth-child) is one element, seen on several pages.
struct ElementGroup
{
    std::string summary;  ///< `button#buy.btn "Add to cart"` (text cut at 40 characters)
    std::string selector; ///< `button#buy.btn`: tag, id and classes of the target
    std::string text;     ///< the target's whole text as captured, may be empty
    std::string chain;    ///< canonical $elements_chain of the representative interaction
    std::int64_t interactions = 0;
    std::int64_t people = 0; ///< identity-resolved
    std::int64_t pages = 0;  ///< distinct URL paths (an interaction without a URL counts as none)
    std::int64_t firstMs = 0, lastMs = 0;
    std::int64_t representativeId = 0; ///< the newest matching interaction of this element
    /// Matching interactions per UTC day, oldest first; the last entry is the UTC day of the
    /// newest interaction in the filter's time range (see ElementGroups::sparklineStartMs).
    std::array<std::int64_t, 30> sparkline{};
};

struct ElementGroups
{
    std::vector<ElementGroup> groups;     ///< by interactions (descending), then summary; one page of them
    std::size_t totalGroups = 0;          ///< distinct elements among all matching interactions
    std::int64_t matchingWithElement = 0; ///< matching interactions that have an element
    std::int64_t sparklineStartMs = 0;    ///< UTC midnight of the sparklines' first day
};

/// A BrowseFilter ready to run over one InteractionIndex (which must outlive it).
///
/// Compiling evaluates the type, page, selector and text conditions once per shape of the index
/// (a distinct type, URL and chain), so a scan is one table lookup per row plus, when a person or
/// session is set, one comparison. Safe to use from several threads.
class BrowseQuery
{
  public:
    /// `store` resolves a session id to the index's session number; it may be null when
    /// `filter.session` is empty. nullopt and `error` when a part is invalid (a selector that does
    /// not parse, a session filter without a store).
    static std::optional<BrowseQuery> compile(const InteractionIndex &index, const BrowseFilter &filter,
                                              store::Store *store, BrowseError *error);

    bool matchesRow(std::size_t row) const;
    /// Matching interactions in the filter's time range.
    std::int64_t count() const;
    /// Ids of matching interactions older than `beforeId` (0 = from the newest), newest first, at
    /// most `limit` (0 = all).
    std::vector<std::int64_t> page(std::int64_t beforeId, std::size_t limit) const;
    /// The distinct elements of the matching interactions (interactions without an element are
    /// left out): skip `offset`, then at most `limit` (0 = all).
    ElementGroups elementGroups(std::size_t offset, std::size_t limit) const;

    /// Shapes of the index that the type, page, selector and text conditions let through.
    std::size_t passingShapes() const;
    const InteractionIndex &index() const { return *m_index; }

  private:
    BrowseQuery() = default;
    bool rowPasses(std::size_t row) const;
    bool isPersonsId(std::uint32_t distinctId) const;
    template <typename Visit> void forEachMatch(std::size_t begin, std::size_t end, const Visit &visit) const;

    const InteractionIndex *m_index = nullptr;
    std::vector<std::uint8_t> m_shapePass; ///< per shape: 1 when it passes
    bool m_everyShape = true;              ///< every shape passes (no shape conditions)
    bool m_nothing = false;                ///< an unknown person or session: nothing matches
    std::optional<std::uint32_t> m_person; ///< the person's distinct id index
    /// Every distinct id index of that person (sorted); a bitmap of them when there are many.
    std::vector<std::uint32_t> m_personIds;
    std::vector<std::uint64_t> m_personBits;
    std::optional<std::uint32_t> m_session;
    std::size_t m_begin = 0, m_end = 0; ///< the rows of the time range
};

/// The session number InteractionIndex::sessions() uses for session id `sessionId` of `store`, or
/// nullopt when the store has no such session.
std::optional<std::uint32_t> sessionIndexOf(store::Store &store, std::string_view sessionId);

} // namespace hindsight::definitions
