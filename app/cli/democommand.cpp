// hindsight demo: generate the demo workspace (a fictional online shop).
#include "app/cli/argparser.h"
#include "app/cli/cliformat.h"
#include "app/cli/command.h"
#include "core/capture/timestamp.h"
#include "core/demo/demogenerator.h"
#include "core/demo/demoworkspace.h"
#include "core/store/store.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace hindsight::cli {

namespace {

const char *kHelp = R"(Usage: hindsight [--store PATH] demo [OPTIONS]

Generates a realistic, deterministic demo workspace: "Northwind Outfitters", a fictional
online shop with pages, navigation, a product grid, cart, checkout and account forms;
visitors with sessions, $identify calls and a few custom events. It also plants privacy
problems for the audit to find (an email in a greeting, a token in a URL, card-number-like
text). The same options always give the same workspace.

Options:
  --interactions N      how many interactions (default: 200000; 10000000 works)
  --days D              spread over D days (default: 30)
  --seed S              random seed (default: 42)
  --end ISO             time of the newest interaction (default: today 00:00 UTC)
  --posthog-ndjson FILE write the stream as PostHog NDJSON to FILE ("-" = standard output)
                        instead of creating a workspace
  --replace             replace an existing workspace store at the path

Without --posthog-ndjson the store given by --store (or the default workspace) is created;
an existing store that holds interactions is left alone unless --replace is given.
)";

int runDemo(CommandContext &ctx, const std::vector<std::string> &args)
{
    ArgParser p;
    p.value("--interactions");
    p.value("--days");
    p.value("--seed");
    p.value("--end");
    p.value("--posthog-ndjson");
    p.flag("--replace");
    if (!p.parse(args) || !p.positional().empty()) {
        ctx.err << "hindsight demo: "
                << (p.error().empty() ? "unexpected argument '" + p.positional().front() + "'" : p.error())
                << "\n";
        return kUsage;
    }
    demo::DemoOptions options;
    const auto n =
        p.integer("--interactions", options.interactions, 1, demo::DemoGenerator::kMaxInteractions);
    const auto days = n ? p.integer("--days", options.days, 1, demo::DemoGenerator::kMaxDays) : std::nullopt;
    const auto seed = days ? p.integer("--seed", 42, 0, std::numeric_limits<long long>::max()) : std::nullopt;
    if (!n || !days || !seed) {
        ctx.err << "hindsight demo: " << p.error() << "\n";
        return kUsage;
    }
    options.interactions = *n;
    options.days = static_cast<int>(*days);
    options.seed = static_cast<std::uint64_t>(*seed);
    if (auto end = p.get("--end")) {
        std::string why;
        auto ms = capture::parseIsoTimestamp(*end, &why);
        if (!ms) {
            ctx.err << "hindsight demo: --end '" << *end << "': " << why << "\n";
            return kUsage;
        }
        options.endMs = *ms;
    } else {
        const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count();
        options.endMs = now - now % 86'400'000;
    }

    if (auto out = p.get("--posthog-ndjson")) {
        demo::DemoGenerator generator(options);
        if (*out == "-") {
            generator.writePostHogNdjson(std::cout);
            std::cout.flush();
            return std::cout ? kOk : kUsage;
        }
        std::ofstream file(*out, std::ios::binary);
        if (!file) {
            ctx.err << "hindsight demo: cannot write " << *out << "\n";
            return kUsage;
        }
        generator.writePostHogNdjson(file);
        file.close();
        if (!file) {
            ctx.err << "hindsight demo: writing " << *out << " failed (disk full?)\n";
            return kUsage;
        }
        ctx.err << "wrote " << formatCount(options.interactions) << " events to " << *out << "\n";
        return kOk;
    }

    std::string error;
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::exists(ctx.storePath, ec)) {
        auto existing = store::Store::open(ctx.storePath, store::Store::OpenMode::ReadOnly, &error);
        if (!existing) {
            ctx.err << "hindsight demo: " << error << "\n";
            return kUsage;
        }
        const auto held = existing->stats().interactions;
        existing.reset();
        if (held > 0 && !p.has("--replace")) {
            ctx.err << "hindsight demo: " << ctx.storePath << " already holds " << formatCount(held)
                    << " interactions; give --replace to replace it, or choose another --store\n";
            return kUsage;
        }
        for (const char *suffix : {"", "-wal", "-shm"})
            fs::remove(ctx.storePath + suffix, ec);
    }
    auto store = store::Store::open(ctx.storePath, store::Store::OpenMode::CreateIfMissing, &error);
    if (!store) {
        ctx.err << "hindsight demo: " << error << "\n";
        return kUsage;
    }
    const bool progress = stderrIsTerminal();
    const auto started = std::chrono::steady_clock::now();
    demo::DemoBuildControl control;
    control.progress = [&](std::int64_t done) {
        if (progress)
            ctx.err << "\r\033[Kgenerating: " << (done * 100 / options.interactions) << "% "
                    << formatCount(done) << " interactions" << std::flush;
    };
    const auto result = demo::buildDemoWorkspace(*store, options, control);
    if (progress) ctx.err << "\r\033[K";
    if (!result.error.empty()) {
        ctx.err << "hindsight demo: " << result.error << "\n";
        return kUsage;
    }
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    ctx.err << "demo workspace " << ctx.storePath << ": " << formatCount(result.stored)
            << " interactions over " << options.days << " days (seed " << options.seed << "), "
            << result.definitions << " definitions, in " << static_cast<int>(secs * 10) / 10.0 << " s\n";
    return kOk;
}

int run(CommandContext &ctx, const std::vector<std::string> &args)
{
    try {
        return runDemo(ctx, args);
    } catch (const std::exception &e) {
        // Options the generator refuses (e.g. --end too close to 1970), or a failed write.
        ctx.err << "hindsight demo: " << e.what() << "\n";
        return kUsage;
    }
}

const CommandRegistration kRegistration{
    {"demo", "generate the demo workspace (a fictional shop)", kHelp, run}};

} // namespace
} // namespace hindsight::cli
