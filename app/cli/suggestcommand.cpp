// hindsight suggest: propose a definition from interactions a person points at.
#include "app/cli/answerworkspace.h"
#include "app/cli/argparser.h"
#include "app/cli/cliformat.h"
#include "app/cli/command.h"
#include "app/cli/definitionprint.h"
#include "core/capture/jsonwriter.h"
#include "core/definitions/definitionjson.h"
#include "core/definitions/selectorsuggester.h"
#include "core/definitions/suggestionpreview.h"

#include <ostream>

namespace hindsight::cli {

namespace {

using namespace definitions;

const std::string kName = "hindsight suggest";

const char *kHelp = R"(Usage: hindsight [--store PATH] suggest --interaction ID... [OPTIONS]

Proposes a definition from one or more example interactions (what the studio's "define from
selection" does): the most robust CSS selector that matches all of them (ids, data-* tracking
and test attributes and stable classes first; generated class names and nth-child avoided),
their common text and page pattern, and a preview of what else it would match over all history.

Options:
  --interaction ID   a stored interaction: its id or uuid (repeatable)
  --name NAME        name the proposal (for --json, to save it with 'define --json')
  --json             print the proposal as a definition JSON object, with "alternatives" and
                     "preview" objects alongside: {"definition": {...}, "alternatives": [...],
                     "preview": {...}}

Exit status: 0 on success, 2 on a usage error or an unknown interaction.
)";

int run(CommandContext &ctx, const std::vector<std::string> &args)
{
    ArgParser p;
    p.value("--interaction", true);
    p.value("--name");
    p.flag("--json");
    if (!p.parse(args)) {
        ctx.err << kName << ": " << p.error() << "\n";
        return kUsage;
    }
    if (p.helpRequested()) {
        ctx.out << kHelp;
        return kOk;
    }
    if (!p.positional().empty() || !p.has("--interaction")) {
        ctx.err << kName << ": give one or more --interaction ID (see 'hindsight matches' for ids)\n";
        return kUsage;
    }
    auto ws = AnswerWorkspace::open(ctx, kName);
    if (!ws) return kUsage;
    std::vector<std::int64_t> ids;
    for (const auto &words : p.all("--interaction")) {
        auto record = ws->store().find(words.front());
        if (!record) {
            ctx.err << kName << ": no interaction with id or uuid '" << words.front() << "'\n";
            return kUsage;
        }
        ids.push_back(record->id);
    }
    std::string error;
    auto examples = examplesFromInteractions(ws->index(), ids, &error);
    if (!examples) {
        ctx.err << kName << ": " << error << "\n";
        return kUsage;
    }
    auto suggestion = SelectorSuggester::suggest(*examples, &error);
    if (!suggestion) {
        ctx.err << kName << ": " << error << "\n";
        return kUsage;
    }
    auto preview = previewSuggestion(ws->index(), suggestion->step, {}, 10, &error);
    if (!preview) {
        ctx.err << kName << ": " << error << "\n";
        return kUsage;
    }
    Definition proposal;
    proposal.name = p.get("--name", "Suggested definition");
    proposal.steps.push_back(suggestion->step);

    if (p.has("--json")) {
        using capture::jsonString;
        ctx.out << "{\"definition\": " << definitionToJson(proposal) << ",\n\"alternatives\": [";
        for (std::size_t i = 0; i < suggestion->alternatives.size(); ++i) {
            const auto &a = suggestion->alternatives[i];
            ctx.out << (i ? ", " : "") << "{\"selector\": " << jsonString(a.selector)
                    << ", \"reason\": " << jsonString(a.reason) << ", \"score\": " << a.score << "}";
        }
        ctx.out << "],\n\"preview\": {\"total\": " << preview->totals.count
                << ", \"people\": " << preview->totals.people
                << ", \"sessions\": " << preview->totals.sessions
                << ", \"distinct_elements\": " << preview->distinctElements << ", \"elements\": [";
        for (std::size_t i = 0; i < preview->elements.size(); ++i)
            ctx.out << (i ? ", " : "") << "{\"element\": " << jsonString(preview->elements[i].summary)
                    << ", \"count\": " << preview->elements[i].count << "}";
        ctx.out << "], \"pages\": [";
        for (std::size_t i = 0; i < preview->pages.size(); ++i)
            ctx.out << (i ? ", " : "") << "{\"path\": " << jsonString(preview->pages[i].path)
                    << ", \"count\": " << preview->pages[i].count << "}";
        ctx.out << "]}}\n";
        return kOk;
    }
    ctx.out << "Proposal: " << describeStep(suggestion->step) << "\n";
    if (!suggestion->textReason.empty())
        ctx.out << "  text: " << terminalSafe(suggestion->textReason, 200) << "\n";
    if (!suggestion->urlReason.empty())
        ctx.out << "  page: " << terminalSafe(suggestion->urlReason, 200) << "\n";
    if (!suggestion->alternatives.empty()) {
        ctx.out << "\nSelectors that fit every example, most robust first\n";
        for (const auto &a : suggestion->alternatives)
            ctx.out << "  " << terminalSafe(a.selector, 100) << "   (" << terminalSafe(a.reason, 100)
                    << ")\n";
    }
    ctx.out << "\nOver all history it would match " << formatCount(preview->totals.count) << " interactions, "
            << formatCount(preview->totals.people) << " people, on " << formatCount(preview->distinctElements)
            << " distinct element" << (preview->distinctElements == 1 ? "" : "s") << "\n";
    for (const auto &e : preview->elements)
        ctx.out << "  " << formatCount(e.count) << "  " << terminalSafe(e.summary, 100) << "\n";
    if (!preview->pages.empty()) {
        ctx.out << "Top pages\n";
        for (const auto &pg : preview->pages)
            ctx.out << "  " << formatCount(pg.count) << "  "
                    << terminalSafe(pg.path.empty() ? "(no page)" : pg.path, 100) << "\n";
    }
    ctx.out << "\nSave it with:\n  " << terminalSafe(defineCommandLine(proposal.name, suggestion->step))
            << "\n";
    return kOk;
}

const CommandRegistration kRegistration{
    {"suggest", "propose a definition from example interactions (point and click)", kHelp, run}};

} // namespace
} // namespace hindsight::cli
