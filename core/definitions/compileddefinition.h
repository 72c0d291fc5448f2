#pragma once

#include "core/definitions/definition.h"
#include "core/definitions/elementcondition.h"
#include "core/definitions/interactionindex.h"
#include "core/definitions/propertyvalues.h"
#include "core/definitions/textmatcher.h"
#include "core/model/element.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hindsight::definitions {

/// Finds a saved definition by name or alias, for combos; may be empty (then a combo cannot
/// be compiled).
using DefinitionLookup = std::function<const Definition *(std::string_view nameOrAlias)>;

/// Why a definition could not be compiled. `path` names the part, like "steps[0].selector" or
/// "combo[1]"; `position` is a byte offset into that part's text when known.
struct CompileError
{
    std::string path;
    std::string reason;
    std::optional<std::size_t> position;
    /// "steps[0].selector: unexpected ')' (at position 4)".
    std::string message() const;
};

/// An interaction given directly (not by row): used for "which definitions match this element"
/// and as the reference path in tests.
struct MatchableInteraction
{
    std::string type;
    std::string url;
    model::ElementChain chain;
    std::string propertiesJson;
};

/// A definition ready to answer questions over one InteractionIndex (which must outlive it).
///
/// Semantics: steps are OR-ed; within a step every present condition must hold: the event type
/// is one of the step's types (none listed = any); the element conditions (selector, text,
/// href) hold together for one element of the chain (an interaction without a chain never
/// matches a step that has any); the URL criterion matches the full URL or its path (an
/// interaction without a URL never matches a step that has one); every property filter holds.
/// A combo ORs the steps of the definitions it names, resolved recursively.
///
/// Compiling evaluates every criterion once over the index's dictionaries (event types, URLs,
/// chains, property objects) into per-dictionary tables of step bits; matchesRow() is then a
/// few table lookups and an AND.
class CompiledDefinition
{
  public:
    static std::optional<CompiledDefinition> compile(const Definition &def, const InteractionIndex &index,
                                                     const DefinitionLookup &lookup, CompileError *error);

    const std::string &name() const { return m_name; }

    /// Fast path: table lookups only.
    bool matchesRow(std::size_t row) const;
    /// Direct evaluation of the criteria (no index tables).
    bool matches(const MatchableInteraction &i) const;
    /// Which element of the chain satisfied the element conditions (0 = target) of the first
    /// matching step; -1 when nothing matches or that step has no element conditions.
    int matchingElementIndex(const MatchableInteraction &i) const;

    // ---- for the answers (fast scans) ----

    /// Writes 1 for every matching row of [begin, end) into out[row - begin], 0 otherwise.
    void matchRows(std::size_t begin, std::size_t end, std::uint8_t *out) const;
    /// Number of matching rows in [begin, end).
    std::size_t countRows(std::size_t begin, std::size_t end) const;
    /// Index of the first step that matches `row`, or -1.
    int firstMatchingStep(std::size_t row) const;
    /// The element that satisfied the element conditions of step `step` in dictionary chain
    /// `chain` (0 = target); -1 when none does or the step has no element conditions.
    int elementIndexInChain(int step, std::uint32_t chain) const;
    std::size_t stepCount() const { return m_steps.size(); }
    /// Whether scans look type, URL and chain up in one per-shape table (folded at compile time)
    /// rather than through the index's shape dictionary; chosen when the store has few shapes.
    bool scansShapes() const { return m_useShapes; }
    const InteractionIndex &index() const { return *m_index; }

  private:
    struct CompiledStep
    {
        std::vector<std::string> eventTypes; ///< empty = any
        std::optional<TextMatcher> url;
        UrlScope urlScope = UrlScope::Full;
        ElementCondition element;
        std::vector<PropertyCondition> properties;
    };
    /// One per dictionary: a mask of `m_words` 64-bit words per entry (bit s = step s allows it).
    struct Table
    {
        std::vector<std::uint64_t> bits;
        bool used = false; ///< false when every entry allows every step (the column is not read)
    };
    enum Dimension { TypeDim, UrlDim, ChainDim, PropertyDim, DimensionCount };

    CompiledDefinition() = default;
    bool stepMatches(const CompiledStep &step, const MatchableInteraction &i, const PropertyValues &props,
                     int *elementIndex) const;
    void buildTables();
    void matchRowsOneWord(std::size_t begin, std::size_t end, std::uint8_t *out) const;

    std::string m_name;
    std::vector<CompiledStep> m_steps;
    const InteractionIndex *m_index = nullptr;
    std::size_t m_words = 1;
    Table m_tables[DimensionCount];
    /// Whether the type, URL or chain table is used (else only properties, or nothing, count).
    bool m_shapeDimsUsed = false;
    /// Without the shape table: whether scans test the property column first (it lets fewer
    /// dictionary entries through) and the shape only where that passed.
    bool m_propertyFirst = false;
    /// Per IndexShape (one mask word only): the AND of its type, URL and chain bits, and whether
    /// that is non-zero.
    std::vector<std::uint64_t> m_shapeBits;
    std::vector<std::uint8_t> m_shapePass;
    bool m_useShapes = false;
    std::vector<std::int16_t> m_elementIndex; ///< [step * chains + chain]
};

} // namespace hindsight::definitions
