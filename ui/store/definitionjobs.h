#pragma once

#include "core/definitions/answers.h"
#include "core/definitions/definition.h"
#include "core/definitions/selectorsuggester.h"
#include "core/naming/convention.h"

#include <QString>
#include <QtGlobal>
#include <optional>
#include <string>
#include <vector>

namespace hindsight::naming {
class NameLinter;
}

namespace hindsight::store {
class Store;
}

namespace hindsight::ui {

class AnalysisContext;

// The definition editor's questions, answered on the analysis thread (AnalysisService jobs).
// Every result is a plain value.

/// How many interactions each row of a step matches on its own (over the preview's range), so
/// that the editor can show which condition narrows the step down. -1: the row is empty.
struct StepRowCounts
{
    qint64 step = -1; ///< the whole step (all its rows together)
    qint64 events = -1;
    qint64 selector = -1;
    qint64 text = -1;
    qint64 href = -1;
    qint64 url = -1;
    std::vector<qint64> properties; ///< per property filter
};

/// One distinct element the draft catches (the element that satisfied the conditions, within
/// its chain), or for interactions without an element, their event type.
struct PreviewElementRow
{
    QString summary;   ///< `button#rent-now.btn "Rent now"`; untrusted
    QString chainText; ///< the canonical chain (tooltip); untrusted; "" for no element
    QString type;      ///< for interactions without an element: their event type
    qint64 count = 0;
    bool isNew = false; ///< not caught by the baseline (the saved version or the first proposal)
};

/// One matching interaction, as the sample table shows it.
struct PreviewSampleRow
{
    qint64 id = 0;
    qint64 timeMs = 0;
    QString type;
    QString url;    ///< the whole URL; untrusted
    QString path;   ///< its path; untrusted
    QString target; ///< summary of the target element; untrusted
    QString person; ///< the person's distinct id; untrusted
};

/// What the editor asks the preview for.
struct DefinitionPreviewRequest
{
    /// The definition as typed (steps without any condition already left out). Must validate.
    definitions::Definition draft;
    /// What "new" elements are new against: the saved version, or the first proposal.
    std::optional<definitions::Definition> baseline;
    definitions::TimeRange range;
    /// IANA id for the trend's buckets; "" = UTC.
    std::string timeZone;
    int sampleSize = 20;
    int topElements = 15;
    /// Also count every row of every step (costs a compile and a scan per row; the editor asks
    /// for them in a separate job, computeStepRowCounts(), so that the figures come first).
    bool rowCounts = false;
};

struct DefinitionPreviewResult
{
    bool ok = false;
    QString error; ///< why there is no preview (the workspace, a combo member that does not exist...)
    definitions::Totals totals;
    definitions::Granularity granularity = definitions::Granularity::Day;
    std::vector<definitions::SeriesPoint> series;
    std::vector<PreviewElementRow> elements; ///< the most frequent first
    qint64 distinctElements = 0;
    bool hasBaseline = false;
    qint64 newElements = 0;     ///< distinct elements the baseline does not catch
    qint64 newInteractions = 0; ///< interactions on those
    qint64 droppedElements = 0; ///< distinct elements the baseline catches and the draft no longer does
    std::vector<PreviewSampleRow> sample; ///< newest first
    std::vector<StepRowCounts> rowCounts; ///< per step of the draft
    qint64 interactionsInRange = 0;
};

/// Computes the live preview: compiles the draft (ctx.compile), totals, the trend (its
/// granularity chosen from the range's length), the elements it catches against the baseline,
/// a sample of matching interactions and every row's own count. Returns early (ok = false, no
/// error) when ctx.cancelled() turns true.
DefinitionPreviewResult computeDefinitionPreview(AnalysisContext &ctx,
                                                 const DefinitionPreviewRequest &request);

/// Every row's own count for each step of `draft` (criteria only; empty for a combo), over
/// `range`. Stops early (returning what it has) when ctx.cancelled() turns true.
std::vector<StepRowCounts> computeStepRowCounts(AnalysisContext &ctx, const definitions::Definition &draft,
                                                const definitions::TimeRange &range);

/// The granularity a trend over [fromMs, toMs) is shown in: hours up to 3 days, days up to 120
/// days, weeks up to 3 years, months beyond.
definitions::Granularity granularityForSpan(qint64 fromMs, qint64 toMs);

/// What "Define event" proposes for interactions the user selected.
struct DefinitionSuggestionResult
{
    bool ok = false;
    QString error;
    definitions::Step step;
    std::vector<definitions::SelectorAlternative> alternatives;
    QString textReason;
    QString urlReason;
    QString suggestedName; ///< follows the workspace's naming convention when it can
};

/// examplesFromInteractions + SelectorSuggester::suggest, and a name from the workspace's
/// convention.
DefinitionSuggestionResult suggestFromInteractions(AnalysisContext &ctx, const std::vector<qint64> &ids);

/// A saved definition, by name or alias.
struct DefinitionLoadResult
{
    std::optional<definitions::Definition> definition;
    QString error;
};
DefinitionLoadResult loadDefinition(AnalysisContext &ctx, const QString &nameOrAlias);

/// Whether `name` is taken by a definition other than `exceptName` (current names and former
/// names, ignoring case). Returns the definition that holds it, or "".
QString definitionHoldingName(AnalysisContext &ctx, const QString &name, const QString &exceptName);

/// The naming convention a workspace stores (setting `naming.convention`), or the `heap`
/// preset when it stores none. A stored convention that does not read gives the preset and
/// `error`.
struct WorkspaceConventionResult
{
    naming::Convention convention;
    bool stored = false;
    QString error;
};
WorkspaceConventionResult loadWorkspaceConvention(store::Store &store);

/// What a proposed name is made of.
struct NameHints
{
    std::string eventType;  ///< `click`, `submit`, `$pageview`... ("" = click)
    std::string objectText; ///< the element's text, or words of its id / label / tag
    std::string pagePath;   ///< `/rent/*`, `/checkout`
};

/// A name for a new definition that follows the linter's convention: the event type as the
/// action (in the convention's tense), the element's text as the object, the page's first
/// segment as the category; tidied by the linter's own suggestion. Never empty.
std::string suggestDefinitionName(const naming::NameLinter &linter, const NameHints &hints);

/// Words naming what a selector points at, for a name: the id of its last compound, else an
/// attribute's value, else its first class, else its tag (`#checkout form button.buy` -> "buy").
std::string selectorNameWords(std::string_view selector);

/// Words naming the element a user pointed at: its text, else its aria-label, name, id or a
/// semantic class (split into words), else its tag ("link" for `a`).
std::string elementNameWords(const model::Element &element);

} // namespace hindsight::ui
