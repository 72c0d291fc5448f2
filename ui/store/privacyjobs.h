#pragma once

#include "core/privacy/consentpolicy.h"
#include "core/privacy/fieldaudit.h"
#include "core/privacy/maskapply.h"
#include "core/privacy/maskrule.h"
#include "core/privacy/personaldata.h"

#include <QString>
#include <QStringList>
#include <QtGlobal>
#include <optional>
#include <string>
#include <vector>

namespace hindsight::ui {

class AnalysisContext;

/// The field audit of the workspace (plain values).
struct PrivacyAudit
{
    bool ok = false;
    QString error;
    bool readOnly = false; ///< the workspace cannot be written (rules, apply and erase are off)
    privacy::FieldAuditReport report;
    double seconds = 0;
};

/// The workspace's masking rules (active ones, by id).
struct PrivacyRules
{
    bool ok = false;
    QString error;
    std::vector<privacy::MaskRule> rules;
};

/// What rules would change in the store (a dry run: nothing is written).
struct PrivacyDryRun
{
    bool ok = false;
    QString error;
    privacy::MaskImpact impact;
};

/// The outcome of adding or removing a rule.
struct PrivacyRuleChange
{
    bool ok = false;
    QString error; ///< with the validation issues, one a line
    privacy::MaskRule rule;
    /// What the added rule would do to what is stored (so the view can offer to apply it).
    privacy::MaskImpact impact;
};

/// The outcome of applying the active rules to what is stored.
struct PrivacyApply
{
    bool ok = false;
    QString error;
    int rules = 0; ///< active rules applied
    privacy::MaskApplyReport report;
};

/// The consent policy and the stored interactions by consent.
struct PrivacyConsent
{
    bool ok = false;
    QString error;
    privacy::ConsentPolicy policy;
    privacy::ConsentImpact impact;
};

/// One distinct id found by a person search.
struct PersonMatch
{
    QString distinctId;       ///< untrusted: shown through untrusted::line()
    QString personDistinctId; ///< the id standing for the person it belongs to
    qint64 interactions = 0;  ///< interactions sent with this id
};

struct PersonSearch
{
    bool ok = false;
    QString error;
    std::vector<PersonMatch> matches; ///< most interactions first, at most `limit`
    qint64 totalMatches = 0;          ///< all ids that matched
    /// The store changed after the index was read (it is read again within a second): ask again.
    bool stale = false;
};

/// Everything held about the person a distinct id belongs to, in counts.
struct PersonDetails
{
    bool ok = false;
    QString error;
    bool unknown = false; ///< no such distinct id is stored
    int erasedBefore = 0; ///< when unknown: erasure log entries for this id
    QString subject;
    QString personDistinctId;
    QStringList distinctIds;
    qint64 interactions = 0;
    qint64 sessions = 0;
    std::optional<qint64> firstMs, lastMs;
};

struct PersonExport
{
    bool ok = false;
    QString error;
    QString path;
    qint64 interactions = 0;
    int distinctIds = 0;
};

struct PersonErase
{
    bool ok = false;
    QString error;
    privacy::ErasureReport report;
};

/// Job bodies for the AnalysisService (run on the analysis thread). Every one opens nothing of
/// its own but the audit's extra read-only connections: they use the context's store.
namespace privacyjobs {

/// The field audit over the whole store (AnalysisContext::fieldAudit(): seconds on millions of
/// interactions, unless the Overview's audit of the same data is still at hand).
PrivacyAudit audit(AnalysisContext &ctx);
PrivacyRules loadRules(AnalysisContext &ctx);
/// What `rules` would change (empty `rules`: an empty impact).
PrivacyDryRun dryRun(AnalysisContext &ctx, const std::vector<privacy::MaskRule> &rules);
/// The active rules' dry run.
PrivacyDryRun dryRunActive(AnalysisContext &ctx);
/// Adds a rule (validated; who and why are recorded).
PrivacyRuleChange addRule(AnalysisContext &ctx, const privacy::MaskRule &rule, const QString &reason);
PrivacyRuleChange removeRule(AnalysisContext &ctx, qint64 id, const QString &reason);
/// Applies the active rules to what is stored (the caller confirmed), then scrubs the files.
PrivacyApply applyActive(AnalysisContext &ctx);
PrivacyConsent consent(AnalysisContext &ctx);
/// Distinct ids containing `text` (case-insensitive), from the interaction index.
PersonSearch searchPeople(AnalysisContext &ctx, const QString &text, int limit = 200);
PersonDetails person(AnalysisContext &ctx, const QString &distinctId);
/// Writes the person's data as JSON to `path`: created readable by its owner only, written
/// completely or not at all (temporary file, then rename).
PersonExport exportPerson(AnalysisContext &ctx, const QString &distinctId, const QString &path);
PersonErase erasePerson(AnalysisContext &ctx, const QString &distinctId);

} // namespace privacyjobs

} // namespace hindsight::ui
