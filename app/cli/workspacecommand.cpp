// hindsight workspace: where the workspace store is.
#include "app/cli/command.h"

#include <filesystem>
#include <ostream>

namespace hindsight::cli {

namespace {

const char *kHelp = R"(Usage: hindsight [--store PATH] workspace

Prints the path of the workspace store that commands use: the --store PATH given, or the
default workspace in the user's data directory. Exit status 0 when the store exists, 1 when
it does not exist yet.
)";

int run(CommandContext &ctx, const std::vector<std::string> &args)
{
    if (!args.empty()) {
        ctx.err << "hindsight workspace: unexpected argument '" << args.front() << "'\n";
        return kUsage;
    }
    ctx.out << ctx.storePath << "\n";
    std::error_code ec;
    return std::filesystem::exists(ctx.storePath, ec) ? kOk : kFindings;
}

const CommandRegistration kRegistration{{"workspace", "print the path of the workspace store", kHelp, run}};

} // namespace
} // namespace hindsight::cli
