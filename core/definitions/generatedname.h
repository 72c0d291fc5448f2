#pragma once

#include <span>
#include <string>
#include <string_view>

namespace hindsight::definitions {

// Heuristics that tell a name a developer wrote (`add-to-cart`, `checkout-submit`) from one a
// build tool or a framework made up (`css-1x2y3z`, `sc-aXZVg`, `ember123`, `:r5:`), used to
// propose selectors that survive the next deploy.

/// What a class token is good for in a selector.
enum class ClassKind {
    Semantic,  ///< names what the element is (`add-to-cart`, `navbar__link`): preferred
    Generic,   ///< stable but shared by many elements (`btn`, `btn-primary`, `card`, `MuiButton-root`)
    Utility,   ///< styling utilities (Tailwind `px-4`, `hover:bg-blue-500/75`, Bootstrap `d-flex`)
    State,     ///< toggles with the UI state (`active`, `is-open`, `navbar__link--active`, `ng-dirty`)
    Generated, ///< made by a tool: CSS-in-JS / CSS-module hashes, long digit or hex runs
};

/// Classifies one class token (see ClassKind).
ClassKind classifyClass(std::string_view token);

/// The same, knowing the element's other classes: next to a styled-components class (`sc-...`),
/// a short letters-only token with any upper-case letter (`bhdLno`) is that component's hash too.
ClassKind classifyClass(std::string_view token, std::span<const std::string> siblings);

/// True when an id looks generated or instance-specific: React `useId` ids (`:r1:`), library
/// counters (`ember123`, `react-select-5-input`, `downshift-0-item`, `headlessui-menu-2`), UUIDs,
/// long hex or digit runs (3+ digits), hash-like segments.
bool isGeneratedId(std::string_view id);

/// True when an attribute value looks generated (same rules as ids, without the library
/// prefixes), or is too long to be a hand-written tracking name.
bool isGeneratedValue(std::string_view value);

/// True when a URL path segment looks like an identifier of one record rather than part of the
/// page structure: all digits, a UUID, a long hex run, or a mix of letters and digits such as
/// `ord_8f3k2x` or `A1B2C3D4`.
bool isIdLikeSegment(std::string_view segment);

/// True when a token (a part of a name between separators) looks like a hash: letters and
/// digits alternating (`1x2y3z`, `3xYz1`), a hex run with digits (`a3f9c2`), or a short token
/// with random-looking case (`aXZVg`, `kGbNrD`).
bool isHashLike(std::string_view part);

} // namespace hindsight::definitions
