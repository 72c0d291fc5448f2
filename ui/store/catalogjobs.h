#pragma once

#include "core/definitions/answers.h"
#include "core/definitions/definition.h"

#include <QString>
#include <QStringList>
#include <QtGlobal>
#include <optional>
#include <string>
#include <vector>

namespace hindsight::ui {

class AnalysisContext;

/// The catalog's definitions with their former names, as read by a job (plain values).
struct CatalogEntry
{
    definitions::Definition definition;
    std::vector<std::string> aliases; ///< former names, oldest first
};

struct CatalogSnapshot
{
    bool ok = false;
    QString error; ///< why the catalog could not be read (or rows that were skipped)
    bool readOnly = false;
    std::vector<CatalogEntry> entries; ///< sorted by name, ignoring case
};

/// How a definition is doing, in the studio's words (from definitions::checkHealth()).
enum class CatalogHealth {
    Pending,      ///< not known yet (the job is running)
    Ok,           ///< matched recently, no sudden drop
    Stale,        ///< matched once, but nothing in the newest 72 hours of data
    Broken,       ///< does not compile, or its daily count fell sharply (the page changed under it)
    NeverMatched, ///< matches nothing in the whole workspace
    NotChecked,   ///< archived definitions are not checked
};

/// Counts and health of one definition.
struct DefinitionStats
{
    qint64 id = 0;
    int version = 0;                  ///< the version counted (rows of a newer one wait for new counts)
    bool counted = false;             ///< false when it could not be compiled
    definitions::Totals totals;       ///< in the shared time range
    std::optional<qint64> lastSeenMs; ///< newest matching interaction in the workspace
    CatalogHealth health = CatalogHealth::Pending;
    QString healthDetail; ///< the health issues or the compile error, in words
};

struct CatalogStats
{
    bool ok = false;
    QString error;
    std::vector<DefinitionStats> stats; ///< one per definition of the catalog, any order
};

/// One version of a definition with what changed from the previous one.
struct HistoryVersion
{
    int version = 0;
    QString action; ///< create, update, rename, status, restore, import, merge, unmerge
    QString actor;
    qint64 atMs = 0;
    QString reason;
    QStringList changes; ///< definitiontext::changes() (or creation() for the first version)
};

struct DefinitionHistory
{
    bool ok = false;
    QString error;
    QString name; ///< the definition's current name
    int currentVersion = 0;
    std::vector<HistoryVersion> versions; ///< oldest first
};

/// Job bodies for the AnalysisService (run on the analysis thread).
namespace catalogjobs {

/// Every definition with its former names (no interaction index needed: fast).
CatalogSnapshot loadCatalog(AnalysisContext &ctx);
/// Counts over `range`, the last match and the health of every definition. Loads the
/// interaction index; checks ctx.cancelled() between definitions.
CatalogStats computeStats(AnalysisContext &ctx, const definitions::TimeRange &range);
/// The history of the definition named `name` (current or former name).
DefinitionHistory loadHistory(AnalysisContext &ctx, const QString &name);

} // namespace catalogjobs

} // namespace hindsight::ui
