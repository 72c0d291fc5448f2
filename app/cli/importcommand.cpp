// hindsight import: read PostHog or native event files into the workspace store.
#include "app/cli/argparser.h"
#include "app/cli/cliformat.h"
#include "app/cli/command.h"
#include "core/ingest/importer.h"
#include "core/privacy/consentpolicy.h"
#include "core/privacy/maskengine.h"
#include "core/store/store.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <ostream>

namespace hindsight::cli {

namespace {

std::atomic<bool> g_interrupted{false};
void onInterrupt(int)
{
    g_interrupted = true;
}

const char *kHelp = R"(Usage: hindsight [--store PATH] import [OPTIONS] FILE...

Reads captured events into the workspace store. Each FILE is PostHog events (NDJSON, a JSON
array, or posthog-js {api_key, batch, sent_at} bodies) or Hindsight's native NDJSON
(docs/capture-format.md); the format is detected per file. "-" reads standard input. gzip
files are read directly. Events already in the store (same uuid) are skipped, so an
interrupted import can simply be run again.

Options:
  --format auto|posthog|native   force the input format (default: auto)
  --batch-size N                 interactions per transaction (default: 50000)
  --quiet                        no progress and no per-file summary

Each rejected line is reported on standard error as FILE:LINE: reason; the good lines of
the same file are stored.
Exit status: 0 all stored, 1 some lines were rejected, 2 usage or I/O error.
)";

int run(CommandContext &ctx, const std::vector<std::string> &args)
{
    ArgParser p;
    p.value("--format");
    p.value("--batch-size");
    p.flag("--quiet");
    if (!p.parse(args)) {
        ctx.err << "hindsight import: " << p.error() << "\n";
        return kUsage;
    }
    ingest::ImportOptions options;
    if (auto f = p.get("--format"); f && !capture::parseFormatName(*f, options.format)) {
        ctx.err << "hindsight import: unknown format '" << *f << "' (use auto, posthog or native)\n";
        return kUsage;
    }
    const auto batch = p.integer("--batch-size", 50000, 1, 10'000'000);
    if (!batch) {
        ctx.err << "hindsight import: " << p.error() << "\n";
        return kUsage;
    }
    options.batchSize = static_cast<int>(*batch);
    if (p.positional().empty()) {
        ctx.err << "hindsight import: no input files (give one or more FILEs, or - for standard input)\n";
        return kUsage;
    }
    const bool quiet = p.has("--quiet");
    const bool showProgress = !quiet && stderrIsTerminal();

    std::string error;
    auto store = store::Store::open(ctx.storePath, store::Store::OpenMode::CreateIfMissing, &error);
    if (!store) {
        ctx.err << "hindsight import: " << error << "\n";
        return kUsage;
    }

    // At the door: the workspace's active masking rules run on every event before it is written.
    auto maskFilter = privacy::buildImportFilter(*store, &error);
    if (!maskFilter) {
        ctx.err << "hindsight import: " << error << "\n";
        return kUsage;
    }
    // Consent first: an event the policy drops is neither masked nor written.
    auto consentPolicy = privacy::loadConsentPolicy(*store, &error);
    if (!consentPolicy) {
        ctx.err << "hindsight import: " << error << "\n";
        return kUsage;
    }
    options.filter =
        privacy::chainEventFilters(privacy::consentFilter(*consentPolicy), std::move(*maskFilter));

    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    ingest::Importer importer(*store, options);
    int status = kOk;
    for (const auto &file : p.positional()) {
        const auto started = std::chrono::steady_clock::now();
        auto lastDraw = started;
        auto report = importer.importFile(
            file,
            [&](const std::string &name, std::int64_t line, const std::string &reason) {
                if (showProgress) ctx.err << "\r\033[K";
                ctx.err << name << ":" << line << ": " << reason << "\n";
            },
            [&](const ingest::FileReport &soFar, std::int64_t done, std::int64_t total) {
                if (!showProgress) return;
                const auto now = std::chrono::steady_clock::now();
                if (now - lastDraw < std::chrono::milliseconds(200)) return;
                lastDraw = now;
                const double secs = std::chrono::duration<double>(now - started).count();
                ctx.err << "\r\033[K" << ingest::displayName(file) << ": ";
                if (total > 0) ctx.err << (done * 100 / total) << "% ";
                ctx.err << formatCount(soFar.stored + soFar.duplicates) << " events, "
                        << formatCount(static_cast<std::int64_t>((soFar.stored + soFar.duplicates) /
                                                                 std::max(secs, 0.001)))
                        << "/s" << std::flush;
            },
            &g_interrupted);
        if (showProgress) ctx.err << "\r\033[K";
        const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        if (!report.ok()) {
            ctx.err << ingest::displayName(file) << ": " << report.error << "\n";
            status = kUsage;
        }
        if (report.rejected > 0 && status == kOk) status = kFindings;
        if (!quiet) {
            ctx.err << ingest::displayName(file) << ": " << formatCount(report.stored) << " stored, "
                    << formatCount(report.duplicates) << " already present, " << formatCount(report.rejected)
                    << " rejected";
            if (report.dropped) ctx.err << ", " << formatCount(report.dropped) << " dropped at the door";
            ctx.err << " (" << capture::formatName(report.format) << ", " << formatCount(report.documents)
                    << " lines, "
                    << (secs < 10 ? std::to_string(static_cast<int>(secs * 1000)) + " ms"
                                  : std::to_string(static_cast<int>(secs)) + " s")
                    << ")\n";
        }
        if (report.cancelled || g_interrupted) {
            ctx.err << "hindsight import: interrupted; whole batches already written are kept. Run the same "
                       "import again to complete it.\n";
            return 130;
        }
    }
    return status;
}

const CommandRegistration kRegistration{
    {"import", "read PostHog or native event files into the store", kHelp, run}};

} // namespace
} // namespace hindsight::cli
