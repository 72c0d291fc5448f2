#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/model/element.h"

namespace hindsight::capture {

/// Why a chain could not be read, and where (0-based byte offset into the input).
struct ChainError
{
    std::size_t position = 0;
    std::string reason;
};

/// Parses PostHog's `$elements_chain` text:
///   chain   := element (";" element)*
///   element := [tag] ("." class)* ":" (key '="' value '"')*
/// Keys: text, href, nth-child, nth-of-type, attr_id, attr__<name>. Inside a value `\"` stands
/// for `"` and `\\` for `\`; any other backslash is kept as it is. The class part ends at the
/// first ':' that is followed by `key=` or by the end of the element, so utility classes such
/// as `hover:bg-blue-500/75` and `w-1/2` survive. An empty input is an empty chain.
/// Returns false and fills `error` (if given) on malformed input, e.g. an unterminated quote.
bool parseElementsChain(std::string_view text, model::ElementChain &out, ChainError *error = nullptr);

/// Writes a chain in the canonical form of the grammar above: classes sorted and unique,
/// keys sorted, `"` and `\` in values escaped. parse(serialize(c)) == c for every chain
/// whose classes are sorted and unique and whose attributes are sorted by name.
std::string serializeElementsChain(const model::ElementChain &chain);

/// Puts an element into canonical order (classes sorted and unique, attributes sorted by name).
void canonicalize(model::Element &element);

/// A short human summary of a chain's target: `button#rent-now.btn "Rent now"`.
std::string summarizeTarget(const model::ElementChain &chain);

} // namespace hindsight::capture
