// hindsight convention: the naming convention the workspace stores (show, set, reset).
#include "app/cli/argparser.h"
#include "app/cli/cliformat.h"
#include "app/cli/command.h"
#include "app/cli/workspaceconvention.h"
#include "core/definitions/workspacesettings.h"
#include "core/naming/conventionjson.h"
#include "core/naming/conventionpresets.h"
#include "core/store/store.h"

#include <ostream>

namespace hindsight::cli {

namespace {

const std::string kName = "hindsight convention";

const char *kHelp = R"(Usage: hindsight [--store PATH] convention show [--json]
       hindsight [--store PATH] convention set --preset ID
       hindsight [--store PATH] convention set --file FILE
       hindsight [--store PATH] convention reset

The naming convention of the workspace: what 'hindsight lint' checks names against when no
--preset or --conventions is given. A workspace that stores none uses the heap preset.

Verbs:
  show [--json]        the convention: id, pattern, example and segments (--json: the full
                       convention in the JSON format of docs/naming.md)
  set --preset ID      use a preset: heap, segment or snake_case (stored as {"extends": ID},
                       so it follows the preset)
  set --file FILE      use a convention file (JSON, docs/naming.md); it is checked first and
                       every problem is reported with its JSON path
  reset                back to the default (heap)

Exit status: 0 on success, 2 on a usage error, an invalid convention or an unwritable store.
)";

int usage(CommandContext &ctx, const std::string &message)
{
    ctx.err << kName << ": " << message << "\n";
    return kUsage;
}

int show(CommandContext &ctx, const std::vector<std::string> &args)
{
    ArgParser p;
    p.flag("--json");
    if (!p.parse(args)) return usage(ctx, p.error());
    if (!p.positional().empty())
        return usage(ctx, "show: unexpected argument '" + p.positional().front() + "'");
    std::string error;
    auto store = store::Store::open(ctx.storePath, store::Store::OpenMode::ReadOnly, &error);
    if (!store) return usage(ctx, error);
    const auto wc = readWorkspaceConvention(*store, &error);
    if (!wc) return usage(ctx, error);
    if (p.has("--json")) {
        ctx.out << naming::conventionToJson(wc->convention) << "\n";
        return kOk;
    }
    const auto &c = wc->convention;
    ctx.out << "Convention: " << terminalSafe(c.id, 80)
            << (c.name.empty() ? "" : " — " + terminalSafe(c.name, 120))
            << (wc->stored ? "" : " (default: the workspace stores none)") << "\n"
            << "Pattern:    " << terminalSafe(c.pattern(), 200) << "\n";
    if (!c.example.empty()) ctx.out << "Example:    " << terminalSafe(c.example, 200) << "\n";
    if (!c.description.empty()) ctx.out << "About:      " << terminalSafe(c.description, 400) << "\n";
    for (std::size_t i = 0; i < c.segments.size(); ++i) {
        const auto &s = c.segments[i];
        ctx.out << "  " << terminalSafe(s.displayLabel(), 60) << ": " << naming::roleName(s.role) << ", "
                << naming::casingName(s.casing);
        if (s.role == naming::SegmentRole::Action && s.tense != naming::Tense::Any)
            ctx.out << ", " << naming::tenseName(s.tense) << " tense";
        if (s.optional) ctx.out << ", optional";
        if (!s.allowedValues.empty()) ctx.out << ", " << s.allowedValues.size() << " allowed values";
        if (!s.verbs.empty()) ctx.out << ", " << s.verbs.size() << " allowed verbs";
        ctx.out << "\n";
    }
    if (c.maxLength) ctx.out << "At most " << c.maxLength << " characters.\n";
    if (!c.blockedWords.empty()) {
        ctx.out << "Blocked words:";
        for (const auto &w : c.blockedWords)
            ctx.out << " " << terminalSafe(w, 40);
        ctx.out << "\n";
    }
    return kOk;
}

int set(CommandContext &ctx, const std::vector<std::string> &args)
{
    ArgParser p;
    p.value("--preset");
    p.value("--file");
    if (!p.parse(args)) return usage(ctx, p.error());
    if (!p.positional().empty())
        return usage(ctx, "set: unexpected argument '" + p.positional().front() + "'");
    const auto preset = p.get("--preset");
    const auto file = p.get("--file");
    if (preset.has_value() == file.has_value())
        return usage(ctx, "set needs either --preset ID or --file FILE");
    std::string json;
    naming::Convention convention;
    if (preset) {
        auto c = naming::conventionPreset(*preset);
        if (!c) return usage(ctx, "unknown preset '" + *preset + "' (use " + presetList() + ")");
        convention = std::move(*c);
        json = "{\"extends\": \"" + *preset + "\"}";
    } else {
        auto load = naming::loadConventionFile(*file);
        if (!load.ok()) {
            for (const auto &e : load.errors)
                ctx.err << kName << ": " << *file << ": " << e.toString() << "\n";
            ctx.err << kName << ": the workspace's convention was not changed\n";
            return kUsage;
        }
        convention = std::move(*load.convention);
        json = naming::conventionToJson(convention);
    }
    std::string error;
    auto store = store::Store::open(ctx.storePath, store::Store::OpenMode::Existing, &error);
    if (!store) return usage(ctx, error);
    definitions::WorkspaceSettings settings(*store);
    if (!settings.set(definitions::kNamingConventionSetting, json, &error)) return usage(ctx, error);
    ctx.out << "The workspace now uses the convention '" << terminalSafe(convention.id, 80) << "' ("
            << terminalSafe(convention.pattern(), 200) << "). 'hindsight lint' checks against it.\n";
    return kOk;
}

int reset(CommandContext &ctx, const std::vector<std::string> &args)
{
    if (!args.empty()) return usage(ctx, "reset takes no arguments");
    std::string error;
    auto store = store::Store::open(ctx.storePath, store::Store::OpenMode::Existing, &error);
    if (!store) return usage(ctx, error);
    definitions::WorkspaceSettings settings(*store);
    if (!settings.remove(definitions::kNamingConventionSetting, &error)) return usage(ctx, error);
    ctx.out << "The workspace uses the default convention again (heap).\n";
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
    for (const auto &a : rest)
        if (a == "--help" || a == "-h") {
            ctx.out << kHelp;
            return kOk;
        }
    if (verb == "show") return show(ctx, rest);
    if (verb == "set") return set(ctx, rest);
    if (verb == "reset") return reset(ctx, rest);
    return usage(ctx, "unknown verb '" + verb + "' (show, set, reset)");
}

const CommandRegistration kRegistration{
    {"convention", "the workspace's naming convention: show, set --preset/--file, reset", kHelp, run}};

} // namespace
} // namespace hindsight::cli
