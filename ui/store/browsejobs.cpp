#include "ui/store/browsejobs.h"

#include "core/definitions/whichmatch.h"
#include "core/store/store.h"
#include "ui/common/untrustedtext.h"
#include "ui/store/analysiscontext.h"
#include "ui/store/interactionconverter.h"

#include <QCoreApplication>
#include <algorithm>
#include <optional>

namespace hindsight::ui::browse {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("hindsight::ui::browse", text);
}

/// Tells one loaded index from another (a reloaded index may reuse the old one's address).
struct IndexStamp
{
    const definitions::InteractionIndex *index = nullptr;
    std::size_t size = 0;
    std::int64_t firstId = 0, lastId = 0;

    static IndexStamp of(const definitions::InteractionIndex &x)
    {
        IndexStamp s;
        s.index = &x;
        s.size = x.size();
        if (s.size > 0) {
            s.firstId = x.ids().front();
            s.lastId = x.ids().back();
        }
        return s;
    }
    bool operator==(const IndexStamp &) const = default;
};

bool sameFilter(const definitions::BrowseFilter &a, const definitions::BrowseFilter &b)
{
    return a.eventTypes == b.eventTypes && a.range.fromMs == b.range.fromMs && a.range.toMs == b.range.toMs &&
           a.page == b.page && a.text == b.text && a.selector == b.selector && a.person == b.person &&
           a.session == b.session;
}

/// The last compiled filter of this (analysis) thread.
struct QueryCache
{
    IndexStamp stamp;
    definitions::BrowseFilter filter;
    std::optional<definitions::BrowseQuery> query;
};

/// The compiled filter for `filter` over the context's index; nullptr and `error` when the index
/// cannot be loaded or the filter is invalid.
const definitions::BrowseQuery *queryFor(AnalysisContext &ctx, const definitions::BrowseFilter &filter,
                                         QString *error)
{
    thread_local QueryCache cache;
    QString indexError;
    const definitions::InteractionIndex *index = ctx.index(&indexError);
    if (!index) {
        *error = indexError.isEmpty() ? tr("The workspace is not open.") : indexError;
        return nullptr;
    }
    const IndexStamp stamp = IndexStamp::of(*index);
    if (cache.query && cache.stamp == stamp && sameFilter(cache.filter, filter)) return &*cache.query;
    cache.query.reset();
    definitions::BrowseError e;
    auto q = definitions::BrowseQuery::compile(*index, filter, &ctx.store(), &e);
    if (!q) {
        *error = QString::fromStdString(e.message());
        return nullptr;
    }
    cache.stamp = stamp;
    cache.filter = filter;
    cache.query = std::move(q);
    return &*cache.query;
}

/// Compiled definitions of the catalog, kept while the index and the catalog stay the same.
struct DefinitionsCache
{
    IndexStamp stamp;
    std::vector<std::string> signature; ///< id, version and name of each definition
    std::vector<definitions::CompiledDefinition> compiled;
    QStringList skipped;
    std::vector<std::string> status; ///< parallel to compiled
};

} // namespace

RowsResult rows(AnalysisContext &ctx, const definitions::BrowseFilter &filter, qint64 beforeId, int limit,
                bool withCount)
{
    RowsResult out;
    const definitions::BrowseQuery *q = queryFor(ctx, filter, &out.error);
    if (!q) return out;
    if (withCount) out.count = q->count();
    if (ctx.cancelled()) return out;
    const std::vector<std::int64_t> ids = q->page(beforeId, static_cast<std::size_t>(std::max(1, limit)));
    InteractionConverter converter;
    out.rows.reserve(ids.size());
    for (const std::int64_t id : ids) {
        // An id the store no longer holds (erased since the index was loaded) is left out.
        if (auto record = ctx.store().findById(id)) out.rows.push_back(converter.toRow(*record));
    }
    return out;
}

qint64 count(AnalysisContext &ctx, const definitions::BrowseFilter &filter, QString *error)
{
    QString e;
    const definitions::BrowseQuery *q = queryFor(ctx, filter, &e);
    if (!q) {
        if (error) *error = e;
        return -1;
    }
    return q->count();
}

ElementsResult elements(AnalysisContext &ctx, const definitions::BrowseFilter &filter, int offset, int limit)
{
    ElementsResult out;
    const definitions::BrowseQuery *q = queryFor(ctx, filter, &out.error);
    if (!q) return out;
    const definitions::ElementGroups groups = q->elementGroups(static_cast<std::size_t>(std::max(0, offset)),
                                                               static_cast<std::size_t>(std::max(1, limit)));
    out.total = static_cast<qint64>(groups.totalGroups);
    out.withElement = groups.matchingWithElement;
    out.sparklineStartMs = groups.sparklineStartMs;
    out.rows.reserve(groups.groups.size());
    for (const definitions::ElementGroup &g : groups.groups) {
        ElementRow row;
        row.selector = untrusted::line(g.selector, untrusted::kCellChars);
        // The summary's text part (`"Add to cart"`, cut at 40 characters), as the table shows it.
        if (g.summary.size() > g.selector.size() &&
            g.summary.compare(0, g.selector.size(), g.selector) == 0) {
            std::string_view text(g.summary);
            text.remove_prefix(g.selector.size());
            while (!text.empty() && text.front() == ' ')
                text.remove_prefix(1);
            row.text = untrusted::line(text, untrusted::kCellChars);
        }
        row.chain = untrusted::line(g.chain, untrusted::kDetailChars);
        row.interactions = g.interactions;
        row.people = g.people;
        row.pages = g.pages;
        row.firstMs = g.firstMs;
        row.lastMs = g.lastMs;
        row.representativeId = g.representativeId;
        if (auto record = ctx.store().findById(g.representativeId))
            row.representativeUuid = QString::fromStdString(record->uuid);
        std::copy(g.sparkline.begin(), g.sparkline.end(), row.sparkline.begin());
        out.rows.push_back(std::move(row));
    }
    return out;
}

MatchesResult definitionsMatching(AnalysisContext &ctx, qint64 id)
{
    thread_local DefinitionsCache cache;
    MatchesResult out;
    out.id = id;
    QString error;
    const definitions::InteractionIndex *index = ctx.index(&error);
    if (!index) {
        out.error = error.isEmpty() ? tr("The workspace is not open.") : error;
        return out;
    }
    const std::vector<definitions::Definition> &defs = ctx.definitions(&error);
    if (!error.isEmpty()) {
        out.error = error;
        return out;
    }
    std::vector<std::string> signature;
    signature.reserve(defs.size());
    for (const definitions::Definition &d : defs)
        signature.push_back(std::to_string(d.id) + ":" + std::to_string(d.version) + ":" + d.name);
    const IndexStamp stamp = IndexStamp::of(*index);
    if (!(cache.stamp == stamp) || cache.signature != signature) {
        cache = DefinitionsCache();
        for (const definitions::Definition &d : defs) {
            if (ctx.cancelled()) return out;
            QString why;
            auto compiled = ctx.compile(d, &why);
            if (!compiled) {
                cache.skipped << QStringLiteral("%1: %2").arg(untrusted::line(d.name), why);
                continue;
            }
            cache.compiled.push_back(std::move(*compiled));
            cache.status.emplace_back(definitions::statusName(d.status));
        }
        cache.stamp = stamp;
        cache.signature = std::move(signature);
    }
    std::vector<const definitions::CompiledDefinition *> pointers;
    pointers.reserve(cache.compiled.size());
    for (const auto &c : cache.compiled)
        pointers.push_back(&c);
    std::string e;
    const auto matches = definitions::whichMatchInteraction(*index, pointers, id, &e);
    out.skipped = cache.skipped;
    if (!matches) {
        out.error = tr("This interaction is not in the loaded interactions yet (%1).")
                        .arg(untrusted::line(e, untrusted::kDetailChars));
        return out;
    }
    for (const definitions::DefinitionMatch &m : *matches) {
        MatchedDefinition md;
        md.name = QString::fromStdString(m.name);
        for (std::size_t i = 0; i < cache.compiled.size(); ++i)
            if (cache.compiled[i].name() == m.name) md.status = QString::fromStdString(cache.status[i]);
        md.elementIndex = m.elementIndex;
        out.matches.push_back(std::move(md));
    }
    return out;
}

QStringList eventTypes(AnalysisContext &ctx)
{
    QStringList out;
    const definitions::InteractionIndex *index = ctx.index();
    if (!index) return out;
    for (std::size_t t = 1; t < index->dictionaries().eventTypes.size(); ++t)
        out << QString::fromStdString(index->dictionaries().eventTypes[t]);
    out.sort(Qt::CaseInsensitive);
    return out;
}

} // namespace hindsight::ui::browse
