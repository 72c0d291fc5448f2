// hindsight coverage: the share of interactions no definition matches, largest gaps first.
#include "app/cli/answerworkspace.h"
#include "app/cli/argparser.h"
#include "app/cli/cliformat.h"
#include "app/cli/command.h"
#include "core/capture/jsonwriter.h"
#include "core/definitions/coverage.h"

#include <ostream>

namespace hindsight::cli {

namespace {

using namespace definitions;

const std::string kName = "hindsight coverage";

const char *kHelp = R"(Usage: hindsight [--store PATH] coverage [OPTIONS]

How much of what people do is described by a definition: the share of element interactions
(click, submit, change) that no saved definition matches, and the unmatched elements, the
largest first, so you know what to define next. Archived definitions do not count.

Options:
  --event TYPE      count these interaction types instead (repeatable; 'all' = every type)
  --from WHEN       start of the range (inclusive): ISO date-time or a date (UTC midnight)
  --to WHEN         end of the range (exclusive)
  --limit N         unmatched elements to list (default 20, 0 = all)
  --json            print {"considered": N, "matched": N, "unmatched": N, "unmatched_share": x,
                    "unmatched_elements": N, "elements": [{"element": S, "chain": S,
                    "count": N, "sample_path": S}, ...]}

Exit status: 0 on success, 2 on a usage error.
)";

int run(CommandContext &ctx, const std::vector<std::string> &args)
{
    ArgParser p;
    p.value("--event", true);
    p.value("--from");
    p.value("--to");
    p.value("--limit");
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
    const auto limit = p.integer("--limit", 20, 0, 1'000'000);
    if (!limit) {
        ctx.err << kName << ": " << p.error() << "\n";
        return kUsage;
    }
    CoverageOptions options;
    options.topElements = static_cast<std::size_t>(*limit);
    if (p.has("--event")) {
        options.eventTypes.clear();
        for (const auto &words : p.all("--event"))
            if (words.front() != "all") options.eventTypes.push_back(words.front());
    }
    if (!parseTimeRange(p, "", options.range, ctx, kName)) return kUsage;
    auto ws = AnswerWorkspace::open(ctx, kName);
    if (!ws) return kUsage;

    std::vector<CompiledDefinition> compiled;
    compiled.reserve(ws->definitions().size());
    for (const auto &def : ws->definitions()) {
        if (def.status == DefinitionStatus::Archived) continue;
        CompileError error;
        if (auto c = CompiledDefinition::compile(def, ws->index(), ws->lookup(), &error))
            compiled.push_back(std::move(*c));
        else
            ctx.err << kName << ": skipping '" << def.name << "': " << error.message() << "\n";
    }
    std::vector<const CompiledDefinition *> pointers;
    for (const auto &c : compiled)
        pointers.push_back(&c);
    const CoverageReport report = coverage(ws->index(), pointers, options);

    if (p.has("--json")) {
        using capture::jsonString;
        ctx.out << "{\"considered\": " << report.considered << ", \"matched\": " << report.matched
                << ", \"unmatched\": " << report.unmatched
                << ", \"unmatched_share\": " << jsonNumber(report.unmatchedShare)
                << ", \"definitions\": " << pointers.size()
                << ", \"unmatched_elements\": " << report.unmatchedElements << ", \"elements\": [";
        for (std::size_t i = 0; i < report.elements.size(); ++i) {
            const auto &e = report.elements[i];
            ctx.out << (i ? ",\n  " : "\n  ") << "{\"element\": " << jsonString(e.summary)
                    << ", \"chain\": " << jsonString(e.chainText) << ", \"count\": " << e.count
                    << ", \"sample_path\": " << jsonString(e.samplePath) << "}";
        }
        ctx.out << (report.elements.empty() ? "]}\n" : "\n]}\n");
        return kOk;
    }
    std::string types;
    for (const auto &t : options.eventTypes)
        types += (types.empty() ? "" : ", ") + t;
    ctx.out << formatCount(report.considered) << " interactions (" << (types.empty() ? "all types" : types)
            << "), " << pointers.size() << " definitions\n";
    if (report.considered == 0) return kOk;
    char share[32];
    std::snprintf(share, sizeof share, "%.1f%%", report.unmatchedShare * 100);
    ctx.out << "  matched    " << formatCount(report.matched) << "\n"
            << "  unmatched  " << formatCount(report.unmatched) << " (" << share << ") on "
            << formatCount(report.unmatchedElements) << " distinct elements\n";
    if (report.elements.empty()) return kOk;
    ctx.out << "\nLargest unmatched elements\n";
    for (const auto &e : report.elements) {
        const std::string count = formatCount(e.count);
        ctx.out << "  " << std::string(count.size() < 10 ? 10 - count.size() : 0, ' ') << count << "  "
                << terminalSafe(e.summary.empty() ? "(no element)" : e.summary, 90);
        if (!e.samplePath.empty()) ctx.out << "  on " << terminalSafe(e.samplePath, 60);
        ctx.out << "\n";
    }
    return kOk;
}

const CommandRegistration kRegistration{
    {"coverage", "the share of interactions no definition matches, largest gaps first", kHelp, run}};

} // namespace
} // namespace hindsight::cli
