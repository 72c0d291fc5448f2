#include "core/naming/duplicatefinder.h"

#include "core/naming/editdistance.h"
#include "core/naming/namelinter.h"
#include "core/naming/parallelfor.h"
#include "core/naming/unicodetext.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>

namespace hindsight::naming {

std::string_view duplicateRuleId(DuplicateRule rule)
{
    switch (rule) {
    case DuplicateRule::SameName:
        return "same-name";
    case DuplicateRule::WordOrder:
        return "word-order";
    case DuplicateRule::VerbForm:
        return "verb-form";
    case DuplicateRule::SynonymVerb:
        return "synonym";
    case DuplicateRule::EditDistance:
        return "edit-distance";
    }
    return "same-name";
}

namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

class UnionFind
{
  public:
    explicit UnionFind(std::size_t size) : m_parent(size)
    {
        for (std::size_t i = 0; i < size; ++i)
            m_parent[i] = i;
    }
    std::size_t find(std::size_t x)
    {
        while (m_parent[x] != x) {
            m_parent[x] = m_parent[m_parent[x]];
            x = m_parent[x];
        }
        return x;
    }
    void unite(std::size_t a, std::size_t b)
    {
        a = find(a);
        b = find(b);
        if (a != b) m_parent[std::max(a, b)] = std::min(a, b);
    }

  private:
    std::vector<std::size_t> m_parent;
};

/// An order-independent hash of a bag of words: two independent 64-bit sums of mixed word
/// hashes, so equal bags hash equal and different bags collide with odds of about 2^-128.
struct BagHash
{
    std::uint64_t a = 0;
    std::uint64_t b = 0;

    void add(std::uint64_t h)
    {
        a += mix(h ^ 0x243F6A8885A308D3ull);
        b += mix(h ^ 0x13198A2E03707344ull);
    }
    static std::uint64_t mix(std::uint64_t x)
    {
        x += 0x9E3779B97F4A7C15ull;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
        return x ^ (x >> 31);
    }
    bool operator==(const BagHash &) const = default;
};

struct BagHashHasher
{
    std::size_t operator()(const BagHash &h) const { return static_cast<std::size_t>(h.a ^ (h.b * 31)); }
};

/// Everything a name is compared by.
struct NameKeys
{
    std::string folded;               ///< "signupclicked"
    BagHash words;                    ///< the words in any order
    BagHash verbForms;                ///< the words with each verb as its base form ("clicked" -> click)
    BagHash synonyms;                 ///< the same with each verb as its synonym group's verb (tap -> click)
    std::string digits;               ///< the numbers in the name, "2|10"
    std::vector<std::uint32_t> verbs; ///< table index of each verb
};

std::uint64_t wordHash(std::string_view word)
{
    return std::hash<std::string_view>{}(word);
}

/// A verb stands for all its forms; the salt keeps it apart from the same text as a plain word.
std::uint64_t verbHash(std::string_view base)
{
    return BagHash::mix(std::hash<std::string_view>{}(base) ^ 0xA4093822299F31D0ull);
}

/// Set bits (std::popcount becomes a library call without -mpopcnt).
std::size_t bitCount(std::uint64_t x)
{
    x = x - ((x >> 1) & 0x5555555555555555ull);
    x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
    x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0Full;
    return static_cast<std::size_t>((x * 0x0101010101010101ull) >> 56);
}

std::string quote(std::string_view s)
{
    return "“" + std::string(s) + "”";
}

} // namespace

DuplicateFinder::DuplicateFinder(const AcronymList &acronyms, const VerbTable &verbs,
                                 DuplicateOptions options)
    : m_splitter(acronyms), m_verbs(&verbs), m_options(options)
{
}

DuplicateFinder::DuplicateFinder(const NameLinter &linter, DuplicateOptions options)
    : DuplicateFinder(linter.acronyms(), linter.verbs(), options)
{
}

std::string DuplicateFinder::fold(std::string_view name) const
{
    std::string out;
    for (const std::string &word : m_splitter.words(name))
        out += text::toLower(word);
    return out;
}

std::vector<DuplicateGroup> DuplicateFinder::find(const std::vector<std::string> &names) const
{
    std::vector<std::vector<std::string>> words;
    words.reserve(names.size());
    for (const std::string &name : names)
        words.push_back(m_splitter.words(name));
    return find(names, words);
}

std::vector<DuplicateGroup> DuplicateFinder::find(const std::vector<std::string> &names,
                                                  const std::vector<std::vector<std::string>> &words) const
{
    const std::size_t count = std::min(names.size(), words.size());
    std::vector<NameKeys> keys(count);
    parallelFor(
        count,
        [&](std::size_t i) {
            NameKeys &key = keys[i];
            std::vector<std::string> lowered;
            lowered.reserve(words[i].size());
            for (const std::string &word : words[i])
                lowered.push_back(text::toLower(word));
            for (const std::string &word : lowered) {
                key.folded += word;
                key.words.add(wordHash(word));
                if (!word.empty() && word[0] >= '0' && word[0] <= '9')
                    key.digits += (key.digits.empty() ? "" : "|") + word;
            }
            for (std::size_t j = 0; j < lowered.size();) {
                const auto match = m_verbs->matchAt(lowered, j);
                if (match && match->verb != VerbTable::npos) {
                    key.verbForms.add(verbHash(m_verbs->verb(match->verb).base));
                    key.synonyms.add(verbHash(m_verbs->synonymHead(match->verb)));
                    key.verbs.push_back(static_cast<std::uint32_t>(match->verb));
                    j += match->words;
                } else {
                    const std::uint64_t h = wordHash(lowered[j]);
                    key.verbForms.add(h);
                    key.synonyms.add(h);
                    ++j;
                }
            }
        },
        512, m_options.threads);

    std::vector<DuplicateGroup> groups;
    // classOf[i]: the class of name i at the current level (kNone for names without words).
    std::vector<std::size_t> classOf(count, kNone);
    std::size_t classCount = 0;
    {
        std::unordered_map<std::string_view, std::size_t> byFolded;
        for (std::size_t i = 0; i < count; ++i) {
            if (keys[i].folded.empty()) continue;
            auto [it, inserted] = byFolded.emplace(keys[i].folded, classCount);
            if (inserted) ++classCount;
            classOf[i] = it->second;
        }
    }

    const auto emit = [&](DuplicateRule rule, const std::vector<std::size_t> &members, std::string reason) {
        DuplicateGroup group{rule, members, {}, std::move(reason)};
        for (std::size_t member : members)
            group.names.push_back(names[member]);
        groups.push_back(std::move(group));
    };

    // Level 1: the same folded name.
    {
        std::vector<std::vector<std::size_t>> members(classCount);
        for (std::size_t i = 0; i < count; ++i) {
            if (classOf[i] != kNone) members[classOf[i]].push_back(i);
        }
        for (const auto &group : members) {
            if (group.size() < 2) continue;
            const bool identical = std::all_of(
                group.begin(), group.end(), [&](std::size_t i) { return names[i] == names[group.front()]; });
            emit(DuplicateRule::SameName, group,
                 identical ? "the same name more than once"
                           : "the same name after folding case and separators");
        }
    }

    // Merges the current classes with `uf` and reports each new class that joined two or more.
    const auto merge = [&](UnionFind &uf, DuplicateRule rule, auto reasonOf) {
        // Renumber the merged classes densely; remember whether each joined several old ones.
        std::vector<std::size_t> renumber(classCount, kNone);
        std::vector<std::size_t> firstOld;
        std::vector<bool> joinsSeveral;
        for (std::size_t i = 0; i < count; ++i) {
            if (classOf[i] == kNone) continue;
            const std::size_t root = uf.find(classOf[i]);
            if (renumber[root] == kNone) {
                renumber[root] = firstOld.size();
                firstOld.push_back(classOf[i]);
                joinsSeveral.push_back(false);
            }
            const std::size_t merged = renumber[root];
            if (firstOld[merged] != classOf[i]) joinsSeveral[merged] = true;
            classOf[i] = merged;
        }
        classCount = firstOld.size();
        std::unordered_map<std::size_t, std::vector<std::size_t>> members;
        for (std::size_t i = 0; i < count; ++i) {
            if (classOf[i] != kNone && joinsSeveral[classOf[i]]) members[classOf[i]].push_back(i);
        }
        std::vector<std::size_t> order;
        for (const auto &[c, list] : members)
            order.push_back(c);
        std::sort(order.begin(), order.end());
        for (std::size_t c : order)
            emit(rule, members[c], reasonOf(c, members[c]));
    };
    const auto byKey = [&](BagHash NameKeys::*field, DuplicateRule rule, auto reasonOf) {
        UnionFind uf(classCount);
        std::unordered_map<BagHash, std::size_t, BagHashHasher> first;
        first.reserve(count);
        for (std::size_t i = 0; i < count; ++i) {
            if (classOf[i] == kNone) continue;
            auto [it, inserted] = first.emplace(keys[i].*field, classOf[i]);
            if (!inserted) uf.unite(it->second, classOf[i]);
        }
        merge(uf, rule, reasonOf);
    };

    byKey(&NameKeys::words, DuplicateRule::WordOrder, [](std::size_t, const std::vector<std::size_t> &) {
        return std::string("the same words in another order");
    });
    byKey(&NameKeys::verbForms, DuplicateRule::VerbForm, [](std::size_t, const std::vector<std::size_t> &) {
        return std::string("the same words with the verb in another tense or place");
    });
    byKey(&NameKeys::synonyms, DuplicateRule::SynonymVerb,
          [&](std::size_t, const std::vector<std::size_t> &members) {
              std::map<std::string, std::set<std::string>> basesByHead;
              for (std::size_t member : members) {
                  for (std::uint32_t verb : keys[member].verbs)
                      basesByHead[m_verbs->synonymHead(verb)].insert(m_verbs->verb(verb).base);
              }
              std::string list;
              for (const auto &[head, bases] : basesByHead) {
                  if (bases.size() < 2) continue;
                  for (const std::string &base : bases)
                      list += (list.empty() ? "" : ", ") + base;
              }
              return list.empty() ? std::string("synonym verbs") : "synonym verbs (" + list + ")";
          });

    if (m_options.editDistance) {
        // Distinct folded names long enough to compare, shortest first.
        struct Item
        {
            std::u32string text;
            std::size_t name;
            std::size_t digits; ///< hash of the name's numbers
        };
        std::vector<Item> items;
        {
            std::unordered_map<std::string_view, bool> seen;
            for (std::size_t i = 0; i < count; ++i) {
                if (classOf[i] == kNone || !seen.emplace(keys[i].folded, true).second) continue;
                std::u32string folded32 = text::toCodePoints(keys[i].folded);
                if (folded32.size() >= m_options.minEditLength)
                    items.push_back(Item{std::move(folded32), i, std::hash<std::string>{}(keys[i].digits)});
            }
        }
        // By length, then alphabetically: neighbours share pieces, which keeps the index warm.
        std::sort(items.begin(), items.end(), [](const Item &a, const Item &b) {
            return a.text.size() != b.text.size() ? a.text.size() < b.text.size() : a.text < b.text;
        });

        // Blocking (after PassJoin's partitions, with a count filter): a name of length L is
        // cut into 2k + 2 pieces at fixed places, k being the edits allowed for its length.
        // One edit changes at most two pieces (a swap across a cut), so a name within k edits
        // keeps at least two pieces intact, each shifted by at most k places. Only names that
        // share two pieces that way are compared. Pieces are indexed by a 64-bit hash of
        // (length, piece number, text): a collision only adds a candidate, it never loses one.
        const auto editsFor = [&](std::size_t length) -> std::size_t {
            return length < m_options.oneEditBelow ? 1 : 2;
        };
        const auto partsFor = [&](std::size_t length) { return 2 * editsFor(length) + 2; };
        // Where piece `part` of a name of `length` starts, precomputed (at most 7 cuts per length).
        const std::size_t longest = items.empty() ? 0 : items.back().text.size();
        std::vector<std::array<std::uint32_t, 8>> cuts(longest + 1);
        for (std::size_t length = 0; length <= longest; ++length) {
            for (std::size_t part = 0; part <= partsFor(length); ++part)
                cuts[length][part] = static_cast<std::uint32_t>(part * length / partsFor(length));
        }
        const auto partStart = [&](std::size_t length, std::size_t part) -> std::size_t {
            return cuts[length][part];
        };
        const auto pieceHash = [](std::size_t length, std::size_t part, const char32_t *piece,
                                  std::size_t size) {
            std::uint64_t h = 1469598103934665603ull ^ (length * 0x9E3779B97F4A7C15ull) ^ (part << 56);
            for (std::size_t k = 0; k < size; ++k) {
                h ^= piece[k];
                h *= 1099511628211ull;
            }
            return h;
        };
        // Which character pairs a name has, as a 64-bit set. One edit removes at most three
        // of a name's pairs (a swap: the pair before, the swapped one, the pair after), so two
        // names within k edits differ in at most 3k bits each way.
        const auto pairMask = [](const std::u32string &s) {
            std::uint64_t mask = 0;
            for (std::size_t k = 0; k + 1 < s.size(); ++k)
                mask |= 1ull << (((s[k] * 0x9E3779B1u) ^ (s[k + 1] * 0x85EBCA77u)) % 64);
            return mask;
        };
        // How often each letter occurs (other characters share a few buckets). An edit moves
        // a name's letter counts by at most two (a swap by none), so two names within k edits
        // are at most 2k apart in these counts.
        constexpr std::size_t kBuckets = 32;
        const auto letterCounts = [&](const std::u32string &s) {
            std::array<std::uint8_t, kBuckets> counts{};
            for (char32_t cp : s) {
                const std::size_t bucket = (cp >= 'a' && cp <= 'z') ? cp - 'a' : 26 + cp % (kBuckets - 26);
                if (counts[bucket] < 255) ++counts[bucket];
            }
            return counts;
        };
        std::vector<std::array<std::uint8_t, kBuckets>> histograms(items.size());
        for (std::size_t idx = 0; idx < items.size(); ++idx)
            histograms[idx] = letterCounts(items[idx].text);
        const auto countDistance = [&](std::size_t x, std::size_t y) {
            std::size_t sum = 0;
            for (std::size_t k = 0; k < kBuckets; ++k)
                sum += static_cast<std::size_t>(std::abs(int(histograms[x][k]) - int(histograms[y][k])));
            return sum;
        };
        std::vector<std::uint64_t> masks(items.size());
        std::vector<std::pair<std::uint64_t, std::uint32_t>> index; // (piece hash, item), sorted
        index.reserve(items.size() * 6);
        for (std::size_t idx = 0; idx < items.size(); ++idx) {
            const std::u32string &s = items[idx].text;
            masks[idx] = pairMask(s);
            for (std::size_t part = 0; part < partsFor(s.size()); ++part) {
                const std::size_t start = partStart(s.size(), part);
                index.emplace_back(
                    pieceHash(s.size(), part, s.data() + start, partStart(s.size(), part + 1) - start),
                    static_cast<std::uint32_t>(idx));
            }
        }
        std::sort(index.begin(), index.end());
        // Open-addressing table: piece hash -> [from, to) in `index` (to == 0 marks a free slot).
        struct Slot
        {
            std::uint64_t key = 0;
            std::uint32_t from = 0, to = 0;
        };
        std::size_t bits = 4;
        while ((std::size_t(1) << bits) < 2 * index.size())
            ++bits;
        std::vector<Slot> table(std::size_t(1) << bits);
        const std::size_t tableMask = table.size() - 1;
        const auto slotOf = [&](std::uint64_t key) { return (key * 0x9E3779B97F4A7C15ull) >> (64 - bits); };
        for (std::size_t k = 0; k < index.size();) {
            std::size_t end = k;
            while (end < index.size() && index[end].first == index[k].first)
                ++end;
            std::size_t slot = slotOf(index[k].first);
            while (table[slot].to != 0)
                slot = (slot + 1) & tableMask;
            table[slot] =
                Slot{index[k].first, static_cast<std::uint32_t>(k), static_cast<std::uint32_t>(end)};
            k = end;
        }
        const auto lookup = [&](std::uint64_t key) -> const Slot * {
            for (std::size_t slot = slotOf(key);; slot = (slot + 1) & tableMask) {
                if (table[slot].to == 0) return nullptr;
                if (table[slot].key == key) return &table[slot];
            }
        };
        // Per candidate: the probe that last saw it, the last piece that matched and how many
        // different pieces matched.
        struct Seen
        {
            std::uint32_t by = std::numeric_limits<std::uint32_t>::max();
            std::uint32_t piece = 0;
            std::uint32_t pieces = 0;
        };
        struct NearPair
        {
            std::size_t a, b, distance;
        };
        // Candidates are found and verified on all cores, in chunks of names; the pairs are then
        // joined in name order, so the result does not depend on the number of threads.
        constexpr std::size_t kChunk = 128;
        const std::size_t chunks = (items.size() + kChunk - 1) / kChunk;
        std::vector<std::vector<NearPair>> chunkPairs(chunks);
        parallelFor(
            chunks,
            [&](std::size_t chunk) {
                std::vector<Seen> seen(items.size());
                std::vector<std::uint32_t> touched;
                const std::size_t chunkEnd = std::min(items.size(), (chunk + 1) * kChunk);
                for (std::size_t idx = chunk * kChunk; idx < chunkEnd; ++idx) {
                    const std::u32string &s = items[idx].text;
                    const std::size_t m = s.size();
                    touched.clear();
                    // Items are sorted by length, so each pair is found once, from its later name.
                    const std::size_t fromLength = std::max(m_options.minEditLength, m >= 2 ? m - 2 : 0);
                    for (std::size_t length = fromLength; length <= m; ++length) {
                        const std::size_t edits = editsFor(length);
                        const std::size_t longer = m - length;
                        if (longer > edits) continue;
                        // With I insertions and D deletions, I - D = longer and I + D <= edits, a
                        // piece moves by D places to the left at most and by I places to the right.
                        const std::size_t left = (edits - longer) / 2;
                        const std::size_t right = (edits + longer) / 2;
                        for (std::size_t part = 0; part < partsFor(length); ++part) {
                            const std::size_t start = partStart(length, part);
                            const std::size_t size = partStart(length, part + 1) - start;
                            const std::size_t lowest = start > left ? start - left : 0;
                            const std::size_t highest = std::min(start + right, m - size);
                            for (std::size_t p = lowest; p <= highest; ++p) {
                                const Slot *found = lookup(pieceHash(length, part, s.data() + p, size));
                                if (!found) continue;
                                for (std::uint32_t k = found->from; k < found->to; ++k) {
                                    const std::uint32_t other = index[k].second;
                                    if (other >= idx) break; // a posting list is sorted by item
                                    Seen &mark = seen[other];
                                    if (mark.by != idx) {
                                        mark = Seen{static_cast<std::uint32_t>(idx),
                                                    static_cast<std::uint32_t>(part), 1};
                                        touched.push_back(other);
                                    } else if (mark.piece != part) {
                                        mark.piece = static_cast<std::uint32_t>(part);
                                        ++mark.pieces;
                                    }
                                }
                            }
                        }
                    }
                    for (std::uint32_t other : touched) {
                        if (seen[other].pieces < 2) continue;
                        const std::size_t limit = editsFor(std::min(items[other].text.size(), m));
                        if (bitCount(masks[other] & ~masks[idx]) > 3 * limit ||
                            bitCount(masks[idx] & ~masks[other]) > 3 * limit ||
                            countDistance(other, idx) > 2 * limit)
                            continue;
                        const std::size_t a = items[other].name;
                        const std::size_t b = items[idx].name;
                        if (items[other].digits != items[idx].digits || keys[a].digits != keys[b].digits ||
                            classOf[a] == classOf[b])
                            continue;
                        const std::size_t distance = boundedEditDistance(items[other].text, s, limit);
                        if (distance <= limit) chunkPairs[chunk].push_back(NearPair{a, b, distance});
                    }
                }
            },
            1, m_options.threads);
        std::vector<NearPair> pairs;
        UnionFind uf(classCount);
        for (const std::vector<NearPair> &found : chunkPairs) {
            for (const NearPair &pair : found) {
                uf.unite(classOf[pair.a], classOf[pair.b]);
                pairs.push_back(pair);
            }
        }
        merge(uf, DuplicateRule::EditDistance, [&](std::size_t c, const std::vector<std::size_t> &) {
            for (const NearPair &pair : pairs) {
                if (classOf[pair.a] != c) continue;
                return "spelled almost the same: " + quote(names[pair.a]) + " and " + quote(names[pair.b]) +
                       " are " +
                       (pair.distance == 1 ? std::string("one letter") : std::string("two letters")) +
                       " apart";
            }
            return std::string("spelled almost the same");
        });
    }

    std::stable_sort(groups.begin(), groups.end(), [](const DuplicateGroup &a, const DuplicateGroup &b) {
        if (a.rule != b.rule) return a.rule < b.rule;
        return a.members.front() < b.members.front();
    });
    return groups;
}

} // namespace hindsight::naming
