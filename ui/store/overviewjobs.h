#pragma once

#include "core/definitions/answers.h"

#include <QString>
#include <QtGlobal>
#include <string>
#include <vector>

namespace hindsight::ui {

class AnalysisContext;

// The Overview's questions, answered on the analysis thread (AnalysisService jobs). Every
// result is a plain value.

/// Every interaction of the shared range, counted per bucket, with the people and sessions
/// behind them.
struct OverviewVolume
{
    bool ok = false;
    QString error;
    qint64 interactions = 0;
    qint64 people = 0; ///< identity-resolved, as everywhere in the studio
    qint64 sessions = 0;
    definitions::Granularity granularity = definitions::Granularity::Day;
    std::vector<definitions::SeriesPoint> series; ///< zero-filled over the range
};

/// An element no definition matches, among the most frequent of the range.
struct OverviewUncoveredElement
{
    QString summary;   ///< `button#rent-now.btn "Rent now"`; untrusted
    QString chainText; ///< the canonical chain; untrusted
    QString path;      ///< the page of its first unmatched interaction; untrusted
    qint64 count = 0;
};

/// How much of what people did in the range the catalog describes (core coverage(): the
/// element interactions click, submit and change, matched by at least one definition that is
/// not archived).
struct OverviewCoverage
{
    bool ok = false;
    QString error;
    qint64 considered = 0;
    qint64 matched = 0;
    qint64 unmatchedElements = 0;                    ///< distinct elements among the unmatched interactions
    int definitions = 0;                             ///< definitions that took part (not archived, compiled)
    int skipped = 0;                                 ///< definitions left out because they do not compile
    std::vector<OverviewUncoveredElement> uncovered; ///< the most frequent first
    /// matched / considered (0 when nothing was considered).
    double share() const { return considered > 0 ? double(matched) / double(considered) : 0.0; }
};

/// One row of the catalog's history, newest first across every definition.
struct OverviewChange
{
    QString definition; ///< the definition's current name
    QString action;     ///< create, update, rename, status, restore, import, merge, unmerge
    QString actor;
    qint64 atMs = 0;
    QString reason;
    int version = 0;
};

/// The catalog at a glance: definitions by status, the naming review (the workspace's
/// convention, core CatalogLinter) and the newest history entries. No interaction index.
struct OverviewCatalog
{
    bool ok = false;
    QString error;
    int verified = 0;
    int draft = 0;
    int deprecated = 0;
    int archived = 0;
    int reviewed = 0;                   ///< definitions the naming review looks at (not deprecated/archived)
    int violations = 0;                 ///< naming findings (LintReport::violations)
    int definitionsWithIssues = 0;      ///< distinct definitions among them
    int duplicateGroups = 0;            ///< groups of names that look like duplicates
    QString conventionSource;           ///< "the workspace's convention" or "the heap preset"
    QString conventionError;            ///< the stored convention does not read
    std::vector<OverviewChange> recent; ///< newest first
    qint64 changesLastWeek = 0;         ///< history entries in the 7 days before `nowMs`
    int total() const { return verified + draft + deprecated + archived; }
};

/// The field audit (core auditFields over the whole store): findings still in the data.
struct OverviewPrivacy
{
    bool ok = false;
    QString error;
    qint64 findings = 0; ///< (field, detector) pairs with personal data
    qint64 fieldsWithFindings = 0;
    qint64 highFindings = 0;      ///< of those, high severity (cards, SSN, IBAN, tokens, secrets)
    qint64 sensitiveWithText = 0; ///< sensitive form fields whose typed text was captured
    QString riskiestField;        ///< as the audit names it (masked, cut); untrusted
    QString riskiestDetector;     ///< what it holds, in words: "e-mail addresses", "card numbers"…
    QString riskiestSeverity;     ///< "high risk", "medium risk", "low risk"
    bool riskiestHigh = false;
    qint64 riskiestInteractions = 0;
    qint64 interactions = 0; ///< interactions audited
};

namespace overviewjobs {

/// Counts every interaction of `range` per bucket (in `timeZone`, an IANA id; "" = UTC; the
/// granularity follows the range's length like every trend of the studio), with distinct
/// people and sessions. Loads the interaction index.
OverviewVolume computeVolume(AnalysisContext &ctx, const definitions::TimeRange &range,
                             const std::string &timeZone);

/// Coverage of the catalog over `range`, with the `top` most frequent uncovered elements.
/// Loads the interaction index.
OverviewCoverage computeCoverage(AnalysisContext &ctx, const definitions::TimeRange &range, int top = 3);

/// Definitions by status, the naming review and the `recentCount` newest history entries
/// (`nowMs`: the clock, for "changes in the last 7 days").
OverviewCatalog computeCatalog(AnalysisContext &ctx, int recentCount, qint64 nowMs);

/// The field audit of the whole store (AnalysisContext::fieldAudit(): seconds on a large
/// workspace, unless the Privacy view's audit of the same data is at hand; run it last).
OverviewPrivacy computePrivacy(AnalysisContext &ctx);

} // namespace overviewjobs

} // namespace hindsight::ui
