#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace hindsight::naming {

/// Calls fn(i) for every i in [0, count), spread over up to `maxThreads` threads (0: one per
/// core, at most 8) when there is enough work (at least `minPerThread` items per thread); in
/// order on the calling thread otherwise. `fn` must be safe to call concurrently for different
/// i and must not throw.
template <typename Fn>
void parallelFor(std::size_t count, Fn &&fn, std::size_t minPerThread = 512, std::size_t maxThreads = 0)
{
    const std::size_t cores =
        maxThreads ? maxThreads : std::min<std::size_t>(8, std::max(1u, std::thread::hardware_concurrency()));
    const std::size_t threads = std::min(cores, count / std::max<std::size_t>(minPerThread, 1));
    if (threads <= 1) {
        for (std::size_t i = 0; i < count; ++i)
            fn(i);
        return;
    }
    constexpr std::size_t kChunk = 64;
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
        for (;;) {
            const std::size_t begin = next.fetch_add(kChunk, std::memory_order_relaxed);
            if (begin >= count) return;
            const std::size_t end = std::min(count, begin + kChunk);
            for (std::size_t i = begin; i < end; ++i)
                fn(i);
        }
    };
    std::vector<std::thread> helpers;
    helpers.reserve(threads - 1);
    for (std::size_t t = 1; t < threads; ++t)
        helpers.emplace_back(work);
    work();
    for (std::thread &helper : helpers)
        helper.join();
}

} // namespace hindsight::naming
