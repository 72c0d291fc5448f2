#pragma once

#include <string>

namespace hindsight::store {

class Store;

/// Makes sure values that were deleted or overwritten in `store` are gone from its files, not
/// just unreachable: SQLite keeps old page contents in free pages and in the write-ahead log
/// until they are reused. Call after the transaction that removed the values has committed.
///
/// It overwrites free pages (secure_delete is on for every store connection, and VACUUM rebuilds
/// the file without free pages), checkpoints and truncates the WAL, and deletes the derived
/// column cache (`<store>.columns`), which holds ids and dictionary references. Returns false and
/// an error naming the step that failed.
bool scrubDeletedData(Store &store, std::string *error);

} // namespace hindsight::store
