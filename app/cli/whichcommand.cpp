// hindsight which: which definitions match this interaction, or describe this element.
#include "app/cli/answerworkspace.h"
#include "app/cli/argparser.h"
#include "app/cli/cliformat.h"
#include "app/cli/command.h"
#include "core/capture/jsonwriter.h"
#include "core/definitions/whichmatch.h"

#include <istream>
#include <ostream>

namespace hindsight::cli {

namespace {

using namespace definitions;

const std::string kName = "hindsight which";

const char *kHelp = R"(Usage: hindsight [--store PATH] which --interaction ID [--json]
       hindsight [--store PATH] which --chain CHAIN [--json]

Which saved definitions match a stored interaction (by id or uuid: every condition counts), or
describe an element given as a PostHog $elements_chain (only the element conditions — selector,
text, href — count; "-" reads the chain from standard input). For each, the element of the
chain that satisfied it (0 = the target, 1 = its parent, ...).

  --json   print [{"name": S, "element": N|null}, ...]

Exit status: 0 when some definition matches, 1 when none does, 2 on a usage error or a bad chain.
)";

int run(CommandContext &ctx, const std::vector<std::string> &args)
{
    ArgParser p;
    p.value("--interaction");
    p.value("--chain");
    p.flag("--json");
    if (!p.parse(args)) {
        ctx.err << kName << ": " << p.error() << "\n";
        return kUsage;
    }
    if (p.helpRequested()) {
        ctx.out << kHelp;
        return kOk;
    }
    if (!p.positional().empty() || p.has("--interaction") == p.has("--chain")) {
        ctx.err << kName << ": give either --interaction ID or --chain CHAIN\n";
        return kUsage;
    }
    auto ws = AnswerWorkspace::open(ctx, kName);
    if (!ws) return kUsage;
    std::vector<DefinitionMatch> matches;
    std::string error;
    if (auto chainText = p.get("--chain")) {
        std::string text = *chainText;
        if (text == "-") {
            std::getline(ctx.in, text);
        }
        auto chain = chainFromText(text, &error);
        if (!chain) {
            ctx.err << kName << ": --chain: " << error << "\n";
            return kUsage;
        }
        std::vector<std::string> skipped;
        matches = whichDescribeElement(ws->definitions(), *chain, ws->lookup(), &skipped);
        for (const auto &s : skipped)
            ctx.err << kName << ": skipped " << s << "\n";
    } else {
        auto record = ws->store().find(*p.get("--interaction"));
        if (!record) {
            ctx.err << kName << ": no interaction with id or uuid '" << *p.get("--interaction") << "'\n";
            return kUsage;
        }
        std::vector<CompiledDefinition> compiled;
        compiled.reserve(ws->definitions().size());
        for (const auto &def : ws->definitions()) {
            CompileError compileError;
            if (auto c = CompiledDefinition::compile(def, ws->index(), ws->lookup(), &compileError))
                compiled.push_back(std::move(*c));
            else
                ctx.err << kName << ": skipping '" << def.name << "': " << compileError.message() << "\n";
        }
        std::vector<const CompiledDefinition *> pointers;
        for (const auto &c : compiled)
            pointers.push_back(&c);
        auto found = whichMatchInteraction(ws->index(), pointers, record->id, &error);
        if (!found) {
            ctx.err << kName << ": " << error << "\n";
            return kUsage;
        }
        matches = std::move(*found);
    }
    if (p.has("--json")) {
        ctx.out << "[";
        for (std::size_t i = 0; i < matches.size(); ++i)
            ctx.out << (i ? ", " : "") << "{\"name\": " << capture::jsonString(matches[i].name)
                    << ", \"element\": "
                    << (matches[i].elementIndex < 0 ? std::string("null")
                                                    : std::to_string(matches[i].elementIndex))
                    << "}";
        ctx.out << "]\n";
        return matches.empty() ? kFindings : kOk;
    }
    if (matches.empty()) {
        ctx.out << "No saved definition matches.\n";
        return kFindings;
    }
    for (const auto &m : matches) {
        ctx.out << terminalSafe(m.name);
        if (m.elementIndex == 0)
            ctx.out << "  (on the target)";
        else if (m.elementIndex > 0)
            ctx.out << "  (on ancestor " << m.elementIndex << ")";
        ctx.out << "\n";
    }
    return kOk;
}

const CommandRegistration kRegistration{
    {"which", "which definitions match an interaction or describe an element", kHelp, run}};

} // namespace
} // namespace hindsight::cli
