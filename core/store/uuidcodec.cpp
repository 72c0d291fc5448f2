#include "core/store/uuidcodec.h"

#include <array>

namespace hindsight::store {

namespace {

// Hex digit values; 0xFF for anything else.
constexpr auto kHexValues = [] {
    std::array<unsigned char, 256> t{};
    t.fill(0xFF);
    for (int c = '0'; c <= '9'; ++c)
        t[static_cast<std::size_t>(c)] = static_cast<unsigned char>(c - '0');
    for (int c = 'a'; c <= 'f'; ++c)
        t[static_cast<std::size_t>(c)] = static_cast<unsigned char>(c - 'a' + 10);
    for (int c = 'A'; c <= 'F'; ++c)
        t[static_cast<std::size_t>(c)] = static_cast<unsigned char>(c - 'A' + 10);
    return t;
}();

// The 16 bytes of 32 hex digits at `hex` (`dashes`: in 8-4-4-4-12 groups); false if not hex.
bool decodeHex(const char *hex, bool dashes, unsigned char out[16])
{
    static constexpr int kDashed[32] = {0,  1,  2,  3,  4,  5,  6,  7,  9,  10, 11, 12, 14, 15, 16, 17,
                                        19, 20, 21, 22, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35};
    unsigned bad = 0;
    for (int i = 0; i < 16; ++i) {
        const int a = dashes ? kDashed[2 * i] : 2 * i;
        const int b = dashes ? kDashed[2 * i + 1] : 2 * i + 1;
        const unsigned hi = kHexValues[static_cast<unsigned char>(hex[a])];
        const unsigned lo = kHexValues[static_cast<unsigned char>(hex[b])];
        bad |= hi | lo;
        out[i] = static_cast<unsigned char>(hi << 4 | (lo & 0x0F));
    }
    return (bad & 0xF0) == 0;
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
    const bool dashed = id.size() == 36 && id[8] == '-' && id[13] == '-' && id[18] == '-' && id[23] == '-';
    unsigned char raw[16];
    if ((dashed || id.size() == 32) && decodeHex(id.data(), dashed, raw)) {
        bytes.assign(reinterpret_cast<const char *>(raw), 16);
        return;
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
