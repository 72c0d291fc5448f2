// hindsight rename: renames a definition (the old name stays as an alias), a shortcut for
// 'hindsight definitions rename'.
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

const std::string kName = "hindsight rename";

const char *kHelp = R"(Usage: hindsight [--store PATH] rename OLD NEW [--reason TEXT]

Renames the definition OLD (a current or former name, in any case) to NEW. The rename is
recorded in the definition's history (who: $HINDSIGHT_ACTOR, else the login name; why:
--reason). OLD stays as an alias, so exported files, saved charts and 'hindsight count OLD'
keep working. To undo, rename back: 'hindsight rename NEW OLD' (OLD stops being an alias and
NEW becomes one). NEW may not be another definition's name or former name; to join two
definitions, use 'hindsight merge'.

Same as 'hindsight definitions rename'. Many renames at once: 'hindsight lint --fix --yes'.

Exit status: 0 on success (also when NEW is already the name), 2 on a usage error, an unknown
name or a refused name.
)";

int run(CommandContext &ctx, const std::vector<std::string> &args)
{
    ArgParser p;
    p.value("--reason");
    if (!p.parse(args)) {
        ctx.err << kName << ": " << p.error() << "\n";
        return kUsage;
    }
    if (p.helpRequested()) {
        ctx.out << kHelp;
        return kOk;
    }
    if (p.positional().size() != 2) {
        ctx.err << kName << ": give OLD and NEW (quote names with spaces)\n";
        return kUsage;
    }
    std::string error;
    auto store = store::Store::open(ctx.storePath, store::Store::OpenMode::Existing, &error);
    if (!store) {
        ctx.err << kName << ": " << error << "\n";
        return kUsage;
    }
    Catalog catalog(*store);
    const auto result = catalog.rename(p.positional()[0], p.positional()[1],
                                       {currentActor(), p.get("--reason", ""), std::nullopt});
    if (!result) {
        ctx.err << kName << ": " << result.error << "\n";
        return kUsage;
    }
    if (!result.changed) {
        ctx.out << "'" << terminalSafe(result.definition.name) << "' already has that name (version "
                << result.definition.version << ").\n";
        return kOk;
    }
    ctx.out << "Renamed '" << terminalSafe(p.positional()[0]) << "' to '"
            << terminalSafe(result.definition.name) << "' (now version " << result.definition.version
            << "); the old name still resolves.\n";
    return kOk;
}

const CommandRegistration kRegistration{
    {"rename", "rename a definition; the old name keeps resolving", kHelp, run}};

} // namespace
} // namespace hindsight::cli
