#include "core/privacy/consentpolicy.h"

#include "core/capture/jsonwriter.h"
#include "core/privacy/foreignkeypause.h"
#include "core/store/database.h"
#include "core/store/scrubber.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/transaction.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <chrono>
#include <sqlite3.h>
#include <unordered_map>
#include <utility>
#include <vector>

namespace hindsight::privacy {

namespace {

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

// A signal value read as granted (true), denied (false) or nothing.
std::optional<bool> yesNo(const QJsonValue &v)
{
    if (v.isBool()) return v.toBool();
    if (!v.isString()) return std::nullopt;
    const std::string s = v.toString().toStdString();
    for (const char *yes : {"granted", "true", "yes", "1"})
        if (equalsIgnoreCase(s, yes)) return true;
    for (const char *no : {"denied", "false", "no", "0"})
        if (equalsIgnoreCase(s, no)) return false;
    return std::nullopt;
}

bool mayHoldSignals(std::string_view json)
{
    return json.find("\"$consent\"") != std::string_view::npos ||
           json.find("\"$opt_") != std::string_view::npos;
}

bool failWith(std::string *error, std::string message)
{
    if (error) *error = std::move(message);
    return false;
}

} // namespace

bool ConsentPolicy::dropsSomething() const
{
    return unknown == UnknownConsentAction::Drop || denied == DeniedConsentAction::Drop;
}

bool ConsentPolicy::keeps(model::Consent consent) const
{
    if (consent == model::Consent::Unknown) return unknown == UnknownConsentAction::Keep;
    if (consent == model::Consent::Denied) return denied == DeniedConsentAction::Flag;
    return true;
}

std::string_view unknownActionName(UnknownConsentAction action)
{
    return action == UnknownConsentAction::Keep ? "keep" : "drop";
}

std::string_view deniedActionName(DeniedConsentAction action)
{
    return action == DeniedConsentAction::Flag ? "flag" : "drop";
}

std::optional<UnknownConsentAction> parseUnknownAction(std::string_view name)
{
    if (equalsIgnoreCase(name, "keep")) return UnknownConsentAction::Keep;
    if (equalsIgnoreCase(name, "drop")) return UnknownConsentAction::Drop;
    return std::nullopt;
}

std::optional<DeniedConsentAction> parseDeniedAction(std::string_view name)
{
    if (equalsIgnoreCase(name, "flag")) return DeniedConsentAction::Flag;
    if (equalsIgnoreCase(name, "drop")) return DeniedConsentAction::Drop;
    return std::nullopt;
}

std::string_view consentName(model::Consent consent)
{
    switch (consent) {
    case model::Consent::Unknown:
        return "unknown";
    case model::Consent::Granted:
        return "granted";
    case model::Consent::Denied:
        return "denied";
    }
    return "other";
}

std::string consentPolicyToJson(const ConsentPolicy &policy)
{
    std::string out = "{\"unknown\":";
    out += capture::jsonString(unknownActionName(policy.unknown));
    out += ",\"denied\":";
    out += capture::jsonString(deniedActionName(policy.denied));
    out += ",\"changedBy\":";
    out += capture::jsonString(policy.changedBy);
    out += ",\"changedMs\":" + std::to_string(policy.changedMs) + "}";
    return out;
}

std::optional<ConsentPolicy> consentPolicyFromJson(std::string_view json, std::string *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray(json.data(), static_cast<qsizetype>(json.size())), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        failWith(error, "the consent policy is not a JSON object");
        return std::nullopt;
    }
    ConsentPolicy policy;
    const QJsonObject o = doc.object();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const std::string key = it.key().toStdString();
        const QJsonValue v = it.value();
        if (key == "unknown") {
            const auto a = v.isString() ? parseUnknownAction(v.toString().toStdString()) : std::nullopt;
            if (!a) {
                failWith(error, "consent policy: 'unknown' must be \"keep\" or \"drop\"");
                return std::nullopt;
            }
            policy.unknown = *a;
        } else if (key == "denied") {
            const auto a = v.isString() ? parseDeniedAction(v.toString().toStdString()) : std::nullopt;
            if (!a) {
                failWith(error, "consent policy: 'denied' must be \"flag\" or \"drop\"");
                return std::nullopt;
            }
            policy.denied = *a;
        } else if (key == "changedBy") {
            if (!v.isString()) {
                failWith(error, "consent policy: 'changedBy' must be a string");
                return std::nullopt;
            }
            policy.changedBy = v.toString().toStdString();
        } else if (key == "changedMs") {
            if (!v.isDouble() || v.toDouble() < 0) {
                failWith(error, "consent policy: 'changedMs' must be a non-negative number");
                return std::nullopt;
            }
            policy.changedMs = static_cast<std::int64_t>(v.toDouble());
        } else {
            failWith(error, "consent policy: unknown member '" + key + "'");
            return std::nullopt;
        }
    }
    return policy;
}

std::optional<ConsentPolicy> loadConsentPolicy(store::Store &store, std::string *error)
{
    store::Statement st(store.db(), "SELECT value FROM settings WHERE key = ?1");
    if (!st.valid()) {
        failWith(error, store.path() + ": cannot read the settings: " + sqlite3_errmsg(store.db().handle()));
        return std::nullopt;
    }
    st.bindText(1, kConsentPolicyKey);
    if (!st.next()) return ConsentPolicy{};
    std::string why;
    auto policy = consentPolicyFromJson(st.text(0), &why);
    if (!policy) failWith(error, store.path() + ": the stored " + why);
    return policy;
}

bool saveConsentPolicy(store::Store &store, const ConsentPolicy &policy, std::string *error)
{
    store::Database &db = store.db();
    store::Transaction tx(db);
    if (!tx.active()) return failWith(error, "cannot write to " + store.path() + ": " + db.error());
    store::Statement st(db, "INSERT INTO settings(key, value) VALUES(?1, ?2) "
                            "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    const std::string json = consentPolicyToJson(policy);
    st.bindText(1, kConsentPolicyKey);
    st.bindText(2, json);
    if (!st.valid() || st.step() != SQLITE_DONE || !tx.commit())
        return failWith(error, "cannot store the consent policy in " + store.path() + ": " +
                                   sqlite3_errmsg(db.handle()));
    return true;
}

model::Consent consentFromSignals(std::string_view type, std::string_view propertiesJson)
{
    bool granted = type == "$opt_in";
    bool denied = type == "$opt_out";
    if (mayHoldSignals(propertiesJson)) {
        const QJsonDocument doc = QJsonDocument::fromJson(
            QByteArray(propertiesJson.data(), static_cast<qsizetype>(propertiesJson.size())));
        const QJsonObject o = doc.object();
        if (auto v = yesNo(o.value(QStringLiteral("$consent")))) (*v ? granted : denied) = true;
        // As the decoder reads them: only `true` is a signal.
        if (o.value(QStringLiteral("$opt_in")).toBool()) granted = true;
        if (o.value(QStringLiteral("$opt_out")).toBool()) denied = true;
    }
    if (denied) return model::Consent::Denied;
    return granted ? model::Consent::Granted : model::Consent::Unknown;
}

std::function<bool(model::CapturedEvent &)> consentFilter(const ConsentPolicy &policy)
{
    // A policy that keeps everything needs no filter: the decoder already records the consent
    // signals, and an import without a filter is faster (keys are computed on the reading thread).
    if (!policy.dropsSomething()) return {};
    return [policy](model::CapturedEvent &e) {
        if (e.consent == model::Consent::Unknown) e.consent = consentFromSignals(e.type, e.properties);
        return policy.keeps(e.consent);
    };
}

std::function<bool(model::CapturedEvent &)>
chainEventFilters(std::function<bool(model::CapturedEvent &)> first,
                  std::function<bool(model::CapturedEvent &)> second)
{
    if (!first) return second;
    if (!second) return first;
    return [first = std::move(first), second = std::move(second)](model::CapturedEvent &e) {
        return first(e) && second(e);
    };
}

namespace {

struct ConsentScan
{
    ConsentImpact impact;
    std::vector<std::pair<std::int64_t, model::Consent>> marks; ///< kept interactions to mark
    std::vector<std::int64_t> drops;
};

std::optional<ConsentScan> scanConsent(store::Store &store, const ConsentPolicy &policy, std::string *error)
{
    store::Database &db = store.db();
    auto fail = [&](const char *what) -> std::optional<ConsentScan> {
        failWith(error, store.path() + ": " + what + ": " + sqlite3_errmsg(db.handle()));
        return std::nullopt;
    };
    // Signals live in the (small) dictionaries: settle them once per property object and type.
    std::unordered_map<std::int64_t, model::Consent> propertySignals;
    {
        store::Statement st(db, "SELECT id, json FROM properties WHERE instr(json, '\"$consent\"') > 0 "
                                "OR instr(json, '\"$opt_') > 0");
        if (!st.valid()) return fail("cannot read property objects");
        while (st.next()) {
            const model::Consent c = consentFromSignals({}, st.text(1));
            if (c != model::Consent::Unknown) propertySignals.emplace(st.int64(0), c);
        }
    }
    const std::int64_t optInType = db.scalar("SELECT id FROM event_types WHERE name = '$opt_in'");
    const std::int64_t optOutType = db.scalar("SELECT id FROM event_types WHERE name = '$opt_out'");

    ConsentScan scan;
    store::Statement st(db, "SELECT id, consent, type, properties FROM interactions");
    if (!st.valid()) return fail("cannot read interactions");
    for (;;) {
        const int rc = st.step();
        if (rc == SQLITE_DONE) break;
        if (rc != SQLITE_ROW) return fail("cannot read interactions");
        const std::int64_t id = st.int64(0);
        const std::int64_t code = st.int64(1);
        auto consent = static_cast<model::Consent>(code);
        bool marked = false;
        if (code == 0) {
            bool granted = optInType != 0 && st.int64(2) == optInType;
            bool denied = optOutType != 0 && st.int64(2) == optOutType;
            if (!st.isNull(3) && !propertySignals.empty())
                if (auto it = propertySignals.find(st.int64(3)); it != propertySignals.end())
                    (it->second == model::Consent::Denied ? denied : granted) = true;
            consent = denied    ? model::Consent::Denied
                      : granted ? model::Consent::Granted
                                : model::Consent::Unknown;
            marked = consent != model::Consent::Unknown;
        }
        ++scan.impact.interactions;
        if (code > 2)
            ++scan.impact.other;
        else if (consent == model::Consent::Unknown)
            ++scan.impact.unknown;
        else if (consent == model::Consent::Granted)
            ++scan.impact.granted;
        else
            ++scan.impact.denied;
        const bool keep = code > 2 || policy.keeps(consent);
        if (!keep) {
            ++scan.impact.toDrop;
            scan.drops.push_back(id);
        } else if (marked) {
            ++scan.impact.toMark;
            scan.marks.emplace_back(id, consent);
        }
    }
    return scan;
}

} // namespace

std::optional<ConsentImpact> assessConsent(store::Store &store, const ConsentPolicy &policy,
                                           std::string *error)
{
    auto scan = scanConsent(store, policy, error);
    if (!scan) return std::nullopt;
    return scan->impact;
}

std::optional<ConsentApplyReport> applyConsentPolicy(store::Store &store, const ConsentPolicy &policy,
                                                     std::string *error)
{
    using Clock = std::chrono::steady_clock;
    const auto started = Clock::now();
    store::Database &db = store.db();
    ConsentApplyReport report;
    {
        ForeignKeyPause pause(db); // references are checked by deleteInteractions
        store::Transaction tx(db); // the write lock first: the scan sees what the changes apply to
        if (!tx.active()) {
            failWith(error, "cannot write to " + store.path() + ": " + db.error());
            return std::nullopt;
        }
        auto scan = scanConsent(store, policy, error);
        if (!scan) return std::nullopt;
        report.impact = scan->impact;
        if (!scan->marks.empty()) {
            store::Statement mark(db, "UPDATE interactions SET consent = ?2 WHERE id = ?1");
            for (const auto &[id, consent] : scan->marks) {
                mark.bind(1, id);
                mark.bind(2, static_cast<std::int64_t>(consent));
                if (mark.step() != SQLITE_DONE) {
                    failWith(error,
                             "cannot mark consent in " + store.path() + ": " + sqlite3_errmsg(db.handle()));
                    return std::nullopt;
                }
                mark.reset();
            }
            report.marked = static_cast<std::int64_t>(scan->marks.size());
            if (scan->drops.empty() &&
                !db.exec("UPDATE meta SET value = value + 1 WHERE key = 'generation'")) {
                failWith(error, "cannot update the store's generation: " + db.error());
                return std::nullopt;
            }
        }
        if (!scan->drops.empty()) {
            DeletionRequest request;
            request.interactions = std::move(scan->drops);
            auto deleted = deleteInteractions(db, request, error);
            if (!deleted) return std::nullopt;
            report.deleted = *deleted;
        }
        if (!tx.commit()) {
            failWith(error, "cannot commit to " + store.path() + ": " + db.error());
            return std::nullopt;
        }
    }
    report.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    if (report.deleted.interactions > 0) {
        const auto scrubStarted = Clock::now();
        std::string scrubError;
        if (!store::scrubDeletedData(store, &scrubError)) {
            failWith(
                error,
                "the interactions were deleted, but the old bytes could not be scrubbed from the files (" +
                    scrubError +
                    "); they are unreachable, and the next erase-user, mask apply or consent apply "
                    "that deletes something scrubs them");
            return std::nullopt;
        }
        report.scrubSeconds = std::chrono::duration<double>(Clock::now() - scrubStarted).count();
    }
    return report;
}

} // namespace hindsight::privacy
