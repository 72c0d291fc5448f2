#include "core/privacy/jwt.h"

#include "core/privacy/base64url.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace hindsight::privacy {

namespace {

constexpr std::size_t kMaxHeader = 4096;

std::optional<QJsonObject> decodeHeader(std::string_view encoded)
{
    if (encoded.empty() || encoded.size() > kMaxHeader) return std::nullopt;
    const auto decoded = base64UrlDecode(encoded);
    if (!decoded) return std::nullopt;
    QJsonParseError error{};
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray(decoded->data(), static_cast<qsizetype>(decoded->size())), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) return std::nullopt;
    QJsonObject object = doc.object();
    if (!object.value(QStringLiteral("alg")).isString()) return std::nullopt;
    return object;
}

} // namespace

bool isJwtHeader(std::string_view encoded)
{
    return decodeHeader(encoded).has_value();
}

bool isJwt(std::string_view token)
{
    const std::size_t dot1 = token.find('.');
    if (dot1 == std::string_view::npos) return false;
    const std::size_t dot2 = token.find('.', dot1 + 1);
    if (dot2 == std::string_view::npos || token.find('.', dot2 + 1) != std::string_view::npos) return false;
    const auto header = decodeHeader(token.substr(0, dot1));
    if (!header) return false;
    const std::string_view payload = token.substr(dot1 + 1, dot2 - dot1 - 1);
    const std::string_view signature = token.substr(dot2 + 1);
    if (payload.empty() || !base64UrlDecode(payload)) return false;
    if (signature.empty())
        return header->value(QStringLiteral("alg"))
                   .toString()
                   .compare(QStringLiteral("none"), Qt::CaseInsensitive) == 0;
    return base64UrlDecode(signature).has_value();
}

} // namespace hindsight::privacy
