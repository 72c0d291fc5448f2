#pragma once

#include "core/definitions/definition.h"
#include "core/model/element.h"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace hindsight::definitions {

/// One interaction (or element) the user pointed at to define an event from.
struct SuggestionExample
{
    model::ElementChain chain; ///< target first, then ancestors
    std::string url;           ///< the page URL (may be empty)
    std::string eventType;     ///< `click`, `submit`...; empty when unknown
    /// The element of the chain the user meant. Empty: SelectorSuggester::defaultPointedIndex.
    std::optional<std::size_t> pointedIndex;
};

/// One selector the suggester would accept, with why.
struct SelectorAlternative
{
    std::string selector; ///< CSS text; parses and matches every example at its pointed element
    std::string reason;   ///< short, for a person: `id #checkout-submit`, `data-track=add-to-cart`
    int score = 0;        ///< robustness, higher is better (ids 100, tracking attributes 95, ...)
};

/// A proposed definition step, ready to be previewed and saved.
struct Suggestion
{
    /// The proposal: event types of the examples, the best selector (alternatives[0]), the
    /// common text of the pointed elements and the common page pattern (path scope), each only
    /// when the examples support it.
    Step step;
    /// Every verified selector, best first (empty when no selector fits all examples).
    std::vector<SelectorAlternative> alternatives;
    std::vector<std::size_t> elementIndices; ///< per example, the chain index used
    std::string textReason;                  ///< why step.text is what it is
    std::string urlReason;                   ///< why step.url is what it is
};

/// Proposes a definition step from examples the user pointed at (the studio's "define from
/// selection" and `suggest --interaction`).
///
/// The selector is chosen for robustness, and every candidate is verified (Selector::parse, then
/// matchesAt on each example's pointed element) before it is offered:
///  1. a stable id (`#checkout-submit`; generated ids such as `ember123`, `:r5:`,
///     `react-select-5-input` are never used);
///  2. a tracking or test attribute (`[data-testid="buy"]`, data-track, data-test, data-cy,
///     data-qa, data-action, data-attr, ...), then other `data-*`, `name`, `aria-label`...;
///  3. tag plus semantic classes (`button.add-to-cart`); generated classes (`css-1x2y3z`,
///     `sc-aXZVg`, CSS-module hashes) and state classes (`active`) are never used; utility
///     classes (Tailwind) and generic ones (`btn`) only when nothing better exists;
///  4. when the element itself is not distinctive, an ancestor that is (`#checkout button`);
///  5. `:nth-child` only when nothing else distinguishes the element and there is no common text.
/// A candidate that also matches an element enclosing the pointed one (so that any click inside
/// that element would count) is ranked down.
class SelectorSuggester
{
  public:
    /// Returns nullopt and fills `error` when there are no examples, an example has no element
    /// chain, or a pointed index is outside its chain.
    static std::optional<Suggestion> suggest(std::span<const SuggestionExample> examples,
                                             std::string *error = nullptr);

    /// The element meant when the user clicked the target: the target itself, except that an
    /// inline target (`span`, `svg`, `path`, `img`, `i`, `strong`...) inside a button or link
    /// (`a`, `button`, `[role=button]`, up to 5 levels up) stands for that button or link.
    static std::size_t defaultPointedIndex(const model::ElementChain &chain);

    /// The common page pattern of `urls` on their paths: exact when identical (and free of
    /// id-like segments), a wildcard (`/product/*`) when the paths share structure and differ in
    /// (or contain) id-like segments, nothing when they have nothing in common. `reason` says which.
    static std::optional<UrlCriterion> pagePattern(std::span<const std::string> urls, std::string *reason);
};

} // namespace hindsight::definitions
