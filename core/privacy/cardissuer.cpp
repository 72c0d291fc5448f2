#include "core/privacy/cardissuer.h"

namespace hindsight::privacy {

namespace {

int prefixValue(std::string_view digits, std::size_t n)
{
    int v = 0;
    for (std::size_t i = 0; i < n && i < digits.size(); ++i)
        v = v * 10 + (digits[i] - '0');
    return v;
}

bool inRange(std::size_t len, std::size_t lo, std::size_t hi)
{
    return len >= lo && len <= hi;
}

} // namespace

CardIssuer cardIssuer(std::string_view digits)
{
    const std::size_t len = digits.size();
    if (len < 12 || len > 19) return CardIssuer::None;
    for (char c : digits)
        if (c < '0' || c > '9') return CardIssuer::None;
    const int p1 = prefixValue(digits, 1);
    const int p2 = prefixValue(digits, 2);
    const int p3 = prefixValue(digits, 3);
    const int p4 = prefixValue(digits, 4);

    if (p1 == 4) return (len == 13 || len == 16 || len == 19) ? CardIssuer::Visa : CardIssuer::None;
    if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720))
        return len == 16 ? CardIssuer::Mastercard : CardIssuer::None;
    if (p2 == 34 || p2 == 37) return len == 15 ? CardIssuer::Amex : CardIssuer::None;
    if (p4 == 6011 || p2 == 65 || (p3 >= 644 && p3 <= 649))
        return inRange(len, 16, 19) ? CardIssuer::Discover : CardIssuer::None;
    if (p4 >= 3528 && p4 <= 3589) return inRange(len, 16, 19) ? CardIssuer::Jcb : CardIssuer::None;
    if ((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38)
        return inRange(len, 14, 19) ? CardIssuer::Diners : CardIssuer::None;
    if (p2 == 62) return inRange(len, 16, 19) ? CardIssuer::UnionPay : CardIssuer::None;
    switch (p4) {
    case 5018:
    case 5020:
    case 5038:
    case 5893:
    case 6304:
    case 6759:
    case 6761:
    case 6762:
    case 6763:
        return CardIssuer::Maestro;
    default:
        break;
    }
    return CardIssuer::None;
}

std::string_view toString(CardIssuer issuer)
{
    switch (issuer) {
    case CardIssuer::None:
        return "none";
    case CardIssuer::Visa:
        return "Visa";
    case CardIssuer::Mastercard:
        return "Mastercard";
    case CardIssuer::Amex:
        return "American Express";
    case CardIssuer::Discover:
        return "Discover";
    case CardIssuer::Jcb:
        return "JCB";
    case CardIssuer::Diners:
        return "Diners Club";
    case CardIssuer::UnionPay:
        return "UnionPay";
    case CardIssuer::Maestro:
        return "Maestro";
    }
    return "none";
}

} // namespace hindsight::privacy
