#include "core/definitions/coverage.h"

#include "core/capture/elementchain.h"

#include <algorithm>
#include <array>
#include <limits>
#include <system_error>
#include <thread>

namespace hindsight::definitions {

namespace {

constexpr std::size_t kBlock = 4096;
constexpr std::size_t kParallelRows = 1u << 20;
constexpr std::size_t kNoRow = std::numeric_limits<std::size_t>::max();

/// What one thread found in its part of the rows.
struct Part
{
    std::int64_t considered = 0;
    std::int64_t matched = 0;
    std::vector<std::int64_t> unmatchedPerChain;
    std::vector<std::size_t> firstUnmatchedRow; ///< per chain, kNoRow when none
};

/// `shapeWanted`: per shape of the index, whether its event type is considered.
void scan(const InteractionIndex &index, std::span<const CompiledDefinition *const> definitions,
          const std::vector<std::uint8_t> &shapeWanted, std::size_t begin, std::size_t end, Part &part)
{
    const std::size_t chainCount = index.dictionaries().chainTexts.size();
    part.unmatchedPerChain.assign(chainCount, 0);
    part.firstUnmatchedRow.assign(chainCount, kNoRow);
    const std::uint32_t *shapes = index.shapes().data();
    const IndexShape *shapeDictionary = index.shapeDictionary().data();
    std::array<std::uint8_t, kBlock> wanted, any, flags;
    for (std::size_t b = begin; b < end; b += kBlock) {
        const std::size_t e = std::min(end, b + kBlock);
        const std::size_t len = e - b;
        std::size_t wantedRows = 0;
        for (std::size_t i = 0; i < len; ++i) {
            wanted[i] = shapeWanted[shapes[b + i]];
            wantedRows += wanted[i];
        }
        if (wantedRows == 0) continue;
        std::fill(any.begin(), any.begin() + static_cast<std::ptrdiff_t>(len), std::uint8_t(0));
        for (const CompiledDefinition *def : definitions) {
            def->matchRows(b, e, flags.data());
            for (std::size_t i = 0; i < len; ++i)
                any[i] |= flags[i];
        }
        part.considered += static_cast<std::int64_t>(wantedRows);
        for (std::size_t i = 0; i < len; ++i) {
            if (!wanted[i]) continue;
            if (any[i]) {
                ++part.matched;
                continue;
            }
            const std::uint32_t c = shapeDictionary[shapes[b + i]].chain;
            if (part.unmatchedPerChain[c]++ == 0) part.firstUnmatchedRow[c] = b + i;
        }
    }
}

} // namespace

CoverageReport coverage(const InteractionIndex &index, std::span<const CompiledDefinition *const> definitions,
                        const CoverageOptions &options)
{
    const auto &dict = index.dictionaries();
    std::vector<std::uint8_t> typeWanted(dict.eventTypes.size(), options.eventTypes.empty() ? 1 : 0);
    for (std::size_t t = 0; t < dict.eventTypes.size(); ++t)
        if (std::find(options.eventTypes.begin(), options.eventTypes.end(), dict.eventTypes[t]) !=
            options.eventTypes.end())
            typeWanted[t] = 1;
    const auto shapes = index.shapeDictionary();
    std::vector<std::uint8_t> shapeWanted(shapes.size());
    for (std::size_t s = 0; s < shapes.size(); ++s)
        shapeWanted[s] = typeWanted[shapes[s].type];

    std::vector<const CompiledDefinition *> defs;
    for (const CompiledDefinition *d : definitions)
        if (d) defs.push_back(d);

    const auto [begin, end] = rowRange(index, options.range);
    std::array<Part, 2> parts;
    const std::size_t mid = begin + (end - begin) / 2;
    bool threaded = false;
    if (end - begin >= kParallelRows) {
        try {
            std::thread second([&] { scan(index, defs, shapeWanted, mid, end, parts[1]); });
            scan(index, defs, shapeWanted, begin, mid, parts[0]);
            second.join();
            threaded = true;
        } catch (const std::system_error &) {
            threaded = false; // no thread to be had: do it all here
        }
    }
    if (!threaded) {
        scan(index, defs, shapeWanted, begin, end, parts[0]);
        parts[1] = Part{};
    }

    CoverageReport report;
    Part &all = parts[0];
    all.considered += parts[1].considered;
    all.matched += parts[1].matched;
    for (std::size_t c = 0; c < parts[1].unmatchedPerChain.size(); ++c) {
        all.unmatchedPerChain[c] += parts[1].unmatchedPerChain[c];
        if (all.firstUnmatchedRow[c] == kNoRow) all.firstUnmatchedRow[c] = parts[1].firstUnmatchedRow[c];
    }
    report.considered = all.considered;
    report.matched = all.matched;
    report.unmatched = all.considered - all.matched;
    report.unmatchedShare =
        report.considered > 0 ? double(report.unmatched) / double(report.considered) : 0.0;

    std::vector<std::uint32_t> unmatched;
    for (std::size_t c = 0; c < all.unmatchedPerChain.size(); ++c)
        if (all.unmatchedPerChain[c] > 0) unmatched.push_back(static_cast<std::uint32_t>(c));
    report.unmatchedElements = static_cast<std::int64_t>(unmatched.size());
    const auto &counts = all.unmatchedPerChain;
    auto largestFirst = [&](std::uint32_t a, std::uint32_t b) {
        if (counts[a] != counts[b]) return counts[a] > counts[b];
        return dict.chainTexts[a] < dict.chainTexts[b];
    };
    const std::size_t keep =
        options.topElements == 0 ? unmatched.size() : std::min(options.topElements, unmatched.size());
    std::partial_sort(unmatched.begin(), unmatched.begin() + static_cast<std::ptrdiff_t>(keep),
                      unmatched.end(), largestFirst);
    for (std::size_t k = 0; k < keep; ++k) {
        const std::uint32_t c = unmatched[k];
        UncoveredElement element;
        element.chain = c;
        element.chainText = dict.chainTexts[c];
        element.summary = capture::summarizeTarget(dict.chains[c]);
        element.count = counts[c];
        element.samplePath = dict.urls[index.url(all.firstUnmatchedRow[c])].path;
        report.elements.push_back(std::move(element));
    }
    return report;
}

} // namespace hindsight::definitions
