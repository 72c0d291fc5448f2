#pragma once

#include "core/naming/convention.h"

#include <QString>
#include <QStringList>
#include <QtGlobal>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hindsight::store {
class Store;
}

namespace hindsight::ui {

class AnalysisContext;

// The Naming view's questions, answered on the analysis thread (AnalysisService jobs). Every
// result is a plain value.

/// One violation of one definition (what `hindsight lint` reports), with the rename the review
/// would make for it.
struct NamingViolation
{
    QString definition; ///< the definition's current name
    QString status;     ///< "draft", "verified" (deprecated and archived ones are not reviewed)
    QString ruleId;     ///< naming::ruleId(): "casing", "verb-tense", "missing-owner"...
    QString message;    ///< for a person
    QString suggestion; ///< the suggested name ("" = no automatic fix)
    /// Why the suggestion cannot be applied ("" = it can): it is another definition's name or
    /// former name, or several definitions would get it.
    QString blocked;
};

/// Definitions that look like the same thing, by name or by what they match.
struct NamingDuplicateMember
{
    QString name;
    QString status; ///< "draft", "verified", "deprecated"
    bool isCombo = false;
    qint64 matched = -1; ///< interactions it matches in the whole workspace (-1: not known)
};

struct NamingDuplicateGroup
{
    enum class Kind { Name, Meaning };
    Kind kind = Kind::Name;
    QString ruleId;     ///< naming::duplicateRuleId() for names; "meaning" for meaning
    QString reason;     ///< for a person: "the same name after folding case and separators"
    double overlap = 0; ///< Meaning: the lowest Jaccard index of the linking pairs (0..1)
    std::vector<NamingDuplicateMember> members;
    QStringList details; ///< Meaning: one line per linking pair, with the shared counts
};

/// The catalog reviewed against the workspace's convention (no interaction index needed).
struct NamingReview
{
    bool ok = false;
    QString error;
    bool readOnly = false;
    naming::Convention convention;           ///< what the names were checked against
    bool conventionStored = false;           ///< false: the default (heap), the workspace stores none
    QString conventionError;                 ///< the stored convention does not read (then heap was used)
    QStringList names;                       ///< every reviewed definition (not deprecated or archived)
    std::vector<NamingViolation> violations; ///< catalog order, then rule order
    std::vector<NamingDuplicateGroup> duplicates; ///< by name
};

/// Duplicates by meaning: definitions whose matched interactions overlap strongly.
struct NamingMeaningResult
{
    bool ok = false;
    QString error;
    std::vector<NamingDuplicateGroup> groups;
    /// Interactions each definition matches in the whole workspace, by name (archived ones and
    /// ones that do not compile are left out).
    std::vector<std::pair<QString, qint64>> matched;
    QStringList notCompiled; ///< "name: reason" for definitions left out
};

/// One definition the health check flags.
struct NamingHealthRow
{
    enum class State { Stale, NeverMatched, Broken };
    QString name;
    State state = State::Stale;
    QString detail;                    ///< the issues or the compile error, in words
    std::optional<qint64> lastMatchMs; ///< the newest match before the quiet window, if any
};

struct NamingHealthResult
{
    bool ok = false;
    QString error;
    QString basis;                     ///< what "recent" means here, in words (from checkHealth)
    int checked = 0;                   ///< definitions checked (archived ones are not)
    std::vector<NamingHealthRow> rows; ///< flagged definitions only, in catalog order
};

/// The outcome of storing a convention: what was stored before, so the change can be undone.
struct NamingConventionSave
{
    bool ok = false;
    QString error;
    std::optional<std::string> previousJson; ///< nullopt: the workspace stored none
};

namespace namingjobs {

/// Lints every definition against the workspace's convention (or `convention` when given), plans
/// the suggested renames (a suggestion that clashes is blocked, with the reason) and finds
/// duplicates by name.
NamingReview review(AnalysisContext &ctx, const std::optional<naming::Convention> &convention = {});

/// Duplicates by meaning over the whole workspace (Jaccard index >= minJaccard), leaving out
/// pairs that are already duplicates by name under the workspace's convention and combos paired
/// with their own members. Loads the interaction index.
NamingMeaningResult meaningDuplicates(AnalysisContext &ctx, double minJaccard = 0.9);

/// Stale (nothing in the newest 72 hours of data), never matched and broken (does not compile,
/// or its daily count fell sharply) definitions. Loads the interaction index.
NamingHealthResult health(AnalysisContext &ctx);

/// The JSON `hindsight convention set` stores for `convention`: {"extends": ID} when it is
/// exactly a preset, else the full convention.
std::string conventionStorageJson(const naming::Convention &convention);

/// Stores `json` as the workspace's convention (setting `naming.convention`); nullopt removes it
/// (back to the default, heap). Returns what was stored before.
NamingConventionSave saveWorkspaceConvention(AnalysisContext &ctx, const std::optional<std::string> &json);

} // namespace namingjobs

} // namespace hindsight::ui
