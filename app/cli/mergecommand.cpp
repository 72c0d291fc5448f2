// hindsight merge: joins duplicate definitions into one (or into a combo), with history; and
// takes a merged definition back out (--undo).
#include "app/cli/argparser.h"
#include "app/cli/cliformat.h"
#include "app/cli/command.h"
#include "app/cli/definitionargs.h"
#include "core/definitions/catalog.h"
#include "core/store/store.h"

#include <ostream>

namespace hindsight::cli {

namespace {

using namespace definitions;

const std::string kName = "hindsight merge";

const char *kHelp = R"(Usage: hindsight [--store PATH] merge TARGET SOURCE... [--reason TEXT]
       hindsight [--store PATH] merge TARGET SOURCE... --combo NAME [--reason TEXT]
       hindsight [--store PATH] merge --undo SOURCE [--reason TEXT]

Joins duplicates (see 'hindsight lint'). Names may be current or former names, in any case.

Without --combo, the SOURCE definitions are merged into TARGET: their criteria are OR-ed into
TARGET (steps it already has are not repeated; combos join their members), each SOURCE is
archived under a name like "Pay button [merged #9]", and every name a SOURCE had becomes an
alias of TARGET, so files, saved charts and 'hindsight count SOURCE' now answer with TARGET.
Combos that contained a SOURCE contain TARGET instead. TARGET and the SOURCEs must all have
criteria, or all be combos.

With --combo NAME, TARGET and the SOURCEs stay as they are and the combo NAME (created when it
does not exist, else an existing combo) ORs them.

--undo SOURCE takes a merged definition back out: its names, aliases and status come back,
combos get it back, and the steps the merge added to the target for it are removed (unless
the target changed since).

Everything is one transaction, recorded as action "merge" (or "unmerge") in the history of
every definition it changes, with who ($HINDSIGHT_ACTOR, else the login name) and --reason.

Exit status: 0 on success, 2 on a usage error, an unknown name or a refused merge.
)";

int run(CommandContext &ctx, const std::vector<std::string> &args)
{
    ArgParser p;
    p.value("--reason");
    p.value("--combo");
    p.flag("--undo");
    if (!p.parse(args)) {
        ctx.err << kName << ": " << p.error() << "\n";
        return kUsage;
    }
    if (p.helpRequested()) {
        ctx.out << kHelp;
        return kOk;
    }
    const auto &pos = p.positional();
    if (p.has("--undo")) {
        if (pos.size() != 1 || p.has("--combo")) {
            ctx.err << kName << ": --undo takes one SOURCE (the name it had when it was merged)\n";
            return kUsage;
        }
    } else if (pos.size() < 2) {
        ctx.err << kName << ": give TARGET and at least one SOURCE (quote names with spaces)\n";
        return kUsage;
    }
    std::string error;
    auto store = store::Store::open(ctx.storePath, store::Store::OpenMode::Existing, &error);
    if (!store) {
        ctx.err << kName << ": " << error << "\n";
        return kUsage;
    }
    Catalog catalog(*store);
    const Change change{currentActor(), p.get("--reason", ""), std::nullopt};

    if (p.has("--undo")) {
        const auto r = catalog.unmerge(pos.front(), change);
        if (!r) {
            ctx.err << kName << ": " << r.error << "\n";
            return kUsage;
        }
        ctx.out << "Took '" << terminalSafe(r.sources.front().name) << "' back out of '"
                << terminalSafe(r.target.name) << "'; it is " << statusName(r.sources.front().status)
                << " again.\n";
        for (const auto &c : r.combos)
            ctx.out << "  combo '" << terminalSafe(c) << "' contains it again\n";
        for (const auto &n : r.notes)
            ctx.out << "  note: " << terminalSafe(n, 300) << "\n";
        return kOk;
    }

    const std::vector<std::string> sources(pos.begin() + 1, pos.end());
    if (const auto combo = p.get("--combo")) {
        std::vector<std::string> members{pos.front()};
        members.insert(members.end(), sources.begin(), sources.end());
        const auto r = catalog.merge(*combo, members, MergeMode::IntoCombo, change);
        if (!r) {
            ctx.err << kName << ": " << r.error << "\n";
            return kUsage;
        }
        if (!r.changed) {
            ctx.out << "Combo '" << terminalSafe(r.target.name) << "' already contains them (version "
                    << r.target.version << ").\n";
            return kOk;
        }
        ctx.out << "Combo '" << terminalSafe(r.target.name) << "' (version " << r.target.version
                << ") now ORs:";
        for (const auto &m : r.target.combo)
            ctx.out << " '" << terminalSafe(m, 120) << "'";
        ctx.out << "\n";
        return kOk;
    }

    const auto r = catalog.merge(pos.front(), sources, MergeMode::IntoTarget, change);
    if (!r) {
        ctx.err << kName << ": " << r.error << "\n";
        return kUsage;
    }
    ctx.out << "Merged " << r.sources.size() << " definition" << (r.sources.size() == 1 ? "" : "s")
            << " into '" << terminalSafe(r.target.name) << "' (now version " << r.target.version << ", "
            << r.stepsAdded << " " << (r.target.isCombo() ? "member" : "step")
            << (r.stepsAdded == 1 ? "" : "s") << " added).\n";
    ctx.out << "These names now resolve to it:";
    for (const auto &n : r.names)
        ctx.out << " '" << terminalSafe(n, 120) << "'";
    ctx.out << "\n";
    for (const auto &s : r.sources)
        ctx.out << "  archived as '" << terminalSafe(s.name) << "'\n";
    for (const auto &c : r.combos)
        ctx.out << "  combo '" << terminalSafe(c) << "' now contains '" << terminalSafe(r.target.name)
                << "'\n";
    ctx.out << "Undo: hindsight merge --undo NAME (for each merged name).\n";
    return kOk;
}

const CommandRegistration kRegistration{
    {"merge", "merge duplicate definitions into one (or a combo), with history; --undo", kHelp, run}};

} // namespace
} // namespace hindsight::cli
