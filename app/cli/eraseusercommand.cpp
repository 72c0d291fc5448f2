// hindsight erase-user: delete everything held about a person, leaving no residue, and log it
// with a keyed hash of the id only.
#include "app/cli/argparser.h"
#include "app/cli/cliformat.h"
#include "app/cli/command.h"
#include "app/cli/definitionargs.h"
#include "core/capture/jsonwriter.h"
#include "core/capture/timestamp.h"
#include "core/privacy/personaldata.h"
#include "core/store/scrubber.h"
#include "core/store/store.h"

#include <ostream>

namespace hindsight::cli {

namespace {

const std::string kName = "hindsight erase-user";

const char *kHelp = R"(Usage: hindsight [--store PATH] erase-user ID [--yes] [--json]

Erases everything the workspace holds about a person. ID is any of their distinct ids; every
distinct id linked to the same person by $identify is erased with it.

Without --yes nothing is changed: what would be erased is shown (distinct ids, interactions,
sessions, first and last seen) and the exit status is 1.

With --yes, in one transaction: the person's interactions, their distinct ids, and every
session, page URL, referrer, title, element chain, property object and event name that no
other interaction uses (so a value only they carried, such as their e-mail address in a URL,
is gone); the workspace counters are updated. One entry is added to the erasure log: the time,
who ($HINDSIGHT_ACTOR, else the login name), the counts, and HMAC-SHA-256 of ID keyed with the
workspace's secret — never the id itself. Then the store's files are scrubbed: deleted bytes
are zeroed (secure delete), the write-ahead log is checkpointed and truncated, the file is
rebuilt without free pages (VACUUM), and the column cache is deleted. Definitions are kept.

An id that was erased before is recognised by its hash in the log; with --yes the scrub runs
again (useful when another program held the store open the first time).

  --json   print the result as JSON

Exit status: 0 erased (or erased before), 1 without --yes when there is something to erase,
2 when no one has the id, on a usage error, or when the store cannot be written.
)";

int usage(CommandContext &ctx, const std::string &message)
{
    ctx.err << kName << ": " << message << "\n";
    return kUsage;
}

std::string iso(std::int64_t ms)
{
    return capture::formatIsoTimestamp(ms);
}

std::string logJson(const privacy::ErasureLogEntry &e)
{
    return "{\"id\": " + std::to_string(e.id) + ", \"at\": " + capture::jsonString(iso(e.atMs)) +
           ", \"actor\": " + capture::jsonString(e.actor) +
           ", \"subject_hash\": " + capture::jsonString(e.subjectHash) +
           ", \"distinct_ids\": " + std::to_string(e.distinctIds) +
           ", \"interactions\": " + std::to_string(e.interactions) + "}";
}

// The id is not in the store: erased before (its hash is in the log), or unknown.
int notInStore(CommandContext &ctx, store::Store &store, const std::string &id, const std::string &notFound,
               bool yes, bool json)
{
    std::string error;
    auto entries = privacy::erasuresOf(store, id, &error);
    if (!entries) return usage(ctx, error);
    if (entries->empty()) return usage(ctx, notFound + "; nothing was changed");
    if (yes && !store::scrubDeletedData(store, &error)) return usage(ctx, error);
    if (json) {
        ctx.out << "{\"erased\": false, \"erasedBefore\": [";
        for (std::size_t i = 0; i < entries->size(); ++i)
            ctx.out << (i ? ", " : "") << logJson((*entries)[i]);
        ctx.out << "], \"scrubbed\": " << (yes ? "true" : "false") << "}\n";
        return kOk;
    }
    for (const auto &e : *entries)
        ctx.out << "Already erased: log entry " << e.id << " (" << iso(e.atMs) << ", by "
                << terminalSafe(e.actor) << ", " << formatCount(e.interactions) << " interactions, "
                << formatCount(e.distinctIds) << " distinct ids).\n";
    if (yes) ctx.out << "Store scrubbed again (secure delete, checkpoint, VACUUM, column cache).\n";
    return kOk;
}

int run(CommandContext &ctx, const std::vector<std::string> &args)
{
    ArgParser p;
    p.flag("--yes");
    p.flag("--json");
    if (!p.parse(args)) return usage(ctx, p.error());
    if (p.positional().empty()) return usage(ctx, "missing ID (a distinct id of the person)");
    if (p.positional().size() > 1) return usage(ctx, "unexpected argument '" + p.positional()[1] + "'");
    const std::string id = p.positional().front();
    if (id.empty()) return usage(ctx, "the ID is empty");
    const bool yes = p.has("--yes");
    const bool json = p.has("--json");

    std::string error;
    auto store = store::Store::open(ctx.storePath, store::Store::OpenMode::Existing, &error);
    if (!store) return usage(ctx, error);
    bool unknown = false;
    auto person = privacy::findPerson(*store, id, &error, &unknown);
    if (!person) {
        if (!unknown) return usage(ctx, error);
        return notInStore(ctx, *store, id, error, yes, json);
    }

    if (!yes) {
        auto summary = privacy::summarizePerson(*store, *person, &error);
        if (!summary) return usage(ctx, error);
        if (json) {
            ctx.out << "{\"erased\": false, \"distinct_ids\": " << person->distinctIds.size()
                    << ", \"interactions\": " << summary->interactions
                    << ", \"sessions\": " << summary->sessions << ", \"first\": "
                    << (summary->firstMs ? capture::jsonString(iso(*summary->firstMs)) : "null")
                    << ", \"last\": "
                    << (summary->lastMs ? capture::jsonString(iso(*summary->lastMs)) : "null") << "}\n";
        } else {
            ctx.out << "Would erase " << formatCount(summary->interactions) << " interactions in "
                    << formatCount(summary->sessions) << " sessions of " << person->distinctIds.size()
                    << (person->distinctIds.size() == 1 ? " distinct id" : " linked distinct ids");
            if (summary->firstMs)
                ctx.out << ", seen " << iso(*summary->firstMs) << " to " << iso(summary->lastMs.value_or(0));
            ctx.out << ", and every value no one else uses.\nNothing was changed; run again with --yes to "
                       "erase.\n";
        }
        return kFindings;
    }

    auto report = privacy::erasePerson(*store, id, currentActor(), &error);
    if (!report) return usage(ctx, error);
    const auto &d = report->deleted;
    if (json) {
        ctx.out << "{\"erased\": true, \"deleted\": {\"interactions\": " << d.interactions
                << ", \"distinctIds\": " << d.distinctIds << ", \"sessions\": " << d.sessions
                << ", \"urls\": " << d.urls << ", \"titles\": " << d.texts << ", \"chains\": " << d.chains
                << ", \"properties\": " << d.properties << ", \"eventTypes\": " << d.eventTypes
                << "}, \"log\": " << logJson(report->log) << ", \"seconds\": " << jsonNumber(report->seconds)
                << ", \"scrubSeconds\": " << jsonNumber(report->scrubSeconds) << "}\n";
        return kOk;
    }
    ctx.out << "Erased " << formatCount(d.interactions) << " interactions of " << formatCount(d.distinctIds)
            << (d.distinctIds == 1 ? " distinct id" : " distinct ids") << ", with " << formatCount(d.sessions)
            << " sessions, " << formatCount(d.urls) << " URLs, " << formatCount(d.texts) << " titles, "
            << formatCount(d.chains) << " element chains and " << formatCount(d.properties)
            << " property objects no one else used.\n"
            << "Erasure log entry " << report->log.id << ": subject hash " << report->log.subjectHash << " ("
            << iso(report->log.atMs) << ", by " << terminalSafe(report->log.actor) << ").\n"
            << "Store scrubbed (secure delete, checkpoint, VACUUM, column cache) in "
            << static_cast<int>(report->scrubSeconds * 1000) << " ms; the erasure itself took "
            << static_cast<int>(report->seconds * 1000) << " ms.\n";
    return kOk;
}

const CommandRegistration kRegistration{
    {"erase-user", "erase everything held about a person, leaving no residue, logged by keyed hash", kHelp,
     run}};

} // namespace
} // namespace hindsight::cli
