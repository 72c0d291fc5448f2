#include "core/naming/editdistance.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <random>
#include <vector>

using namespace hindsight::naming;

namespace {

/// The textbook full-table optimal-string-alignment distance, to check the banded one against.
std::size_t reference(std::u32string_view a, std::u32string_view b)
{
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i)
        d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j)
        d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            d[i][j] = std::min(
                {d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.size()][b.size()];
}

} // namespace

TEST(EditDistance, KnownPairs)
{
    EXPECT_EQ(boundedEditDistance(U"checkoutstarted", U"chekoutstarted", 2), 1u);
    EXPECT_EQ(boundedEditDistance(U"checkoutstarted", U"chcekoutstarted", 2), 1u); // swap
    EXPECT_EQ(boundedEditDistance(U"ordercompleted", U"ordercompleted", 2), 0u);
    EXPECT_EQ(boundedEditDistance(U"ordercompleted", U"ordrcompletd", 2), 2u);
    EXPECT_EQ(boundedEditDistance(U"ordercompleted", U"productviewed", 2), 3u); // over the limit
    EXPECT_EQ(boundedEditDistance(U"", U"abc", 5), 3u);
    EXPECT_EQ(boundedEditDistance(U"café", U"cafe", 1), 1u);
}

TEST(EditDistance, AgreesWithTheFullTableUpToTheLimit)
{
    std::mt19937 rng(7);
    for (int round = 0; round < 20000; ++round) {
        std::u32string a, b;
        const std::size_t n = rng() % 9, m = rng() % 9;
        for (std::size_t i = 0; i < n; ++i)
            a.push_back(U'a' + rng() % 3);
        for (std::size_t i = 0; i < m; ++i)
            b.push_back(U'a' + rng() % 3);
        const std::size_t limit = rng() % 4;
        EXPECT_EQ(boundedEditDistance(a, b, limit), std::min(reference(a, b), limit + 1));
    }
}
