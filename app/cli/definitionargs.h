#pragma once

#include "app/cli/argparser.h"
#include "core/definitions/definition.h"
#include "core/model/actor.h"

#include <optional>
#include <string>

namespace hindsight::cli {

/// The criteria options shared by `define`, `count` and `matches` (one step):
/// --event, --selector, --text/--text-match, --href/--href-match, --url/--url-match/--url-scope,
/// --ignore-case, --property KEY OP [VALUE].
void declareCriteriaOptions(ArgParser &p);
/// True when at least one criteria option was given.
bool hasCriteriaOptions(const ArgParser &p);
/// Builds the step the options describe. On a usage error returns nullopt and fills `error`
/// with a message naming the option.
std::optional<definitions::Step> stepFromOptions(const ArgParser &p, std::string *error);
/// Help text describing the criteria options, for commands' --help.
extern const char *const kCriteriaHelp;

/// --description, --category, --owner, --tag (repeatable), --status.
void declareMetadataOptions(ArgParser &p);
/// Copies the given metadata options into `def`; false + error on a bad --status.
bool applyMetadataOptions(const ArgParser &p, definitions::Definition &def, std::string *error);

/// Who is making a change, for history (core/model/actor.h).
using model::currentActor;

} // namespace hindsight::cli
