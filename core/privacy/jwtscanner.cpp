#include "core/privacy/jwtscanner.h"

#include "core/privacy/charclass.h"
#include "core/privacy/jwt.h"

namespace hindsight::privacy {

namespace {

constexpr std::size_t kMaxHeaderChars = 4096;

std::size_t base64UrlRunEnd(std::string_view text, std::size_t i)
{
    while (i < text.size() && chars::isBase64Url(text[i]))
        ++i;
    return i;
}

} // namespace

std::optional<Finding> scanJwt(std::string_view text, std::size_t pos)
{
    const std::size_t n = text.size();
    if (pos > 0 && (chars::isBase64Url(text[pos - 1]) || text[pos - 1] == '.')) return std::nullopt;
    std::size_t h = pos;
    while (h < n && chars::isBase64Url(text[h]) && h - pos <= kMaxHeaderChars)
        ++h;
    if (h >= n || text[h] != '.' || !isJwtHeader(text.substr(pos, h - pos))) return std::nullopt;
    const std::size_t p = base64UrlRunEnd(text, h + 1);
    if (p >= n || text[p] != '.') return std::nullopt;
    const std::size_t e = base64UrlRunEnd(text, p + 1);
    // A fourth part would make it a JWE or something else.
    if (e < n && text[e] == '.' && e + 1 < n && chars::isBase64Url(text[e + 1])) return std::nullopt;
    if (!isJwt(text.substr(pos, e - pos))) return std::nullopt;
    return Finding{DetectorType::Jwt, pos, e, 0.95};
}

} // namespace hindsight::privacy
