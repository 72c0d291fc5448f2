#pragma once

#include <string>

namespace hindsight::model {

/// Who is making a change (recorded in the catalog's and the masking rules' history):
/// $HINDSIGHT_ACTOR, else $USER, else $LOGNAME, else the login name of the process's user,
/// else "unknown". Never empty.
std::string currentActor();

} // namespace hindsight::model
