#include "ui/store/overviewjobs.h"

#include "core/definitions/catalog.h"
#include "core/definitions/compileddefinition.h"
#include "core/definitions/coverage.h"
#include "core/naming/cataloglinter.h"
#include "core/privacy/fieldaudit.h"
#include "ui/store/analysiscontext.h"
#include "ui/store/definitionjobs.h"

#include <QCoreApplication>
#include <algorithm>
#include <set>

namespace hindsight::ui::overviewjobs {

using definitions::Definition;
using definitions::DefinitionStatus;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("hindsight::ui::OverviewJobs", text);
}

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

/// The kind of personal data, in words.
QString detectorWords(privacy::DetectorType type)
{
    switch (type) {
    case privacy::DetectorType::Email:
        return tr("e-mail addresses");
    case privacy::DetectorType::Phone:
        return tr("phone numbers");
    case privacy::DetectorType::CreditCard:
        return tr("card numbers");
    case privacy::DetectorType::Iban:
        return tr("bank account numbers (IBAN)");
    case privacy::DetectorType::UsSsn:
        return tr("social security numbers");
    case privacy::DetectorType::IpAddress:
        return tr("IP addresses");
    case privacy::DetectorType::Jwt:
        return tr("access tokens (JWT)");
    case privacy::DetectorType::Secret:
        return tr("secrets");
    }
    return qs(std::string(privacy::toString(type)));
}

QString severityWords(privacy::Severity severity)
{
    switch (severity) {
    case privacy::Severity::High:
        return tr("high risk");
    case privacy::Severity::Medium:
        return tr("medium risk");
    case privacy::Severity::Low:
        return tr("low risk");
    }
    return {};
}

QString notOpen(AnalysisContext &ctx)
{
    return ctx.openError().isEmpty() ? tr("No workspace is open.") : ctx.openError();
}

} // namespace

OverviewVolume computeVolume(AnalysisContext &ctx, const definitions::TimeRange &range,
                             const std::string &timeZone)
{
    OverviewVolume out;
    QString error;
    const auto *index = ctx.index(&error);
    if (!index) {
        out.error = error.isEmpty() ? notOpen(ctx) : error;
        return out;
    }
    // Every interaction: one step without any condition matches every row. It is never saved;
    // it only lets the series and totals of the studio count all rows the same way they count
    // a definition's (buckets in the user's zone, people resolved through $identify).
    Definition all;
    all.name = "All interactions";
    all.steps.emplace_back();
    definitions::CompileError compileError;
    const auto compiled = definitions::CompiledDefinition::compile(all, *index, {}, &compileError);
    if (!compiled) {
        out.error = qs(compileError.message());
        return out;
    }
    const auto totals = definitions::totals(*index, *compiled, range);
    out.interactions = totals.count;
    out.people = totals.people;
    out.sessions = totals.sessions;
    if (ctx.cancelled()) return out;

    const auto [first, last] = definitions::rowRange(*index, range);
    const qint64 fromMs =
        range.fromMs ? *range.fromMs : (first < last ? index->timestampMs(first) : qint64(0));
    const qint64 toMs = range.toMs ? *range.toMs : (first < last ? index->timestampMs(last - 1) + 1 : fromMs);
    out.granularity = granularityForSpan(fromMs, toMs);
    std::string seriesError;
    auto points = definitions::series(*index, *compiled, out.granularity, range, timeZone, &seriesError);
    if (!points && !timeZone.empty())
        points = definitions::series(*index, *compiled, out.granularity, range, {}, &seriesError);
    if (!points) {
        out.error = qs(seriesError);
        return out;
    }
    out.series = std::move(*points);
    out.ok = true;
    return out;
}

OverviewCoverage computeCoverage(AnalysisContext &ctx, const definitions::TimeRange &range, int top)
{
    OverviewCoverage out;
    QString error;
    const auto *index = ctx.index(&error);
    if (!index) {
        out.error = error.isEmpty() ? notOpen(ctx) : error;
        return out;
    }
    const std::vector<Definition> defs = ctx.definitions(&error); // a copy: compiling may not reload it
    std::vector<definitions::CompiledDefinition> compiled;
    compiled.reserve(defs.size());
    for (const auto &def : defs) {
        if (def.status == DefinitionStatus::Archived) continue;
        if (ctx.cancelled()) return out;
        if (auto c = ctx.compile(def))
            compiled.push_back(std::move(*c));
        else
            ++out.skipped;
    }
    std::vector<const definitions::CompiledDefinition *> pointers;
    pointers.reserve(compiled.size());
    for (const auto &c : compiled)
        pointers.push_back(&c);
    out.definitions = static_cast<int>(pointers.size());

    definitions::CoverageOptions options;
    options.range = range;
    options.topElements = static_cast<std::size_t>(std::max(top, 0));
    const auto report = definitions::coverage(*index, pointers, options);
    out.considered = report.considered;
    out.matched = report.matched;
    out.unmatchedElements = report.unmatchedElements;
    for (const auto &e : report.elements) {
        if (static_cast<int>(out.uncovered.size()) >= top) break;
        out.uncovered.push_back({qs(e.summary), qs(e.chainText), qs(e.samplePath), e.count});
    }
    out.ok = true;
    return out;
}

OverviewCatalog computeCatalog(AnalysisContext &ctx, int recentCount, qint64 nowMs)
{
    OverviewCatalog out;
    if (!ctx.isOpen()) {
        out.error = notOpen(ctx);
        return out;
    }
    QString error;
    const std::vector<Definition> defs = ctx.definitions(&error);
    out.error = error;

    std::vector<naming::CatalogEntry> entries;
    entries.reserve(defs.size());
    for (const auto &d : defs) {
        switch (d.status) {
        case DefinitionStatus::Verified:
            ++out.verified;
            break;
        case DefinitionStatus::Draft:
            ++out.draft;
            break;
        case DefinitionStatus::Deprecated:
            ++out.deprecated;
            break;
        case DefinitionStatus::Archived:
            ++out.archived;
            break;
        }
        if (d.status != DefinitionStatus::Deprecated && d.status != DefinitionStatus::Archived)
            ++out.reviewed;
        entries.push_back(naming::CatalogEntry{d.name, d.description, d.owner, d.category,
                                               std::string(definitions::statusName(d.status))});
    }

    // The naming review, as `hindsight lint` does it against the workspace's convention.
    const WorkspaceConventionResult convention = loadWorkspaceConvention(ctx.store());
    out.conventionSource = convention.stored ? tr("the workspace's convention")
                                             : tr("the %1 preset").arg(qs(convention.convention.name));
    out.conventionError = convention.error;
    try {
        const naming::CatalogLinter linter(convention.convention);
        const naming::LintReport report = linter.lint(entries);
        out.violations = static_cast<int>(report.violations.size());
        std::set<std::string> names;
        for (const auto &v : report.violations)
            names.insert(v.definition);
        out.definitionsWithIssues = static_cast<int>(names.size());
        out.duplicateGroups = static_cast<int>(report.duplicates.size());
    } catch (const std::exception &e) {
        out.conventionError = tr("The naming convention cannot be used: %1").arg(qs(e.what()));
    }

    // The newest history entries across the catalog.
    constexpr qint64 kWeekMs = 7LL * 24 * 3600 * 1000;
    std::string historyError;
    const auto recent =
        ctx.catalog().recentChanges(static_cast<std::size_t>(std::max(recentCount, 0)), &historyError);
    const auto lastWeek = ctx.catalog().changeCount(nowMs - kWeekMs, nowMs, &historyError);
    if (!recent || !lastWeek) {
        out.error = tr("The catalog's history could not be read: %1").arg(qs(historyError));
        return out;
    }
    out.changesLastWeek = static_cast<int>(*lastWeek);
    std::vector<OverviewChange> changes;
    for (const auto &c : *recent)
        changes.push_back({qs(c.definition), qs(c.entry.action), qs(c.entry.actor), c.entry.atMs,
                           qs(c.entry.reason), c.entry.version});
    out.recent = std::move(changes);
    out.ok = true;
    return out;
}

OverviewPrivacy computePrivacy(AnalysisContext &ctx)
{
    OverviewPrivacy out;
    if (!ctx.isOpen()) {
        out.error = notOpen(ctx);
        return out;
    }
    std::string error;
    const auto report = ctx.fieldAudit(&error); // the Privacy view's, when it ran on the same data
    if (!report) {
        out.error = error.empty() ? tr("The privacy audit could not read the workspace.") : qs(error);
        return out;
    }
    out.interactions = report->interactions;
    out.findings = report->findingCount();
    const privacy::FieldReport *riskiestField = nullptr;
    const privacy::DetectorFinding *riskiest = nullptr;
    for (const auto &field : report->fields) {
        if (!field.findings.empty()) ++out.fieldsWithFindings;
        for (const auto &finding : field.findings) {
            const auto severity = privacy::severityOf(finding.type);
            if (severity == privacy::Severity::High) ++out.highFindings;
            // As `hindsight audit` sorts: the most severe, then the most interactions.
            bool better = riskiest == nullptr;
            if (!better) {
                const auto best = privacy::severityOf(riskiest->type);
                better = severity < best ||
                         (severity == best && finding.interactionsAffected > riskiest->interactionsAffected);
            }
            if (better) {
                riskiest = &finding;
                riskiestField = &field;
            }
        }
    }
    for (const auto &element : report->sensitiveElements)
        if (element.textCaptured()) ++out.sensitiveWithText;
    if (riskiest) {
        out.riskiestField = qs(riskiestField->field);
        out.riskiestDetector = detectorWords(riskiest->type);
        out.riskiestSeverity = severityWords(privacy::severityOf(riskiest->type));
        out.riskiestHigh = privacy::severityOf(riskiest->type) == privacy::Severity::High;
        out.riskiestInteractions = riskiest->interactionsAffected;
    }
    out.ok = true;
    return out;
}

} // namespace hindsight::ui::overviewjobs
