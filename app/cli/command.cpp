#include "app/cli/command.h"

#include <algorithm>

namespace hindsight::cli {

namespace {
std::vector<CommandInfo> &registry()
{
    static std::vector<CommandInfo> commands;
    return commands;
}
} // namespace

void CommandRegistry::add(CommandInfo info)
{
    auto &r = registry();
    r.push_back(std::move(info));
    std::sort(r.begin(), r.end(), [](const CommandInfo &a, const CommandInfo &b) { return a.name < b.name; });
}

const std::vector<CommandInfo> &CommandRegistry::all()
{
    return registry();
}

const CommandInfo *CommandRegistry::find(const std::string &name)
{
    for (const auto &c : registry())
        if (c.name == name) return &c;
    return nullptr;
}

} // namespace hindsight::cli
