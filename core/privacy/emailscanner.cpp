#include "core/privacy/emailscanner.h"

#include "core/privacy/charclass.h"
#include "core/privacy/contextwords.h"
#include "core/privacy/utf8letter.h"

#include <array>

namespace hindsight::privacy {

namespace {

constexpr std::size_t kMaxLocal = 64;
constexpr std::size_t kMaxLabel = 63;
constexpr std::size_t kMaxDomain = 253;

bool isLabelChar(char c)
{
    return chars::isAlnum(c) || c == '-';
}

/// Bytes of the domain-label character at `i` (ASCII letter, digit or '-', or a letter of any
/// script for internationalised domains), 0 for none.
std::size_t labelCharAt(std::string_view text, std::size_t i)
{
    if (i >= text.size()) return 0;
    if (isLabelChar(text[i])) return 1;
    return static_cast<unsigned char>(text[i]) >= 0x80 ? utf8LetterAt(text, i) : 0;
}

/// Bytes of the local-part character that ends just before `pos`, 0 for none.
std::size_t localCharBefore(std::string_view text, std::size_t pos)
{
    if (pos == 0) return 0;
    if (chars::has(text[pos - 1], chars::kEmailLocal)) return 1;
    return static_cast<unsigned char>(text[pos - 1]) >= 0x80 ? utf8LetterBefore(text, pos) : 0;
}

bool isFileExtension(std::string_view tld)
{
    static constexpr std::array<std::string_view, 22> kExtensions = {
        "png", "jpg", "jpeg", "gif", "svg",  "webp", "ico",  "bmp", "tif", "tiff", "avif",
        "css", "js",  "mjs",  "ts",  "html", "htm",  "json", "xml", "txt", "pdf",  "woff"};
    if (tld.size() > 4) return false;
    char lower[4];
    for (std::size_t i = 0; i < tld.size(); ++i)
        lower[i] = chars::toLower(tld[i]);
    const std::string_view l(lower, tld.size());
    for (std::string_view ext : kExtensions)
        if (l == ext) return true;
    return false;
}

/// End of the domain that starts at `begin`, or npos when it is not a valid domain.
std::size_t domainEnd(std::string_view text, std::size_t begin)
{
    const std::size_t n = text.size();
    std::size_t i = begin;
    int labels = 0;
    std::size_t lastLabel = begin;
    std::size_t end = begin;
    while (i < n && i - begin <= kMaxDomain) {
        const std::size_t labelStart = i;
        while (i - labelStart <= kMaxLabel) {
            const std::size_t len = labelCharAt(text, i);
            if (len == 0) break;
            i += len;
        }
        const std::size_t len = i - labelStart;
        if (len == 0 || len > kMaxLabel || text[labelStart] == '-' || text[i - 1] == '-') break;
        ++labels;
        lastLabel = labelStart;
        end = i;
        if (i + 1 < n && text[i] == '.' && labelCharAt(text, i + 1))
            ++i;
        else
            break;
    }
    if (labels < 2 || end - begin > kMaxDomain) return std::string_view::npos;
    if (end < n && (isLabelChar(text[end]) || text[end] == '@')) return std::string_view::npos;
    if (end + 1 < n && text[end] == '.' && isLabelChar(text[end + 1]))
        return std::string_view::npos; // a label that broke the rules

    const std::string_view tld = text.substr(lastLabel, end - lastLabel);
    bool alphabetic = tld.size() >= 2; // ASCII letters or letters of another script
    for (char c : tld)
        alphabetic = alphabetic && (chars::isAlpha(c) || static_cast<unsigned char>(c) >= 0x80);
    const bool idn = tld.size() > 4 && tld.starts_with("xn--");
    if (!(alphabetic || idn) || isFileExtension(tld)) return std::string_view::npos;
    return end;
}

} // namespace

std::optional<Finding> scanEmail(std::string_view text, std::size_t at, std::size_t atLength)
{
    // The domain first: it rules out most '@' quickly ("@media", "@2x.png", "a@a@a").
    const std::size_t end = domainEnd(text, at + atLength);
    if (end == std::string_view::npos) return std::nullopt;
    std::size_t b = at;
    while (b > 0 && at - b <= kMaxLocal) {
        const std::size_t len = localCharBefore(text, b);
        if (len == 0) break;
        b -= len;
    }
    if (b > 0 && (text[b - 1] == '@' || localCharBefore(text, b) != 0))
        return std::nullopt; // a local part longer than 64 characters
    // Quotes and dots around a local part belong to the sentence, not the address.
    while (b < at && (text[b] == '.' || text[b] == '\''))
        ++b;
    const std::size_t localLen = at - b;
    if (localLen == 0 || localLen > kMaxLocal || text[at - 1] == '.') return std::nullopt;
    if (text.substr(b, localLen).find("..") != std::string_view::npos) return std::nullopt;
    const double confidence = hasContextBefore(text, b, DetectorType::Email) ? 0.97 : 0.9;
    return Finding{DetectorType::Email, b, end, confidence};
}

bool isEmailAddress(std::string_view s)
{
    const std::size_t at = s.find('@');
    if (at == std::string_view::npos) return false;
    const auto f = scanEmail(s, at);
    return f && f->start == 0 && f->end == s.size();
}

} // namespace hindsight::privacy
