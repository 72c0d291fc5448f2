// hindsight stats: the size of the workspace.
#include "app/cli/argparser.h"
#include "app/cli/cliformat.h"
#include "app/cli/command.h"
#include "core/capture/jsonwriter.h"
#include "core/capture/timestamp.h"
#include "core/store/store.h"

#include <filesystem>
#include <ostream>

namespace hindsight::cli {

namespace {

const char *kHelp = R"(Usage: hindsight [--store PATH] stats [--json]

Shows what the workspace holds: interactions, people (anonymous ids linked by $identify
count once), sessions, distinct elements, the first and last interaction, and the size of
the store on disk. Reads the store without changing it.

  --json   print {"interactions": N, "people": N, "sessions": N, "elements": N,
           "first": ISO|null, "last": ISO|null, "bytes": N, "store": PATH}
)";

std::int64_t storeBytes(const std::string &path)
{
    std::int64_t total = 0;
    std::error_code ec;
    for (const char *suffix : {"", "-wal"}) {
        const auto size = std::filesystem::file_size(path + suffix, ec);
        if (!ec) total += static_cast<std::int64_t>(size);
    }
    return total;
}

int run(CommandContext &ctx, const std::vector<std::string> &args)
{
    ArgParser p;
    p.flag("--json");
    if (!p.parse(args) || !p.positional().empty()) {
        ctx.err << "hindsight stats: "
                << (p.error().empty() ? "unexpected argument '" + p.positional().front() + "'" : p.error())
                << "\n";
        return kUsage;
    }
    std::string error;
    auto store = store::Store::open(ctx.storePath, store::Store::OpenMode::ReadOnly, &error);
    if (!store) {
        ctx.err << "hindsight stats: " << error << "\n";
        return kUsage;
    }
    const store::StoreStats s = store->stats();
    const std::int64_t bytes = storeBytes(ctx.storePath);
    auto iso = [](const std::optional<std::int64_t> &ms) {
        return ms ? capture::formatIsoTimestamp(*ms) : std::string();
    };
    if (p.has("--json")) {
        auto isoJson = [&](const std::optional<std::int64_t> &ms) {
            return ms ? capture::jsonString(iso(ms)) : std::string("null");
        };
        ctx.out << "{\"interactions\": " << s.interactions << ", \"people\": " << s.people
                << ", \"sessions\": " << s.sessions << ", \"elements\": " << s.elements
                << ", \"first\": " << isoJson(s.firstMs) << ", \"last\": " << isoJson(s.lastMs)
                << ", \"bytes\": " << bytes << ", \"store\": " << capture::jsonString(ctx.storePath) << "}\n";
        return kOk;
    }
    ctx.out << "Store         " << ctx.storePath << "\n"
            << "Interactions  " << formatCount(s.interactions) << "\n"
            << "People        " << formatCount(s.people) << "\n"
            << "Sessions      " << formatCount(s.sessions) << "\n"
            << "Elements      " << formatCount(s.elements) << "\n"
            << "First         " << (s.firstMs ? iso(s.firstMs) : "-") << "\n"
            << "Last          " << (s.lastMs ? iso(s.lastMs) : "-") << "\n"
            << "Size          " << formatBytes(bytes);
    if (s.interactions > 0) ctx.out << " (" << bytes / s.interactions << " bytes per interaction)";
    ctx.out << "\n";
    return kOk;
}

const CommandRegistration kRegistration{{"stats", "show what the workspace holds", kHelp, run}};

} // namespace
} // namespace hindsight::cli
