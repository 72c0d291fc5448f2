#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hindsight::store {
class Database;
}

// Deleting stored interactions without leaving their values behind: shared by `erase-user`
// (personaldata.h) and `consent apply` (consentpolicy.h).
namespace hindsight::privacy {

/// What one deletion removed, table by table.
struct DeletionCounts
{
    std::int64_t interactions = 0;
    std::int64_t distinctIds = 0; ///< rows of distinct_ids
    std::int64_t people = 0;      ///< resolved people that no longer exist at all
    std::int64_t sessions = 0;
    std::int64_t urls = 0;  ///< page URLs and referrers
    std::int64_t texts = 0; ///< titles
    std::int64_t chains = 0;
    std::int64_t properties = 0; ///< property objects
    std::int64_t eventTypes = 0;
};

struct DeletionRequest
{
    /// Store ids of the interactions to delete (any order; ids that are not stored are ignored).
    std::vector<std::int64_t> interactions;
    /// Rows of distinct_ids to delete whatever else happens (erasure: every id of the person).
    /// They may only be referenced by the interactions above and by each other.
    std::vector<std::int64_t> distinctRows;
    /// Also delete distinct_ids rows that only the deleted interactions referenced, when no
    /// remaining row names them as its person (consent apply: an id nobody uses any more).
    bool dropUnusedDistinctIds = true;
};

/// Deletes the interactions, then every dictionary row (session, URL, title, element chain,
/// property object, event type, distinct id) that one of them referenced and that no remaining
/// interaction references, so a value only they carried is gone from the tables; updates the
/// meta counters (interactions, people, sessions, elements) and bumps `generation`.
///
/// Must run inside an open write transaction on `db` (the caller commits, then calls
/// store::scrubDeletedData), with foreign-key enforcement paused by a ForeignKeyPause created
/// before the transaction (otherwise each deleted dictionary row costs a table scan); the
/// references are checked here instead. Costs one read and one delete per interaction plus one scan of the
/// remaining interactions (skipped when nothing is deleted). nullopt + error on a database
/// failure (the caller rolls back).
std::optional<DeletionCounts> deleteInteractions(store::Database &db, const DeletionRequest &request,
                                                 std::string *error);

} // namespace hindsight::privacy
