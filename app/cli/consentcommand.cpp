// hindsight consent: the consent policy — show, set, apply to what is stored.
#include "app/cli/argparser.h"
#include "app/cli/cliformat.h"
#include "app/cli/command.h"
#include "app/cli/definitionargs.h"
#include "core/capture/jsonwriter.h"
#include "core/capture/timestamp.h"
#include "core/privacy/consentpolicy.h"
#include "core/store/store.h"

#include <chrono>
#include <ostream>

namespace hindsight::cli {

namespace {

using namespace privacy;

const std::string kName = "hindsight consent";

const char *kHelp = R"(Usage: hindsight [--store PATH] consent VERB [OPTIONS]

The workspace's consent policy: what happens to interactions captured without analytics
consent. An interaction's consent is the native format's "consent" field, or PostHog's
signals: the $opt_in and $opt_out events, the properties $opt_in: true and $opt_out: true,
and the property $consent ("granted"/"denied" or true/false). Without any signal it is
unknown.

Verbs:
  show [--json]     the policy, the stored interactions by consent, and what 'apply' would do
  set [--unknown keep|drop] [--denied flag|drop]
                    change the policy. It applies to every later import at the door (dropped
                    events are never written; kept ones carry their consent into the store);
                    run 'apply' for what is already stored.
                      --unknown keep   keep interactions without any consent signal (default)
                      --unknown drop   drop them: only granted consent is stored
                      --denied flag    keep opted-out interactions, marked denied (default)
                      --denied drop    drop them
  apply [--yes] [--json]
                    apply the policy to the stored interactions in one transaction: mark those
                    whose consent their PostHog signals settle, delete those the policy drops
                    with every value only they used, then scrub the store files (secure delete,
                    checkpoint, VACUUM, column cache). Without --yes nothing is deleted: what
                    would be dropped is shown and the exit status is 1.

Exit status: 0 on success, 1 when 'apply' without --yes would drop interactions, 2 on a
usage error or a store that cannot be read or written.
)";

int usage(CommandContext &ctx, const std::string &message)
{
    ctx.err << kName << ": " << message << "\n";
    return kUsage;
}

std::unique_ptr<store::Store> openStore(CommandContext &ctx, bool write)
{
    std::string error;
    auto store = store::Store::open(
        ctx.storePath, write ? store::Store::OpenMode::Existing : store::Store::OpenMode::ReadOnly, &error);
    if (!store) ctx.err << kName << ": " << error << "\n";
    return store;
}

std::string policyLine(const ConsentPolicy &p)
{
    return "unknown consent: " + std::string(unknownActionName(p.unknown)) +
           ", denied consent: " + std::string(deniedActionName(p.denied));
}

std::string policyJson(const ConsentPolicy &p)
{
    return "{\"unknown\": " + capture::jsonString(unknownActionName(p.unknown)) +
           ", \"denied\": " + capture::jsonString(deniedActionName(p.denied)) +
           ", \"changedBy\": " + (p.changedMs ? capture::jsonString(p.changedBy) : std::string("null")) +
           ", \"changedAt\": " +
           (p.changedMs ? capture::jsonString(capture::formatIsoTimestamp(p.changedMs))
                        : std::string("null")) +
           "}";
}

std::string impactJson(const ConsentImpact &i)
{
    return "\"interactions\": " + std::to_string(i.interactions) +
           ", \"consent\": {\"unknown\": " + std::to_string(i.unknown) +
           ", \"granted\": " + std::to_string(i.granted) + ", \"denied\": " + std::to_string(i.denied) +
           ", \"other\": " + std::to_string(i.other) + "}, \"toMark\": " + std::to_string(i.toMark) +
           ", \"toDrop\": " + std::to_string(i.toDrop);
}

void printImpact(CommandContext &ctx, const ConsentImpact &i)
{
    ctx.out << "Interactions  " << formatCount(i.interactions) << "\n"
            << "  granted     " << formatCount(i.granted) << "\n"
            << "  denied      " << formatCount(i.denied) << "\n"
            << "  unknown     " << formatCount(i.unknown) << "\n";
    if (i.other)
        ctx.out << "  other       " << formatCount(i.other)
                << " (consent codes this build does not know; kept)\n";
    if (i.toMark)
        ctx.out << formatCount(i.toMark)
                << " stored as unknown carry a PostHog consent signal; 'apply' marks them.\n";
}

int runShow(CommandContext &ctx, const ArgParser &p)
{
    auto store = openStore(ctx, false);
    if (!store) return kUsage;
    std::string error;
    auto policy = loadConsentPolicy(*store, &error);
    if (!policy) return usage(ctx, error);
    auto impact = assessConsent(*store, *policy, &error);
    if (!impact) return usage(ctx, error);
    if (p.has("--json")) {
        ctx.out << "{\"policy\": " << policyJson(*policy) << ", " << impactJson(*impact) << "}\n";
        return kOk;
    }
    ctx.out << "Policy        " << policyLine(*policy);
    if (policy->changedMs)
        ctx.out << " (set by " << terminalSafe(policy->changedBy) << ", "
                << capture::formatIsoTimestamp(policy->changedMs) << ")";
    else
        ctx.out << " (the default)";
    ctx.out << "\n";
    printImpact(ctx, *impact);
    if (impact->toDrop)
        ctx.out << formatCount(impact->toDrop)
                << " stored interactions are dropped by this policy; 'hindsight consent apply --yes' deletes "
                   "them.\n";
    return kOk;
}

int runSet(CommandContext &ctx, const ArgParser &p)
{
    if (!p.has("--unknown") && !p.has("--denied"))
        return usage(ctx, "set needs --unknown keep|drop and/or --denied flag|drop");
    auto store = openStore(ctx, true);
    if (!store) return kUsage;
    std::string error;
    auto policy = loadConsentPolicy(*store, &error);
    if (!policy) return usage(ctx, error);
    if (auto v = p.get("--unknown")) {
        auto a = parseUnknownAction(*v);
        if (!a) return usage(ctx, "--unknown takes keep or drop, not '" + *v + "'");
        policy->unknown = *a;
    }
    if (auto v = p.get("--denied")) {
        auto a = parseDeniedAction(*v);
        if (!a) return usage(ctx, "--denied takes flag (keep, marked denied) or drop, not '" + *v + "'");
        policy->denied = *a;
    }
    policy->changedBy = currentActor();
    policy->changedMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
    if (!saveConsentPolicy(*store, *policy, &error)) return usage(ctx, error);
    ctx.out << "Consent policy: " << policyLine(*policy) << ".\n";
    auto impact = assessConsent(*store, *policy, &error);
    if (impact && impact->toDrop)
        ctx.out << "It applies to later imports. " << formatCount(impact->toDrop)
                << " stored interactions are dropped by it: run 'hindsight consent apply --yes' to delete "
                   "them.\n";
    return kOk;
}

int runApply(CommandContext &ctx, const ArgParser &p)
{
    auto store = openStore(ctx, true);
    if (!store) return kUsage;
    std::string error;
    auto policy = loadConsentPolicy(*store, &error);
    if (!policy) return usage(ctx, error);
    const bool json = p.has("--json");
    if (!p.has("--yes")) {
        auto impact = assessConsent(*store, *policy, &error);
        if (!impact) return usage(ctx, error);
        if (impact->toDrop > 0) {
            if (json) {
                ctx.out << "{\"applied\": false, \"policy\": " << policyJson(*policy) << ", "
                        << impactJson(*impact) << "}\n";
            } else {
                ctx.out << "Policy        " << policyLine(*policy) << "\n";
                printImpact(ctx, *impact);
                ctx.out
                    << formatCount(impact->toDrop) << " of " << formatCount(impact->interactions)
                    << " interactions would be deleted, with every value only they use. Nothing was changed; "
                       "run again with --yes to delete them.\n";
            }
            return kFindings;
        }
    }
    auto report = applyConsentPolicy(*store, *policy, &error);
    if (!report) return usage(ctx, error);
    const auto &d = report->deleted;
    if (json) {
        ctx.out << "{\"applied\": true, \"policy\": " << policyJson(*policy) << ", "
                << impactJson(report->impact) << ", \"marked\": " << report->marked
                << ", \"deleted\": {\"interactions\": " << d.interactions
                << ", \"distinctIds\": " << d.distinctIds << ", \"people\": " << d.people
                << ", \"sessions\": " << d.sessions << ", \"urls\": " << d.urls << ", \"titles\": " << d.texts
                << ", \"chains\": " << d.chains << ", \"properties\": " << d.properties
                << ", \"eventTypes\": " << d.eventTypes << "}, \"seconds\": " << jsonNumber(report->seconds)
                << ", \"scrubSeconds\": " << jsonNumber(report->scrubSeconds) << "}\n";
        return kOk;
    }
    if (report->marked)
        ctx.out << "Marked " << formatCount(report->marked)
                << " interactions with the consent of their signals.\n";
    if (d.interactions == 0) {
        ctx.out << "Nothing to drop: every stored interaction is kept by the policy (" << policyLine(*policy)
                << ").\n";
        return kOk;
    }
    ctx.out << "Deleted " << formatCount(d.interactions) << " interactions, " << formatCount(d.distinctIds)
            << " distinct ids (" << formatCount(d.people) << " people), " << formatCount(d.sessions)
            << " sessions, " << formatCount(d.urls) << " URLs, " << formatCount(d.texts) << " titles, "
            << formatCount(d.chains) << " element chains, " << formatCount(d.properties)
            << " property objects.\n"
            << "Store scrubbed (secure delete, checkpoint, VACUUM, column cache) in "
            << static_cast<int>(report->scrubSeconds * 1000) << " ms.\n";
    return kOk;
}

int run(CommandContext &ctx, const std::vector<std::string> &args)
{
    if (args.empty()) return usage(ctx, "missing verb (show, set or apply); see 'hindsight consent --help'");
    const std::string verb = args.front();
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    ArgParser p;
    if (verb == "show") {
        p.flag("--json");
    } else if (verb == "set") {
        p.value("--unknown");
        p.value("--denied");
    } else if (verb == "apply") {
        p.flag("--yes");
        p.flag("--json");
    } else if (verb == "--help" || verb == "-h") {
        ctx.out << kHelp;
        return kOk;
    } else {
        return usage(ctx, "unknown verb '" + verb + "' (use show, set or apply)");
    }
    if (!p.parse(rest)) return usage(ctx, p.error());
    if (p.helpRequested()) {
        ctx.out << kHelp;
        return kOk;
    }
    if (!p.positional().empty()) return usage(ctx, "unexpected argument '" + p.positional().front() + "'");
    if (verb == "show") return runShow(ctx, p);
    if (verb == "set") return runSet(ctx, p);
    return runApply(ctx, p);
}

const CommandRegistration kRegistration{
    {"consent", "the consent policy: show, set, apply to stored interactions", kHelp, run}};

} // namespace
} // namespace hindsight::cli
