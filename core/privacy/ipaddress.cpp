#include "core/privacy/ipaddress.h"

#include "core/privacy/charclass.h"

namespace hindsight::privacy {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

} // namespace

bool parseIPv4(std::string_view s, std::array<std::uint8_t, 4> *out)
{
    std::array<std::uint8_t, 4> bytes{};
    std::size_t i = 0;
    for (int part = 0; part < 4; ++part) {
        if (part > 0) {
            if (i >= s.size() || s[i] != '.') return false;
            ++i;
        }
        const std::size_t begin = i;
        int value = 0;
        while (i < s.size() && chars::isDigit(s[i]) && i - begin < 4) {
            value = value * 10 + (s[i] - '0');
            ++i;
        }
        const std::size_t len = i - begin;
        if (len == 0 || len > 3 || value > 255 || (len > 1 && s[begin] == '0')) return false;
        bytes[static_cast<std::size_t>(part)] = static_cast<std::uint8_t>(value);
    }
    if (i != s.size()) return false;
    if (out) *out = bytes;
    return true;
}

bool parseIPv6(std::string_view s, std::array<std::uint8_t, 16> *out)
{
    if (s.size() < 2 || s.size() > 45) return false;
    std::array<std::uint16_t, 8> groups{};
    int count = 0;  // groups written
    int gapAt = -1; // index in `groups` where "::" stands
    std::size_t i = 0;
    if (s[0] == ':') {
        if (s[1] != ':') return false;
        gapAt = 0;
        i = 2;
        if (i == s.size()) {
            if (out) out->fill(0);
            return true;
        }
    }
    while (i < s.size()) {
        if (count == 8) return false;
        // Embedded IPv4 in the last 32 bits?
        std::size_t j = i;
        while (j < s.size() && chars::isHex(s[j]))
            ++j;
        if (j < s.size() && s[j] == '.') {
            std::array<std::uint8_t, 4> v4{};
            if (count > 6 || !parseIPv4(s.substr(i), &v4)) return false;
            groups[static_cast<std::size_t>(count++)] = static_cast<std::uint16_t>(v4[0] << 8 | v4[1]);
            groups[static_cast<std::size_t>(count++)] = static_cast<std::uint16_t>(v4[2] << 8 | v4[3]);
            i = s.size();
            break;
        }
        const std::size_t len = j - i;
        if (len == 0 || len > 4) return false;
        unsigned v = 0;
        for (std::size_t k = i; k < j; ++k)
            v = v * 16 + static_cast<unsigned>(hexValue(s[k]));
        groups[static_cast<std::size_t>(count++)] = static_cast<std::uint16_t>(v);
        i = j;
        if (i == s.size()) break;
        if (s[i] != ':') return false;
        ++i;
        if (i < s.size() && s[i] == ':') {
            if (gapAt >= 0) return false;
            gapAt = count;
            ++i;
        } else if (i == s.size()) {
            return false; // trailing single ':'
        }
    }
    if (gapAt < 0 && count != 8) return false;
    if (gapAt >= 0 && count > 7) return false;
    if (out) {
        out->fill(0);
        const int tail = count - (gapAt < 0 ? count : gapAt);
        const int head = count - tail;
        for (int g = 0; g < head; ++g) {
            (*out)[static_cast<std::size_t>(2 * g)] =
                static_cast<std::uint8_t>(groups[static_cast<std::size_t>(g)] >> 8);
            (*out)[static_cast<std::size_t>(2 * g + 1)] =
                static_cast<std::uint8_t>(groups[static_cast<std::size_t>(g)] & 0xff);
        }
        for (int g = 0; g < tail; ++g) {
            const std::size_t dst = static_cast<std::size_t>(2 * (8 - tail + g));
            const std::uint16_t v = groups[static_cast<std::size_t>(head + g)];
            (*out)[dst] = static_cast<std::uint8_t>(v >> 8);
            (*out)[dst + 1] = static_cast<std::uint8_t>(v & 0xff);
        }
    }
    return true;
}

} // namespace hindsight::privacy
