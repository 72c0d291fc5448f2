#include "core/naming/unicodetext.h"

#include <QChar>
#include <QList>
#include <QString>
#include <cstdio>

namespace hindsight::naming::text {

char32_t nextCodePointSlow(std::string_view text, std::size_t &pos)
{
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(pos);
    if (lead < 0x80) {
        ++pos;
        return lead;
    }
    std::size_t extra = 0;
    char32_t cp = 0;
    char32_t minimum = 0;
    if ((lead & 0xE0) == 0xC0) {
        extra = 1;
        cp = lead & 0x1F;
        minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        extra = 2;
        cp = lead & 0x0F;
        minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        extra = 3;
        cp = lead & 0x07;
        minimum = 0x10000;
    } else {
        ++pos;
        return 0xFFFD;
    }
    if (pos + extra >= text.size()) {
        ++pos;
        return 0xFFFD;
    }
    for (std::size_t i = 1; i <= extra; ++i) {
        const unsigned char b = byte(pos + i);
        if ((b & 0xC0) != 0x80) {
            ++pos;
            return 0xFFFD;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++pos;
        return 0xFFFD;
    }
    pos += extra + 1;
    return cp;
}

std::u32string toCodePoints(std::string_view text)
{
    std::u32string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size())
        out.push_back(nextCodePoint(text, pos));
    return out;
}

void appendUtf8(std::string &out, char32_t cp)
{
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::string toUtf8(std::u32string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (char32_t cp : text)
        appendUtf8(out, cp);
    return out;
}

std::size_t length(std::string_view text)
{
    std::size_t count = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        nextCodePoint(text, pos);
        ++count;
    }
    return count;
}

bool isLetterSlow(char32_t cp)
{
    if (QChar::isLetter(cp)) return true;
    const auto category = QChar::category(cp);
    return category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining;
}

bool isUpperSlow(char32_t cp)
{
    return QChar::isUpper(cp) || QChar::isTitleCase(cp);
}

bool isLowerSlow(char32_t cp)
{
    return QChar::isLower(cp);
}

bool isDigitSlow(char32_t cp)
{
    return QChar::isDigit(cp);
}

bool isSpaceSlow(char32_t cp)
{
    return QChar::isSpace(cp);
}

char32_t toUpperSlow(char32_t cp)
{
    return QChar::toUpper(cp);
}

char32_t toLowerSlow(char32_t cp)
{
    return QChar::toLower(cp);
}

std::string toLower(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        const unsigned char c = static_cast<unsigned char>(text[pos]);
        if (c < 0x80) {
            out.push_back(static_cast<char>((c >= 'A' && c <= 'Z') ? c + 32 : c));
            ++pos;
            continue;
        }
        appendUtf8(out, toLower(nextCodePoint(text, pos)));
    }
    return out;
}

std::string toUpper(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        const unsigned char c = static_cast<unsigned char>(text[pos]);
        if (c < 0x80) {
            out.push_back(static_cast<char>((c >= 'a' && c <= 'z') ? c - 32 : c));
            ++pos;
            continue;
        }
        appendUtf8(out, toUpper(nextCodePoint(text, pos)));
    }
    return out;
}

std::string capitalized(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    bool first = true;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const unsigned char c = static_cast<unsigned char>(text[pos]);
        if (c < 0x80) {
            const bool letter = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
            if (first && letter) {
                out.push_back(static_cast<char>(c >= 'a' ? c - 32 : c));
                first = false;
            } else {
                out.push_back(static_cast<char>((c >= 'A' && c <= 'Z') ? c + 32 : c));
            }
            ++pos;
            continue;
        }
        const char32_t cp = nextCodePoint(text, pos);
        if (first && isLetter(cp)) {
            appendUtf8(out, toUpper(cp));
            first = false;
        } else {
            appendUtf8(out, toLower(cp));
        }
    }
    return out;
}

std::string toAscii(std::string_view text)
{
    const QString decomposed = QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()))
                                   .normalized(QString::NormalizationForm_KD);
    std::string out;
    for (const char32_t cp : decomposed.toUcs4()) {
        if (cp < 0x80) {
            out.push_back(static_cast<char>(cp));
            continue;
        }
        switch (cp) {
        case U'ß':
            out += "ss";
            break;
        case U'æ':
            out += "ae";
            break;
        case U'Æ':
            out += "AE";
            break;
        case U'œ':
            out += "oe";
            break;
        case U'Œ':
            out += "OE";
            break;
        case U'ø':
            out += "o";
            break;
        case U'Ø':
            out += "O";
            break;
        case U'ł':
            out += "l";
            break;
        case U'Ł':
            out += "L";
            break;
        case U'đ':
            out += "d";
            break;
        case U'Đ':
            out += "D";
            break;
        case U'ð':
            out += "d";
            break;
        case U'Ð':
            out += "D";
            break;
        case U'þ':
            out += "th";
            break;
        case U'Þ':
            out += "Th";
            break;
        case U'ı':
            out += "i";
            break;
        default:
            break; // combining marks and letters without an ASCII spelling are dropped
        }
    }
    return out;
}

std::string describe(char32_t cp)
{
    std::string out = "“";
    if (cp < 0x20 || cp == 0x7F)
        out += "?";
    else
        appendUtf8(out, cp);
    char code[16];
    std::snprintf(code, sizeof code, "%04X", static_cast<unsigned>(cp));
    out += "” (U+";
    out += code;
    out += ")";
    return out;
}

} // namespace hindsight::naming::text
