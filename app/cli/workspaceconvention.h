#pragma once

#include "app/cli/argparser.h"
#include "core/naming/convention.h"

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace hindsight::store {
class Store;
}

namespace hindsight::cli {

/// The naming convention a workspace stores (setting `naming.convention`, JSON in the format of
/// docs/naming.md), or the `heap` preset when it stores none.
struct WorkspaceConvention
{
    naming::Convention convention;
    bool stored = false; ///< false: the default preset
    std::string json;    ///< the stored JSON text ("" when not stored)
};

/// Reads the workspace's convention. A stored convention that no longer reads is an error
/// (each problem on its own line, with its JSON path).
std::optional<WorkspaceConvention> readWorkspaceConvention(store::Store &store, std::string *error);

/// The convention a command uses: --preset ID or --conventions FILE when given (not both), else
/// `fallback` when it has a value, else the `heap` preset. Prints problems as
/// "<command>: ..." lines and returns nullopt on a usage error.
std::optional<naming::Convention> conventionFromOptions(const ArgParser &p,
                                                        const std::optional<naming::Convention> &fallback,
                                                        std::ostream &err, const std::string &command);

/// "heap, segment or snake_case".
std::string presetList();

} // namespace hindsight::cli
