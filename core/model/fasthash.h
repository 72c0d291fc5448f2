#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace hindsight::model {

/// A fast, well-mixed 64-bit hash of bytes (not for anything security-related). Stored in
/// store files (properties.hash), so it must never change.
inline std::uint64_t hashBytes(std::string_view s, std::uint64_t seed = 0) noexcept
{
    __extension__ using u128 = unsigned __int128;
    auto mix = [](std::uint64_t a, std::uint64_t b) {
        const u128 r = static_cast<u128>(a) * b;
        return static_cast<std::uint64_t>(r) ^ static_cast<std::uint64_t>(r >> 64);
    };
    std::uint64_t h = (0x9E3779B97F4A7C15ull ^ seed) ^ (s.size() * 0xff51afd7ed558ccdull);
    const char *p = s.data();
    std::size_t n = s.size();
    while (n >= 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        h = mix(h ^ w, 0xbf58476d1ce4e5b9ull);
        p += 8;
        n -= 8;
    }
    std::uint64_t tail = 0;
    if (n) std::memcpy(&tail, p, n);
    return mix(h ^ tail ^ (static_cast<std::uint64_t>(n) << 56), 0x94d049bb133111ebull);
}

/// A 128-bit content key: two independent 64-bit hashes. Dictionaries in memory identify a
/// value by its key alone (a collision among a million values has odds around 10^-27).
struct ContentKey
{
    std::uint64_t lo = 0, hi = 0;
    bool operator==(const ContentKey &) const = default;
};

inline ContentKey contentKey(std::string_view s) noexcept
{
    return {hashBytes(s), hashBytes(s, 0x5851F42D4C957F2Dull)};
}

struct ContentKeyHash
{
    std::size_t operator()(const ContentKey &k) const noexcept { return static_cast<std::size_t>(k.lo); }
};

} // namespace hindsight::model
