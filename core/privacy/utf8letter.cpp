#include "core/privacy/utf8letter.h"

#include "core/privacy/charclass.h"

#include <QChar>

namespace hindsight::privacy {

namespace {

bool isContinuation(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

/// Decodes the sequence at pos; returns its length or 0 when malformed.
std::size_t decode(std::string_view text, std::size_t pos, char32_t &cp)
{
    const auto lead = static_cast<unsigned char>(text[pos]);
    std::size_t len = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        len = 2;
        cp = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        len = 3;
        cp = lead & 0x0F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        len = 4;
        cp = lead & 0x07;
    } else {
        return 0;
    }
    if (pos + len > text.size()) return 0;
    for (std::size_t i = 1; i < len; ++i) {
        const auto c = static_cast<unsigned char>(text[pos + i]);
        if (!isContinuation(c)) return 0;
        cp = (cp << 6) | (c & 0x3F);
    }
    return len;
}

} // namespace

std::size_t utf8LetterAt(std::string_view text, std::size_t pos)
{
    if (pos >= text.size()) return 0;
    if (static_cast<unsigned char>(text[pos]) < 0x80) return chars::isAlnum(text[pos]) ? 1 : 0;
    char32_t cp = 0;
    const std::size_t len = decode(text, pos, cp);
    return len && QChar::isLetterOrNumber(cp) ? len : 0;
}

std::size_t utf8LetterBefore(std::string_view text, std::size_t pos)
{
    if (pos == 0 || pos > text.size()) return 0;
    if (static_cast<unsigned char>(text[pos - 1]) < 0x80) return chars::isAlnum(text[pos - 1]) ? 1 : 0;
    std::size_t start = pos - 1;
    while (start > 0 && pos - start < 4 && isContinuation(static_cast<unsigned char>(text[start])))
        --start;
    const std::size_t len = utf8LetterAt(text, start);
    return start + len == pos ? len : 0;
}

} // namespace hindsight::privacy
