#include "core/definitions/whichmatch.h"

#include "core/capture/elementchain.h"
#include "core/definitions/elementcondition.h"
#include "core/definitions/selector.h"
#include "core/definitions/textmatcher.h"

#include <set>

namespace hindsight::definitions {

namespace {

/// The element condition of `step`, or nullopt when the step has none; `error` when it does
/// not compile.
std::optional<ElementCondition> elementConditionOf(const Step &step, std::string *error)
{
    if (!step.selector && !step.text && !step.href) return std::nullopt;
    std::optional<Selector> selector;
    if (step.selector) {
        SelectorError e;
        selector = Selector::parse(*step.selector, &e);
        if (!selector) {
            *error = "selector: " + e.reason + " (at position " + std::to_string(e.position) + ")";
            return std::nullopt;
        }
    }
    auto matcher = [error](const std::optional<TextCriterion> &c, const char *what,
                           bool *ok) -> std::optional<TextMatcher> {
        if (!c) return std::nullopt;
        TextMatcherError e;
        auto m = TextMatcher::create(c->pattern, c->mode, c->caseSensitive, &e);
        if (!m) {
            *error = std::string(what) + ": " + e.reason;
            *ok = false;
        }
        return m;
    };
    bool ok = true;
    auto text = matcher(step.text, "text", &ok);
    auto href = matcher(step.href, "href", &ok);
    if (!ok) return std::nullopt;
    return ElementCondition(std::move(selector), std::move(text), std::move(href));
}

struct Describer
{
    const model::ElementChain &chain;
    const DefinitionLookup &lookup;
    std::set<std::string> active; ///< combos being resolved (cycle guard)

    /// Element index and step of the first step of `def` whose element conditions hold; -1 / -1
    /// when none. `error` when a step does not compile.
    std::pair<int, int> describe(const Definition &def, std::string *error)
    {
        if (def.isCombo()) {
            if (!active.insert(def.name).second) return {-1, -1};
            std::pair<int, int> found{-1, -1};
            for (const auto &member : def.combo) {
                const Definition *m = lookup ? lookup(member) : nullptr;
                if (!m) continue;
                std::string memberError;
                const auto r = describe(*m, &memberError);
                if (r.first >= 0) {
                    found = {r.first, -1};
                    break;
                }
            }
            active.erase(def.name);
            return found;
        }
        for (std::size_t s = 0; s < def.steps.size(); ++s) {
            std::string stepError;
            const auto condition = elementConditionOf(def.steps[s], &stepError);
            if (!stepError.empty()) {
                *error = "steps[" + std::to_string(s) + "]." + stepError;
                return {-1, -1};
            }
            if (!condition) continue;
            const int at = condition->matchIndex(chain);
            if (at >= 0) return {at, static_cast<int>(s)};
        }
        return {-1, -1};
    }
};

} // namespace

std::vector<DefinitionMatch> whichMatchRow(const InteractionIndex &index,
                                           std::span<const CompiledDefinition *const> definitions,
                                           std::size_t row)
{
    std::vector<DefinitionMatch> out;
    if (row >= index.size()) return out;
    const std::uint32_t chain = index.chain(row);
    for (const CompiledDefinition *def : definitions) {
        if (!def) continue;
        const int step = def->firstMatchingStep(row);
        if (step < 0) continue;
        out.push_back({def->name(), def->elementIndexInChain(step, chain), step});
    }
    return out;
}

std::optional<std::vector<DefinitionMatch>>
whichMatchInteraction(const InteractionIndex &index, std::span<const CompiledDefinition *const> definitions,
                      std::int64_t id, std::string *error)
{
    const std::ptrdiff_t row = index.rowOf(id);
    if (row < 0) {
        if (error) *error = "no interaction with id " + std::to_string(id);
        return std::nullopt;
    }
    return whichMatchRow(index, definitions, static_cast<std::size_t>(row));
}

std::vector<DefinitionMatch> whichMatch(std::span<const CompiledDefinition *const> definitions,
                                        const MatchableInteraction &interaction)
{
    std::vector<DefinitionMatch> out;
    for (const CompiledDefinition *def : definitions) {
        if (!def || !def->matches(interaction)) continue;
        out.push_back({def->name(), def->matchingElementIndex(interaction), -1});
    }
    return out;
}

std::vector<DefinitionMatch> whichDescribeElement(std::span<const Definition> definitions,
                                                  const model::ElementChain &chain,
                                                  const DefinitionLookup &lookup,
                                                  std::vector<std::string> *skipped)
{
    std::vector<DefinitionMatch> out;
    if (chain.empty()) return out;
    Describer describer{chain, lookup, {}};
    for (const Definition &def : definitions) {
        std::string error;
        const auto [at, step] = describer.describe(def, &error);
        if (!error.empty()) {
            if (skipped) skipped->push_back(def.name + ": " + error);
            continue;
        }
        if (at >= 0) out.push_back({def.name, at, step});
    }
    return out;
}

std::optional<model::ElementChain> chainFromText(std::string_view text, std::string *error)
{
    model::ElementChain chain;
    capture::ChainError e;
    if (!capture::parseElementsChain(text, chain, &e)) {
        if (error)
            *error = "invalid element chain at position " + std::to_string(e.position) + ": " + e.reason;
        return std::nullopt;
    }
    if (chain.empty()) {
        if (error) *error = "the element chain is empty";
        return std::nullopt;
    }
    return chain;
}

} // namespace hindsight::definitions
