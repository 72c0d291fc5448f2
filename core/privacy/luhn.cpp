#include "core/privacy/luhn.h"

namespace hindsight::privacy {

bool luhnValid(std::string_view digits)
{
    if (digits.size() < 2) return false;
    int sum = 0;
    bool twice = false;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        if (*it < '0' || *it > '9') return false;
        int d = *it - '0';
        if (twice) {
            d *= 2;
            if (d > 9) d -= 9;
        }
        sum += d;
        twice = !twice;
    }
    return sum % 10 == 0;
}

} // namespace hindsight::privacy
