#pragma once

#include "core/definitions/answers.h"
#include "core/definitions/definition.h"
#include "core/definitions/interactionindex.h"
#include "core/definitions/selectorsuggester.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace hindsight::definitions {

/// A distinct element chain a proposal matched, with how often.
struct PreviewElement
{
    std::uint32_t chain = 0; ///< index into the index's chain dictionary
    std::string chainText;   ///< canonical `$elements_chain`
    /// summarizeTarget of the element that satisfied the conditions (`button.add-to-cart "Add"`).
    std::string summary;
    int elementIndex = 0; ///< which element of the chain that was (0 = the target)
    std::int64_t count = 0;
};

struct PreviewPage
{
    std::string path; ///< URL path ("" for interactions without a URL)
    std::int64_t count = 0;
};

/// What a proposed step would match over a store, before it is saved: "what else would this
/// match?".
struct SuggestionPreview
{
    Totals totals;                        ///< interactions, people, sessions
    std::int64_t distinctElements = 0;    ///< distinct chains matched
    std::vector<PreviewElement> elements; ///< the most frequent first (count, then chain text)
    std::vector<PreviewPage> pages;       ///< the most frequent paths first (count, then path)
};

/// Previews `step` over `index` (in `range`): totals, the `top` most frequent distinct elements and
/// pages. Uses the same compiled matching as saved definitions. Returns nullopt and the compile
/// error (e.g. an invalid selector or regex, with its position) when the step cannot be compiled.
std::optional<SuggestionPreview> previewSuggestion(const InteractionIndex &index, const Step &step,
                                                   const TimeRange &range = {}, std::size_t top = 10,
                                                   std::string *error = nullptr);

/// The suggester's examples for stored interactions (`suggest --interaction ID...`): chain, URL
/// and type of each; the pointed element is left to the default rule. Unknown ids and
/// interactions without an element chain are refused with a message naming the id.
std::optional<std::vector<SuggestionExample>> examplesFromInteractions(const InteractionIndex &index,
                                                                       std::span<const std::int64_t> ids,
                                                                       std::string *error = nullptr);

} // namespace hindsight::definitions
