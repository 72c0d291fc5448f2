#include "core/definitions/suggestionpreview.h"

#include "core/capture/elementchain.h"
#include "core/definitions/compileddefinition.h"

#include <algorithm>
#include <array>
#include <unordered_map>

namespace hindsight::definitions {

namespace {

constexpr std::size_t kBlock = 4096;

} // namespace

std::optional<SuggestionPreview> previewSuggestion(const InteractionIndex &index, const Step &step,
                                                   const TimeRange &range, std::size_t top,
                                                   std::string *error)
{
    Definition draft;
    draft.name = "(suggestion)";
    draft.steps.push_back(step);
    CompileError compileError;
    auto compiled = CompiledDefinition::compile(draft, index, DefinitionLookup{}, &compileError);
    if (!compiled) {
        if (error) *error = compileError.message();
        return std::nullopt;
    }

    SuggestionPreview out;
    out.totals = totals(index, *compiled, range);

    const auto [begin, end] = rowRange(index, range);
    const std::uint32_t *shapes = index.shapes().data();
    const IndexShape *shapeDictionary = index.shapeDictionary().data();
    const auto &dict = index.dictionaries();
    std::vector<std::int64_t> chainCounts(dict.chainTexts.size(), 0);
    std::vector<std::int64_t> urlCounts(dict.urls.size(), 0);
    std::array<std::uint8_t, kBlock> flags;
    for (std::size_t b = begin; b < end; b += kBlock) {
        const std::size_t e = std::min(end, b + kBlock);
        compiled->matchRows(b, e, flags.data());
        for (std::size_t i = 0; i < e - b; ++i) {
            if (!flags[i]) continue;
            const IndexShape &shape = shapeDictionary[shapes[b + i]];
            ++chainCounts[shape.chain];
            ++urlCounts[shape.url];
        }
    }

    // Elements: distinct chains, most frequent first.
    std::vector<std::uint32_t> matchedChains;
    for (std::size_t c = 0; c < chainCounts.size(); ++c)
        if (chainCounts[c] > 0) matchedChains.push_back(static_cast<std::uint32_t>(c));
    out.distinctElements = static_cast<std::int64_t>(matchedChains.size());
    auto byCount = [&](std::uint32_t a, std::uint32_t b) {
        if (chainCounts[a] != chainCounts[b]) return chainCounts[a] > chainCounts[b];
        return dict.chainTexts[a] < dict.chainTexts[b];
    };
    const std::size_t keepChains = std::min(top, matchedChains.size());
    std::partial_sort(matchedChains.begin(), matchedChains.begin() + static_cast<std::ptrdiff_t>(keepChains),
                      matchedChains.end(), byCount);
    for (std::size_t k = 0; k < keepChains; ++k) {
        const std::uint32_t c = matchedChains[k];
        PreviewElement element;
        element.chain = c;
        element.chainText = dict.chainTexts[c];
        element.count = chainCounts[c];
        const int at = compiled->elementIndexInChain(0, c);
        element.elementIndex = std::max(at, 0);
        const auto &chain = dict.chains[c];
        if (static_cast<std::size_t>(element.elementIndex) < chain.size())
            element.summary = capture::summarizeTarget(model::ElementChain{chain[element.elementIndex]});
        out.elements.push_back(std::move(element));
    }

    // Pages: by path (several URLs share one path).
    std::unordered_map<std::string, std::int64_t> pathCounts;
    for (std::size_t u = 0; u < urlCounts.size(); ++u)
        if (urlCounts[u] > 0) pathCounts[dict.urls[u].path] += urlCounts[u];
    for (auto &[path, count] : pathCounts)
        out.pages.push_back({path, count});
    std::sort(out.pages.begin(), out.pages.end(), [](const PreviewPage &a, const PreviewPage &b) {
        if (a.count != b.count) return a.count > b.count;
        return a.path < b.path;
    });
    if (out.pages.size() > top) out.pages.resize(top);
    return out;
}

std::optional<std::vector<SuggestionExample>>
examplesFromInteractions(const InteractionIndex &index, std::span<const std::int64_t> ids, std::string *error)
{
    auto fail = [error](std::string message) -> std::optional<std::vector<SuggestionExample>> {
        if (error) *error = std::move(message);
        return std::nullopt;
    };
    if (ids.empty()) return fail("no interactions given");
    const auto &dict = index.dictionaries();
    std::vector<SuggestionExample> out;
    for (const std::int64_t id : ids) {
        const std::ptrdiff_t row = index.rowOf(id);
        if (row < 0) return fail("no interaction with id " + std::to_string(id));
        const auto r = static_cast<std::size_t>(row);
        const std::uint32_t chain = index.chain(r);
        const std::string &type = dict.eventTypes[index.type(r)];
        if (chain == 0 || dict.chains[chain].empty())
            return fail("interaction " + std::to_string(id) + " (" + type +
                        ") has no element chain: only element interactions such as clicks can be pointed at");
        SuggestionExample example;
        example.chain = dict.chains[chain];
        example.url = dict.urls[index.url(r)].url;
        example.eventType = type;
        out.push_back(std::move(example));
    }
    return out;
}

} // namespace hindsight::definitions
