#include "core/store/uuidcodec.h"

namespace hindsight::store {

namespace {
int hexValue(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}
} // namespace

std::string encodeUuid(std::string_view id)
{
    std::string bytes;
    encodeUuid(id, bytes);
    return bytes;
}

void encodeUuid(std::string_view id, std::string &bytes)
{
    bytes.clear();
    if (id.size() == 36 || id.size() == 32) {
        bytes.reserve(16);
        bool ok = true;
        int pending = -1;
        for (std::size_t i = 0; i < id.size() && ok; ++i) {
            if (id.size() == 36 && (i == 8 || i == 13 || i == 18 || i == 23)) {
                ok = id[i] == '-';
                continue;
            }
            const int h = hexValue(id[i]);
            if (h < 0) {
                ok = false;
            } else if (pending < 0) {
                pending = h;
            } else {
                bytes.push_back(static_cast<char>(pending << 4 | h));
                pending = -1;
            }
        }
        if (ok && bytes.size() == 16) return;
    }
    bytes.assign(1, '\0');
    bytes.append(id);
}

std::string decodeUuid(std::string_view blob)
{
    if (blob.size() == 16) {
        static constexpr char kHex[] = "0123456789abcdef";
        std::string out;
        out.reserve(36);
        for (std::size_t i = 0; i < 16; ++i) {
            if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
            const auto b = static_cast<unsigned char>(blob[i]);
            out.push_back(kHex[b >> 4]);
            out.push_back(kHex[b & 15]);
        }
        return out;
    }
    if (!blob.empty() && blob[0] == '\0') return std::string(blob.substr(1));
    return std::string(blob);
}

} // namespace hindsight::store
