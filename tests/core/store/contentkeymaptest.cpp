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
