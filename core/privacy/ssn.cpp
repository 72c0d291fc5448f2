#include "core/privacy/ssn.h"

#include "core/privacy/charclass.h"

namespace hindsight::privacy {

bool ssnValid(std::string_view digits)
{
    if (digits.size() != 9) return false;
    for (char c : digits)
        if (!chars::isDigit(c)) return false;
    const std::string_view area = digits.substr(0, 3);
    const std::string_view group = digits.substr(3, 2);
    const std::string_view serial = digits.substr(5, 4);
    if (area == "000" || area == "666" || area[0] == '9') return false;
    if (group == "00" || serial == "0000") return false;
    return true;
}

} // namespace hindsight::privacy
