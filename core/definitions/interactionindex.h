#pragma once

#include "core/model/element.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace hindsight::store {
class Store;
}

namespace hindsight::definitions {

/// An allocator whose resize() leaves new elements of trivial types uninitialised: the index's
/// columns are filled right after (from a file or a computation), so zero-filling hundreds of
/// megabytes first would only cost time.
template <typename T> struct NoInitAllocator : std::allocator<T>
{
    using std::allocator<T>::allocator;
    template <typename U> struct rebind
    {
        using other = NoInitAllocator<U>;
    };
    template <typename U> void construct(U *p) noexcept(std::is_nothrow_default_constructible_v<U>)
    {
        ::new (static_cast<void *>(p)) U;
    }
    template <typename U, typename... Args> void construct(U *p, Args &&...args)
    {
        ::new (static_cast<void *>(p)) U(std::forward<Args>(args)...);
    }
};
template <typename T> using IndexColumn = std::vector<T, NoInitAllocator<T>>;

/// The dictionaries of a store (what repeats, stored once), loaded in full: event types, URLs,
/// element chains (parsed), property objects. Row columns of InteractionIndex refer to these by
/// dense index; index 0 of every dictionary means "none" (an interaction without URL, chain...).
struct IndexDictionaries
{
    struct Url
    {
        std::string url, host, path, query, hash;
    };
    std::vector<std::string> eventTypes;     ///< [0] = ""
    std::vector<Url> urls;                   ///< [0] = empty
    std::vector<std::string> chainTexts;     ///< canonical $elements_chain, [0] = ""
    std::vector<model::ElementChain> chains; ///< parsed, parallel to chainTexts
    std::vector<std::string> propertyJson;   ///< the remaining-properties JSON object text, [0] = ""
    std::vector<std::string> distinctIds;    ///< [0] = ""
    std::vector<std::uint32_t> personOf;     ///< distinct id index -> the person's distinct id index
};

/// A distinct (event type, URL, chain) combination of the store: few (tens of thousands where
/// interactions number millions), so a definition evaluates its type, URL and element
/// conditions once per shape and a scan reads one column instead of three.
struct IndexShape
{
    std::uint32_t type = 0, url = 0, chain = 0;
    bool operator==(const IndexShape &) const = default;
};

/// How an InteractionIndex came to be (for the studio's status line and the benchmarks).
struct IndexLoadInfo
{
    bool fromCache = false;    ///< the columns came from a valid column cache file
    bool cacheWritten = false; ///< a new column cache file was written after reading SQLite
    std::string cachePath;     ///< `<store path>.columns`
    std::string cacheRejected; ///< why an existing cache file was not used ("" when none was there)
};

/// A read-only, columnar, in-memory view of every interaction of a store, in time (id) order.
/// Answers to definitions are computed by evaluating criteria over the dictionaries once and then
/// scanning these columns; nothing here touches SQLite after load(). Safe to read from many
/// threads. Build it once per workspace session and load() it again after the store changes
/// (isCurrent() tells).
///
/// The columns are kept in a cache file next to the store (`<store>.columns`, see
/// docs/architecture.md, "Column cache") so that a new process does not read every row from
/// SQLite again; the dictionaries always come from SQLite.
class InteractionIndex
{
  public:
    /// Loads `store` (from a valid column cache file next to the store when there is one).
    /// Returns nullptr and fills `error` on failure.
    static std::unique_ptr<InteractionIndex> load(store::Store &store, std::string *error);
    /// As load(), but never reads or writes the column cache file.
    static std::unique_ptr<InteractionIndex> loadWithoutCache(store::Store &store, std::string *error);

    /// `<storePath>.columns`.
    static std::string cachePathFor(const std::string &storePath);

    std::size_t size() const;
    std::span<const std::int64_t> ids() const;         ///< interaction ids, ascending
    std::int64_t timestampMs(std::size_t row) const;   ///< from the id
    std::span<const std::uint32_t> properties() const; ///< into dictionaries().propertyJson
    std::span<const std::uint32_t> sessions() const;   ///< dense session index, 0 = none
    const IndexDictionaries &dictionaries() const;

    /// The distinct id each interaction was sent with (into dictionaries().distinctIds), before
    /// identity resolution.
    std::span<const std::uint32_t> distinctIds() const;
    /// Number of session indexes (sessions() values are below this; 0 is "none").
    std::size_t sessionCount() const;
    /// Per row, its index into shapeDictionary(), which holds its event type, URL and chain.
    /// Scans that need those read this column and look them up per shape (shapes are few).
    std::span<const std::uint32_t> shapes() const;
    std::span<const IndexShape> shapeDictionary() const;

    // One row's values, for code that visits a few rows (a scan over many rows reads shapes()
    // and builds a per-shape table instead). `row` must be below size().

    /// Into dictionaries().eventTypes.
    std::uint32_t type(std::size_t row) const { return m_shapeDictionary[m_shapes[row]].type; }
    /// Into dictionaries().urls.
    std::uint32_t url(std::size_t row) const { return m_shapeDictionary[m_shapes[row]].url; }
    /// Into dictionaries().chains.
    std::uint32_t chain(std::size_t row) const { return m_shapeDictionary[m_shapes[row]].chain; }
    /// The identity-resolved person (the distinctIds index of the person's distinct id):
    /// dictionaries().personOf[distinctIds()[row]].
    std::uint32_t person(std::size_t row) const { return m_dict.personOf[m_distinct[row]]; }

    /// Row of interaction `id`, or -1.
    std::ptrdiff_t rowOf(std::int64_t id) const;
    /// First row whose timestamp is at or after `ms` (size() when none).
    std::size_t firstRowAtOrAfter(std::int64_t ms) const;

    /// Whether the store still holds what this index was built from (same generation,
    /// interaction count and newest id); cheap: a few meta reads.
    bool isCurrent(store::Store &store) const;

    const IndexLoadInfo &loadInfo() const { return m_info; }

  private:
    InteractionIndex() = default;
    static std::unique_ptr<InteractionIndex> loadImpl(store::Store &store, bool useCache, std::string *error);

    IndexDictionaries m_dict;
    IndexColumn<std::int64_t> m_ids;
    // 24 bytes per row: the id and four dense indexes. Type, URL and chain come from the shape,
    // the person from the distinct id (personOf), so they are not kept per row.
    IndexColumn<std::uint32_t> m_shapes, m_properties, m_distinct, m_sessions;
    IndexColumn<IndexShape> m_shapeDictionary;
    std::size_t m_sessionCount = 1;
    std::int64_t m_generation = 0;
    std::int64_t m_metaInteractions = 0;
    std::int64_t m_maxId = 0;
    IndexLoadInfo m_info;
};

} // namespace hindsight::definitions
