#pragma once

#include <string>

namespace hindsight::store {

/// The default workspace store: `<user data dir>/default.hindsight`
/// (for example ~/.local/share/hindsight/default.hindsight).
std::string defaultStorePath();

} // namespace hindsight::store
