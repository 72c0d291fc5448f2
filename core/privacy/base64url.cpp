#include "core/privacy/base64url.h"

namespace hindsight::privacy {

namespace {

int sextet(char c)
{
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '-') return 62;
    if (c == '_') return 63;
    return -1;
}

} // namespace

std::optional<std::string> base64UrlDecode(std::string_view encoded)
{
    if (encoded.size() % 4 == 1) return std::nullopt;
    std::string out;
    out.reserve(encoded.size() * 3 / 4);
    unsigned buffer = 0;
    int bits = 0;
    for (char c : encoded) {
        const int v = sextet(c);
        if (v < 0) return std::nullopt;
        buffer = (buffer << 6) | static_cast<unsigned>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((buffer >> bits) & 0xff));
        }
    }
    return out;
}

} // namespace hindsight::privacy
