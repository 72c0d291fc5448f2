#include "ui/common/untrustedtext.h"

#include <QList>

namespace hindsight::ui::untrusted {

namespace {

bool isDisguising(char32_t c)
{
    // C0/C1 controls and the Unicode formatting characters that reorder or hide text.
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F ||
           (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF || c == 0x00AD ||
           (c >= 0x200B && c <= 0x200D);
}

bool isCollapsibleSpace(char32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0x00A0 ||
           c == 0x2028 || c == 0x2029;
}

} // namespace

QString line(std::string_view utf8, int maxChars)
{
    return line(QString::fromUtf8(utf8.data(), static_cast<qsizetype>(utf8.size())), maxChars);
}

QString line(const QString &text, int maxChars)
{
    QString out;
    out.reserve(std::min<qsizetype>(text.size(), maxChars + 1));
    int chars = 0;
    bool pendingSpace = false;
    bool cut = false;
    for (const char32_t c : text.toUcs4()) {
        if (isCollapsibleSpace(c)) {
            pendingSpace = !out.isEmpty();
            continue;
        }
        if (chars + (pendingSpace ? 1 : 0) >= maxChars) {
            cut = true;
            break;
        }
        if (pendingSpace) {
            out += QLatin1Char(' ');
            ++chars;
            pendingSpace = false;
        }
        const char32_t shown = isDisguising(c) ? char32_t(0xFFFD) : c;
        out += QString::fromUcs4(&shown, 1);
        ++chars;
    }
    if (cut) out += QChar(0x2026);
    return out;
}

QString toolTip(const QString &text, int maxChars)
{
    QString shown = text.size() > maxChars ? text.left(maxChars) + QChar(0x2026) : text;
    for (QChar &c : shown) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != '\n' && u != '\t') || (u >= 0x202A && u <= 0x202E) ||
            (u >= 0x2066 && u <= 0x2069))
            c = QChar(0xFFFD);
    }
    // Wrapping the escaped text in a paragraph makes Qt treat the tooltip as rich text whose
    // only content is the literal characters: "<b>" shows as "<b>", never as bold.
    return QStringLiteral("<p style='white-space:pre-wrap'>") + shown.toHtmlEscaped() +
           QStringLiteral("</p>");
}

} // namespace hindsight::ui::untrusted
