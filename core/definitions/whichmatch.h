#pragma once

#include "core/definitions/compileddefinition.h"
#include "core/definitions/definition.h"
#include "core/definitions/interactionindex.h"
#include "core/model/element.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hindsight::definitions {

/// One definition that matches, and where.
struct DefinitionMatch
{
    std::string name;
    /// The element of the chain that satisfied the element conditions (0 = the target, 1 = its
    /// parent...), or -1 when the matching step has no element conditions (type / URL only).
    int elementIndex = -1;
    int step = -1; ///< index of the first matching step of the definition (-1 when unknown)
};

/// "Which definitions match this interaction?" — by row of the index (the fast path), in the
/// order of `definitions`.
std::vector<DefinitionMatch> whichMatchRow(const InteractionIndex &index,
                                           std::span<const CompiledDefinition *const> definitions,
                                           std::size_t row);

/// The same for a stored interaction id; nullopt and `error` when the index has no such id.
std::optional<std::vector<DefinitionMatch>>
whichMatchInteraction(const InteractionIndex &index, std::span<const CompiledDefinition *const> definitions,
                      std::int64_t id, std::string *error = nullptr);

/// The same for an interaction given directly (every condition evaluated: type, URL,
/// properties, element conditions). `step` is -1 here.
std::vector<DefinitionMatch> whichMatch(std::span<const CompiledDefinition *const> definitions,
                                        const MatchableInteraction &interaction);

/// "Which definitions describe this element?" — for an element chain pasted by a user, without
/// an interaction around it: only the element conditions (selector, text, href) of each step
/// are evaluated; steps without element conditions do not count, and the event type, URL and
/// property conditions are ignored. Combos are resolved through `lookup` (a combo matches when
/// a definition it names does; cycles are cut). A definition whose criteria do not compile is
/// skipped and named in `skipped` (if given) with the reason.
std::vector<DefinitionMatch> whichDescribeElement(std::span<const Definition> definitions,
                                                  const model::ElementChain &chain,
                                                  const DefinitionLookup &lookup = {},
                                                  std::vector<std::string> *skipped = nullptr);

/// Parses a pasted `$elements_chain` for whichDescribeElement / whichMatch; nullopt and a message
/// with the position when it is malformed or empty.
std::optional<model::ElementChain> chainFromText(std::string_view text, std::string *error = nullptr);

} // namespace hindsight::definitions
