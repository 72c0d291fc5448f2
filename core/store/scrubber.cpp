#include "core/store/scrubber.h"

#include "core/store/database.h"
#include "core/store/store.h"

#include <filesystem>

namespace hindsight::store {

bool scrubDeletedData(Store &store, std::string *error)
{
    Database &db = store.db();
    auto fail = [&](const std::string &step) {
        if (error) *error = store.path() + ": " + step + ": " + db.error();
        return false;
    };
    if (!db.exec("PRAGMA secure_delete = ON")) return fail("cannot turn on secure delete");
    // Copy the WAL into the database first, so VACUUM rebuilds from the current content.
    if (!db.exec("PRAGMA wal_checkpoint(TRUNCATE)")) return fail("cannot checkpoint the write-ahead log");
    if (!db.exec("VACUUM")) return fail("cannot rebuild the file without free pages");
    // VACUUM in WAL mode writes the new pages through the WAL: checkpoint and truncate again.
    if (!db.exec("PRAGMA wal_checkpoint(TRUNCATE)")) return fail("cannot checkpoint the write-ahead log");
    // The cache and any half-written temporary copy of it (`<store>.columns.tmp-PID`).
    std::error_code ec;
    const std::filesystem::path storePath(store.path());
    const std::string cacheName = storePath.filename().string() + ".columns";
    const auto folder = storePath.has_parent_path() ? storePath.parent_path() : std::filesystem::path(".");
    for (const auto &entry : std::filesystem::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        if (name != cacheName && name.rfind(cacheName + ".tmp-", 0) != 0) continue;
        std::error_code removeError;
        std::filesystem::remove(entry.path(), removeError);
        if (removeError) {
            if (error)
                *error = entry.path().string() + ": cannot delete the column cache: " + removeError.message();
            return false;
        }
    }
    return true;
}

} // namespace hindsight::store
