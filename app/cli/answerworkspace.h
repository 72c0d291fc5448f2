#pragma once

#include "app/cli/argparser.h"
#include "app/cli/command.h"
#include "core/definitions/answers.h"
#include "core/definitions/compileddefinition.h"
#include "core/definitions/definition.h"
#include "core/definitions/interactionindex.h"
#include "core/store/store.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hindsight::cli {

/// What the answering commands (count, matches, coverage, suggest, ...) work on: the store
/// opened read-only, its definitions and the columnar index of its interactions.
class AnswerWorkspace
{
  public:
    /// Opens the workspace of `ctx`; on failure prints "<command>: reason" and returns nullptr.
    static std::unique_ptr<AnswerWorkspace> open(CommandContext &ctx, const std::string &command);

    store::Store &store() { return *m_store; }
    const definitions::InteractionIndex &index() const { return *m_index; }
    /// Every saved definition (archived ones included).
    const std::vector<definitions::Definition> &definitions() const { return m_definitions; }
    /// A saved definition by name or by an old name (alias), case-insensitively.
    const definitions::Definition *find(std::string_view nameOrAlias) const;
    definitions::DefinitionLookup lookup() const;

    /// Compiles `def`; on failure prints "<command>: <name>: <path>: reason" and returns nullopt.
    std::optional<definitions::CompiledDefinition>
    compile(const definitions::Definition &def, CommandContext &ctx, const std::string &command) const;

  private:
    std::unique_ptr<store::Store> m_store;
    std::unique_ptr<definitions::InteractionIndex> m_index;
    std::vector<definitions::Definition> m_definitions;
    std::vector<std::pair<std::string, std::size_t>> m_aliases; ///< folded alias -> m_definitions index
};

/// The definition a command is asked about: the saved definition named by the one positional
/// argument, or (no positional) an unsaved draft made of the criteria options. Prints a usage
/// error and returns nullopt when neither or both are given, or the name is unknown.
std::optional<definitions::Definition> definitionFromArgs(const AnswerWorkspace &ws, const ArgParser &p,
                                                          CommandContext &ctx, const std::string &command);

/// Parses --from/--to: an ISO date-time, or a date (local midnight in `timeZone`, UTC when
/// empty). Prints the error and returns false on a bad value.
bool parseTimeRange(const ArgParser &p, const std::string &timeZone, definitions::TimeRange &range,
                    CommandContext &ctx, const std::string &command);

} // namespace hindsight::cli
