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

    // Which part a scan without the shape table tests first: the property object (its own
    // column) when it lets a smaller share of its entries through than every used one of type,
    // URL and chain (those three are read together, through the row's shape).
    auto openShare = [&](int dim) {
        const Table &t = m_tables[dim];
        const std::size_t entries = t.bits.size() / m_words;
        std::size_t open = 0;
        for (std::size_t e = 0; e < entries; ++e)
            for (std::size_t w = 0; w < m_words; ++w)
                if (t.bits[e * m_words + w]) {
                    ++open;
                    break;
                }
        return entries ? static_cast<double>(open) / static_cast<double>(entries) : 0.0;
    };
    m_shapeDimsUsed = m_tables[TypeDim].used || m_tables[UrlDim].used || m_tables[ChainDim].used;
    m_propertyFirst = false;
    if (m_tables[PropertyDim].used) {
        const double propertyShare = openShare(PropertyDim);
        m_propertyFirst = true;
        for (const int dim : {ChainDim, UrlDim, TypeDim})
            if (m_tables[dim].used && openShare(dim) <= propertyShare) m_propertyFirst = false;
    }

    // Type, URL and chain folded per shape, when shapes are much fewer than rows.
    const auto shapes = m_index->shapeDictionary();
    m_useShapes = m_words == 1 && m_shapeDimsUsed && shapes.size() <= kMaxShapes &&
                  shapes.size() * 4 <= m_index->size();
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
    return firstMatchingStep(row) >= 0;
}

void CompiledDefinition::matchRowsOneWord(std::size_t begin, std::size_t end, std::uint8_t *out) const
{
    const std::size_t n = end - begin;
    const bool propertiesUsed = m_tables[PropertyDim].used;
    if (!m_shapeDimsUsed && !propertiesUsed) {
        std::memset(out, 1, n);
        return;
    }
    const std::uint32_t *shapes = m_index->shapes().data() + begin;
    const std::uint32_t *props = m_index->properties().data() + begin;
    const std::uint64_t *propBits = m_tables[PropertyDim].bits.data();
    // Pass 2 (for the rows that passed pass 1, 8 flags at a time): out[j] = test(j).
    auto refine = [&](const auto &test) {
        for (std::size_t i = 0; i < n; i += 8) {
            std::uint64_t word = 0;
            std::memcpy(&word, out + i, std::min<std::size_t>(8, n - i));
            while (word) {
                const std::size_t j = i + static_cast<std::size_t>(__builtin_ctzll(word) / 8);
                word &= word - 1;
                out[j] = test(j);
            }
        }
    };
    if (!m_shapeDimsUsed) {
        // Only property filters: one column, one table.
        for (std::size_t i = 0; i < n; ++i)
            out[i] = propBits[props[i]] != 0;
        return;
    }
    if (m_useShapes) {
        // Pass 1: the shape column, one byte table. Pass 2 (only with property filters): the
        // rows that passed, against the property column.
        const std::uint8_t *pass = m_shapePass.data();
        for (std::size_t i = 0; i < n; ++i)
            out[i] = pass[shapes[i]];
        if (!propertiesUsed) return;
        const std::uint64_t *shapeBits = m_shapeBits.data();
        refine([&](std::size_t j) { return (shapeBits[shapes[j]] & propBits[props[j]]) != 0; });
        return;
    }
    // Too many shapes for a per-shape table: type, URL and chain through the shape dictionary.
    const IndexShape *dictionary = m_index->shapeDictionary().data();
    const std::uint64_t *typeBits = m_tables[TypeDim].bits.data(), *urlBits = m_tables[UrlDim].bits.data(),
                        *chainBits = m_tables[ChainDim].bits.data();
    auto shapeMask = [&](std::uint32_t shape) {
        const IndexShape &s = dictionary[shape];
        return typeBits[s.type] & urlBits[s.url] & chainBits[s.chain];
    };
    if (m_propertyFirst) {
        for (std::size_t i = 0; i < n; ++i)
            out[i] = propBits[props[i]] != 0;
        refine([&](std::size_t j) { return (propBits[props[j]] & shapeMask(shapes[j])) != 0; });
        return;
    }
    for (std::size_t i = 0; i < n; ++i)
        out[i] = shapeMask(shapes[i]) != 0;
    if (!propertiesUsed) return;
    refine([&](std::size_t j) { return (shapeMask(shapes[j]) & propBits[props[j]]) != 0; });
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
    const std::uint32_t shape = x.shapes()[row];
    const std::uint32_t property = x.properties()[row];
    if (m_useShapes) {
        std::uint64_t m = m_shapeBits[shape];
        if (m_tables[PropertyDim].used) m &= m_tables[PropertyDim].bits[property];
        return m ? __builtin_ctzll(m) : -1;
    }
    const IndexShape &s = x.shapeDictionary()[shape];
    const std::uint32_t keys[DimensionCount] = {s.type, s.url, s.chain, property};
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
