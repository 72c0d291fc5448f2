#pragma once

#include "core/definitions/definition.h"

#include <ostream>
#include <string>
#include <vector>

namespace hindsight::cli {

/// One step as a person reads it: `click on button.buy with text "Buy" on path /products/*`.
std::string describeStep(const definitions::Step &step);

/// A definition's card for `definitions show` and `define`: name, status, metadata, criteria
/// or combo members, former names and bookkeeping.
void printDefinition(std::ostream &os, const definitions::Definition &def,
                     const std::vector<std::string> &aliases);

/// The `hindsight define` command line that saves `step` under `name`, shell-quoted.
std::string defineCommandLine(const std::string &name, const definitions::Step &step);

/// "2026-09-01 14:03 UTC" for a millisecond time.
std::string shortTime(std::int64_t ms);

} // namespace hindsight::cli
