// hindsight matches: the interactions a definition (saved, or a draft) matches, newest first, paged.
#include "app/cli/answerworkspace.h"
#include "app/cli/argparser.h"
#include "app/cli/cliformat.h"
#include "app/cli/command.h"
#include "app/cli/definitionargs.h"
#include "core/capture/elementchain.h"
#include "core/capture/jsonwriter.h"
#include "core/capture/timestamp.h"
#include "core/definitions/answers.h"

#include <ostream>

namespace hindsight::cli {

namespace {

using namespace definitions;

const std::string kName = "hindsight matches";

std::string helpText()
{
    return std::string(R"(Usage: hindsight [--store PATH] matches NAME [OPTIONS]
       hindsight [--store PATH] matches CRITERIA... [OPTIONS]

Lists the interactions a definition matches, newest first: time, type, page, the element
(target first) and the person. NAME is a saved definition; without NAME the criteria options
describe an unsaved draft.

Options:
  --limit N       interactions per page (default 20, at most 10000)
  --page N        which page, 1 being the newest (default 1)
  --from WHEN     start of the range (inclusive): ISO date-time or a date (UTC midnight)
  --to WHEN       end of the range (exclusive)
  --json          print {"total": N, "page": N, "interactions": [{"id": N, "uuid": S, "time": ISO,
                  "type": S, "url": S, "element": S, "chain": S, "distinct_id": S,
                  "person": S, "session": S}, ...]}

)") + kCriteriaHelp +
           R"(
Exit status: 0 on success (also when nothing matched), 2 on a usage error, an unknown name or an
invalid criterion.
)";
}

std::string targetSummary(const std::string &chainText)
{
    model::ElementChain chain;
    if (chainText.empty() || !capture::parseElementsChain(chainText, chain)) return {};
    return capture::summarizeTarget(chain);
}

int run(CommandContext &ctx, const std::vector<std::string> &args)
{
    ArgParser p;
    declareCriteriaOptions(p);
    p.value("--limit");
    p.value("--page");
    p.value("--from");
    p.value("--to");
    p.flag("--json");
    if (!p.parse(args)) {
        ctx.err << kName << ": " << p.error() << "\n";
        return kUsage;
    }
    if (p.helpRequested()) {
        ctx.out << helpText();
        return kOk;
    }
    const auto limit = p.integer("--limit", 20, 1, 10'000);
    const auto page = limit ? p.integer("--page", 1, 1, 1'000'000'000) : std::nullopt;
    if (!limit || !page) {
        ctx.err << kName << ": " << p.error() << "\n";
        return kUsage;
    }
    TimeRange range;
    if (!parseTimeRange(p, "", range, ctx, kName)) return kUsage;
    auto ws = AnswerWorkspace::open(ctx, kName);
    if (!ws) return kUsage;
    auto def = definitionFromArgs(*ws, p, ctx, kName);
    if (!def) return kUsage;
    auto compiled = ws->compile(*def, ctx, kName);
    if (!compiled) return kUsage;

    const Totals total = totals(ws->index(), *compiled, range);
    const auto offset = static_cast<std::size_t>((*page - 1) * *limit);
    const auto ids = matchingIds(ws->index(), *compiled, range, offset, static_cast<std::size_t>(*limit));
    std::vector<store::InteractionRecord> records;
    records.reserve(ids.size());
    for (std::int64_t id : ids)
        if (auto r = ws->store().findById(id)) records.push_back(std::move(*r));

    if (p.has("--json")) {
        using capture::jsonString;
        ctx.out << "{\"total\": " << total.count << ", \"page\": " << *page << ", \"interactions\": [";
        for (std::size_t i = 0; i < records.size(); ++i) {
            const auto &r = records[i];
            const std::string element = targetSummary(r.chain);
            ctx.out << (i ? ",\n  " : "\n  ") << "{\"id\": " << r.id << ", \"uuid\": " << jsonString(r.uuid)
                    << ", \"time\": " << jsonString(capture::formatIsoTimestamp(r.timestampMs))
                    << ", \"type\": " << jsonString(r.type) << ", \"url\": " << jsonString(r.url)
                    << ", \"element\": " << jsonString(element) << ", \"chain\": " << jsonString(r.chain)
                    << ", \"distinct_id\": " << jsonString(r.distinctId)
                    << ", \"person\": " << jsonString(r.personDistinctId)
                    << ", \"session\": " << jsonString(r.sessionId) << "}";
        }
        ctx.out << (records.empty() ? "]}\n" : "\n]}\n");
        return kOk;
    }
    const std::int64_t pages = (total.count + *limit - 1) / *limit;
    ctx.out << (def->name.empty() ? std::string("Draft definition") : def->name) << ": "
            << formatCount(total.count) << " matching interactions";
    if (total.count > 0) ctx.out << ", page " << *page << " of " << formatCount(pages);
    ctx.out << "\n";
    for (const auto &r : records) {
        const std::string element = targetSummary(r.chain);
        ctx.out << "\n"
                << capture::formatIsoTimestamp(r.timestampMs) << "  " << terminalSafe(r.type, 40) << "  "
                << terminalSafe(r.url, 100) << "\n";
        if (!element.empty()) ctx.out << "  element  " << terminalSafe(element, 120) << "\n";
        ctx.out << "  person   " << terminalSafe(r.personDistinctId, 80);
        if (r.distinctId != r.personDistinctId) ctx.out << " (as " << terminalSafe(r.distinctId, 80) << ")";
        ctx.out << "\n  id       " << r.id << "  " << r.uuid << "\n";
    }
    if (records.empty() && total.count > 0) ctx.out << "(no interactions on page " << *page << ")\n";
    return kOk;
}

const CommandRegistration kRegistration{
    {"matches", "list the interactions a definition matches, newest first", helpText(), run}};

} // namespace
} // namespace hindsight::cli
