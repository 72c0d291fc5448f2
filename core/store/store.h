#pragma once

#include "core/model/capturedevent.h"
#include "core/store/database.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hindsight::store {

/// Interaction ids are time-ordered: the UTC millisecond in the high bits, a sequence number
/// for interactions of the same millisecond in the low 20 bits.
inline constexpr int kSequenceBits = 20;
inline constexpr std::int64_t timestampOfId(std::int64_t id)
{
    return id >> kSequenceBits;
}
inline constexpr std::int64_t firstIdAt(std::int64_t ms)
{
    return ms << kSequenceBits;
}
/// Largest storable timestamp (exclusive): year 2248.
inline constexpr std::int64_t kMaxTimestampMs = std::int64_t(1) << (63 - kSequenceBits);

struct StoreStats
{
    std::int64_t interactions = 0;
    std::int64_t people = 0; ///< identity-resolved: anonymous ids linked by $identify count once
    std::int64_t sessions = 0;
    std::int64_t elements = 0; ///< distinct element chains
    std::optional<std::int64_t> firstMs;
    std::optional<std::int64_t> lastMs;
};

/// One stored interaction, with its dictionary references resolved to text.
struct InteractionRecord
{
    std::int64_t id = 0;
    std::string uuid;
    std::int64_t timestampMs = 0;
    std::string type;
    std::string distinctId;
    std::string personDistinctId; ///< the distinct id that stands for the resolved person
    std::string sessionId;
    std::string url;
    std::string title;
    std::string referrer;
    std::string chain;
    std::string properties;
    model::Consent consent = model::Consent::Unknown;
};

/// A workspace store: one SQLite file. Opening checks that the file really is a Hindsight store
/// of a version this build understands *before* anything is written to it.
class Store
{
  public:
    enum class OpenMode {
        Existing,        ///< the file must exist
        CreateIfMissing, ///< create the file (and its directory) when absent
        ReadOnly,        ///< the file must exist; nothing is ever written (no migration either)
    };

    /// Opens `path`. On failure returns nullptr and a message naming the file and the reason.
    static std::unique_ptr<Store> open(const std::string &path, OpenMode mode, std::string *error);

    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    Database &db() { return m_db; }
    const std::string &path() const { return m_path; }

    StoreStats stats();
    /// Newest interactions first; `beforeId` (exclusive) pages further back, 0 = from the newest.
    std::vector<InteractionRecord> newest(int limit, std::int64_t beforeId = 0);
    /// One interaction by its uuid (any accepted form), if stored.
    std::optional<InteractionRecord> findByUuid(const std::string &uuid);
    /// One interaction by its store id.
    std::optional<InteractionRecord> findById(std::int64_t id);
    /// By store id (all digits) or else by uuid.
    std::optional<InteractionRecord> find(const std::string &idOrUuid);

    /// Reads a value from the meta table (0 when absent).
    std::int64_t metaInt(const std::string &key);

  private:
    Store() = default;
    Database m_db;
    std::string m_path;
};

} // namespace hindsight::store
