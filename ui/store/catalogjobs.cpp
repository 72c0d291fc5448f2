#include "ui/store/catalogjobs.h"

#include "core/definitions/catalog.h"
#include "core/definitions/compileddefinition.h"
#include "core/definitions/definitionhealth.h"
#include "core/definitions/definitionjson.h"
#include "ui/common/definitiondescription.h"
#include "ui/store/analysiscontext.h"

#include <QCoreApplication>
#include <array>
#include <map>

namespace hindsight::ui::catalogjobs {

using definitions::Definition;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("hindsight::ui::CatalogJobs", text);
}

/// The newest row in [0, end) that `def` matches, scanning back in blocks.
std::optional<std::size_t> lastMatchingRow(const definitions::CompiledDefinition &def, std::size_t end)
{
    constexpr std::size_t kBlock = 4096;
    std::array<std::uint8_t, kBlock> hits{};
    while (end > 0) {
        const std::size_t begin = end > kBlock ? end - kBlock : 0;
        def.matchRows(begin, end, hits.data());
        for (std::size_t i = end - begin; i-- > 0;)
            if (hits[i]) return begin + i;
        end = begin;
    }
    return std::nullopt;
}

std::optional<Definition> parseVersion(const std::string &json)
{
    definitions::DefinitionParseOptions options;
    options.validate = false;
    auto parsed = definitions::parseDefinitionObject(json, options);
    if (!parsed.ok() || parsed.definitions.size() != 1) return std::nullopt;
    return std::move(parsed.definitions.front());
}

} // namespace

CatalogSnapshot loadCatalog(AnalysisContext &ctx)
{
    CatalogSnapshot out;
    if (!ctx.isOpen()) {
        out.error = ctx.openError().isEmpty() ? tr("No workspace is open.") : ctx.openError();
        return out;
    }
    out.readOnly = ctx.isReadOnly();
    QString error;
    const auto &defs = ctx.definitions(&error);
    out.error = error;
    out.entries.reserve(defs.size());
    for (const auto &def : defs)
        out.entries.push_back({def, ctx.catalog().aliases(def.name)});
    out.ok = true;
    return out;
}

CatalogStats computeStats(AnalysisContext &ctx, const definitions::TimeRange &range)
{
    CatalogStats out;
    QString error;
    const auto *index = ctx.index(&error);
    if (!index) {
        out.error = error;
        return out;
    }
    const std::vector<Definition> defs = ctx.definitions(&error); // a copy: compiling may not reload it
    const auto lookup = ctx.lookup();
    std::map<std::string, std::size_t> byName;
    out.stats.resize(defs.size());
    for (std::size_t i = 0; i < defs.size(); ++i) {
        if (ctx.cancelled()) return out;
        const Definition &def = defs[i];
        DefinitionStats &s = out.stats[i];
        s.id = def.id;
        s.version = def.version;
        byName[def.name] = i;
        QString compileError;
        const auto compiled = ctx.compile(def, &compileError);
        if (!compiled) {
            s.health = CatalogHealth::Broken;
            s.healthDetail = tr("Cannot be checked: %1").arg(compileError);
            continue;
        }
        s.counted = true;
        s.totals = definitions::totals(*index, *compiled, range);
        if (const auto row = lastMatchingRow(*compiled, index->size()))
            s.lastSeenMs = index->timestampMs(*row);
    }
    if (ctx.cancelled()) return out;

    const auto report = definitions::checkHealth(*index, defs, lookup);
    for (auto &s : out.stats)
        if (s.health == CatalogHealth::Pending) {
            s.health = CatalogHealth::NotChecked; // archived: checkHealth leaves them out
            s.healthDetail = tr("Archived definitions are not checked.");
        }
    for (const auto &h : report.definitions) {
        const auto it = byName.find(h.name);
        if (it == byName.end()) continue;
        DefinitionStats &s = out.stats[it->second];
        if (s.health == CatalogHealth::Broken && !s.counted) continue;
        if (h.healthy()) {
            s.health = CatalogHealth::Ok;
            s.healthDetail = tr("matches in the newest 72 hours of data, with no sudden drop");
            continue;
        }
        QStringList messages;
        bool drop = false;
        for (const auto &issue : h.issues) {
            messages << QString::fromStdString(issue.message);
            drop = drop || issue.kind == definitions::HealthIssueKind::SuddenDrop;
        }
        s.healthDetail = messages.join(QLatin1Char('\n'));
        if (drop)
            s.health = CatalogHealth::Broken;
        else
            s.health = s.lastSeenMs ? CatalogHealth::Stale : CatalogHealth::NeverMatched;
    }
    out.ok = true;
    return out;
}

DefinitionHistory loadHistory(AnalysisContext &ctx, const QString &name)
{
    DefinitionHistory out;
    if (!ctx.isOpen()) {
        out.error = ctx.openError().isEmpty() ? tr("No workspace is open.") : ctx.openError();
        return out;
    }
    const std::string key = name.toStdString();
    std::string error;
    const auto def = ctx.catalog().find(key, &error);
    const auto entries = def ? ctx.catalog().history(key, &error) : std::nullopt;
    if (!def || !entries) {
        out.error = QString::fromStdString(error);
        return out;
    }
    out.name = QString::fromStdString(def->name);
    out.currentVersion = def->version;
    for (const auto &e : *entries) {
        HistoryVersion v;
        v.version = e.version;
        v.action = QString::fromStdString(e.action);
        v.actor = QString::fromStdString(e.actor);
        v.atMs = e.atMs;
        v.reason = QString::fromStdString(e.reason);
        const auto after = parseVersion(e.afterJson);
        const auto before = e.beforeJson ? parseVersion(*e.beforeJson) : std::nullopt;
        if (!after || (e.beforeJson && !before))
            v.changes << tr("(this version cannot be read)");
        else if (!before)
            v.changes = definitiontext::creation(*after);
        else
            v.changes = definitiontext::changes(*before, *after);
        if (v.changes.isEmpty()) v.changes << tr("(no change to what it matches or its details)");
        out.versions.push_back(std::move(v));
    }
    out.ok = true;
    return out;
}

} // namespace hindsight::ui::catalogjobs
