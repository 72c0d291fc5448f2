#pragma once

#include "core/privacy/interactiondeletion.h"

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hindsight::store {
class Store;
}

// People's rights: everything the store holds about one person, exported or erased.
// See docs/privacy.md, "People's rights: export and erasure".
namespace hindsight::privacy {

/// A resolved person: the distinct id given, the person it belongs to (identity links from
/// `$identify`), and every distinct id linked to that person.
struct Person
{
    std::string subject;                  ///< the distinct id asked for
    std::int64_t personRow = 0;           ///< distinct_ids.person
    std::string personDistinctId;         ///< the distinct id that stands for the person
    std::vector<std::int64_t> rows;       ///< distinct_ids rows of the person, ascending
    std::vector<std::string> distinctIds; ///< their ids, sorted bytewise
};

/// Finds the person `distinctId` belongs to. nullopt when no such distinct id is stored (then
/// `*unknown` is set and `error` says so; it contains the id, for the terminal only) or the
/// store cannot be read.
std::optional<Person> findPerson(store::Store &store, std::string_view distinctId, std::string *error,
                                 bool *unknown = nullptr);

/// How much is held about a person (read only).
struct PersonSummary
{
    std::int64_t interactions = 0;
    std::int64_t sessions = 0; ///< distinct sessions of their interactions
    std::optional<std::int64_t> firstMs, lastMs;
};
std::optional<PersonSummary> summarizePerson(store::Store &store, const Person &person, std::string *error);

/// Writes everything held about the person as one JSON object, streamed (one interaction in
/// memory at a time), in a stable order:
/// `{"subject": ID, "person": ID, "distinct_ids": [sorted], "interactions": [oldest first, each
/// {"id", "uuid", "time", "type", "distinct_id", "session", "url", "title", "referrer", "chain",
/// "properties", "consent"}], "interaction_count": N}`. Absent values are null; `properties` is
/// the stored JSON object. Returns the number of interactions, or nullopt + error.
std::optional<std::int64_t> exportPerson(store::Store &store, const Person &person, std::ostream &out,
                                         std::string *error);

/// The erasure log's key for an id: hex HMAC-SHA-256 keyed with the workspace secret (meta
/// 'secret'). nullopt + error when the store has no secret (a store older than schema 3 that
/// was opened read-only).
std::optional<std::string> subjectHash(store::Store &store, std::string_view distinctId, std::string *error);

/// One entry of the erasure log (table `erasures`).
struct ErasureLogEntry
{
    std::int64_t id = 0;
    std::int64_t atMs = 0;
    std::string actor;
    std::string subjectHash;
    std::int64_t distinctIds = 0;
    std::int64_t interactions = 0;
};
/// Log entries whose subject hash is that of `distinctId` (was this id erased?), oldest first.
std::optional<std::vector<ErasureLogEntry>> erasuresOf(store::Store &store, std::string_view distinctId,
                                                       std::string *error);

struct ErasureReport
{
    ErasureLogEntry log;
    DeletionCounts deleted;
    double seconds = 0;      ///< the transaction
    double scrubSeconds = 0; ///< checkpoint, VACUUM, checkpoint, column cache
};

/// Erases the person `distinctId` belongs to, in ONE transaction: their interactions, all their
/// distinct ids, and every session, URL, title, element chain, property object and event type
/// no other interaction uses (deleteInteractions); the meta counters and generation; and one
/// row in `erasures` holding the keyed hash of `distinctId` (never the id), the counts, `actor`
/// and the time. Then store::scrubDeletedData removes the old bytes from the file's free pages,
/// the WAL and the column cache. The definitions catalog is not touched.
/// nullopt + error when the id is unknown (nothing is written) or on failure (rolled back; if
/// only the scrub failed, the erasure is committed and the error says so).
std::optional<ErasureReport> erasePerson(store::Store &store, std::string_view distinctId,
                                         const std::string &actor, std::string *error);

} // namespace hindsight::privacy
