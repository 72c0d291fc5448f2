#include "ui/store/namingjobs.h"

#include "core/definitions/catalog.h"
#include "core/definitions/compileddefinition.h"
#include "core/definitions/definitionhealth.h"
#include "core/definitions/definitionvalidator.h"
#include "core/definitions/meaningduplicates.h"
#include "core/definitions/workspacesettings.h"
#include "core/naming/cataloglinter.h"
#include "core/naming/conventionjson.h"
#include "core/naming/conventionpresets.h"
#include "ui/common/humanformat.h"
#include "ui/store/analysiscontext.h"
#include "ui/store/definitionjobs.h"

#include <QCoreApplication>
#include <cmath>
#include <map>
#include <set>

namespace hindsight::ui::namingjobs {

using definitions::Definition;
using definitions::DefinitionStatus;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("hindsight::ui::NamingJobs", text);
}

QString qs(const std::string &text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

bool reviewed(const Definition &d)
{
    return d.status != DefinitionStatus::Deprecated && d.status != DefinitionStatus::Archived;
}

naming::CatalogEntry entryOf(const Definition &d)
{
    return naming::CatalogEntry{d.name, d.description, d.owner, d.category,
                                std::string(statusName(d.status))};
}

QString noWorkspace(AnalysisContext &ctx)
{
    return ctx.openError().isEmpty() ? tr("No workspace is open.") : ctx.openError();
}

/// "12.5 %" (rounded down, so that 0.999 never reads as 100 %).
QString percent(double value)
{
    return QStringLiteral("%1 %").arg(std::floor(value * 1000.0) / 10.0, 0, 'f', 1);
}

} // namespace

NamingReview review(AnalysisContext &ctx, const std::optional<naming::Convention> &convention)
{
    NamingReview out;
    if (!ctx.isOpen()) {
        out.error = noWorkspace(ctx);
        return out;
    }
    out.readOnly = ctx.isReadOnly();
    const WorkspaceConventionResult stored = loadWorkspaceConvention(ctx.store());
    out.conventionStored = stored.stored;
    out.conventionError = stored.error;
    out.convention = convention ? *convention : stored.convention;

    QString error;
    const std::vector<Definition> &defs = ctx.definitions(&error);
    if (!error.isEmpty()) out.error = error;

    std::vector<naming::CatalogEntry> entries;
    entries.reserve(defs.size());
    for (const Definition &d : defs) {
        entries.push_back(entryOf(d));
        if (reviewed(d)) out.names << qs(d.name);
    }
    std::optional<naming::CatalogLinter> linter;
    try {
        linter.emplace(out.convention);
    } catch (const std::exception &e) {
        out.error = tr("The convention cannot be used: %1").arg(qs(std::string(e.what())));
        return out;
    }
    const naming::LintReport report = linter->lint(entries);

    std::map<std::string, const Definition *> byName;
    for (const Definition &d : defs)
        byName[d.name] = &d;

    // The rename each definition would get (its name's suggestion) and whether it clashes: with
    // another definition's name or former name, or with another suggestion.
    std::map<std::string, std::string> suggestionOf;
    std::map<std::string, int> wantedBy;
    for (const auto &v : report.violations) {
        if (!v.suggestion || *v.suggestion == v.definition || suggestionOf.count(v.definition)) continue;
        suggestionOf[v.definition] = *v.suggestion;
        ++wantedBy[definitions::definitionNameKey(*v.suggestion)];
    }
    std::map<std::string, QString> blockedOf;
    for (const auto &[from, to] : suggestionOf) {
        if (wantedBy[definitions::definitionNameKey(to)] > 1) {
            blockedOf[from] = tr("another definition would get the same name");
            continue;
        }
        const auto holder = ctx.catalog().find(to);
        const Definition *self = byName.count(from) ? byName[from] : nullptr;
        if (holder && (!self || holder->id != self->id)) {
            blockedOf[from] =
                definitions::definitionNameKey(holder->name) == definitions::definitionNameKey(to)
                    ? tr("“%1” is the name of another definition: a duplicate to merge?")
                          .arg(qs(holder->name))
                    : tr("“%1” is a former name of “%2”").arg(qs(to), qs(holder->name));
        }
    }

    for (const auto &v : report.violations) {
        NamingViolation row;
        row.definition = qs(v.definition);
        if (const auto it = byName.find(v.definition); it != byName.end())
            row.status = qs(statusName(it->second->status));
        row.ruleId = qs(naming::ruleId(v.rule));
        row.message = qs(v.message);
        if (const auto it = suggestionOf.find(v.definition); it != suggestionOf.end() && v.suggestion) {
            row.suggestion = qs(it->second);
            if (const auto b = blockedOf.find(v.definition); b != blockedOf.end()) row.blocked = b->second;
        }
        out.violations.push_back(std::move(row));
    }

    for (const auto &g : report.duplicates) {
        NamingDuplicateGroup group;
        group.kind = NamingDuplicateGroup::Kind::Name;
        group.ruleId = qs(naming::duplicateRuleId(g.rule));
        group.reason = qs(g.reason);
        for (const std::size_t m : g.members) {
            if (m >= defs.size()) continue;
            const Definition &d = defs[m];
            group.members.push_back({qs(d.name), qs(statusName(d.status)), d.isCombo(), -1});
        }
        out.duplicates.push_back(std::move(group));
    }
    out.ok = true;
    return out;
}

NamingMeaningResult meaningDuplicates(AnalysisContext &ctx, double minJaccard)
{
    NamingMeaningResult out;
    QString error;
    const auto *index = ctx.index(&error);
    if (!index) {
        out.error = error.isEmpty() ? noWorkspace(ctx) : error;
        return out;
    }
    const std::vector<Definition> defs = ctx.definitions(&error); // a copy: compiling may reload it
    const WorkspaceConventionResult convention = loadWorkspaceConvention(ctx.store());

    // Duplicates by name (under the workspace's convention), by catalog index.
    std::map<std::size_t, std::set<std::size_t>> nameGroups;
    try {
        std::vector<naming::CatalogEntry> entries;
        for (const Definition &d : defs)
            entries.push_back(entryOf(d));
        naming::CatalogRules rules;
        rules.requireCategory = rules.requireDescription = rules.requireOwner = false;
        const naming::CatalogLinter linter(convention.convention, rules);
        const auto report = linter.lint(entries);
        for (std::size_t g = 0; g < report.duplicates.size(); ++g)
            for (const std::size_t member : report.duplicates[g].members)
                nameGroups[member].insert(g);
    } catch (const std::exception &) {
        // A convention that does not validate: no name groups to leave out.
    }

    std::map<std::string, std::size_t> indexByKey;
    for (std::size_t i = 0; i < defs.size(); ++i)
        indexByKey[definitions::definitionNameKey(defs[i].name)] = i;
    std::map<std::size_t, std::set<std::size_t>> comboMembers;
    for (std::size_t i = 0; i < defs.size(); ++i) {
        if (!defs[i].isCombo()) continue;
        std::set<std::size_t> &members = comboMembers[i];
        std::vector<std::size_t> todo{i};
        while (!todo.empty()) {
            const Definition &d = defs[todo.back()];
            todo.pop_back();
            for (const auto &m : d.combo) {
                const auto found = ctx.catalog().find(m);
                if (!found) continue;
                const auto it = indexByKey.find(definitions::definitionNameKey(found->name));
                if (it == indexByKey.end()) continue;
                if (members.insert(it->second).second && defs[it->second].isCombo())
                    todo.push_back(it->second);
            }
        }
    }

    std::vector<std::size_t> catalogIndex;
    std::vector<definitions::CompiledDefinition> compiled;
    compiled.reserve(defs.size());
    for (std::size_t i = 0; i < defs.size(); ++i) {
        if (ctx.cancelled()) return out;
        // Deprecated definitions still answer: one that duplicates a live one is worth merging.
        if (defs[i].status == DefinitionStatus::Archived) continue;
        QString compileError;
        auto c = ctx.compile(defs[i], &compileError);
        if (!c) {
            out.notCompiled << tr("%1: %2").arg(qs(defs[i].name), compileError);
            continue;
        }
        catalogIndex.push_back(i);
        compiled.push_back(std::move(*c));
    }
    std::vector<const definitions::CompiledDefinition *> pointers;
    pointers.reserve(compiled.size());
    for (const auto &c : compiled)
        pointers.push_back(&c);
    const auto skip = [&](std::size_t a, std::size_t b) {
        const std::size_t x = catalogIndex[a], y = catalogIndex[b];
        const auto gx = nameGroups.find(x), gy = nameGroups.find(y);
        if (gx != nameGroups.end() && gy != nameGroups.end())
            for (const auto g : gx->second)
                if (gy->second.count(g)) return true;
        for (const auto &[combo, other] : {std::pair{x, y}, std::pair{y, x}})
            if (const auto it = comboMembers.find(combo); it != comboMembers.end() && it->second.count(other))
                return true;
        return false;
    };
    if (ctx.cancelled()) return out;
    definitions::MeaningDuplicateOptions options;
    options.minJaccard = minJaccard;
    const auto found = definitions::findMeaningDuplicates(*index, pointers, options, skip);

    for (std::size_t m = 0; m < catalogIndex.size() && m < found.matched.size(); ++m)
        out.matched.emplace_back(qs(defs[catalogIndex[m]].name), static_cast<qint64>(found.matched[m]));
    for (const auto &g : found.groups) {
        NamingDuplicateGroup group;
        group.kind = NamingDuplicateGroup::Kind::Meaning;
        group.ruleId = QStringLiteral("meaning");
        group.overlap = g.overlap;
        group.reason = tr("they match the same interactions (overlap %1)").arg(percent(g.overlap));
        for (const std::size_t m : g.members) {
            const Definition &d = defs[catalogIndex[m]];
            group.members.push_back({qs(d.name), qs(statusName(d.status)), d.isCombo(),
                                     static_cast<qint64>(m < found.matched.size() ? found.matched[m] : 0)});
        }
        for (const auto &pair : g.pairs)
            group.details << tr("“%1” and “%2”: %3 overlap (%4 shared of %5 and %6 interactions)")
                                 .arg(qs(defs[catalogIndex[pair.first]].name),
                                      qs(defs[catalogIndex[pair.second]].name), percent(pair.jaccard),
                                      formatCount(static_cast<qint64>(pair.intersection)),
                                      formatCount(static_cast<qint64>(pair.firstSize)),
                                      formatCount(static_cast<qint64>(pair.secondSize)));
        out.groups.push_back(std::move(group));
    }
    out.ok = true;
    return out;
}

NamingHealthResult health(AnalysisContext &ctx)
{
    NamingHealthResult out;
    QString error;
    const auto *index = ctx.index(&error);
    if (!index) {
        out.error = error.isEmpty() ? noWorkspace(ctx) : error;
        return out;
    }
    const std::vector<Definition> defs = ctx.definitions(&error);
    std::map<std::string, QString> broken;
    for (const Definition &d : defs) {
        if (ctx.cancelled()) return out;
        if (d.status == DefinitionStatus::Archived) continue;
        QString compileError;
        if (!ctx.compile(d, &compileError)) broken[d.name] = compileError;
    }
    const auto report = definitions::checkHealth(*index, defs, ctx.lookup());
    out.basis = qs(report.basis);
    std::map<std::string, NamingHealthRow> flagged;
    for (const auto &[name, message] : broken)
        flagged[name] = {
            qs(name), NamingHealthRow::State::Broken, tr("Does not compile: %1").arg(message), {}};
    for (const auto &h : report.definitions) {
        ++out.checked;
        if (h.healthy() || broken.count(h.name)) continue;
        NamingHealthRow row;
        row.name = qs(h.name);
        QStringList messages;
        bool drop = false;
        for (const auto &issue : h.issues) {
            messages << qs(issue.message);
            drop = drop || issue.kind == definitions::HealthIssueKind::SuddenDrop;
            if (issue.kind == definitions::HealthIssueKind::NoRecentMatches && issue.lastMatchMs)
                row.lastMatchMs = *issue.lastMatchMs;
        }
        row.detail = messages.join(QLatin1Char('\n'));
        row.state =
            drop ? NamingHealthRow::State::Broken
                 : (row.lastMatchMs ? NamingHealthRow::State::Stale : NamingHealthRow::State::NeverMatched);
        flagged[h.name] = std::move(row);
    }
    for (const Definition &d : defs)
        if (const auto it = flagged.find(d.name); it != flagged.end()) out.rows.push_back(it->second);
    out.ok = true;
    return out;
}

std::string conventionStorageJson(const naming::Convention &convention)
{
    if (const auto preset = naming::conventionPreset(convention.id); preset && *preset == convention)
        return "{\"extends\": \"" + convention.id + "\"}";
    return naming::conventionToJson(convention);
}

NamingConventionSave saveWorkspaceConvention(AnalysisContext &ctx, const std::optional<std::string> &json)
{
    NamingConventionSave out;
    if (!ctx.isOpen()) {
        out.error = noWorkspace(ctx);
        return out;
    }
    if (ctx.isReadOnly()) {
        out.error = tr("The workspace is read-only: its file or folder cannot be written.");
        return out;
    }
    if (json) {
        // Never store what `hindsight lint` could not read back.
        const auto load = naming::conventionFromJson(*json);
        if (!load.ok()) {
            QStringList problems;
            for (const auto &e : load.errors)
                problems << qs(e.toString());
            out.error = tr("The convention is not valid:\n%1").arg(problems.join(QLatin1Char('\n')));
            return out;
        }
    }
    definitions::WorkspaceSettings settings(ctx.store());
    std::string readError;
    out.previousJson = settings.get(definitions::kNamingConventionSetting, &readError);
    if (!readError.empty()) {
        out.error = qs(readError);
        return out;
    }
    std::string writeError;
    const bool written = json ? settings.set(definitions::kNamingConventionSetting, *json, &writeError)
                              : settings.remove(definitions::kNamingConventionSetting, &writeError);
    if (!written) {
        out.error = qs(writeError);
        return out;
    }
    // Views that check names (the review, the editor's name feedback) ask again.
    ctx.markCatalogChanged();
    out.ok = true;
    return out;
}

} // namespace hindsight::ui::namingjobs
