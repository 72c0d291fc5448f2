#include "app/cli/workspaceconvention.h"

#include "core/definitions/workspacesettings.h"
#include "core/naming/conventionjson.h"
#include "core/naming/conventionpresets.h"

#include <ostream>

namespace hindsight::cli {

std::string presetList()
{
    const auto &ids = naming::conventionPresetIds();
    std::string out;
    for (std::size_t i = 0; i < ids.size(); ++i)
        out += (i == 0 ? "" : i + 1 == ids.size() ? " or " : ", ") + ids[i];
    return out;
}

std::optional<WorkspaceConvention> readWorkspaceConvention(store::Store &store, std::string *error)
{
    definitions::StoredConvention read = definitions::readStoredConvention(store);
    if (!read.readError.empty()) {
        if (error) *error = read.readError;
        return std::nullopt;
    }
    if (!read.errors.empty()) {
        if (error) {
            *error = "the workspace's naming convention (setting '" +
                     std::string(definitions::kNamingConventionSetting) + "') does not read:";
            for (const auto &e : read.errors)
                *error += "\n  " + e.toString();
        }
        return std::nullopt;
    }
    return WorkspaceConvention{std::move(read.convention), read.stored, std::move(read.json)};
}

std::optional<naming::Convention> conventionFromOptions(const ArgParser &p,
                                                        const std::optional<naming::Convention> &fallback,
                                                        std::ostream &err, const std::string &command)
{
    const auto preset = p.get("--preset");
    const auto file = p.get("--conventions");
    if (preset && file) {
        err << command << ": give either --preset or --conventions, not both\n";
        return std::nullopt;
    }
    if (preset) {
        auto convention = naming::conventionPreset(*preset);
        if (!convention)
            err << command << ": unknown preset '" << *preset << "' (use " << presetList() << ")\n";
        return convention;
    }
    if (file) {
        auto load = naming::loadConventionFile(*file);
        if (!load.ok()) {
            for (const auto &e : load.errors)
                err << command << ": " << *file << ": " << e.toString() << "\n";
            return std::nullopt;
        }
        return std::move(load.convention);
    }
    if (fallback) return fallback;
    return naming::conventionPreset("heap");
}

} // namespace hindsight::cli
