#pragma once

#include <cstdint>
#include <string>

namespace hindsight::bench {

/// A folder for benchmark data that survives between runs ($HINDSIGHT_BENCH_DIR, default
/// /tmp/hindsight-bench), so expensive inputs (the 10M workspace) are built once.
std::string benchDir();

/// PostHog NDJSON of the demo shop with `n` events (seed 7), written once and reused.
std::string demoNdjson(std::int64_t n);

/// The demo workspace with `n` interactions (seed 42, 90 days), built once and reused.
std::string demoStore(std::int64_t n);

} // namespace hindsight::bench
