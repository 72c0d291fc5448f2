#include "ui/store/privacyjobs.h"

#include "core/definitions/interactionindex.h"
#include "core/privacy/maskstore.h"
#include "core/privacy/personaldata.h"
#include "ui/store/analysiscontext.h"

#include <QCoreApplication>
#include <QFile>
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace hindsight::ui::privacyjobs {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("hindsight::ui::PrivacyJobs", text);
}

QString fromUtf8(const std::string &text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

/// False (and `error` set) when no workspace is open.
bool checkOpen(AnalysisContext &ctx, QString &error)
{
    if (ctx.isOpen()) return true;
    error = ctx.openError().isEmpty() ? tr("No workspace is open.") : ctx.openError();
    return false;
}

bool checkWritable(AnalysisContext &ctx, QString &error)
{
    if (!checkOpen(ctx, error)) return false;
    if (!ctx.isReadOnly()) return true;
    error = tr("The workspace is open read-only: nothing can be changed.");
    return false;
}

} // namespace

PrivacyAudit audit(AnalysisContext &ctx)
{
    PrivacyAudit out;
    if (!checkOpen(ctx, out.error)) return out;
    out.readOnly = ctx.isReadOnly();
    const auto started = std::chrono::steady_clock::now();
    std::string error;
    const auto report = ctx.fieldAudit(&error); // shared with the Overview while the data is the same
    if (!report) {
        out.error = fromUtf8(error);
        return out;
    }
    out.report = *report;
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    out.ok = true;
    return out;
}

PrivacyRules loadRules(AnalysisContext &ctx)
{
    PrivacyRules out;
    if (!checkOpen(ctx, out.error)) return out;
    std::string error;
    auto rules = privacy::MaskStore(ctx.store()).list(false, &error);
    if (!rules) {
        out.error = fromUtf8(error);
        return out;
    }
    out.rules = std::move(*rules);
    out.ok = true;
    return out;
}

PrivacyDryRun dryRun(AnalysisContext &ctx, const std::vector<privacy::MaskRule> &rules)
{
    PrivacyDryRun out;
    if (!checkOpen(ctx, out.error)) return out;
    std::string error;
    auto impact = privacy::testMaskRules(ctx.store(), rules, &error);
    if (!impact) {
        out.error = fromUtf8(error);
        return out;
    }
    out.impact = std::move(*impact);
    out.ok = true;
    return out;
}

PrivacyDryRun dryRunActive(AnalysisContext &ctx)
{
    const PrivacyRules rules = loadRules(ctx);
    if (!rules.ok) {
        PrivacyDryRun out;
        out.error = rules.error;
        return out;
    }
    return dryRun(ctx, rules.rules);
}

PrivacyRuleChange addRule(AnalysisContext &ctx, const privacy::MaskRule &rule, const QString &reason)
{
    PrivacyRuleChange out;
    if (!checkWritable(ctx, out.error)) return out;
    std::string error;
    auto impact = privacy::testMaskRules(ctx.store(), {rule}, &error);
    if (!impact) {
        out.error = fromUtf8(error);
        return out;
    }
    auto result =
        privacy::MaskStore(ctx.store()).add(rule, {ctx.actor(), reason.toStdString(), std::nullopt});
    if (!result) {
        out.error = fromUtf8(result.error);
        return out;
    }
    out.rule = result.rule;
    out.impact = std::move(*impact);
    out.ok = true;
    return out;
}

PrivacyRuleChange removeRule(AnalysisContext &ctx, qint64 id, const QString &reason)
{
    PrivacyRuleChange out;
    if (!checkWritable(ctx, out.error)) return out;
    auto result =
        privacy::MaskStore(ctx.store()).remove(id, {ctx.actor(), reason.toStdString(), std::nullopt});
    if (!result) {
        out.error = fromUtf8(result.error);
        return out;
    }
    out.rule = result.rule;
    out.ok = true;
    return out;
}

PrivacyApply applyActive(AnalysisContext &ctx)
{
    PrivacyApply out;
    if (!checkWritable(ctx, out.error)) return out;
    std::string error;
    auto rules = privacy::MaskStore(ctx.store()).list(false, &error);
    if (!rules) {
        out.error = fromUtf8(error);
        return out;
    }
    out.rules = static_cast<int>(rules->size());
    if (rules->empty()) {
        out.ok = true;
        return out;
    }
    // The view asked the user first, with the dry run's numbers: the guard is confirmed.
    auto report = privacy::applyMaskRules(ctx.store(), *rules, {ctx.actor(), true}, &error);
    ctx.markStoreChanged();
    if (!report) {
        out.error = fromUtf8(error);
        return out;
    }
    out.report = std::move(*report);
    out.ok = true;
    return out;
}

PrivacyConsent consent(AnalysisContext &ctx)
{
    PrivacyConsent out;
    if (!checkOpen(ctx, out.error)) return out;
    std::string error;
    auto policy = privacy::loadConsentPolicy(ctx.store(), &error);
    if (!policy) {
        out.error = fromUtf8(error);
        return out;
    }
    auto impact = privacy::assessConsent(ctx.store(), *policy, &error);
    if (!impact) {
        out.error = fromUtf8(error);
        return out;
    }
    out.policy = std::move(*policy);
    out.impact = *impact;
    out.ok = true;
    return out;
}

PersonSearch searchPeople(AnalysisContext &ctx, const QString &text, int limit)
{
    PersonSearch out;
    QString error;
    const auto *index = ctx.index(&error);
    if (!index) {
        out.error = error;
        return out;
    }
    out.stale = !index->isCurrent(ctx.store());
    const auto &dict = index->dictionaries();
    std::vector<qint64> counts(dict.distinctIds.size(), 0);
    for (const std::uint32_t id : index->distinctIds())
        if (id < counts.size()) ++counts[id];
    if (ctx.cancelled()) return out;
    const QString needle = text.trimmed();
    std::vector<std::size_t> hits;
    for (std::size_t i = 1; i < dict.distinctIds.size(); ++i) {
        if (counts[i] == 0) continue;
        if (!needle.isEmpty() && !fromUtf8(dict.distinctIds[i]).contains(needle, Qt::CaseInsensitive))
            continue;
        hits.push_back(i);
    }
    out.totalMatches = static_cast<qint64>(hits.size());
    std::sort(hits.begin(), hits.end(), [&](std::size_t a, std::size_t b) {
        if (counts[a] != counts[b]) return counts[a] > counts[b];
        return dict.distinctIds[a] < dict.distinctIds[b];
    });
    if (hits.size() > static_cast<std::size_t>(std::max(limit, 1)))
        hits.resize(static_cast<std::size_t>(std::max(limit, 1)));
    for (const std::size_t i : hits) {
        PersonMatch m;
        m.distinctId = fromUtf8(dict.distinctIds[i]);
        const std::uint32_t person = i < dict.personOf.size() ? dict.personOf[i] : 0;
        m.personDistinctId = person > 0 && person < dict.distinctIds.size()
                                 ? fromUtf8(dict.distinctIds[person])
                                 : m.distinctId;
        m.interactions = counts[i];
        out.matches.push_back(std::move(m));
    }
    out.ok = true;
    return out;
}

PersonDetails person(AnalysisContext &ctx, const QString &distinctId)
{
    PersonDetails out;
    out.subject = distinctId;
    if (!checkOpen(ctx, out.error)) return out;
    const std::string id = distinctId.toStdString();
    std::string error;
    bool unknown = false;
    auto found = privacy::findPerson(ctx.store(), id, &error, &unknown);
    if (!found) {
        out.unknown = unknown;
        if (unknown) {
            std::string logError;
            const auto entries = privacy::erasuresOf(ctx.store(), id, &logError);
            out.erasedBefore = entries ? static_cast<int>(entries->size()) : 0;
            out.error = tr("No one in this workspace has that distinct id.");
        } else {
            out.error = fromUtf8(error);
        }
        return out;
    }
    auto summary = privacy::summarizePerson(ctx.store(), *found, &error);
    if (!summary) {
        out.error = fromUtf8(error);
        return out;
    }
    out.personDistinctId = fromUtf8(found->personDistinctId);
    for (const auto &d : found->distinctIds)
        out.distinctIds << fromUtf8(d);
    out.interactions = summary->interactions;
    out.sessions = summary->sessions;
    out.firstMs = summary->firstMs;
    out.lastMs = summary->lastMs;
    out.ok = true;
    return out;
}

PersonExport exportPerson(AnalysisContext &ctx, const QString &distinctId, const QString &path)
{
    PersonExport out;
    out.path = path;
    if (!checkOpen(ctx, out.error)) return out;
    std::string error;
    auto found = privacy::findPerson(ctx.store(), distinctId.toStdString(), &error);
    if (!found) {
        out.error = fromUtf8(error);
        return out;
    }
    // Personal data: readable by its owner only from the first byte, complete or absent.
    const std::string target = QFile::encodeName(path).toStdString();
    const std::string temp = target + ".tmp-" + std::to_string(::getpid());
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) {
        out.error = tr("%1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return out;
    }
    ::close(fd);
    bool written = false;
    {
        std::ofstream file(temp, std::ios::binary | std::ios::trunc);
        if (file) {
            if (auto n = privacy::exportPerson(ctx.store(), *found, file, &error)) {
                out.interactions = *n;
                written = true;
            } else {
                out.error = fromUtf8(error);
            }
            file.close();
            if (written && !file) {
                written = false;
                out.error = tr("%1: the file could not be written completely.").arg(path);
            }
        } else {
            out.error = tr("%1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        }
    }
    std::error_code ec;
    if (written) {
        std::filesystem::rename(temp, target, ec);
        if (ec) {
            written = false;
            out.error = tr("%1: %2").arg(path, fromUtf8(ec.message()));
        }
    }
    if (!written) {
        std::error_code ignored;
        std::filesystem::remove(temp, ignored);
        return out;
    }
    out.distinctIds = static_cast<int>(found->distinctIds.size());
    out.ok = true;
    return out;
}

PersonErase erasePerson(AnalysisContext &ctx, const QString &distinctId)
{
    PersonErase out;
    if (!checkWritable(ctx, out.error)) return out;
    std::string error;
    auto report = privacy::erasePerson(ctx.store(), distinctId.toStdString(), ctx.actor(), &error);
    ctx.markStoreChanged();
    if (!report) {
        out.error = fromUtf8(error);
        return out;
    }
    out.report = std::move(*report);
    out.ok = true;
    return out;
}

} // namespace hindsight::ui::privacyjobs
