#pragma once

#include <cstdint>
#include <cstring>

namespace hindsight::demo {

/// SplitMix64 step: a good 64-bit mixer, used to derive independent seeds and stateless hashes.
constexpr std::uint64_t splitMix64(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

/// A stateless hash of two numbers (for values that must not depend on call order).
constexpr std::uint64_t mixHash(std::uint64_t a, std::uint64_t b)
{
    return splitMix64(splitMix64(a) ^ (b + 0x632be59bd9b4e019ULL));
}

/// Natural logarithm of a positive, finite x, computed with plain IEEE arithmetic (no libm), so
/// that the demo stream does not depend on the platform's math library. Relative error < 1e-9.
inline double portableLog(double x)
{
    std::uint64_t bits = 0;
    std::memcpy(&bits, &x, sizeof bits);
    int exponent = static_cast<int>((bits >> 52) & 0x7FF) - 1023;
    bits = (bits & 0x000FFFFFFFFFFFFFULL) | 0x3FF0000000000000ULL; // mantissa in [1, 2)
    double m = 0;
    std::memcpy(&m, &bits, sizeof m);
    if (m > 1.4142135623730951) { // keep m in [sqrt(1/2), sqrt(2)) for a fast series
        m *= 0.5;
        ++exponent;
    }
    const double s = (m - 1) / (m + 1);
    const double s2 = s * s;
    const double series =
        s * (2 + s2 * (2.0 / 3 +
                       s2 * (2.0 / 5 + s2 * (2.0 / 7 + s2 * (2.0 / 9 + s2 * (2.0 / 11 + s2 * (2.0 / 13)))))));
    return exponent * 0.6931471805599453 + series;
}

/// A small, fast, fully specified pseudo-random generator (xoshiro256**), so that the demo stream
/// is identical on every platform and standard library (std:: distributions are not specified
/// bit-for-bit, so none are used).
class SeededRandom
{
  public:
    explicit SeededRandom(std::uint64_t seed)
    {
        std::uint64_t x = seed;
        for (auto &s : m_state) {
            x = splitMix64(x);
            s = x;
        }
    }

    std::uint64_t next()
    {
        const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
        const std::uint64_t t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }

    /// Uniform integer in [0, n); 0 when n == 0 (multiply-shift, bias far below anything visible).
    std::uint32_t below(std::uint32_t n)
    {
        return static_cast<std::uint32_t>(((next() >> 32) * static_cast<std::uint64_t>(n)) >> 32);
    }

    /// Uniform integer in [lo, hi].
    int between(int lo, int hi)
    {
        return lo + static_cast<int>(below(static_cast<std::uint32_t>(hi - lo + 1)));
    }

    /// Uniform double in [0, 1).
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    bool chance(double p) { return unit() < p; }

    /// Exponentially distributed value with the given mean.
    double exponential(double mean) { return -mean * portableLog(1.0 - unit()); }

    /// A right-skewed duration in milliseconds: `minMs` plus an exponential tail with mean `meanExtraMs`.
    std::int64_t thinkMs(double minMs, double meanExtraMs)
    {
        return static_cast<std::int64_t>(minMs + exponential(meanExtraMs));
    }

  private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t m_state[4];
};

} // namespace hindsight::demo
