#pragma once

#include <string_view>

namespace hindsight::privacy {

/// Payment card networks recognised by their issuer identification number (IIN) prefix.
enum class CardIssuer {
    None,
    Visa,
    Mastercard,
    Amex,
    Discover,
    Jcb,
    Diners,
    UnionPay,
    Maestro,
};

/// The network whose IIN prefix and number length fit `digits` (only '0'-'9'), or None.
/// Prefixes: Visa 4 (13, 16, 19 digits); Mastercard 51-55 and 2221-2720 (16); Amex 34, 37 (15);
/// Discover 6011, 65, 644-649 (16-19); JCB 3528-3589 (16-19); Diners 300-305, 36, 38 (14-19);
/// UnionPay 62 (16-19); Maestro 5018, 5020, 5038, 5893, 6304, 6759, 6761-6763 (12-19).
/// The Luhn check is separate (luhnValid).
CardIssuer cardIssuer(std::string_view digits);

std::string_view toString(CardIssuer issuer);

} // namespace hindsight::privacy
