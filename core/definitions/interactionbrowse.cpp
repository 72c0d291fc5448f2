#include "core/definitions/interactionbrowse.h"

#include "core/capture/elementchain.h"
#include "core/store/statement.h"
#include "core/store/store.h"

#include <algorithm>
#include <bit>
#include <limits>
#include <system_error>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace hindsight::definitions {

namespace {

constexpr std::int64_t kDayMs = 86'400'000;
constexpr std::size_t kSparkDays = std::tuple_size_v<decltype(ElementGroup::sparkline)>;
/// Below this many rows a second thread costs more than it saves.
constexpr std::size_t kParallelRows = 1u << 18;
constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
constexpr std::uint32_t kNoGroup = std::numeric_limits<std::uint32_t>::max();

/// Runs work(0, begin, mid) and work(1, mid, end), on two threads when the range is large.
template <typename Work> void splitInTwo(std::size_t begin, std::size_t end, const Work &work)
{
    const std::size_t mid = begin + (end - begin) / 2;
    if (end - begin >= kParallelRows) {
        try {
            std::thread second([&] { work(1, mid, end); });
            work(0, begin, mid);
            second.join();
            return;
        } catch (const std::system_error &) {
            // No thread to be had: do it all here.
        }
    }
    work(0, begin, mid);
    work(1, mid, end);
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

/// The text the text filter looks at for `chain`, with the element at `at` as the subject: its
/// own text, or the nearest text below it (towards the target); nullptr when there is none.
const std::string *textAt(const model::ElementChain &chain, std::size_t at)
{
    for (std::size_t k = std::min(at + 1, chain.size()); k-- > 0;)
        if (!chain[k].text.empty()) return &chain[k].text;
    return nullptr;
}

/// tag#id.classes of the target (summarizeTarget of the target without its text).
std::string selectorPart(const model::Element &element)
{
    model::Element bare;
    bare.tag = element.tag;
    bare.id = element.id;
    bare.classes = element.classes;
    return capture::summarizeTarget({bare});
}

struct Bitmap
{
    explicit Bitmap(std::size_t bits) : words((bits + 63) / 64, 0) {}
    void set(std::uint32_t bit) { words[bit >> 6] |= std::uint64_t(1) << (bit & 63); }
    std::vector<std::uint64_t> words;
};

} // namespace

bool BrowseFilter::hasOnlyRange() const
{
    return eventTypes.empty() && page.empty() && text.empty() && selector.empty() && person.empty() &&
           session.empty();
}

std::string BrowseError::message() const
{
    std::string out = field.empty() ? reason : field + ": " + reason;
    if (position) out += " (at position " + std::to_string(*position) + ")";
    return out;
}

std::optional<std::uint32_t> sessionIndexOf(store::Store &store, std::string_view sessionId)
{
    // InteractionIndex numbers sessions densely in the order of their row ids, from 1.
    store::Statement find(store.db(), "SELECT id FROM sessions WHERE session_key = ?");
    if (!find.valid()) return std::nullopt;
    find.bindText(1, sessionId);
    if (!find.next()) return std::nullopt;
    const std::int64_t id = find.int64(0);
    store::Statement rank(store.db(), "SELECT count(*) FROM sessions WHERE id <= ?");
    if (!rank.valid()) return std::nullopt;
    rank.bind(1, id);
    if (!rank.next()) return std::nullopt;
    return static_cast<std::uint32_t>(rank.int64(0));
}

std::optional<BrowseQuery> BrowseQuery::compile(const InteractionIndex &index, const BrowseFilter &filter,
                                                store::Store *store, BrowseError *error)
{
    auto fail = [&](std::string field, std::string reason,
                    std::optional<std::size_t> position = std::nullopt) -> std::optional<BrowseQuery> {
        if (error) *error = BrowseError{std::move(field), std::move(reason), position};
        return std::nullopt;
    };

    std::optional<Selector> selector;
    if (!filter.selector.empty()) {
        SelectorError e;
        selector = Selector::parse(filter.selector, &e);
        if (!selector) return fail("selector", e.reason, e.position);
    }
    std::optional<TextMatcher> page, text;
    if (!filter.page.empty()) {
        TextMatcherError e;
        const bool wildcard = filter.page.find('*') != std::string::npos;
        page = TextMatcher::create(filter.page, wildcard ? TextMatchMode::Wildcard : TextMatchMode::Contains,
                                   false, &e);
        if (!page) return fail("page", e.reason, e.position);
    }
    if (!filter.text.empty()) {
        TextMatcherError e;
        text = TextMatcher::create(filter.text, TextMatchMode::Contains, false, &e);
        if (!text) return fail("text", e.reason, e.position);
    }

    BrowseQuery q;
    q.m_index = &index;
    std::tie(q.m_begin, q.m_end) = rowRange(index, filter.range);
    const IndexDictionaries &d = index.dictionaries();

    if (!filter.person.empty()) {
        const auto it = std::find(d.distinctIds.begin() + (d.distinctIds.empty() ? 0 : 1),
                                  d.distinctIds.end(), filter.person);
        if (it == d.distinctIds.end()) {
            q.m_nothing = true;
        } else {
            // A scan then compares the row's distinct id with the person's few ids instead of
            // looking up every row's person.
            q.m_person = d.personOf[static_cast<std::size_t>(it - d.distinctIds.begin())];
            for (std::size_t k = 1; k < d.personOf.size(); ++k)
                if (d.personOf[k] == *q.m_person) q.m_personIds.push_back(static_cast<std::uint32_t>(k));
            if (q.m_personIds.size() > 8) {
                q.m_personBits.assign((d.distinctIds.size() + 63) / 64, 0);
                for (const std::uint32_t k : q.m_personIds)
                    q.m_personBits[k >> 6] |= std::uint64_t(1) << (k & 63);
            }
        }
    }
    if (!filter.session.empty()) {
        if (!store) return fail("session", "a session filter needs the workspace's store");
        const auto s = sessionIndexOf(*store, filter.session);
        if (!s || *s == 0 || *s >= index.sessionCount())
            q.m_nothing = true;
        else
            q.m_session = *s;
    }

    // Per dictionary entry, then per shape.
    const bool anyShapeCondition = !filter.eventTypes.empty() || page || text || selector;
    const auto shapes = index.shapeDictionary();
    q.m_everyShape = !anyShapeCondition;
    q.m_shapePass.assign(shapes.size(), anyShapeCondition ? 0 : 1);
    if (anyShapeCondition) {
        std::vector<std::uint8_t> typeOk(d.eventTypes.size(), filter.eventTypes.empty() ? 1 : 0);
        for (std::size_t t = 1; t < d.eventTypes.size(); ++t)
            for (const std::string &wanted : filter.eventTypes)
                if (d.eventTypes[t] == wanted) typeOk[t] = 1;
        std::vector<std::uint8_t> urlOk(d.urls.size(), page ? 0 : 1);
        if (page)
            for (std::size_t u = 1; u < d.urls.size(); ++u)
                urlOk[u] = page->matches(d.urls[u].path) ? 1 : 0;
        // Chains are evaluated lazily: only those of shapes whose type and URL pass.
        std::vector<std::int8_t> chainOk(d.chains.size(), -1);
        const bool chainCondition = selector || text;
        auto chainPasses = [&](std::uint32_t c) {
            if (!chainCondition) return true;
            if (chainOk[c] < 0) {
                const model::ElementChain &chain = d.chains[c];
                bool ok = !chain.empty();
                std::size_t at = 0;
                if (ok && selector) {
                    const int i = selector->matchIndex(chain);
                    ok = i >= 0;
                    at = ok ? static_cast<std::size_t>(i) : 0;
                }
                if (ok && text) {
                    const std::string *t = textAt(chain, at);
                    ok = t && text->matches(*t);
                }
                chainOk[c] = ok ? 1 : 0;
            }
            return chainOk[c] == 1;
        };
        for (std::size_t s = 0; s < shapes.size(); ++s) {
            const IndexShape &shape = shapes[s];
            q.m_shapePass[s] = typeOk[shape.type] && urlOk[shape.url] && chainPasses(shape.chain) ? 1 : 0;
        }
    }
    return q;
}

std::size_t BrowseQuery::passingShapes() const
{
    return static_cast<std::size_t>(std::count(m_shapePass.begin(), m_shapePass.end(), std::uint8_t(1)));
}

bool BrowseQuery::isPersonsId(std::uint32_t distinctId) const
{
    if (!m_personBits.empty()) return (m_personBits[distinctId >> 6] >> (distinctId & 63)) & 1;
    for (const std::uint32_t k : m_personIds)
        if (k == distinctId) return true;
    return false;
}

bool BrowseQuery::rowPasses(std::size_t row) const
{
    if (m_nothing) return false;
    if (m_session && m_index->sessions()[row] != *m_session) return false;
    if (m_person && !isPersonsId(m_index->distinctIds()[row])) return false;
    return m_shapePass[m_index->shapes()[row]] != 0;
}

bool BrowseQuery::matchesRow(std::size_t row) const
{
    if (row < m_begin || row >= m_end) return false;
    return rowPasses(row);
}

template <typename Visit>
void BrowseQuery::forEachMatch(std::size_t begin, std::size_t end, const Visit &visit) const
{
    if (m_nothing || begin >= end) return;
    const std::uint32_t *shapes = m_index->shapes().data();
    const std::uint8_t *pass = m_shapePass.data();
    if (m_person || m_session) {
        const std::uint32_t *distinct = m_index->distinctIds().data();
        const std::uint32_t *sessions = m_index->sessions().data();
        // The person or session is the rarer condition: test it first.
        if (m_session) {
            const std::uint32_t session = *m_session;
            for (std::size_t r = begin; r < end; ++r) {
                if (sessions[r] != session) continue;
                if (m_person && !isPersonsId(distinct[r])) continue;
                if (pass[shapes[r]]) visit(r);
            }
        } else if (m_personIds.size() == 1) {
            const std::uint32_t only = m_personIds.front();
            for (std::size_t r = begin; r < end; ++r)
                if (distinct[r] == only && pass[shapes[r]]) visit(r);
        } else {
            for (std::size_t r = begin; r < end; ++r)
                if (isPersonsId(distinct[r]) && pass[shapes[r]]) visit(r);
        }
        return;
    }
    if (m_everyShape) {
        for (std::size_t r = begin; r < end; ++r)
            visit(r);
        return;
    }
    for (std::size_t r = begin; r < end; ++r)
        if (pass[shapes[r]]) visit(r);
}

std::int64_t BrowseQuery::count() const
{
    if (m_nothing) return 0;
    if (m_everyShape && !m_person && !m_session) return static_cast<std::int64_t>(m_end - m_begin);
    std::array<std::int64_t, 2> counts = {0, 0};
    splitInTwo(m_begin, m_end, [&](int part, std::size_t b, std::size_t e) {
        std::int64_t n = 0;
        if (!m_person && !m_session) {
            // Branch-free: add the pass flag of every row.
            const std::uint32_t *shapes = m_index->shapes().data();
            const std::uint8_t *pass = m_shapePass.data();
            for (std::size_t r = b; r < e; ++r)
                n += pass[shapes[r]];
        } else {
            forEachMatch(b, e, [&](std::size_t) { ++n; });
        }
        counts[static_cast<std::size_t>(part)] = n;
    });
    return counts[0] + counts[1];
}

std::vector<std::int64_t> BrowseQuery::page(std::int64_t beforeId, std::size_t limit) const
{
    std::vector<std::int64_t> ids;
    if (m_nothing) return ids;
    const auto idColumn = m_index->ids();
    std::size_t end = m_end;
    if (beforeId > 0) {
        const auto it = std::lower_bound(idColumn.begin(), idColumn.end(), beforeId);
        end = std::min(end, static_cast<std::size_t>(it - idColumn.begin()));
    }
    if (limit > 0) ids.reserve(std::min<std::size_t>(limit, 4096));
    // Newest first: blocks from the end, each scanned forwards (the fast loops), its matches
    // taken in reverse.
    constexpr std::size_t kBlock = 1u << 14;
    std::vector<std::size_t> found;
    for (std::size_t e = end; e > m_begin;) {
        const std::size_t b = e - std::min(e - m_begin, kBlock);
        found.clear();
        forEachMatch(b, e, [&](std::size_t r) { found.push_back(r); });
        for (auto it = found.rbegin(); it != found.rend(); ++it) {
            ids.push_back(idColumn[*it]);
            if (limit > 0 && ids.size() >= limit) return ids;
        }
        e = b;
    }
    return ids;
}

ElementGroups BrowseQuery::elementGroups(std::size_t offset, std::size_t limit) const
{
    ElementGroups out;
    const InteractionIndex &index = *m_index;
    const IndexDictionaries &d = index.dictionaries();
    const auto shapes = index.shapeDictionary();
    const std::uint32_t *shapeColumn = index.shapes().data();
    if (m_end > m_begin) {
        const std::int64_t lastDay = floorDiv(index.timestampMs(m_end - 1), kDayMs);
        out.sparklineStartMs = (lastDay - static_cast<std::int64_t>(kSparkDays) + 1) * kDayMs;
    }
    if (m_nothing || m_end <= m_begin) return out;

    // Pass 1: per shape, matching rows and the first and last of them.
    struct ShapeStats
    {
        std::int64_t count = 0;
        std::size_t first = kNone, last = 0;
    };
    std::array<std::vector<ShapeStats>, 2> parts = {std::vector<ShapeStats>(shapes.size()),
                                                    std::vector<ShapeStats>(shapes.size())};
    splitInTwo(m_begin, m_end, [&](int part, std::size_t b, std::size_t e) {
        ShapeStats *stats = parts[static_cast<std::size_t>(part)].data();
        forEachMatch(b, e, [&](std::size_t r) {
            ShapeStats &s = stats[shapeColumn[r]];
            if (s.count++ == 0) s.first = r;
            s.last = r;
        });
    });
    std::vector<ShapeStats> &shapeStats = parts[0];
    for (std::size_t s = 0; s < shapes.size(); ++s) {
        const ShapeStats &o = parts[1][s];
        if (o.count == 0) continue;
        ShapeStats &m = shapeStats[s];
        if (m.count == 0) m.first = o.first;
        m.last = o.last; // the second part holds the later rows
        m.count += o.count;
    }

    // Shapes to groups: one group per target summary.
    struct Group
    {
        std::string key; ///< the target's tag, id and classes, NUL, its text
        std::uint32_t chain = 0;
        std::int64_t count = 0;
        std::size_t first = kNone, last = 0;
        std::unordered_set<std::string_view> paths;
    };
    std::vector<Group> groups;
    std::unordered_map<std::string, std::uint32_t> groupOfKey;
    std::vector<std::uint32_t> groupOfChain(d.chains.size(), kNoGroup);
    std::vector<std::uint32_t> groupOfShape(shapes.size(), kNoGroup);
    for (std::size_t s = 0; s < shapes.size(); ++s) {
        const ShapeStats &st = shapeStats[s];
        if (st.count == 0) continue;
        const std::uint32_t c = shapes[s].chain;
        if (c == 0 || d.chains[c].empty()) continue;
        std::uint32_t &g = groupOfChain[c];
        if (g == kNoGroup) {
            // Tag, id, classes and the whole text of the target (the summary cuts the text).
            const model::Element &target = d.chains[c].front();
            std::string key = selectorPart(target);
            key += '\0';
            key += target.text;
            const auto [it, added] =
                groupOfKey.emplace(std::move(key), static_cast<std::uint32_t>(groups.size()));
            if (added) {
                groups.emplace_back();
                groups.back().key = it->first;
                groups.back().chain = c;
            }
            g = it->second;
        }
        groupOfShape[s] = g;
        Group &group = groups[g];
        group.count += st.count;
        out.matchingWithElement += st.count;
        group.first = std::min(group.first, st.first);
        if (st.last >= group.last) {
            group.last = st.last;
            group.chain = c;
        }
        if (shapes[s].url != 0) group.paths.insert(d.urls[shapes[s].url].path);
    }
    out.totalGroups = groups.size();

    std::vector<std::uint32_t> order(groups.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = static_cast<std::uint32_t>(i);
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        if (groups[a].count != groups[b].count) return groups[a].count > groups[b].count;
        return groups[a].key < groups[b].key;
    });
    if (offset >= order.size()) return out;
    const std::size_t stop = limit == 0 ? order.size() : std::min(order.size(), offset + limit);
    const std::size_t selected = stop - offset;

    // Pass 2, for the groups of this page only: people and the sparkline.
    std::vector<std::uint32_t> slotOfGroup(groups.size(), kNoGroup);
    for (std::size_t i = offset; i < stop; ++i)
        slotOfGroup[order[i]] = static_cast<std::uint32_t>(i - offset);
    std::vector<std::uint32_t> slotOfShape(shapes.size(), kNoGroup);
    for (std::size_t s = 0; s < shapes.size(); ++s)
        if (groupOfShape[s] != kNoGroup) slotOfShape[s] = slotOfGroup[groupOfShape[s]];

    const std::size_t personBits = d.distinctIds.size();
    // Bitmaps of people per element when they fit in 64 MB per thread, else sorted lists.
    const bool useBitmaps = selected * ((personBits + 63) / 64) * 8 <= (std::size_t(64) << 20);
    const std::int64_t firstSparkDay = floorDiv(out.sparklineStartMs, kDayMs);
    const std::size_t sparkBegin = std::max(m_begin, index.firstRowAtOrAfter(out.sparklineStartMs));
    const std::uint32_t *distinct = index.distinctIds().data();
    const std::uint32_t *personOf = d.personOf.data();

    struct Part
    {
        std::vector<Bitmap> people;
        std::vector<std::vector<std::uint32_t>> peopleLists;
        std::vector<std::array<std::int64_t, kSparkDays>> spark;
    };
    std::array<Part, 2> passParts;
    for (Part &p : passParts) {
        if (useBitmaps)
            p.people.assign(selected, Bitmap(personBits));
        else
            p.peopleLists.resize(selected);
        p.spark.assign(selected, {});
    }
    splitInTwo(m_begin, m_end, [&](int part, std::size_t b, std::size_t e) {
        Part &p = passParts[static_cast<std::size_t>(part)];
        forEachMatch(b, e, [&](std::size_t r) {
            const std::uint32_t slot = slotOfShape[shapeColumn[r]];
            if (slot == kNoGroup) return;
            const std::uint32_t person = personOf[distinct[r]];
            if (useBitmaps)
                p.people[slot].set(person);
            else
                p.peopleLists[slot].push_back(person);
            if (r >= sparkBegin) {
                const std::int64_t day = floorDiv(index.timestampMs(r), kDayMs) - firstSparkDay;
                if (day >= 0 && day < static_cast<std::int64_t>(kSparkDays))
                    ++p.spark[slot][static_cast<std::size_t>(day)];
            }
        });
    });

    out.groups.reserve(selected);
    const auto ids = index.ids();
    for (std::size_t i = offset; i < stop; ++i) {
        const std::size_t slot = i - offset;
        const Group &g = groups[order[i]];
        ElementGroup eg;
        const model::ElementChain &chain = d.chains[g.chain];
        eg.summary = capture::summarizeTarget(chain);
        eg.selector = selectorPart(chain.front());
        eg.text = chain.front().text;
        eg.chain = d.chainTexts[g.chain];
        eg.interactions = g.count;
        eg.pages = static_cast<std::int64_t>(g.paths.size());
        eg.firstMs = index.timestampMs(g.first);
        eg.lastMs = index.timestampMs(g.last);
        eg.representativeId = ids[g.last];
        std::int64_t people = 0;
        if (useBitmaps) {
            Bitmap &a = passParts[0].people[slot];
            const Bitmap &b = passParts[1].people[slot];
            for (std::size_t w = 0; w < a.words.size(); ++w)
                a.words[w] |= b.words[w];
            if (!a.words.empty()) a.words[0] &= ~std::uint64_t(1); // 0 = unknown person
            for (const std::uint64_t w : a.words)
                people += std::popcount(w);
        } else {
            std::vector<std::uint32_t> &a = passParts[0].peopleLists[slot];
            const std::vector<std::uint32_t> &b = passParts[1].peopleLists[slot];
            a.insert(a.end(), b.begin(), b.end());
            std::sort(a.begin(), a.end());
            a.erase(std::unique(a.begin(), a.end()), a.end());
            people = static_cast<std::int64_t>(a.size()) - (!a.empty() && a.front() == 0 ? 1 : 0);
        }
        eg.people = people;
        for (std::size_t k = 0; k < kSparkDays; ++k)
            eg.sparkline[k] = passParts[0].spark[slot][k] + passParts[1].spark[slot][k];
        out.groups.push_back(std::move(eg));
    }
    return out;
}

} // namespace hindsight::definitions
