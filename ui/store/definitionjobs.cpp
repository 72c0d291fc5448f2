#include "ui/store/definitionjobs.h"

#include "core/capture/elementchain.h"
#include "core/definitions/catalog.h"
#include "core/definitions/compileddefinition.h"
#include "core/definitions/definitionvalidator.h"
#include "core/definitions/generatedname.h"
#include "core/definitions/interactionindex.h"
#include "core/definitions/suggestionpreview.h"
#include "core/definitions/workspacesettings.h"
#include "core/model/url.h"
#include "core/naming/namelinter.h"
#include "ui/store/analysiscontext.h"

#include <QCoreApplication>
#include <algorithm>
#include <array>
#include <cctype>
#include <exception>

namespace hindsight::ui {

using namespace definitions;

namespace {

constexpr std::size_t kBlock = 4096;
constexpr qint64 kHourMs = 3'600'000;
constexpr qint64 kDayMs = 24 * kHourMs;

QString tr(const char *text)
{
    return QCoreApplication::translate("DefinitionJobs", text);
}

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

/// Marks every dictionary chain (and, for interactions without an element, every event type)
/// that `def` matches in [begin, end). False when cancelled.
bool markMatched(AnalysisContext &ctx, const InteractionIndex &index, const CompiledDefinition &def,
                 std::size_t begin, std::size_t end, std::vector<std::uint8_t> &chains,
                 std::vector<std::uint8_t> &types)
{
    const auto shapes = index.shapes();
    const auto shapeDict = index.shapeDictionary();
    std::array<std::uint8_t, kBlock> flags;
    std::size_t blocks = 0;
    for (std::size_t b = begin; b < end; b += kBlock) {
        if (++blocks % 64 == 0 && ctx.cancelled()) return false;
        const std::size_t e = std::min(end, b + kBlock);
        def.matchRows(b, e, flags.data());
        for (std::size_t i = 0; i < e - b; ++i) {
            if (!flags[i]) continue;
            const IndexShape &shape = shapeDict[shapes[b + i]];
            if (shape.chain == 0)
                types[shape.type] = 1;
            else
                chains[shape.chain] = 1;
        }
    }
    return true;
}

Definition namedForCompile(Definition def)
{
    if (def.name.empty()) def.name = "(draft)";
    return def;
}

qint64 countStep(AnalysisContext &ctx, const Step &step, std::size_t begin, std::size_t end)
{
    Definition single;
    single.name = "(row)";
    single.steps.push_back(step);
    auto compiled = ctx.compile(single);
    if (!compiled) return -1;
    return static_cast<qint64>(compiled->countRows(begin, end));
}

StepRowCounts rowCountsOf(AnalysisContext &ctx, const Step &step, std::size_t begin, std::size_t end)
{
    StepRowCounts counts;
    counts.step = countStep(ctx, step, begin, end);
    if (!step.eventTypes.empty()) {
        Step s;
        s.eventTypes = step.eventTypes;
        counts.events = countStep(ctx, s, begin, end);
    }
    if (step.selector) {
        Step s;
        s.selector = step.selector;
        counts.selector = countStep(ctx, s, begin, end);
    }
    if (step.text) {
        Step s;
        s.text = step.text;
        counts.text = countStep(ctx, s, begin, end);
    }
    if (step.href) {
        Step s;
        s.href = step.href;
        counts.href = countStep(ctx, s, begin, end);
    }
    if (step.url) {
        Step s;
        s.url = step.url;
        counts.url = countStep(ctx, s, begin, end);
    }
    for (const PropertyFilter &filter : step.properties) {
        Step s;
        s.properties.push_back(filter);
        counts.properties.push_back(countStep(ctx, s, begin, end));
    }
    return counts;
}

std::string lowered(std::string_view s)
{
    std::string out(s);
    for (char &c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

/// The verb a person would use for an event type.
std::string actionVerb(std::string_view eventType)
{
    const std::string type = lowered(eventType);
    if (type.empty() || type == "click" || type == "$autocapture" || type == "tap") return "click";
    if (type == "submit") return "submit";
    if (type == "change") return "change";
    if (type == "$pageview" || type == "pageview") return "view";
    if (type == "$pageleave" || type == "pageleave") return "leave";
    if (type == "$rageclick" || type == "rageclick") return "rage click";
    if (type == "copy" || type == "$copy_autocapture") return "copy";
    std::string out;
    for (const char c : type)
        out += (c == '_' || c == '$' || c == '-') ? ' ' : c;
    return out;
}

std::vector<std::string> wordsOf(const naming::NameLinter &linter, std::string_view text, std::size_t limit)
{
    std::vector<std::string> all = linter.splitter().words(text);
    std::vector<std::string> kept;
    const bool hasLetters = std::any_of(all.begin(), all.end(), [](const std::string &w) {
        return std::any_of(w.begin(), w.end(),
                           [](char c) { return !std::isdigit(static_cast<unsigned char>(c)); });
    });
    for (auto &word : all) {
        const bool digitsOnly = std::all_of(
            word.begin(), word.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
        if (hasLetters && digitsOnly) continue; // "Rent now 5": the number is one record's
        kept.push_back(std::move(word));
        if (kept.size() == limit) break;
    }
    return kept;
}

/// The first path segment that names a part of the site ("/product/123" -> "product").
std::string pageWord(std::string_view path)
{
    std::size_t at = 0;
    while (at < path.size()) {
        while (at < path.size() && path[at] == '/')
            ++at;
        std::size_t end = at;
        while (end < path.size() && path[end] != '/')
            ++end;
        const std::string_view segment = path.substr(at, end - at);
        if (!segment.empty() && segment != "*" && !isIdLikeSegment(segment) &&
            segment.find('*') == std::string_view::npos)
            return std::string(segment);
        at = end;
    }
    return "home";
}

} // namespace

std::vector<StepRowCounts> computeStepRowCounts(AnalysisContext &ctx, const Definition &draft,
                                                const TimeRange &range)
{
    std::vector<StepRowCounts> out;
    if (!ctx.isOpen() || draft.isCombo()) return out;
    const InteractionIndex *index = ctx.index();
    if (!index) return out;
    const auto [begin, end] = rowRange(*index, range);
    for (const Step &step : draft.steps) {
        if (ctx.cancelled()) break;
        out.push_back(rowCountsOf(ctx, step, begin, end));
    }
    return out;
}

Granularity granularityForSpan(qint64 fromMs, qint64 toMs)
{
    const qint64 span = std::max<qint64>(0, toMs - fromMs);
    if (span <= 3 * kDayMs) return Granularity::Hour;
    if (span <= 120 * kDayMs) return Granularity::Day;
    if (span <= 3 * 366 * kDayMs) return Granularity::Week;
    return Granularity::Month;
}

DefinitionPreviewResult computeDefinitionPreview(AnalysisContext &ctx,
                                                 const DefinitionPreviewRequest &request)
{
    DefinitionPreviewResult out;
    if (!ctx.isOpen()) {
        out.error = ctx.openError().isEmpty() ? tr("No workspace is open.") : ctx.openError();
        return out;
    }
    QString error;
    const InteractionIndex *index = ctx.index(&error);
    if (!index) {
        out.error = error;
        return out;
    }
    auto compiled = ctx.compile(namedForCompile(request.draft), &error);
    if (!compiled) {
        out.error = error;
        return out;
    }
    if (ctx.cancelled()) return out;

    const auto [begin, end] = rowRange(*index, request.range);
    out.interactionsInRange = static_cast<qint64>(end - begin);
    out.totals = totals(*index, *compiled, request.range);

    // The trend: its granularity from the range's length (an open end: the data's).
    const qint64 firstMs = begin < end ? index->timestampMs(begin) : 0;
    const qint64 lastMs = begin < end ? index->timestampMs(end - 1) + 1 : firstMs;
    const qint64 fromMs = request.range.fromMs.value_or(firstMs);
    const qint64 toMs = request.range.toMs.value_or(lastMs);
    out.granularity = granularityForSpan(fromMs, toMs);
    std::string seriesError;
    auto points = series(*index, *compiled, out.granularity, request.range, request.timeZone, &seriesError);
    if (!points && !request.timeZone.empty())
        points = series(*index, *compiled, out.granularity, request.range, {}, &seriesError);
    if (points) out.series = std::move(*points);
    if (ctx.cancelled()) return out;

    // The elements it catches: per distinct chain (the element that satisfied the conditions
    // of the first step that matched), and for interactions without an element, per type.
    const auto &dict = index->dictionaries();
    const auto shapes = index->shapes();
    const auto shapeDict = index->shapeDictionary();
    std::vector<qint64> chainCounts(dict.chainTexts.size(), 0);
    std::vector<std::int16_t> chainElement(dict.chainTexts.size(), -2);
    std::vector<qint64> typeCounts(dict.eventTypes.size(), 0);
    {
        std::array<std::uint8_t, kBlock> flags;
        std::size_t blocks = 0;
        for (std::size_t b = begin; b < end; b += kBlock) {
            if (++blocks % 64 == 0 && ctx.cancelled()) return out;
            const std::size_t e = std::min(end, b + kBlock);
            compiled->matchRows(b, e, flags.data());
            for (std::size_t i = 0; i < e - b; ++i) {
                if (!flags[i]) continue;
                const IndexShape &shape = shapeDict[shapes[b + i]];
                if (shape.chain == 0) {
                    ++typeCounts[shape.type];
                    continue;
                }
                ++chainCounts[shape.chain];
                if (chainElement[shape.chain] == -2) {
                    const int step = compiled->firstMatchingStep(b + i);
                    chainElement[shape.chain] = static_cast<std::int16_t>(
                        step >= 0 ? compiled->elementIndexInChain(step, shape.chain) : -1);
                }
            }
        }
    }

    std::vector<std::uint8_t> baseChains(dict.chainTexts.size(), 0);
    std::vector<std::uint8_t> baseTypes(dict.eventTypes.size(), 0);
    if (request.baseline) {
        auto base = ctx.compile(namedForCompile(*request.baseline));
        if (base) {
            if (!markMatched(ctx, *index, *base, begin, end, baseChains, baseTypes)) return out;
            out.hasBaseline = true;
        }
    }

    struct Candidate
    {
        bool isType = false;
        std::uint32_t at = 0;
        qint64 count = 0;
    };
    std::vector<Candidate> candidates;
    for (std::size_t c = 1; c < chainCounts.size(); ++c) {
        if (chainCounts[c] > 0) {
            candidates.push_back({false, static_cast<std::uint32_t>(c), chainCounts[c]});
            ++out.distinctElements;
            if (out.hasBaseline && !baseChains[c]) {
                ++out.newElements;
                out.newInteractions += chainCounts[c];
            }
        } else if (baseChains[c]) {
            ++out.droppedElements;
        }
    }
    for (std::size_t t = 0; t < typeCounts.size(); ++t) {
        if (typeCounts[t] > 0) {
            candidates.push_back({true, static_cast<std::uint32_t>(t), typeCounts[t]});
            ++out.distinctElements;
            if (out.hasBaseline && !baseTypes[t]) {
                ++out.newElements;
                out.newInteractions += typeCounts[t];
            }
        } else if (baseTypes[t]) {
            ++out.droppedElements;
        }
    }
    const auto keyText = [&](const Candidate &c) -> const std::string & {
        return c.isType ? dict.eventTypes[c.at] : dict.chainTexts[c.at];
    };
    const std::size_t keep =
        std::min(candidates.size(), static_cast<std::size_t>(std::max(0, request.topElements)));
    std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(keep),
                      candidates.end(), [&](const Candidate &a, const Candidate &b) {
                          if (a.count != b.count) return a.count > b.count;
                          if (a.isType != b.isType) return !a.isType;
                          return keyText(a) < keyText(b);
                      });
    for (std::size_t k = 0; k < keep; ++k) {
        const Candidate &c = candidates[k];
        PreviewElementRow row;
        row.count = c.count;
        if (c.isType) {
            row.type = qs(dict.eventTypes[c.at]);
            row.isNew = out.hasBaseline && !baseTypes[c.at];
        } else {
            const model::ElementChain &chain = dict.chains[c.at];
            const int at = std::max<int>(0, chainElement[c.at]);
            std::string summary;
            if (static_cast<std::size_t>(at) < chain.size())
                summary = capture::summarizeTarget(model::ElementChain{chain[static_cast<std::size_t>(at)]});
            if (at > 0) summary += "  \u203a  " + capture::summarizeTarget(chain);
            row.summary = qs(summary);
            row.chainText = qs(dict.chainTexts[c.at]);
            row.isNew = out.hasBaseline && !baseChains[c.at];
        }
        out.elements.push_back(std::move(row));
    }
    if (ctx.cancelled()) return out;

    // A sample of the matching interactions, newest first.
    const auto distinct = index->distinctIds();
    for (const std::int64_t id : matchingIds(*index, *compiled, request.range, 0,
                                             static_cast<std::size_t>(std::max(0, request.sampleSize)))) {
        const std::ptrdiff_t r = index->rowOf(id);
        if (r < 0) continue;
        const auto row = static_cast<std::size_t>(r);
        const IndexShape &shape = shapeDict[shapes[row]];
        PreviewSampleRow sample;
        sample.id = id;
        sample.timeMs = index->timestampMs(row);
        if (shape.type < dict.eventTypes.size()) sample.type = qs(dict.eventTypes[shape.type]);
        if (shape.url < dict.urls.size()) {
            sample.url = qs(dict.urls[shape.url].url);
            sample.path = qs(dict.urls[shape.url].path);
        }
        if (shape.chain != 0 && shape.chain < dict.chains.size())
            sample.target = qs(capture::summarizeTarget(dict.chains[shape.chain]));
        const std::uint32_t distinctId = distinct[row];
        if (distinctId < dict.personOf.size() && dict.personOf[distinctId] < dict.distinctIds.size())
            sample.person = qs(dict.distinctIds[dict.personOf[distinctId]]);
        out.sample.push_back(std::move(sample));
    }

    // Every row's own count.
    if (request.rowCounts) {
        out.rowCounts = computeStepRowCounts(ctx, request.draft, request.range);
        if (ctx.cancelled()) return out;
    }
    out.ok = true;
    return out;
}

std::string elementNameWords(const model::Element &element)
{
    auto collapse = [](std::string_view text) {
        std::string out;
        bool space = false;
        for (const char c : text) {
            if (std::isspace(static_cast<unsigned char>(c))) {
                space = !out.empty();
                continue;
            }
            if (space) out += ' ';
            space = false;
            out += c;
        }
        return out;
    };
    if (std::string text = collapse(element.text); !text.empty()) return text;
    for (const char *attribute : {"aria-label", "title", "name", "placeholder"}) {
        const std::string *value = element.attribute(attribute);
        if (value && !value->empty() && !isGeneratedValue(*value)) return collapse(*value);
    }
    if (!element.id.empty() && !isGeneratedId(element.id)) return element.id;
    for (const std::string &cls : element.classes)
        if (classifyClass(cls, element.classes) == ClassKind::Semantic) return cls;
    if (element.tag == "a") return "link";
    if (element.tag.empty()) return "element";
    return element.tag;
}

std::string selectorNameWords(std::string_view selector)
{
    // The last compound: after the last combinator outside brackets and quotes.
    std::size_t start = 0;
    char quote = 0;
    int depth = 0;
    for (std::size_t i = 0; i < selector.size(); ++i) {
        const char c = selector[i];
        if (quote) {
            if (c == '\\')
                ++i;
            else if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '[' || c == '(') {
            ++depth;
        } else if ((c == ']' || c == ')') && depth > 0) {
            --depth;
        } else if (depth == 0 && (c == ',' || c == ' ' || c == '>' || c == '+' || c == '~')) {
            if (c == ',') break; // a selector list: its first selector names it well enough
            start = i + 1;
        }
    }
    std::string_view compound = selector.substr(start);
    if (const std::size_t comma = compound.find(','); comma != std::string_view::npos)
        compound = compound.substr(0, comma);
    auto token = [&](std::size_t from) {
        std::size_t end = from;
        while (end < compound.size() &&
               (std::isalnum(static_cast<unsigned char>(compound[end])) || compound[end] == '-' ||
                compound[end] == '_' || static_cast<unsigned char>(compound[end]) >= 0x80))
            ++end;
        return std::string(compound.substr(from, end - from));
    };
    if (const std::size_t hash = compound.find('#'); hash != std::string_view::npos) {
        const std::string id = token(hash + 1);
        if (!id.empty() && !isGeneratedId(id)) return id;
    }
    if (const std::size_t open = compound.find('['); open != std::string_view::npos) {
        const std::size_t q = compound.find_first_of("\"'", open);
        if (q != std::string_view::npos) {
            const std::size_t close = compound.find(compound[q], q + 1);
            if (close != std::string_view::npos) {
                const std::string value(compound.substr(q + 1, close - q - 1));
                if (!value.empty() && !isGeneratedValue(value)) return value;
            }
        }
    }
    if (const std::size_t dot = compound.find('.'); dot != std::string_view::npos) {
        const std::string cls = token(dot + 1);
        if (!cls.empty() && classifyClass(cls) != ClassKind::Generated) return cls;
    }
    const std::string tag = token(0);
    if (tag == "a") return "link";
    return tag;
}

std::string suggestDefinitionName(const naming::NameLinter &linter, const NameHints &hints)
{
    const naming::Convention &convention = linter.convention();
    const naming::VerbTable &verbs = linter.verbs();

    std::vector<std::string> object = wordsOf(linter, hints.objectText, 4);
    if (object.empty()) object = {"element"};
    std::vector<std::string> category = wordsOf(linter, pageWord(model::splitUrl(hints.pagePath).path), 2);
    if (category.empty()) category = {"page"};

    std::vector<std::vector<std::string>> segmentWords(convention.segments.size());
    for (std::size_t s = 0; s < convention.segments.size(); ++s) {
        const naming::Segment &segment = convention.segments[s];
        std::vector<std::string> words;
        switch (segment.role) {
        case naming::SegmentRole::Action: {
            std::string verb = actionVerb(hints.eventType);
            if (segment.tense == naming::Tense::Past) {
                if (const auto at = verbs.find(verb))
                    verb = verbs.verb(*at).participle;
                else
                    verb = naming::VerbTable::regularPast(verb);
            }
            words = wordsOf(linter, verb, 3);
            break;
        }
        case naming::SegmentRole::Category: {
            words = category;
            if (!segment.allowedValues.empty()) {
                const std::string want = lowered(hints.pagePath);
                std::string chosen;
                for (const std::string &value : segment.allowedValues)
                    if (lowered(value) == lowered(category.front()) ||
                        want.find(lowered(value)) != std::string::npos) {
                        chosen = value;
                        break;
                    }
                if (chosen.empty() && segment.optional) words.clear();
                if (!chosen.empty()) words = wordsOf(linter, chosen, 6);
            }
            break;
        }
        case naming::SegmentRole::Object:
        case naming::SegmentRole::Free:
            words = object;
            break;
        }
        segmentWords[s] = std::move(words);
    }

    std::string name;
    for (const naming::SegmentGroup &group : convention.groups()) {
        std::vector<std::string> words;
        for (std::size_t s = group.first; s < group.first + group.count; ++s)
            words.insert(words.end(), segmentWords[s].begin(), segmentWords[s].end());
        if (words.empty()) continue;
        if (!name.empty()) name += group.separator;
        name += linter.formatter().join(words, group.casing);
    }
    if (name.empty()) name = linter.formatter().join(object, naming::Casing::Title);

    const naming::NameCheck check = linter.check(name);
    if (!check.clean() && check.suggestion && linter.check(*check.suggestion).clean())
        return *check.suggestion;
    return name;
}

DefinitionSuggestionResult suggestFromInteractions(AnalysisContext &ctx, const std::vector<qint64> &ids)
{
    DefinitionSuggestionResult out;
    if (!ctx.isOpen()) {
        out.error = ctx.openError().isEmpty() ? tr("No workspace is open.") : ctx.openError();
        return out;
    }
    QString indexError;
    const InteractionIndex *index = ctx.index(&indexError);
    if (!index) {
        out.error = indexError;
        return out;
    }
    const std::vector<std::int64_t> idList(ids.begin(), ids.end());
    std::string error;
    auto examples = examplesFromInteractions(*index, idList, &error);
    if (!examples) {
        out.error = qs(error);
        return out;
    }
    auto suggestion = SelectorSuggester::suggest(*examples, &error);
    if (!suggestion) {
        out.error = qs(error);
        return out;
    }
    out.step = suggestion->step;
    out.alternatives = suggestion->alternatives;
    out.textReason = qs(suggestion->textReason);
    out.urlReason = qs(suggestion->urlReason);

    NameHints hints;
    hints.eventType =
        out.step.eventTypes.size() == 1 ? out.step.eventTypes.front() : examples->front().eventType;
    const model::ElementChain &chain = examples->front().chain;
    std::size_t pointed = suggestion->elementIndices.empty() ? 0 : suggestion->elementIndices.front();
    if (pointed >= chain.size()) pointed = 0;
    if (out.step.text && out.step.text->mode != TextMatchMode::Regex) {
        hints.objectText = out.step.text->pattern;
    } else {
        // The pointed element's words, or the text of an element inside it (a button
        // labelled by an inner span).
        hints.objectText = elementNameWords(chain[pointed]);
        for (std::size_t i = pointed; i-- > 0 && chain[pointed].text.empty();)
            if (!chain[i].text.empty()) {
                hints.objectText = elementNameWords(chain[i]);
                break;
            }
    }
    hints.pagePath = out.step.url ? out.step.url->pattern : model::splitUrl(examples->front().url).path;

    const WorkspaceConventionResult convention = loadWorkspaceConvention(ctx.store());
    try {
        const naming::NameLinter linter(convention.convention);
        out.suggestedName = qs(suggestDefinitionName(linter, hints));
    } catch (const std::exception &) {
        // A convention that does not validate: no name proposed (the field stays empty).
    }
    out.ok = true;
    return out;
}

DefinitionLoadResult loadDefinition(AnalysisContext &ctx, const QString &nameOrAlias)
{
    DefinitionLoadResult out;
    if (!ctx.isOpen()) {
        out.error = ctx.openError().isEmpty() ? tr("No workspace is open.") : ctx.openError();
        return out;
    }
    std::string error;
    out.definition = ctx.catalog().find(nameOrAlias.toStdString(), &error);
    if (!out.definition)
        out.error = error.empty() ? tr("There is no definition named “%1”.").arg(nameOrAlias) : qs(error);
    return out;
}

QString definitionHoldingName(AnalysisContext &ctx, const QString &name, const QString &exceptName)
{
    const QString trimmed = name.trimmed();
    if (!ctx.isOpen() || trimmed.isEmpty()) return {};
    auto holder = ctx.catalog().find(trimmed.toStdString());
    if (!holder) return {};
    if (!exceptName.isEmpty()) {
        auto self = ctx.catalog().find(exceptName.toStdString());
        if (self && self->id == holder->id) return {};
    }
    return qs(holder->name);
}

WorkspaceConventionResult loadWorkspaceConvention(store::Store &store)
{
    StoredConvention read = readStoredConvention(store);
    WorkspaceConventionResult out;
    out.convention = std::move(read.convention);
    out.stored = read.stored;
    if (!read.readError.empty()) out.error = qs(read.readError);
    if (!read.errors.empty()) {
        out.error = tr("The workspace's naming convention does not read; names are checked against the heap "
                       "preset.");
        for (const auto &e : read.errors)
            out.error += QLatin1Char('\n') + qs(e.toString());
    }
    return out;
}

} // namespace hindsight::ui
