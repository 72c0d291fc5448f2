#include "core/definitions/meaningduplicates.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <climits>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <thread>

namespace hindsight::definitions {

namespace {

constexpr std::size_t kBlockRows = 65536;
constexpr std::size_t kBlockWords = kBlockRows / 64;
/// Row lists kept from the first scan, in all (32-bit rows: 256 MiB at most).
constexpr std::size_t kListBudget = std::size_t(64) << 20;

std::size_t threadCount(std::size_t wanted, std::size_t work)
{
    std::size_t n = wanted;
    if (n == 0) n = std::min<std::size_t>(8, std::max(1u, std::thread::hardware_concurrency()));
    return std::max<std::size_t>(1, std::min(n, work));
}

/// Runs body(i) for i in [0, count) on `threads` threads, handing out indexes one at a time.
template <typename Body> void forEachIndex(std::size_t count, std::size_t threads, Body body)
{
    threads = threadCount(threads, count);
    std::atomic<std::size_t> next{0};
    auto worker = [&](std::size_t slot) {
        for (std::size_t i = next++; i < count; i = next++)
            body(i, slot);
    };
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t)
        pool.emplace_back(worker, t);
    worker(0);
    for (auto &thread : pool)
        thread.join();
}

/// Per definition: how many rows it matches in each block and of each event type.
struct Profile
{
    std::uint64_t size = 0;
    std::vector<std::uint32_t> perBlock;
    std::vector<std::uint32_t> perType;
    /// The matching rows, when the definition is sparse enough to keep them from the first
    /// scan (then the second scan is not needed for it).
    std::vector<std::uint32_t> rows;
    bool hasRows = false;
};

std::uint64_t intersectionSize(const std::vector<std::uint32_t> &a, const std::vector<std::uint32_t> &b)
{
    std::uint64_t common = 0;
    auto i = a.begin(), j = b.begin();
    while (i != a.end() && j != b.end()) {
        if (*i < *j) {
            ++i;
        } else if (*j < *i) {
            ++j;
        } else {
            ++common;
            ++i;
            ++j;
        }
    }
    return common;
}

std::uint64_t l1(const std::vector<std::uint32_t> &a, const std::vector<std::uint32_t> &b)
{
    std::uint64_t sum = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        sum += a[i] > b[i] ? a[i] - b[i] : b[i] - a[i];
    return sum;
}

/// Packs 0/1 bytes into bits (bit r % 64 of word r / 64).
void pack(const std::uint8_t *bytes, std::size_t count, std::uint64_t *words)
{
    const std::size_t wordCount = (count + 63) / 64;
    for (std::size_t w = 0; w < wordCount; ++w) {
        std::uint64_t word = 0;
        const std::size_t end = std::min<std::size_t>(64, count - w * 64);
        const std::uint8_t *b = bytes + w * 64;
        for (std::size_t i = 0; i < end; ++i)
            word |= std::uint64_t(b[i] & 1u) << i;
        words[w] = word;
    }
}

struct UnionFind
{
    std::vector<std::size_t> parent;
    explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
    std::size_t root(std::size_t x)
    {
        while (parent[x] != x)
            x = parent[x] = parent[parent[x]];
        return x;
    }
    void join(std::size_t a, std::size_t b)
    {
        a = root(a);
        b = root(b);
        if (a != b) parent[std::max(a, b)] = std::min(a, b);
    }
};

} // namespace

MeaningDuplicateReport findMeaningDuplicates(const InteractionIndex &index,
                                             const std::vector<const CompiledDefinition *> &definitions,
                                             const MeaningDuplicateOptions &options,
                                             const MeaningPairFilter &skip)
{
    MeaningDuplicateReport report;
    const std::size_t n = definitions.size();
    const std::size_t rows = index.size();
    const std::size_t blocks = (rows + kBlockRows - 1) / kBlockRows;
    const std::size_t typeCount = index.dictionaries().eventTypes.size();
    const std::uint32_t *shapes = index.shapes().data();
    const IndexShape *shapeDictionary = index.shapeDictionary().data();
    const double t = std::clamp(options.minJaccard, 1e-9, 1.0);
    report.matched.assign(n, 0);
    if (n < 2 || rows == 0) {
        for (std::size_t d = 0; d < n; ++d)
            if (definitions[d] && rows) report.matched[d] = definitions[d]->countRows(0, rows);
        return report;
    }

    // Pass 1: counts per block and per event type. Sparse definitions (at most one row in 32
    // matching) also keep their rows, within a budget, so that pass 2 need not scan them again.
    std::vector<Profile> profiles(n);
    std::atomic<std::size_t> budget{rows <= UINT32_MAX ? kListBudget : 0};
    const std::size_t listCap = rows / 32 + 1;
    forEachIndex(n, options.threads, [&](std::size_t d, std::size_t) {
        Profile &p = profiles[d];
        p.perBlock.assign(blocks, 0);
        p.perType.assign(typeCount, 0);
        if (!definitions[d]) return;
        bool keep = budget.load() > 0;
        std::vector<std::uint8_t> hit(kBlockRows);
        for (std::size_t b = 0; b < blocks; ++b) {
            const std::size_t begin = b * kBlockRows, end = std::min(rows, begin + kBlockRows);
            definitions[d]->matchRows(begin, end, hit.data());
            std::uint32_t count = 0;
            for (std::size_t r = begin; r < end; ++r) {
                if (!hit[r - begin]) continue;
                ++count;
                ++p.perType[shapeDictionary[shapes[r]].type];
                if (keep) p.rows.push_back(static_cast<std::uint32_t>(r));
            }
            p.perBlock[b] = count;
            p.size += count;
            if (keep && p.rows.size() > listCap) {
                keep = false;
                std::vector<std::uint32_t>().swap(p.rows);
            }
        }
        if (keep) {
            // Take the list's share of the budget, or give the list up.
            std::size_t left = budget.load();
            while (left >= p.rows.size() && !budget.compare_exchange_weak(left, left - p.rows.size())) {
            }
            keep = left >= p.rows.size();
        }
        p.hasRows = keep;
        if (!keep) std::vector<std::uint32_t>().swap(p.rows);
    });
    for (std::size_t d = 0; d < n; ++d)
        report.matched[d] = profiles[d].size;

    // Candidates: sizes within the factor t, count differences within the bound on |A Δ B|.
    std::vector<std::size_t> bySize;
    for (std::size_t d = 0; d < n; ++d)
        if (profiles[d].size > 0) bySize.push_back(d);
    std::sort(bySize.begin(), bySize.end(), [&](std::size_t a, std::size_t b) {
        return profiles[a].size < profiles[b].size || (profiles[a].size == profiles[b].size && a < b);
    });
    std::vector<std::pair<std::size_t, std::size_t>> candidates;
    for (std::size_t i = 0; i < bySize.size(); ++i) {
        const Profile &small = profiles[bySize[i]];
        for (std::size_t j = i + 1; j < bySize.size(); ++j) {
            const Profile &large = profiles[bySize[j]];
            if (static_cast<double>(small.size) < t * static_cast<double>(large.size)) break;
            const std::size_t a = std::min(bySize[i], bySize[j]), b = std::max(bySize[i], bySize[j]);
            if (skip && skip(a, b)) continue;
            const double maxDifference =
                (1.0 - t) * static_cast<double>(small.size + large.size) / (1.0 + t) + 1e-9;
            if (static_cast<double>(l1(small.perType, large.perType)) > maxDifference) continue;
            if (static_cast<double>(l1(small.perBlock, large.perBlock)) > maxDifference) continue;
            candidates.emplace_back(a, b);
        }
    }
    std::sort(candidates.begin(), candidates.end());
    report.candidatePairs = candidates.size();
    if (candidates.empty()) return report;

    // Pass 2: exact intersections of the candidates. Pairs of kept row lists directly; the
    // others by a second scan, block by block as bitsets (a kept list fills its bitset without
    // scanning).
    const std::size_t threads = threadCount(options.threads, blocks);
    std::vector<std::vector<std::uint64_t>> partial(threads,
                                                    std::vector<std::uint64_t>(candidates.size(), 0));
    std::vector<std::size_t> scanned; // candidates that need the second scan
    for (std::size_t c = 0; c < candidates.size(); ++c) {
        const auto [x, y] = candidates[c];
        if (profiles[x].hasRows && profiles[y].hasRows)
            partial[0][c] = intersectionSize(profiles[x].rows, profiles[y].rows);
        else
            scanned.push_back(c);
    }
    std::vector<std::size_t> slotOf(n, SIZE_MAX);
    std::vector<std::size_t> involved;
    for (const std::size_t c : scanned)
        for (const std::size_t d : {candidates[c].first, candidates[c].second})
            if (slotOf[d] == SIZE_MAX) {
                slotOf[d] = involved.size();
                involved.push_back(d);
                if (!profiles[d].hasRows) ++report.rescanned;
            }
    if (!scanned.empty())
        forEachIndex(blocks, threads, [&](std::size_t b, std::size_t slot) {
            const std::size_t begin = b * kBlockRows, end = std::min(rows, begin + kBlockRows);
            thread_local std::vector<std::uint8_t> hit;
            thread_local std::vector<std::uint64_t> bits;
            hit.resize(kBlockRows);
            bits.resize(involved.size() * kBlockWords);
            std::vector<char> built(involved.size(), 0);
            auto bitsOf = [&](std::size_t d) -> const std::uint64_t * {
                std::uint64_t *words = bits.data() + slotOf[d] * kBlockWords;
                if (!built[slotOf[d]]) {
                    if (profiles[d].hasRows) {
                        std::fill(words, words + kBlockWords, 0);
                        const auto &list = profiles[d].rows;
                        for (auto it = std::lower_bound(list.begin(), list.end(),
                                                        static_cast<std::uint32_t>(begin));
                             it != list.end() && *it < end; ++it)
                            words[(*it - begin) / 64] |= std::uint64_t(1) << ((*it - begin) % 64);
                    } else {
                        definitions[d]->matchRows(begin, end, hit.data());
                        pack(hit.data(), end - begin, words);
                    }
                    built[slotOf[d]] = 1;
                }
                return words;
            };
            const std::size_t wordCount = (end - begin + 63) / 64;
            for (const std::size_t c : scanned) {
                const auto [x, y] = candidates[c];
                if (!profiles[x].perBlock[b] || !profiles[y].perBlock[b]) continue;
                const std::uint64_t *wx = bitsOf(x);
                const std::uint64_t *wy = bitsOf(y);
                std::uint64_t common = 0;
                for (std::size_t w = 0; w < wordCount; ++w)
                    common += static_cast<std::uint64_t>(std::popcount(wx[w] & wy[w]));
                partial[slot][c] += common;
            }
        });

    for (std::size_t c = 0; c < candidates.size(); ++c) {
        std::uint64_t common = 0;
        for (const auto &p : partial)
            common += p[c];
        const auto [x, y] = candidates[c];
        const std::uint64_t unionSize = profiles[x].size + profiles[y].size - common;
        const double jaccard = static_cast<double>(common) / static_cast<double>(unionSize);
        if (jaccard < t) continue;
        report.pairs.push_back({x, y, jaccard, common, profiles[x].size, profiles[y].size});
    }
    std::sort(report.pairs.begin(), report.pairs.end(), [](const MeaningOverlap &a, const MeaningOverlap &b) {
        if (a.jaccard != b.jaccard) return a.jaccard > b.jaccard;
        return std::pair(a.first, a.second) < std::pair(b.first, b.second);
    });

    UnionFind groups(n);
    for (const auto &pair : report.pairs)
        groups.join(pair.first, pair.second);
    std::vector<std::size_t> groupOf(n, SIZE_MAX);
    for (const auto &pair : report.pairs) {
        const std::size_t root = groups.root(pair.first);
        if (groupOf[root] == SIZE_MAX) {
            groupOf[root] = report.groups.size();
            report.groups.emplace_back();
            report.groups.back().overlap = 1.0;
        }
        MeaningGroup &g = report.groups[groupOf[root]];
        g.pairs.push_back(pair);
        g.overlap = std::min(g.overlap, pair.jaccard);
        for (const std::size_t d : {pair.first, pair.second})
            if (std::find(g.members.begin(), g.members.end(), d) == g.members.end()) g.members.push_back(d);
    }
    for (auto &g : report.groups)
        std::sort(g.members.begin(), g.members.end());
    std::sort(report.groups.begin(), report.groups.end(), [](const MeaningGroup &a, const MeaningGroup &b) {
        return a.members.front() < b.members.front();
    });
    return report;
}

} // namespace hindsight::definitions
