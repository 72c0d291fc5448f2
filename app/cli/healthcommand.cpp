// hindsight health: definitions that stopped matching (the site's markup changed under them).
#include "app/cli/answerworkspace.h"
#include "app/cli/argparser.h"
#include "app/cli/cliformat.h"
#include "app/cli/command.h"
#include "core/capture/jsonwriter.h"
#include "core/capture/timestamp.h"
#include "core/definitions/definitionhealth.h"

#include <ostream>

namespace hindsight::cli {

namespace {

using namespace definitions;

const std::string kName = "hindsight health";

const char *kHelp = R"(Usage: hindsight [--store PATH] health [--json]

Checks every definition that is not archived for signs that the site changed under it:
  - no matches in the newest 72 hours of data (counted back from the newest stored
    interaction, not from the clock, so an old import is judged by its own data);
  - a daily count (UTC days the data fully covers) that fell by more than 90% from one day to
    the next, from a day with at least 20 matches.

  --json   print {"basis": S, "newest": ISO|null, "definitions": [{"name": S, "healthy": B,
           "issues": [{"kind": "no_recent_matches"|"sudden_drop", "message": S}, ...]}, ...]}

Exit status: 0 when every definition is healthy, 1 when some are flagged, 2 on a usage error.
)";

int run(CommandContext &ctx, const std::vector<std::string> &args)
{
    ArgParser p;
    p.flag("--json");
    if (!p.parse(args)) {
        ctx.err << kName << ": " << p.error() << "\n";
        return kUsage;
    }
    if (p.helpRequested()) {
        ctx.out << kHelp;
        return kOk;
    }
    if (!p.positional().empty()) {
        ctx.err << kName << ": unexpected argument '" << p.positional().front() << "'\n";
        return kUsage;
    }
    auto ws = AnswerWorkspace::open(ctx, kName);
    if (!ws) return kUsage;
    const HealthReport report = checkHealth(ws->index(), ws->definitions(), ws->lookup());
    std::size_t flagged = 0;
    for (const auto &d : report.definitions)
        flagged += d.healthy() ? 0 : 1;
    for (const auto &n : report.notChecked)
        ctx.err << kName << ": not checked: " << n << "\n";

    if (p.has("--json")) {
        using capture::jsonString;
        ctx.out << "{\"basis\": " << jsonString(report.basis) << ", \"newest\": "
                << (report.newestMs ? jsonString(capture::formatIsoTimestamp(*report.newestMs))
                                    : std::string("null"))
                << ", \"definitions\": [";
        for (std::size_t i = 0; i < report.definitions.size(); ++i) {
            const auto &d = report.definitions[i];
            ctx.out << (i ? ",\n  " : "\n  ") << "{\"name\": " << jsonString(d.name)
                    << ", \"healthy\": " << (d.healthy() ? "true" : "false") << ", \"issues\": [";
            for (std::size_t k = 0; k < d.issues.size(); ++k)
                ctx.out << (k ? ", " : "") << "{\"kind\": \""
                        << (d.issues[k].kind == HealthIssueKind::NoRecentMatches ? "no_recent_matches"
                                                                                 : "sudden_drop")
                        << "\", \"message\": " << jsonString(d.issues[k].message) << "}";
            ctx.out << "]}";
        }
        ctx.out << (report.definitions.empty() ? "]}\n" : "\n]}\n");
        return flagged ? kFindings : kOk;
    }
    ctx.out << "Judged by " << report.basis << "\n";
    ctx.out << report.definitions.size() << " definitions checked, " << flagged << " flagged\n";
    for (const auto &d : report.definitions) {
        if (d.healthy()) continue;
        ctx.out << "\n" << terminalSafe(d.name) << "\n";
        for (const auto &issue : d.issues)
            ctx.out << "  - " << terminalSafe(issue.message) << "\n";
    }
    return flagged ? kFindings : kOk;
}

const CommandRegistration kRegistration{
    {"health", "flag definitions that stopped matching or fell sharply", kHelp, run}};

} // namespace
} // namespace hindsight::cli
