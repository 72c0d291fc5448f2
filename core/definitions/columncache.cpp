#include "core/definitions/columncache.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <unistd.h>

namespace hindsight::definitions {

namespace {

namespace fs = std::filesystem;

constexpr char kMagic[8] = {'H', 'S', 'C', 'O', 'L', 'S', '\0', '\1'};
constexpr std::uint32_t kFormatVersion = 2;

// The header exactly as written (native byte order; the magic and an order marker reject a
// file from a machine of the other byte order).
struct Header
{
    char magic[8];
    std::uint32_t version;
    std::uint32_t byteOrder; // 0x01020304
    std::int64_t storeCreated, generation, metaInteractions, minId, maxId;
    std::uint64_t sizes[6];
    std::uint64_t dictionaryFingerprint;
    std::uint64_t rows;
    std::uint64_t shapeCount;
    std::uint64_t payloadChecksum;
    std::uint64_t headerChecksum; // of every byte above
};
static_assert(sizeof(Header) == 8 + 4 + 4 + 5 * 8 + 6 * 8 + 5 * 8);
static_assert(sizeof(IndexShape) == 12);
constexpr std::size_t kColumns32 = 4; // shapes, properties, distinct ids, sessions

constexpr std::uint64_t kP1 = 0x9E3779B185EBCA87ull;
constexpr std::uint64_t kP2 = 0xC2B2AE3D27D4EB4Full;
constexpr std::uint64_t kP3 = 0x165667B19E3779F9ull;

inline std::uint64_t rotl(std::uint64_t x, int r)
{
    return (x << r) | (x >> (64 - r));
}
inline std::uint64_t round(std::uint64_t h, std::uint64_t w)
{
    return rotl(h + w * kP2, 31) * kP1;
}

std::uint64_t headerChecksum(const Header &h)
{
    return columnChecksum(&h, offsetof(Header, headerChecksum), 0x48534331);
}

ColumnCacheKey keyOf(const Header &h)
{
    ColumnCacheKey k;
    k.storeCreated = h.storeCreated;
    k.generation = h.generation;
    k.metaInteractions = h.metaInteractions;
    k.minId = h.minId;
    k.maxId = h.maxId;
    std::copy(std::begin(h.sizes), std::end(h.sizes), std::begin(k.sizes));
    k.dictionaryFingerprint = h.dictionaryFingerprint;
    return k;
}

struct FileCloser
{
    void operator()(std::FILE *f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

template <typename T> bool readVector(std::FILE *f, IndexColumn<T> &v, std::size_t n)
{
    v.resize(n);
    return n == 0 || std::fread(v.data(), sizeof(T), n, f) == n;
}

template <typename T> bool writeVector(std::FILE *f, const IndexColumn<T> &v)
{
    return v.empty() || std::fwrite(v.data(), sizeof(T), v.size(), f) == v.size();
}

template <typename T> std::uint64_t checksumOf(const IndexColumn<T> &v, std::uint64_t seed)
{
    return columnChecksum(v.data(), v.size() * sizeof(T), seed);
}

std::uint64_t payloadChecksum(const ColumnData &d)
{
    std::uint64_t h = checksumOf(d.ids, 1);
    for (const auto *c : {&d.shapes, &d.properties, &d.distinctIds, &d.sessions})
        h = checksumOf(*c, h);
    return checksumOf(d.shapeDictionary, h);
}

std::uint32_t columnMax(const IndexColumn<std::uint32_t> &v)
{
    std::uint32_t m = 0;
    for (const std::uint32_t x : v)
        m = std::max(m, x);
    return m;
}

} // namespace

std::uint64_t columnChecksum(const void *data, std::size_t bytes, std::uint64_t seed)
{
    const auto *p = static_cast<const unsigned char *>(data);
    std::uint64_t h[4] = {seed + kP1 + kP2, seed + kP2, seed, seed - kP1};
    const std::size_t total = bytes;
    while (bytes >= 32) {
        std::uint64_t w[4];
        std::memcpy(w, p, 32);
        for (int k = 0; k < 4; ++k)
            h[k] = round(h[k], w[k]);
        p += 32;
        bytes -= 32;
    }
    std::uint64_t acc = rotl(h[0], 1) + rotl(h[1], 7) + rotl(h[2], 12) + rotl(h[3], 18);
    for (int k = 0; k < 4; ++k)
        acc = (acc ^ round(0, h[k])) * kP1 + kP3;
    acc += total;
    while (bytes >= 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        acc = rotl(acc ^ round(0, w), 27) * kP1 + kP3;
        p += 8;
        bytes -= 8;
    }
    while (bytes > 0) {
        acc = rotl(acc ^ (*p * kP3), 11) * kP1;
        ++p;
        --bytes;
    }
    acc ^= acc >> 33;
    acc *= kP2;
    acc ^= acc >> 29;
    acc *= kP3;
    acc ^= acc >> 32;
    return acc;
}

bool readColumnCache(const std::string &path, const ColumnCacheKey &key, ColumnData &out, std::string *why)
{
    auto fail = [&](std::string reason) {
        out = ColumnData();
        if (why) *why = std::move(reason);
        return false;
    };
    File f(std::fopen(path.c_str(), "rb"));
    if (!f) return fail("no column cache file");
    Header h;
    if (std::fread(&h, sizeof h, 1, f.get()) != 1) return fail("the column cache file is truncated (header)");
    if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0 || h.byteOrder != 0x01020304)
        return fail("not a column cache file");
    if (h.version != kFormatVersion) return fail("column cache format version differs");
    if (headerChecksum(h) != h.headerChecksum) return fail("the column cache header checksum is wrong");
    if (!(keyOf(h) == key)) return fail("the column cache is stale (the store changed)");

    std::error_code ec;
    const auto fileSize = fs::file_size(path, ec);
    const std::uint64_t rowBytes = sizeof(std::int64_t) + kColumns32 * sizeof(std::uint32_t);
    if (ec || fileSize < sizeof(Header) || h.rows > (fileSize - sizeof(Header)) / rowBytes ||
        h.shapeCount > (fileSize - sizeof(Header)) / sizeof(IndexShape) ||
        fileSize != sizeof(Header) + h.rows * rowBytes + h.shapeCount * sizeof(IndexShape))
        return fail("the column cache file has the wrong size");
    const auto n = static_cast<std::size_t>(h.rows);
    if ((n == 0) != (key.maxId == 0 && key.minId == 0)) return fail("the column cache row count is wrong");

    if (!readVector(f.get(), out.ids, n) || !readVector(f.get(), out.shapes, n) ||
        !readVector(f.get(), out.properties, n) || !readVector(f.get(), out.distinctIds, n) ||
        !readVector(f.get(), out.sessions, n) ||
        !readVector(f.get(), out.shapeDictionary, static_cast<std::size_t>(h.shapeCount)))
        return fail("the column cache file is truncated");
    if (payloadChecksum(out) != h.payloadChecksum) return fail("the column cache checksum is wrong");

    // Never trust an index: every one must fall inside its dictionary, the ids must ascend.
    if (n > 0 && (out.ids.front() != key.minId || out.ids.back() != key.maxId))
        return fail("the column cache id range is wrong");
    for (std::size_t i = 1; i < n; ++i)
        if (out.ids[i] <= out.ids[i - 1]) return fail("the column cache ids are not ascending");
    const std::pair<const IndexColumn<std::uint32_t> *, std::uint64_t> columns[kColumns32] = {
        {&out.shapes, h.shapeCount},
        {&out.properties, key.sizes[3]},
        {&out.distinctIds, key.sizes[4]},
        {&out.sessions, key.sizes[5]}};
    for (const auto &[column, size] : columns)
        if (n > 0 && columnMax(*column) >= size) return fail("the column cache refers past a dictionary");
    for (const IndexShape &shape : out.shapeDictionary)
        if (shape.type >= key.sizes[0] || shape.url >= key.sizes[1] || shape.chain >= key.sizes[2])
            return fail("the column cache refers past a dictionary");

    return true;
}

bool writeColumnCache(const std::string &path, const ColumnCacheKey &key, const ColumnData &data,
                      std::string *why)
{
    auto fail = [&](std::string reason) {
        if (why) *why = std::move(reason);
        return false;
    };
    const std::size_t n = data.ids.size();
    for (const auto *c : {&data.shapes, &data.properties, &data.distinctIds, &data.sessions})
        if (c->size() != n) return fail("columns of different lengths");

    Header h;
    std::memset(&h, 0, sizeof h);
    std::memcpy(h.magic, kMagic, sizeof kMagic);
    h.version = kFormatVersion;
    h.byteOrder = 0x01020304;
    h.storeCreated = key.storeCreated;
    h.generation = key.generation;
    h.metaInteractions = key.metaInteractions;
    h.minId = key.minId;
    h.maxId = key.maxId;
    std::copy(std::begin(key.sizes), std::end(key.sizes), std::begin(h.sizes));
    h.dictionaryFingerprint = key.dictionaryFingerprint;
    h.rows = n;
    h.shapeCount = data.shapeDictionary.size();
    h.payloadChecksum = payloadChecksum(data);
    h.headerChecksum = headerChecksum(h);

    const std::string temp = path + ".tmp-" + std::to_string(::getpid());
    {
        File f(std::fopen(temp.c_str(), "wb"));
        if (!f) return fail("cannot create " + temp + ": " + std::strerror(errno));
        bool ok = std::fwrite(&h, sizeof h, 1, f.get()) == 1 && writeVector(f.get(), data.ids) &&
                  writeVector(f.get(), data.shapes) && writeVector(f.get(), data.properties) &&
                  writeVector(f.get(), data.distinctIds) && writeVector(f.get(), data.sessions) &&
                  writeVector(f.get(), data.shapeDictionary);
        ok = std::fflush(f.get()) == 0 && ok;
        if (!ok) {
            f.reset();
            std::error_code ec;
            fs::remove(temp, ec);
            return fail("cannot write " + temp + " (disk full?)");
        }
    }
    std::error_code ec;
    fs::rename(temp, path, ec);
    if (ec) {
        fs::remove(temp, ec);
        return fail("cannot rename the column cache into place: " + ec.message());
    }
    return true;
}

} // namespace hindsight::definitions
