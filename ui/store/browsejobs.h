#pragma once

#include "core/definitions/interactionbrowse.h"
#include "ui/store/interactionrow.h"

#include <QString>
#include <QStringList>
#include <array>
#include <vector>

namespace hindsight::ui {

class AnalysisContext;

/// The interactions browser's questions, asked on the analysis thread (AnalysisService jobs). Every
/// function here runs there only and returns plain values. A compiled filter is kept between calls
/// (per analysis thread), so paging further back does not evaluate the filter's conditions again.
namespace browse {

/// A page of filtered interactions, newest first, as the table shows them.
struct RowsResult
{
    qint64 count = -1; ///< matching interactions in the range (-1 when not asked for)
    std::vector<InteractionRow> rows;
    QString error; ///< the workspace could not be read, or the filter is invalid
};

/// Interactions matching `filter` older than `beforeId` (0 = the newest), at most `limit`, with
/// their count when `withCount`. Display values are read from the store by id and made safe as
/// the unfiltered table's are (InteractionConverter).
RowsResult rows(AnalysisContext &ctx, const definitions::BrowseFilter &filter, qint64 beforeId, int limit,
                bool withCount);

/// Number of interactions matching `filter` (-1 and `error` when it cannot be answered).
qint64 count(AnalysisContext &ctx, const definitions::BrowseFilter &filter, QString *error = nullptr);

/// One distinct element, made safe for display.
struct ElementRow
{
    QString selector; ///< `button#buy.btn` (monospace)
    QString text;     ///< `"Add to cart"` in quotes, or empty
    QString chain;    ///< the representative interaction's $elements_chain (tooltip)
    qint64 interactions = 0, people = 0, pages = 0;
    qint64 firstMs = 0, lastMs = 0;
    qint64 representativeId = 0;
    QString representativeUuid; ///< for the detail pane
    std::array<qint64, 30> sparkline{};
};

struct ElementsResult
{
    std::vector<ElementRow> rows;
    qint64 total = 0;            ///< distinct elements
    qint64 withElement = 0;      ///< matching interactions that have an element
    qint64 sparklineStartMs = 0; ///< UTC midnight of the sparklines' first day
    QString error;
};

/// The distinct elements of the interactions matching `filter` (see definitions::BrowseQuery::
/// elementGroups), rows [offset, offset + limit).
ElementsResult elements(AnalysisContext &ctx, const definitions::BrowseFilter &filter, int offset, int limit);

/// A definition that matches an interaction.
struct MatchedDefinition
{
    QString name;          ///< exactly as in the catalog (shown through untrusted::line)
    QString status;        ///< "verified", "draft", ...
    int elementIndex = -1; ///< the chain element that satisfied it (0 = target), -1 = type/URL only
};

struct MatchesResult
{
    qint64 id = 0;
    std::vector<MatchedDefinition> matches;
    QStringList skipped; ///< definitions that could not be compiled, with the reason
    QString error;
};

/// The definitions of the catalog that match interaction `id` (combos included), by name.
MatchesResult definitionsMatching(AnalysisContext &ctx, qint64 id);

/// The event types of the workspace, sorted (for the type chip's completion).
QStringList eventTypes(AnalysisContext &ctx);

} // namespace browse

} // namespace hindsight::ui
