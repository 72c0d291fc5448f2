#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace hindsight::model {

/// A 128-bit content key: two independent 64-bit hash lanes (fast; not for anything
/// security-related). The first lane is stored in store files (properties.hash), so
/// contentKey() must never change. Dictionaries in memory identify a
/// value by its key alone (a collision among a million values has odds around 10^-27).
struct ContentKey
{
    std::uint64_t lo = 0, hi = 0;
    bool operator==(const ContentKey &) const = default;
};

inline ContentKey contentKey(std::string_view s) noexcept
{
    // Two independent lanes in one pass over the bytes.
    __extension__ using u128 = unsigned __int128;
    auto mix = [](std::uint64_t a, std::uint64_t b) {
        const u128 r = static_cast<u128>(a) * b;
        return static_cast<std::uint64_t>(r) ^ static_cast<std::uint64_t>(r >> 64);
    };
    std::uint64_t h1 = 0x9E3779B97F4A7C15ull ^ (s.size() * 0xff51afd7ed558ccdull);
    std::uint64_t h2 = 0xC2B2AE3D27D4EB4Full ^ (s.size() * 0x165667B19E3779F9ull);
    const char *p = s.data();
    std::size_t n = s.size();
    while (n >= 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        h1 = mix(h1 ^ w, 0xbf58476d1ce4e5b9ull);
        h2 = mix(h2 ^ w, 0x9FB21C651E98DF25ull);
        p += 8;
        n -= 8;
    }
    // The last 0-7 bytes, little-endian (as a memcpy into a zeroed word would give, without
    // a library call for a variable size).
    std::uint64_t tail = 0;
    for (std::size_t i = 0; i < n; ++i)
        tail |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
    tail ^= static_cast<std::uint64_t>(n) << 56;
    return {mix(h1 ^ tail, 0x94d049bb133111ebull), mix(h2 ^ tail, 0xD6E8FEB86659FD93ull)};
}

struct ContentKeyHash
{
    std::size_t operator()(const ContentKey &k) const noexcept { return static_cast<std::size_t>(k.lo); }
};

} // namespace hindsight::model
