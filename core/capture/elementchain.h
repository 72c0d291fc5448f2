#pragma once

#include "core/model/element.h"

#include <cstddef>
#include <string>
#include <string_view>

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
///
/// Details of the reading:
/// - `attr_id` fills Element::id; `attr__<name>` becomes attribute {name, value} (so
///   `attr__class`, `attr__id`, `attr__href` stay attributes too); when `attr_id` is absent or
///   empty, Element::id takes the value of `attr__id`. `text`, `href`, `nth-child` and
///   `nth-of-type` fill their fields (a later duplicate key wins); an nth value that is not a
///   whole number in int range is an error naming the key. Any other key is kept as an
///   attribute named exactly as the key. Duplicate attribute names keep the last value.
/// - The tag is lower-cased (ASCII); classes are split on '.', empty ones dropped, then sorted
///   and made unique.
/// - Besides a ':' followed by `[A-Za-z0-9_-]*=`, the class part also ends at a ':' followed
///   by `attr__<name>="` whose name holds other characters (`attr__x-on:click="..."`,
///   `attr__xlink:href="..."`), so such attributes are read correctly when they come first.
/// - A key runs up to the first `="`, so it may itself contain '=' (`a=b="v"` is key `a=b`).
/// - Empty elements (`a;;b`, a trailing ';') and ASCII white space around elements and
///   between key/value pairs are skipped. White space inside the tag/class part, a '"' there,
///   and control bytes (< 0x20, 0x7F) outside values are errors; values may hold any byte.
/// - On failure `out` is left empty. On success its previous contents are replaced (their
///   storage is reused, so a caller parsing many chains can keep one vector).
bool parseElementsChain(std::string_view text, model::ElementChain &out, ChainError *error = nullptr);

/// Writes a chain in the canonical form of the grammar above: classes sorted and unique,
/// keys sorted, `"` and `\` in values escaped. parse(serialize(c)) == c for every chain
/// whose classes are sorted and unique and whose attributes are sorted by name.
///
/// Key order is bytewise: `attr__<name>` (by name), `attr_id`, `href`, `nth-child`,
/// `nth-of-type`, `text`. Empty text/href/id and zero nth values are left out; every
/// attribute (also one named by an unknown key when read) is written as `attr__<name>`.
/// Characters the format cannot carry are dropped so that the output always parses: from
/// tags, classes and attribute names ';', '"', white space and control bytes; from a tag also
/// '.' (and the tag is lower-cased); in a tag or class, an '=' right after `:[A-Za-z0-9_-]*`. Classes
/// containing '.' are written as they are and so read back split (as in PostHog), and a tag or class
/// containing `:attr__` followed by an attribute reads back differently; such chains fall outside the
/// round-trip promise above. Unsorted classes/attributes are written in canonical order (the input is not
/// changed).
std::string serializeElementsChain(const model::ElementChain &chain);

/// Puts an element into canonical order (classes sorted and unique, attributes sorted by name;
/// of several attributes with the same name the last one is kept, as when reading a chain).
void canonicalize(model::Element &element);

/// A short human summary of a chain's target: `button#rent-now.btn "Rent now"`.
/// Tag, then `#id`, then `.class` for each class, then the text in double quotes with white
/// space collapsed and trimmed, cut after 40 characters (UTF-8 code points) with "…".
/// Parts that are empty are left out; an empty chain gives "".
std::string summarizeTarget(const model::ElementChain &chain);

} // namespace hindsight::capture
