// hindsight definitions: the catalog — list, show, history, restore, rename, verify, status,
// export and import (definitions as code).
#include "app/cli/argparser.h"
#include "app/cli/clifiles.h"
#include "app/cli/cliformat.h"
#include "app/cli/command.h"
#include "app/cli/definitionargs.h"
#include "app/cli/definitionprint.h"
#include "core/capture/jsonwriter.h"
#include "core/capture/timestamp.h"
#include "core/definitions/catalog.h"
#include "core/definitions/definitionjson.h"
#include "core/store/store.h"

#include <algorithm>
#include <charconv>
#include <ostream>

namespace hindsight::cli {

namespace {

using namespace definitions;

const std::string kName = "hindsight definitions";

const char *kHelp = R"(Usage: hindsight [--store PATH] definitions VERB [ARGS]

The workspace's catalog of event definitions. Every change is recorded in the history with
who ($HINDSIGHT_ACTOR, else the login name), when and why (--reason).

Verbs:
  list [--status S] [--category C] [--tag T] [--json]
                        the definitions, sorted by name
  show NAME [--json]    one definition: metadata, criteria, former names, bookkeeping
  history NAME [--json] every version: what changed, who, when, why
  restore NAME VERSION [--reason TEXT]
                        bring back the criteria and metadata of an earlier version, as a new
                        version (the history keeps everything)
  rename NAME NEW_NAME [--reason TEXT]
                        rename; the old name stays as an alias, so charts and files using it
                        keep working
  verify NAME [--reason TEXT]
                        mark as verified (records who and when)
  status NAME STATUS [--reason TEXT]
                        set draft, verified, deprecated or archived
  export [--output FILE] [--audit]
                        all definitions as stable, sorted JSON (to standard output, or to FILE
                        written atomically); --audit adds ids, versions and who/when
  import FILE [--reason TEXT] [--dry-run]
                        add or replace definitions from a JSON file in one transaction: any
                        error (named by its JSON path) refuses the whole file. Reports added,
                        changed and unchanged. --dry-run validates and reports, changing nothing.

NAME may be a current or a former name, in any case.

Exit status: 0 on success, 1 when 'import --dry-run' would change something, 2 on a usage
error, an unknown name or an invalid file.
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

std::string isoOrNull(const std::optional<std::int64_t> &ms)
{
    return ms ? capture::jsonString(capture::formatIsoTimestamp(*ms)) : std::string("null");
}

int list(CommandContext &ctx, const std::vector<std::string> &args)
{
    ArgParser p;
    p.value("--status");
    p.value("--category");
    p.value("--tag");
    p.flag("--json");
    if (!p.parse(args)) return usage(ctx, p.error());
    if (!p.positional().empty())
        return usage(ctx, "list: unexpected argument '" + p.positional().front() + "'");
    CatalogFilter filter;
    if (auto s = p.get("--status")) {
        filter.status = statusFromName(*s);
        if (!filter.status)
            return usage(ctx, "option '--status' must be draft, verified, deprecated or archived");
    }
    filter.category = p.get("--category");
    filter.tag = p.get("--tag");
    auto store = openStore(ctx, false);
    if (!store) return kUsage;
    Catalog catalog(*store);
    std::string error;
    const auto defs = catalog.list(filter, &error);
    if (!error.empty()) ctx.err << kName << ": " << error << "\n";
    if (p.has("--json")) {
        ctx.out << "[";
        for (std::size_t i = 0; i < defs.size(); ++i) {
            const auto &d = defs[i];
            ctx.out << (i ? ",\n " : "\n ") << "{\"name\": " << capture::jsonString(d.name)
                    << ", \"status\": " << capture::jsonString(std::string(statusName(d.status)))
                    << ", \"category\": " << capture::jsonString(d.category)
                    << ", \"owner\": " << capture::jsonString(d.owner) << ", \"version\": " << d.version
                    << ", \"changed\": " << isoOrNull(d.changedMs)
                    << ", \"combo\": " << (d.isCombo() ? "true" : "false") << "}";
        }
        ctx.out << (defs.empty() ? "]\n" : "\n]\n");
        return kOk;
    }
    if (defs.empty()) {
        ctx.out << "No definitions" << (filter.status || filter.category || filter.tag ? " match." : " yet.")
                << " Create one with 'hindsight define'.\n";
        return kOk;
    }
    std::size_t nameWidth = 4, categoryWidth = 8;
    for (const auto &d : defs) {
        nameWidth = std::max(nameWidth, std::min<std::size_t>(terminalSafe(d.name).size(), 48));
        categoryWidth = std::max(categoryWidth, std::min<std::size_t>(terminalSafe(d.category).size(), 20));
    }
    auto pad = [](std::string s, std::size_t w) {
        if (s.size() > w) s = terminalSafe(s, w - 1);
        if (s.size() < w) s.append(w - s.size(), ' ');
        return s;
    };
    ctx.out << pad("NAME", nameWidth) << "  " << pad("STATUS", 10) << "  " << pad("CATEGORY", categoryWidth)
            << "  VERSION  CHANGED\n";
    for (const auto &d : defs)
        ctx.out << pad(terminalSafe(d.name), nameWidth) << "  " << pad(std::string(statusName(d.status)), 10)
                << "  " << pad(d.category.empty() ? "-" : terminalSafe(d.category), categoryWidth) << "  "
                << pad(std::to_string(d.version), 7) << "  " << shortTime(d.changedMs) << " by "
                << terminalSafe(d.changedBy, 60) << "\n";
    ctx.out << formatCount(static_cast<std::int64_t>(defs.size())) << " definition"
            << (defs.size() == 1 ? "" : "s") << "\n";
    return kOk;
}

int show(CommandContext &ctx, const std::vector<std::string> &args)
{
    ArgParser p;
    p.flag("--json");
    if (!p.parse(args)) return usage(ctx, p.error());
    if (p.positional().size() != 1) return usage(ctx, "show needs one NAME (quote names with spaces)");
    auto store = openStore(ctx, false);
    if (!store) return kUsage;
    Catalog catalog(*store);
    auto def = catalog.find(p.positional().front());
    if (!def) return usage(ctx, "no definition named '" + p.positional().front() + "'");
    if (p.has("--json")) {
        ctx.out << definitionToJson(*def, DefinitionJsonOptions{true}) << "\n";
        return kOk;
    }
    printDefinition(ctx.out, *def, catalog.aliases(def->name));
    return kOk;
}

/// The top-level fields that differ between two compact definition JSON texts.
std::string changedFields(const std::optional<std::string> &before, const std::string &after)
{
    if (!before) return "created";
    auto a = parseDefinitionObject(*before, DefinitionParseOptions{false});
    auto b = parseDefinitionObject(after, DefinitionParseOptions{false});
    if (!a.ok() || !b.ok() || a.definitions.size() != 1 || b.definitions.size() != 1) return "changed";
    const Definition &x = a.definitions.front();
    const Definition &y = b.definitions.front();
    std::vector<std::string> fields;
    if (x.name != y.name)
        fields.push_back("name '" + terminalSafe(x.name, 60) + "' -> '" + terminalSafe(y.name, 60) + "'");
    if (x.status != y.status)
        fields.push_back("status " + std::string(statusName(x.status)) + " -> " +
                         std::string(statusName(y.status)));
    if (x.description != y.description) fields.push_back("description");
    if (x.category != y.category) fields.push_back("category");
    if (x.owner != y.owner) fields.push_back("owner");
    if (x.tags != y.tags) fields.push_back("tags");
    if (x.steps != y.steps) fields.push_back("criteria");
    if (x.combo != y.combo) fields.push_back("combo");
    if (fields.empty()) return "no content change";
    std::string out;
    for (const auto &f : fields)
        out += (out.empty() ? "" : ", ") + f;
    return out;
}

int history(CommandContext &ctx, const std::vector<std::string> &args)
{
    ArgParser p;
    p.flag("--json");
    if (!p.parse(args)) return usage(ctx, p.error());
    if (p.positional().size() != 1) return usage(ctx, "history needs one NAME");
    auto store = openStore(ctx, false);
    if (!store) return kUsage;
    Catalog catalog(*store);
    std::string error;
    auto entries = catalog.history(p.positional().front(), &error);
    if (!entries)
        return usage(ctx, error.empty() ? "no definition named '" + p.positional().front() + "'" : error);
    if (p.has("--json")) {
        ctx.out << "[";
        for (std::size_t i = 0; i < entries->size(); ++i) {
            const auto &e = (*entries)[i];
            ctx.out << (i ? ",\n " : "\n ") << "{\"version\": " << e.version
                    << ", \"action\": " << capture::jsonString(e.action)
                    << ", \"actor\": " << capture::jsonString(e.actor)
                    << ", \"at\": " << capture::jsonString(capture::formatIsoTimestamp(e.atMs))
                    << ", \"reason\": " << capture::jsonString(e.reason)
                    << ", \"before\": " << (e.beforeJson ? *e.beforeJson : std::string("null"))
                    << ", \"after\": " << e.afterJson << "}";
        }
        ctx.out << (entries->empty() ? "]\n" : "\n]\n");
        return kOk;
    }
    for (const auto &e : *entries) {
        ctx.out << "v" << e.version << "  " << shortTime(e.atMs) << "  " << e.action << " by "
                << terminalSafe(e.actor, 60) << ": " << changedFields(e.beforeJson, e.afterJson) << "\n";
        if (!e.reason.empty()) ctx.out << "     why: " << terminalSafe(e.reason, 300) << "\n";
    }
    return kOk;
}

int reportResult(CommandContext &ctx, const CatalogResult &result, const std::string &done)
{
    if (!result) return usage(ctx, result.error);
    if (!result.changed) {
        ctx.out << "'" << terminalSafe(result.definition.name) << "' is unchanged (version "
                << result.definition.version << ").\n";
        return kOk;
    }
    ctx.out << done << " (now version " << result.definition.version << ").\n";
    return kOk;
}

int restore(CommandContext &ctx, const std::vector<std::string> &args)
{
    ArgParser p;
    p.value("--reason");
    if (!p.parse(args)) return usage(ctx, p.error());
    if (p.positional().size() != 2) return usage(ctx, "restore needs NAME VERSION");
    const std::string &v = p.positional()[1];
    int version = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), version);
    if (ec != std::errc() || end != v.data() + v.size() || version < 1)
        return usage(ctx, "restore: VERSION must be a version number such as 2, not '" + v + "'");
    auto store = openStore(ctx, true);
    if (!store) return kUsage;
    Catalog catalog(*store);
    auto result =
        catalog.restore(p.positional()[0], version, {currentActor(), p.get("--reason", ""), std::nullopt});
    return reportResult(ctx, result,
                        "Restored version " + std::to_string(version) + " of '" +
                            terminalSafe(result.definition.name) + "'");
}

int rename(CommandContext &ctx, const std::vector<std::string> &args)
{
    ArgParser p;
    p.value("--reason");
    if (!p.parse(args)) return usage(ctx, p.error());
    if (p.positional().size() != 2) return usage(ctx, "rename needs NAME NEW_NAME (quote names with spaces)");
    auto store = openStore(ctx, true);
    if (!store) return kUsage;
    Catalog catalog(*store);
    auto result = catalog.rename(p.positional()[0], p.positional()[1],
                                 {currentActor(), p.get("--reason", ""), std::nullopt});
    return reportResult(ctx, result,
                        "Renamed '" + terminalSafe(p.positional()[0]) + "' to '" +
                            terminalSafe(result.definition.name) + "'; the old name still resolves");
}

int setStatus(CommandContext &ctx, const std::vector<std::string> &args,
              std::optional<DefinitionStatus> fixed)
{
    ArgParser p;
    p.value("--reason");
    if (!p.parse(args)) return usage(ctx, p.error());
    const std::size_t want = fixed ? 1 : 2;
    if (p.positional().size() != want)
        return usage(ctx, fixed ? "verify needs one NAME" : "status needs NAME STATUS");
    DefinitionStatus status = DefinitionStatus::Verified;
    if (fixed) {
        status = *fixed;
    } else {
        auto parsed = statusFromName(p.positional()[1]);
        if (!parsed)
            return usage(ctx, "STATUS must be draft, verified, deprecated or archived, not '" +
                                  p.positional()[1] + "'");
        status = *parsed;
    }
    auto store = openStore(ctx, true);
    if (!store) return kUsage;
    Catalog catalog(*store);
    auto result =
        catalog.setStatus(p.positional()[0], status, {currentActor(), p.get("--reason", ""), std::nullopt});
    return reportResult(ctx, result,
                        "'" + terminalSafe(result.definition.name) + "' is now " +
                            std::string(statusName(status)));
}

int exportDefinitions(CommandContext &ctx, const std::vector<std::string> &args)
{
    ArgParser p;
    p.value("--output");
    p.flag("--audit");
    if (!p.parse(args)) return usage(ctx, p.error());
    if (!p.positional().empty())
        return usage(ctx, "export: unexpected argument '" + p.positional().front() + "'");
    auto store = openStore(ctx, false);
    if (!store) return kUsage;
    Catalog catalog(*store);
    std::string error;
    auto defs = catalog.list({}, &error);
    if (!error.empty()) return usage(ctx, error);
    const std::string text = definitionsToJsonFile(std::move(defs), DefinitionJsonOptions{p.has("--audit")});
    if (auto out = p.get("--output"); out && *out != "-") {
        if (!writeTextFileAtomically(*out, text, &error)) return usage(ctx, error);
        ctx.err << "Wrote " << catalog.list().size() << " definitions to " << *out << "\n";
        return kOk;
    }
    ctx.out << text;
    return kOk;
}

int importDefinitions(CommandContext &ctx, const std::vector<std::string> &args)
{
    ArgParser p;
    p.value("--reason");
    p.flag("--dry-run");
    if (!p.parse(args)) return usage(ctx, p.error());
    if (p.positional().size() != 1) return usage(ctx, "import needs one FILE (\"-\" = standard input)");
    const std::string &file = p.positional().front();
    std::string text, error;
    if (!readTextFile(file, text, &error)) return usage(ctx, error);
    auto parsed = parseDefinitionJson(text);
    if (!parsed.ok()) {
        for (const auto &issue : parsed.issues)
            ctx.err << kName << ": " << file << ": " << issue.message() << "\n";
        ctx.err << kName << ": nothing was imported\n";
        return kUsage;
    }
    auto store = openStore(ctx, true);
    if (!store) return kUsage;
    Catalog catalog(*store);
    const bool dryRun = p.has("--dry-run");
    ImportReport report;
    {
        // A dry run is the real import inside a transaction that is rolled back.
        if (dryRun && !store->db().exec("SAVEPOINT dry_run")) return usage(ctx, store->db().error());
        report = catalog.importDefinitions(
            parsed.definitions, {currentActor(), p.get("--reason", "import of " + file), std::nullopt});
        if (dryRun) store->db().exec("ROLLBACK TO dry_run; RELEASE dry_run");
    }
    if (!report) {
        for (const auto &issue : report.issues)
            ctx.err << kName << ": " << file << ": " << issue.message() << "\n";
        if (report.issues.empty()) ctx.err << kName << ": " << file << ": " << report.error << "\n";
        ctx.err << kName << ": nothing was imported\n";
        return kUsage;
    }
    auto names = [&](const char *label, const std::vector<std::string> &list) {
        ctx.out << label << list.size();
        if (!list.empty() && list.size() <= 20) {
            ctx.out << ":";
            for (const auto &n : list)
                ctx.out << " '" << terminalSafe(n, 80) << "'";
        }
        ctx.out << "\n";
    };
    if (dryRun) ctx.out << "Dry run: nothing was changed.\n";
    names(dryRun ? "Would add      " : "Added      ", report.added);
    names(dryRun ? "Would change   " : "Changed    ", report.changed);
    names(dryRun ? "Unchanged      " : "Unchanged  ", report.unchanged);
    if (dryRun && (!report.added.empty() || !report.changed.empty())) return kFindings;
    return kOk;
}

int run(CommandContext &ctx, const std::vector<std::string> &args)
{
    if (args.empty() || args.front() == "--help" || args.front() == "-h") {
        (args.empty() ? ctx.err : ctx.out) << kHelp;
        return args.empty() ? kUsage : kOk;
    }
    const std::string verb = args.front();
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (std::find(rest.begin(), rest.end(), "--help") != rest.end()) {
        ctx.out << kHelp;
        return kOk;
    }
    if (verb == "list") return list(ctx, rest);
    if (verb == "show") return show(ctx, rest);
    if (verb == "history") return history(ctx, rest);
    if (verb == "restore") return restore(ctx, rest);
    if (verb == "rename") return rename(ctx, rest);
    if (verb == "verify") return setStatus(ctx, rest, DefinitionStatus::Verified);
    if (verb == "status") return setStatus(ctx, rest, std::nullopt);
    if (verb == "export") return exportDefinitions(ctx, rest);
    if (verb == "import") return importDefinitions(ctx, rest);
    return usage(ctx, "unknown verb '" + verb +
                          "' (list, show, history, restore, rename, verify, status, export, import)");
}

const CommandRegistration kRegistration{
    {"definitions", "the catalog: list, show, history, restore, rename, verify, export, import", kHelp, run}};

} // namespace
} // namespace hindsight::cli
