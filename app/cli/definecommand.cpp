// hindsight define: saves an event definition (from options or a JSON file) into the catalog
// and answers it over all history at once.
#include "app/cli/argparser.h"
#include "app/cli/clifiles.h"
#include "app/cli/cliformat.h"
#include "app/cli/command.h"
#include "app/cli/definitionargs.h"
#include "app/cli/definitionprint.h"
#include "core/definitions/answers.h"
#include "core/definitions/catalog.h"
#include "core/definitions/compileddefinition.h"
#include "core/definitions/definitionjson.h"
#include "core/definitions/interactionindex.h"
#include "core/store/store.h"

#include <deque>
#include <ostream>

namespace hindsight::cli {

namespace {

using namespace definitions;

const std::string kName = "hindsight define";

std::string helpText()
{
    return std::string(R"(Usage: hindsight [--store PATH] define --name NAME [METADATA] CRITERIA...
       hindsight [--store PATH] define --json FILE

Saves an event definition in the workspace's catalog (status draft unless --status says
otherwise) and shows what it matches over all stored history: definitions are retroactive.
Saving never rescans the interactions; the count afterwards reads the columnar index.

Options:
  --name NAME           the definition's name, unique ignoring case
  --json FILE           read the definition from a JSON object (see docs/definitions.md;
                        "-" = standard input) instead of the options below
  --update              replace the saved definition of that name instead of refusing
  --reason TEXT         why, for the history
  --no-count            do not answer the definition after saving

Metadata:
  --description TEXT    what it means, for the people who chart it
  --category C          a category (Cart, Checkout...)
  --owner O             who answers questions about it
  --tag T               a tag (repeatable)
  --status S            draft (default), verified, deprecated or archived

)") + kCriteriaHelp +
           R"(
The person recorded in the history is $HINDSIGHT_ACTOR, else the login name.

Exit status: 0 saved (or unchanged), 2 on a usage error or an invalid definition (the message
names the field and, for selectors and patterns, the position).
)";
}

int run(CommandContext &ctx, const std::vector<std::string> &args)
{
    ArgParser p;
    declareCriteriaOptions(p);
    declareMetadataOptions(p);
    p.value("--name");
    p.value("--json");
    p.value("--reason");
    p.flag("--update");
    p.flag("--no-count");
    if (!p.parse(args)) {
        ctx.err << kName << ": " << p.error() << "\n";
        return kUsage;
    }
    if (p.helpRequested()) {
        ctx.out << helpText();
        return kOk;
    }
    if (!p.positional().empty()) {
        ctx.err << kName << ": unexpected argument '" << p.positional().front()
                << "' (the name goes after --name; quote names with spaces)\n";
        return kUsage;
    }
    Definition def;
    std::string error;
    if (auto file = p.get("--json")) {
        if (p.has("--name") || hasCriteriaOptions(p)) {
            ctx.err << kName << ": give either --json FILE or --name with criteria, not both\n";
            return kUsage;
        }
        std::string text;
        if (!readTextFile(*file, text, &error)) {
            ctx.err << kName << ": " << error << "\n";
            return kUsage;
        }
        auto parsed = parseDefinitionJson(text);
        if (!parsed.ok()) {
            for (const auto &issue : parsed.issues)
                ctx.err << kName << ": " << *file << ": " << issue.message() << "\n";
            return kUsage;
        }
        if (parsed.definitions.size() != 1) {
            ctx.err << kName << ": " << *file << ": holds " << parsed.definitions.size()
                    << " definitions; use 'hindsight definitions import' for a definitions file\n";
            return kUsage;
        }
        def = std::move(parsed.definitions.front());
        if (!applyMetadataOptions(p, def, &error)) {
            ctx.err << kName << ": " << error << "\n";
            return kUsage;
        }
    } else {
        if (!p.has("--name")) {
            ctx.err << kName << ": give --name NAME and criteria, or --json FILE (see --help)\n";
            return kUsage;
        }
        def.name = p.get("--name", "");
        if (!applyMetadataOptions(p, def, &error)) {
            ctx.err << kName << ": " << error << "\n";
            return kUsage;
        }
        if (!hasCriteriaOptions(p)) {
            ctx.err << kName
                    << ": give at least one criterion (--event, --selector, --text, --href, --url or "
                       "--property)\n";
            return kUsage;
        }
        auto step = stepFromOptions(p, &error);
        if (!step) {
            ctx.err << kName << ": " << error << "\n";
            return kUsage;
        }
        def.steps.push_back(std::move(*step));
    }

    auto store = store::Store::open(ctx.storePath, store::Store::OpenMode::Existing, &error);
    if (!store) {
        ctx.err << kName << ": " << error << "\n";
        return kUsage;
    }
    Catalog catalog(*store);
    const Change change{currentActor(), p.get("--reason", ""), std::nullopt};
    CatalogResult result;
    const bool update = p.has("--update");
    if (update) {
        if (!catalog.find(def.name)) {
            ctx.err << kName << ": no definition named '" << def.name
                    << "' to update (leave out --update to create it)\n";
            return kUsage;
        }
        result = catalog.update(def.name, def, change);
    } else {
        if (auto existing = catalog.find(def.name)) {
            ctx.err << kName << ": a definition named '" << existing->name
                    << "' already exists (use --update to change it, or choose another name)\n";
            return kUsage;
        }
        result = catalog.create(def, change);
    }
    if (!result) {
        ctx.err << kName << ": " << result.error << "\n";
        return kUsage;
    }
    const Definition &saved = result.definition;
    if (!result.changed)
        ctx.out << "'" << terminalSafe(saved.name) << "' is unchanged (version " << saved.version << ").\n";
    else
        ctx.out << (update ? "Updated '" : "Saved '") << terminalSafe(saved.name) << "' (version "
                << saved.version << ", " << statusName(saved.status) << ").\n";
    ctx.out << "  Matches "
            << (saved.isCombo() ? "any of its member definitions" : describeStep(saved.steps.front()))
            << (saved.steps.size() > 1 ? ", or " + std::to_string(saved.steps.size() - 1) + " more step(s)"
                                       : "")
            << "\n";
    if (p.has("--no-count")) return kOk;

    auto index = InteractionIndex::load(*store, &error);
    if (!index) {
        ctx.err << kName << ": saved, but cannot answer it: " << error << "\n";
        return kOk;
    }
    std::deque<Definition> members; // stable addresses for the lookup's answers
    DefinitionLookup lookup = [&](std::string_view name) -> const Definition * {
        auto found = catalog.find(name);
        if (!found) return nullptr;
        members.push_back(std::move(*found));
        return &members.back();
    };
    CompileError compileError;
    auto compiled = CompiledDefinition::compile(saved, *index, lookup, &compileError);
    if (!compiled) {
        ctx.err << kName << ": saved, but cannot answer it: " << compileError.message() << "\n";
        return kOk;
    }
    const Totals t = totals(*index, *compiled);
    ctx.out << "  Over all history: " << formatCount(t.count) << " interactions, " << formatCount(t.people)
            << " people, " << formatCount(t.sessions) << " sessions.\n";
    if (t.count == 0 && index->size() > 0)
        ctx.out
            << "  It matches nothing yet: check it with 'hindsight matches' or 'hindsight selector check'.\n";
    return kOk;
}

const CommandRegistration kRegistration{
    {"define", "save an event definition; it applies to all history at once", helpText(), run}};

} // namespace
} // namespace hindsight::cli
