#include "core/privacy/ibanscanner.h"

#include "core/privacy/charclass.h"
#include "core/privacy/contextwords.h"
#include "core/privacy/iban.h"
#include "core/privacy/tokenboundary.h"

namespace hindsight::privacy {

std::optional<Finding> scanIban(std::string_view text, std::size_t pos)
{
    const std::size_t n = text.size();
    if (pos + 4 > n || !boundary::isolatedStart(text, pos)) return std::nullopt;
    const int length = ibanLength(text.substr(pos, 2));
    if (length == 0) return std::nullopt;
    char compact[34];
    std::size_t count = 0;
    std::size_t i = pos;
    bool spaced = false; // print form: a space after every four characters
    while (count < static_cast<std::size_t>(length)) {
        if (count % 4 == 0 && count > 0) {
            if (count == 4) spaced = i < n && text[i] == ' ';
            if (spaced) {
                if (i >= n || text[i] != ' ') return std::nullopt;
                ++i;
            }
        }
        if (i >= n || !(chars::isDigit(text[i]) || chars::isUpper(text[i]))) return std::nullopt;
        compact[count++] = text[i++];
    }
    if (i < n && chars::isWordChar(text[i])) return std::nullopt;
    if (!ibanValid(std::string_view(compact, count))) return std::nullopt;
    const double confidence = hasContextBefore(text, pos, DetectorType::Iban) ? 0.97 : 0.9;
    return Finding{DetectorType::Iban, pos, i, confidence};
}

} // namespace hindsight::privacy
