#include "core/store/contentkeymap.h"

#include <gtest/gtest.h>
#include <random>
#include <unordered_map>

using namespace hindsight;
using model::ContentKey;

TEST(ContentKeyMap, AgreesWithAStandardMapThroughGrowthAndClears)
{
    store::ContentKeyMap map;
    std::unordered_map<ContentKey, std::int64_t, model::ContentKeyHash> expected;
    std::mt19937_64 random(7);
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < 20000; ++i) {
            // Every fourth key shares its first lane (the hash) with another one: probing must
            // tell them apart by the second lane.
            const std::uint64_t lo = i % 4 == 0 ? random() % 64 : random();
            const ContentKey key{lo, random()};
            const auto id = static_cast<std::int64_t>(random() % 1000000) + 1;
            map.insert(key, id);
            expected[key] = id;
        }
        ASSERT_EQ(map.size(), expected.size());
        for (const auto &[key, id] : expected)
            ASSERT_EQ(map.find(key), id);
        for (int i = 0; i < 1000; ++i)
            EXPECT_EQ(map.find(ContentKey{random(), random()}), 0);
        // Replacing keeps one entry per key.
        const auto first = expected.begin()->first;
        map.insert(first, 42);
        EXPECT_EQ(map.find(first), 42);
        EXPECT_EQ(map.size(), expected.size());
        map.clear();
        expected.clear();
        EXPECT_EQ(map.size(), 0u);
        EXPECT_EQ(map.find(first), 0);
    }
}

TEST(ContentKeyMap, ProbingWrapsAroundTheEndOfTheTable)
{
    store::ContentKeyMap map;
    // Keys whose hash points at the last slots of the first table (64 slots) must wrap to the front.
    for (std::uint64_t i = 0; i < 20; ++i)
        map.insert(ContentKey{63, i}, static_cast<std::int64_t>(i) + 1);
    for (std::uint64_t i = 0; i < 20; ++i)
        EXPECT_EQ(map.find(ContentKey{63, i}), static_cast<std::int64_t>(i) + 1);
    EXPECT_EQ(map.find(ContentKey{63, 99}), 0);
}

TEST(ContentKey, StoredLaneNeverChanges)
{
    // properties.hash in every store file is the first lane: these values are pinned.
    auto text = [](std::size_t n) {
        std::string s;
        for (std::size_t i = 0; i < n; ++i)
            s.push_back(static_cast<char>('a' + i % 26));
        return s;
    };
    const std::pair<std::size_t, ContentKey> pinned[] = {
        {0, {0x71285e898ec4f180ull, 0x23753e44199a90d5ull}},
        {4, {0x0faefaf6081b6c49ull, 0x73b5a064bf3808b8ull}},
        {8, {0xa482365e28037fb3ull, 0xd20e743babfefce5ull}},
        {16, {0x91ea823c307f50e5ull, 0xa4fe22ba5e2c91bfull}},
        {39, {0x0002bd7d6d574077ull, 0x4e70bc2f6acd61d9ull}},
    };
    for (const auto &[n, key] : pinned) {
        const ContentKey got = model::contentKey(text(n));
        EXPECT_EQ(got.lo, key.lo) << n;
        EXPECT_EQ(got.hi, key.hi) << n;
    }
}
