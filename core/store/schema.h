#pragma once

#include <cstdint>
#include <string>

namespace hindsight::store {

class Database;

/// `PRAGMA application_id` of every Hindsight store ("HIND").
inline constexpr std::int32_t kApplicationId = 0x48494E44;

/// The schema version this build writes. Older stores are migrated forward on open; newer
/// ones are refused untouched.
int currentSchemaVersion();

/// Creates the schema in an empty database, or runs the forward migrations from the stored
/// version to currentSchemaVersion(), each in its own transaction. Returns false with
/// db.error() set when a migration fails (the store then stays at the last good version).
bool migrate(Database &db, int fromVersion, std::string *error);

} // namespace hindsight::store
