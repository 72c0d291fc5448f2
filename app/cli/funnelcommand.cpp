// hindsight funnel: conversion through ordered definitions within a session or a time window.
#include "app/cli/answerworkspace.h"
#include "app/cli/argparser.h"
#include "app/cli/cliformat.h"
#include "app/cli/command.h"
#include "core/capture/jsonwriter.h"
#include "core/definitions/funnel.h"

#include <charconv>
#include <cstdio>
#include <ostream>

namespace hindsight::cli {

namespace {

using namespace definitions;

const std::string kName = "hindsight funnel";

const char *kHelp = R"(Usage: hindsight [--store PATH] funnel NAME NAME... [OPTIONS]

Conversion through saved definitions in order: how many people (or sessions) reached each step
after the previous one, the conversion from the previous and from the first step, and the
median time between steps. Each step must come after the previous one, in the same session
(default) or within a time window from the first step.

Options:
  --within DURATION   a time window instead of the session: 30m, 2h, 7d
  --by UNIT           people (default, identity-resolved) or sessions
  --from WHEN         start of the range (inclusive): ISO date-time or a date (UTC midnight)
  --to WHEN           end of the range (exclusive)
  --json              print {"steps": [{"name": S, "entered": N, "from_previous": x,
                      "from_first": x, "median_ms_from_previous": N|null}, ...]}

Exit status: 0 on success, 2 on a usage error or an unknown definition.
)";

std::optional<std::int64_t> parseDuration(const std::string &text)
{
    if (text.size() < 2) return std::nullopt;
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size() - 1, n);
    if (ec != std::errc() || end != text.data() + text.size() - 1 || n <= 0 || n > 3650LL * 24 * 60)
        return std::nullopt;
    switch (text.back()) {
    case 's':
        return n * 1000;
    case 'm':
        return n * 60'000;
    case 'h':
        return n * 3'600'000;
    case 'd':
        return n * 86'400'000;
    default:
        return std::nullopt;
    }
}

std::string humanDuration(std::int64_t ms)
{
    char buf[48];
    if (ms < 60'000)
        std::snprintf(buf, sizeof buf, "%.1f s", static_cast<double>(ms) / 1000);
    else if (ms < 3'600'000)
        std::snprintf(buf, sizeof buf, "%.1f min", static_cast<double>(ms) / 60'000);
    else if (ms < 86'400'000)
        std::snprintf(buf, sizeof buf, "%.1f h", static_cast<double>(ms) / 3'600'000);
    else
        std::snprintf(buf, sizeof buf, "%.1f d", static_cast<double>(ms) / 86'400'000);
    return buf;
}

int run(CommandContext &ctx, const std::vector<std::string> &args)
{
    ArgParser p;
    p.value("--within");
    p.value("--by");
    p.value("--from");
    p.value("--to");
    p.flag("--json");
    if (!p.parse(args)) {
        ctx.err << kName << ": " << p.error() << "\n";
        return kUsage;
    }
    if (p.helpRequested()) {
        ctx.out << kHelp;
        return kOk;
    }
    if (p.positional().size() < 2) {
        ctx.err << kName << ": give at least two definition names, in order (quote names with spaces)\n";
        return kUsage;
    }
    FunnelOptions options;
    if (auto within = p.get("--within")) {
        auto ms = parseDuration(*within);
        if (!ms) {
            ctx.err << kName << ": option '--within' must be a duration such as 30m, 2h or 7d, not '"
                    << *within << "'\n";
            return kUsage;
        }
        options.window = FunnelWindow::Time;
        options.windowMs = *ms;
    }
    const std::string unit = p.get("--by", "people");
    if (unit != "people" && unit != "sessions") {
        ctx.err << kName << ": option '--by' must be people or sessions\n";
        return kUsage;
    }
    options.unit = unit == "people" ? FunnelUnit::People : FunnelUnit::Sessions;
    if (!parseTimeRange(p, "", options.range, ctx, kName)) return kUsage;
    auto ws = AnswerWorkspace::open(ctx, kName);
    if (!ws) return kUsage;
    std::vector<CompiledDefinition> compiled;
    compiled.reserve(p.positional().size());
    for (const auto &name : p.positional()) {
        const Definition *def = ws->find(name);
        if (!def) {
            ctx.err << kName << ": no definition named '" << name << "'\n";
            return kUsage;
        }
        auto c = ws->compile(*def, ctx, kName);
        if (!c) return kUsage;
        compiled.push_back(std::move(*c));
    }
    std::vector<const CompiledDefinition *> steps;
    for (const auto &c : compiled)
        steps.push_back(&c);
    std::string error;
    auto result = funnel(ws->index(), steps, options, &error);
    if (!result) {
        ctx.err << kName << ": " << error << "\n";
        return kUsage;
    }
    if (p.has("--json")) {
        ctx.out << "{\"steps\": [";
        for (std::size_t i = 0; i < result->steps.size(); ++i) {
            const auto &s = result->steps[i];
            ctx.out << (i ? ",\n  " : "\n  ") << "{\"name\": " << capture::jsonString(s.name)
                    << ", \"entered\": " << s.entered << ", \"from_previous\": " << jsonNumber(s.fromPrevious)
                    << ", \"from_first\": " << jsonNumber(s.fromFirst) << ", \"median_ms_from_previous\": "
                    << (s.medianMsFromPrevious ? std::to_string(*s.medianMsFromPrevious)
                                               : std::string("null"))
                    << "}";
        }
        ctx.out << "\n]}\n";
        return kOk;
    }
    ctx.out << "Funnel by " << unit << ", "
            << (options.window == FunnelWindow::Session
                    ? std::string("within a session")
                    : "within " + *p.get("--within") + " of the first step")
            << "\n";
    for (std::size_t i = 0; i < result->steps.size(); ++i) {
        const auto &s = result->steps[i];
        char pct[64];
        std::snprintf(pct, sizeof pct, "%5.1f%% of previous, %5.1f%% of first", s.fromPrevious * 100,
                      s.fromFirst * 100);
        ctx.out << "  " << (i + 1) << ". " << terminalSafe(s.name, 60) << "\n     " << formatCount(s.entered);
        if (i > 0) {
            ctx.out << "  (" << pct << ")";
            if (s.medianMsFromPrevious)
                ctx.out << ", median " << humanDuration(*s.medianMsFromPrevious) << " after step " << i;
        }
        ctx.out << "\n";
    }
    return kOk;
}

const CommandRegistration kRegistration{
    {"funnel", "conversion through ordered definitions within a session or a time window", kHelp, run}};

} // namespace
} // namespace hindsight::cli
