#include "core/privacy/iban.h"

#include "core/privacy/charclass.h"

#include <algorithm>
#include <array>

namespace hindsight::privacy {

namespace {

struct IbanCountry
{
    char code[3];
    int length;
};

// SWIFT IBAN registry (sorted by code for binary search).
constexpr std::array kCountries = {
    IbanCountry{"AD", 24}, IbanCountry{"AE", 23}, IbanCountry{"AL", 28}, IbanCountry{"AT", 20},
    IbanCountry{"AZ", 28}, IbanCountry{"BA", 20}, IbanCountry{"BE", 16}, IbanCountry{"BG", 22},
    IbanCountry{"BH", 22}, IbanCountry{"BI", 27}, IbanCountry{"BR", 29}, IbanCountry{"BY", 28},
    IbanCountry{"CH", 21}, IbanCountry{"CR", 22}, IbanCountry{"CY", 28}, IbanCountry{"CZ", 24},
    IbanCountry{"DE", 22}, IbanCountry{"DJ", 27}, IbanCountry{"DK", 18}, IbanCountry{"DO", 28},
    IbanCountry{"EE", 20}, IbanCountry{"EG", 29}, IbanCountry{"ES", 24}, IbanCountry{"FI", 18},
    IbanCountry{"FK", 18}, IbanCountry{"FO", 18}, IbanCountry{"FR", 27}, IbanCountry{"GB", 22},
    IbanCountry{"GE", 22}, IbanCountry{"GI", 23}, IbanCountry{"GL", 18}, IbanCountry{"GR", 27},
    IbanCountry{"GT", 28}, IbanCountry{"HR", 21}, IbanCountry{"HU", 28}, IbanCountry{"IE", 22},
    IbanCountry{"IL", 23}, IbanCountry{"IQ", 23}, IbanCountry{"IS", 26}, IbanCountry{"IT", 27},
    IbanCountry{"JO", 30}, IbanCountry{"KW", 30}, IbanCountry{"KZ", 20}, IbanCountry{"LB", 28},
    IbanCountry{"LC", 32}, IbanCountry{"LI", 21}, IbanCountry{"LT", 20}, IbanCountry{"LU", 20},
    IbanCountry{"LV", 21}, IbanCountry{"LY", 25}, IbanCountry{"MC", 27}, IbanCountry{"MD", 24},
    IbanCountry{"ME", 22}, IbanCountry{"MK", 19}, IbanCountry{"MN", 20}, IbanCountry{"MR", 27},
    IbanCountry{"MT", 31}, IbanCountry{"MU", 30}, IbanCountry{"NI", 28}, IbanCountry{"NL", 18},
    IbanCountry{"NO", 15}, IbanCountry{"OM", 23}, IbanCountry{"PK", 24}, IbanCountry{"PL", 28},
    IbanCountry{"PS", 29}, IbanCountry{"PT", 25}, IbanCountry{"QA", 29}, IbanCountry{"RO", 24},
    IbanCountry{"RS", 22}, IbanCountry{"RU", 33}, IbanCountry{"SA", 24}, IbanCountry{"SC", 31},
    IbanCountry{"SD", 18}, IbanCountry{"SE", 24}, IbanCountry{"SI", 19}, IbanCountry{"SK", 24},
    IbanCountry{"SM", 27}, IbanCountry{"SO", 23}, IbanCountry{"ST", 25}, IbanCountry{"SV", 28},
    IbanCountry{"TL", 23}, IbanCountry{"TN", 24}, IbanCountry{"TR", 26}, IbanCountry{"UA", 29},
    IbanCountry{"VA", 22}, IbanCountry{"VG", 24}, IbanCountry{"XK", 20}, IbanCountry{"YE", 30},
};

} // namespace

int ibanLength(std::string_view countryCode)
{
    if (countryCode.size() != 2) return 0;
    auto it = std::lower_bound(
        kCountries.begin(), kCountries.end(), countryCode,
        [](const IbanCountry &c, std::string_view code) { return std::string_view(c.code, 2) < code; });
    if (it == kCountries.end() || std::string_view(it->code, 2) != countryCode) return 0;
    return it->length;
}

bool ibanValid(std::string_view compact)
{
    if (compact.size() < 5) return false;
    const int length = ibanLength(compact.substr(0, 2));
    if (length == 0 || compact.size() != static_cast<std::size_t>(length)) return false;
    if (!chars::isDigit(compact[2]) || !chars::isDigit(compact[3])) return false;
    const int check = (compact[2] - '0') * 10 + (compact[3] - '0');
    if (check < 2 || check > 98) return false;
    for (std::size_t i = 4; i < compact.size(); ++i)
        if (!chars::isDigit(compact[i]) && !chars::isUpper(compact[i])) return false;
    // Move the first four characters to the end, read letters as 10..35, take mod 97.
    unsigned remainder = 0;
    auto feed = [&remainder](char c) {
        if (chars::isDigit(c)) {
            remainder = (remainder * 10 + static_cast<unsigned>(c - '0')) % 97;
        } else {
            const unsigned v = static_cast<unsigned>(c - 'A') + 10;
            remainder = (remainder * 100 + v) % 97;
        }
    };
    for (std::size_t i = 4; i < compact.size(); ++i)
        feed(compact[i]);
    for (std::size_t i = 0; i < 4; ++i)
        feed(compact[i]);
    return remainder == 1;
}

} // namespace hindsight::privacy
