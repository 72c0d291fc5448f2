#pragma once

#include "core/definitions/interactionindex.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace hindsight::definitions {

/// What a column cache file must agree with to be used: the store it was built from and the
/// dictionaries as they are now. Any difference makes the cache stale.
struct ColumnCacheKey
{
    std::int64_t storeCreated = 0;     ///< meta 'created' of the store
    std::int64_t generation = 0;       ///< meta 'generation' (bumped by every import commit; 0 when absent)
    std::int64_t metaInteractions = 0; ///< meta 'interactions'
    std::int64_t minId = 0, maxId = 0; ///< of the interactions table (0, 0 when empty)
    /// Dictionary sizes (entry 0 = "none" included): event types, URLs, chains, property
    /// objects, distinct ids, sessions.
    std::uint64_t sizes[6] = {};
    std::uint64_t dictionaryFingerprint = 0; ///< hash of the dictionaries' contents
    bool operator==(const ColumnCacheKey &) const = default;
};

/// The row columns an InteractionIndex keeps, in id order, exactly as the file holds them: ids,
/// shapes, properties, distinct ids, sessions and the shape dictionary (event type, URL and
/// chain of a row come from its shape).
struct ColumnData
{
    IndexColumn<std::int64_t> ids;
    IndexColumn<std::uint32_t> shapes, properties, distinctIds, sessions;
    IndexColumn<IndexShape> shapeDictionary;
};

/// Reads `path` into `out` when it is a column cache for exactly `key`: checksummed header,
/// checksummed payload, ids strictly ascending from key.minId to key.maxId, and every
/// dictionary index below the size in `key`. Anything else (missing, truncated, garbage,
/// stale) returns false with the reason in `why`; `out` is then cleared.
bool readColumnCache(const std::string &path, const ColumnCacheKey &key, ColumnData &out, std::string *why);

/// Writes `data` for `key` to `path` atomically (a temporary file in the same folder, then a
/// rename). Returns false with the reason (e.g. a read-only folder); nothing is left behind.
bool writeColumnCache(const std::string &path, const ColumnCacheKey &key, const ColumnData &data,
                      std::string *why);

/// A fast 64-bit checksum of bytes (not cryptographic). Exposed for the fingerprints.
std::uint64_t columnChecksum(const void *data, std::size_t bytes, std::uint64_t seed = 0);

} // namespace hindsight::definitions
