#pragma once

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace hindsight::cli {

/// What every command gets: the chosen store and the three standard streams.
struct CommandContext
{
    std::string storePath;   ///< --store PATH, or the default workspace path
    bool storeGiven = false; ///< true when --store was on the command line
    std::istream &in;
    std::ostream &out;
    std::ostream &err;
};

/// Exit statuses shared by all commands.
enum ExitCode : int { kOk = 0, kFindings = 1, kUsage = 2 };

/// A sub-command of `hindsight`. Each command lives in its own file and registers itself
/// with a static CommandRegistration, so adding a command never touches another file.
struct CommandInfo
{
    std::string name;    ///< "import", or "mask add"-style two-word names are not used: sub-verbs are args
    std::string summary; ///< one line for `hindsight --help`
    std::string help;    ///< full text for `hindsight COMMAND --help`
    std::function<int(CommandContext &, const std::vector<std::string> &)> run;
};

class CommandRegistry
{
  public:
    static void add(CommandInfo info);
    static const std::vector<CommandInfo> &all();
    static const CommandInfo *find(const std::string &name);
};

struct CommandRegistration
{
    explicit CommandRegistration(CommandInfo info) { CommandRegistry::add(std::move(info)); }
};

} // namespace hindsight::cli
