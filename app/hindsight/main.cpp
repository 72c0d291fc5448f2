// `hindsight`: the command line. Parses the global options and hands over to a command.
#include "app/cli/command.h"
#include "core/model/version.h"
#include "core/store/storepaths.h"

#include <QCoreApplication>
#include <csignal>
#include <iostream>

namespace {

void printHelp(std::ostream &os)
{
    os << "Usage: hindsight [--store PATH] COMMAND [ARGS...]\n"
          "       hindsight COMMAND --help\n"
          "       hindsight --version\n\n"
          "Governs autocaptured product-analytics data in a local workspace store.\n\n"
          "Global options:\n"
          "  --store PATH   the workspace store to use (default: "
       << hindsight::store::defaultStorePath()
       << ")\n"
          "  --help, -h     show this help\n"
          "  --version      show the version\n\n"
          "Commands:\n";
    for (const auto &c : hindsight::cli::CommandRegistry::all()) {
        std::string name = c.name;
        name.resize(std::max<std::size_t>(name.size(), 14), ' ');
        os << "  " << name << " " << c.summary << "\n";
    }
}

} // namespace

int main(int argc, char **argv)
{
    std::signal(SIGPIPE, SIG_IGN);
    QCoreApplication::setApplicationName(QStringLiteral("hindsight"));
    QCoreApplication::setOrganizationName(QStringLiteral("hindsight"));
    std::ios::sync_with_stdio(false);

    std::vector<std::string> args(argv + 1, argv + argc);
    hindsight::cli::CommandContext ctx{hindsight::store::defaultStorePath(), false, std::cin, std::cout,
                                       std::cerr};
    std::size_t i = 0;
    for (; i < args.size(); ++i) {
        const std::string &a = args[i];
        if (a == "--help" || a == "-h") {
            printHelp(std::cout);
            return 0;
        }
        if (a == "--version") {
            std::cout << "hindsight " << hindsight::kVersion << "\n";
            return 0;
        }
        if (a == "--store" || a.rfind("--store=", 0) == 0) {
            if (a == "--store") {
                if (i + 1 >= args.size()) {
                    std::cerr << "hindsight: option '--store' needs a path\n";
                    return hindsight::cli::kUsage;
                }
                ctx.storePath = args[++i];
            } else {
                ctx.storePath = a.substr(8);
            }
            if (ctx.storePath.empty()) {
                std::cerr << "hindsight: option '--store' needs a path\n";
                return hindsight::cli::kUsage;
            }
            ctx.storeGiven = true;
            continue;
        }
        break;
    }
    if (i >= args.size()) {
        printHelp(std::cerr);
        return hindsight::cli::kUsage;
    }
    const std::string name = args[i];
    const auto *command = hindsight::cli::CommandRegistry::find(name);
    if (!command) {
        std::cerr << "hindsight: unknown command '" << name << "' (see 'hindsight --help')\n";
        return hindsight::cli::kUsage;
    }
    std::vector<std::string> rest(args.begin() + static_cast<long>(i) + 1, args.end());
    for (const auto &a : rest) {
        if (a == "--help" || a == "-h") {
            std::cout << command->help;
            return 0;
        }
        if (a == "--") break;
    }
    const int rc = command->run(ctx, rest);
    std::cout.flush();
    return rc;
}
