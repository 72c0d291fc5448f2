#include "core/naming/editdistance.h"

#include <algorithm>
#include <vector>

namespace hindsight::naming {

std::size_t boundedEditDistance(std::u32string_view a, std::u32string_view b, std::size_t limit)
{
    // A common prefix or suffix never takes part in an optimal alignment.
    std::size_t prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix])
        ++prefix;
    a.remove_prefix(prefix);
    b.remove_prefix(prefix);
    while (!a.empty() && !b.empty() && a.back() == b.back()) {
        a.remove_suffix(1);
        b.remove_suffix(1);
    }
    if (a.size() > b.size()) std::swap(a, b);
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    const std::size_t over = limit + 1;
    if (m - n > limit) return over;
    if (n == 0) return std::min(m, over);
    // Three rows of the DP over b (the one before the previous is for swaps); cells outside
    // the band |i - j| <= limit stay at "over".
    constexpr std::size_t kOnStack = 64;
    std::size_t onStack[3 * kOnStack];
    std::vector<std::size_t> onHeap;
    std::size_t *storage = onStack;
    if (m + 1 > kOnStack) {
        onHeap.resize(3 * (m + 1));
        storage = onHeap.data();
    }
    std::fill(storage, storage + 3 * (m + 1), over);
    std::size_t *twoBack = storage;
    std::size_t *previous = twoBack + (m + 1);
    std::size_t *current = previous + (m + 1);
    for (std::size_t j = 0; j <= std::min(m, limit); ++j)
        previous[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        const std::size_t from = i > limit ? i - limit : 1;
        const std::size_t to = std::min(m, i + limit);
        current[0] = i <= limit ? i : over;
        if (from > 1) current[from - 1] = over;
        if (to < m) current[to + 1] = over;
        std::size_t rowMinimum = current[0];
        for (std::size_t j = from; j <= to; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            std::size_t value = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                value = std::min(value, twoBack[j - 2] + 1);
            current[j] = std::min(value, over);
            rowMinimum = std::min(rowMinimum, current[j]);
        }
        if (rowMinimum > limit) return over;
        std::swap(twoBack, previous);
        std::swap(previous, current);
    }
    return std::min(previous[m], over);
}

} // namespace hindsight::naming
