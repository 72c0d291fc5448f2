#include "core/definitions/compileddefinition.h"

#include "core/definitions/selector.h"
#include "core/model/url.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace hindsight::definitions {

std::string CompileError::message() const
{
    std::string m = path.empty() ? reason : path + ": " + reason;
    if (position) m += " (at position " + std::to_string(*position) + ")";
    return m;
}

namespace {

/// Above this many shapes the shape table stops fitting in cache; scans use the columns.
constexpr std::size_t kMaxShapes = std::size_t(1) << 21;

/// Turns a Definition (and the definitions its combo names) into compiled steps.
class StepCompiler
{
  public:
    StepCompiler(const DefinitionLookup &lookup, CompileError *error) : m_lookup(lookup), m_error(error) {}

    template <typename Step> bool add(const Definition &def, std::vector<Step> &out)
    {
        if (def.isCombo() && !def.steps.empty())
            return fail("combo", "a definition has either steps or a combo, not both");
        if (!def.isCombo() && def.steps.empty()) return fail("steps", "the definition has no steps");
        m_stack.push_back(def.name);
        for (std::size_t i = 0; i < def.combo.size(); ++i) {
            const std::string path = "combo[" + std::to_string(i) + "]";
            const std::string &memberName = def.combo[i];
            if (!m_lookup)
                return fail(path, "the combo member '" + memberName + "' cannot be looked up here");
            const Definition *member = m_lookup(memberName);
            if (!member) return fail(path, "there is no definition named '" + memberName + "'");
            for (const std::string &open : m_stack)
                if (open == member->name || open == memberName)
                    return fail(path, "'" + memberName + "' leads back to '" + open +
                                          "' (a combo cannot contain itself)");
            CompileError inner;
            CompileError *outer = m_error;
            m_error = &inner;
            const bool ok = add(*member, out);
            m_error = outer;
            if (!ok) {
                if (m_error) {
                    m_error->path = path;
                    m_error->reason = "in '" + member->name + "', " + inner.message();
                    m_error->position.reset();
                }
                return false;
            }
        }
        for (std::size_t i = 0; i < def.steps.size(); ++i)
            if (!addStep(def.steps[i], "steps[" + std::to_string(i) + "]", out)) return false;
        m_stack.pop_back();
        return true;
    }

  private:
    bool fail(std::string path, std::string reason, std::optional<std::size_t> position = std::nullopt)
    {
        if (m_error) {
            m_error->path = std::move(path);
            m_error->reason = std::move(reason);
            m_error->position = position;
        }
        return false;
    }

    bool matcher(const std::string &path, const std::string &pattern, TextMatchMode mode, bool caseSensitive,
                 std::optional<TextMatcher> &out)
    {
        TextMatcherError e;
        out = TextMatcher::create(pattern, mode, caseSensitive, &e);
        return out ? true : fail(path, e.reason, e.position);
    }

    template <typename Step>
    bool addStep(const definitions::Step &step, const std::string &path, std::vector<Step> &out)
    {
        Step s;
        s.eventTypes = step.eventTypes;
        std::optional<Selector> selector;
        if (step.selector) {
            SelectorError e;
            selector = Selector::parse(*step.selector, &e);
            if (!selector) return fail(path + ".selector", e.reason, e.position);
        }
        std::optional<TextMatcher> text, href;
        if (step.text &&
            !matcher(path + ".text", step.text->pattern, step.text->mode, step.text->caseSensitive, text))
            return false;
        if (step.href &&
            !matcher(path + ".href", step.href->pattern, step.href->mode, step.href->caseSensitive, href))
            return false;
        if (step.url) {
            if (!matcher(path + ".url", step.url->pattern, step.url->mode, step.url->caseSensitive, s.url))
                return false;
            s.urlScope = step.url->scope;
        }
        s.element = ElementCondition(std::move(selector), std::move(text), std::move(href));
        for (std::size_t j = 0; j < step.properties.size(); ++j) {
            const std::string propertyPath = path + ".properties[" + std::to_string(j) + "]";
            if (step.properties[j].key.empty())
                return fail(propertyPath + ".key", "the property key is empty");
            TextMatcherError e;
            auto condition = PropertyCondition::create(step.properties[j], &e);
            if (!condition) return fail(propertyPath + ".value", e.reason, e.position);
            s.properties.push_back(std::move(*condition));
        }
        out.push_back(std::move(s));
        return true;
    }

    const DefinitionLookup &m_lookup;
    CompileError *m_error;
    std::vector<std::string> m_stack;
};

bool allMatch(const std::vector<PropertyCondition> &conditions, const PropertyValues &values)
{
    for (const PropertyCondition &c : conditions)
        if (!c.matches(values)) return false;
    return true;
}

} // namespace

std::optional<CompiledDefinition> CompiledDefinition::compile(const Definition &def,
                                                              const InteractionIndex &index,
                                                              const DefinitionLookup &lookup,
                                                              CompileError *error)
{
    CompiledDefinition compiled;
    compiled.m_name = def.name;
    compiled.m_index = &index;
    StepCompiler compiler(lookup, error);
    if (!compiler.add(def, compiled.m_steps)) return std::nullopt;
    compiled.buildTables();
    return compiled;
}

void CompiledDefinition::buildTables()
{
    const IndexDictionaries &d = m_index->dictionaries();
    const std::size_t steps = m_steps.size();
    m_words = (steps + 63) / 64;
    std::vector<std::uint64_t> all(m_words, 0);
    for (std::size_t s = 0; s < steps; ++s)
        all[s / 64] |= std::uint64_t(1) << (s % 64);

    auto fill = [&](Dimension dim, std::size_t entries, const auto &allows) {
        Table &t = m_tables[dim];
        t.bits.assign(entries * m_words, 0);
        t.used = false;
        for (std::size_t e = 0; e < entries; ++e) {
            for (std::size_t s = 0; s < steps; ++s)
                if (allows(e, s)) t.bits[e * m_words + s / 64] |= std::uint64_t(1) << (s % 64);
            for (std::size_t w = 0; w < m_words; ++w)
                if (t.bits[e * m_words + w] != all[w]) t.used = true;
        }
    };

    fill(TypeDim, d.eventTypes.size(), [&](std::size_t e, std::size_t s) {
        const auto &types = m_steps[s].eventTypes;
        return types.empty() || std::find(types.begin(), types.end(), d.eventTypes[e]) != types.end();
    });
    fill(UrlDim, d.urls.size(), [&](std::size_t e, std::size_t s) {
        const CompiledStep &step = m_steps[s];
        if (!step.url) return true;
        if (e == 0) return false;
        const auto &u = d.urls[e];
        return step.url->matches(step.urlScope == UrlScope::Full ? u.url : u.path);
    });
    const std::size_t chains = d.chains.size();
    m_elementIndex.assign(steps * chains, -1);
    fill(ChainDim, chains, [&](std::size_t e, std::size_t s) {
        const CompiledStep &step = m_steps[s];
        if (step.element.isEmpty()) return true;
        if (e == 0) return false;
        const int at = step.element.matchIndex(d.chains[e]);
        if (at < 0) return false;
        m_elementIndex[s * chains + e] =
            static_cast<std::int16_t>(std::min(at, int(std::numeric_limits<std::int16_t>::max())));
        return true;
    });
    PropertyValues values;
    std::size_t parsedFor = std::numeric_limits<std::size_t>::max();
    fill(PropertyDim, d.propertyJson.size(), [&](std::size_t e, std::size_t s) {
        const CompiledStep &step = m_steps[s];
        if (step.properties.empty()) return true;
        if (parsedFor != e) {
            parsePropertyValues(d.propertyJson[e], values);
            parsedFor = e;
        }
        return allMatch(step.properties, values);
    });

    // Scan order: the used dimension that lets the smallest share of its entries through first
    // (ties: chains, URLs, properties, types).
    const int preference[DimensionCount] = {ChainDim, UrlDim, PropertyDim, TypeDim};
    double share[DimensionCount] = {};
    m_usedCount = 0;
    for (const int dim : preference) {
        const Table &t = m_tables[dim];
        if (!t.used) continue;
        const std::size_t entries = t.bits.size() / m_words;
        std::size_t open = 0;
        for (std::size_t e = 0; e < entries; ++e)
            for (std::size_t w = 0; w < m_words; ++w)
                if (t.bits[e * m_words + w]) {
                    ++open;
                    break;
                }
        share[dim] = entries ? static_cast<double>(open) / static_cast<double>(entries) : 0.0;
        m_order[m_usedCount++] = dim;
    }
    std::stable_sort(m_order, m_order + m_usedCount, [&](int a, int b) { return share[a] < share[b]; });

    // Type, URL and chain folded per shape, when shapes are much fewer than rows.
    const auto shapes = m_index->shapeDictionary();
    m_useShapes = m_words == 1 &&
                  (m_tables[TypeDim].used || m_tables[UrlDim].used || m_tables[ChainDim].used) &&
                  shapes.size() <= kMaxShapes && shapes.size() * 4 <= m_index->size();
    m_shapeBits.clear();
    m_shapePass.clear();
    if (m_useShapes) {
        m_shapeBits.resize(shapes.size());
        m_shapePass.resize(shapes.size());
        const std::uint64_t *tb = m_tables[TypeDim].bits.data(), *ub = m_tables[UrlDim].bits.data(),
                            *cb = m_tables[ChainDim].bits.data();
        for (std::size_t i = 0; i < shapes.size(); ++i) {
            const std::uint64_t m = tb[shapes[i].type] & ub[shapes[i].url] & cb[shapes[i].chain];
            m_shapeBits[i] = m;
            m_shapePass[i] = m != 0;
        }
    }
}

bool CompiledDefinition::matchesRow(std::size_t row) const
{
    const InteractionIndex &x = *m_index;
    const std::uint32_t keys[DimensionCount] = {x.types()[row], x.urls()[row], x.chains()[row],
                                                x.properties()[row]};
    for (std::size_t w = 0; w < m_words; ++w) {
        std::uint64_t m = ~std::uint64_t(0);
        for (int dim = 0; dim < DimensionCount; ++dim)
            if (m_tables[dim].used) m &= m_tables[dim].bits[keys[dim] * m_words + w];
        if (m) return true;
    }
    return false;
}

const std::uint32_t *CompiledDefinition::column(int dim) const
{
    switch (dim) {
    case TypeDim:
        return m_index->types().data();
    case UrlDim:
        return m_index->urls().data();
    case ChainDim:
        return m_index->chains().data();
    default:
        return m_index->properties().data();
    }
}

void CompiledDefinition::matchRowsOneWord(std::size_t begin, std::size_t end, std::uint8_t *out) const
{
    const std::size_t n = end - begin;
    if (m_useShapes) {
        // Pass 1: one column, one byte table. Pass 2 (only with property filters): the rows
        // that passed, against the property column.
        const std::uint32_t *shapes = m_index->shapes().data() + begin;
        const std::uint8_t *pass = m_shapePass.data();
        for (std::size_t i = 0; i < n; ++i)
            out[i] = pass[shapes[i]];
        if (!m_tables[PropertyDim].used) return;
        const std::uint32_t *props = m_index->properties().data() + begin;
        const std::uint64_t *shapeBits = m_shapeBits.data();
        const std::uint64_t *propBits = m_tables[PropertyDim].bits.data();
        for (std::size_t i = 0; i < n; i += 8) {
            std::uint64_t word = 0;
            std::memcpy(&word, out + i, std::min<std::size_t>(8, n - i));
            while (word) {
                const std::size_t j = i + static_cast<std::size_t>(__builtin_ctzll(word) / 8);
                word &= word - 1;
                out[j] = (shapeBits[shapes[j]] & propBits[props[j]]) != 0;
            }
        }
        return;
    }
    if (m_usedCount == 0) {
        std::memset(out, 1, n);
        return;
    }
    // Pass 1: the most selective dimension alone, for every row (one column, one small table).
    const std::uint32_t *first = column(m_order[0]) + begin;
    const std::uint64_t *firstBits = m_tables[m_order[0]].bits.data();
    for (std::size_t i = 0; i < n; ++i)
        out[i] = firstBits[first[i]] != 0;
    if (m_usedCount == 1) return;

    // Pass 2: the other dimensions, only for rows that passed (8 flags at a time).
    const std::uint32_t *cols[DimensionCount - 1] = {};
    const std::uint64_t *bits[DimensionCount - 1] = {};
    const int others = m_usedCount - 1;
    for (int k = 0; k < others; ++k) {
        cols[k] = column(m_order[k + 1]) + begin;
        bits[k] = m_tables[m_order[k + 1]].bits.data();
    }
    for (std::size_t i = 0; i < n; i += 8) {
        std::uint64_t word = 0;
        const std::size_t len = std::min<std::size_t>(8, n - i);
        std::memcpy(&word, out + i, len);
        while (word) {
            const std::size_t j = i + static_cast<std::size_t>(__builtin_ctzll(word) / 8);
            word &= word - 1;
            std::uint64_t m = firstBits[first[j]];
            for (int k = 0; k < others; ++k)
                m &= bits[k][cols[k][j]];
            out[j] = m != 0;
        }
    }
}

void CompiledDefinition::matchRows(std::size_t begin, std::size_t end, std::uint8_t *out) const
{
    if (m_words == 1) return matchRowsOneWord(begin, end, out);
    for (std::size_t r = begin; r < end; ++r)
        out[r - begin] = matchesRow(r);
}

std::size_t CompiledDefinition::countRows(std::size_t begin, std::size_t end) const
{
    constexpr std::size_t kBlock = 4096;
    std::uint8_t flags[kBlock];
    std::size_t count = 0;
    for (std::size_t b = begin; b < end; b += kBlock) {
        const std::size_t e = std::min(end, b + kBlock);
        matchRows(b, e, flags);
        std::size_t c = 0;
        for (std::size_t i = 0; i < e - b; ++i)
            c += flags[i];
        count += c;
    }
    return count;
}

int CompiledDefinition::firstMatchingStep(std::size_t row) const
{
    const InteractionIndex &x = *m_index;
    const std::uint32_t keys[DimensionCount] = {x.types()[row], x.urls()[row], x.chains()[row],
                                                x.properties()[row]};
    for (std::size_t w = 0; w < m_words; ++w) {
        std::uint64_t m = ~std::uint64_t(0);
        for (int dim = 0; dim < DimensionCount; ++dim)
            if (m_tables[dim].used) m &= m_tables[dim].bits[keys[dim] * m_words + w];
        // Bits beyond the last step are never set in a used table; with no table used every
        // step matches (the first one is reported).
        if (m) return static_cast<int>(w * 64) + __builtin_ctzll(m);
    }
    return -1;
}

int CompiledDefinition::elementIndexInChain(int step, std::uint32_t chain) const
{
    const std::size_t chains = m_index->dictionaries().chains.size();
    if (step < 0 || static_cast<std::size_t>(step) >= m_steps.size() || chain >= chains) return -1;
    return m_elementIndex[static_cast<std::size_t>(step) * chains + chain];
}

bool CompiledDefinition::stepMatches(const CompiledStep &step, const MatchableInteraction &i,
                                     const PropertyValues &props, int *elementIndex) const
{
    *elementIndex = -1;
    if (!step.eventTypes.empty() &&
        std::find(step.eventTypes.begin(), step.eventTypes.end(), i.type) == step.eventTypes.end())
        return false;
    if (step.url) {
        if (i.url.empty()) return false;
        if (step.urlScope == UrlScope::Full ? !step.url->matches(i.url)
                                            : !step.url->matches(model::splitUrl(i.url).path))
            return false;
    }
    if (!allMatch(step.properties, props)) return false;
    if (!step.element.isEmpty()) {
        if (i.chain.empty()) return false;
        *elementIndex = step.element.matchIndex(i.chain);
        if (*elementIndex < 0) return false;
    }
    return true;
}

bool CompiledDefinition::matches(const MatchableInteraction &i) const
{
    PropertyValues props;
    parsePropertyValues(i.propertiesJson, props); // invalid or empty JSON: no keys
    int at = -1;
    for (const CompiledStep &step : m_steps)
        if (stepMatches(step, i, props, &at)) return true;
    return false;
}

int CompiledDefinition::matchingElementIndex(const MatchableInteraction &i) const
{
    PropertyValues props;
    parsePropertyValues(i.propertiesJson, props);
    int at = -1;
    for (const CompiledStep &step : m_steps)
        if (stepMatches(step, i, props, &at)) return at;
    return -1;
}

} // namespace hindsight::definitions
