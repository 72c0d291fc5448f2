#include "tests/benchmarks/benchdata.h"

#include "core/demo/demogenerator.h"
#include "core/demo/demoworkspace.h"
#include "core/store/store.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace hindsight::bench {

namespace fs = std::filesystem;

namespace {
constexpr std::int64_t kEndMs = 1'793'491'200'000; // 2026-11-01T00:00:00Z, fixed so runs compare
}

std::string benchDir()
{
    const char *env = std::getenv("HINDSIGHT_BENCH_DIR");
    const std::string dir = env && *env ? env : "/tmp/hindsight-bench";
    fs::create_directories(dir);
    return dir;
}

std::string demoNdjson(std::int64_t n)
{
    const std::string path = benchDir() + "/demo-" + std::to_string(n) + ".ndjson";
    if (fs::exists(path) && fs::file_size(path) > 0) return path;
    std::cerr << "writing " << path << " (once)\n";
    demo::DemoOptions options;
    options.interactions = n;
    options.days = 30;
    options.seed = 7;
    options.endMs = kEndMs;
    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary);
        demo::DemoGenerator(options).writePostHogNdjson(out);
    }
    fs::rename(tmp, path);
    return path;
}

std::string demoStore(std::int64_t n)
{
    const std::string path = benchDir() + "/demo-" + std::to_string(n) + ".hindsight";
    if (fs::exists(path) && !fs::exists(path + ".building")) return path;
    std::cerr << "building " << path << " (once; this takes a while for large sizes)\n";
    std::ofstream(path + ".building").put('x');
    for (const char *suffix : {"", "-wal", "-shm"})
        fs::remove(path + suffix);
    std::string error;
    auto store = store::Store::open(path, store::Store::OpenMode::CreateIfMissing, &error);
    if (!store) {
        std::cerr << error << "\n";
        std::abort();
    }
    demo::DemoOptions options;
    options.interactions = n;
    options.days = 90;
    options.seed = 42;
    options.endMs = kEndMs;
    const auto result = demo::buildDemoWorkspace(*store, options);
    if (!result.error.empty()) {
        std::cerr << result.error << "\n";
        std::abort();
    }
    store->db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    store.reset();
    fs::remove(path + ".building");
    return path;
}

} // namespace hindsight::bench
